"""Outputs: never replace what is not a regular file, never leave half a file, clean a killed run's leftovers."""

import os

from typer.testing import CliRunner

from briefing.cli import app
import pytest

from briefing.output import OutputError, remove_stale_parts, write_output
from conftest import seed

runner = CliRunner()


def summarize_to(target):
    return runner.invoke(app, ["summarize", str(seed("004")), "--format", "json", "--output", str(target)])


def test_a_character_device_is_written_through_not_replaced():
    result = summarize_to("/dev/null")
    assert result.exit_code == 0, result.stderr
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_a_named_pipe_is_written_through_to_its_reader(tmp_path):
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader is there before the write, as with `cat pipe`
    try:
        write_output(pipe, b'{"meetings": []}')
        assert os.read(reader, 100) == b'{"meetings": []}'
    finally:
        os.close(reader)
    assert not pipe.is_file() and pipe.exists()


def test_a_named_pipe_without_a_reader_is_refused_at_once(tmp_path):
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    result = summarize_to(pipe)
    assert result.exit_code == 1
    assert f"{pipe}: cannot write (a named pipe with no reader)" in result.stderr


def test_a_link_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("earlier", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert summarize_to(link).exit_code == 0
    assert link.is_symlink() and real.read_text("utf-8").startswith("{")


def test_a_folder_or_a_dangling_link_is_refused(tmp_path):
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(OutputError, match="a folder; refusing to replace it"):
        write_output(folder, b"x")
    assert summarize_to(folder).exit_code == 2  # the command line refuses it before any work
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "missing" / "x.json")
    result = summarize_to(dangling)
    assert result.exit_code == 1 and "a link to a missing file" in result.stderr
    assert dangling.is_symlink() and not (tmp_path / "missing").exists()


def test_a_killed_writers_part_file_is_removed_and_a_live_ones_kept(tmp_path):
    dead = tmp_path / ".report.pdf.999999999.abc123.part"  # no process has this id
    live = tmp_path / f".report.pdf.{os.getpid()}.def456.part"
    dead.write_bytes(b"half")
    live.write_bytes(b"half")
    write_output(tmp_path / "report.pdf", b"%PDF")
    assert not dead.exists() and live.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, "report.pdf"])
    assert remove_stale_parts(tmp_path) == []
