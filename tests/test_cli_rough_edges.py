"""Rough edges a new user hit: template folders, output formats, settings for build, history, help."""

import re
import shutil
from datetime import date
import subprocess
from pathlib import Path

from pypdf import PdfReader
from typer.testing import CliRunner

from briefing.cli import app
from briefing.render.templating import template_dir
from briefing.weekly.run import report_name
from briefing.weekly.lock import recent_runs
from conftest import ROOT, seed

runner = CliRunner()


def test_a_relative_template_folder_with_only_a_stylesheet_uses_the_bundled_rest(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("mine").mkdir()
    css = (template_dir() / "pack.css").read_text("utf-8")
    Path("mine/pack.css").write_text(css + "\n@page { size: A5; }\n", "utf-8")
    result = runner.invoke(app, ["build", str(seed("004")), "--template-dir", "mine", "--output", "a5.pdf"])
    assert result.exit_code == 0, result.stderr
    width, height = PdfReader("a5.pdf").pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (420, 595)  # A5 in points: the user's CSS applied


def test_a_template_folder_with_only_the_template_uses_the_bundled_stylesheet_and_fonts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("mine").mkdir()
    page = (template_dir() / "pack.html.j2").read_text("utf-8").replace("<body>", "<body><p>MẪU RIÊNG CỦA TÔI</p>", 1)
    Path("mine/pack.html.j2").write_text(page, "utf-8")
    result = runner.invoke(app, ["build", str(seed("004")), "--template-dir", "mine", "--output", "own.pdf"])
    assert result.exit_code == 0, result.stderr
    reader = PdfReader("own.pdf")
    assert "MẪU RIÊNG CỦA TÔI" in reader.pages[0].extract_text()
    fonts = {f["/BaseFont"] for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts and all("Pack-Sans" in str(name) for name in fonts)  # the bundled fonts, through the fallback


def test_the_output_extension_sets_the_format_and_a_mismatch_is_refused(tmp_path):
    result = runner.invoke(app, ["build", str(seed("004")), "--output", str(tmp_path / "x.md")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "x.md").read_text("utf-8").startswith("# ")
    result = runner.invoke(app, ["build", str(seed("004")), "--output", str(tmp_path / "y.md"), "--format", "pdf"])
    assert result.exit_code == 2 and "--format pdf does not match y.md" in result.stderr
    result = runner.invoke(app, ["build", str(seed("004")), "--output", str(tmp_path / "z.txt")])
    assert result.exit_code == 2 and "cannot tell the format from z.txt" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.md"]


def test_build_reads_briefing_toml_and_takes_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    shutil.copy(seed("004"), "news")
    Path("mine.toml").write_text('input = "news"\noutput = "out"\nlang = "en"\nformat = "md"\n', "utf-8")
    result = runner.invoke(app, ["build", "--config", "mine.toml"])
    assert result.exit_code == 0, result.stderr
    made = Path(result.stdout.strip())
    assert made.parent == Path("out") and made.suffix == ".md"
    assert "Executive summary" in made.read_text("utf-8")


def test_run_and_schedule_default_to_the_bundled_seeds_like_build(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no seeds/ here
    result = runner.invoke(app, ["run", "--format", "md", "--output", "out"])
    assert result.exit_code == 0, result.stderr
    crontab = tmp_path / "crontab"
    added = runner.invoke(app, ["schedule", "add", "--weekly", "mon", "07:00", "--keep", "4", "--lang", "en",
                                "--format", "md", "--crontab-file", str(crontab)])
    assert added.exit_code == 0, added.stderr
    line = crontab.read_text("utf-8")
    assert f"--input {ROOT / 'seeds'}" in line
    assert "--keep 4 --lang en --format md" in line


def test_history_shows_fractions_of_a_second_and_absolute_report_paths(place):
    assert runner.invoke(app, ["run", "--input", "in", "--output", "out", "--format", "md"]).exit_code == 0
    [run], _ = recent_runs(place / ".briefing", 5)
    assert run.output == str(place / "out" / report_name(date.today(), "md"))
    shown = runner.invoke(app, ["history", "--output", "out"]).stdout
    duration = re.search(r"(\d+\.\d) s\b", shown)
    assert duration and 0 < run.duration < 60 and duration.group(1) == f"{run.duration:.1f}"


def test_install_waits_for_the_package_manager_lock_and_hides_the_editable_warning():
    script = (ROOT / "install.sh").read_text("utf-8")
    assert "DPkg::Lock::Timeout" in script
    done = subprocess.run(["bash", "-n", str(ROOT / "install.sh")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_extract_and_compare_tables_speak_the_chosen_language():
    seeds = str(ROOT / "seeds")
    english = runner.invoke(app, ["compare", seeds, "--lang", "en"]).stdout
    assert "Economic growth" in english and "Tăng trưởng kinh tế (GDP/GRDP)" not in english
    assert "Economic growth" in runner.invoke(app, ["extract", seeds, "--format", "table", "--lang", "en"]).stdout
