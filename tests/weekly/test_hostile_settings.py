"""Settings and schedules: checked once with ranges and names; nothing injected into cron or systemd."""

import re
import shlex
import sys

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from test_weekly import systemd_exec_words

runner = CliRunner()


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes((__import__("conftest").seed("004")).read_bytes())
    return tmp_path


def run_with(config: bytes, *args):
    from pathlib import Path

    Path("briefing.toml").write_bytes(config)
    return runner.invoke(app, ["run", "--format", "md", *args])


@pytest.mark.parametrize("line, message", [
    (b"keep = -1", "line 2: keep: must be from 1 to 1000, not -1"),
    (b"keep = 0", "line 2: keep: must be from 1 to 1000, not 0"),
    (b"sentences = 0", "line 2: sentences: must be from 1 to 50, not 0"),
    (b"sentences = -3", "line 2: sentences: must be from 1 to 50, not -3"),
    (b'method = "nonsense"', "line 2: method: must be one of briefing, lead, lexrank"),
    (b"keep = true", "line 2: keep: must be a whole number from 1 to 1000, not True"),
    (b"min_confidence = 101", "line 2: min_confidence: must be from 0 to 100, not 101"),
    (b"min_confidence = 0.8", "line 2: min_confidence: must be a whole number from 0 to 100, not 0.8"),
    (b'title = "a\\nb"', "line 2: title: must not contain control characters"),
    (b'tittle = "x"', "line 2: unknown setting 'tittle'"),
])
def test_bad_config_values_are_refused_before_anything_runs(place, line, message):
    result = run_with(b'input = "in"\n' + line + b"\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"briefing: briefing.toml: {message}" or message in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (place / "reports").exists() and not (place / ".briefing").exists()


def test_keep_minus_one_no_longer_deletes_the_new_report(place):
    result = run_with(b'input = "in"\nkeep = -1\n')
    assert result.exit_code == 2 and "keep: must be from 1 to 1000" in result.stderr
    assert not (place / "reports").exists()


@pytest.mark.parametrize("option, value, message", [
    ("--keep", "0", "briefing: --keep: must be from 1 to 1000, not 0"),
    ("--keep", "-1", "briefing: --keep: must be from 1 to 1000, not -1"),
    ("--min-confidence", "101", "briefing: --min-confidence: must be from 0 to 100, not 101"),
    ("--format", "docx", "'docx' is not one of 'pdf', 'html', 'md'"),  # the choices come from the same table
    ("--lang", "fr", "'fr' is not one of 'vi', 'en'"),
])
def test_the_command_line_is_checked_by_the_same_rules(place, option, value, message):
    result = runner.invoke(app, ["run", "--input", "in", option, value])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (place / "reports").exists()


def test_config_file_with_latin1_bytes_or_a_bom(place):
    result = run_with(b'input = "in"\ntitle = "B\xe1o c\xe1o"\n')
    assert result.exit_code == 2
    assert result.stderr.strip() == "briefing: briefing.toml: line 2: not UTF-8 text (byte 0xE1)"
    result = run_with(b'\xef\xbb\xbfinput = "in"\ntitle = "B\xc3\xa1o c\xc3\xa1o"\n')
    assert result.exit_code == 0, result.stderr


def test_a_tilde_in_a_path_setting_means_home(place, monkeypatch):
    home = place / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    result = run_with(b'input = "in"\nstate = "~/x"\n')
    assert result.exit_code == 0, result.stderr
    assert (home / "x" / "state.db").is_file() and not (place / "~").exists()


def test_output_inside_the_input_folder_is_refused(place):
    result = runner.invoke(app, ["run", "--input", "in", "--output", "in/reports", "--format", "md"])
    assert result.exit_code == 2
    assert "its reports would be read as articles next time" in result.stderr
    assert not (place / "in" / "reports").exists()


def cron_words(line: str) -> list[str]:
    """The command of a crontab line read back as cron and /bin/sh do."""
    command = " ".join(line.split(" ")[5:]).rsplit(" # briefing-schedule", 1)[0]
    assert not re.search(r"(?<!\\)%", command)  # cron would cut the command at a bare %
    return shlex.split(command.replace("\\%", "%"))


def test_a_newline_in_a_path_cannot_plant_a_cron_job(tmp_path):
    crontab = tmp_path / "crontab"
    crontab.write_text("MAILTO=me\n", "utf-8")
    evil = "/srv/news\n* * * * * touch /tmp/PWNED #"
    result = runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:00", "--input", evil,
                                 "--crontab-file", str(crontab)])
    assert result.exit_code == 2 and "--input: must not contain control characters" in result.stderr
    assert crontab.read_text("utf-8") == "MAILTO=me\n"


def test_percent_dollar_and_quotes_reach_the_job_literally(tmp_path):
    odd = tmp_path / "news 100% $HOME %h 'q' \"d\" \\ #x"
    odd.mkdir()
    crontab = tmp_path / "crontab"
    result = runner.invoke(app, ["schedule", "add", "--weekly", "sun", "23:59", "--input", str(odd),
                                 "--crontab-file", str(crontab)])
    assert result.exit_code == 0, result.stderr
    [line] = crontab.read_text("utf-8").splitlines()
    words = cron_words(line)
    assert words[0] == sys.executable and words[words.index("--input") + 1] == str(odd)
    units = tmp_path / "units"
    result = runner.invoke(app, ["schedule", "add", "--weekly", "sun", "23:59", "--input", str(odd), "--systemd",
                                 "--unit-dir", str(units)])
    assert result.exit_code == 0, result.stderr
    words = systemd_exec_words((units / "briefing-weekly.service").read_text("utf-8"))
    assert words[words.index("--input") + 1] == str(odd)


@pytest.mark.parametrize("day, at", [("monkey", "07:00"), ("mon", "7"), ("mon", "24:00"), ("8", "07:00"),
                                     ("mon", "07:60"), ("mon", "07:00:00")])
def test_days_and_times_are_checked(tmp_path, day, at):
    result = runner.invoke(app, ["schedule", "add", "--weekly", day, at, "--crontab-file", str(tmp_path / "c")])
    assert result.exit_code == 1
    assert not (tmp_path / "c").exists()


def test_schedule_keeps_every_other_line_byte_for_byte(tmp_path):
    crontab = tmp_path / "crontab"
    mine = "# my jobs\n\nMAILTO=me\n\n0 1 * * * /usr/bin/backup   \n\n"
    crontab.write_text(mine, "utf-8")
    for _ in range(2):  # a second add replaces the first, it does not add a second job
        assert runner.invoke(app, ["schedule", "add", "--weekly", "monday", "07:00",
                                   "--crontab-file", str(crontab)]).exit_code == 0
    assert crontab.read_text("utf-8").count("briefing-schedule") == 1
    assert runner.invoke(app, ["schedule", "remove", "--crontab-file", str(crontab)]).exit_code == 0
    assert crontab.read_text("utf-8") == mine
