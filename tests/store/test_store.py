"""The fact store: history from the store, not the articles; a period's pack; kills; page budget."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from briefing.compare import compare
from briefing.extract.confidence import shown_from
from briefing.evaluation.variants import variants
from briefing.store.facts import collect_meetings
from briefing.pack import FULL_SECTIONS, PAGE_BUDGET, build_pack, pack_from_store
from briefing.render.document import render_pack
from briefing.render.tables import comparison_json
from briefing.store.facts import StateCache
from briefing.weekly.settings import RunSettings
from briefing.store.database import State
from conftest import SEEDS, seed
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "weekly"))  # the weekly run's helpers
from test_weekly import in_week, report, run  # noqa: E402



def sections(text):
    """The titles of the meetings chapter's sections."""
    chapter = text[text.index("## Các hội nghị"):text.index("## Phụ lục")]
    return [line[4:] for line in chapter.splitlines() if line.startswith("### ")]


def write_variants(folder, count, start=0):
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    made = list(variants(texts, start + count))[start:]
    for i, text in enumerate(made, start):
        (folder / f"v{i:04d}.txt").write_text(text, "utf-8")


def test_history_from_the_store_matches_a_compare_of_the_files(place):
    for prefix in ("002", "003"):  # all five seeds, over two runs
        (place / "in" / seed(prefix).name).write_text(seed(prefix).read_text("utf-8"), "utf-8")
    assert run("--jobs", "1").exit_code == 0
    state = State(place / ".briefing")
    settings = RunSettings(input=place / "in")
    store = StateCache(state, settings.method, settings.sentences)
    every = {row[0] for row in state.db.execute("SELECT sha256 FROM articles")}
    from_store = pack_from_store(store, every, "", settings.method, settings.sentences, []).comparison
    meetings, _ = collect_meetings(["in"], method=None)
    from_files = compare([m.facts for m in meetings], shown_from(None))  # the tables' figures, as the pack's
    assert comparison_json(from_store) == comparison_json(from_files)
    assert len(from_files.figures) > 15 and len(from_files.themes) >= 5


def test_a_run_with_nothing_new_reads_no_article(place, monkeypatch):
    assert run().exit_code == 0
    before = report(place)

    def refuse(source):
        raise AssertionError(f"{source} was read again")

    monkeypatch.setattr("briefing.analyse.read_bytes", refuse)
    again = run()
    assert again.exit_code == 0, again.stderr
    assert "nothing new since the last run" in again.stderr and report(place) == before


def test_the_period_pack_shows_new_meetings_in_full_and_compares_them_with_history(place, monkeypatch):
    in_week(monkeypatch, date(2026, 11, 30))
    assert run().exit_code == 0
    (place / "in" / seed("003").name).write_text(seed("003").read_text("utf-8"), "utf-8")
    in_week(monkeypatch, date(2026, 12, 7))  # next week's pack: only what is new since
    assert run().exit_code == 0
    text = report(place)
    assert sections(text) == [
        "Hội nghị trực tuyến Chính phủ với các địa phương: Kiên quyết không lùi bước trước khó khăn, thách thức"]
    assert "- Số hội nghị: 1" in text
    # History: the nation's 2024 theme, from a meeting of the last run that has no section now.
    assert "| 2024 | Trung ương | Chủ đề | Kỷ cương trách nhiệm, chủ động kịp thời" in text
    dated = run("--since", "2024-01-01", "--until", "2024-01-31")  # the meetings held in January 2024
    assert dated.exit_code == 0, dated.stderr
    assert dated.stdout.strip() == str(place / "out" / "briefing-2024-01-01-to-2024-01-31.md")
    assert report(place) == text  # the week's pack is not touched by a dated one
    assert sections((place / "out" / "briefing-2024-01-01-to-2024-01-31.md").read_text("utf-8")) == [
        "Hội nghị tổng kết nhiệm vụ năm 2023, triển khai nhiệm vụ năm 2024 của Chính phủ và chính quyền địa phương",
        "Quyết tâm, linh hoạt, thực chất, hiệu quả trong thực hiện nhiệm vụ năm 2024"]
    bad = run("--until", "31/01/2024")
    assert bad.exit_code == 2 and "Invalid value for '--until': must be a date such as 2024-01-01" in bad.stderr


def test_several_jobs_store_what_one_job_stores(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    write_variants(tmp_path / "in", 24)

    def stored(folder):
        db = sqlite3.connect(folder / "state.db")
        try:
            return {sha: json.loads(payload)["facts"]["figures"] for sha, payload in db.execute(
                "SELECT sha256, payload FROM cache")}
        finally:
            db.close()

    assert run("--jobs", "1", "--state", "one").exit_code == 0
    assert run("--jobs", "2", "--state", "two").exit_code == 0
    assert stored(tmp_path / "one") == stored(tmp_path / "two") and len(stored(tmp_path / "one")) == 24


def test_a_killed_cold_run_leaves_a_store_the_next_run_completes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    write_variants(tmp_path / "in", 600)
    child = subprocess.Popen([sys.executable, "-m", "briefing", "run", "--input", "in", "--output", "out",
                              "--format", "md", "--jobs", "2"], cwd=tmp_path, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and stored_rows(tmp_path / ".briefing") == 0:
        time.sleep(0.05)  # until the first batch is committed: part of the way through the analysis
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.md"))
    finished = run("--jobs", "2")
    assert finished.exit_code == 0, finished.stderr
    assert "600 new of 600 article(s)" in finished.stderr  # what the killed run stored was never shown
    state = State(tmp_path / ".briefing")
    assert [r.status for r in reversed(state.runs())] == ["interrupted", "ok"]
    assert state.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 600
    assert state.db.execute("SELECT count(*) FROM cache").fetchone()[0] == 600


def test_a_worker_killed_mid_run_neither_hangs_the_run_nor_loses_an_article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    write_variants(tmp_path / "in", 400)
    child = subprocess.Popen([sys.executable, "-m", "briefing", "run", "--input", "in", "--output", "out",
                              "--format", "md", "--jobs", "2"], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    workers = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:
        workers = children(child.pid)
        time.sleep(0.05)
    assert workers, "the run started no worker"
    time.sleep(0.5)
    os.kill(workers[0], signal.SIGKILL)
    try:
        _, stderr = child.communicate(timeout=120)  # it used to wait for the lost task for ever
    finally:
        child.kill()
    assert child.returncode == 0, stderr
    assert "400 new of 400 article(s)" in stderr
    state = State(tmp_path / ".briefing")
    assert state.db.execute("SELECT count(*) FROM cache").fetchone()[0] == 400


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(n) for n in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def stored_rows(folder) -> int:
    try:
        db = sqlite3.connect(f"file:{folder / 'state.db'}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM cache").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def test_a_pack_past_its_page_budget_stays_a_brief(tmp_path):
    write_variants(tmp_path, 3 * FULL_SECTIONS)
    pack = build_pack([str(tmp_path)], jobs=2)
    assert pack.compact and len(pack.meetings) > FULL_SECTIONS
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(render_pack(pack, "pdf", "vi"))
    pages = len(PdfReader(pdf).pages)
    assert pages <= PAGE_BUDGET, pages  # a full section per meeting would take well over 100
    md = render_pack(pack, "md", "vi")
    assert "quá khuôn khổ một bản tin" in md and "Câu nguồn" not in md
    # its Trends chapter is one table of growth by place and year, not a chart and table per place
    trends = md[md.index("## Xu hướng qua các năm"):md.index("## Các hội nghị")]
    years, rows = pack.growth_grid
    assert "### Tăng trưởng kinh tế (%) theo năm" in trends and "### Xu hướng:" not in trends
    assert len(rows) >= 2 and 2 <= len(years) <= 6 and trends.count("\n| ") == len(rows) + 1


def test_compare_and_extract_read_the_store(place):
    from typer.testing import CliRunner

    from briefing.cli import app

    assert run().exit_code == 0
    runner = CliRunner()
    for command in ("compare", "extract"):
        stored = runner.invoke(app, [command, "--state", ".briefing", "--format", "json"])
        files = runner.invoke(app, [command, "in", "--format", "json"])
        assert stored.exit_code == 0 == files.exit_code, stored.stderr
        assert stored.stdout == files.stdout
    both = runner.invoke(app, ["compare", "in", "--state", ".briefing"])
    assert both.exit_code == 2 and "give article paths or --state, not both" in both.stderr


def test_a_store_in_memory_answers_as_the_database_does_for_articles_with_no_place(tmp_path):
    """History is the national meetings and those of the period's places; an article with no place is
    of no place, in memory as in the database (it was taken as the history of every placeless period)."""
    from briefing.analyse import analyse_into
    from briefing.store.facts import MemoryStore

    ministry = tmp_path / "bo-tai-chinh.txt"
    ministry.write_text("Bộ Tài chính tổng kết công tác năm 2023\n\nSáng 5/1/2024, Bộ Tài chính tổ chức hội nghị "
                        "tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.\n", "utf-8")
    store = MemoryStore()
    seen, _ = analyse_into(store, [str(SEEDS), str(ministry)], "briefing")
    facts = {sha: store.get(sha)[0].info for sha in seen}
    placeless = {sha for sha, info in facts.items() if info.level != "national" and info.locality is None}
    assert len(placeless) == 1  # the ministry's own meeting
    history = {m.facts.sha256 for m in store.reports(places={None, "Hà Tĩnh"})}
    assert history == {sha for sha, info in facts.items() if info.level == "national" or info.locality == "Hà Tĩnh"}
    assert not history & placeless
