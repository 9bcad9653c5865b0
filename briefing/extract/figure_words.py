"""The words figures are read with, each vocabulary named once (as trafilatura's xpaths.py names its own).

All patterns work on the matching form (lower case, one tone-mark style);
the reach constants say how far, in characters, a word may stand from its
figure and still belong to it.
"""

from __future__ import annotations

import re

from briefing.extract.indicators import INDICATORS
from briefing.text.patterns import YEAR
from briefing.text.quantity_words import PLAN_UNITS

# "mục tiêu tăng trưởng 2019 … đạt 6,8%": bare "tăng trưởng" means the economy when nothing narrower is named.
BARE_GROWTH = re.compile(r"tăng trưởng")
# The nouns that make a growth narrower than the economy's when they follow "tăng trưởng" at once
# ("tăng trưởng tín dụng" is credit's; a sector named as such, "ngành …", is set aside by the owner's words).
NARROWER_GROWTH = re.compile(
    r"\s+(?:của\s+)?(?:khách|lượt khách|doanh thu|lợi nhuận|huy động|tiền gửi|vốn|sản lượng|"
    r"thị trường|xuất khẩu|nhập khẩu|bán lẻ|tổng mức|tiêu dùng|kim ngạch|dư nợ|tín dụng|doanh nghiệp|lĩnh vực)\b"
)
# The words between two figures that make the second restate the first: "(", "tương đương", "tức là",
# "bằng", "so với kế hoạch", "(từ", or a plan word up to 30 characters back ("chỉ tiêu Quốc hội giao là").
SAME_AS_BEFORE = re.compile(
    r"^\W*(?:\(|tương đương|tức là|tức|bằng|so với (?:mục tiêu|kế hoạch|chỉ tiêu))[\s(]*(?:với\s*)?(?:khoảng|hơn|trên|gần)?\s*$"
    r"|\(\s*từ\s*$|(?:chỉ tiêu|mục tiêu|kế hoạch|mức (?:mà )?(?:quốc hội|chính phủ|hđnd))[^,;]{0,30}$"
)
EQUIVALENT = re.compile(r"^\W*\(\s*$")  # "5,55 triệu tỉ đồng (240,5 tỉ USD)": the same figure in dollars
# "tỷ lệ nhập siêu so với kim ngạch xuất khẩu"; "đóng góp lớn nhất vào tăng trưởng GDP: 2,67%" (a share of it)
NOT_INDICATOR = re.compile(r"mặt hàng|nhập siêu|đóng góp[^\d]{0,40}vào[^\d,;]{0,30}:?\s*$")
# A region's figures ("toàn vùng", "các vùng kinh tế") are not a province's nor the country's.
REGION = re.compile(
    r"\b(?:cả vùng|của vùng|toàn vùng|vùng kinh tế|các vùng|vùng (?:đồng bằng|trung du|duyên hải|tây nguyên|"
    r"đông nam bộ|tây bắc|đông bắc|bắc trung bộ|nam trung bộ)|đồng bằng sông)\b"
)
MET = re.compile(r"đạt|hoàn thành|vượt")
NOT_MET = re.compile(r"không (?:hoàn thành|đạt)|chưa (?:hoàn thành|đạt)|khó (?:hoàn thành|đạt)")
TOTAL = re.compile(r"(?:tổng số|trong|trên)\s*$")  # "trong tổng số 18 chỉ tiêu": the words before a total
PART_OF_COUNT = re.compile(r"trong đó(?: có)?\s*$")  # "trong đó có 5 chỉ tiêu": a part of a count, not a count met
MET_REACH = 25  # "có 14 chỉ tiêu đạt": whether a count is met or a total is said in the few words before it
# Where the words after a count of indicators stop saying whether they were met: "thực hiện 20 chỉ tiêu,
# trong đó … GRDP đạt 8,3%" is the growth's "đạt", not the count's; a list's ";", or the next number
# (a year is no number: "12 chỉ tiêu … năm 2018 đều đạt"), or a comma ("đề ra 20 chỉ tiêu, tăng trưởng
# GRDP đạt 8,3%"), but the one inside "kinh tế, xã hội".
# (Bracketed asides are dropped first: "24/27 chỉ tiêu (chiếm 88,9%) đạt …".)
MET_CLAUSE_END = re.compile(rf"[;:]|,(?!\s*xã hội\b)|\btrong đó\b|\b(?!{YEAR}\b)\d")
# A plan's targets number a dozen or more: "chỉ đạt 2/3 chỉ tiêu" (three traffic-safety targets) is a
# sector's scorecard, not the place's socio-economic indicators.
FEWEST_PLAN_INDICATORS = 5
TOTAL_REACH = 12  # "tổng số 18": a total's own words stand right before its number
# Words that carry no subject: a window made only of these ("năm 2017 đạt", "con số này là hơn")
# takes the subject of the sentence before.
FILLER = frozenset(
    "năm đến tới cuối ước đạt được là hơn khoảng trên gần con số này chỉ tiêu mục tiêu so với tuy nhiên "
    "và còn có mức ở thu hút cho biết ông bà thì vào".split()
)
# "ngành nông nghiệp phải đạt …", "Toàn ngành phấn đấu …": a sector's own figures, not the economy's.
# It matches "toàn ngành" on its own, or "ngành nông nghiệp"/"ngành công nghiệp" not after "toàn" or "các".
SECTOR = re.compile(r"\b(?:toàn ngành(?! (?:công|nông) nghiệp)|(?<!toàn )(?<!các )ngành (nông nghiệp|công nghiệp))\b")
SECTOR_GROWTH = {"nông nghiệp": "agricultural_growth", "công nghiệp": "industrial_growth"}
SECTOR_GROWTH_PHRASE = re.compile(r"tăng trưởng|giá trị sản xuất")
# "Quy mô GDP theo giá hiện hành", "tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều": the basis a figure
# is measured on, not another noun.
MEASURE_BASIS = re.compile(r"(?:theo )?giá (?:hiện hành|so sánh)(?: năm)?(?: \d{4})?|theo chuẩn nghèo(?: tiếp cận| đa chiều| mới| đa chiều mới)*")
# "cao hơn mức tăng 6,2% của năm 2022": the same indicator's figure of another year, for comparison.
COMPARED_WITH = re.compile(r"^\W*(?:cao|thấp) hơn(?: so với)?(?: mức| tốc độ)?(?: tăng)?(?: trưởng)?\s*$")
# A rate and the indicator of its fall: "giảm 1,2%" of the poverty rate is its reduction,
# and "giảm còn 2,1%" (what remains) is the rate itself.
FALL_OF = {"poverty_rate": "poverty_rate_reduction"}
LEVEL_AFTER_FALL = {fall: level for level, fall in FALL_OF.items()}
# "tỷ lệ hộ nghèo giảm còn 2,1%", "giảm … xuống 1%": what remains is the rate, not its fall.
REMAINING = re.compile(r"\b(?:còn|xuống)\s*$")
# "tỷ lệ hộ nghèo giảm từ 7,8% xuống còn 6%", "tăng từ 2.385 USD lên 2.587 USD": the level a change
# started from (an earlier time's, not the year's) and the level it reached (the year's).
# ("giảm 1,5%, từ 7,8% xuống còn 6,3%": right after the change, "từ" alone opens the level it started from)
STARTING_LEVEL = re.compile(r"(?:(?:tăng(?! trưởng)|giảm)\b[^\d]{0,40}?|^\W*)\btừ(?: mức)?\s*$")
AT_LEAST = (">=", "<=")  # the comparators of "từ 8% trở lên / trở xuống": a floor or a ceiling, not a starting level
# "tăng lên 17.500 tỷ đồng", "giảm xuống còn 3%": the level a change reached, told right before the figure
REACHED_RIGHT_BEFORE = re.compile(r"\b(?:lên|xuống)(?:\s+(?:còn|mức))?\s+$")
LEVEL_REACHED = re.compile(r"^\W*(?:gdp\s+)?(?:xuống|lên)(?: còn| mức| đến| tới)?\s*$")
LEVEL_MOVED = re.compile(r"\b(?:từ|còn|xuống|lên)(?: mức)?\s*$")  # "giảm từ 63,6%", "tăng lên 64%": levels, not changes
# "kim ngạch xuất khẩu đạt 30,6 tỷ USD, tăng gần 6% so với …": the change of the figure just given.
ONLY_CHANGE = re.compile(r"^\W*(?:tăng|giảm)(?: (?:gần|hơn|khoảng|trên|xấp xỉ|thêm))?\s*$")
ANAPHOR = re.compile(r"\b(?:con số|chỉ số|chỉ tiêu) (?:này|đó)\b")
BUSINESS_NOUN = re.compile(r"\b(?:doanh nghiệp|dn)\b")
BUSINESS_CHANGE = re.compile(r"mới|thành lập|ngừng|giải thể|phá sản|đóng cửa|rút lui|quay trở lại")
# "doanh nghiệp đang hoạt động": only a count said to be in operation is the stock of businesses
# ("sắp xếp 88 doanh nghiệp", "cổ phần hoá 32 doanh nghiệp" count something else).
BUSINESS_ACTIVE = re.compile(r"\b(?:doanh nghiệp|dn)(?: \w+){0,3} hoạt động\b")
# "1.000 doanh nghiệp khởi nghiệp", "500 doanh nghiệp tầm trung": a kind of business, not all of them.
BUSINESS_KIND = re.compile(r"\b(?:doanh nghiệp|dn) (?:khởi nghiệp|tầm trung|lớn|nhỏ|vừa|fdi|nhà nước|tư nhân|công nghệ|có vốn)")
INDICATOR_PHRASES = {code: re.compile(indicator.phrases) for code, indicator in INDICATORS.items()}
# The same phrases found where they overlap ("tốc độ tăng trưởng kinh tế" ends after "kinh tế").
OVERLAPPING_PHRASES = {code: re.compile(f"(?=({indicator.phrases}))") for code, indicator in INDICATORS.items()}

PLAN_SHARE = re.compile(r"^\s*(?:so với )?(?:" + "|".join(PLAN_UNITS) + ")")
# "tăng 3% so với dự toán": the words right before a percentage of the plan say it is a change from
# the plan (103% of it), not a share of it ("khoảng", "hơn" … are read with the number itself).
CHANGE_FROM_PLAN = re.compile(r"\b(tăng|vượt|giảm|hụt)(?:\s+(?:tới|từ|đến))?\s+$")
FALLS = ("giảm", "hụt")
PLAN_CHANGE_REACH = 20
# "so với kế hoạch năm trước", "so với dự toán năm 2022": the plan words name a year (group 1, if a number)
EARLIER_PLAN = re.compile(r"\s*(?:của\s+)?năm\s+(?:trước\b|ngoái\b|(\d{4})\b)")
REVERSED_COMPARATOR = {">": "<", ">=": "<=", "<": ">", "<=": ">="}  # "giảm hơn 10%": under 90% of the plan
PLAN_SHARE_REACH = 30  # "102,6% so với dự toán": the plan words follow the percentage at once
GDP_SHARE = re.compile(r"^\s*(?:gdp|grdp|gd p)\b")  # "3,6% GDP": a share of the economy
GDP_SHARE_REACH = 8  # room for " grdp" after the percent sign
GDP_SHARE_UNIT = "% of GDP"
GDP_NAMED = re.compile(r"\b(?:so(?: với)? )?(?:gdp|grdp)\b[^\d]{0,12}$")  # "… toàn xã hội so GDP khoảng 31,5%"
GDP_AFTER = re.compile(r"^\s*(?:so với |so |của )?(?:gdp|grdp)\b")  # "35% so với GRDP"
# A year after these words is a baseline the figure is compared with, not its own year.
# A bracketed aside: its year is its own, not that of the figures after it.
ASIDE = re.compile(r"\([^()]*\)")
BASELINE = re.compile(r"(?:so với|cùng kỳ|lần|từ|kể từ|hơn|giai đoạn|giá so sánh|[-–])\s*(?:(?:cuối|đầu)\s+)?(?:năm\s*)?$")
BASELINE_REACH = 18  # "so với (cuối) năm 2022": the baseline words stand right before the year
# "3,46 tỉ USD của năm 2016", "6,8% năm 2019": a year right after the figure is its own.
OWN_YEAR_AFTER = re.compile(rf"[\s”\")]*(?:của |trong |vào )?(?:cuối |hết )?năm ({YEAR})\b")  # "61,4% cuối năm 2017"
YEAR_AFTER_REACH = 40  # "đạt 6,8% năm 2019": a year that follows its figure follows it closely
PER_YEAR = re.compile(r"%\s*/\s*năm$")  # "6,5%/năm": a rate for each year of a period
# "25.000 đồng/giờ", "5 triệu đồng mỗi tháng": an amount for an hour, a day or a month is no year's figure.
PER_SHORT_PERIOD = re.compile(r"(?:\s*/\s*|\s+(?:mỗi|một)\s+)(?:giờ|ngày|tuần|tháng)\b(?! (?:trước|sau|qua|tới|nữa)\b)")
# "tăng 16%", "giảm thêm 2 điểm": the change words just before a figure.
GROWTH_WORDS = re.compile(r"(?:tăng|giảm)(?: \w+){0,2}\s*$")
LEVEL_INDICATORS = {"social_investment", "export_value", "budget_revenue", "fdi_attraction", "gdp_size",
                    "new_businesses", "tourists", "international_visitors", "jobs", "trade_surplus",
                    "public_investment_disbursement", "income_per_capita", "food_output"}
# Indicators whose phrase follows a count: "thêm 16 xã đạt chuẩn nông thôn mới", "96.600 DN thành lập mới".
TRAILING = {
    "new_rural_standard": ("count", "%"), "new_businesses": ("count",), "fdi_attraction": ("USD",),
    "international_visitors": ("visits", "people"), "tourists": ("visits", "people"),  # "5 triệu lượt khách du lịch"
}
FOLLOWING_REACH = 90  # the words after a figure that can still say what it counts or whether it was met
TRAILING_REACH = 30  # a trailing phrase further than this before a figure belongs to an earlier count
# "thêm 16 xã đạt chuẩn": 16 more, an increment and not the total.
INCREMENT_WORDS = re.compile(r"\bthêm\s*$")
# What a count of new-rural places must count: "3.838 xã", "61 đơn vị cấp huyện", not "2 chương
# trình" or "5 tiêu chí".
NEW_RURAL_COUNTED = re.compile(r"\b(?:xã|phường|huyện|quận|thị xã|đơn vị|tỉnh|thôn|bản|ấp)\b")
# What a figure counts when it counts places: "100% xã", "8/13 huyện", "50% số xã", "thêm 16 xã".
COUNTED_PLACE = re.compile(
    r"\D*\d[\d.,/\s–-]*%?\s*(?:số\s+)?(xã(?! hội)|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|thôn|bản|ấp)\b"
)
# "cao hơn mức 5,05% của cả nước": the country's figure, quoted beside a province's.
COUNTRY_AFTER = re.compile(r"\s*(?:của )?cả nước\b")
RECENT_PLACE_SENTENCES = 2  # a province named this recently is still the subject of a national article
# "Sáng 28/12, tại Hà Nội, Thủ tướng chủ trì …": where a national meeting is held is not whose figures follow.
VENUE_BEFORE = re.compile(r"\btại\s+(?:(?:tp\.?|thành phố|thủ đô)\s+)?$", re.IGNORECASE)
# Words that make a sentence a province's or the country's.
PROVINCIAL_WORDS = re.compile(r"grdp|trên địa bàn|\btỉnh\b|toàn tỉnh|thành phố")
NATIONAL_WORDS = re.compile(r"cả nước|\bgdp\b|quốc hội|chính phủ|nền kinh tế")
# "Việt Nam" owns a figure as "cả nước" does, unless it ends a body's name ("Mặt trận Tổ quốc Việt Nam
# tỉnh", "Ngân hàng Phát triển Việt Nam", "Tổng cục Du lịch Việt Nam", "Nhà máy Intel Việt Nam").
VIETNAM = re.compile(r"\bviệt nam\b")
BODY_NAMED_BEFORE = re.compile(
    r"\b(?:mặt trận|ngân hàng|tổng cục|cục|tập đoàn|tổng công ty|công ty|nhà máy|hiệp hội|hội|hải quan|quỹ|viện|"
    r"đại học|liên đoàn|báo|đài|thông tấn xã|ủy ban|uỷ ban)\b(?:\s+[^\W\d]+){0,4}\s*$"
)
THIS_PLACE = re.compile(r"\b(?:tỉnh|thành phố|tp\.?) (?:này|nhà)\b|\bđịa phương này\b")  # "GDP tỉnh này đạt 6,7%"
# "thành phố đặt mục tiêu tăng trưởng GDP 9,5%": a province or city as the subject, not one of many
PLACE_AS_SUBJECT = re.compile(r"(?<!các )(?<!tỉnh, )(?<!và )\b(?:tỉnh|thành phố)\b(?! (?:và|,))")
# "giải ngân vốn vay nợ công đạt 65%", "trả nợ công": the debt qualifies a loan or a payment, whose % it is
DEBT_OF_SOMETHING = re.compile(r"\b(?:vay|trả|khoản|vốn)\s+nợ công\b")
# "99,6% tổng giá trị xuất khẩu": a share, not the level ("85% tổng kế hoạch vốn" is the plan's share)
SHARE_OF_TOTAL = re.compile(r"\s*(?:của |trong )?tổng\b(?! số\b| kế hoạch| dự toán| vốn)")
# "35 bộ, cơ quan … có tỉ lệ giải ngân đạt dưới 40%": a figure of a count of units, not of one place.
UNITS_COUNTED = re.compile(
    rf"\b(?!{YEAR}\b)\d+ (?:bộ|tỉnh|địa phương|thành phố|huyện|quận|xã|cơ quan)\b[^;]{{0,60}}?\b(?:có (?:tỉ lệ|tỷ lệ|mức)|giải ngân)"
    # "trong đó 03 địa phương có 100% số xã …": the share each of several places has
    rf"|\b(?!{YEAR}\b)\d+ (?:bộ|tỉnh|địa phương|thành phố|huyện|quận|cơ quan)\b(?:[^\d;,]|,(?=\s*(?:thị xã|thành phố|huyện|quận)\b)){{0,20}}\bcó\s*$"
)
# Indicators that are themselves a year's average: "bình quân" with them is no multi-year average.
YEARLY_AVERAGES = ("income_per_capita", "cpi")
# Words that may stand between an indicator's phrase and its figure without changing whose
# figure it is: verbs of reaching and changing, comparators, years, "the province", "per head".
LINKING_WORDS = frozenset(
    """đạt được ước tính thực hiện dự kiến là ở mức khoảng trên dưới hơn gần xấp xỉ tăng giảm trưởng
    cao thấp tiếp tục vẫn chỉ còn lên đến tới xuống với so năm nay qua trước này cả nước tỉnh thành phố tp
    địa bàn toàn của có đã sẽ phấn đấu mục tiêu kế hoạch tiêu đề ra bình quân đầu người grdp gdp nhà
    nước nsnn vượt bằng lại rất và từ trong đó theo đây vào cuối hcm cho lần tổng vốn đăng ký nâng số mới
    kỷ lục duy trì trung ương hđnd ubnd giao quyết định xem xét khá""".split()
)
MAX_UNLINKED_WORDS = 0  # any other content word between them makes the figure another noun's
# An article that reports no meeting gives a figure no context: the sentence itself must say
# whose it is ("Việt Nam", "cả nước", "GDP", a province) and, elsewhere checked, its year.
NAMED_OWNER = re.compile(r"việt nam|cả nước|nền kinh tế|quốc hội|chính phủ|\bgdp\b|\bgrdp\b|\btỉnh\b|thành phố|\btp\b|hà nội|hồ chí minh")
# Semicolons and colons end a clause; a full stop inside a sentence is an abbreviation ("TP. HCM").
CLAUSE_BREAK = re.compile(r"[;:]|(?<!\btp)\.\s")
