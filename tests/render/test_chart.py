"""The growth chart, drawn from small articles: legend room, range targets, empty slots."""

import re
import unicodedata
import xml.etree.ElementTree as ET

from pypdf import PdfReader
from typer.testing import CliRunner

from briefing.cli import app
from briefing.compare import compare
from briefing.analyse import read_facts
from briefing.render.chart import growth_chart
from briefing.render.labels import labels

runner = CliRunner()
SVG = "{http://www.w3.org/2000/svg}"

PLAN = (
    "Hội nghị triển khai nhiệm vụ năm 2024 của tỉnh Hà Tĩnh\n\n"
    "Sáng 20/1/2024, UBND tỉnh Hà Tĩnh tổ chức hội nghị triển khai nhiệm vụ năm 2024. "
    "Năm 2024, tỉnh phấn đấu tăng trưởng kinh tế đạt 8 - 8,5%.\n"
)
REVIEW = (
    "Hội nghị tổng kết năm 2024 của tỉnh Hà Tĩnh\n\n"
    "Sáng 28/12/2024, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết nhiệm vụ năm 2024. "
    "Năm 2024, tăng trưởng kinh tế của tỉnh ước đạt 7,2%.\n"
)
OLD_REVIEW = (
    "Hội nghị tổng kết năm 2020 của tỉnh Lạng Sơn\n\n"
    "Sáng 30/12/2020, UBND tỉnh Lạng Sơn tổ chức hội nghị tổng kết nhiệm vụ năm 2020. "
    "Năm 2020, tốc độ tăng trưởng kinh tế của tỉnh đạt 2,09%.\n"
)


def chart_of(tmp_path, *bodies, lang="vi", **notes):
    paths = []
    for i, body in enumerate(bodies):
        path = tmp_path / f"article-{i}.txt"
        path.write_text(body, "utf-8")
        paths.append(str(path))
    t = labels(lang)
    rows = compare(list(read_facts(paths))).figures
    svg = growth_chart(rows, t["chart_title"], t["target"], t["result"], t["whole_country"], lang=lang, **notes)
    return ET.fromstring(svg)


def texts(svg):
    return [el.text for el in svg.iter(f"{SVG}text")]


def test_legend_fits_a_chart_of_one_place(tmp_path):
    svg = chart_of(tmp_path, PLAN, REVIEW)
    width = float(svg.get("viewBox").split()[2])
    legend = [el for el in svg.iter(f"{SVG}text") if el.get("y") == "12"]
    assert [el.text for el in legend] == ["Mục tiêu", "Kết quả"]
    for el in legend:  # generous glyph width: 0.6 em a character
        assert float(el.get("x")) + len(el.text) * 0.6 * float(el.get("font-size")) <= width


def test_range_target_is_drawn_to_its_low_end_and_labelled_as_a_range(tmp_path):
    svg = chart_of(tmp_path, PLAN, REVIEW)
    assert "8 - 8,5" in texts(svg) and "7,2" in texts(svg)
    bars = [r for r in svg.iter(f"{SVG}rect") if float(r.get("y")) > 20]  # not the legend swatches
    solid = [r for r in bars if r.get("fill-opacity") is None]
    target, result = (float(r.get("height")) for r in solid)
    assert abs(target / result - 8 / 7.2) < 0.01  # the solid bar stops at 8, not 8,5
    box = next(r for r in bars if r.get("stroke-dasharray"))
    assert abs(float(box.get("height")) / target - 0.5 / 8) < 0.01  # the dashed box spans 8 to 8,5


NOTES = {"no_target": "không nêu mục tiêu", "no_result": "các bài không nêu kết quả"}


def test_empty_slots_say_what_is_missing(tmp_path):
    svg = chart_of(tmp_path, PLAN, OLD_REVIEW, **NOTES)
    assert texts(svg).count("các bài không nêu kết quả") == 1  # Hà Tĩnh 2024 has a target only
    assert texts(svg).count("không nêu mục tiêu") == 1  # Lạng Sơn 2020 has a result only
    both = chart_of(tmp_path, PLAN, REVIEW, **NOTES)
    assert "các bài không nêu kết quả" not in texts(both) and "không nêu mục tiêu" not in texts(both)
    english = chart_of(tmp_path, PLAN, OLD_REVIEW, lang="en", no_target="no target stated", no_result="not reported in these articles")
    assert {"no target stated", "not reported in these articles", "Target", "Result", "8 - 8.5", "2.09"} <= set(texts(english))


def test_without_notes_an_empty_slot_names_what_is_missing_in_the_labels_language(tmp_path):
    assert {"Mục tiêu: –", "Kết quả: –"} <= set(texts(chart_of(tmp_path, PLAN, OLD_REVIEW)))
    assert {"Target: –", "Result: –"} <= set(texts(chart_of(tmp_path, PLAN, OLD_REVIEW, lang="en")))


def test_the_pdf_chart_shows_the_range_and_the_missing_result(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "plan.txt").write_text(PLAN, "utf-8")
    out = tmp_path / "pack.pdf"
    # its one article states two figures, which the shipped confidence holds back from the tables
    result = runner.invoke(app, ["build", str(folder), "--output", str(out), "--min-confidence", "0"])
    assert result.exit_code == 0, result.output
    pages = [unicodedata.normalize("NFC", page.extract_text()) for page in PdfReader(out).pages]
    chart_page = next(re.sub(r"\s+", " ", p) for p in pages if "mục tiêu và kết quả (%)" in p)
    assert "8 - 8,5" in chart_page
    assert re.search(r"Kết quả: –|các bài không nêu kết quả", chart_page)  # the pack may pass its own wording


def test_a_long_first_place_name_stays_inside_the_chart(tmp_path):
    long_place = OLD_REVIEW.replace("Lạng Sơn", "Bà Rịa - Vũng Tàu")
    svg = chart_of(tmp_path, long_place)
    label = next(el for el in svg.iter(f"{SVG}text") if el.text == "Bà Rịa - Vũng Tàu 2020")
    # written at a 30° slant, ending at x: its left end is x - cos 30° × its length (0.6 em a character, generous)
    left_end = float(label.get("x")) - 0.87 * len(label.text) * 0.6 * float(label.get("font-size"))
    assert left_end >= 0
    lowest = float(label.get("y")) + 0.5 * len(label.text) * 0.6 * float(label.get("font-size"))
    assert lowest <= float(svg.get("viewBox").split()[3])
