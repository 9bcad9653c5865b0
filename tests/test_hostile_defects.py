"""Defects found by probing, each pinned: unbounded summarisers, terminal escapes, Markdown injection
through file names, schedules on odd crontabs and paths, settings messages, a closed standard input.

Everything runs on the seeds' real text, offline; what could hang runs under a deadline (in-process
work under SIGALRM, a command in a subprocess with ``timeout=``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from conftest import ROOT, SEEDS, seed

runner = CliRunner()
BRIEFING = str(Path(sys.executable).parent / "briefing")
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"  # retitles the terminal window, then clears the screen
HOSTILE_NAME = "evil`name\n# INJECTED HEADING [link](javascript:alert(1)).txt"
PYDANTIC_WORDING = ("Value error", "Input should", "greater than or equal", "less than or equal", "valid integer")


class Overran(Exception):
    pass


@contextmanager
def deadline(seconds: float):
    """Fail, instead of hanging the suite, when the block runs past ``seconds``."""
    def stop(signum, frame):
        raise Overran(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    start = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)  # pytest-timeout's, if it runs one
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # give the outer timer back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - start), 0.001), interval)


def lines_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


# 1. every summariser is bounded ---------------------------------------------------------------

sys.path.insert(0, str(ROOT / "benchmarks"))
from hostile import one_line_article  # noqa: E402  seed 004's words without full stops, as one line


@pytest.fixture(scope="module")
def huge_article(tmp_path_factory):
    from briefing.ingest.read import read_article

    return read_article(str(one_line_article(tmp_path_factory.mktemp("huge"), 5)))


@pytest.mark.parametrize("method", ["lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "reduction",
                                    "edmundson", "lead", "briefing"])
def test_every_method_summarises_a_5_mb_one_line_article_in_seconds(huge_article, method):
    from briefing.summarize import summarize

    for length in ({"sentences": 3}, {"words": 5000}):  # --words tries every length: rated once
        start = time.perf_counter()
        with deadline(25):
            chosen = summarize(huge_article, method, **length)
        took = time.perf_counter() - start
        assert chosen and took < 10, f"{method} {length}: {took:.1f} s"


def test_no_real_article_is_cut_for_sumy():
    """The bound is far past any real article: every body sentence of every seed is rated."""
    from briefing.ingest.read import read_article
    from briefing.summarize.sumy_adapter import to_sumy_document

    for path in sorted(SEEDS.glob("*.txt")):
        article = read_article(str(path))
        body = [s for p in article.paragraphs if not p.heading for s in p.sentences]
        assert len(to_sumy_document(article)[1]) == len(body), path.name


def test_the_seeds_summaries_are_unchanged_by_every_method():
    """Byte for byte what every method gave the seeds before the bound (3 sentences, and 60 words)."""
    from briefing.ingest.read import read_article
    from briefing.summarize import summarize

    expected = json.loads((ROOT / "tests" / "data" / "hostile" / "seed-summaries.json").read_text("utf-8"))
    articles = {p.name[:3]: read_article(str(p)) for p in SEEDS.glob("*.txt")}
    for key, sentences in expected.items():
        prefix, method, length = key.split("|")
        given = {"words": int(length[1:])} if length.startswith("w") else {"sentences": int(length)}
        assert [s.text for s in summarize(articles[prefix], method, **given)] == sentences, key


# 2. nothing from an article or a file name is obeyed by the terminal -------------------------------

@pytest.fixture
def escaping_title(tmp_path):
    """Seed 003 with escape sequences at the end of its title line."""
    first, rest = seed("003").read_text("utf-8").split("\n", 1)
    path = tmp_path / "title.txt"
    path.write_text(f"{first} {ESCAPES}\n{rest}", "utf-8")
    return path


def assert_no_controls(text: str) -> None:
    raw = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert not raw, f"raw control characters reach the terminal: {raw!r}"


@pytest.mark.parametrize("args", [["summarize"], ["summarize", "--format", "markdown"],
                                  ["extract", "--format", "table"], ["compare"], ["compare", "--format", "markdown"]])
def test_a_title_with_escape_sequences_is_shown_not_obeyed(escaping_title, args):
    result = runner.invoke(app, [*args, str(escaping_title)])
    assert result.exit_code == 0, result.stderr
    assert_no_controls(result.stdout)
    if args[0] != "compare":  # compare shows themes and figures, not titles
        assert re.search(r"x1b\\?\]0;pwned\\*x07", result.stdout)  # shown, escaped for Markdown too


@pytest.mark.parametrize("args", [["summarize", "--format", "json"], ["extract"], ["compare", "--format", "json"]])
def test_json_carries_control_characters_escaped_and_intact(escaping_title, args):
    named = escaping_title.with_name("c1-\x9b-\x7f.txt")  # C1 (CSI) and DEL, which json.dumps leaves raw
    escaping_title.rename(named)
    result = runner.invoke(app, [*args, str(named)])
    assert result.exit_code == 0, result.stderr
    assert_no_controls(result.stdout)
    assert "c1-\\u009b-\\u007f.txt" in result.stdout  # written as JSON escapes, read back intact:
    texts = strings(json.loads(result.stdout))
    assert any(t.endswith("c1-\x9b-\x7f.txt") for t in texts)
    if args[0] != "compare":
        assert any(ESCAPES in t for t in texts)


def strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [text for item in items for text in strings(item)]


def test_colours_stay_and_titles_are_escaped_on_a_terminal(escaping_title):
    from briefing.ingest.read import read_article
    from briefing.render.summaries import render
    from briefing.render.visible import visible_output
    from briefing.summarize.summary import summarize_article

    shown = visible_output(render("text", [summarize_article(read_article(str(escaping_title)))], color=True))
    assert shown.startswith("\x1b[1;36m") and "\\x1b]0;pwned\\x07\\x1b[2J\x1b[0m" in shown
    assert re.sub(r"\x1b\[[0-9;]*m", "", shown).count("\x1b") == 0


def test_a_file_name_with_a_line_break_cannot_forge_a_message(tmp_path):
    bad = tmp_path / "x\nbriefing: all articles read.txt"
    bad.write_bytes(b"\x00\x01binary\xff\xfe" * 10)
    result = runner.invoke(app, ["summarize", str(bad), str(seed("003"))])
    assert result.exit_code == 1
    messages = lines_of(result.stderr)
    assert len(messages) == 1 and messages[0].startswith(f"briefing: skipped {tmp_path}/x\\nbriefing: all")
    assert_no_controls(result.stderr)


def test_a_config_name_with_escapes_is_shown_on_one_line(tmp_path):
    name = tmp_path / f"cfg{ESCAPES}\nbriefing: ok.toml"
    result = runner.invoke(app, ["build", "--config", str(name), "--output", str(tmp_path / "p.md")])
    assert result.exit_code == 2
    assert len(lines_of(result.stderr)) == 1 and "no such file" in result.stderr
    assert_no_controls(result.stderr)


def test_a_file_name_with_escapes_in_the_extract_table(tmp_path):
    path = tmp_path / f"a{ESCAPES}.txt"
    shutil.copy(seed("003"), path)
    result = runner.invoke(app, ["extract", "--format", "table", str(path)])
    assert result.exit_code == 0, result.stderr
    assert_no_controls(result.stdout)
    assert "a\\x1b]0;pwned\\x07\\x1b[2J.txt" in result.stdout


# 3. the Markdown pack: what an article controls stays text -----------------------------------------

def markdown_tokens(text: str):
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable("table")
    parser.validateLink = lambda url: True  # see every link, even those a renderer would drop
    return parser.parse(text)


def assert_inert(pack: str, name: str = HOSTILE_NAME) -> None:
    lines = pack.splitlines()
    assert not [ln for ln in lines if re.match(r"\s{0,3}#+\s*INJECTED", ln)]
    outside_code = [re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", ln) for ln in lines]
    assert not [ln for ln in outside_code if re.search(r"(?<!\\)\]\(javascript:", ln)]  # no live [..](javascript:
    tokens = markdown_tokens(pack)
    inline = [child for token in tokens for child in (token.children or [])]
    assert not [t for t in tokens if t.type == "heading_open" and "INJECTED" in
                tokens[tokens.index(t) + 1].content]
    hrefs = [t.attrGet("href") for t in inline if t.type == "link_open"]
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    shown = name.replace("\n", "\\n")
    code = [t.content for t in inline if t.type == "code_inline"]
    text = "".join(t.content for t in inline if t.type == "text")
    assert any(shown in c for c in code) or shown in text  # the whole name, as one piece of text


@pytest.fixture
def hostile_pack_folder(tmp_path):
    """Seed 003 under the hostile name, a second report of its meeting (a web address that must
    stay a link), and seed 002 alone under the hostile name's sibling."""
    folder = tmp_path / "news"
    folder.mkdir()
    text = seed("003").read_text("utf-8")
    (folder / HOSTILE_NAME).write_text(text, "utf-8")
    first, rest = text.split("\n", 1)
    (folder / "report.txt").write_text(
        "url: https://example-province-paper.vn/tin-tuc/hoi-nghi.html\noutlet: Báo `x` [y](javascript:alert(2))\n\n"
        f"{first} [link](javascript:alert(3))\n{rest}", "utf-8")
    (folder / HOSTILE_NAME.replace("evil", "lone")).write_text(
        "url: https://example.vn/a\n\n" + seed("002").read_text("utf-8"), "utf-8")
    return folder


def test_file_names_and_titles_cannot_inject_markdown_into_the_pack(hostile_pack_folder, tmp_path):
    out = tmp_path / "pack.md"
    result = runner.invoke(app, ["build", str(hostile_pack_folder), "--format", "md", "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    pack = out.read_text("utf-8")
    assert "[1] ``evil`name\\n# INJECTED" in pack  # the reports line, a longer fence around the name
    assert "``lone`name\\n# INJECTED" in pack  # the single-file line
    assert "<https://example.vn/a>" in pack
    assert_inert(pack)


def test_the_compact_sections_escape_file_names_too(hostile_pack_folder, tmp_path, monkeypatch):
    monkeypatch.setattr("briefing.pack.FULL_SECTIONS", 0)  # two meetings make a compact pack
    out = tmp_path / "pack.md"
    result = runner.invoke(app, ["build", str(hostile_pack_folder), "--format", "md", "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    pack = out.read_text("utf-8")
    assert "· Trung ương · ``evil`name\\n# INJECTED" in pack  # the compact section's line of files
    assert_inert(pack)


def test_the_weekly_packs_news_escapes_file_names(hostile_pack_folder, tmp_path):
    out = tmp_path / "reports"
    result = runner.invoke(app, ["run", "--input", str(hostile_pack_folder), "--output", str(out),
                                 "--state", str(tmp_path / "state"), "--format", "md", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    pack = next(out.glob("*.md")).read_text("utf-8")
    assert "(29/12/2020, ``evil`name\\n# INJECTED" in pack  # "new since the last run"
    assert_inert(pack)


def test_only_http_and_https_addresses_become_links():
    from briefing.render.visible import md_link

    assert md_link("https://example.vn/a") == "<https://example.vn/a>"
    for hostile in ("javascript:alert(1)", "https://x.vn/a>b", "https://x.vn/a b", "data:text/html,x", "ftp://x.vn/"):
        assert not md_link(hostile).startswith("<"), hostile


# 4. schedules ---------------------------------------------------------------------------------

def test_a_path_that_is_not_utf8_is_refused_on_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    odd = Path(os.fsdecode(b"in\xff"))
    odd.mkdir()
    for extra in (["--crontab-file", "crontab"], ["--systemd", "--unit-dir", "units"],
                  ["--dry-run", "--crontab-file", "crontab"]):
        result = runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:00", "--input", str(odd), *extra])
        assert result.exit_code == 1, result.output
        assert lines_of(result.stderr) == [f"briefing: {tmp_path}/in\\xff: a path that is not UTF-8 text cannot be"
                                           " scheduled (a crontab or a systemd unit is UTF-8 text); rename it"]
        assert not Path("crontab").exists() and not Path("units").exists()


@pytest.mark.parametrize("command", [["list"], ["remove"], ["add", "--weekly", "mon", "07:00"]])
def test_a_crontab_with_a_stray_byte_is_named_and_left_alone(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    crontab = tmp_path / "crontab"
    before = b"# caf\xe9 du matin\n0 1 * * * true\n0 7 * * 1 /x/python -m briefing run # briefing-schedule\n"
    crontab.write_bytes(before)
    result = runner.invoke(app, ["schedule", *command, "--crontab-file", str(crontab)])
    assert result.exit_code == 1
    assert lines_of(result.stderr) == [f"briefing: crontab file {crontab}: line 1: not UTF-8 text (byte 0xE9);"
                                       " fix that line, nothing changed"]
    assert crontab.read_bytes() == before


@pytest.mark.parametrize("command", [["list"], ["remove"], ["add", "--weekly", "mon", "07:00", "--input", "in"]])
def test_a_fifo_as_crontab_file_is_refused_without_hanging(tmp_path, command):
    (tmp_path / "in").mkdir()
    fifo = tmp_path / "crontab"
    os.mkfifo(fifo)
    done = subprocess.run([BRIEFING, "schedule", *command, "--crontab-file", str(fifo)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert lines_of(done.stderr) == [f"briefing: crontab file {fifo}: a named pipe (FIFO), not a regular file;"
                                     " nothing changed"]


def test_an_oversized_crontab_file_is_refused(tmp_path):
    crontab = tmp_path / "crontab"
    crontab.write_bytes(b"# filler\n" * 200_000)
    result = runner.invoke(app, ["schedule", "list", "--crontab-file", str(crontab)])
    assert result.exit_code == 1
    assert lines_of(result.stderr) == [f"briefing: crontab file {crontab}: too large (over 1024 KB); nothing changed"]


def test_list_says_when_nothing_is_scheduled(tmp_path):
    crontab = tmp_path / "crontab"
    crontab.write_text("0 1 * * * true\n")
    result = runner.invoke(app, ["schedule", "list", "--crontab-file", str(crontab), "--unit-dir", str(tmp_path / "u")])
    assert result.exit_code == 0 and result.stdout == "nothing scheduled\n"
    from briefing.weekly.schedule import scheduled

    assert scheduled(crontab, tmp_path / "u") == []


# 5. settings ----------------------------------------------------------------------------------

def build_with(tmp_path, config: str | bytes):
    path = tmp_path / "briefing.toml"
    path.write_bytes(config.encode() if isinstance(config, str) else config)
    return runner.invoke(app, ["build", "--config", str(path), "--output", str(tmp_path / "pack.md")])


def test_a_config_nested_30000_deep_is_one_line(tmp_path):
    with deadline(20):
        result = build_with(tmp_path, "title = " + "[" * 30_000 + "]" * 30_000 + "\n")
    assert result.exit_code == 2
    assert lines_of(result.stderr) == [f"briefing: {tmp_path}/briefing.toml: arrays or tables nested too deeply"
                                       " (no setting needs more than a list)"]


def test_a_setting_nested_deep_in_dotted_keys_is_quoted_short(tmp_path):
    result = build_with(tmp_path, "title." + ".".join(["a"] * 5000) + " = 1\n")
    assert result.exit_code == 2 and len(lines_of(result.stderr)) == 1
    assert "title: must be text, not {'a': {'a': {...}}}" in result.stderr


def test_an_oversized_config_says_its_real_limit(tmp_path):
    result = build_with(tmp_path, "# " + "x" * 70_000 + "\n")
    assert result.exit_code == 2
    assert lines_of(result.stderr) == [f"briefing: {tmp_path}/briefing.toml: file too large (over 64 KB)"]


def test_too_many_feeds_are_counted_not_reprinted(tmp_path):
    feeds = ", ".join(f'"https://example.vn/{n}.rss"' for n in range(501))
    result = build_with(tmp_path, f"feeds = [{feeds}]\n")
    assert result.exit_code == 2
    [message] = lines_of(result.stderr)
    assert "feeds: must be a list of at most 500 items, not 501 items" in message
    assert message.count("https://") <= 2 and len(message) < 300


@pytest.mark.parametrize("args, plain", [
    (["summarize", "--sentences", "0"], "must be from 1 to 50, not 0"),
    (["summarize", "--sentences", "many"], "must be a whole number from 1 to 50, not 'many'"),
    (["summarize", "--words", "3"], "must be from 5 to 5000, not 3"),
    (["summarize", "--ratio", "2"], "must be from 0.01 to 1, not 2"),
    (["summarize", "--method", "best"], "'best' is not one of 'briefing', 'lead', 'lexrank'"),
    (["summarize", "--format", "xml"], "'xml' is not one of 'text', 'md', 'json', 'markdown'"),
    (["build", "--format", "docx"], "'docx' is not one of 'pdf', 'html', 'md'"),
    (["history", "--limit", "0"], "must be from 1 to 1000, not 0"),
    (["run", "--jobs", "two"], "must be a whole number, not 'two'"),
    (["evaluate", ".", "--method", "best"], "'best' is not one of 'briefing'"),
])
def test_option_errors_are_said_plainly(args, plain):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert plain in result.stderr
    assert not [w for w in PYDANTIC_WORDING if w in result.stderr], result.stderr


def test_a_period_that_ends_before_it_begins_is_refused():
    from briefing.weekly.settings import SettingsError, check_period

    check_period("2024-01-01", "2025-01-01")
    check_period("2024-01-01", None)
    with pytest.raises(SettingsError, match="--until 2024-01-01 is before --since 2025-01-01"):
        check_period("2025-01-01", "2024-01-01")


def test_run_refuses_since_after_until(place):
    result = runner.invoke(app, ["run", "--input", "in", "--format", "md", "--since", "2025-01-01",
                                 "--until", "2024-01-01"])
    assert result.exit_code == 2 and "is before --since" in result.stderr
    assert not (place / "reports").exists()


# 6. a closed standard input ---------------------------------------------------------------------

def test_summarize_dash_with_standard_input_closed(tmp_path):
    done = subprocess.run(["bash", "-c", f"exec {BRIEFING} summarize - 0<&-"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "AttributeError" not in done.stderr
    assert lines_of(done.stderr)[0] == "briefing: skipped -: standard input is closed, nothing to read"


def test_read_stdin_says_closed_when_there_is_none(monkeypatch):
    from briefing.ingest.files import InputError, read_stdin

    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="standard input is closed"):
        read_stdin()


def test_summaries_in_markdown_keep_each_list_item_on_its_own_line():
    result = runner.invoke(app, ["summarize", str(next(SEEDS.glob("004_*.txt"))), "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("- Nguồn: ") for line in lines)
    assert any(line.startswith("- Phương pháp: ") for line in lines)
    assert not any("- Phương pháp" in line and not line.startswith("- Phương pháp") for line in lines)
