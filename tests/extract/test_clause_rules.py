"""The named parts that read a figure's clause: whose it is, what it says, which year, and the whole
reading on real sentences (from the seeds and the errors the issue tracker reported), including
sentences where the answer must be no."""

import pytest

from briefing.extract.figures import Context, figures_in
from briefing.extract.owner import OWN, owner
from briefing.extract.stance import RESULT, TARGET, not_a_year_figure, stance
from briefing.extract.years import relative_year
from briefing.ingest.article import Sentence
from briefing.text.normalize import match_form


def key(text: str) -> str:
    return match_form(text)


@pytest.mark.parametrize("clause, expected", [
    ("tăng trưởng kinh tế năm 2023 đạt", OWN),
    ("thu ngân sách nhà nước trên địa bàn tỉnh đạt", OWN),
    ("như ở mỹ, để tăng trưởng kinh tế được khoảng", "hypothetical"),
    ("ngân hàng thế giới dự báo tăng trưởng gdp của việt nam đạt", "forecaster"),
    ("tăng trưởng kinh tế của trung quốc đã chậm lại, còn", "foreign"),
    ("cục hải quan tp. hcm thu ngân sách đạt khoảng", "organisation"),
    ("khu vực dịch vụ tăng trưởng", "sector"),
    ("tăng trưởng tín dụng cả năm đạt", "sector"),
    ("tổng kim ngạch xuất nhập khẩu của việt nam với trung quốc và mỹ", OWN),  # home named: ours
])
def test_owner(clause, expected):
    assert owner(clause, clause, foreign_article=False) == expected


@pytest.mark.parametrize("opening, foreign", [
    ("thủ tướng medvedev lại được đề cử. một giờ sau khi tổng thống nga đăng quang, chính phủ cũ từ chức", True),
    ("thủ tướng campuchia nói các khoản vay từ trung quốc có lãi suất thấp", True),
    ("thủ tướng nguyễn xuân phúc thăm campuchia và lào", False),  # a Vietnamese leader abroad
    ("xuất khẩu của việt nam sang trung quốc tăng mạnh", False),
])
def test_an_article_about_another_country(opening, foreign):
    from briefing.extract.owner import is_foreign_article

    assert is_foreign_article(opening, names_a_province=False) is foreign


@pytest.mark.parametrize("before, under_review, expected", [
    ("năm 2024, hà tĩnh phấn đấu tăng trưởng kinh tế đạt từ", False, TARGET),
    ("tăng trưởng kinh tế năm 2023 đạt", False, None),  # "đạt" alone: the year decides (plan or not)
    ("được trung ương giao thu ngân sách", False, TARGET),  # an amount assigned is a target
    ("gdp năm 2017 dự kiến là", True, RESULT),  # the authorities' estimate of a year that is ending
    # the targets met are named first; what follows is the year's results
    ("thành tựu năm 2018, với việc đạt toàn bộ các chỉ tiêu kinh tế - xã hội quốc hội giao, tốc độ tăng trưởng gdp khoảng",
     False, RESULT),
    ("gdp năm 2018 dự kiến là", False, TARGET),
    ("lạm phát được kiểm soát ở mức", False, RESULT),
    ("tổng thu ngân sách đã đạt", False, RESULT),
    ("trong năm", False, None),  # no wording: the caller decides from the year
])
def test_stance(before, under_review, expected):
    assert stance(before, under_review) == expected


@pytest.mark.parametrize("clause, after, expected", [
    ("tăng trưởng kinh tế năm 2023 đạt", "; tăng trưởng toàn ngành", None),
    ("gdp khoảng 6,8% thay vì từ", "đến 6,8%", "replaced target"),
    ("dự báo cả năm tăng trưởng có thể đạt", "như kế hoạch", "forecast"),
    ("tăng trưởng kinh tế sẽ vượt mức", "", "forecast"),  # what a year will exceed: no target set, no result yet
    ("giai đoạn 2016 - 2018 tăng trưởng bình quân", "/năm", "average over several years"),
    ("tỷ lệ hộ nghèo bình quân cả nước giảm còn", "", None),  # the country's average over its provinces
    ("tăng trưởng bình quân", " mỗi năm", "average over several years"),
    ("9 tháng đầu năm, grdp tăng", "", "part of a year"),
    ("tăng trưởng kinh tế chậm lại, còn", " trong quý 2-2019", "part of a year"),
    ("thu ngân sách đến hết ngày 31/7 đạt", "", "part of a year"),
    ("thu ngân sách đến ngày 31/12 đạt", "", None),  # to the year's end: the whole year
    ("thay đổi mục tiêu lạm phát từ “", "” thành “khoảng 4%”", "replaced target"),
    ("mục tiêu có được 1 hay 2 hoặc", " doanh nghiệp", "one of several amounts"),
    ("mục tiêu tốc độ tăng trưởng tổng sản phẩm (grdp) đạt", " trở lên, thu nhập bình quân đầu người", None),  # the next item
])
def test_not_a_year_figure(clause, after, expected):
    assert not_a_year_figure(clause, after) == expected


def test_the_years_average_of_an_average_indicator_is_one_years():
    assert not_a_year_figure("chỉ số giá tiêu dùng trung bình cả năm 2016 ước tăng", "", yearly_average=True) is None
    assert not_a_year_figure("lạm phát bình quân giai đoạn 2016-2020", "", yearly_average=True) == \
        "average over several years"


def test_income_per_head_is_not_an_average_over_years():
    assert not_a_year_figure("gdp bình quân đầu người năm 2018 đạt", "") is None
    assert not_a_year_figure("bình quân", " triệu đồng/người", yearly_average=True) is None
    assert not_a_year_figure("chỉ số giá tiêu dùng bình quân năm 2018 tăng", "", yearly_average=True) is None


@pytest.mark.parametrize("text, date, review, plan, expected", [
    ("thu ngân sách năm nay ước đạt", "2023-12-20", 2023, 2024, 2023),
    ("năm qua tăng trưởng đạt", "2023-12-20", 2023, 2024, 2023),  # a December review: the year reviewed
    ("năm qua tăng trưởng đạt", "2024-01-05", None, 2024, 2023),  # January: the year just ended
    ("năm tới phấn đấu tăng trưởng", "2023-12-20", 2023, 2024, 2024),
    ("năm nay thành phố thu ngân sách ước", None, 2018, 2019, 2018),  # no date: the year reviewed
    ("tăng trưởng đạt", "2023-12-20", 2023, 2024, None),  # nothing relative said
    ("năm nay", None, None, None, None),  # nothing to resolve it from
    ("ước cả năm vượt chỉ tiêu quốc hội đề ra (", "2018-10-22", 2018, 2019, 2018),  # the whole year under way
    ("sản lượng lương thực cả năm đạt", "2019-01-10", 2018, 2019, 2018),  # in January: the year reviewed
    ("cả năm ngoái, tỉnh thu ngân sách đạt", "2019-06-20", None, None, 2018),  # the past year, not the whole one
    ("thu ngân sách cả năm 2019", "2018-12-20", 2018, 2019, None),  # its own year is read as named
])
def test_relative_year(text, date, review, plan, expected):
    assert relative_year(key(text), date, review, plan) == expected


def read(text: str, level="provincial", locality="Hà Tĩnh", review=2023, plan=2024, date="2023-12-28"):
    context = Context(level, locality, None, review, plan, date)
    found = figures_in(Sentence(text, 0, len(text), 0), context)
    return [(f.indicator, f.kind, f.year, f.value) for f in found], [u.reason for u in context.set_aside]


@pytest.mark.parametrize("sentence, figures", [
    ("Năm 2024, Hà Tĩnh phấn đấu tăng trưởng kinh tế đạt từ 8 - 8,5%.",
     [("economic_growth", "target", 2024, 8)]),
    ("Tăng trưởng kinh tế năm 2023 đạt 8,05% (đứng thứ 15 cả nước).", [("economic_growth", "result", 2023, 8.05)]),
    ("Tỉnh được trung ương giao thu ngân sách 17.500 tỷ đồng.", [("budget_revenue", "target", 2024, 17.5e12)]),
    ("Năm 2023 cả tỉnh có 1.200 doanh nghiệp thành lập mới.", [("new_businesses", "result", 2023, 1200)]),
    ("Năm 2024 tỉnh hướng đến mục tiêu có 1.000 doanh nghiệp khởi nghiệp.", []),  # a kind of business
    # a count of indicators is met only by its own clause's words, not a later figure's "đạt"
    ("Năm 2024, tỉnh sẽ tập trung thực hiện 20 chỉ tiêu, trong đó nổi bật là tăng trưởng GRDP đạt 8,3%.",
     [("economic_growth", "target", 2024, 8.3)]),
    ("Năm 2023, tỉnh có 26/28 chỉ tiêu đạt và vượt kế hoạch.", [("indicators_met", "result", 2023, 26)]),
    ("Năm 2023, tỉnh có 24/27 chỉ tiêu (chiếm 88,9%) đạt và vượt kế hoạch.", [("indicators_met", "result", 2023, 24)]),
    ("Năm 2023, tỉnh có 26/28 chỉ tiêu kinh tế, xã hội đạt và vượt kế hoạch.",
     [("indicators_met", "result", 2023, 26)]),
    ("Báo cáo cho thấy 12 chỉ tiêu phát triển kinh tế xã hội năm 2023 đều đạt và vượt kế hoạch.",
     [("indicators_met", "result", 2023, 12)]),
    ("Năm 2023, tỉnh chỉ đạt 2/3 chỉ tiêu về an toàn giao thông.", []),  # a sector's scorecard: too few
    ("Năm 2024, tỉnh đề ra 20 chỉ tiêu, tăng trưởng GRDP đạt 8,3%.", [("economic_growth", "target", 2024, 8.3)]),
    ("Năm 2023, 28 chỉ tiêu được giao, tỉnh đạt 26 chỉ tiêu.", [("indicators_met", "result", 2023, 26)]),
    # the share each of several places has is none of them the province
    ("Năm 2023, toàn tỉnh có 180 xã đạt chuẩn nông thôn mới, trong đó 03 địa phương có 100% số xã đạt chuẩn.",
     [("new_rural_standard", "result", 2023, 180)]),
    ("Năm 2023, tỉnh nâng tổng số lên 8 huyện, toàn tỉnh có 100% xã đạt chuẩn nông thôn mới.",
     [("new_rural_standard", "result", 2023, 8), ("new_rural_standard", "result", 2023, 100)]),
    ("Đến cuối năm 2023, toàn tỉnh có 6.500 doanh nghiệp đang hoạt động.", [("active_businesses", "result", 2023, 6500)]),
    # counts of businesses re-organised, equitised or divested are not the stock of businesses
    ("Năm 2023, tỉnh sẽ sắp xếp 88 doanh nghiệp xuống còn 17 doanh nghiệp 100% vốn nhà nước.", []),
    ("Năm 2023, tỉnh đã hoàn thành cổ phần hoá 32 doanh nghiệp, thoái vốn tại 11 công ty.", []),
    ("Tổng sản phẩm trên địa bàn (GRDP) năm 2023 ước đạt hơn 1 triệu tỷ đồng.", [("gdp_size", "result", 2023, 1e15)]),
    ("Năm 2023, tỉnh thu hút 25 dự án FDI với tổng vốn đăng ký 1,2 tỷ USD.", [("fdi_attraction", "result", 2023, 1.2e9)]),
    ("Năm 2023, kim ngạch xuất khẩu đạt 2,45 tỷ USD, tăng gần 6%.",
     [("export_value", "result", 2023, 2.45e9), ("export_value", "result", 2023, 6)]),  # its change, too
    # the budget's balanced revenue is its revenue; a degree word stands between no noun and its number
    ("Năm 2018, tổng số thu cân đối ngân sách nhà nước là 1.291.342 tỷ đồng.",
     [("budget_revenue", "result", 2018, 1_291_342e9)]),
    ("Năm 2018, chúng ta đặt mục tiêu tăng trưởng GDP khá cao (6,7%).", [("economic_growth", "target", 2018, 6.7)]),
])
def test_reported_figures(sentence, figures):
    assert read(sentence)[0] == figures


@pytest.mark.parametrize("sentence, reason", [
    ("Như ở Mỹ, để tăng trưởng kinh tế được khoảng 2%, nước này phải đầu tư rất lớn.", "a condition or a comparison"),
    ("Năm 2023, khu vực dịch vụ tăng trưởng 6,83 - 7,2%.", "a sector's figure"),
    ("Năm 2023, ngành dệt may xuất khẩu đạt 40 tỷ USD.", "a sector's figure"),
    ("Năm 2023, huyện Kỳ Anh tăng trưởng kinh tế 12%.", "a district's figure"),
    ("Theo WB, tăng trưởng kinh tế Việt Nam năm 2024 có thể đạt 5,5%.", "forecast"),
    ("Năm 2023, Samsung Việt Nam xuất khẩu 65 tỷ USD.", "an agency's or a company's figure"),
    ("Trong 9 tháng đầu năm 2023, tăng trưởng kinh tế đạt 7%.", "part of a year"),
    ("Vậy tại sao năm 2023 tỉnh không kiên định mục tiêu kiềm chế lạm phát dưới 4%?", "a question, not a statement"),
    ("Năm 2023, xuất khẩu đạt 45% tổng kim ngạch xuất nhập khẩu của tỉnh.", "a share of a total"),
    ("Thủ tướng đánh giá mức tăng trưởng trên 800% trong hơn 10 năm qua.", "average over several years"),
    ("Năm 2014, Quốc hội nhất trí nâng trần bội chi từ 4,8 lên 5,3% GDP.", "a legal ceiling"),
    ("Một số ý kiến cho rằng, để duy trì tăng trưởng trên 15% trong nhiều năm, tỉnh cần nhiều vốn.",
     "a condition or a comparison"),
    ("Năm 2023, để đạt mục tiêu cả năm thì quý IV GRDP phải tăng trên 10%.", "part of a year"),
    ("Năm 2023 có 27 bộ, cơ quan trung ương và 25 địa phương giải ngân dưới 30%.", "several places' figure"),
    ("Lãnh đạo tỉnh cho rằng tăng trưởng năm 2023 sẽ vượt 7% nếu các dự án lớn sớm đi vào hoạt động.",
     "a condition or a comparison"),
    ("Năm 2023, nợ công vẫn nằm trong trần nợ công, dưới 65% GDP.", "a legal ceiling"),
    ("Tổng số dự toán thu ngân sách 2023 của 4 TP Hà Nội, Hải Phòng, Đà Nẵng và Cần Thơ là 365.900 tỉ đồng.",
     "several places' figure"),
    ("Năm 2023 có 35 bộ, cơ quan trung ương và 26 địa phương có tỉ lệ giải ngân đạt dưới 40% kế hoạch.",
     "several places' figure"),
    # the sentence's subject is a sector or a company's board speaks: every figure of it is theirs
    ("Năm 2018, khu vực FDI đóng góp vào ngân sách 8.055 tỷ đồng, chiếm 28,7% tổng thu ngân sách của tỉnh "
     "và tạo việc làm cho 196.500 lao động.", "a sector's figure"),
    ("Ông Nguyễn Phú Cường - Chủ tịch Hội đồng thành viên Vinachem cho hay, năm 2018 tổng giá trị xuất khẩu "
     "đạt 291 triệu USD, tăng 20,5% so với năm 2017.", "an agency's or a company's figure"),
    # an outside body's statistics, and what a trade pact could do
    ("Theo số liệu thương mại của Liên Hợp Quốc, hàng hoá xuất khẩu của Việt Nam đã vượt quá 162 tỷ USD vào năm 2015.",
     "a forecaster's estimate"),
    ("CPTPP có thể giúp GDP và xuất khẩu của Việt Nam năm 2019 tăng tương ứng là 1,32% và 4,04%.", "forecast"),
    # what it takes ("only then"), and what a year will exceed: neither is a target set
    ("Theo ông Hùng, năm 2024 tỉnh phải đạt tăng trưởng kinh tế 8,5% thì mới thu đủ ngân sách.",
     "a condition or a comparison"),
    ("Năm 2024, tăng trưởng kinh tế của tỉnh sẽ vượt mức 8,5%.", "forecast"),
])
def test_figures_set_aside_with_their_reason(sentence, reason):
    figures, reasons = read(sentence)
    assert figures == [] and reason in reasons


@pytest.mark.parametrize("sentence, figures", [
    # a board only named speaks for no figure; a list set apart by ";" gives each item its own subject
    ("Năm 2023, tăng trưởng kinh tế của tỉnh đạt 8,05%, Chủ tịch UBND tỉnh đề nghị Hội đồng quản trị các doanh "
     "nghiệp nỗ lực hơn.", [("economic_growth", "result", 2023, 8.05)]),
    ("Năm 2023, tín dụng tăng 14%; thu ngân sách đạt 17.946 tỷ đồng; kim ngạch xuất khẩu đạt 2,45 tỷ USD.",
     [("budget_revenue", "result", 2023, 17_946e9), ("export_value", "result", 2023, 2.45e9)]),
    # the subject is cut at a word's end: "ngành nông nghi|ệp" is not a sector other than farming
    ("Đánh giá cao nỗ lực của ngành nông nghiệp năm 2023 với mức tăng trưởng 3,31%.",
     [("agricultural_growth", "result", 2023, 3.31)]),
])
def test_the_place_keeps_its_figures_beside_a_board_or_a_listed_sector(sentence, figures):
    assert read(sentence)[0] == figures


def test_a_sector_subject_does_not_own_the_economys_growth_its_clause_names():
    figures, _ = read("Công tác điều hành tín dụng trong năm 2018 tăng trưởng 14%, thấp hơn so với các năm trước "
                      "nhưng vẫn góp tăng trưởng kinh tế đạt 7,08%.")
    assert figures == [("economic_growth", "result", 2018, 7.08)]


@pytest.mark.parametrize("sentence", [
    "Năm 2019, tăng trưởng khách du lịch quốc tế đã có dấu hiệu chậm lại do lượng khách giảm 2,8% so với năm 2018.",
    # the central and the local budgets' revenues are parts of the state's, not it
    "Nghị quyết quyết nghị tổng số thu ngân sách trung ương năm 2019 là 810.099 tỷ đồng.",
    "Năm 2018, bù giảm thu cân đối ngân sách trung ương là 5.894 tỷ đồng.",
    "Năm 2019, tổng số thu ngân sách địa phương là 601.201 tỷ đồng.",
    "Năm 2023, tăng trưởng dư nợ đạt 14%.",
    "Năm 2023, tăng trưởng tín dụng cả năm đạt 9,6%.",
    "Năm 2016, Thống đốc tính toán nâng chỉ tiêu tăng trưởng tín dụng cả năm lên 21-22%, so với kế hoạch 18%.",
])
def test_a_narrower_noun_is_not_the_indicator(sentence):
    assert read(sentence)[0] == []


def test_the_target_replaced_thay_vi_muc_tieu_is_set_aside():
    figures, reasons = read("Năm 2024, tỉnh phấn đấu tăng trưởng GRDP từ 8% trở lên, thay vì mục tiêu 6,5-7% đề ra trước đó.")
    assert (figures, reasons) == ([("economic_growth", "target", 2024, 8)], ["replaced target"])


def test_a_revised_target_keeps_its_new_value_and_sets_the_old_one_aside():
    figures, reasons = read("Chính phủ điều chỉnh mục tiêu năm 2019: tăng trưởng GDP khoảng 6,8% thay vì từ 6,6% đến 6,8%.")
    assert figures == [("economic_growth", "target", 2019, 6.8)]  # the old 6,6 - 6,8% is not reported


@pytest.mark.parametrize("sentence, themes", [
    ("Thủ tướng đề nghị chọn năm 2019 là “Năm đột phá cải cách hành chính”.",
     [("Năm đột phá cải cách hành chính", "theme", 2019)]),
    ("Chính phủ đưa 2016 là năm khởi nghiệp của mọi thành phần, tầng lớp nhân dân.",
     [("năm khởi nghiệp của mọi thành phần, tầng lớp nhân dân", "theme", 2016)]),
    ("Năm 2024 là năm bứt phá thực hiện kế hoạch 5 năm 2021-2025.", []),  # a description, not a name
    ("Năm 2019 được xác định là “Năm đột phá cải cách thủ tục hành chính”.",
     [("Năm đột phá cải cách thủ tục hành chính", "theme", 2019)]),
    ("Thành phố xác định năm 2018 là Năm Doanh nghiệp.", [("Năm Doanh nghiệp", "theme", 2018)]),
    ("Cục Hải quan tỉnh thực hiện phương châm “Kỷ cương - Sáng tạo - Phát triển”.", []),  # an agency's motto
    ("Tỉnh thực hiện phương châm “Kỷ cương - Sáng tạo - Phát triển” trong năm 2024.",
     [("Kỷ cương - Sáng tạo - Phát triển", "motto", 2024)]),
    ("Vietcombank với phương châm “Tín nhiệm - Chuyên nghiệp - Hiệu quả - Phát triển”.", []),  # a bank's motto
    ("Theo ông Dũng, công tác quản lý và chỉ đạo của ngành tiếp tục được đổi mới, rõ phương châm chỉ đạo, rõ mục tiêu "
     "phấn đấu là: “Kỷ cương nghiêm, chất lượng thực, hiệu quả cao”.", []),  # the sector's, named further back
    ("Năm 2024 được tỉnh chọn là “Năm hành động vì môi trường”.", [("Năm hành động vì môi trường", "theme", 2024)]),
    ("Năm 2024, tỉnh chọn chủ đề: “Năm cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh”.",
     [("Năm cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh", "theme", 2024)]),
    # a year's theme may have two parts; any other quotation needs three to be told from a title
    ("Chủ đề năm 2025 là “Tăng tốc, bứt phá về đích”.", [("Tăng tốc, bứt phá về đích", "theme", 2025)]),
    ("Hội thảo có chủ đề “Kinh tế số, động lực tăng trưởng”.", []),
    ("Thủ tướng yêu cầu quán triệt tinh thần “5 quyết tâm, 3 bảo đảm, 5 đẩy mạnh”.", []),  # a label, not a motto
    ("Năm 2024, Vietcombank kiên định phương châm \"Chuyển đổi - Hiệu quả - Bền vững\".", []),  # the subject's motto
    # a named year's theme may have long parts
    ("Hội nghị chọn chủ đề công tác năm 2020 là \"Nâng cao hiệu quả hoạt động của hệ thống chính trị; "
     "đẩy mạnh phát triển kinh tế xanh bền vững\".",
     [("Nâng cao hiệu quả hoạt động của hệ thống chính trị; đẩy mạnh phát triển kinh tế xanh bền vững", "theme", 2020)]),
    # a year's motto stays the Government's when a sector is told to follow it
    ("Thủ tướng đề nghị toàn ngành thực hiện phương châm hành động năm 2024 \"Kỷ cương trách nhiệm; chủ động kịp thời; "
     "tăng tốc sáng tạo; hiệu quả bền vững\".",
     [("Kỷ cương trách nhiệm; chủ động kịp thời; tăng tốc sáng tạo; hiệu quả bền vững", "motto", 2024)]),
    # quotes that do not pair, curly then straight
    ("Năm 2024, tỉnh chọn chủ đề “Kỷ cương, trách nhiệm, hành động, sáng tạo\".",
     [("Kỷ cương, trách nhiệm, hành động, sáng tạo", "theme", 2024)]),
    # a named year after "chủ đề" needs no quotes; it runs to the end of its clause
    ("Thành ủy đề nghị tiếp tục thực hiện chủ đề Năm tiếp tục đẩy mạnh thu hút đầu tư; hỗ trợ các dự án.",
     [("Năm tiếp tục đẩy mạnh thu hút đầu tư", "theme", 2024)]),
    ("Hội nghị thống nhất chủ đề công tác năm 2019 là Năm dân vận chính quyền.",
     [("Năm dân vận chính quyền", "theme", 2019)]),
])
def test_named_years_and_whose_motto(sentence, themes):
    from briefing.extract.themes import find_themes
    from briefing.ingest.read import parse

    article = parse(f"Tin\n\n{sentence}\n")
    assert [(t.text, t.kind, t.year) for t in find_themes(article, "provincial", 2024)] == themes


def test_a_named_year_named_again_with_another_year_is_that_years_theme_too():
    from briefing.extract.themes import find_themes
    from briefing.ingest.read import parse

    article = parse("Tin\n\nNăm 2018 Ban Dân vận Trung ương chọn chủ đề công tác là \"Năm dân vận chính quyền\".\n"
                    "Hội nghị ký kế hoạch phối hợp thực hiện Năm dân vận chính quyền 2019.\n")
    assert [(t.text, t.year) for t in find_themes(article, "national", 2019)] == [
        ("Năm dân vận chính quyền", 2018), ("Năm dân vận chính quyền", 2019)]
    once = parse("Tin\n\nNăm 2018 Ban Dân vận Trung ương chọn chủ đề công tác là \"Năm dân vận chính quyền\".\n"
                 "Các địa phương thực hiện Năm dân vận chính quyền 2018 hiệu quả.\n")
    assert [(t.text, t.year) for t in find_themes(once, "national", 2019)] == [("Năm dân vận chính quyền", 2018)]


def test_a_motto_in_an_article_that_reports_no_meeting_is_no_years_motto():
    from briefing.extract.themes import find_themes
    from briefing.ingest.read import parse

    company = parse("Tin\n\nVới phương châm “Uy tín - Chất lượng - Hiệu quả”, Him Lam Land luôn nỗ lực vì khách hàng.\n")
    assert find_themes(company, None, 2018) == []
    # an authority named keeps its motto, even in an article that reports no meeting
    for holder in ("Chính phủ giữ", "Năm 2019, tỉnh Quảng Ninh thực hiện", "Bộ Tài chính thực hiện"):
        article = parse(f"Tin\n\n{holder} phương châm “Kỷ cương - Sáng tạo - Phát triển” trong năm 2019.\n")
        assert [t.text for t in find_themes(article, None, 2019)] == ["Kỷ cương - Sáng tạo - Phát triển"], holder


def test_a_slogan_held_by_the_government_named_after_it_is_national():
    from briefing.extract.themes import find_themes
    from briefing.ingest.read import parse

    article = parse("Tin\n\nUBND tỉnh quán triệt phương châm \"Kỷ cương trách nhiệm; chủ động kịp thời; tăng tốc sáng tạo; "
                    "hiệu quả bền vững\" của Chính phủ.\n")
    assert [t.scope for t in find_themes(article, "provincial", 2024)] == ["national"]


@pytest.mark.parametrize("date, expected", [
    ("2019-06-20", ([], ["part of a year"])),  # told in June with no year of its own: the year so far
    ("2019-12-20", ([("public_investment_disbursement", "result", 2019, 35)], [])),  # the year is over
    ("2019-02-20", ([("public_investment_disbursement", "result", 2018, 35)], [])),  # last year's
])
def test_a_result_whose_only_year_is_the_meetings_date(date, expected):
    sentence = "Tỷ lệ giải ngân vốn đầu tư công đạt 35% kế hoạch."
    assert read(sentence, level="national", locality=None, review=None, plan=None, date=date) == expected


@pytest.mark.parametrize("sentence, figures", [
    # a target its own words set for this year stays, though its sentence reports nine months
    ("Tính chung 9 tháng đầu năm 2023, tăng trưởng kinh tế đạt 6,41%, so với mục tiêu tăng trưởng GRDP đặt ra năm "
     "nay là 6,7%.", [("economic_growth", "target", 2023, 6.7)]),
    ("Tính chung 9 tháng đầu năm 2023, tăng trưởng kinh tế đạt 6,41%, thấp hơn mục tiêu 6,7%.", []),
    # ... and is still checked for whose it is
    ("Tính chung 9 tháng đầu năm 2023, tăng trưởng kinh tế của Trung Quốc đạt 5,2%, so với mục tiêu Bắc Kinh đặt ra "
     "năm nay là 5%.", []),
])
def test_the_years_target_in_a_part_year_sentence(sentence, figures):
    assert read(sentence, level="national", locality=None, date="2023-09-28", review=None, plan=None)[0] == figures



def test_a_mid_year_meetings_results_are_part_year_but_its_year_targets_stay():
    from briefing.extract.facts import extract_article
    from briefing.ingest.read import parse

    article = parse(
        "Hội nghị trực tuyến đánh giá tình hình kinh tế - xã hội 6 tháng đầu năm 2018\n\n"
        "Sáng 2/7/2018, Chính phủ tổ chức hội nghị trực tuyến đánh giá tình hình 6 tháng đầu năm. "
        "Tổng vốn đầu tư xã hội tăng 11%, xuất khẩu tăng 16%. "
        "Thủ tướng yêu cầu kiểm soát CPI tăng không quá 4% trong năm nay.\n"
    )
    facts = extract_article(article)
    assert [(f.indicator, f.kind, f.year, f.value) for f in facts.figures] == [("cpi", "target", 2018, 4)]
    assert {u.reason for u in facts.unattributed} == {"part of a year"}


@pytest.mark.parametrize("sentence, figures", [
    ("Kim ngạch xuất khẩu năm 2023 ước đạt 3,5 tỷ USD, tăng 12% so với năm 2022.",  # 2022 is the baseline
     [("export_value", "result", 2023, 3.5e9), ("export_value", "result", 2023, 12)]),
    ("Tỷ lệ hộ nghèo giảm còn 2,1%, giảm 1,2% so với năm 2022.",  # what remains, then the fall
     [("poverty_rate", "result", 2023, 2.1), ("poverty_rate_reduction", "result", 2023, 1.2)]),
    ("Tỷ lệ hộ nghèo giảm 1,02%, còn 3,54%.",  # the fall, then what remains
     [("poverty_rate_reduction", "result", 2023, 1.02), ("poverty_rate", "result", 2023, 3.54)]),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm 1,35%.", [("poverty_rate_reduction", "result", 2023, 1.35)]),
    ("Năm 2024, tỉnh phấn đấu: tăng trưởng GRDP 10%; tỷ lệ hộ nghèo giảm còn dưới 0,5%.",  # "còn" in a target list
     [("economic_growth", "target", 2024, 10), ("poverty_rate", "target", 2024, 0.5)]),
    ("Năm 2023, tỉnh đón 5 triệu lượt khách du lịch, trong đó có 300.000 lượt khách quốc tế.",
     [("tourists", "result", 2023, 5e6), ("international_visitors", "result", 2023, 3e5)]),
    ("Toàn tỉnh có thêm 12 xã đạt chuẩn nông thôn mới, nâng tổng số lên 150 xã.",
     [("new_rural_standard", "result", 2023, 12), ("new_rural_standard", "result", 2023, 150)]),
    ("Chỉ số giá tiêu dùng (CPI) bình quân năm 2023 tăng 3,25%.", [("cpi", "result", 2023, 3.25)]),
])
def test_typical_report_sentences(sentence, figures):
    assert read(sentence)[0] == figures


@pytest.mark.parametrize("sentence, figures", [
    ("Quy mô GDP theo giá hiện hành năm 2023 ước đạt 10.221,8 nghìn tỷ đồng, tương đương 430 tỷ USD.",
     [("gdp_size", "result", 2023, 1.02218e16), ("gdp_size", "result", 2023, 4.3e11)]),
    ("Tổng thu ngân sách nhà nước năm 2023 ước đạt 1.739,4 nghìn tỷ đồng, vượt 8,1% so với dự toán.",
     [("budget_revenue", "result", 2023, 1.7394e15), ("budget_revenue", "result", 2023, 108.1)]),
    # a change from the plan is a share of it: 3% more than planned is 103% of the plan, 3% less 97%
    ("Năm 2023, thu ngân sách nhà nước ước đạt trên 1,35 triệu tỉ đồng (tăng 3% so với dự toán và tăng 5,5% so với "
     "năm 2022).", [("budget_revenue", "result", 2023, 1.35e15), ("budget_revenue", "result", 2023, 103)]),
    ("Năm 2023, thu ngân sách nhà nước giảm 3% so với dự toán.", [("budget_revenue", "result", 2023, 97)]),
    ("Năm 2023, thu ngân sách nhà nước giảm tới 3% so với dự toán.", [("budget_revenue", "result", 2023, 97)]),
    ("Năm 2023, thu ngân sách tăng 5% so với kế hoạch năm trước.", []),  # an earlier plan: no share of this one
    ("Năm 2023, thu ngân sách tăng 5% so với dự toán năm 2022.", []),
    ("Năm 2023, thu ngân sách tăng 120% so với dự toán.", []),  # a change that large is likely a misworded share
    ("Năm 2023, bội chi ngân sách nhà nước ước khoảng 4,42% GDP.", [("budget_deficit", "result", 2023, 4.42)]),
    ("Năm 2023, số doanh nghiệp thành lập mới là 159,8 nghìn doanh nghiệp.", [("new_businesses", "result", 2023, 159800)]),
    ("Khách quốc tế đến Việt Nam năm 2023 đạt 12,6 triệu lượt.", [("international_visitors", "result", 2023, 1.26e7)]),
    ("Quốc hội giao chỉ tiêu tăng trưởng GDP năm 2024 khoảng 6 - 6,5%.", [("economic_growth", "target", 2024, 6)]),
    ("Xuất siêu năm 2023 ước đạt 28 tỷ USD.", [("trade_surplus", "result", 2023, 2.8e10)]),
    ("CPI bình quân năm 2023 tăng 3,25%, dưới mục tiêu 4,5% Quốc hội đề ra.",
     [("cpi", "result", 2023, 3.25), ("cpi", "target", 2023, 4.5)]),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều năm 2023 còn 2,93%.", [("poverty_rate", "result", 2023, 2.93)]),
    ("GDP bình quân đầu người năm 2023 ước đạt 4.284 USD, tăng 160 USD so với năm 2022.",
     [("income_per_capita", "result", 2023, 4284)]),  # the change in a level is not a level
    # but the level a change reached is ("tăng lên", "giảm xuống còn")
    ("Năm 2023, thu ngân sách nhà nước tăng lên 17.500 tỷ đồng.", [("budget_revenue", "result", 2023, 1.75e13)]),
    ("GDP bình quân đầu người năm 2023 tăng lên 4.284 USD.", [("income_per_capita", "result", 2023, 4284)]),
    # debt is measured against GDP even when the sentence says only "%"; a year right after its
    # figure, "cuối năm 2017", is its own
    ("Nợ công giảm từ 63,6% cuối năm 2016 xuống còn 61,4% cuối năm 2017.",
     [("public_debt", "result", 2016, 63.6), ("public_debt", "result", 2017, 61.4)]),
    # investment is a share of GDP only where GDP is named beside it; its growth is no share
    ("Năm 2023, tổng vốn đầu tư toàn xã hội so GDP khoảng 33,5%.", [("social_investment", "result", 2023, 33.5)]),
    ("Năm 2023, vốn đầu tư toàn xã hội tăng 6,2%.", []),
    ("Năm 2018, tỷ lệ nghèo xuống còn khoảng 7%.", [("poverty_rate", "result", 2018, 7)]),
    # a label and its colon right before the figure are its words; the Assembly's decision is a target
    ("Quốc hội đã quyết định nhiệm vụ thu, chi ngân sách nhà nước năm 2015 như sau: Tổng số thu: 911.100 tỷ đồng; "
     "Tổng số chi: 1.147.100 tỷ đồng.", [("budget_revenue", "target", 2015, 9.111e14)]),
    # a sector's contribution to growth is not growth
    ("Năm 2016, dịch vụ tăng 6,98%, là yếu tố đóng góp lớn nhất vào tăng trưởng GDP: 2,67%.", []),
    # the target an authority set, named as its level ("mức Quốc hội giao"), is the same indicator's
    ("CPI bình quân năm 2023 tăng 3,25%, thấp hơn mức Quốc hội giao 4,5%.",
     [("cpi", "result", 2023, 3.25), ("cpi", "target", 2023, 4.5)]),
])
def test_typical_national_report_sentences(sentence, figures):
    assert read(sentence, level="national", locality=None)[0] == figures


def test_this_province_is_the_one_spoken_of_even_beside_national_words():
    context = Context(None, "Quảng Bình", None, None, None, None)
    text = "Năm 2015, tốc độ tăng trưởng GDP tỉnh này đạt 6,7%, thu ngân sách 2.650 tỷ đồng."
    found = figures_in(Sentence(text, 0, len(text), 0), context)
    assert [(f.indicator, f.year, f.locality) for f in found] == [
        ("economic_growth", 2015, "Quảng Bình"), ("budget_revenue", 2015, "Quảng Bình")]
    assert dict(found[0].evidence)["owner"] == "the place the article is about"


@pytest.mark.parametrize("sentence, figures", [
    ("Lạm phát năm 2024 được dự báo ở mức 3,6%, thấp hơn mục tiêu 4-4,5% mà Quốc hội đặt ra.",
     [("cpi", "target", 2024, 4)]),
    ("Kinh tế Việt Nam năm 2025 có thể tăng trưởng trên 7%, vượt mục tiêu 6,5-7% mà Quốc hội vừa thông qua.",
     [("economic_growth", "target", 2025, 6.5)]),
])
def test_a_forecast_word_covers_its_own_figure_not_the_target_quoted_after_it(sentence, figures):
    assert read(sentence, level="national", locality=None) == (figures, ["forecast"])


@pytest.mark.parametrize("sentence, figures, reasons", [
    # outside a meeting the sentence must name its owner and year: the Government or the Assembly does
    ("Năm 2023, CPI bình quân tăng 3,25%, thấp hơn mục tiêu khoảng 4,5% mà Quốc hội đề ra.",
     [("cpi", "result", 2023, 3.25), ("cpi", "target", 2023, 4.5)], []),
    ("Chính phủ đặt mục tiêu tăng trưởng từ 8% trở lên cho năm 2025.", [("economic_growth", "target", 2025, 8)], []),
    ("Chính phủ Indonesia đặt mục tiêu tăng trưởng 5,2% cho năm 2024.", [], ["another country's figure"]),
    ("Tăng trưởng đạt 6,5% là khả quan.", [], ["owner or year not stated outside a meeting"]),
    ("Năm 2018, tổng thu ngân sách của Nghệ An đạt hơn 13.800 tỷ đồng.",  # a province named is an owner
     [("budget_revenue", "result", 2018, 1.38e13)], []),
])
def test_figures_of_an_article_that_reports_no_meeting(sentence, figures, reasons):
    assert read(sentence, level=None, locality=None, review=None, plan=None, date=None) == (figures, reasons)


def test_a_meeting_that_only_plans_sets_targets_even_without_a_target_word():
    # the National Assembly's resolution on next year's plan: "Theo đó, …" lists its targets
    sentence = "Theo đó, tốc độ tăng tổng sản phẩm trong nước (GDP) khoảng 6-6,5%; GDP bình quân đầu người khoảng 4.700 USD."
    assert read(sentence, level="national", locality=None, review=None, plan=2024, date="2023-11-10")[0] == [
        ("economic_growth", "target", 2024, 6), ("income_per_capita", "target", 2024, 4700)]


def test_this_year_in_an_article_with_no_meeting_is_the_year_it_speaks_of():
    sentence = "Việt Nam đảm bảo các chỉ tiêu phát triển, trong đó GDP tăng ít nhất 6,7% trong năm nay."
    context = Context(None, None, None, None, None, None, discussed=2017)
    found = figures_in(Sentence(sentence, 0, len(sentence), 0), context)
    assert [(f.indicator, f.kind, f.year, f.value) for f in found] == [("economic_growth", "result", 2017, 6.7)]
    assert figures_in(Sentence(sentence, 0, len(sentence), 0), Context(None, None, None, None, None, None)) == []


def test_a_city_as_the_subject_of_its_own_plan_owns_its_gdp_figures_this_year():
    # a plan for 2015 with no date: "năm nay" is the year it plans; "thành phố" as the subject
    # makes "GDP" the city's, not the country's
    sentence = "Năm nay, thành phố đặt mục tiêu tăng trưởng GDP ở mức 9,5% trở lên."
    context = Context("provincial", "TP. Hồ Chí Minh", None, None, 2015, None)
    found = figures_in(Sentence(sentence, 0, len(sentence), 0), context)
    assert [(f.indicator, f.kind, f.year, f.locality, f.value) for f in found] == [
        ("economic_growth", "target", 2015, "TP. Hồ Chí Minh", 9.5)]
    national = "Năm nay, các tỉnh, thành phố cùng cả nước phấn đấu tăng trưởng GDP 6,5%."
    found = figures_in(Sentence(national, 0, len(national), 0), context)
    assert [f.locality for f in found] == [None]


def test_the_change_of_a_figure_set_aside_is_set_aside_with_it():
    sentence = "VASEP cho biết kim ngạch xuất khẩu thủy sản cả năm 2024 ước đạt 10 tỷ USD, tăng 12% so với năm trước."
    assert read(sentence, level="national", locality=None) == ([], ["indicator unclear", "indicator unclear"])


def test_a_figure_compared_with_last_years_is_last_years_result():
    assert read("GRDP năm 2023 tăng 8,05%, cao hơn mức tăng 6,2% của năm 2022.")[0] == [
        ("economic_growth", "result", 2023, 8.05), ("economic_growth", "result", 2022, 6.2)]


@pytest.mark.parametrize("sentence", [
    "Năm 2023, tăng trưởng GRDP của Bình Định đạt 4,52%, thấp hơn mức 5,05% của cả nước.",
    "Năm 2023, tăng trưởng GRDP của Bình Định đạt 4,52%, thấp hơn mức 5,05% cả nước ước đạt.",
])
def test_the_countrys_figure_beside_a_provinces_has_no_locality(sentence):
    context = Context("provincial", "Bình Định", None, 2023, 2024, "2023-12-20")
    found = figures_in(Sentence(sentence, 0, len(sentence), 0), context)
    assert [(f.value, f.locality) for f in found] == [(4.52, "Bình Định"), (5.05, None)]


def test_a_provinces_rank_in_the_country_keeps_its_province():
    sentence = "Năm 2023, Hải Phòng dẫn đầu cả nước với mức tăng trưởng 11,01%."
    found = figures_in(Sentence(sentence, 0, len(sentence), 0), Context("national", None, None, 2023, 2024, "2024-01-05"))
    assert [(f.value, f.locality) for f in found] == [(11.01, "Hải Phòng")]


def test_a_district_meeting_reports_the_districts_figures_not_the_provinces():
    assert read("Năm 2022, huyện thu hút 12 dự án FDI với tổng vốn 420 triệu USD.", level="district", locality="Long An") == (
        [], ["a district's figure"])
    assert read("Năm 2022, GRDP toàn tỉnh tăng 7%.", level="district", locality="Long An")[0] == [
        ("economic_growth", "result", 2022, 7)]


def test_a_regions_figure_is_not_read_at_all():
    assert read("Năm 2023, vùng Đồng bằng sông Cửu Long tăng trưởng 6%.") == ([], [])


@pytest.mark.parametrize("sentence, figures", [
    ("Các chỉ tiêu chủ yếu năm 2024: Tốc độ tăng trưởng GRDP từ 7,5 - 8%; GRDP bình quân đầu người 85 triệu đồng; "
     "tổng thu ngân sách nhà nước 15.000 tỷ đồng.",
     [("economic_growth", "target", 2024, 7.5), ("income_per_capita", "target", 2024, 8.5e7),
      ("budget_revenue", "target", 2024, 1.5e13)]),
    ("Kinh tế của tỉnh năm 2023 tăng trưởng 7,5%.", [("economic_growth", "result", 2023, 7.5)]),
    # a place between the indicator and its figure is no other noun
    ("Năm 2023 tổng sản phẩm trên địa bàn (GRDP) của Bắc Giang tăng 13,45%, cao nhất cả nước.",
     [("economic_growth", "result", 2023, 13.45)]),
    ("Đến nay, tỉnh có 120/150 xã đạt chuẩn nông thôn mới, chiếm 80%.",  # "chiếm": a share, left out
     [("new_rural_standard", "result", 2023, 120)]),
    ("Tỉnh phấn đấu năm 2024 thu hút 5 triệu lượt khách du lịch.", [("tourists", "target", 2024, 5e6)]),
    ("Năm 2023, toàn tỉnh giải quyết việc làm cho 30.000 lao động, giảm tỷ lệ hộ nghèo 1,5%.",
     [("jobs", "result", 2023, 30000), ("poverty_rate_reduction", "result", 2023, 1.5)]),
    # the other ways reports write units and jobs
    ("Năm 2023, tỷ lệ hộ nghèo giảm 1,5 điểm phần trăm.", [("poverty_rate_reduction", "result", 2023, 1.5)]),
    ("Kim ngạch xuất khẩu năm 2023 đạt 19 tỷ đôla.", [("export_value", "result", 2023, 1.9e10)]),
    ("Năm 2023, tỉnh tạo việc làm mới cho 35.000 lao động.", [("jobs", "result", 2023, 35000)]),
    ("Kim ngạch xuất khẩu hàng hóa năm 2023 đạt 5,2 tỷ USD.", [("export_value", "result", 2023, 5.2e9)]),
    ("Thu nhập bình quân đầu người năm 2023 đạt 4.000 USD/người/năm.", [("income_per_capita", "result", 2023, 4000)]),
    ("Tổng kim ngạch xuất nhập khẩu đạt 10 tỷ USD.", []),  # trade in both directions is not exports
    ("Theo báo cáo, tăng trưởng GRDP năm 2023 ước đạt 7,16%, chưa đạt chỉ tiêu 8-8,5% do HĐND tỉnh giao.",
     [("economic_growth", "result", 2023, 7.16), ("economic_growth", "target", 2023, 8)]),  # "chỉ tiêu 8%" is the target
    ("GRDP năm 2023 ước tăng 7,2% (kế hoạch 7%).",  # the plan in brackets is the target
     [("economic_growth", "result", 2023, 7.2), ("economic_growth", "target", 2023, 7)]),
    ("Tăng trưởng GRDP năm 2016 ước đạt 9,1%, tuy không đạt kế hoạch (11-12%).",
     [("economic_growth", "result", 2016, 9.1), ("economic_growth", "target", 2016, 11)]),
    ("Năm 2018, thành phố đặt mục tiêu giảm tỷ lệ hộ nghèo xuống dưới 1%.", [("poverty_rate", "target", 2018, 1)]),
    ("Bộ đề xuất tổng vốn đầu tư toàn xã hội năm 2024 khoảng 31-32% GDP.", [("social_investment", "target", 2024, 31)]),
    ("Năm 2024, tỷ lệ nhập siêu so với tổng kim ngạch xuất khẩu dưới 3%.", []),  # the trade deficit's ratio
    ("Tổng sản phẩm trên địa bàn (GRDP, giá so sánh 2010) năm 2023 ước tăng 7,82%.",  # 2010 is a price base
     [("economic_growth", "result", 2023, 7.82)]),
    # a target in brackets after a result is the same year's; "dự kiến" of the whole year is an estimate
    ("Tổng vốn đầu tư toàn xã hội ước đạt 85.000 tỷ đồng, vượt kế hoạch đề ra (80.000 tỷ đồng).",
     [("social_investment", "result", 2023, 8.5e13), ("social_investment", "target", 2023, 8e13)]),
    ("Kim ngạch xuất khẩu hàng hoá cả năm dự kiến đạt 1,35 tỷ USD.", [("export_value", "result", 2023, 1.35e9)]),
    ("Dự toán thu ngân sách năm 2024 được Trung ương giao 10.300 tỷ đồng.", [("budget_revenue", "target", 2024, 1.03e13)]),
    ("Dự kiến GRDP cả năm 2023 đạt khoảng 6,3-6,5%.", [("economic_growth", "result", 2023, 6.3)]),
    ("Tỷ trọng kinh tế số trong GRDP năm 2023 đạt 15%.", []),  # a share of the economy, not its growth
    ("Năm 2023, chỉ số IIP tăng 7,5%.", [("industrial_growth", "result", 2023, 7.5)]),
    ("Năm 2023, sản lượng lương thực có hạt đạt 1,3 triệu tấn.", [("food_output", "result", 2023, 1.3e6)]),
    ("Năm 2023, tổng lượt khách tham quan, du lịch ước đạt 7,6 triệu lượt.", [("tourists", "result", 2023, 7.6e6)]),
    ("Năm 2023, tỷ lệ che phủ rừng duy trì ở mức 42%.", [("forest_cover", "result", 2023, 42)]),
])
def test_typical_provincial_report_sentences(sentence, figures):
    assert read(sentence)[0] == figures


@pytest.mark.parametrize("text, expected", [
    ("Kỳ họp thứ 15 HĐND tỉnh Nghệ An khóa XVIII\n\nSáng 8/12/2023, HĐND tỉnh Nghệ An khai mạc kỳ họp thứ 15, "
     "đánh giá tình hình kinh tế - xã hội năm 2023 và quyết định nhiệm vụ năm 2024.\n",
     ("2023-12-08", "provincial", "Nghệ An", 2023, 2024)),
    ("Bộ Công Thương triển khai nhiệm vụ năm 2024\n\nNgày 5/1/2024, Bộ Công Thương tổ chức hội nghị tổng kết "
     "công tác năm 2023 và triển khai nhiệm vụ năm 2024.\n", ("2024-01-05", "ministry", None, 2023, 2024)),
    ("Đảng bộ huyện Kỳ Anh tổng kết năm 2023\n\nNgày 28/12/2023, Ban Chấp hành Đảng bộ huyện Kỳ Anh tổ chức hội nghị "
     "tổng kết công tác năm 2023.\n", ("2023-12-28", "district", None, 2023, None)),
    ("Huyện Kỳ Anh tổng kết năm 2023\n\nNgày 29/12/2023, huyện Kỳ Anh (Hà Tĩnh) tổ chức hội nghị tổng kết năm 2023.\n",
     ("2023-12-29", "district", "Hà Tĩnh", 2023, None)),
    # a city's leader meeting one of its districts: a district-level meeting, in that city
    ("Huyện mong lên quận\n\nNgày 23/8/2019, tại buổi làm việc với Bí thư Thành uỷ Hà Nội, Bí thư huyện uỷ Thanh Trì "
     "đề nghị thành phố tạo điều kiện cho huyện.\n", ("2019-08-23", "district", "Hà Nội", None, None)),
    ("Ngân sách của thành phố\n\nTheo Bí thư Thành ủy TP HCM, ngân sách sẽ khó khăn. Tại buổi tiếp xúc cử tri huyện "
     "Củ Chi ngày 24/11/2016, ông cho biết thành phố sẽ có giải pháp.\n", ("2016-11-24", "district", "TP. Hồ Chí Minh", None, None)),
    ("Thủ tướng làm việc với tỉnh Bình Định\n\nNgày 15/3/2024, Thủ tướng Phạm Minh Chính có buổi làm việc với "
     "Ban Thường vụ Tỉnh ủy Bình Định.\n", ("2024-03-15", "national", "Bình Định", None, None)),
    ("Hội nghị Chính phủ với các địa phương\n\nSáng 5/1, Thủ tướng Phạm Minh Chính chủ trì Hội nghị trực tuyến Chính phủ "
     "với các địa phương, tổng kết năm 2023 và triển khai nhiệm vụ năm 2024.\n", ("2024-01-05", "national", None, 2023, 2024)),
    ("Quốc hội thảo luận kinh tế - xã hội\n\nSáng 1/11/2023, Quốc hội thảo luận về tình hình kinh tế - xã hội năm 2023 "
     "và kế hoạch năm 2024.\n", ("2023-11-01", "national", None, 2023, 2024)),
    ("Hội nghị giao ban 6 tháng\n\nNgày 10/7/2023, UBND tỉnh Quảng Nam tổ chức hội nghị đánh giá tình hình kinh tế - "
     "xã hội 6 tháng đầu năm 2023.\n", ("2023-07-10", "provincial", "Quảng Nam", None, None)),  # part of a year
    ("Phiên họp Chính phủ thường kỳ tháng 11\n\nChiều 3/12/2018, kết luận phiên họp Chính phủ thường kỳ tháng 11, Thủ tướng "
     "yêu cầu việc tổng kết năm 2018 phải đánh giá thực chất.\n", ("2018-12-03", "national", None, None, None)),  # a month's
    # the Assembly's autumn debate of the socio-economic report reviews its year (a plan only when one is named)
    ("Quốc hội thảo luận về kinh tế - xã hội\n\nPhát biểu tại phiên thảo luận ở hội trường Quốc hội sáng nay (27/10), "
     "đại biểu nhất trí với báo cáo kinh tế - xã hội năm 2018 của Chính phủ.\n", ("2018-10-27", "national", None, 2018, None)),
    # "Bộ Kế hoạch và Đầu tư" plans nothing: a December press conference on the year reviews it
    ("GDP năm 2017 tăng 6,81%\n\nSáng 27/12/2017, Tổng cục Thống kê (Bộ Kế hoạch và Đầu tư) tổ chức họp báo công bố "
     "số liệu thống kê kinh tế - xã hội năm 2017.\n", ("2017-12-27", "ministry", None, 2017, None)),
    ("Hải Phòng kiểm điểm năm 2017\n\nNgày 18/12/2017, Ban Chấp hành Đảng bộ thành phố Hải Phòng tổ chức hội nghị để "
     "kiểm điểm việc thực hiện nhiệm vụ năm 2017 và quyết định phương hướng, nhiệm vụ năm 2018.\n",
     ("2017-12-18", "provincial", "Hải Phòng", 2017, 2018)),
    ("Kỳ họp cuối năm\n\nSáng 9/12, HĐND tỉnh Đắk Lắk khai mạc kỳ họp thứ 11 (kỳ họp thường lệ cuối năm 2015).\n",
     ("2015-12-09", "provincial", "Đắk Lắk", 2015, None)),
    # ceremonies, campaigns and talks are events of the body that holds them
    ("Thủ tướng nhấn nút vận hành nhà máy\n\nChiều 23/12/2018, tại tỉnh Thanh Hoá, Thủ tướng Nguyễn Xuân Phúc đã nhấn "
     "nút vận hành thương mại nhà máy lọc dầu.\n", (None, None, "Thanh Hóa", None, None)),  # the plant's event
    ("Cục Thuế TP. HCM phát động thi đua\n\nNgày 5/3/2018, Cục Thuế TP. HCM phát động phong trào thi đua hoàn thành "
     "số thu được giao.\n", ("2018-03-05", "provincial", "TP. Hồ Chí Minh", None, None)),
    ("Ngân hàng Nhà nước đã mua thêm ngoại tệ\n\nPhát biểu tại hội nghị triển khai nhiệm vụ ngành ngân hàng năm 2019 "
     "sáng 9/1/2019, Thống đốc Ngân hàng Nhà nước cho biết kết quả năm 2018.\n", ("2019-01-09", "ministry", None, 2018, 2019)),
    # a ceremony for works is the builder's event; one a government leader chairs is a meeting
    ("Vinamilk khánh thành trang trại bò sữa\n\nSáng 28/3/2018, trang trại bò sữa công nghệ cao được khánh thành "
     "tại huyện Yên Định, tỉnh Thanh Hoá.\n", (None, None, "Thanh Hóa", None, None)),
    ("Thủ tướng dự lễ khởi công cao tốc\n\nSáng 28/3/2018, Thủ tướng chủ trì lễ khởi công cao tốc Bắc - Nam.\n",
     ("2018-03-28", "national", None, None, None)),
    ("Quảng Nam kỷ niệm 20 năm tái lập tỉnh\n\nTối 24/3/2017, UBND tỉnh Quảng Nam tổ chức lễ kỷ niệm 20 năm tái lập "
     "tỉnh.\n", ("2017-03-24", "provincial", "Quảng Nam", None, None)),  # a province's own ceremony is its meeting
    # the budget of a year is passed in the autumn before it: it plans that year
    ("Quốc hội thông qua dự toán ngân sách Nhà nước năm 2019\n\nVới 86,19% đại biểu tán thành, chiều 9/11, Quốc hội "
     "đã thông qua Nghị quyết về dự toán ngân sách Nhà nước năm 2019.\n", ("2018-11-09", "national", None, None, 2019)),
    # a deadline is not the year planned, however the sentence plans it
    ("Bộ Giao thông vận tải thẩm định báo cáo đường sắt tốc độ cao\n\nNgày 12/11/2018, Bộ Giao thông vận tải tổ chức "
     "hội nghị thẩm định báo cáo, theo đó sẽ triển khai đầu tư xây dựng và đưa vào khai thác vào năm 2032.\n",
     ("2018-11-12", "ministry", None, None, None)),
    # a minister answering the Assembly speaks at its sitting: national, whichever ministry he leads
    ("Bộ Tài chính hứa không tăng thuế VAT\n\nNgày 26/5/2018, giải trình trước Quốc hội, Bộ trưởng Bộ Tài chính cho "
     "biết sẽ không tăng thuế.\n", ("2018-05-26", "national", None, None, None)),
    # the verb "họp" tells of a meeting as the nouns do
    ("Thủ tướng yêu cầu đẩy nhanh dự án đường sắt đô thị\n\nChiều 13/4/2017, Thường trực Chính phủ họp về dự án "
     "đường sắt đô thị.\n", ("2017-04-13", "national", None, None, None)),
    # A date with no year takes the year the article reports on, not a deadline it names as often
    ("Lãnh đạo TP HCM sẽ bị chất vấn\n\nSáng 4/12, phát biểu khai mạc kỳ họp thứ 12 HĐND TP HCM khoá IX, Chủ tịch "
     "HĐND thành phố cho biết, năm qua kinh tế tăng trưởng cao hơn cùng kỳ. Báo cáo về tình hình kinh tế - xã hội năm "
     "2018, Phó chủ tịch UBND TP cho biết kinh tế tiếp tục tăng trưởng. Một số chương trình có nguy cơ không đảm bảo "
     "chỉ tiêu đề ra đến năm 2020.\n", ("2018-12-04", "provincial", "TP. Hồ Chí Minh", 2018, None)),
    # No meeting: only the place the article is about, from its title, else the one place its first
    # two sentences name; a lead naming several places is about none of them.
    ("Công ty bị phạt vì xả thải\n\nUBND tỉnh Quảng Ninh vừa quyết định phạt 280 triệu đồng đối với một công ty xả "
     "thải ô nhiễm.\n", (None, None, "Quảng Ninh", None, None)),
    # questions to a minister, a bill's debate, voters' meetings and ceremonies in November review no year
    ("Lương Bộ trưởng khoảng 14,4 triệu đồng\n\nChiều 18/11/2014, trả lời chất vấn trước Quốc hội, Bộ "
     "trưởng Nguyễn Thái Bình giải trình về tiền lương. Mức lương cơ sở năm 2014 là 1,15 triệu đồng.\n", ("2014-11-18", "national", None, None, None)),
    ("Đà Nẵng thoát khỏi nguồn thu từ đất\n\nNgày 26/11/2014, Chủ tịch UBND TP Đà Nẵng có buổi tiếp xúc cử tri tại "
     "phường Thạch Thang. Năm 2014, thu ngân sách của thành phố ước đạt 16.000 tỷ đồng.\n", ("2014-11-26", "provincial", "Đà Nẵng", None, None)),
    # ... but the opening of a council's year-end session reviews the year, whatever questions it will hear
    ("Lãnh đạo TP HCM sẽ bị chất vấn\n\nSáng 4/12/2018, phát biểu khai mạc kỳ họp thứ 12 HĐND TP HCM, Chủ tịch HĐND "
     "thành phố cho biết năm qua kinh tế tăng trưởng cao hơn cùng kỳ, nên các đại biểu chất vấn để làm rõ. GRDP năm "
     "2018 ước tăng 8,3%.\n",
     ("2018-12-04", "provincial", "TP. Hồ Chí Minh", 2018, None)),
    # a national meeting about the one province its title names is that province's; not a venue
    ("Thủ tướng chủ trì Hội nghị xúc tiến đầu tư tỉnh Quảng Bình\n\nNgày 27/8/2018, Hội nghị xúc tiến đầu tư diễn ra "
     "dưới sự chủ trì của Thủ tướng Chính phủ Nguyễn Xuân Phúc.\n", ("2018-08-27", "national", "Quảng Bình", None, None)),
    ("Thủ tướng chủ trì hội nghị tại Hà Nội\n\nNgày 27/8/2018, Thủ tướng Chính phủ chủ trì hội nghị về cải cách thủ "
     "tục hành chính.\n", ("2018-08-27", "national", None, None, None)),
    # a province's people's committee issuing or approving is its decision; what is put to it is not
    ("Gần 4.300 tỷ đồng xây công viên khoa học\n\nUBND TP HCM vừa phê duyệt quy hoạch xây dựng Khu công viên Khoa "
     "học và Công nghệ tại phường Long Phước.\n", (None, "provincial", "TP. Hồ Chí Minh", None, None)),
    ("Các cơ quan tại TP. HCM phải tiết kiệm điện\n\nĐây là nội dung của chương trình do Phó chủ tịch thường trực UBND "
     "TP. HCM Lê Thanh Liêm vừa ký ban hành.\n", (None, "provincial", "TP. Hồ Chí Minh", None, None)),
    ("Tỉ lệ tham gia bảo hiểm y tế giảm\n\nBHXH TP. HCM vừa trình UBND TP xem xét ban hành văn bản chỉ đạo công tác "
     "BHYT.\n", (None, None, "TP. Hồ Chí Minh", None, None)),
    # from March to October a meeting pursues its year's plan: it plans no year
    ("Quốc hội thảo luận về kinh tế xã hội\n\nHôm nay 30/5/2019, Quốc hội thảo luận về đánh giá kết quả phát triển "
     "kinh tế xã hội năm 2018 và kế hoạch năm 2019.\n", ("2019-05-30", "national", None, 2018, None)),
    # a meeting no body is named for is a province's only when the province is not just its venue
    ("Nhiều doanh nghiệp Việt phát triển bền vững\n\nDiễn đàn Doanh nghiệp Phát triển bền vững được tổ chức tại Hà "
     "Nội vừa qua là minh chứng cho tinh thần này của các doanh nghiệp.\n", (None, None, "Hà Nội", None, None)),
    # "thông qua" as "through" and a plan to submit to the Assembly tell of no meeting
    ("4 tháng, Chính phủ trả nợ hơn 76.000 tỉ\n\nTheo Bộ Tài chính, từ đầu năm đến nay, Chính phủ vay trong nước "
     "thông qua phát hành trái phiếu 46.463 tỉ đồng.\n", (None, None, None, None, None)),
    ("Đề xuất tăng thuế thu nhập cá nhân\n\nBộ Tài chính đề xuất sửa đổi Luật thuế thu nhập cá nhân trước khi báo "
     "cáo Thủ tướng xem xét trình Quốc hội vào năm 2018.\n", (None, None, None, None, None)),
    # a state economic group's conference is coded as a ministry's; a private group's event is no meeting
    ("Siêu uỷ ban hứa tiếp sức Vinachem\n\nTại Hội nghị tổng kết năm 2018 và triển khai nhiệm vụ năm 2019 của tập "
     "đoàn Công nghiệp Hoá chất Việt Nam (Vinachem) diễn ra chiều 12/1/2019, Phó Tổng giám đốc cho biết doanh thu "
     "tăng.\n", ("2019-01-12", "ministry", None, 2018, 2019)),
    ("Tập đoàn FLC và VTVcab ký thoả thuận hợp tác\n\nNgày 7/5/2019, Tập đoàn FLC và Tổng công ty Truyền hình cáp "
     "ký thoả thuận hợp tác. Tham dự buổi lễ ký kết có lãnh đạo hai bên.\n", ("2019-05-07", None, None, None, None)),
    # a bare year is planned only when it stands alone after the plan word
    ("Hội nghị\n\nNgày 20/12/2018, UBND tỉnh Nghệ An tổ chức hội nghị triển khai kế hoạch 2019 và tổng kết năm "
     "2018.\n", ("2018-12-20", "provincial", "Nghệ An", 2018, 2019)),
    ("Hội nghị\n\nNgày 20/6/2018, UBND tỉnh Nghệ An tổ chức hội nghị triển khai 2000 căn nhà ở xã hội.\n",
     ("2018-06-20", "provincial", "Nghệ An", None, None)),
    # a plan word with a bare year plans it ("kế hoạch 2019", no "năm")
    ("Bộ GTVT tổng kết năm 2018\n\nSáng nay (11/1/2019), tại Hà Nội, Bộ GTVT tổ chức hội nghị trực tuyến tổng kết năm "
     "2018 triển khai kế hoạch 2019.\n", ("2019-01-11", "ministry", None, 2018, 2019)),
    # a national leader's recent act is the Government's decision or session, with no meeting word;
    # a decision named in passing is not
    ("Hàng không mở đường bay mới\n\nChính phủ lên kế hoạch mở đường bay thẳng. Thủ tướng vừa phê duyệt Đề án "
     "phát triển đường bay trực tiếp giữa Việt Nam và các quốc gia.\n", (None, "national", None, None, None)),
    ("Dự án chậm tiến độ\n\nDự án do Thủ tướng Nguyễn Tấn Dũng phê duyệt năm 2009 vẫn chậm tiến độ. Năm 2015, Thủ "
     "tướng Nguyễn Tấn Dũng thăm nhà máy.\n", (None, None, None, None, None)),
    ("Thủ tướng Lào thăm Việt Nam\n\nThủ tướng Lào Thongloun Sisoulith vừa thăm Việt Nam. Hai bên thống nhất tăng "
     "cường hợp tác kinh tế, thương mại và đầu tư.\n", (None, None, None, None, None)),
    ("Tỉ lệ tham gia bảo hiểm y tế giảm\n\nDù đã vượt chỉ tiêu Thủ tướng giao, nhưng tỉ lệ tham gia BHYT ở TP. HCM "
     "lại giảm.\n", (None, None, "TP. Hồ Chí Minh", None, None)),
    ("Phụ huynh còn thờ ơ với sách\n\nTP. HCM vừa công bố kết quả khảo sát thói quen đọc, theo đề án đã được Thủ "
     "tướng phê duyệt.\n", (None, None, "TP. Hồ Chí Minh", None, None)),
    # a national leader's visit or inspection told on its day is the Government's event
    ("Thủ tướng thăm Campuchia và Lào\n\nThủ tướng Nguyễn Xuân Phúc và phu nhân hôm nay lên đường đến Campuchia, "
     "bắt đầu chuyến thăm chính thức Campuchia và Lào. Chuyến thăm kéo dài đến 27/4.\n",
     (None, "national", None, None, None)),
    ("EVN bị nhắc nhở\n\nNgày 21/6/2017, Tổ công tác của Thủ tướng Chính phủ do Phó Chủ nhiệm Văn phòng Chính phủ "
     "dẫn đầu đã kiểm tra Tập đoàn Điện lực Việt Nam (EVN).\n", ("2017-06-21", "national", None, None, None)),
    # a conference deploying a year's tasks at the turn of the year reviews the year before when it tells of it
    ("Ngân hàng mua thêm ngoại tệ\n\nPhát biểu tại hội nghị triển khai nhiệm vụ ngành ngân hàng năm 2019 sáng "
     "9/1/2019, Thống đốc Ngân hàng Nhà nước cho biết trong năm 2018 đã mua thêm ngoại tệ.\n",
     ("2019-01-09", "ministry", None, 2018, 2019)),
    ("Ngân hàng triển khai nhiệm vụ\n\nSáng 9/1/2019, Ngân hàng Nhà nước tổ chức hội nghị triển khai nhiệm vụ "
     "ngành ngân hàng năm 2019.\n", ("2019-01-09", "ministry", None, None, 2019)),
    # a year-end session that reviews its year and speaks of the next plans it
    ("HĐND khai mạc kỳ họp\n\nSáng 4/12/2018, phát biểu khai mạc kỳ họp thứ 12 HĐND TP HCM, Chủ tịch HĐND cho "
     "biết năm 2018 kinh tế tăng trưởng. Các đại biểu sẽ bàn nhiệm vụ năm tới.\n",
     ("2018-12-04", "provincial", "TP. Hồ Chí Minh", 2018, 2019)),
    # ... not a leader's forecast, a foreign leader, nor a past visit told in passing
    ("Tăng trưởng năm nay\n\nSáng 5/3, Thủ tướng cho biết GDP dự kiến tăng 6,8%. Giá cả ổn định.\n",
     (None, None, None, None, None)),
    ("Thủ tướng Campuchia thăm Việt Nam\n\nThủ tướng Hun Sen hôm nay thăm Việt Nam. Hai bên bàn về thương mại.\n",
     (None, None, None, None, None)),
    ("Nhà máy mở rộng\n\nNhà máy được mở rộng, theo đó ngày 5/3/2015, Thủ tướng Nguyễn Tấn Dũng đã thăm nhà máy. "
     "Công suất tăng gấp đôi.\n", (None, None, None, None, None)),
    # the General Secretary's visit to a province is national, not the province's
    ("Tổng Bí thư thăm Nghệ An\n\nSáng 5/3/2019, Tổng Bí thư Nguyễn Phú Trọng đã đến thăm tỉnh Nghệ An. Ông "
     "thăm hỏi người dân.\n", ("2019-03-05", "national", "Nghệ An", None, None)),
    # a plan made in February for the year after is no review of a year not yet lived
    ("Hội nghị\n\nSáng 20/2/2019, UBND tỉnh Nghệ An tổ chức hội nghị triển khai kế hoạch năm 2020. Năm 2019 là "
     "năm bản lề.\n", ("2019-02-20", "provincial", "Nghệ An", None, 2020)),
    ("Giá vàng hôm nay tăng mạnh\n\nSáng 5/1, giá vàng SJC tại Hà Nội và TP. HCM tăng 500.000 đồng mỗi lượng.\n",
     (None, None, None, None, None)),
    ("Giá vàng tại Hà Nội tăng mạnh\n\nSáng 5/1, giá vàng SJC tăng 500.000 đồng mỗi lượng so với hôm qua.\n",
     (None, None, "Hà Nội", None, None)),
])
def test_meeting_metadata(text, expected):
    from briefing.extract.metadata import read_metadata
    from briefing.ingest.read import parse

    m = read_metadata(parse(text))
    assert (m.date, m.level, m.locality, m.review_year, m.plan_year) == expected


@pytest.mark.parametrize("sentence", [
    "Năm 2023, lợi nhuận trước thuế của Vietcombank đạt 41.000 tỷ đồng, tăng 10%.",
    "Năm 2023, giá xăng tăng 5% so với năm 2022.",
    "HSBC dự báo tăng trưởng GDP Việt Nam năm 2024 đạt 6%.",
    "Năm 2023, VN-Index tăng 12%.",
    "Năm 2023, doanh thu của Viettel đạt 172.000 tỷ đồng, nộp ngân sách 46.000 tỷ đồng.",
    "Theo chuyên gia, nếu giải ngân tốt, tăng trưởng năm 2024 có thể đạt 6,5%.",
    "Năm 2023, xuất khẩu thủy sản đạt 9 tỷ USD.",
    "Năm 2023, tỷ giá USD/VND tăng 2,5%.",
    "Năm 2023, lạm phát của Mỹ ở mức 3,4%.",
    "Năm 2023, tăng trưởng của ngành ngân hàng đạt 13%.",
    "Lạm phát cơ bản năm 2023 tăng 4,16%.",  # core inflation is not the CPI
    "Tăng trưởng tín dụng năm 2023 đạt 13,5%.",
    "Khu vực công nghiệp và xây dựng tăng 3,74%; khu vực dịch vụ tăng 6,82%.",
    "Ngân hàng Thế giới dự báo GDP Việt Nam năm 2024 tăng 5,5%.",
    "Kinh tế Trung Quốc năm 2023 tăng trưởng 5,2%.",
    "Tập đoàn Vingroup năm 2023 đạt doanh thu 161.000 tỷ đồng.",
    "Xuất khẩu gạo năm 2023 đạt 4,78 tỷ USD.",
    "Ngành dệt may đặt mục tiêu xuất khẩu năm 2024 đạt 44 tỷ USD.",
    "Tổng cục Hải quan thu ngân sách năm 2023 đạt 370.000 tỷ đồng.",
    "Tăng trưởng kinh tế giai đoạn 2021-2025 bình quân 6,5-7%/năm.",
    "GDP 6 tháng đầu năm 2024 tăng 6,42%.",
    "Nếu tăng trưởng GDP đạt 7%, Việt Nam sẽ vượt Thái Lan.",
    "Năm 2023, cả nước có 172,6 nghìn doanh nghiệp rút lui khỏi thị trường.",
    "Báo cáo đánh giá khu vực Đông Nam Á năm 2017 tăng trưởng khoảng 4,8%, trong đó Việt Nam dẫn đầu.",
    "Năm 2019, thị trường sữa tăng trưởng chậm lại, chỉ khoảng 5-6%/năm.",  # a rate a year
])
def test_banks_companies_prices_forecasts_and_other_countries_report_nothing(sentence):
    assert read(sentence, level="national", locality=None)[0] == []


def test_where_a_national_meeting_is_held_is_not_whose_figures_follow():
    from briefing.extract.facts import extract_article
    from briefing.ingest.read import article_from_bytes

    text = (
        "Hội nghị Chính phủ với các địa phương\n\n"
        "Sáng 28/12/2018, tại Hà Nội, Thủ tướng chủ trì Hội nghị Chính phủ với các địa phương tổng kết năm 2018.\n"
        "Chỉ số giá tiêu dùng (CPI) bình quân năm 2018 tăng 3,54%.\n"
        "Tại Hà Nội, chỉ số giá tiêu dùng (CPI) bình quân năm 2018 tăng 3,1%.\n"  # a place named as the subject: its own
    )
    figures = extract_article(article_from_bytes("venue.txt", text.encode())).figures
    assert [(f.value, f.locality) for f in figures] == [(3.54, None), (3.1, "Hà Nội")]


@pytest.mark.parametrize("sentence, reason", [
    # an effect still to come, reckoned by a ministry, is a forecast
    ("Theo đó, với giá điện tăng 8,36% từ ngày 20-3 sẽ làm CPI tăng 0,29-0,31%.", "forecast"),
    # an estimate for a year decades ahead is a forecast, even in a speech about goals
    ("Đến năm 2045, quy mô GDP nước ta ước tính đạt 2.500 tỉ USD.", "forecast"),
])
def test_effects_to_come_and_long_range_estimates_are_forecasts(sentence, reason):
    figures, reasons = read(sentence, level="national", locality=None)
    assert figures == [] and reason in reasons


def test_a_target_for_a_named_year_of_a_long_plan_stays_a_target():
    figures, _ = read("Mục tiêu đến năm 2035, Việt Nam phấn đấu thu nhập bình quân đầu người đạt 10.000 USD.",
                      level="national", locality=None)
    assert figures == [("income_per_capita", "target", 2035, 10000)]


def test_new_rural_counts_are_counts_of_places_and_not_their_change():
    figures, _ = read("Năm 2018, cả 2 chương trình mục tiêu quốc gia về xây dựng nông thôn mới và giảm nghèo bền vững "
                      "đã hoàn thành mục tiêu đề ra.", level="national", locality=None, review=2018, plan=2019,
                      date="2018-12-28")
    assert figures == []  # "2 chương trình" counts programmes, not communes
    figures, _ = read("Cụ thể, cả nước có 3.838 xã (43,02%) đạt chuẩn nông thôn mới, tăng 769 xã (8,62%) so với năm 2017.",
                      level="national", locality=None, review=2018, plan=2019, date="2018-12-28")
    assert ("new_rural_standard", "result", 2018, 3838) in figures
    assert all(value not in (769, 8.62) for *_, value in figures)  # the change over 2017 is not the stock


def test_the_same_period_a_year_before_in_brackets_is_last_years_figure():
    figures, _ = read("Phó Chủ tịch cho biết, tổng sản phẩm trên địa bàn thành phố (GRDP) năm qua tiếp tục tăng trưởng "
                      "cao, đạt 8,25% (cùng kỳ tăng 8,05%).", review=2017, plan=2018, date="2017-12-04")
    assert figures == [("economic_growth", "result", 2017, 8.25), ("economic_growth", "result", 2016, 8.05)]
    # a target met this year does not make last year's figure a target
    figures, _ = read("Năm nay, GRDP trên địa bàn ước tăng 8,3%, hoàn thành chỉ tiêu đề ra (cùng kỳ tăng 8,25%).",
                      review=2018, plan=2019, date="2018-12-04")
    assert figures == [("economic_growth", "result", 2018, 8.3), ("economic_growth", "result", 2017, 8.25)]


def test_a_list_header_gives_its_year_and_wording_to_the_items_under_it():
    from briefing.extract.figures import find_figures
    from briefing.ingest.read import parse

    article = parse("Hội nghị triển khai nhiệm vụ\n\nHội nghị của UBND tỉnh Hà Tĩnh ngày 28/12.\n\n"
                    "Các chỉ tiêu chủ yếu năm 2019 gồm:\n\nGRDP tăng 8,3-8,5%.\n\nThu ngân sách 17.500 tỷ đồng.\n")
    context = Context("provincial", "Hà Tĩnh", None, 2018, 2019, "2018-12-28")
    found = [(f.indicator, f.kind, f.year, dict(f.evidence)["year"]) for f in find_figures(article, context)]
    assert ("economic_growth", "target", 2019, "a list header") in found
    assert ("budget_revenue", "target", 2019, "a list header") in found


def test_a_review_that_began_in_a_past_year_does_not_review_that_year():
    from briefing.extract.metadata import read_metadata
    from briefing.ingest.read import parse

    article = parse("Thủ tướng làm việc với Gia Lai\n\nChiều 30/11, Thủ tướng làm việc với tỉnh Gia Lai.\n\n"
                    "Đây là cuộc làm việc thứ 2 của Thủ tướng với tỉnh Gia Lai kể từ cuối năm 2016.\n\n"
                    "Theo báo cáo của tỉnh Gia Lai, năm 2018, dự kiến 20/20 chỉ tiêu chủ yếu đều đạt và vượt.\n")
    assert read_metadata(article).review_year != 2016


def test_a_report_to_the_assembly_is_a_meeting_and_a_five_year_span_is_no_reviewed_year():
    from briefing.extract.metadata import read_metadata
    from briefing.ingest.read import parse

    article = parse(
        "Nợ công của Việt Nam giảm, lạm phát trong tầm kiểm soát\n\n"
        "Báo cáo trước Quốc hội sáng nay, Thủ tướng Chính phủ Nguyễn Xuân Phúc cho biết, tỉ lệ nợ công khoảng "
        "61,4% GDP, giảm mạnh so với mức 63,7% vào năm 2016; lạm phát cũng trong tầm kiểm soát.\n\n"
        "Báo cáo trước Quốc hội sáng nay (22/10) về tình hình kinh tế - xã hội năm 2018 và kế hoạch 2019 (trong đó "
        "bao gồm cả việc đánh giá giữa kỳ thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2016-2020), Thủ "
        "tướng Chính phủ Nguyễn Xuân Phúc đã nêu bật nhiều kết quả quan trọng.\n")
    info = read_metadata(article)
    assert (info.level, info.review_year, info.date) == ("national", 2018, "2018-10-22")


# Cases a review of the rules found wrong, each now read right.

def test_a_provincial_meetings_own_figures_stay_its_own_after_a_guest_province_is_named():
    from briefing.extract.facts import extract_article
    from briefing.ingest.read import parse

    article = parse("Nghệ An tổng kết năm 2018\n\nSáng 20/12/2018, UBND tỉnh Nghệ An tổ chức hội nghị tổng kết năm "
                    "2018. Dự hội nghị có đoàn công tác tỉnh Hà Tĩnh. Năm 2018, tăng trưởng GRDP của tỉnh đạt 8,1%.\n")
    assert [(f.indicator, f.locality) for f in extract_article(article).figures] == [("economic_growth", "Nghệ An")]


@pytest.mark.parametrize("opening, foreign", [
    ("sáng 5/6/2018, thủ tướng chủ trì phiên họp chính phủ về xuất khẩu nông sản sang trung quốc.", False),
    ("thủ tướng thái lan prayut nói về kinh tế thái lan", True),
    ("ngày 5/3, trung quốc chính thức khai mạc kỳ họp quốc hội khoá 12 tại bắc kinh.", True),
])
def test_whose_prime_minister_or_assembly(opening, foreign):
    from briefing.extract.owner import is_foreign_article

    assert is_foreign_article(opening, names_a_province=False) is foreign


@pytest.mark.parametrize("text, expected", [
    # a past plan measured against is not the year planned
    ("Nghệ An khai mạc kỳ họp cuối năm\n\nSáng 4/12, HĐND tỉnh Nghệ An khai mạc kỳ họp thường lệ cuối năm. Thu ngân "
     "sách tăng 10% so với dự toán năm 2017. Tỉnh sẽ triển khai nhiệm vụ năm 2019 với nhiều giải pháp.\n",
     ("2018-12-04", "provincial", "Nghệ An", None, 2019)),
    # "Vào năm 2018" opening a clause is the year spoken of, not a deadline
    ("Nghệ An khai mạc kỳ họp\n\nSáng 4/12, HĐND tỉnh Nghệ An khai mạc kỳ họp. Vào năm 2018, kinh tế tỉnh tăng "
     "trưởng khá so với năm 2017.\n", ("2018-12-04", "provincial", "Nghệ An", 2018, None)),
    # a project's horizon years ahead is not the year planned
    ("Bộ Giao thông vận tải thẩm định báo cáo\n\nNgày 12/11, Bộ Giao thông vận tải tổ chức hội nghị thẩm định báo cáo, "
     "theo đó sẽ triển khai đầu tư và đưa vào khai thác vào năm 2032. Năm 2019 sẽ trình Quốc hội.\n",
     ("2018-11-12", "ministry", None, None, 2019)),
])
def test_the_years_of_a_meeting_leave_out_past_plans_and_horizons(text, expected):
    from briefing.extract.metadata import read_metadata
    from briefing.ingest.read import parse

    info = read_metadata(parse(text))
    assert (info.date, info.level, info.locality, info.review_year, info.plan_year) == expected


@pytest.mark.parametrize("sentence, themes", [
    # a quoted theme after a bare year is the theme; the year is not a name
    ("Tỉnh ủy chọn chủ đề Năm 2019 “Năm đẩy mạnh cải cách hành chính”.",
     [("Năm đẩy mạnh cải cách hành chính", "theme", 2019)]),
    ("Về chủ đề Năm học mới, Sở Giáo dục tỉnh đã có hướng dẫn.", []),  # a school year
    ("Tổng công ty thực hiện chủ đề Năm quản trị doanh nghiệp hiệu quả.", []),  # no authority holds it
    ("Hội nghị thống nhất chủ đề Năm 2019 là Năm dân vận chính quyền.", [("Năm dân vận chính quyền", "theme", 2019)]),
    # a sector named far back holds a motto only when no authority is named
    ("Thủ tướng đề nghị các bộ, ngành tiếp tục bám sát mục tiêu đã đề ra, quyết liệt triển khai tinh thần "
     "“Kỷ cương - Liêm chính - Hành động - Sáng tạo - Hiệu quả”.",
     [("Kỷ cương - Liêm chính - Hành động - Sáng tạo - Hiệu quả", "motto", 2024)]),
])
def test_unquoted_named_years_and_whose_motto_after_review(sentence, themes):
    from briefing.extract.themes import find_themes
    from briefing.ingest.read import parse

    found = find_themes(parse(f"Tin\n\n{sentence}\n"), "provincial", 2024)
    assert [(t.text, t.kind, t.year) for t in found] == themes


@pytest.mark.parametrize("sentence, figures", [
    ("Năm 2018, tỷ lệ giải ngân vốn vay nợ công đạt 65%.", []),  # a loan's disbursement, not the debt
    ("Năm 2018, tỷ lệ hộ cận nghèo giảm còn 5,2%.", []),  # near-poor households are not the poor
    ("Năm 2018, số hộ thoát nghèo giảm 12%.", []),
    ("Năm 2018, tỉnh đón 5 triệu lượt khách du lịch, tổng thu đạt 13.000 tỷ đồng.",  # tourism's takings
     [("tourists", "result", 2018, 5e6)]),
    # a contribution to growth is not growth, but a contribution named elsewhere in the clause leaves it be
    ("Với sự đóng góp tích cực của các doanh nghiệp vào sản xuất, tăng trưởng GRDP năm 2018 đạt 8,1%.",
     [("economic_growth", "result", 2018, 8.1)]),
])
def test_figures_a_review_found_misread(sentence, figures):
    assert read(sentence, review=2018, plan=2019, date="2018-12-20")[0] == figures


def test_a_province_preparing_a_bill_for_the_assembly_holds_its_own_meeting():
    from briefing.extract.metadata import read_metadata
    from briefing.ingest.read import parse

    info = read_metadata(parse("Nghệ An góp ý dự án luật\n\nNgày 5/4/2018, UBND tỉnh Nghệ An tổ chức hội nghị thảo "
                               "luận, góp ý dự án Luật Quy hoạch trước khi trình Quốc hội.\n"))
    assert (info.level, info.locality) == ("provincial", "Nghệ An")


@pytest.mark.parametrize("sentence, figures", [
    # the plan's share and a count of targets are figures, not shares of a total
    ("Năm 2018, cả nước giải ngân vốn đầu tư công đạt 85% tổng kế hoạch vốn được giao.",
     [("public_investment_disbursement", "result", 2018, 85)]),
    # a record over ten years is one year's result; a span right after the figure is not
    ("Năm 2018, lần đầu tiên trong 10 năm qua, GDP tăng 7,08%.", [("economic_growth", "result", 2018, 7.08)]),
    ("Thủ tướng đánh giá mức tăng trưởng trên 800% trong hơn 10 năm qua.", []),
    # aiming to meet every target is still a target
    ("Năm 2019, Chính phủ phấn đấu hoàn thành toàn bộ các chỉ tiêu Quốc hội giao, tăng trưởng GDP đạt 6,8%.",
     [("economic_growth", "target", 2019, 6.8)]),
    # a third review: a floor is no starting level, 'chỉ tiêu' in a topic is no target cue, a bracket
    # holding only a year is the figure's own, 'một tháng trước' is a time
    ("Mục tiêu thành phố đặt ra cho năm sau là GRDP tăng từ 7,5% trở lên.", [("economic_growth", "target", 2019, 7.5)]),
    ("Năm 2019, tỷ lệ hộ nghèo giảm từ 1,5% trở lên.", [("poverty_rate_reduction", "target", 2019, 1.5)]),
    ("Về chỉ tiêu lạm phát, CPI bình quân năm 2018 tăng 3,54%.", [("cpi", "result", 2018, 3.54)]),
    ("Năm 2018, chỉ tiêu GDP đạt 7,08%, cao nhất 10 năm.", [("economic_growth", "result", 2018, 7.08)]),
    ("Thu nhập bình quân đầu người (năm 2017) đạt 2.385 USD.", [("income_per_capita", "result", 2017, 2385)]),
    ("Thu ngân sách năm 2018 đạt 1,35 triệu tỷ đồng một tháng trước khi kết thúc năm.",
     [("budget_revenue", "result", 2018, 1.35e15)]),
    # "theo chuẩn nghèo tiếp cận đa chiều" says how the rate is measured, not whose it is; "so với cuối
    # năm 2017" is the baseline, not the year
    ("Tỉ lệ hộ nghèo theo chuẩn nghèo tiếp cận đa chiều ước còn khoảng 5,2-5,7%, (giảm khoảng 1-1,5% so với cuối "
     "năm 2017).", [("poverty_rate", "result", 2018, 5.2), ("poverty_rate_reduction", "result", 2018, 1)]),
])
def test_figures_a_second_review_found_misread(sentence, figures):
    assert read(sentence, level="national", locality=None, review=2018, plan=2019, date="2018-12-20")[0] == figures


def test_a_year_before_visitors_is_a_year_and_a_district_organises_its_own_meeting():
    from briefing.extract.metadata import read_metadata
    from briefing.extract.owner import is_foreign_article
    from briefing.ingest.read import parse
    from briefing.text.numbers import find_quantities

    quantities = find_quantities("Trong năm 2018 khách quốc tế ước đạt 2 triệu lượt.")
    assert [(q.value, q.unit) for q in quantities] == [(2e6, "visits")]
    info = read_metadata(parse("Yên Thành tổng kết năm 2018\n\nNgày 28/12/2018, UBND huyện Yên Thành, tỉnh Nghệ An tổ "
                               "chức hội nghị tổng kết năm 2018.\n"))
    assert (info.level, info.locality) == ("district", "Nghệ An")
    # a number or an abbreviation after a bare title is no foreign name
    assert not is_foreign_article("giải ngân vốn trái phiếu chính phủ 9 tháng đạt thấp trong bối cảnh kinh tế thế giới "
                                  "khó khăn. thủ tướng yêu cầu đẩy nhanh", names_a_province=False)


@pytest.mark.parametrize("sentence, figures, reasons", [
    # a bracketed aside that names its year states that year's figure, whatever the forecast around it,
    # and keeps its year to itself: the revenue after it is the year under review's
    ("GDP có thể tăng trưởng cao hơn mức 6,7% (năm 2017 là 6,81%), thu ngân sách nhà nước ước đạt trên 1,35 triệu "
     "tỉ đồng.", [("economic_growth", "result", 2017, 6.81), ("budget_revenue", "result", 2018, 1.35e15)],
     ["forecast"]),
    # an amount for an hour or a month is no year's income
    ("Chi phí được quy đổi dựa trên thu nhập bình quân đầu người năm 2017 (khoảng 25.000 đồng/giờ).", [],
     ["an amount for less than a year"]),
    ("Thu nhập bình quân đầu người năm 2018 đạt 5 triệu đồng mỗi tháng.", [], ["an amount for less than a year"]),
    ("Thu nhập bình quân đầu người năm 2018 đạt 60 triệu đồng.", [("income_per_capita", "result", 2018, 6e7)], []),
])
def test_asides_and_amounts_for_less_than_a_year(sentence, figures, reasons):
    assert read(sentence, level="national", locality=None, review=2018, plan=2019, date="2018-12-20") == (
        figures, reasons)


@pytest.mark.parametrize("sentence, figures", [
    # "chỉ tiêu" with its indicator names the target, whatever verb leads to it
    ("Năm 2018, Bộ Tài chính bảo đảm thực hiện thành công chỉ tiêu lạm phát tăng dưới 4% của Quốc hội.",
     [("cpi", "target", 2018, 4)]),
    ("Năm 2018 GDP tăng 7,08%, vượt chỉ tiêu tăng trưởng 6,7% Quốc hội giao.",
     [("economic_growth", "result", 2018, 7.08), ("economic_growth", "target", 2018, 6.7)]),
])
def test_a_target_named_by_its_indicator_after_chi_tieu(sentence, figures):
    assert read(sentence, level="national", locality=None, review=2018, plan=2019, date="2018-12-20")[0] == figures


@pytest.mark.parametrize("sentence, locality", [
    # "Việt Nam" in the clause makes the figure the country's, even at a leader's session with one city
    ("Năm 2019, Việt Nam phấn đấu thu hút 17 triệu lượt khách quốc tế.", None),
    ("Năm 2019, thành phố phấn đấu thu hút 7 triệu lượt khách quốc tế.", "Đà Nẵng"),
])
def test_vietnam_named_in_the_clause_owns_the_figure(sentence, locality):
    context = Context("national", "Đà Nẵng", None, 2018, 2019, "2018-12-20")
    assert [f.locality for f in figures_in(Sentence(sentence, 0, len(sentence), 0), context)] == [locality]


@pytest.mark.parametrize("sentence, figures, reasons", [
    # a change "from X to Y": Y is the level the year reached, X an earlier time's level
    ("Năm 2018, tỷ lệ hộ nghèo giảm từ 7,8% xuống 6%.", [("poverty_rate", "result", 2018, 6)],
     ["the level before a change"]),
    ("Năm 2018, tỷ lệ hộ nghèo giảm 1,5%, từ 7,8% xuống còn 6,3%.",
     [("poverty_rate_reduction", "result", 2018, 1.5), ("poverty_rate", "result", 2018, 6.3)],
     ["the level before a change"]),
    ("Năm 2018 GDP bình quân đầu người tăng từ 2.385 USD lên 2.587 USD.", [("income_per_capita", "result", 2018, 2587)],
     ["the level before a change"]),
    ("Năm 2018, nợ công giảm từ 63,6% GDP xuống còn 61,4% GDP.", [("public_debt", "result", 2018, 61.4)],
     ["the level before a change"]),
    # with its own year, the level it started from is that year's
    ("Thu nhập bình quân đầu người tăng từ 1.664 USD năm 2015 lên 2.100 USD năm 2018.",
     [("income_per_capita", "result", 2015, 1664), ("income_per_capita", "result", 2018, 2100)], []),
])
def test_the_levels_a_change_moves_between(sentence, figures, reasons):
    assert read(sentence, level="national", locality=None, review=2018, plan=2019, date="2018-12-20") == (
        figures, reasons)



@pytest.mark.parametrize("sentence", [
    "Năm 2019, Mặt trận Tổ quốc Việt Nam tỉnh phấn đấu giảm tỷ lệ hộ nghèo xuống 2%.",
    "Năm 2018, với sự hỗ trợ của Ngân hàng Phát triển Việt Nam, tỷ lệ hộ nghèo giảm còn 2,1%.",
    "Theo Tổng cục Du lịch Việt Nam, năm 2018 tỉnh đón 12 triệu lượt khách.",
])
def test_vietnam_ending_a_bodys_name_leaves_the_figure_to_the_province(sentence):
    context = Context("provincial", "Quảng Ninh", None, 2018, 2019, "2018-12-20")
    assert [f.locality for f in figures_in(Sentence(sentence, 0, len(sentence), 0), context)] == ["Quảng Ninh"]


# An article as published runs its lead and body into long paragraphs: what the sentences say must not
# depend on the line breaks the evaluation corpora add.

def test_the_year_of_the_sentence_before_goes_only_to_a_sentence_that_continues_it():
    from briefing.extract.figures import find_figures
    from briefing.ingest.read import parse

    article = parse("Hà Tĩnh tổng kết năm\n\nNgày 28/12, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết. Năm 2018, "
                    "tỉnh đạt nhiều kết quả quan trọng. Trong đó, tăng trưởng GRDP đạt 8,1%. So với năm 2016, đời "
                    "sống người dân cải thiện. Thu ngân sách đạt 17.500 tỷ đồng.\n")
    context = Context("provincial", "Hà Tĩnh", None, 2018, 2019, "2018-12-28")
    found = {f.indicator: (f.year, dict(f.evidence)["year"]) for f in find_figures(article, context)}
    assert found["economic_growth"] == (2018, "the sentence before")  # "Trong đó, …" continues "Năm 2018, …"
    assert found["budget_revenue"] == (2018, "the meeting's review year")  # not 2016, two sentences back


@pytest.mark.parametrize("opening, continues", [
    ("Trong đó, GRDP tăng 8%.", True), ("- Trong đó GRDP tăng 8%.", True), ("Cụ thể, GRDP tăng 8%.", True),
    ("Cụ thể là GRDP tăng 8%.", True), ("Cụ thể hóa mục tiêu, GRDP tăng 8%.", False), ("Thu ngân sách tăng 8%.", False),
])
def test_what_continues_the_sentence_before(opening, continues):
    from briefing.extract.figures import CONTINUES_THE_SENTENCE_BEFORE

    assert bool(CONTINUES_THE_SENTENCE_BEFORE.match(match_form(opening))) == continues


def test_the_meeting_date_is_read_from_the_first_sentences_of_a_one_paragraph_article():
    from briefing.extract.dates import meeting_date
    from briefing.ingest.read import parse

    article = parse("Quảng Nam tổng kết năm 2018\n\nHội nghị tổng kết của tỉnh Quảng Nam diễn ra trong hai ngày. "
                    "Nhiều ý kiến được nêu. Tỉnh đánh giá kết quả năm 2018. Các đại biểu thảo luận sôi nổi. Trận lũ "
                    "ngày 13/10/2017 gây thiệt hại lớn cho tỉnh.\n")
    assert meeting_date(article, 2018, 2019) is None  # the flood's date, in the body, is not the meeting's
    # a lead paragraph of three sentences, then the dated one
    article = parse("Quảng Nam tổng kết năm 2018\n\nTỉnh đạt nhiều kết quả. Tăng trưởng khá. Đời sống cải thiện."
                    "\n\nSáng 28/12, UBND tỉnh Quảng Nam tổ chức hội nghị tổng kết năm 2018.\n")
    assert meeting_date(article, 2018, 2019) == "2018-12-28"


def test_an_opening_quote_spaced_from_its_word_starts_a_sentence():
    from briefing.text.sentences import split

    assert split("Lạm phát ở mức 5%. “ Chính phủ tôn vinh doanh nghiệp. Hết.") == [
        "Lạm phát ở mức 5%.", "“ Chính phủ tôn vinh doanh nghiệp.", "Hết."]
    assert split('Lạm phát ở mức 5%. " Tôi nghĩ vậy ", ông nói.') == ["Lạm phát ở mức 5%.", '" Tôi nghĩ vậy ", ông nói.']


@pytest.mark.parametrize("sentence, value, value_max, comparator", [
    ("Năm 2023, thu ngân sách nhà nước tăng 3-5% so với dự toán.", 103, 105, "="),
    ("Năm 2023, thu ngân sách nhà nước giảm 3-5% so với dự toán.", 95, 97, "="),
    ("Năm 2023, thu ngân sách nhà nước giảm hơn 10% so với dự toán.", 90, None, "<"),
    ("Năm 2024, tỉnh phấn đấu thu ngân sách tăng từ 10% trở lên so với dự toán.", 110, None, ">="),
    ("Năm 2023, thu ngân sách vượt 3-5% so với dự toán.", 103, 105, "="),
    ("Năm 2023, thu ngân sách tăng lên 112% dự toán.", 112, None, "="),  # a share reached, no change
])
def test_a_change_from_the_plan_keeps_its_range_and_turns_round_with_a_fall(sentence, value, value_max, comparator):
    context = Context("provincial", "Hà Tĩnh", None, 2023, 2024, "2023-12-28")
    [figure] = figures_in(Sentence(sentence, 0, len(sentence), 0), context)
    assert (figure.unit, figure.value, figure.value_max, figure.comparator) == ("% of plan", value, value_max, comparator)


def test_a_city_abbreviation_ends_a_sentence_only_before_a_word_no_city_name_opens_with():
    from briefing.text.sentences import split

    assert split("Chủ tịch, uỷ viên UBND TP. Do có chức danh chưa đủ 9 tháng nên không lấy phiếu. Tại TP. Hồ Chí Minh, "
                 "GRDP tăng 8%. Ở TP. Vinh thì khác.") == [
        "Chủ tịch, uỷ viên UBND TP.", "Do có chức danh chưa đủ 9 tháng nên không lấy phiếu.",
        "Tại TP. Hồ Chí Minh, GRDP tăng 8%.", "Ở TP. Vinh thì khác."]


def test_a_leaders_visit_reports_only_figures_that_name_their_owner():
    """A visit is national, but its figures are mostly what was visited: "Làng đón … lượt khách"
    is the village's, while a sentence naming the country still gives the country's."""
    from briefing.extract.facts import read_figures
    from briefing.ingest.read import parse

    article = parse("Phó Chủ tịch Quốc hội khảo sát Làng văn hoá\n\nNgày 21/10/2017, Phó Chủ tịch Quốc hội Tòng Thị "
                    "Phóng đã khảo sát Làng văn hoá các dân tộc Việt Nam. Năm 2016 Làng đón hơn 500.000 lượt khách. "
                    "Năm 2016, GDP cả nước tăng 6,21%.\n")
    info, _, figures = read_figures(article)
    assert (info.level, info.visit) == ("national", True)
    assert [(f.indicator, f.value) for f in figures] == [("economic_growth", 6.21)]


def test_the_share_of_a_list_of_districts_is_several_places_figure():
    """"5 huyện, thị xã có 100% số xã …": the share each of several places has, not the province's."""
    figures, reasons = read("Năm 2023, có 5 huyện, thị xã có 100% số xã đạt chuẩn nông thôn mới.")
    assert ("new_rural_standard", "result", 2023, 100) not in figures and "several places' figure" in reasons


@pytest.mark.parametrize("lead, level", [
    # a commercial bank's own conference, a Deputy Governor attending: the bank's event, no meeting
    ("Hai ngày 7/7 và 8/7 vừa qua, Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank) tổ chức Hội nghị Sơ kết hoạt "
     "động kinh doanh 6 tháng đầu năm và triển khai nhiệm vụ kinh doanh 6 tháng cuối năm 2017.", None),
    ("Ngày 5/1/2019, Agribank tổ chức hội nghị tổng kết năm 2018. Dự hội nghị có Phó Thủ tướng Vương Đình Huệ.", None),
    # the State Bank is coded as a ministry, and a province organising with a company is the province's
    ("Ngày 5/1/2019, Ngân hàng Nhà nước tổ chức hội nghị tổng kết năm 2018.", "ministry"),
    ("Ngày 5/1/2019, UBND tỉnh Nghệ An và Tập đoàn Vingroup tổ chức hội nghị xúc tiến đầu tư.", "provincial"),
    ("Ngày 5/1/2019, Sở Công Thương Nghệ An phối hợp với Hiệp hội Doanh nghiệp tổ chức hội nghị.", "provincial"),
    # the first organiser decides: a bank's event told after the Deputy Prime Minister's conference, a long
    # bank name after the province, a bank as a common noun, a policy bank, the State Bank in capitals
    ("Sáng 5/1/2019, Phó Thủ tướng Vương Đình Huệ dự hội nghị tổng kết năm 2018 của Bộ Tài chính. Cũng trong ngày, "
     "Vietcombank tổ chức hội nghị khách hàng năm 2019.", "ministry"),
    ("Ngày 5/1/2019, UBND tỉnh Nghệ An phối hợp với Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV) tổ chức hội "
     "nghị tổng kết năm 2018.", "provincial"),
    ("Để doanh nghiệp tiếp cận vốn ngân hàng thuận lợi hơn, UBND TP Hà Nội tổ chức hội nghị gặp gỡ doanh nghiệp.",
     "provincial"),
    ("Ngày 5/1/2019, Ngân hàng Chính sách xã hội tổ chức hội nghị tổng kết năm 2018, Thủ tướng dự.", "national"),
    ("Ngày 5/1/2019, Ngân hàng Nhà Nước tổ chức hội nghị triển khai nhiệm vụ năm 2019.", "ministry"),
])
def test_a_company_or_bank_organising_holds_no_meeting_whoever_attends(lead, level):
    from briefing.extract.metadata import read_metadata
    from briefing.ingest.read import parse

    info = read_metadata(parse(f"Hội nghị\n\n{lead}\n"))
    assert info.level == level
    if level is None:
        assert (info.date, info.review_year, info.plan_year) == (None, None, None)


@pytest.mark.parametrize("sentence, figures", [
    # "thì mới" before a number is "but only so far", no condition
    ("Năm 2023, tỉnh đặt mục tiêu có 20 xã đạt chuẩn nông thôn mới thì mới có 12 xã đạt chuẩn.",
     [("new_rural_standard", "target", 2023, 20)]),
    # "sẽ vượt mức" is a forecast of its own figure only, and a target word before it still aims
    ("Năm 2024, xuất khẩu của tỉnh sẽ vượt mức 2 tỷ USD và tăng trưởng kinh tế ước đạt 8,5%.",
     [("economic_growth", "result", 2024, 8.5)]),
    ("Năm 2024, tỉnh phấn đấu tăng trưởng kinh tế sẽ vượt mức 9%.", [("economic_growth", "target", 2024, 9)]),
    # a target dated only by the meeting's plan lends its year to no result: the result is the year reviewed's
    ("Tỉnh đặt mục tiêu tăng trưởng kinh tế 8,4-8,7% nhưng chỉ ước đạt 8,25%.",
     [("economic_growth", "target", 2024, 8.4), ("economic_growth", "result", 2023, 8.25)]),
])
def test_conditions_forecasts_and_lent_years_stop_at_their_own_figure(sentence, figures):
    assert read(sentence)[0] == figures
