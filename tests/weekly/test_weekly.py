"""Weekly runs: new since last run, renamed articles, one run at a time, failures, schedule, config, state."""

import shlex
import shutil
import sqlite3
import subprocess
import sys
import os
import re
import time
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from briefing import console

from briefing.weekly import run as weekly
from briefing.weekly.settings import RunSettings
from briefing.cli import app
from briefing.store.database import MIGRATIONS, SCHEMA_VERSION, State
from briefing.weekly.run import report_name
from conftest import seed

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["run", "--input", "in", "--output", "out", "--format", "md", *args])


def report_path(place):
    """This week's pack ("today" as the run sees it: see ``in_week``)."""
    return place / "out" / report_name(weekly.date.today(), "md")


def report(place):
    return report_path(place).read_text("utf-8")


def in_week(monkeypatch, day: date) -> None:
    """Runs from now on take ``day`` as today: the ISO week their pack is for."""
    class Fixed(date):
        @classmethod
        def today(cls):
            return day

    monkeypatch.setattr(weekly, "date", Fixed)


def add_report(place, name="ha-tinh-2024-baohatinh.txt"):
    """A new article in the input folder: a second outlet's report of seed 004's meeting."""
    shutil.copy(Path(__file__).parent.parent / "data" / "same-meeting" / name, place / "in")


def new_meetings(text):
    return [line for line in text.splitlines() if line.startswith("- Hội nghị mới:")]


def test_second_run_lists_exactly_the_new_article(place):
    first = run()
    assert first.exit_code == 0, first.stderr
    assert first.stdout.strip() == str(place / "out" / report_name(date.today(), "md"))  # absolute, wherever run from
    assert "Đây là lần chạy đầu tiên" in report(place) and len(new_meetings(report(place))) == 3
    shutil.copy(seed("003"), place / "in")
    second = run()
    assert second.exit_code == 0
    news = new_meetings(report(place))
    assert len(news) == 1 and "Kiên quyết không lùi bước" in news[0]
    assert "Chủ đề, phương châm mới: 2021" in report(place)


def test_a_new_report_of_a_known_meeting_makes_it_new_once_and_every_article_is_remembered(place):
    assert run().exit_code == 0
    second_report = Path(__file__).parent.parent / "data" / "same-meeting" / "ha-tinh-2024-baohatinh.txt"
    shutil.copy(second_report, place / "in")
    assert run().exit_code == 0
    news = new_meetings(report(place))
    assert len(news) == 1 and "004_" in news[0] and "ha-tinh-2024-baohatinh.txt" in news[0]
    assert report(place).count("- Các bài đưa tin: [1]") == 1
    before = report(place)
    third = run()  # all four articles were recorded as shown: nothing is new, the week's pack stays
    assert third.exit_code == 0 and "nothing new since the last run (0 new of 4 article(s))" in third.stderr
    assert report(place) == before


def test_renamed_article_is_not_new_and_nothing_new_is_said_plainly(place):
    assert run().exit_code == 0
    (place / "in" / next((place / "in").glob("004_*")).name).rename(place / "in" / "renamed.txt")
    before = report(place)
    again = run()
    assert again.exit_code == 0
    assert report(place) == before
    assert again.stderr.strip().endswith(f"nothing new since the last run (0 new of 3 article(s)); kept {again.stdout.strip()}")
    state = State(place / ".briefing")
    paths = [row[0] for row in state.db.execute("SELECT path FROM articles")]
    assert sum(p.endswith("renamed.txt") for p in paths) == 1 and not any("004_" in p for p in paths)
    assert [r.status for r in state.runs()] == ["unchanged", "ok"]
    assert state.runs()[0].new_articles == 0


def test_unchanged_articles_come_from_the_cache(place, monkeypatch):
    assert run().exit_code == 0

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged article was processed again")

    monkeypatch.setattr("briefing.analyse.extract_article", refuse)
    monkeypatch.setattr("briefing.analyse.summarize_article", refuse)
    assert run().exit_code == 0


def test_a_second_concurrent_run_is_refused(place):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from briefing.weekly.lock import exclusive_lock\n"
         f"with exclusive_lock({str(place / '.briefing')!r}):\n    print('locked', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.perf_counter()
        result = run()
        assert time.perf_counter() - started < 5
        assert result.exit_code == console.EXIT_RUN_IN_PROGRESS == 3
        assert "another briefing run is in progress (pid" in result.stderr
    finally:
        holder.kill()
        holder.wait()
    assert run().exit_code == 0  # the lock is free again


def test_a_killed_runs_orphaned_worker_does_not_keep_the_lock(place):
    """A run's workers are forked while it holds the lock; killed, it must not leave them holding it."""
    from briefing.weekly.lock import exclusive_lock

    # The worker says it has started before its parent is killed: a worker forked but not yet scheduled
    # still shares the lock for those microseconds, which a loaded machine can stretch.
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import os, signal, time; from briefing.weekly.lock import exclusive_lock\n"
         f"with exclusive_lock({str(place / '.briefing')!r}):\n"
         "    started, say = os.pipe()\n"
         "    worker = os.fork()\n"
         "    if worker == 0:\n        os.write(say, b'.'); time.sleep(30); os._exit(0)\n"
         "    os.read(started, 1)\n"
         "    print(worker, flush=True); os.kill(os.getpid(), signal.SIGKILL)"],
        stdout=subprocess.PIPE, text=True,
    )
    worker = int(holder.stdout.readline())
    holder.wait()
    try:
        os.kill(worker, 0)  # the orphaned worker still lives …
        with exclusive_lock(place / ".briefing"):
            pass  # … and the lock is free at once
    finally:
        os.kill(worker, 9)


def test_a_failing_run_keeps_the_previous_report_and_records_the_failure(place, monkeypatch):
    assert run().exit_code == 0
    before = report(place)

    def broken(pack, fmt, lang, **options):
        raise RuntimeError("disk full (simulated)")

    real_render = weekly.render_pack
    monkeypatch.setattr(weekly, "render_pack", broken)
    add_report(place)
    result = run()
    assert result.exit_code == 1
    assert "previous report kept" in result.stderr
    assert report(place) == before
    history = runner.invoke(app, ["history", "--output", "out"])
    assert "failed" in history.stdout and "disk full (simulated)" in history.stdout
    # The failed run stored the new article, but no pack showed it: the next good run does.
    monkeypatch.setattr(weekly, "render_pack", real_render)
    after = run()
    assert after.exit_code == 0 and "1 new of 4 article(s)" in after.stderr
    news = new_meetings(report(place))
    assert len(news) == 1 and "ha-tinh-2024-baohatinh.txt" in news[0]


def test_keep_removes_only_the_tools_own_older_reports_by_iso_week_and_format(place):
    out = place / "out"
    out.mkdir()
    mine = [RunSettings(input=Path("in"), output=Path("out"), format=fmt) for fmt in ("md", "html")]
    for number, day in enumerate((date(2026, 10, 1), date(2026, 10, 8), date(2026, 10, 15))):  # ISO weeks 40-42
        (place / "in" / f"week-{number}.txt").write_text(seed("003").read_text("utf-8") + f"\n(bản {number})\n")
        for settings in mine:
            weekly.run(settings, today=day)
    (place / "in" / "this-week.txt").write_text(seed("003").read_text("utf-8") + "\n(bản mới)\n")
    os.utime(out / "briefing-2026-W40.md")  # touched last: the week, not the time, decides
    (out / "briefing-team-Wishlist.docx").write_text("a user's file", "utf-8")
    (out / "briefing-2026-W30.md").write_text("made by hand, not by a run", "utf-8")
    result = run("--keep", "2")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    this_week = report_name(date.today(), "md")
    assert names == sorted(["briefing-2026-W30.md", "briefing-2026-W40.html", "briefing-2026-W41.html",
                            "briefing-2026-W42.html", "briefing-2026-W42.md", this_week,
                            "briefing-team-Wishlist.docx"])
    assert result.stderr.count("removed old report") == 2


def test_schedule_on_a_temporary_crontab(tmp_path):
    crontab = tmp_path / "crontab"
    crontab.write_text("MAILTO=me@example.invalid\n0 1 * * * /usr/bin/backup\n", "utf-8")
    missing = runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:30", "--input", str(tmp_path / "news"),
                                  "--crontab-file", str(crontab)])
    assert missing.exit_code == 1 and "news: no such folder" in missing.stderr
    (tmp_path / "news").mkdir()
    dry = runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:30", "--input", str(tmp_path / "news"),
                              "--crontab-file", str(crontab), "--dry-run"])
    assert dry.exit_code == 0 and "briefing-schedule" in dry.stdout
    assert "briefing" not in crontab.read_text("utf-8")
    added = runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:30", "--input", str(tmp_path / "news"),
                                "--crontab-file", str(crontab)])
    line = added.stdout.strip()
    assert line.startswith("30 7 * * 1 ") and f"{sys.executable} -m briefing run --input {tmp_path / 'news'}" in line
    assert line in crontab.read_text("utf-8").splitlines()
    listed = runner.invoke(app, ["schedule", "list", "--crontab-file", str(crontab), "--unit-dir", str(tmp_path / "u")])
    assert listed.stdout.strip() == line
    removed = runner.invoke(app, ["schedule", "remove", "--crontab-file", str(crontab)])
    assert removed.exit_code == 0 and "removed:" in removed.stdout
    assert crontab.read_text("utf-8") == "MAILTO=me@example.invalid\n0 1 * * * /usr/bin/backup\n"


def test_the_scheduled_run_keeps_the_chosen_confidence_threshold(tmp_path):
    crontab = tmp_path / "crontab"
    (tmp_path / "news").mkdir()
    added = runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:30", "--input", str(tmp_path / "news"),
                                "--crontab-file", str(crontab), "--min-confidence", "0"])
    assert added.exit_code == 0 and " --format pdf --min-confidence 0 >> " in added.stdout


def systemd_exec_words(unit: str) -> list[str]:
    """ExecStart= read back as systemd does (systemd.syntax): quoted words, %% and $$ literal."""
    line = next(ln for ln in unit.splitlines() if ln.startswith("ExecStart="))[len("ExecStart="):]
    words = re.findall(r'"((?:[^"\\]|\\.)*)"|(\S+)', line)
    out = []
    for quoted, bare in words:
        word = re.sub(r"\\(.)", r"\1", quoted) if quoted or not bare else bare
        assert not re.search(r"(?<!%)%(?!%)|(?<!\$)\$(?!\$)", word.replace("%%", "").replace("$$", "")), word
        out.append(word.replace("%%", "%").replace("$$", "$"))
    return out


def test_schedule_systemd_units_in_a_temporary_folder(tmp_path):
    units = tmp_path / "units"
    result = runner.invoke(app, ["schedule", "add", "--weekly", "fri", "18:05", "--systemd", "--unit-dir", str(units)])
    assert result.exit_code == 0
    timer = (units / "briefing-weekly.timer").read_text("utf-8")
    assert "OnCalendar=Fri *-*-* 18:05:00" in timer and "Persistent=true" in timer
    service = (units / "briefing-weekly.service").read_text("utf-8")
    assert systemd_exec_words(service)[:4] == [sys.executable, "-m", "briefing", "run"]
    assert "Persistent=true" in result.stdout
    assert runner.invoke(app, ["schedule", "remove", "--systemd", "--unit-dir", str(units)]).exit_code == 0
    assert not list(units.iterdir())
    bad = runner.invoke(app, ["schedule", "add", "--weekly", "someday", "25:00", "--crontab-file", str(tmp_path / "c")])
    assert bad.exit_code == 1 and "day must be" in bad.stderr


def test_config_file_and_command_line_precedence(place):
    (place / "briefing.toml").write_text('input = "in"\noutput = "from-config"\nformat = "md"\nlang = "en"\n', "utf-8")
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 0
    assert result.stdout.strip().startswith(str(place / "from-config") + "/")
    assert "New since the last run" in (place / result.stdout.strip()).read_text("utf-8")
    result = runner.invoke(app, ["run", "--output", "from-cli", "--lang", "vi"])
    assert result.stdout.strip().startswith(str(place / "from-cli") + "/")
    assert "Mới kể từ lần chạy trước" in (place / result.stdout.strip()).read_text("utf-8")


def test_malformed_config_names_the_line(place):
    (place / "briefing.toml").write_text('input = "in"\noutput = \nformat = "md"\n', "utf-8")
    result = runner.invoke(app, ["run"])
    assert result.exit_code == 2
    assert "briefing.toml: line 2:" in result.stderr
    (place / "briefing.toml").write_text('input = "in"\nsentence = 3\n', "utf-8")
    result = runner.invoke(app, ["run"])
    assert "line 2: unknown setting 'sentence'" in result.stderr


def test_corrupt_state_database_is_moved_aside(place):
    state = place / ".briefing"
    state.mkdir()
    (state / "state.db").write_bytes(b"this is not a database" * 100)
    result = run()
    assert result.exit_code == 0
    assert "state database was unreadable; moved it to" in result.stderr
    aside = list(state.glob("state.db.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert State(state).runs()[0].status == "ok"


def test_older_database_is_migrated(tmp_path):
    db = sqlite3.connect(tmp_path / "state.db")
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO runs (started, ended, status) VALUES ('2026-01-01T00:00:00+00:00', "
               "'2026-01-01T00:00:05+00:00', 'ok')")
    db.commit()
    db.close()
    state = State(tmp_path)
    assert state.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert state.known_files() == {}  # the files table of version 3 exists
    assert state.runs()[0].duration == 5.0
    state.store("abc", "settings", {"x": 1})
    assert state.cached("abc", "settings") == {"x": 1}


def test_a_cron_run_appends_its_lines_to_a_log_in_the_state_folder(tmp_path):
    crontab = tmp_path / "crontab"
    (tmp_path / "news").mkdir()
    state = tmp_path / "state 100%"  # a space and a % must survive sh and cron
    added = runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:30", "--input", str(tmp_path / "news"),
                                "--state", str(state), "--crontab-file", str(crontab)])
    assert added.exit_code == 0, added.stderr
    line = added.stdout.strip()
    assert line.endswith(f" >> '{tmp_path}/state 100\\%/run.log' 2>&1 # briefing-schedule")
    assert state.is_dir()  # cron cannot append into a folder that does not exist
    command = line.split(" ", 5)[5].rsplit(" # ", 1)[0].replace("\\%", "%")
    assert shlex.split(command)[-3:] == [">>", f"{state}/run.log", "2>&1"]


def test_removing_systemd_units_disables_the_timer_and_says_what_to_run(tmp_path):
    units = tmp_path / "units"
    (tmp_path / "news").mkdir()
    assert runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:30", "--input", str(tmp_path / "news"),
                               "--systemd", "--unit-dir", str(units)]).exit_code == 0
    wants = units / "timers.target.wants"
    wants.mkdir()
    (wants / "briefing-weekly.timer").symlink_to(units / "briefing-weekly.timer")  # as systemctl enable leaves it
    removed = runner.invoke(app, ["schedule", "remove", "--systemd", "--unit-dir", str(units)])
    assert removed.exit_code == 0
    assert removed.stdout.count("removed:") == 3 and not list(wants.iterdir())
    assert not (units / "briefing-weekly.timer").exists() and not (units / "briefing-weekly.service").exists()
    assert removed.stdout.strip().endswith(
        "then: systemctl --user daemon-reload && systemctl --user stop briefing-weekly.timer")
    again = runner.invoke(app, ["schedule", "remove", "--systemd", "--unit-dir", str(units)])
    assert again.stdout.strip() == "nothing to remove"


def test_history_shows_local_time_and_never_cuts_a_path(place, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    monkeypatch.setenv("COLUMNS", "60")
    try:
        assert run().exit_code == 0
        shown = runner.invoke(app, ["history", "--output", "out"]).stdout.splitlines()
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert shown[0].startswith("when (UTC+07:00)")
    assert any(str(place / "out" / report_name(date.today(), "md")) in line for line in shown[2:])
