"""Trends across years, from a small store built by hand: three year-end reports of one province whose
growth targets and results are known (2022 met, 2023 missed), read back by `briefing trends` and shown
in the pack's Trends chapter, in both languages."""

import json

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()
# These short reports state two figures each, which the shipped confidence holds back from the tables
# (figures stated in passing are less often right); the trends are read from every figure.
EVERY_FIGURE = ["--min-confidence", "0"]
REPORTS = {  # year reviewed: (result, next year's target)
    2021: ("6,6%", "từ 7 - 7,5%"),
    2022: ("7,2%", "8%"),
    2023: ("6,5%", "từ 8 - 8,5%"),
}


def report(year: int) -> str:
    result, target = REPORTS[year]
    return (f"Hà Tĩnh tổng kết năm {year}, triển khai nhiệm vụ năm {year + 1}\n\n"
            f"Sáng 28/12/{year}, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết công tác năm {year}, "
            f"triển khai nhiệm vụ năm {year + 1}.\n\n"
            f"Năm {year}, tăng trưởng kinh tế (GRDP) của tỉnh đạt {result}.\n\n"
            f"Năm {year + 1}, Hà Tĩnh phấn đấu tăng trưởng kinh tế đạt {target}.\n")


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    for year in REPORTS:
        (tmp_path / "in" / f"ha-tinh-{year}.txt").write_text(report(year), "utf-8")
    assert runner.invoke(app, ["run", "--input", "in", "--output", "out", "--format", "md", "--jobs", "1"]).exit_code == 0
    return tmp_path / ".briefing"


def test_trends_reads_each_years_target_and_result_from_the_store(store):
    result = runner.invoke(app, ["trends", "ha tinh", "--state", str(store), "--format", "json", *EVERY_FIGURE])
    assert result.exit_code == 0, result.stderr
    (trend,) = json.loads(result.stdout)["trends"]
    assert trend["place"] == "Hà Tĩnh" and trend["years"] == [2021, 2022, 2023, 2024]
    growth = [(f["year"], f["target"] and f["target"]["text"], f["result"] and f["result"]["text"], f["mark"])
              for f in trend["figures"] if f["indicator"] == "economic_growth"]
    assert growth == [(2021, None, "6,6%", None), (2022, "7 - 7,5%", "7,2%", "met"),
                      (2023, "8%", "6,5%", "missed"), (2024, "8 - 8,5%", None, None)]
    cited = {f["year"]: [s.rsplit("/", 1)[-1] for s in f["result"]["sources"]] for f in trend["figures"] if f["result"]}
    assert cited == {2021: ["ha-tinh-2021.txt"], 2022: ["ha-tinh-2022.txt"], 2023: ["ha-tinh-2023.txt"]}


def test_trends_from_a_year_on_and_for_an_unknown_place(store):
    table = runner.invoke(app, ["trends", "Hà Tĩnh", "--state", str(store), "--from", "2022", "--lang", "en", *EVERY_FIGURE]).stdout
    assert "Trend: Hà Tĩnh (2022, 2023, 2024)" in table and "missed target" in table
    assert "  2021  " not in table  # the year 2021 (its target is cited from ha-tinh-2021.txt for 2022)
    unknown = runner.invoke(app, ["trends", "Atlantis", "--state", str(store)])
    assert unknown.exit_code == 2 and "'Atlantis' is not a province or city" in unknown.stderr
    assert runner.invoke(app, ["trends", "cả nước", "--state", str(store)]).stdout.strip() == "Không có."


@pytest.mark.parametrize("lang, chapter, alt", [
    ("vi", "Xu hướng qua các năm", "2022: Mục tiêu 7 - 7,5%, Kết quả 7,2%; 2023: Mục tiêu 8%, Kết quả 6,5%"),
    ("en", "Trends across years", "2022: Target 7 - 7.5%, Result 7.2%; 2023: Target 8%, Result 6.5%"),
])
def test_the_pack_has_a_trends_chapter_with_a_chart_described_in_words(store, tmp_path, lang, chapter, alt):
    pdf = tmp_path / f"pack.{lang}.pdf"
    assert runner.invoke(app, ["build", "in", "--output", str(pdf), "--lang", lang, *EVERY_FIGURE]).exit_code == 0
    reader = PdfReader(pdf)
    assert any(page.extract_text().lstrip().startswith(chapter) or f"\n{chapter}\n" in page.extract_text()
               for page in reader.pages[2:])
    alts = []
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt")))
            kids = node.get("/K")
            stack += [k for k in (kids if isinstance(kids, list) else [kids]) if hasattr(k, "get_object")]
    assert any(alt in a for a in alts), alts
    md = tmp_path / "pack.md"
    assert runner.invoke(app, ["build", "in", "--output", str(md), "--lang", lang, *EVERY_FIGURE]).exit_code == 0
    table = md.read_text("utf-8").split(f"## {chapter}")[1]
    assert ("| 2023 | 8% | 6,5% | không đạt mục tiêu | \\[2, 3\\] |" if lang == "vi"
            else "| 2023 | 8% | 6.5% | missed target | \\[2, 3\\] |") in table


def test_the_nation_however_typed_and_one_source_of_articles(store):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "cả nước")
    assert runner.invoke(app, ["trends", decomposed, "--state", str(store)]).exit_code == 0
    both = runner.invoke(app, ["trends", "--state", str(store), "--input", "in"])
    assert both.exit_code == 2 and "give --input or --state, not both" in both.stderr


def test_a_year_whose_articles_disagree_says_so(tmp_path):
    from briefing.compare import compare
    from briefing.render.flag_text import trend_mark
    from briefing.store.facts import collect_meetings
    from briefing.trends import trends

    (tmp_path / "a.txt").write_text(report(2022), "utf-8")  # growth 2022: 7,2%
    (tmp_path / "b.txt").write_text(report(2022).replace("7,2%", "7,9%").replace("Sáng 27", "Chiều 27"), "utf-8")
    meetings, _ = collect_meetings([str(tmp_path)], method=None)
    (trend,) = trends(compare([m.facts for m in meetings]), ["Hà Tĩnh"])
    row = next(r for r in trend.figures["economic_growth"] if r.year == 2022)
    assert len(row.results) == 2 and "các bài nêu số liệu khác nhau" in trend_mark(row)
