"""A pack is bounded per meeting: hundreds of copies of one news item name a few reports, cite a
few numbers, show a bounded number of figures and differences, and an annex of at most 150 articles."""

import re
import sys
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from briefing.meetings.merged import REPORTS_CITED, REPORTS_NAMED
from briefing.pack import ANNEX_ARTICLES

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from many_reports import article  # noqa: E402  the benchmark's own short reports


def test_two_hundred_reports_of_four_meetings_make_a_bounded_pack(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(400):
        if number % 8 < 4:  # four provinces' meetings, 50 reports of each
            (folder / f"a{number:05d}.txt").write_text(article(number), "utf-8")
    # each short report states two figures, which the shipped confidence holds back: show them all
    result = CliRunner().invoke(app, ["build", str(folder), "--output", str(tmp_path / "pack.md"),
                                      "--min-confidence", "0"])
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "pack.md").read_text("utf-8")
    assert "- Số hội nghị: 4" in text and "- Số bài báo: 200" in text
    reports_lines = [line for line in text.splitlines() if line.startswith("- Các bài đưa tin:")]
    assert len(reports_lines) == 4
    for line in reports_lines:
        assert line.count("`a") == REPORTS_NAMED and f"[{REPORTS_NAMED + 1}]" not in line
        assert line.endswith("… và 40 bài nữa (xem phụ lục).")
    for cited in re.findall(r"\*\* \[([^\]]+)\]", text):  # the reports a figure is cited from
        numbers = cited.split(" +")[0].split(", ")
        assert len(numbers) <= REPORTS_CITED
    target_line = next(line for line in text.splitlines() if "Mục tiêu 2024: **8 - 8,5%**" in line)
    assert target_line.endswith(f"[1, 2, 3, 4, 5, 6 +{50 - REPORTS_CITED}]")
    assert text.count("chỗ các bài nêu khác nhau nữa") == 4  # each meeting: 5 differences shown, the rest counted
    annex = text[text.index("## Phụ lục"):]
    assert annex.count("| a00") == ANNEX_ARTICLES < 200
    assert "Phụ lục liệt kê 150 trong tổng số 200 bài" in annex
    assert len(text.splitlines()) < 1000


def test_progress_knows_how_many_files_there_are_from_the_first_one():
    from briefing.analyse import read_meetings
    from conftest import SEEDS

    seen = []
    list(read_meetings([str(SEEDS)], method=None, progress=lambda done, total, item: seen.append((done, total))))
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]  # "1/5", not "1/?": the display can estimate
