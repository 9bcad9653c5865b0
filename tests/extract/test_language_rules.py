"""Language knowledge of extraction and comparison: increments, places counted, slogan variants,
generic watchwords, and each pattern and indicator name defined once."""

import re
from pathlib import Path

from conftest import ROOT, SEEDS, seed

from briefing.compare import compare
from briefing.extract.figures import counted_place
from briefing.extract.indicators import INDICATORS
from briefing.analyse import read_facts
from briefing.render.labels import labels
from briefing.text.patterns import BARE_YEAR, NAMED_YEAR


def facts_of(tmp_path, *bodies):
    paths = []
    for i, body in enumerate(bodies):
        path = tmp_path / f"article-{i}.txt"
        path.write_text(body, "utf-8")
        paths.append(str(path))
    return list(read_facts(paths))


def review(year, sentence, place="Lạng Sơn"):
    return (
        f"Hội nghị tổng kết năm {year} của tỉnh {place}\n\n"
        f"Sáng 30/12/{year}, UBND tỉnh {place} tổ chức hội nghị tổng kết nhiệm vụ năm {year}. {sentence}\n"
    )


def plan(year, sentence, place="Lạng Sơn"):
    return (
        f"Hội nghị triển khai nhiệm vụ năm {year} của tỉnh {place}\n\n"
        f"Sáng 10/1/{year}, UBND tỉnh {place} tổ chức hội nghị triển khai nhiệm vụ năm {year}. {sentence}\n"
    )


# --- "thêm 16 xã": an increment is not a total


def rural(facts):
    return [f for m in facts for f in m.figures if f.indicator == "new_rural_standard"]


def test_more_communes_is_an_increment_not_a_total(tmp_path):
    more = rural(facts_of(tmp_path, review(2020, "Năm 2020, toàn tỉnh có thêm 16 xã đạt chuẩn nông thôn mới.")))
    total = rural(facts_of(tmp_path, review(2020, "Năm 2020, toàn tỉnh có 16 xã đạt chuẩn nông thôn mới.")))
    assert [(f.value, f.increment) for f in more] == [(16, True)]
    assert [(f.value, f.increment) for f in total] == [(16, False)]


def test_the_seed_increment_is_kept_out_of_the_aligned_levels():
    facts = list(read_facts([str(seed("003"))]))
    (figure,) = rural(facts)
    assert figure.value == 16 and figure.increment and "thêm 16 xã" in figure.sentence
    rows = [r for r in compare(facts).figures if r.indicator == "new_rural_standard"]
    assert [(r.increment, r.result.value, r.flags) for r in rows] == [(True, 16, [])]  # a row of changes only


# --- 100% of communes is not 100% of districts


def test_share_of_communes_and_share_of_districts_are_not_one_row(tmp_path):
    facts = facts_of(
        tmp_path,
        review(2023, "Năm 2023, toàn tỉnh có 100% xã đạt chuẩn nông thôn mới.", "Hà Tĩnh"),
        plan(2024, "Năm 2024, tỉnh phấn đấu 100% huyện đạt chuẩn nông thôn mới.", "Hà Tĩnh"),
    )
    assert sorted(counted_place(f) for f in rural(facts)) == ["huyện", "xã"]
    rows = {r.year: r for r in compare(facts).figures if r.indicator == "new_rural_standard"}
    assert rows[2023].counts == "xã" and rows[2024].counts == "huyện"
    assert rows[2024].previous is None  # last year's communes are not this year's districts


def test_the_same_kind_of_place_is_still_compared_across_years(tmp_path):
    facts = facts_of(
        tmp_path,
        review(2023, "Năm 2023, toàn tỉnh có 90% xã đạt chuẩn nông thôn mới.", "Hà Tĩnh"),
        plan(2024, "Năm 2024, tỉnh phấn đấu 100% xã đạt chuẩn nông thôn mới.", "Hà Tĩnh"),
    )
    rows = {r.year: r for r in compare(facts).figures if r.indicator == "new_rural_standard"}
    assert rows[2024].previous.value == 90


def test_seed_rows_say_what_they_count():
    rows = [r for r in compare(list(read_facts([str(seed("004"))]))).figures if r.indicator == "new_rural_standard"]
    counted = {(r.year, r.unit, r.counts) for r in rows}
    assert counted == {(2023, "%", "xã"), (2024, "%", "huyện"), (2023, "count", "huyện")}
    target = next(r for r in rows if r.year == 2024)
    assert target.previous is None


# --- slogans: punctuation is not a variant; generic words are not watchwords


SLOGAN = "Kỷ cương trách nhiệm{0} chủ động kịp thời{0} tăng tốc sáng tạo{0} hiệu quả bền vững"


def themes_of(tmp_path, *slogans, year=2024):
    bodies = [plan(year, f"Chính phủ chọn chủ đề năm {year} là “{s}”.") for s in slogans]
    return compare(facts_of(tmp_path, *bodies)).themes


def test_a_slogan_differing_only_in_punctuation_is_not_a_variant(tmp_path):
    (row,) = themes_of(tmp_path, SLOGAN.format(","), SLOGAN.format(";"))
    assert row.variants == [] and not row.reordered and len(row.sources) == 2


def test_a_reordered_slogan_is_a_variant(tmp_path):
    reordered = "Chủ động kịp thời, kỷ cương trách nhiệm, tăng tốc sáng tạo, hiệu quả bền vững"
    (row,) = themes_of(tmp_path, SLOGAN.format(","), SLOGAN.format(";"), reordered)
    assert row.variants == [reordered] and row.reordered


def test_the_seeds_2024_slogan_has_no_variant():
    rows = [t for t in compare(list(read_facts([str(SEEDS)]))).themes if t.year == 2024 and t.scope == "national"]
    assert len(rows) == 1 and len(rows[0].sources) == 2 and rows[0].variants == []


def test_generic_words_are_not_persistent_watchwords(tmp_path):
    facts = facts_of(
        tmp_path,
        plan(2023, "Tỉnh chọn chủ đề năm 2023 là “Kỷ cương, đổi mới, khát vọng phát triển”."),
        plan(2024, "Tỉnh chọn chủ đề năm 2024 là “Kỷ cương, hành động, đẩy mạnh phát triển kinh tế”."),
    )
    words = dict(compare(facts).persistent_words)
    assert words == {"kỷ cương": [2023, 2024]}


def test_seed_watchwords_leave_out_phat_trien():
    words = dict(compare(list(read_facts([str(SEEDS)]))).persistent_words)
    assert "phát triển" not in words
    assert words["kỷ cương"] == [2021, 2023, 2024] and words["đổi mới"] == [2021, 2023]


# --- one home for each pattern and each indicator name


def test_named_year_patterns():
    assert NAMED_YEAR.findall("Năm 2024, năm 20245 và năm 1999") == ["2024", "1999"]
    assert BARE_YEAR.findall("giai đoạn 2021-2025, ngày 31/12/2023, mã 120245") == ["2021", "2025", "2023"]


def test_the_year_patterns_are_defined_once():
    year = re.compile(r"\(\?:19\|20\)\\d\\d")  # the year fragment that "năm 2024" patterns are built on
    package = ROOT / "briefing"
    files = [*(package / "extract").glob("*.py"), package / "compare.py", package / "text" / "patterns.py"]
    homes = [p.relative_to(ROOT).as_posix() for p in files if year.search(p.read_text("utf-8"))]
    assert homes == ["briefing/text/patterns.py"]


def test_one_indicator_table_gives_both_languages_names():
    assert labels("vi")["indicator_names"] == {code: i.vi for code, i in INDICATORS.items()}
    assert labels("en")["indicator_names"] == {code: i.en for code, i in INDICATORS.items()}
    assert all(i.vi and i.en and i.vi != i.en for i in INDICATORS.values())
    source = Path(ROOT / "briefing" / "render" / "labels.py").read_text("utf-8")
    assert not [i.vi for i in INDICATORS.values() if f'"{i.vi}"' in source]  # no second list of names
    figures = [f for m in read_facts([str(SEEDS)]) for f in m.figures]
    assert all(f.label == INDICATORS[f.indicator].en for f in figures)
