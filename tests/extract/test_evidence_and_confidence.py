"""Each reported figure keeps the evidence of its indicator, kind, year and owner; the learned
decision (confidence.py) reports or sets aside readings by their confidence."""

import json

from typer.testing import CliRunner

from briefing.cli import app
from briefing.extract.confidence import DECIDE, FILTER, RULES_ONLY, Model, shipped_model
from briefing.extract.facts import extract_article, read_figures
from briefing.ingest.read import parse, read_article
from conftest import SEEDS, seed, ship


def figures_of(prefix):
    return extract_article(read_article(str(seed(prefix)))).figures


def test_every_seed_figure_says_where_its_indicator_kind_year_and_owner_came_from():
    for path in SEEDS.glob("*.txt"):
        for figure in extract_article(read_article(str(path))).figures:
            assert [attribute for attribute, _ in figure.evidence] == ["indicator", "kind", "year", "owner"]
    by_value = {(f.indicator, f.value): dict(f.evidence) for f in figures_of("004")}
    assert by_value[("economic_growth", 8.05)]["year"] == "its clause"  # "Tăng trưởng kinh tế năm 2023 đạt 8,05%"
    assert by_value[("export_value", 2.45e9)]["year"] == "the meeting's review year"  # "Kim ngạch xuất khẩu đạt 2,45 tỷ USD"
    assert by_value[("budget_revenue", 102.6)]["indicator"] == "the figure before it"  # "…, bằng 102,6% dự toán"
    assert by_value[("economic_growth", 8.0)]["owner"] == "its sentence"  # "Năm 2024, Hà Tĩnh phấn đấu …"


def test_extract_json_carries_the_evidence():
    shown = CliRunner().invoke(app, ["extract", str(seed("004"))])
    figure = json.loads(shown.stdout)["meetings"][0]["figures"][0]
    assert figure["evidence"] == {"indicator": "its own words", "kind": "its wording", "year": "its clause",
                                  "owner": "its sentence"}
    # every figure carries the shipped model's confidence in it; the shipped model (rules or a filter,
    # which acts on the tables) leaves extract listing every figure the rules read, however low
    figures = json.loads(shown.stdout)["meetings"][0]["figures"]
    assert figures and all(0 <= f["confidence"] <= 1 for f in figures)
    rules = extract_article(read_article(str(seed("004"))), RULES_ONLY).figures
    assert shipped_model().mode != DECIDE and [(f["indicator"], f["value"]) for f in figures] == [
        (f.indicator, f.value) for f in rules]


def test_a_filter_keeps_every_rules_figure_in_extract_and_holds_the_doubtful_back_from_the_tables(monkeypatch):
    """A filter decides what the pack's tables show, not what extract lists: every figure the rules
    read stays a figure (for the weekly revisions, the reports of one meeting merged, --min-confidence
    0), and the tables' default threshold is the filter's."""
    from briefing.extract import confidence

    ship(monkeypatch, Model(FILTER, 0.5, {"article: two or three figures reported": -3.0}))
    thanh_hoa = figures_of("001")
    assert len(thanh_hoa) == 2 and all(f.confidence < 0.5 for f in thanh_hoa)
    assert confidence.shown_from(None) == 0.5 and confidence.shown_from(0) == 0.0
    shown = json.loads(CliRunner().invoke(app, ["compare", str(SEEDS), "--format", "json"]).stdout)
    assert shown["held_back"] == 2 and "Thanh Hóa" not in {f["locality"] for f in shown["figures"]}


def test_the_shipped_model_is_what_cross_validation_on_the_tuning_half_chooses():
    import sys
    import pytest
    from conftest import EVAL, ROOT

    if not (EVAL / "pool2").is_dir():
        pytest.skip("the annotated articles of ../shared/eval are not here (as on a user's clone)")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from train_confidence import HALVES, choose, labelled

    choice = choose(labelled(HALVES[0]))
    chosen, shown = choice["chosen"], choice["shown"]
    assert (shipped_model().mode, shipped_model().threshold) == (chosen["mode"], chosen["threshold"])
    assert shipped_model().shown_from == (shown["threshold"] if shown and chosen["mode"] == "rules" else None)
    shipped = json.loads((ROOT / "briefing" / "data" / "confidence.json").read_text("utf-8"))
    kept = chosen["setting"] if chosen["mode"] != "rules" else choice["confidence"]
    assert (shipped["features"], shipped["l2"]) == (kept.features, kept.l2)


def test_a_filter_holds_low_confidence_figures_back_from_the_tables_with_their_sentence():
    from briefing.extract.facts import shown_facts

    article = read_article(str(seed("004")))
    rules = extract_article(article).figures
    doubting = Model(FILTER, 0.5, {"bias": -5.0})
    facts = extract_article(article, doubting)
    assert [(f.indicator, f.value) for f in facts.figures] == [(f.indicator, f.value) for f in rules]
    shown = shown_facts(facts, doubting.tables_from)
    low = [u for u in shown.unattributed if u.reason == "low confidence"]
    assert shown.figures == [] and len(low) == len(rules) and low[0].sentence == rules[0].sentence


def test_deciding_may_report_a_reading_the_rules_set_aside_once_each():
    article = parse("Hà Tĩnh tổng kết năm 2023\n\nSáng 28/12, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết nhiệm vụ "
                    "năm 2023. Trong 6 tháng đầu năm, tăng trưởng kinh tế của tỉnh đạt 6,2%. Năm 2023, tăng "
                    "trưởng kinh tế đạt 8,05%. Tăng trưởng kinh tế năm 2023 đạt 8,05%.\n")
    _, context, rules = read_figures(article)
    assert [(c.figure.value, c.reason) for c in context.candidates] == [
        (6.2, "part of a year"), (8.05, None), (8.05, None)]
    assert [f.value for f in rules] == [8.05]
    trusting = extract_article(article, Model(DECIDE, 0.5, {"bias": 5.0}))
    assert [(f.value, f.confidence) for f in trusting.figures] == [(6.2, 0.993), (8.05, 0.993)]  # each fact once
    part_year = Model(DECIDE, 0.5, {"bias": 5.0, "reason=part of a year": -10.0})
    assert [f.value for f in extract_article(article, part_year).figures] == [8.05]


def test_the_annex_names_what_a_figure_took_from_its_context(tmp_path):
    result = CliRunner().invoke(app, ["build", str(SEEDS), "--output", str(tmp_path / "pack.md"), "--min-confidence", "0"])
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "pack.md").read_text("utf-8")
    section = text[text.index("### Số liệu đọc từ ngữ cảnh"):text.index("### Thiết lập")]
    assert ("- Thu ngân sách · Hà Tĩnh · Kết quả 2023: **102,6% dự toán** — chỉ tiêu: số liệu đứng trước; "
            "năm: số liệu đứng trước") in section
    assert "- Tăng trưởng kinh tế (GDP/GRDP) · Lạng Sơn · Kết quả 2020: **2,09%** — chủ thể: một câu trước đó" in section
    assert "8,05%" not in section  # "Tăng trưởng kinh tế năm 2023 đạt 8,05%" says all of it itself


def test_every_theme_and_figure_of_a_one_article_meeting_names_its_article():
    meeting = json.loads(CliRunner().invoke(app, ["extract", str(seed("004"))]).stdout)["meetings"][0]
    assert len(meeting["sources"]) == 1 and meeting["sources"][0].endswith("004_f645dcc1a991b265.txt")
    for item in meeting["themes"] + meeting["figures"]:
        assert item["sources"] == meeting["sources"]


def test_an_article_without_a_headline_is_named_from_its_meeting(tmp_path):
    facts = extract_article(read_article(str(seed("002"))))
    assert facts.title == "Hội nghị Trung ương ngày 17/01/2024"  # not "Sáng ngày 17/1, đồng chí Trương Thị Mai, …"
    assert extract_article(read_article(str(seed("004")))).title.startswith("Quyết tâm, linh hoạt")  # a headline stays
    out = tmp_path / "pack.md"
    assert CliRunner().invoke(app, ["build", str(seed("002")), "--output", str(out)]).exit_code == 0
    text = out.read_text("utf-8")
    assert "### Hội nghị Trung ương ngày 17/01/2024" in text and "Sáng ngày 17/1, đồng chí" not in text.split("####")[0]
    summary = CliRunner().invoke(app, ["summarize", str(seed("002"))]).stdout
    assert summary.splitlines()[0] == "Hội nghị Trung ương ngày 17/01/2024"


def test_a_doubted_reading_does_not_hide_the_same_fact_stated_surely_elsewhere():
    article = parse("Hà Tĩnh tổng kết năm 2023\n\nSáng 28/12, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết nhiệm vụ "
                    "năm 2023. Dự báo tăng trưởng kinh tế năm 2023 đạt 8,05%. Năm 2023, tăng trưởng kinh tế của tỉnh "
                    "đạt 8,05%.\n")
    _, context, _ = read_figures(article)
    assert [(c.figure.value, c.reason) for c in context.candidates] == [(8.05, "forecast"), (8.05, None)]
    doubting_forecasts = Model(DECIDE, 0.5, {"bias": 5.0, "reason=forecast": -10.0})
    assert [f.value for f in extract_article(article, doubting_forecasts).figures] == [8.05]
