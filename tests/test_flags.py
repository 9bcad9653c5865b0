"""Flags a reader can act on: direction, comparator, unit, year, conflict and doubtful values,
shown by real sentences (in short articles the tests write) and by tables of cells."""

import json

from dataclasses import replace

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.compare import Cell, compare
from briefing.extract.indicators import HIGHER, INDICATORS, LOWER, NEITHER
from briefing.flags import (
    BEATEN, CONFLICT, DOUBTFUL, FLAG_KINDS, LESS_AMBITIOUS, MET, MISSED, MORE_AMBITIOUS, Compared,
    Flag, ambition, row_flags, verdict,
)
from briefing.analyse import read_facts
from briefing.render.flag_text import flag_text
from conftest import SEEDS

runner = CliRunner()


def cell(value, comparator="=", value_max=None, of=None, source="a.txt"):
    return Cell(value, value_max, comparator, of, "…", source)


@pytest.mark.parametrize("indicator, direction", [
    ("economic_growth", HIGHER), ("budget_revenue", HIGHER), ("export_value", HIGHER),
    ("cpi", LOWER), ("budget_deficit", LOWER), ("public_debt", LOWER), ("poverty_rate", LOWER),
    ("poverty_rate_reduction", HIGHER),  # a reduction of the poverty rate: the more points the better
    ("trade_surplus", NEITHER),
])
def test_each_indicator_knows_its_direction(indicator, direction):
    assert INDICATORS[indicator].better == direction


def test_every_indicator_has_a_plausible_range_for_each_of_its_units():
    for code, indicator in INDICATORS.items():
        for unit in indicator.units:
            assert unit in indicator.plausible, (code, unit)
            low, high = indicator.plausible[unit]
            assert low < high


# target, result, direction → verdict. The target's comparator is what the article wrote:
# "trở lên" >=, "trên" >, "không quá" <=, "dưới" <, "khoảng" ~, a range value..value_max.
@pytest.mark.parametrize("target, result, better, expected", [
    (cell(4, "<"), cell(3.54), LOWER, MET),  # CPI "dưới 4%", 3,54%: met, not missed
    (cell(3.7, "<="), cell(3.46), LOWER, MET),  # deficit "không quá 3,7% GDP", 3,46%
    (cell(3.7, "<="), cell(3.9), LOWER, MISSED),
    (cell(4, "~"), cell(3.54), LOWER, BEATEN),  # "khoảng 4%" and inflation well under it
    (cell(4, "~"), cell(4.03), LOWER, MET),  # within "khoảng"
    (cell(4, "~"), cell(4.5), LOWER, MISSED),
    (cell(11, ">="), cell(11.2), HIGHER, MET),  # "11% trở lên": the floor is what was asked
    (cell(11, ">="), cell(10.8), HIGHER, MISSED),
    (cell(8, value_max=8.5), cell(8.05), HIGHER, MET),  # "8 - 8,5%"
    (cell(8, value_max=8.5), cell(8.6), HIGHER, BEATEN),
    (cell(8, value_max=8.5), cell(7.2), HIGHER, MISSED),
    (cell(6.7, "~"), cell(6.68), HIGHER, MET),  # "khoảng 6,7%": 6,68% is about it
    (cell(6.7), cell(6.68), HIGHER, MISSED),  # "6,7%" exactly: not reached
    (cell(7, value_max=7.5), cell(7, ">"), HIGHER, None),  # "trên 7%": inside or above, nobody can say
    (cell(3e9, "~"), cell(10e9), NEITHER, MISSED),  # a surplus far off its target is off, not better
])
def test_verdict_follows_comparator_and_direction(target, result, better, expected):
    assert verdict(target, result, better) == expected


# target, last year's result, direction → ambition
@pytest.mark.parametrize("target, last, better, expected", [
    (cell(17_500e9), cell(17_946e9), HIGHER, LESS_AMBITIOUS),  # Hà Tĩnh's 2024 revenue target
    (cell(8, value_max=8.5), cell(8.05), HIGHER, None),  # the range holds last year's result
    (cell(7, ">="), cell(6.5), HIGHER, MORE_AMBITIOUS),
    (cell(4.5, "<"), cell(3.54), LOWER, LESS_AMBITIOUS),  # a CPI ceiling above last year's inflation: looser
    (cell(3.3, "<"), cell(3.54), LOWER, MORE_AMBITIOUS),  # below it: stricter
    (cell(4, ">="), cell(3.54), LOWER, None),  # a floor on what should be low says nothing of ambition
    (cell(8.05), cell(8.07), HIGHER, None),  # within rounding: the same
])
def test_ambition_is_worded_by_direction(target, last, better, expected):
    assert ambition(target, last, better) == expected


def kinds(flags):
    return [f.kind for f in flags]


def test_conflict_only_for_two_articles_results_that_differ_beyond_rounding():
    a, b = cell(7.2, source="a.txt"), cell(7.5, source="b.txt")
    assert kinds(row_flags("economic_growth", "%", 2024, [], [a, b], [])) == [CONFLICT]
    assert kinds(row_flags("economic_growth", "%", 2024, [], [cell(7, source="a.txt"), cell(7.08, source="b.txt")], [])) == []
    assert kinds(row_flags("economic_growth", "%", 2024, [], [cell(7, ">", source="a.txt"), b], [])) == []
    one_article = [cell(9800, source="a.txt"), cell(7500, source="a.txt")]  # the article tells the two apart
    assert kinds(row_flags("income_per_capita", "USD", 2020, [], one_article, [])) == []
    shares = [cell(8, of=12, source="a.txt"), cell(4, of=12, source="b.txt")]  # exceeded and met: parts
    assert kinds(row_flags("indicators_met", "count", 2018, [], shares, [])) == []


def test_targets_two_articles_give_differently_conflict_and_neither_is_judged():
    bn = 10**9
    plan, misquote = cell(17500 * bn, source="a.txt"), cell(18500 * bn, source="b.txt")
    flags = row_flags("budget_revenue", "VND", 2024, [plan, misquote], [cell(17600 * bn, source="a.txt")],
                      [cell(17946 * bn, source="a.txt")])
    assert kinds(flags) == [CONFLICT] and [c.role for c in flags[0].facts] == ["target", "target"]
    one_article = [cell(7), cell(7.5)]  # "khoảng 7%, phấn đấu 7,5%": two targets the article tells apart
    assert CONFLICT not in kinds(row_flags("economic_growth", "%", 2024, one_article, [cell(7.2)], []))
    merged = [replace(plan, sources=("a.txt", "b.txt")), misquote]  # b states both: no dispute of reports
    assert CONFLICT not in kinds(row_flags("budget_revenue", "VND", 2024, merged, [], []))


def test_results_that_differ_are_not_judged_against_the_target():
    flags = row_flags("economic_growth", "%", 2024, [cell(8)], [cell(7.2, source="a.txt"), cell(8.6, source="b.txt")], [])
    assert kinds(flags) == [CONFLICT]


def test_figures_of_no_year_are_compared_with_nothing():
    assert row_flags("economic_growth", "%", None, [cell(6.7)], [cell(6.4, source="b.txt")], []) == []


def test_an_implausible_value_is_doubtful_and_compared_with_nothing():
    flags = row_flags("active_businesses", "count", 2017, [cell(135_000, "~")], [cell(2, source="b.txt")], [])
    assert kinds(flags) == [DOUBTFUL]
    assert flags[0].facts[0].role == "result" and flags[0].facts[0].cell.value == 2
    assert kinds(row_flags("budget_deficit", "% of GDP", 2018, [cell(13.8)], [cell(3.46, source="b.txt")], [])) == [
        DOUBTFUL]
    assert kinds(row_flags("cpi", "%", 2018, [cell(4, "<")], [cell(0.27, source="b.txt")], [])) == [DOUBTFUL]
    assert kinds(row_flags("cpi", "%", 2018, [cell(4, "<")], [cell(3.54, source="b.txt")], [])) == [MET]


def test_a_share_of_the_plan_is_not_compared_across_years():
    assert kinds(row_flags("budget_revenue", "% of plan", 2019, [cell(105)], [], [cell(112.6, source="b.txt")])) == []
    assert kinds(row_flags("budget_revenue", "% of plan", 2019, [cell(100)], [cell(102.6, source="b.txt")], [])) == [
        BEATEN]


PLAN_2018 = (
    "Quốc hội thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2018\n\n"
    "Chiều 10/11/2017, Quốc hội biểu quyết thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2018.\n\n"
    "Theo Nghị quyết, các chỉ tiêu chủ yếu năm 2018 gồm: tốc độ tăng trưởng tổng sản phẩm trong nước (GDP) "
    "đạt khoảng 6,5 - 6,7%; tốc độ tăng giá tiêu dùng (CPI) bình quân dưới 4%.\n"
    "Bội chi ngân sách nhà nước năm 2018 không quá 3,7% GDP.\n"
)
REVIEW_2018 = (
    "Hội nghị trực tuyến Chính phủ với các địa phương tổng kết năm 2018\n\n"
    "Sáng 28/12/2018, tại Hà Nội, Thủ tướng Nguyễn Xuân Phúc chủ trì Hội nghị trực tuyến Chính phủ với các địa "
    "phương tổng kết năm 2018, triển khai nhiệm vụ năm 2019.\n\n"
    "Năm 2018, tốc độ tăng trưởng GDP đạt 7,08%, cao nhất trong 10 năm qua.\n"
    "Chỉ số giá tiêu dùng (CPI) bình quân năm 2018 tăng {cpi}%.\n"
    "Bội chi ngân sách nhà nước năm 2018 ở mức 3,46% GDP.\n"
)


def national_2018(tmp_path, cpi="3,54", second_review=None):
    paths = []
    for name, body in (("plan.txt", PLAN_2018), ("review.txt", REVIEW_2018.format(cpi=cpi)),
                       ("review-b.txt", second_review)):
        if body:
            (tmp_path / name).write_text(body, "utf-8")
            paths.append(str(tmp_path / name))
    rows = compare(list(read_facts(paths))).figures
    return {r.indicator: r for r in rows if r.year == 2018 and r.locality is None}


def test_targets_under_a_ceiling_are_met_by_lower_values(tmp_path):
    rows = national_2018(tmp_path)
    assert kinds(rows["cpi"].flags) == [MET]  # "dưới 4%", 3,54%
    assert kinds(rows["budget_deficit"].flags) == [MET]  # "không quá 3,7% GDP", 3,46% GDP
    assert kinds(rows["economic_growth"].flags) == [BEATEN]  # "khoảng 6,5 - 6,7%", 7,08%


def test_a_months_inflation_is_doubtful_for_a_year(tmp_path):
    rows = national_2018(tmp_path, cpi="0,27")
    assert kinds(rows["cpi"].flags) == [DOUBTFUL]  # not "met" against "dưới 4%"
    assert flag_text(rows["cpi"].flags[0], "%", "en").endswith(
        "result 2018: 0.27% (review.txt): “Chỉ số giá tiêu dùng (CPI) bình quân năm 2018 tăng 0,27%.”")


def test_two_articles_with_different_results_conflict_each_with_its_source(tmp_path):
    other = REVIEW_2018.format(cpi="3,54").replace("7,08%", "6,8%")
    rows = national_2018(tmp_path, second_review=other)
    conflict = next(f for f in rows["economic_growth"].flags if f.kind == CONFLICT)
    assert sorted((c.cell.value, c.cell.source.rsplit("/", 1)[-1]) for c in conflict.facts) == [
        (6.8, "review-b.txt"), (7.08, "review.txt")]
    assert MET not in kinds(rows["economic_growth"].flags) and BEATEN not in kinds(rows["economic_growth"].flags)


def test_seeds_keep_the_two_ha_tinh_flags():
    comparison = compare(list(read_facts([str(SEEDS)])))
    red = [(row.indicator, row.locality, row.year, flag.kind) for row, flag in comparison.attention_flags]
    assert red == [("budget_revenue", "Hà Tĩnh", 2024, LESS_AMBITIOUS), ("export_value", "Hà Tĩnh", 2024, LESS_AMBITIOUS)]


def flag(kind, better, target=None, result=None, last=None):
    facts = [Compared("target", 2024, target)] if target else []
    facts += [Compared("result", 2024, result)] if result else []
    facts += [Compared("result", 2023, last)] if last else []
    return Flag(kind, better, facts)


@pytest.mark.parametrize("made, unit, vi, en", [
    (flag(MET, LOWER, cell(4, "<", source="/n/plan.txt"), cell(3.54, source="/n/review.txt")), "%",
     "đạt mục tiêu: mục tiêu 2024: dưới 4% (plan.txt); kết quả 2024: 3,54% (review.txt)",
     "met target: target 2024: below 4% (plan.txt); result 2024: 3.54% (review.txt)"),
    (flag(MISSED, HIGHER, cell(8), cell(7.2, source="b.txt")), "%",
     "không đạt mục tiêu: mục tiêu 2024: 8% (a.txt); kết quả 2024: 7,2% (b.txt)",
     "missed target: target 2024: 8% (a.txt); result 2024: 7.2% (b.txt)"),
    (flag(BEATEN, LOWER, cell(4, "~"), cell(3.54)), "%",
     "tốt hơn mục tiêu (thấp hơn mức đề ra): mục tiêu 2024: khoảng 4% (a.txt); kết quả 2024: 3,54% (a.txt)",
     "beat target (below it; lower is better): target 2024: about 4% (a.txt); result 2024: 3.54% (a.txt)"),
    (flag(LESS_AMBITIOUS, HIGHER, cell(17_500e9), last=cell(17_946e9)), "VND",
     "mục tiêu thấp hơn kết quả năm trước: mục tiêu 2024: 17.500 tỷ đồng (a.txt); kết quả 2023: 17.946 tỷ đồng (a.txt)",
     "less ambitious than last year's result (target below it): target 2024: VND 17,500 billion (a.txt); "
     "result 2023: VND 17,946 billion (a.txt)"),
    (flag(LESS_AMBITIOUS, LOWER, cell(4.5, "<"), last=cell(3.54)), "%",
     "mục tiêu nới lỏng (cao hơn kết quả năm trước): mục tiêu 2024: dưới 4,5% (a.txt); kết quả 2023: 3,54% (a.txt)",
     "less ambitious than last year's result (a looser limit, above it): target 2024: below 4.5% (a.txt); "
     "result 2023: 3.54% (a.txt)"),
    (flag(MORE_AMBITIOUS, LOWER, cell(3.3, "<"), last=cell(3.54)), "%",
     "mục tiêu chặt hơn (thấp hơn kết quả năm trước): mục tiêu 2024: dưới 3,3% (a.txt); kết quả 2023: 3,54% (a.txt)",
     "more ambitious than last year's result (a stricter limit, below it): target 2024: below 3.3% (a.txt); "
     "result 2023: 3.54% (a.txt)"),
    (flag(CONFLICT, HIGHER, result=cell(7.08), last=None) , "%",
     "các bài nêu số liệu khác nhau: kết quả 2024: 7,08% (a.txt)",
     "articles give different figures: result 2024: 7.08% (a.txt)"),
    (flag(DOUBTFUL, HIGHER, result=cell(2)), "count",
     "số liệu đáng ngờ (ngoài khoảng hợp lý của chỉ tiêu): kết quả 2024: 2 (a.txt): “…”",
     "doubtful value (outside the plausible range of the indicator): result 2024: 2 (a.txt): “…”"),
])
def test_flag_wording_in_vietnamese_and_english(made, unit, vi, en):
    assert flag_text(made, unit, "vi") == vi
    assert flag_text(made, unit, "en") == en


def test_compare_json_gives_each_flag_its_kind_text_and_both_facts_with_sources(tmp_path):
    national_2018(tmp_path)  # writes the two articles
    for lang, word in (("vi", "đạt mục tiêu"), ("en", "met target")):
        result = runner.invoke(app, ["compare", str(tmp_path), "--format", "json", "--lang", lang, "--min-confidence", "0"])
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)["figures"]
        cpi = next(r for r in rows if r["indicator"] == "cpi" and r["locality"] is None)
        [flag_json] = cpi["flags"]
        assert flag_json["kind"] == "met" and flag_json["kind"] in FLAG_KINDS
        assert flag_json["text"].startswith(word)
        assert [(f["role"], f["value"], f["source_name"]) for f in flag_json["facts"]] == [
            ("target", 4, "plan.txt"), ("result", 3.54, "review.txt")]


UNITS_ARTICLE = (
    "Hội nghị tổng kết năm 2018 của UBND tỉnh Nghệ An\n\n"
    "Sáng 28/12/2018, UBND tỉnh Nghệ An tổ chức hội nghị tổng kết nhiệm vụ năm 2018, triển khai nhiệm vụ năm 2019.\n\n"
    "Năm 2018, thu ngân sách nhà nước trên địa bàn tỉnh đạt 14.000 tỷ đồng, vượt 12% dự toán.\n"
    "Kim ngạch xuất khẩu năm 2018 đạt 800 triệu USD; năm 2019 phấn đấu xuất khẩu tăng 10%.\n"
)


def test_a_growth_rate_is_never_compared_with_an_amount(tmp_path):
    (tmp_path / "nghe-an.txt").write_text(UNITS_ARTICLE, "utf-8")
    rows = compare(list(read_facts([str(tmp_path)]))).figures
    exports = {(r.year, r.unit): r for r in rows if r.indicator == "export_value"}
    assert set(exports) == {(2018, "USD"), (2019, "%")}  # a growth target of 10%, last year's 800 million USD
    assert all(row.flags == [] for row in rows)
