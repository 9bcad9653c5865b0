import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from briefing import __version__
from briefing.cli import app
from conftest import ROOT, SEEDS, seed

runner = CliRunner()


def run(*args, **kwargs):
    return runner.invoke(app, list(args), **kwargs)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"briefing {__version__}"


def test_summarize_seeds_as_text():
    result = run("summarize", str(SEEDS), "--sentences", "2")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.count("\n  - ") == 10
    assert "Quyết tâm, linh hoạt, thực chất, hiệu quả trong thực hiện nhiệm vụ năm 2024" in out
    assert "2024-01-20" in out
    for noise in ("(Ảnh:", "Minh Hiếu", "TÂN AN", "Tin, ảnh", "date 2024-01", "LSO-"):
        assert noise not in out
    assert "\x1b[" not in out  # plain when not a terminal


def test_summarize_defaults_to_the_bundled_seeds(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("summarize")
    assert result.exit_code == 0
    assert result.stdout.count("seeds/") == 5


def test_json_shape():
    result = run("summarize", str(seed("003")), str(seed("004")), "--format", "json", "-n", "2")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(data) == ["meetings"]
    first, second = data["meetings"]
    assert first["source"] == str(seed("003"))
    assert first["date"] == "2020-12-29"
    assert first["method"] == "briefing"
    assert isinstance(first["title"], str) and len(first["summary"]) == 2
    assert all(isinstance(s, str) for s in second["summary"])
    assert second["date"] == "2024-01-20"


def test_markdown_to_a_file(tmp_path):
    out = tmp_path / "sub" / "summaries.md"
    result = run("summarize", str(SEEDS), "--format", "markdown", "--output", str(out), "--method", "lexrank")
    assert result.exit_code == 0
    text = out.read_text("utf-8")
    assert text.startswith("# Tóm tắt hội nghị")
    assert text.count("\n## ") == 5
    assert not list(out.parent.glob("*.part"))


def test_stdin():
    text = seed("004").read_text("utf-8")
    result = run("summarize", "-", "--format", "json", input=text)
    assert result.exit_code == 0
    meeting = json.loads(result.stdout)["meetings"][0]
    assert meeting["source"] == "-"
    assert meeting["title"].startswith("Quyết tâm, linh hoạt")


def test_sentences_and_ratio_exclude_each_other():
    result = run("summarize", str(SEEDS), "--sentences", "2", "--ratio", "0.2")
    assert result.exit_code == 2
    assert "use one of --sentences, --ratio or --words" in result.stderr


def test_evaluate_prints_the_table(eval_rouge):
    result = run("evaluate", str(eval_rouge), "-m", "lead", "-m", "briefing", "-n", "2")
    assert result.exit_code == 0
    assert "| Lead-2 (baseline) | 2 |" in result.stdout
    assert "200 articles scored." in result.stdout


def _commands():
    from typer.main import get_command

    def walk(name, command):
        yield name, command
        for sub_name, sub in getattr(command, "commands", {}).items():
            yield from walk(f"{name} {sub_name}", sub)

    yield from walk("briefing", get_command(app))


@pytest.mark.parametrize("name, command", list(_commands()))
def test_every_command_and_option_has_help_with_an_example(name, command):
    assert command.help and "Example:" in command.help, f"{name} lacks help with an example"
    for param in command.params:
        if param.name in ("help",):
            continue
        assert getattr(param, "help", None), f"{name} {param.name} lacks help"
        assert "Example:" in param.help, f"{name} {param.name} help lacks an example"


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from briefing.cli import app; from typer.main import get_command;"
        "get_command(app);"
        "heavy = [m for m in ('sumy', 'nltk', 'numpy', 'weasyprint') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def all_help_pages():
    pages = [runner.invoke(app, ["--help"], prog_name="briefing").stdout, runner.invoke(app, ["schedule", "--help"]).stdout]
    pages += [runner.invoke(app, [name, "--help"]).stdout for name in
              ("summarize", "evaluate", "extract", "compare", "build", "run", "history", "fetch")]
    pages += [runner.invoke(app, ["schedule", name, "--help"]).stdout for name in ("add", "list", "remove")]
    return pages


def test_help_shows_words_a_user_reads_not_python_types():
    for page in all_help_pages():
        assert "Usage: " in page and "Example:" in page
        for raw in ("<list", "<int", "<float", "<path", "[[", "{", "Edit this"):
            assert raw not in page, (raw, page)
        commands = page.split("Commands:")[1] if "Commands:" in page else ""
        assert "..." not in commands, commands  # no description cut short


def test_md_and_markdown_name_the_same_format_in_every_command(tmp_path):
    seed_file = str(next(SEEDS.glob("004_*.txt")))
    for name in ("md", "markdown"):
        summary = run("summarize", seed_file, "--format", name)
        assert summary.exit_code == 0 and summary.stdout.startswith("# Tóm tắt hội nghị"), summary.stderr
        compared = run("compare", seed_file, "--format", name)
        assert compared.exit_code == 0 and "## Chỉ tiêu và kết quả" in compared.stdout
        built = run("build", seed_file, "--format", name, "--output", str(tmp_path / f"pack-{name}.md"))
        assert built.exit_code == 0, built.stderr
    (tmp_path / "briefing.toml").write_text('format = "markdown"\n', "utf-8")
    weekly = run("run", "--input", str(SEEDS), "--output", str(tmp_path / "out"), "--state", str(tmp_path / "st"),
                 "--config", str(tmp_path / "briefing.toml"))
    assert weekly.exit_code == 0 and weekly.stdout.strip().endswith(".md"), weekly.stderr


def test_a_missing_folder_and_a_bad_feed_are_named_as_the_user_typed_them(tmp_path):
    built = run("build", str(tmp_path / "nosuch"), "--output", str(tmp_path / "pack.md"))
    assert built.exit_code == 1
    assert built.stderr.strip().splitlines() == [
        f"briefing: no readable meeting article in {tmp_path / 'nosuch'} ({tmp_path / 'nosuch'}: no such file or folder)"]
    fetched = run("fetch", "ftp://example.org/bai.html", "--into", str(tmp_path / "news"))
    assert fetched.exit_code == 2
    assert fetched.stderr.strip() == ("briefing: FEED_OR_URL: an item must be an http or https address, "
                                      "not 'ftp://example.org/bai.html'")
    assert "--feeds" not in fetched.stderr


def test_each_commands_help_says_what_the_option_means_there():
    def help_of(*command):
        return " ".join(run(*command, "--help", env={"COLUMNS": "200"}).stdout.split())

    assert "whose runs to show" in help_of("history") and "not inside the input folder" not in help_of("history")
    for command in (("run",), ("schedule", "add")):
        assert "--output's extension" not in help_of(*command) and "Format of the weekly pack" in help_of(*command)
    assert "--output's extension" in help_of("build")
    assert "briefing, lead, lexrank, textrank" in help_of("build")
    for command, default in (("summarize", "(default text)"), ("extract", "(default json)"), ("compare", "(default table)")):
        assert default in help_of(command)
