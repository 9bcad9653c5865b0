"""A weekly run never loses the week's pack: runs in one ISO week add to it; a run with nothing new
leaves it alone; a dated run writes under a name of its own; a failed run's articles reach the next pack."""

import sqlite3
from datetime import date

from typer.testing import CliRunner

from briefing.cli import app
from conftest import seed
from test_weekly import add_report, in_week, new_meetings, report, run

runner = CliRunner()
WEEK = date(2026, 12, 2)  # a Wednesday of ISO week 2026-W49


def sections(text):
    """The titles of the meetings chapter's sections."""
    chapter = text[text.index("## Các hội nghị"):text.index("## Phụ lục")]
    return [line[4:] for line in chapter.splitlines() if line.startswith("### ")]


def runs(place):
    db = sqlite3.connect(place / ".briefing" / "state.db")
    try:
        return [row for row in db.execute("SELECT status, new_articles, total_articles, output FROM runs ORDER BY id")]
    finally:
        db.close()


def test_three_runs_in_one_week_add_to_its_pack_and_never_empty_it(place, monkeypatch):
    in_week(monkeypatch, WEEK)
    first = run()
    assert first.exit_code == 0, first.stderr
    week_pack = place / "out" / "briefing-2026-W49.md"
    assert first.stdout.strip() == str(week_pack)
    assert "3 new of 3 article(s); 3 meeting(s) in the pack" in first.stderr
    first_text = week_pack.read_text("utf-8")
    assert len(sections(first_text)) >= 3

    second = run()  # a retry, or a manual run after the timer: nothing new
    assert second.exit_code == 0, second.stderr
    assert f"nothing new since the last run (0 new of 3 article(s)); kept {week_pack}" in second.stderr
    assert second.stdout.strip() == str(week_pack)
    assert week_pack.read_text("utf-8") == first_text

    (place / "in" / seed("003").name).write_text(seed("003").read_text("utf-8"), "utf-8")
    third = run()  # one new article: the pack of the whole week so far, not only of this run
    assert third.exit_code == 0, third.stderr
    text = week_pack.read_text("utf-8")
    assert set(sections(first_text)) < set(sections(text))
    assert len(sections(text)) == len(sections(first_text)) + 1
    news = new_meetings(text)  # what is new since the run before is still told apart
    assert len(news) == 1 and "Kiên quyết không lùi bước" in news[0]
    assert [r[:3] for r in runs(place)] == [("ok", 3, 3), ("unchanged", 0, 3), ("ok", 1, 4)]
    shown = runner.invoke(app, ["history", "--output", "out"])
    assert shown.stdout.count("unchanged") == 1 and shown.stdout.count(" ok ") >= 2


def test_the_next_week_starts_a_pack_of_its_own(place, monkeypatch):
    in_week(monkeypatch, WEEK)
    assert run().exit_code == 0
    in_week(monkeypatch, date(2026, 12, 8))  # ISO week 50, nothing new
    quiet = run()
    assert quiet.exit_code == 0 and "no pack written this week" in quiet.stderr and quiet.stdout == ""
    assert not (place / "out" / "briefing-2026-W50.md").exists()
    add_report(place)
    assert run().exit_code == 0
    text = report(place)
    assert (place / "out" / "briefing-2026-W49.md").is_file()  # last week's pack is left as it was
    assert len(sections(text)) == 1 and "ha-tinh-2024-baohatinh.txt" in text


def test_a_dated_run_writes_under_its_own_name_and_leaves_the_week_alone(place, monkeypatch):
    in_week(monkeypatch, WEEK)
    assert run().exit_code == 0
    week_text = report(place)
    dated = run("--since", "2024-01-01", "--until", "2024-12-31")
    assert dated.exit_code == 0, dated.stderr
    assert dated.stdout.strip() == str(place / "out" / "briefing-2024-01-01-to-2024-12-31.md")
    assert report(place) == week_text
    open_ended = run("--since", "2024-01-01")
    assert open_ended.stdout.strip() == str(place / "out" / "briefing-2024-01-01-to-2026-12-02.md")
    add_report(place)  # a dated run shows a new article, but it stays new for the week's pack
    assert run("--since", "2024-01-01", "--until", "2024-12-31").exit_code == 0
    weekly_run = run()
    assert weekly_run.exit_code == 0 and "1 new of 4 article(s)" in weekly_run.stderr
    assert any("ha-tinh-2024-baohatinh.txt" in line for line in new_meetings(report(place)))


def test_a_deleted_week_pack_is_made_again_from_the_store(place, monkeypatch):
    in_week(monkeypatch, WEEK)
    assert run().exit_code == 0
    first_text = report(place)
    (place / "out" / "briefing-2026-W49.md").unlink()
    again = run()
    assert again.exit_code == 0, again.stderr
    assert sections(report(place)) == sections(first_text)


def test_a_full_disk_while_writing_the_pack_keeps_the_week_and_the_next_run_completes(place, monkeypatch):
    import errno
    from briefing.weekly import run as weekly

    in_week(monkeypatch, WEEK)
    assert run().exit_code == 0
    before = report(place)
    real_write = weekly.write_output

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(weekly, "write_output", full)
    add_report(place)
    failed = run()
    assert failed.exit_code == 1 and failed.stderr.count("\n") == 1 and "No space left on device" in failed.stderr
    assert report(place) == before and not list((place / "out").glob("*.part"))
    monkeypatch.setattr(weekly, "write_output", real_write)
    after = run()
    assert after.exit_code == 0 and "1 new of 4 article(s)" in after.stderr
    assert [r[0] for r in runs(place)] == ["ok", "failed", "ok"]


def test_a_full_disk_while_storing_a_cold_run_loses_nothing(place, monkeypatch):
    import sqlite3 as sqlite
    from briefing.store import database as state_module

    in_week(monkeypatch, WEEK)
    real_store = state_module.State.store
    calls = {"n": 0}

    def store_until_full(self, sha, settings, payload):
        calls["n"] += 1
        if calls["n"] == 2:
            raise state_module.StateError(f"{self.path}: cannot write (database or disk is full)")
        return real_store(self, sha, settings, payload)

    monkeypatch.setattr(state_module.State, "store", store_until_full)
    failed = run()
    assert failed.exit_code == 1 and "database or disk is full" in failed.stderr
    assert not (place / "out").exists() or not list((place / "out").iterdir())
    monkeypatch.setattr(state_module.State, "store", real_store)
    after = run()
    assert after.exit_code == 0 and "3 new of 3 article(s)" in after.stderr
    db = sqlite.connect(place / ".briefing" / "state.db")
    assert db.execute("SELECT count(*) FROM cache").fetchone()[0] == 3


def test_each_language_has_a_pack_of_its_own(place, monkeypatch):
    in_week(monkeypatch, WEEK)
    assert run().exit_code == 0
    english = run("--lang", "en")
    assert english.exit_code == 0, english.stderr
    assert english.stdout.strip() == str(place / "out" / "briefing-2026-W49.en.md")
    assert "## Meetings" in (place / "out" / "briefing-2026-W49.en.md").read_text("utf-8")
    assert "## Các hội nghị" in report(place)  # the Vietnamese pack of the week is still there


def test_build_names_the_english_pack_apart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for lang in ("vi", "en"):
        assert runner.invoke(app, ["build", str(seed("004")), "--format", "md", "--lang", lang]).exit_code == 0
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    today = date.today().isoformat()
    assert names == [f"briefing-{today}.en.md", f"briefing-{today}.md"]


def test_an_article_that_reports_no_meeting_is_listed_apart_dated_by_publication(place, monkeypatch):
    in_week(monkeypatch, WEEK)
    (place / "in" / "rau.txt").write_text(
        "url: https://baohatinh.vn/rau.html\noutlet: Báo Hà Tĩnh\npublished: 2024-01-21\n\n"
        "Giá rau xanh ở Hà Tĩnh tăng mạnh sau mưa rét\n\n"
        "Sáng nay, giá rau xanh tại các chợ dân sinh ở Hà Tĩnh tăng mạnh.\n\n"
        "Nhiều tiểu thương cho biết nguồn hàng về chợ giảm do mưa rét kéo dài.\n", "utf-8")
    assert run().exit_code == 0
    text = report(place)
    assert not any("Giá rau xanh" in line for line in new_meetings(text))
    assert "Giá rau xanh" not in text[text.index("## Các hội nghị"):text.index("## Bài liên quan khác")]
    others = text[text.index("## Bài liên quan khác"):text.index("## Phụ lục")]
    assert "### Giá rau xanh ở Hà Tĩnh tăng mạnh sau mưa rét" in others
    assert "- Ngày đăng: 21/01/2024 · Báo Hà Tĩnh · `rau.txt`" in others
    assert "Ngày: không rõ" not in text and "- Số hội nghị: 3" in text
