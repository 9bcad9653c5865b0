"""Extraction on the seeds: the facts the issue names, each with its source sentence."""

import json
import re

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.extract.facts import extract_article
from briefing.ingest.read import read_article
from conftest import SEEDS, seed

runner = CliRunner()


@pytest.fixture(scope="module")
def facts():
    result = runner.invoke(app, ["extract", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    meetings = json.loads(result.stdout)["meetings"]
    return {m["source"].split("/")[-1][:3]: m for m in meetings}


def figures(meeting, indicator, kind, year):
    return [f for f in meeting["figures"] if (f["indicator"], f["kind"], f["year"]) == (indicator, kind, year)]


def test_json_contract_keys(facts):
    for m in facts.values():
        assert {"source", "title", "date", "level", "locality", "review_year", "plan_year", "officials", "themes", "figures"} <= set(m)
        for t in m["themes"]:
            assert set(t) >= {"text", "kind", "year", "scope", "sentence"}
            assert t["text"] in t["sentence"] and not t["text"].startswith(("“", '"'))
        for f in m["figures"]:
            assert set(f) >= {"indicator", "label", "kind", "year", "locality", "value", "value_max", "comparator", "unit", "of", "sentence"}
            assert f["comparator"] in {"=", ">=", ">", "<=", "<", "~"}


def test_national_theme_2024_found_in_two_seeds(facts):
    text = "Kỷ cương trách nhiệm, chủ động kịp thời, tăng tốc sáng tạo, hiệu quả bền vững"
    national = facts["000"]
    assert {"text": text, "kind": "theme", "year": 2024, "scope": "national"}.items() <= next(
        t for t in national["themes"] if t["year"] == 2024
    ).items()
    ha_tinh = [t for t in facts["004"]["themes"] if t["kind"] == "theme"]
    assert ha_tinh[0]["year"] == 2024 and ha_tinh[0]["scope"] == "national"
    assert "“vượt qua cơn gió ngược”" not in [t["text"] for t in national["themes"]]
    assert all("Năm quyết tâm" != t["text"] for t in national["themes"])


def test_thanh_hoa_2023_targets(facts):
    m = facts["001"]
    assert (m["level"], m["locality"], m["date"], m["plan_year"]) == ("provincial", "Thanh Hóa", "2022-12-28", 2023)
    growth = figures(m, "economic_growth", "target", 2023)
    assert growth and growth[0]["value"] == 11 and growth[0]["comparator"] == ">=" and growth[0]["unit"] == "%"
    income = figures(m, "income_per_capita", "target", 2023)
    assert income[0]["value"] == 3200 and income[0]["unit"] == "USD" and income[0]["comparator"] == ">="
    assert "3.200 USD trở lên" in income[0]["sentence"]
    assert {t["kind"] for t in m["themes"]} == {"theme", "motto"}


def test_ha_tinh_2024_targets_and_2023_results(facts):
    m = facts["004"]
    assert (m["level"], m["locality"], m["review_year"], m["plan_year"]) == ("provincial", "Hà Tĩnh", 2023, 2024)
    growth = figures(m, "economic_growth", "target", 2024)[0]
    assert (growth["value"], growth["value_max"], growth["unit"]) == (8, 8.5, "%")
    revenue = figures(m, "budget_revenue", "target", 2024)[0]
    assert revenue["value"] == 17_500_000_000_000 and revenue["unit"] == "VND"
    assert figures(m, "economic_growth", "result", 2023)[0]["value"] == 8.05
    met = figures(m, "indicators_met", "result", 2023)[0]
    assert (met["value"], met["of"]) == (26, 28)
    shares = [f for f in figures(m, "budget_revenue", "result", 2023) if f["unit"] == "% of plan"]
    assert shares[0]["value"] == 102.6
    food = figures(m, "food_output", "result", 2023)[0]
    assert (food["value"], food["comparator"], food["unit"]) == (650_000, "~", "tonnes")
    poverty = figures(m, "poverty_rate_reduction", "target", 2024)[0]
    assert (poverty["value"], poverty["value_max"], poverty["unit"]) == (0.6, 1, "percentage points")


def test_lang_son_2020_results(facts):
    m = facts["003"]
    assert m["level"] == "national" and m["locality"] is None and m["bridge"] == "Lạng Sơn"
    growth = figures(m, "economic_growth", "result", 2020)[0]
    assert (growth["value"], growth["locality"]) == (2.09, "Lạng Sơn")
    met = figures(m, "indicators_met", "result", 2020)[0]
    assert (met["value"], met["of"], met["locality"]) == (14, 18, "Lạng Sơn")
    local = [t for t in m["themes"] if t["scope"] == "local"]
    assert local[0]["text"].startswith("Siết chặt kỷ cương") and local[0]["year"] == 2021


def test_national_conference_watched_from_a_bridge_stays_national(facts):
    m = facts["000"]
    assert (m["level"], m["locality"], m["bridge"], m["date"]) == ("national", None, "Thanh Hóa", "2024-01-05")
    assert {"name": "Phạm Minh Chính", "title": "Thủ tướng Chính phủ"} in m["officials"]


def test_every_figure_cites_a_sentence_of_its_article():
    article = read_article(str(seed("004")))
    for figure in extract_article(article).figures:
        assert figure.sentence in article.text


def test_extract_table_format():
    result = runner.invoke(app, ["extract", str(seed("004")), "--format", "table"])
    assert result.exit_code == 0
    assert "Tăng trưởng kinh tế (GDP/GRDP): 8 - 8,5%" in result.stdout  # labels, not codes
    assert re.search(r"Thu ngân sách: 17.500 tỷ đồng \(độ tin cậy 0,\d\d\)", result.stdout)  # every figure, with its confidence
    assert "economic_growth" not in result.stdout
