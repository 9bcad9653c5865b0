"""Hostile inputs: nothing hangs, nothing fills memory, each bad input is one line naming it."""

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.ingest.decode import DecodeError, decode
from briefing.ingest.files import MAX_INPUT_BYTES
from briefing.ingest.read import load
from briefing.text.sentences import MAX_SENTENCE_CHARS, split_spans
from conftest import seed

runner = CliRunner()
BRIEFING = [sys.executable, "-m", "briefing"]


def one_line(stderr: str, name: str, words: str) -> str:
    lines = [ln for ln in stderr.splitlines() if name in ln]
    assert len(lines) == 1, stderr
    assert words in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def folder(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_bytes(seed("004").read_bytes())
    return news


def test_a_fifo_named_like_an_article_is_skipped_not_waited_on(folder, tmp_path):
    os.mkfifo(folder / "fifo.txt")
    done = subprocess.run([*BRIEFING, "run", "--input", str(folder), "--output", str(tmp_path / "out"),
                           "--format", "md"], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    one_line(done.stderr, "fifo.txt", "a named pipe (FIFO), not an article file")
    assert list((tmp_path / "out").glob("briefing-*.md"))  # the other article still made the report
    history = subprocess.run([*BRIEFING, "history", "--output", str(tmp_path / "out")], capture_output=True,
                             text=True, timeout=60, cwd=tmp_path)
    assert " ok " in history.stdout and "running" not in history.stdout


def test_a_link_to_dev_zero_is_skipped_without_reading_it(folder):
    (folder / "z.txt").symlink_to("/dev/zero")
    items = list(load([str(folder)]))
    errors = [str(i) for i in items if not hasattr(i, "paragraphs")]
    assert errors == [f"{folder / 'z.txt'}: a character device, not an article file"]
    assert len(items) == 2


def test_a_folder_named_like_an_article_given_as_a_file_is_read_as_a_folder(folder, tmp_path):
    odd = tmp_path / "odd.txt"
    odd.mkdir()
    (odd / "inside.txt").write_bytes(seed("003").read_bytes())
    assert "Kiên quyết không lùi bước" in next(iter(load([str(odd)]))).title


def test_read_is_bounded_even_when_the_size_lies(tmp_path, monkeypatch):
    """A file that grows while read (or a /proc file reporting size 0) is cut at the limit, not read whole."""
    path = tmp_path / "grows.txt"
    path.write_bytes(b"a" * (MAX_INPUT_BYTES + 10))
    result = runner.invoke(app, ["summarize", str(path)])
    assert result.exit_code == 1
    one_line(result.stderr, str(path), "file too large (over 20 MB)")


def test_standard_input_over_the_limit_is_refused_with_a_message():
    result = runner.invoke(app, ["summarize", "-"], input=b"x" * (MAX_INPUT_BYTES + 1))
    assert result.exit_code == 1
    one_line(result.stderr, "-", "standard input too large (over 20 MB)")


def test_one_enormous_line_is_cut_into_bounded_sentences():
    words = seed("004").read_text("utf-8").replace(".", "").split()
    line = " ".join(words * 400)  # about 1 MB, no sentence end anywhere
    spans = split_spans(line)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE_CHARS
    assert " ".join(line[a:b] for a, b in spans).split() == line.split()  # nothing lost, nothing added


def test_repeated_initials_do_not_make_splitting_quadratic():
    text = "A. " * 200_000 + "Hết."
    spans = split_spans(text)  # would take minutes if each candidate looked back to the sentence start
    assert sum(b - a for a, b in spans) > 500_000


@pytest.mark.parametrize("damage", ["stray byte", "noise"])
def test_damaged_or_random_bytes_are_not_read_as_windows_1258(damage):
    if damage == "stray byte":
        good = seed("004").read_bytes()
        data = good[:1000] + b"\xff" + good[1000:]
        message = "not valid UTF-8 (byte 0xFF at offset 1000)"
    else:
        data = bytes((0x41 + (i * 7919) % 26) if i % 3 else 0xC0 + (i * 104729) % 64 for i in range(4000))
        message = "not UTF-8, UTF-16 or Windows-1258 text"
    with pytest.raises(DecodeError) as err:
        decode(data)
    assert str(err.value) == message


def test_html5_page_without_closing_head_keeps_its_text(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in seed("004").read_text("utf-8").split("\n\n")[1:])
    page = tmp_path / "page.html"
    page.write_text(f"<!doctype html><html><head><meta charset=utf-8><title>Hà Tĩnh</title><body>{body}", "utf-8")
    article = next(iter(load([str(page)])))
    assert len(article.sentences) > 20


def test_an_undecodable_file_name_is_shown_escaped_in_json_and_the_pdf(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"b\xe1o-c\xe1o.txt")
    with open(raw, "wb") as fh:
        fh.write(seed("004").read_bytes())
    result = runner.invoke(app, ["extract", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["meetings"][0]["source"].endswith("b\\xe1o-c\\xe1o.txt")
    out = tmp_path / "pack.pdf"
    built = runner.invoke(app, ["build", str(folder), "--output", str(out)])
    assert built.exit_code == 0, built.stderr
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "b\\xe1o-c\\xe1o.txt" in text


def test_an_unreadable_subfolder_is_reported(folder, monkeypatch):
    locked = folder / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):  # as root, chmod 000 would not stop the read, so refuse here
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(load([str(folder)]))
    errors = [str(i) for i in items if not hasattr(i, "paragraphs")]
    assert errors == [f"{locked}: folder skipped: permission denied"]
