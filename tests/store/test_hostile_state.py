"""The state database under kills, signals, damage, full disks and read-only files."""

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.store import database as state_module
from briefing.weekly import run as weekly
from briefing.cli import app
from briefing.weekly.settings import RunSettings
from briefing.store.database import MIGRATIONS, State, StateError
from conftest import seed
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "weekly"))  # the weekly run's helpers
from test_weekly import new_meetings, report, report_path, run  # noqa: E402

runner = CliRunner()


def statuses(folder: Path) -> list[str]:
    db = sqlite3.connect(folder / "state.db")
    try:
        return [row[0] for row in db.execute("SELECT status FROM runs ORDER BY id")]
    except sqlite3.OperationalError:  # a run creating the database has not made its tables yet
        return []
    finally:
        db.close()


def test_a_run_killed_outright_shows_as_interrupted_and_is_recorded_so_next_time(place):
    assert run().exit_code == 0
    db = sqlite3.connect(place / ".briefing" / "state.db")
    with db:  # what kill -9 leaves: a run that started and never ended
        db.execute("INSERT INTO runs (started, status) VALUES ('2026-11-01T00:00:00+00:00', 'running')")
    db.close()
    shown = runner.invoke(app, ["history", "--output", "out"])
    assert "interrupted" in shown.stdout and "running" not in shown.stdout
    assert statuses(place / ".briefing") == ["ok", "running"]  # history only looks
    assert run().exit_code == 0
    assert statuses(place / ".briefing") == ["ok", "interrupted", "unchanged"]  # nothing new the second time


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_a_run_cleanly_and_records_it(place, stop):
    for i in range(150):  # enough work that the signal lands mid-run
        text = seed("004").read_text("utf-8").replace("Hà Tĩnh", f"Hà Tĩnh {i}")
        (place / "in" / f"copy{i:03d}.txt").write_text(text, "utf-8")
    # Ctrl-C as from a terminal: a test suite started in the background (``… &``) hands its children
    # SIGINT ignored, and Python then never turns it into KeyboardInterrupt
    child = subprocess.Popen([sys.executable, "-m", "briefing", "run", "--input", "in", "--output", "out",
                              "--format", "md"], cwd=place, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    db_path = place / ".briefing" / "state.db"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (db_path.exists() and "running" in statuses(place / ".briefing")):
        time.sleep(0.05)
    child.send_signal(stop)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == "briefing: the run was stopped; the previous report was kept"
    assert statuses(place / ".briefing") == ["interrupted"]
    assert not (place / "out").exists() or not list((place / "out").iterdir())  # no report, no .part


def test_a_damaged_cache_row_is_a_miss_not_a_failure(place):
    assert run().exit_code == 0
    db = sqlite3.connect(place / ".briefing" / "state.db")
    with db:
        db.execute("UPDATE cache SET payload = '{\"facts\": 7, garbage'")
    db.close()
    report_path(place).unlink()  # the week's pack is made again from the store, damaged rows and all
    result = run()
    assert result.exit_code == 0, result.stderr
    assert statuses(place / ".briefing") == ["ok", "ok"]
    assert len(new_meetings(report(place))) == 0 and report(place).count("\n### ") >= 3


def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    db = sqlite3.connect(tmp_path / "state.db")
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO runs (started, status) VALUES ('2026-01-01T00:00:00+00:00', 'ok')")
    db.commit()
    db.close()
    failing = [MIGRATIONS[0], MIGRATIONS[1] + "; INSERT INTO no_such_table VALUES (1)"]  # as a full disk would
    monkeypatch.setattr(state_module, "MIGRATIONS", failing)
    with pytest.raises(StateError, match="cannot upgrade the state database, left as it was"):
        State(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["state.db"]  # not moved aside
    db = sqlite3.connect(tmp_path / "state.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "cache" not in {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    db.close()


def test_a_read_only_database_gives_one_line(place, monkeypatch):
    assert run().exit_code == 0
    real_connect = sqlite3.connect

    def read_only(path, *args, **kwargs):  # as root, chmod cannot make a file read-only
        return real_connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)

    monkeypatch.setattr(state_module.sqlite3, "connect", read_only)
    result = run()
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "attempt to write a readonly database" in result.stderr


def test_state_folder_removed_during_a_run_stops_it_with_one_line(place):
    settings = RunSettings(input=Path("in"), output=Path("out"), format="md")
    calls = []

    def remove_state(done, total, item):
        calls.append(item)
        if len(calls) == 1:
            shutil.rmtree(place / ".briefing")

    with pytest.raises(StateError, match="the state folder was removed or replaced during the run"):
        weekly.run(settings, progress=remove_state)
    assert len(calls) == 1
    assert run().exit_code == 0  # the next run starts afresh


def test_history_never_changes_anything(place):
    result = runner.invoke(app, ["history", "--state", "mistyped"])
    assert result.exit_code == 1 and "no state database" in result.stderr
    assert not (place / "mistyped").exists()
    (place / "corrupt").mkdir()
    (place / "corrupt" / "state.db").write_bytes(b"not a database" * 100)
    result = runner.invoke(app, ["history", "--state", "corrupt"])
    assert result.exit_code == 1 and "not a readable state database" in result.stderr
    assert [p.name for p in (place / "corrupt").iterdir()] == ["state.db"]


def test_an_empty_state_file_is_replaced_with_a_warning(place):
    (place / ".briefing").mkdir()
    (place / ".briefing" / "state.db").write_bytes(b"")
    result = run()
    assert result.exit_code == 0
    assert "state.db was empty; starting a new state database" in result.stderr


def test_a_tampered_row_is_analysed_again_by_run_extract_and_compare(place):
    assert run().exit_code == 0
    expected = runner.invoke(app, ["extract", "in"]).stdout
    db = sqlite3.connect(place / ".briefing" / "state.db")
    with db:  # one row's meeting date becomes an integer: valid JSON, wrong type
        sha, payload = db.execute("SELECT sha256, payload FROM cache LIMIT 1").fetchone()
        data = json.loads(payload)
        data["facts"]["date"] = 20240120
        db.execute("UPDATE cache SET payload = ? WHERE sha256 = ?", (json.dumps(data), sha))
    db.close()
    for command in (["extract", "--state", ".briefing"], ["compare", "--state", ".briefing", "--format", "json"]):
        shown = runner.invoke(app, command)
        assert shown.exit_code == 0 and shown.exception is None, shown.stderr
    assert runner.invoke(app, ["extract", "--state", ".briefing"]).stdout == expected
    report_path(place).unlink()  # so the run makes the week's pack again, reading every stored row
    assert run().exit_code == 0
    db = sqlite3.connect(place / ".briefing" / "state.db")
    stored = json.loads(db.execute("SELECT payload FROM cache WHERE sha256 = ?", (sha,)).fetchone()[0])
    db.close()
    assert isinstance(stored["facts"]["date"], str)  # analysed again and stored again


def test_history_of_a_folder_it_cannot_write_opens_it_as_immutable_and_never_promises_a_move(place, monkeypatch):
    assert run().exit_code == 0  # a write-ahead-log database, as every run leaves
    monkeypatch.setattr(state_module, "can_write", lambda folder: False)  # as for a user who cannot write there
    shown = runner.invoke(app, ["history", "--output", "out"])
    assert shown.exit_code == 0 and " ok " in shown.stdout, shown.stderr
    real_connect = sqlite3.connect

    def refused(database, *args, **kwargs):
        if "mode=ro" in str(database):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(state_module.sqlite3, "connect", refused)
    failed = runner.invoke(app, ["history", "--output", "out"])
    lines = failed.stderr.strip().splitlines()
    assert failed.exit_code == 1 and len(lines) == 1
    assert "cannot be read (unable to open database file)" in lines[0] and "moves it aside" not in lines[0]
