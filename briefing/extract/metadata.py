"""Meeting metadata: who met (level, locality), who presided, which years it reviewed and planned."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract.dates import DAY_MONTH, FULL_DATE, discussed_year, is_deadline, meeting_date, year_and_month
from briefing.extract.figure_words import VENUE_BEFORE
from briefing.extract.owner import VIETNAMESE_FAMILY_NAMES, is_foreign_article
from briefing.extract.stance import PART_YEAR
from briefing.ingest.article import Article
from briefing.text.gazetteer import find_places
from briefing.text.normalize import match_form
from briefing.text.patterns import NAMED_YEAR, NAMED_YEAR_TEXT, YEAR

# How far a review or plan word may stand from its year, within one clause: "tổng kết công tác
# … và triển khai nhiệm vụ năm 2024" names the year after a long list of what is reviewed.
WORD_TO_YEAR = 100
YEAR_TO_PLAN_WORD = 60  # "năm 2024, tỉnh sẽ …": the plan verb follows the year closely
# "tổng kết … năm 2023", "kiểm điểm việc thực hiện nhiệm vụ năm 2017", "kỳ họp cuối năm 2015": the year reviewed
# ("kể từ cuối năm 2016" is when something began).
REVIEW = re.compile(
    rf"(?:tổng kết|kết quả|đánh giá|sơ kết|kiểm điểm|tình hình (?:thực hiện|kinh tế)|(?<!tháng )(?<!từ )cuối(?= năm \d))\b"
    rf"[^.;]{{0,{WORD_TO_YEAR}}}?{NAMED_YEAR_TEXT}",
    re.IGNORECASE,
)
# "triển khai nhiệm vụ … năm 2024", "dự toán ngân sách năm 2019": the year planned ("Bộ Kế hoạch và
# Đầu tư" is a name; with a figure between word and year, "mục tiêu 6,7% … của năm 2016", the year is
# the figure's; "tăng 10% so với dự toán năm 2017" measures against a past plan).
PLAN = re.compile(
    r"(?:triển khai|nhiệm vụ|phương hướng|kế hoạch(?! và [Đđ]ầu tư)|mục tiêu|phấn đấu|phân bổ|"
    r"(?<!so với )(?<!vượt )(?<!bằng )(?<!đạt )dự toán)"
    # "triển khai kế hoạch 2019 và …": a bare year right after the word, alone ("triển khai 2000 căn nhà" is a count)
    rf"\b(?:\s+({YEAR})(?=\s*(?:[,.;:()]|và\b|$))|(?:(?!\b{YEAR}\b)[^.;%]){{0,{WORD_TO_YEAR}}}?{NAMED_YEAR_TEXT})",
    re.IGNORECASE,
)
# "năm 2024 … sẽ / triển khai / phấn đấu": the year planned, named before its verb.
PLAN_AFTER = re.compile(
    rf"{NAMED_YEAR_TEXT}\b[^.;]{{0,{YEAR_TO_PLAN_WORD}}}?\b(?:sẽ|triển khai|phấn đấu)\b", re.IGNORECASE
)
YEAR_SPAN_AFTER = re.compile(r"\s*[-–]\s*\d{4}")  # "2016-2020": the year opens a span
OPENING_SENTENCES = 3  # who met is told in the title and the first sentences
YEAR_SENTENCES = 3  # the years reviewed and planned are named in the title and the first sentences (a quoted lead may come first)
MAX_PLAN_AHEAD = 2  # a meeting plans the coming year, or the one after it
MENTION_CHARS = 20000  # a year is "spoken of" when named in the article's first pages
REVIEW_SENTENCES = 40  # a plan meeting's review of the year before comes early in its report
PRESIDE_SENTENCES = 8  # who presided is told in the lead
ABOUT_SENTENCES = 2  # an article that reports no meeting says where it happens in its first sentences
BRIDGE_SENTENCES = 12  # the bridge points are listed after the opening paragraph
# "tại điểm cầu Hà Tĩnh": how close before a place "điểm cầu" must stand to make it the bridge;
# the locality is checked with a shorter reach, as it must not be the bridge.
BRIDGE_REACH, NOT_BRIDGE_REACH = 25, 12

# Who holds the meeting, tried in this order on the title and the first sentences.
# Each level's pattern names its bodies: "Chính phủ", "UBND huyện", "Tỉnh ủy", "Bộ Tài chính".
ORGANISERS = [
    ("national", re.compile(
        r"\b(?:Chính phủ|Thủ tướng|Quốc hội|Ban Chấp hành Trung ương|Hội nghị Trung ương|Bộ Chính trị|"
        r"Ban Bí thư|Ban Tổ chức Trung ương|Trung ương Đảng)\b")),
    ("district", re.compile(
        r"\b(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:huyện|quận|thị xã)\b|\b(?:[Hh]uyện|[Qq]uận|Thị) [ủu]ỷ?\b|"
        r"\bcử tri (?:các )?(?:quận|huyện)\b|\bĐảng bộ (?:huyện|quận|thị xã)\b|"
        r"\b(?:[Hh]uyện|[Qq]uận|[Tt]hị xã) [A-ZĐ]\w*(?: [A-ZĐ]\w*){0,2} (?:\([^)]{1,30}\) )?tổ chức")),
    ("provincial", re.compile(
        r"\b(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố|TP)\b|"
        r"\b(?:Tỉnh|Thành) [ủu]ỷ?\b|\b(?:Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ)\b|\btỉnh [A-ZĐ]")),
    # a state economic group's conference is coded as a ministry's; a private group's ("Tập đoàn FLC",
    # "Tập đoàn Trung Nam") is a company's event, no meeting
    ("ministry", re.compile(r"\bBộ (?!Chính trị)(?:[A-ZĐ]|trưởng)|\bNgân hàng [Nn]hà [Nn]ước\b|\b[Tt]ập đoàn (?:"
                            r"Điện lực|Dầu khí|Than|Công nghiệp|Bưu chính|Viễn thông|Hóa chất|Hoá chất|Xăng dầu|Dệt may|"
                            r"Cao su|Công nghiệp Than|Viettel|EVN|PVN|TKV|VNPT|Vinachem|Petrolimex|Vinatex)")),
]
# Words that show the article reports a meeting, a decision or an official's speech; an
# article without them in its opening (news analysis, markets, another country) is no meeting.
MEETING_WORDS = re.compile(
    r"hội nghị|kỳ họp|phiên họp|cuộc họp|phiên thảo luận|buổi làm việc|làm việc với|hội thảo|tọa đàm|"
    r"toạ đàm|họp báo|diễn đàn|nghị quyết|chỉ thị|công điện|chủ trì|tiếp xúc cử tri|giải trình|chất vấn|"
    r"\blễ\b|đại hội|khai mạc|bế mạc|phát biểu|thảo luận|tại buổi|phát động|nhấn nút|khánh thành|"
    # "thông qua" adopts only with what is adopted or who adopts it; else it is "through" ("vay … thông qua
    # phát hành trái phiếu")
    r"thông qua (?:nghị quyết|dự toán|luật|dự án|dự thảo|kế hoạch|đề án|chương trình|báo cáo|tờ trình)|"
    r"(?:quốc hội|hđnd|hội đồng nhân dân|kỳ họp|đại biểu)\b[^.;]{0,40}\bthông qua|"
    r"khởi công|động thổ|báo cáo (?:trước|tại|với) quốc hội|"
    r"trình bày|\bhọp\b",  # "Thường trực Chính phủ họp về …", "trình bày báo cáo"
    re.IGNORECASE,
)
# A province's people's committee issuing, approving or announcing is its decision ("UBND TP HCM vừa phê
# duyệt quy hoạch …", "Ngày 9/4, UBND thành phố Hà Nội ban hành Kế hoạch số 84"); a fine is not ("vừa quyết định
# phạt"), nor what is put to it ("trình UBND TP xem xét ban hành").
PROVINCE_ACT = re.compile(  # ("UBND TP. HCM …": the city's abbreviation keeps its full stop)
    r"(?<!trình )\b(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:tỉnh\b|thành phố\b|TP\b\.?)(?:(?!xem xét)[^.;,]){0,25}? "
    r"(?:vừa |đã )?(?:ký )?(?:ban hành|phê duyệt|công bố)\b"
)
# The words of a ceremony for works: "lễ khởi công nhà máy", "khánh thành", "nhấn nút vận hành".
WORKS_WORDS = re.compile(r"khánh thành|khởi công|động thổ|nhấn nút", re.IGNORECASE)
WORKS_CEREMONY = re.compile(rf"(?:\blễ )?(?:{WORKS_WORDS.pattern})", re.IGNORECASE)
# "UBND tỉnh Nghệ An tổ chức hội nghị": the body named just before "tổ chức" organises the meeting.
ORGANISED = re.compile(r"\btổ chức (?:hội nghị|kỳ họp|phiên họp|lễ|buổi|cuộc họp|họp)", re.IGNORECASE)
ORGANISER_REACH = 60  # the organiser is named just before "tổ chức"
# Bodies without a level: a company, a commercial bank, a business association, named as such (capitalised:
# "vốn ngân hàng" is no body). An event one of them organises is no meeting, whoever attends it ("Agribank
# tổ chức hội nghị … Dự hội nghị có Phó Thủ tướng"). The State Bank and the state groups are ministries,
# and the policy banks and state corporations are the state's: none of them is here.
LEVELLESS_BODY = re.compile(
    r"\b(?:Công ty|CTCP|Tập đoàn|Ngân [Hh]àng (?![Nn]hà [Nn]ước|[Cc]hính [Ss]ách|[Pp]hát [Tt]riển|[Tt]hế [Gg]iới)|"
    r"[A-Z]\w*[Bb]ank|Hiệp hội|Hội [Dd]oanh (?:nghiệp|nhân)|Phòng Thương mại|VCCI)")
# A state office among the organisers ("Sở Công Thương phối hợp với Hiệp hội … tổ chức"): the meeting is the state's.
STATE_CO_ORGANISER = re.compile(r"\b(?:Sở|Bộ|Cục|Tổng cục|Ban|Văn phòng|Ủy ban|Uỷ ban|UBND|HĐND)\b")
ORGANISER_BREAK = re.compile(r"[.;:]|\b(?:đề nghị|yêu cầu|chỉ đạo|giao|để)\b")  # "Thủ tướng đề nghị UBND tỉnh tổ chức"
# The National Assembly's own sittings: a minister's answers there are the Assembly's meeting, not his
# ministry's ("thảo luận … trước khi trình Quốc hội" is a body preparing a bill for it, not a sitting).
BEFORE_THE_ASSEMBLY = re.compile(
    r"(?<!khi )(?<!trình )\b(?:trước|tại) Quốc hội\b|\b(?:chất vấn|giải trình)\b[^.;]{0,40}\b(?:trước|tại|của) Quốc hội\b|"
    r"\bQuốc hội\b[^.;]{0,30}\b(?:chất vấn|thảo luận)\b",
    re.IGNORECASE,
)
# "phiên họp Chính phủ thường kỳ tháng 11", "giao ban tháng 3": a month's meeting, no year's review or plan.
MONTHLY = re.compile(r"\b(?:thường kỳ|giao ban|thường lệ) tháng\s*\d{1,2}\b", re.IGNORECASE)
PLAN_UNDER_WAY_MONTHS = range(3, 11)  # a year's plan is made by February; from March it is carried out
YEAR_END_MONTHS = (11, 12)  # a meeting in these months reviews its year and plans the next
# A conference that deploys a year's tasks at the turn of the year reviews the year before when it
# tells its results ("hội nghị triển khai nhiệm vụ năm 2019 sáng 9-1 … trong năm 2018"): the rules README's
# decision. November meetings plan ahead without a review often enough to be left out.
TURN_OF_YEAR_MONTHS = (12, 1, 2)
# ("nhiều năm qua", "hai năm trước", "5 năm sau" are spans, not the year next to this one)
_NOT_A_SPAN = r"(?<!\d )(?<!nhiều )(?<!những )(?<!mấy )(?<!các )(?<!hai )(?<!ba )(?<!vài )"
LAST_YEAR_WORDS = re.compile(rf"\b{_NOT_A_SPAN}năm (?:qua|trước|ngoái)\b", re.IGNORECASE)
NEXT_YEAR_WORDS = re.compile(rf"\b{_NOT_A_SPAN}năm (?:tới|sau)\b", re.IGNORECASE)
AUTUMN_SESSION_MONTH = 10  # the National Assembly debates the year's results and next year's plan from October
# Sessions that neither review nor plan a year, whenever they are held: questions to ministers, a
# bill's debate, voters' meetings, press conferences, ceremonies and forums.
NO_YEAR_REVIEW = re.compile(
    r"chất vấn|tiếp xúc cử tri|thảo luận (?:tổ|ở tổ|tại tổ|về )?(?:dự án|dự thảo)|dự án luật|họp báo|\blễ\b|diễn đàn",
    re.IGNORECASE,
)
# ... but the opening of a council's session reviews its year, whatever questions it will hear.
YEAR_END_SESSION = re.compile(r"khai mạc kỳ họp", re.IGNORECASE)
SOCIO_ECONOMIC = re.compile(r"kinh tế\s*[-–]\s*xã hội", re.IGNORECASE)  # "báo cáo kinh tế - xã hội"
# "hội nghị … do Bộ Tài chính tổ chức", "hội nghị … của Bộ Nông nghiệp": the body that holds the
# meeting, which decides its level even when the Prime Minister attends.
HELD_BY = re.compile(r"(?:hội nghị|kỳ họp|phiên họp|lễ)\b[^.;]{0,160}?\b(?:do|của) (.{0,60})", re.IGNORECASE)
# "buổi tiếp xúc cử tri huyện Củ Chi", "làm việc với huyện Thanh Trì": a province's leaders meeting
# one of its districts hold a district-level meeting, whoever else the lead names first.
DISTRICT_SESSION = re.compile(
    r"\b(?:tiếp xúc cử tri|làm việc (?:với|tại))\s+(?:(?:UBND|Huyện [ủu]ỷ?|lãnh đạo)\s+)?(?:các )?(?:huyện|quận|thị xã)\b",
    re.IGNORECASE,
)
PRESIDE = re.compile(r"\bchủ trì\b", re.IGNORECASE)
# An official's title: "Phó Thủ tướng", "Chủ tịch UBND tỉnh", "Bí thư Tỉnh ủy", "Bộ trưởng Bộ Tài chính".
TITLE_WORDS = (
    r"(?:Phó )?Thủ tướng(?: Chính phủ)?|(?:Phó )?Chủ tịch(?: nước| Quốc hội| UBND (?:tỉnh|thành phố|TP)| HĐND (?:tỉnh|thành phố))?|"
    r"(?:Phó )?Bí thư(?: Tỉnh [ủu]ỷ?| Thành [ủu]ỷ?| Trung ương Đảng)?|Tổng Bí thư|Thường trực Ban Bí thư|"
    r"(?:Thứ|Bộ) trưởng(?: Bộ [A-ZĐ][\w ,&-]*?)?|Giám đốc(?: Sở [A-ZĐ][\w ,&-]*?)?"
)
# A person's name: two to four capitalised syllables ("Phạm Minh Chính").
NAME = r"(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\wÀ-ỹ]*)(?: [A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){1,3}"
# A national leader's recent act told in the lead is the Government's decision or session, with no
# meeting word: "Thủ tướng vừa phê duyệt Đề án …". A past act or a decision named in passing ("dự án do Thủ
# tướng Nguyễn Tấn Dũng phê duyệt năm 2009", "chỉ tiêu Thủ tướng giao") is not, nor another country's leader's.
_LEADER = r"(?:(?:[Pp]hó )?[Tt]hủ tướng(?: Chính phủ)?|Tổng [Bb]í thư|Chủ tịch nước|(?:[Pp]hó )?[Cc]hủ tịch Quốc hội)"
_ACT = r"(?:ký|phê duyệt|quyết định|ban hành|kiểm tra|khảo sát|thăm|làm việc|chỉ đạo|yêu cầu|lên đường)\b"
_OURS = r"(?! (?:Lào|Campuchia|Trung Quốc|Nhật Bản|Hàn Quốc|Pháp|Nga|Mỹ|Anh|Đức|Ấn Độ|Thái Lan|Singapore|Malaysia|Úc))"
LEADER_ACT = re.compile(rf"\bvừa (?:được )?{_LEADER}{_OURS}(?: {NAME})? {_ACT}|\b{_LEADER}{_OURS}(?: {NAME})? vừa {_ACT}")
# A national leader's visit, inspection or reception told as it happens, "hôm nay" or on the day that
# opens its sentence: "Thủ tướng Nguyễn Xuân Phúc và phu nhân hôm nay lên đường …", "Ngày 21/6, Tổ công
# tác của Thủ tướng … đã kiểm tra Tập đoàn Điện lực"; the event is the Government's, whoever is visited
# ("Năm 2015, Thủ tướng … thăm nhà máy" is a past visit, told in passing). The leader named must be
# Vietnamese ("Thủ tướng Hun Sen hôm nay thăm …" is another country's), and the verb a visit's, not
# "dự kiến", "tiếp tục" or "gặp khó khăn".
_VISIT = (r"(?:thăm|dự(?! (?:kiến|án|báo|thảo|toán|định|trữ))|dẫn đầu|hội kiến|hội đàm|tiếp(?! (?:tục|nhận|cận|theo))|"
          r"gặp(?! (?:khó|nhiều|phải|trở ngại|vướng))|nhấn nút|lên đường|kiểm tra|khảo sát|làm việc)\b")
_VIETNAMESE_NAME = rf"(?:{'|'.join(n.capitalize() for n in VIETNAMESE_FAMILY_NAMES.split())})(?: [A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){{1,3}}"
_HOST = rf"(?:{_LEADER}{_OURS}(?: {_VIETNAMESE_NAME})?(?: và phu nhân)?|Tổ công tác của Thủ tướng)"
LEADER_EVENT = re.compile(
    rf"\b{_HOST} (?:hôm nay|sáng nay|chiều nay|tối nay) {_VISIT}"
    rf"|^(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Nn]gày) \d{{1,2}}[/-]\d{{1,2}}(?:[/-]\d{{4}})?, {_HOST}[^.;]{{0,100}}? {_VISIT}"
)
TITLED_NAME = re.compile(rf"\b({TITLE_WORDS}) ({NAME})")
# "đồng chí Võ Trọng Hải, Ủy viên …, Bí thư Tỉnh ủy chủ trì": a name, then its titles.
COMRADE = re.compile(rf"\b[đĐ]ồng chí ({NAME}), ([^.;]{{3,160}}?) (?:chủ trì|và đồng chí)")
BRIDGE = re.compile(r"điểm cầu", re.IGNORECASE)
# "có buổi làm việc với Ban Thường vụ Tỉnh ủy Bình Định": a working session with one place.
WORKING_SESSION = re.compile(r"\blàm việc (?:với|tại)\b", re.IGNORECASE)


# A meeting's name from what is known of it, for an article with no headline (its first sentence,
# cut short, names nobody well): "Hội nghị Trung ương ngày 17/01/2024".
MEETING_NAMES = {"national": "Hội nghị Trung ương", "provincial": "Hội nghị của {place}",
                 "district": "Hội nghị cấp huyện ({place})", "ministry": "Hội nghị cấp Bộ"}


@dataclass
class Metadata:
    date: str | None
    level: str | None
    locality: str | None
    bridge: str | None  # a province that watched a national conference from its "điểm cầu"
    review_year: int | None
    plan_year: int | None
    officials: list[dict] = field(default_factory=list)
    # A leader's visit or inspection, told with no meeting word: its figures are mostly what was
    # visited, so a figure must name its owner and year, as outside a meeting.
    visit: bool = False


def meeting_name(info: "Metadata") -> str | None:
    """The meeting named by its level, place and date; None when its level is not known."""
    if info.level not in MEETING_NAMES or (info.level in ("provincial", "district") and not info.locality):
        return None
    name = MEETING_NAMES[info.level].format(place=info.locality)
    if info.date and len(info.date) == 10:
        name += f" ngày {info.date[8:10]}/{info.date[5:7]}/{info.date[:4]}"
    return name


def read_metadata(article: Article) -> Metadata:
    opening = _opening(article)
    lead = " ".join(opening)
    visit = not MEETING_WORDS.search(lead) and _leader_event(opening)  # a leader's visit, no meeting word
    if not (visit or _tells_of_a_meeting(lead)) or _about_another_country(opening) or _held_by_a_levelless_body(opening):
        return _no_meeting(opening)
    level, organiser_sentence = ("national", lead) if visit else _level(opening)
    if level is None and _not_venues(lead):
        level, organiser_sentence = "provincial", lead  # a meeting about one named province
    review, plan = _years(article.title + ". " + " ".join(opening[1 : 1 + YEAR_SENTENCES]), article)
    if review is None and plan is None and _at_year_end(_month_of_meeting(article), lead):
        review, plan = _year_end_years(article)
    if MONTHLY.search(lead):
        review, plan = None, None  # a monthly meeting reviews a month, whatever it says of the year
    date = meeting_date(article, review, plan)
    if plan is not None and _in_its_own_year(date, plan):
        plan = None  # a meeting from March to October pursues its year's plan; it plans no year
    if plan is not None and review is None and _tells_last_years_results(date, plan, article):
        review = plan - 1
    if review is not None and plan is None and _speaks_of_next_year(date, review, level, article):
        plan = review + 1
    return Metadata(
        date=date,
        level=level,
        locality=_meeting_place(level, organiser_sentence, opening) if level else _place_about(opening),
        bridge=_bridge(article) if level == "national" else None,
        review_year=review,
        plan_year=plan,
        officials=_officials(article),
        visit=visit,
    )


def _in_its_own_year(date: str | None, year: int) -> bool:
    when = year_and_month(date)
    return when is not None and when[0] == year and when[1] in PLAN_UNDER_WAY_MONTHS


def _tells_last_years_results(date: str | None, plan: int, article: Article) -> bool:
    """A meeting at the turn of the year that plans ``plan`` speaks of the year before it."""
    when = year_and_month(date)
    # December of the year before the plan, or January and February of the plan's own year
    if when is None or when[1] not in TURN_OF_YEAR_MONTHS or when[0] != plan - (when[1] == 12):
        return False
    return _speaks_of(article, plan - 1, LAST_YEAR_WORDS)


def _speaks_of_next_year(date: str | None, review: int, level: str | None, article: Article) -> bool:
    """A year-end session (the Assembly's from October) that reviews its own year and speaks of the
    next plans it: "kỳ họp HĐND … sáng 4/12 … năm 2019"."""
    when = year_and_month(date)
    months = YEAR_END_MONTHS + ((AUTUMN_SESSION_MONTH,) if level == "national" else ())
    if when is None or when[0] != review or when[1] not in months:
        return False
    return _speaks_of(article, review + 1, NEXT_YEAR_WORDS)


def _speaks_of(article: Article, year: int, relative: re.Pattern) -> bool:
    """The article's first pages name ``year`` ("năm 2018") or say it relatively ("năm qua")."""
    text = article.text[:MENTION_CHARS]
    return bool(re.search(rf"\bnăm {year}\b", text, re.IGNORECASE) or relative.search(text))


def _organiser_phrases(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence names who organises: the words right before each "tổ chức hội nghị" (from
    the last break before it), as (start, end)."""
    phrases = []
    for verb in ORGANISED.finditer(sentence):
        start = max(0, verb.start() - ORGANISER_REACH)
        cut = [m.end() for m in ORGANISER_BREAK.finditer(sentence, start, verb.start())]
        phrases.append((cut[-1] if cut else start, verb.start()))
    return phrases


def _held_by_a_levelless_body(opening: list[str]) -> bool:
    """The opening's first organiser, the subject of its first "tổ chức hội nghị", is a company, a
    bank or an association, and no body ORGANISERS knows is named before it (a Deputy Prime Minister's
    conference whose report mentions a bank's event later is still his; "UBND tỉnh … phối hợp với Ngân
    hàng … tổ chức" is the province's)."""
    for i, sentence in enumerate(opening):
        for start, end in _organiser_phrases(sentence):
            subject_start = start + sentence[start:end].rfind(",") + 1  # "Ngày 5/1, Agribank tổ chức"
            told = " ".join([*opening[:i], sentence[:end]])  # everything named up to the verb
            if any(pattern.search(told) for _, pattern in ORGANISERS) or STATE_CO_ORGANISER.search(
                    sentence, subject_start, end):
                return False
            return bool(LEVELLESS_BODY.search(sentence, subject_start, end))
    return False


def _leader_event(opening: list[str]) -> bool:
    return any(LEADER_EVENT.search(sentence) for sentence in opening)


def _tells_of_a_meeting(lead: str) -> bool:
    """The lead names a meeting, a decision or a speech; a ceremony for works ("lễ khởi công nhà máy",
    "khánh thành") alone is the builder's event, whoever attends it."""
    if not MEETING_WORDS.search(lead):
        return bool(LEADER_ACT.search(lead) or PROVINCE_ACT.search(lead))
    if not WORKS_WORDS.search(lead):  # most leads: no need to rewrite them
        return True
    return bool(MEETING_WORDS.search(WORKS_CEREMONY.sub(" ", lead)))


def _about_another_country(opening: list[str]) -> bool:
    text = " ".join(opening)
    return is_foreign_article(match_form(text), bool(find_places(text)))


def _no_meeting(opening: list[str]) -> Metadata:
    """An article that reports no meeting: only the place it is about."""
    return Metadata(None, None, _place_about(opening), None, None, None)


def _place_about(opening: list[str]) -> str | None:
    """The place an article is about: the first its title names, else the only one its first two
    sentences name (naming several, "các tỉnh Hà Tĩnh, Nghệ An, Quảng Bình", is about none of them)."""
    title = find_places(opening[0])
    if title:
        return title[0].place.name
    named = [m.place.name for text in opening[1:1 + ABOUT_SENTENCES] for m in find_places(text)]
    return named[0] if len(set(named)) == 1 else None


def _month_of_meeting(article: Article) -> int | None:
    lead = " ".join(s.text for s in article.sentences[:OPENING_SENTENCES])
    found = FULL_DATE.search(lead) or DAY_MONTH.search(lead)  # "27/12/2017" or "Sáng 27/12"
    return int(found.group(2)) if found else None


def _at_year_end(month: int | None, opening: str) -> bool:
    """A meeting in November or December, or an October debate of the socio-economic report (the
    National Assembly's autumn session), reviews its year and plans the next."""
    if NO_YEAR_REVIEW.search(opening) and not (SOCIO_ECONOMIC.search(opening) or YEAR_END_SESSION.search(opening)):
        return False
    if month in YEAR_END_MONTHS:
        return True
    autumn_debate = month == AUTUMN_SESSION_MONTH and SOCIO_ECONOMIC.search(opening)
    return bool(autumn_debate) and not PART_YEAR.search(match_form(opening))


def _year_end_years(article: Article) -> tuple[int | None, int | None]:
    """A year-end session that names no year: it plans the first year the article plans, and
    reviews the one before; without a plan, it reviews the year the article speaks of most."""
    planned = sorted(y for y in _whole_years(PLAN, article.text[:MENTION_CHARS]) if y <= _soon(article))
    if planned:
        return planned[0] - 1, planned[0]
    year = discussed_year(article)
    return year, None


def _opening(article: Article) -> list[str]:
    return [article.title] + [s.text for s in article.sentences[:OPENING_SENTENCES]]


def _level(opening: list[str]) -> tuple[str | None, str]:
    for sentence in opening:
        for held in HELD_BY.finditer(sentence):
            for level, pattern in ORGANISERS:
                if pattern.match(held.group(1)):
                    return level, sentence
    for sentence in opening:  # "UBND tỉnh Nghệ An tổ chức hội nghị …": the body right before the verb
        for start, end in _organiser_phrases(sentence):
            named = [(m.start(), level) for level, pattern in ORGANISERS for m in pattern.finditer(sentence, start, end)]
            if named:  # the first body of the phrase: "UBND huyện Yên Thành, tỉnh Nghệ An tổ chức"
                return min(named)[1], sentence
    for sentence in opening:  # a minister answering the Assembly speaks at its session
        if BEFORE_THE_ASSEMBLY.search(sentence):
            return "national", sentence
    for sentence in opening:
        if DISTRICT_SESSION.search(sentence):
            return "district", sentence
    for sentence in opening:
        for level, pattern in ORGANISERS:
            if pattern.search(sentence):
                return level, sentence
    return None, ""


def _years(opening: str, article: Article) -> tuple[int | None, int | None]:
    """The reviewed and planned years from the title and lead; a year-end review plans the
    next year when the article speaks of it, and a plan reviews the one before when it does."""
    # "đánh giá tình hình 6 tháng đầu năm … năm 2018" reviews part of a year, not the year.
    review = _whole_years(REVIEW, opening)
    plan = _whole_years(PLAN, opening) + _whole_years(PLAN_AFTER, opening)
    review_year = min(review) if review else None
    soon = _soon(article)
    later = [y for y in plan if (review_year is None or y > review_year) and y <= soon]
    plan_year = max(later) if later else None
    mentioned = {int(y) for y in NAMED_YEAR.findall(article.text[:MENTION_CHARS])}
    if review_year and plan_year is None and review_year + 1 in mentioned:
        plan_year = review_year + 1
    if plan_year and review_year is None and plan_year - 1 in mentioned and _reviews(article, plan_year - 1):
        review_year = plan_year - 1
    return review_year, plan_year


def _soon(article: Article) -> float:
    """The last year a meeting can plan: a few years after the one the article reports on
    ("đưa vào khai thác vào năm 2032" is a project's horizon, not the year planned)."""
    discussed = discussed_year(article)
    return discussed + MAX_PLAN_AHEAD if discussed else float("inf")


def _reviews(article: Article, year: int) -> bool:
    return any(year in _whole_years(REVIEW, s.text) for s in article.sentences[:REVIEW_SENTENCES])


def _whole_years(pattern: re.Pattern, text: str) -> list[int]:
    """The years ``pattern`` finds, except where it speaks of part of a year ("6 tháng cuối năm 2018")
    or where the year opens a span of years ("kế hoạch 5 năm 2016-2020" is a term, not a year)."""
    found = [(m, m.lastindex) for m in pattern.finditer(text)]  # the year is the group that matched
    return [int(m.group(g)) for m, g in found
            if not PART_YEAR.search(match_form(m.group(0))) and not YEAR_SPAN_AFTER.match(text, m.end(g))
            and not is_deadline(text, m.start(g))]


def _meeting_place(level: str | None, organiser_sentence: str, opening: list[str]) -> str | None:
    """A province's or district's own meeting: its province. A national leader's working session
    with one province ("Thủ tướng làm việc với tỉnh Bình Định"): that province."""
    if level in ("provincial", "district"):
        return _locality(organiser_sentence, opening)
    if level == "national":
        for text in opening:
            session = WORKING_SESSION.search(text)
            if session:
                places = [m for m in find_places(text[session.end():]) if not _after_bridge(text, m.start, BRIDGE_REACH)]
                if len({m.place.name for m in places}) == 1:
                    return places[0].place.name
        return _title_place(opening[0])
    return None


def _title_place(title: str) -> str | None:
    """The one province a national meeting's title is about ("Thủ tướng chủ trì Hội nghị xúc tiến đầu tư tỉnh
    Quảng Bình", "đẩy nhanh dự án đường sắt đô thị TP HCM"); not a venue ("tại Hà Nội") nor one of several."""
    places = _not_venues(title)
    return places[0].place.name if len({m.place.name for m in places}) == 1 else None


def _not_venues(text: str) -> list:
    """The places ``text`` names other than as where something is held ("hội nghị … tại Hà Nội")."""
    return [m for m in find_places(text) if not VENUE_BEFORE.search(text, 0, m.start)]


def _locality(organiser_sentence: str, opening: list[str]) -> str | None:
    for text in [organiser_sentence, *opening]:
        mentions = [m for m in find_places(text) if not _after_bridge(text, m.start, NOT_BRIDGE_REACH)]
        if mentions:
            return mentions[0].place.name
    return None


def _bridge(article: Article) -> str | None:
    """The place named after "điểm cầu" in the opening sentences, else in the captions set aside."""
    texts = [s.text for s in article.sentences[:BRIDGE_SENTENCES]] + [p.text for p in article.set_aside]
    for text in texts:
        for m in find_places(text):
            if _after_bridge(text, m.start, BRIDGE_REACH):
                return m.place.name
    return None


def _after_bridge(text: str, start: int, reach: int) -> bool:
    """"điểm cầu" stands within ``reach`` characters before ``start``."""
    return bool(BRIDGE.search(text[max(0, start - reach) : start]))


def _officials(article: Article) -> list[dict]:
    people: list[dict] = []
    for sentence in article.sentences[:PRESIDE_SENTENCES]:
        if not PRESIDE.search(sentence.text):
            continue
        text = sentence.text[: PRESIDE.search(sentence.text).start()]
        for m in COMRADE.finditer(sentence.text):
            _add(people, m.group(1), m.group(2).split(",")[-1].strip())
        for m in TITLED_NAME.finditer(text):
            _add(people, m.group(2), m.group(1))
        if people:
            break
    return people


def _add(people: list[dict], name: str, title: str) -> None:
    name = re.sub(r"\s+(?:và|chủ|dự|cùng)$", "", name.strip())
    if len(name.split()) >= 2 and all(p["name"] != name for p in people):
        people.append({"name": name, "title": title})
