"""The ``briefing`` command: parses options and calls the library, nothing more.

Heavy libraries (sumy, numpy, weasyprint) are imported inside commands so that
``briefing --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from enum import Enum
from typing import Optional

import typer

from briefing import __version__

app = typer.Typer(
    help="Turn Vietnamese government-meeting news into briefings.\n\n"
    "Example: briefing summarize seeds/ --sentences 3",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)



class Method(str, Enum):
    briefing = "briefing"
    lead = "lead"
    lexrank = "lexrank"
    textrank = "textrank"
    lsa = "lsa"
    luhn = "luhn"
    sumbasic = "sumbasic"
    kl = "kl"
    reduction = "reduction"
    edmundson = "edmundson"


class SummaryFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True,
        help="Print the version and exit. Example: briefing --version",
    ),
) -> None:
    """Turn Vietnamese government-meeting news into briefings."""


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"briefing: {message}", err=True)
    raise typer.Exit(code)


def _report(problem) -> None:
    typer.echo(f"briefing: skipped {problem}", err=True)


@app.command()
def summarize(
    paths: Optional[list[str]] = typer.Argument(
        None, metavar="[PATH]...",
        help="Article files (.txt, .md, .html) or folders, read recursively; '-' reads standard input. "
        "Default: the bundled seeds/ folder. Example: briefing summarize seeds/ extra/article.txt",
    ),
    method: Method = typer.Option(
        Method.briefing, "--method", "-m",
        help="Summariser to use; 'briefing' is the tuned default. Example: --method lexrank",
    ),
    sentences: Optional[int] = typer.Option(
        None, "--sentences", "-n", min=1,
        help="Sentences per summary (default 3). Example: --sentences 2",
    ),
    ratio: Optional[float] = typer.Option(
        None, "--ratio", "-r", min=0.01, max=1.0,
        help="Summary length as a share of the article's sentences, instead of --sentences. Example: --ratio 0.1",
    ),
    output_format: SummaryFormat = typer.Option(
        SummaryFormat.text, "--format", "-f",
        help="Output format. Example: --format json",
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", dir_okay=False,
        help="Write to this file (atomically) instead of standard output. Example: --output reports/summaries.md",
    ),
) -> None:
    """Print a short summary of each meeting article.

    Example: briefing summarize seeds/ --method briefing --sentences 3 --format markdown
    """
    from briefing.render import summaries as formats
    from briefing.ingest.read import IngestError, default_inputs
    from briefing.pack import read_meetings

    if sentences is not None and ratio is not None:
        _fail("use --sentences or --ratio, not both")
    output_format = output_format.value
    color = output is None and output_format == "text" and sys.stdout.isatty()
    streaming = output is None and output_format == "text"
    meetings, printed, problems = [], 0, 0
    for item in read_meetings(paths or default_inputs(), method.value, sentences, ratio):
        if isinstance(item, IngestError):
            problems += 1
            _report(item)
        elif streaming:  # print as we go: a folder of thousands need not be held in memory
            typer.echo(("\n" if printed else "") + formats.text_block(item.summary, color), nl=False)
            printed += 1
        else:
            meetings.append(item.summary)
    if not streaming:
        _emit(formats.FORMATS[output_format](meetings), output)
    if not (meetings or printed):
        _fail("no article could be read", 1)
    if problems:
        raise typer.Exit(1)


def _emit(text: str, output: Optional[Path]) -> None:
    from briefing.output import write_output

    if output is None:
        typer.echo(text, nl=False)
    else:
        try:
            write_output(output, text)
        except OSError as err:
            _fail(f"{output}: cannot write ({err.strerror or err})", 1)
        typer.echo(f"wrote {output}", err=True)


@app.command()
def evaluate(
    folder: Path = typer.Argument(
        ..., exists=True, file_okay=False,
        help="Folder of ID.article.txt / ID.summary.txt pairs. Example: briefing evaluate ../shared/eval/rouge",
    ),
    methods: Optional[list[Method]] = typer.Option(
        None, "--method", "-m",
        help="Method to score; repeat for several (default: all). Example: -m briefing -m lexrank",
    ),
    lengths: str = typer.Option(
        "2,3", "--sentences", "-n",
        help="Comma-separated summary lengths in sentences. Example: --sentences 1,2,3",
    ),
) -> None:
    """Score summarisers with ROUGE-1/2/L F1 against reference summaries.

    Example: briefing evaluate ../shared/eval/rouge --method briefing --method lead
    """
    from briefing.evaluation.summaries import evaluate as run_evaluation
    from briefing.evaluation.summaries import table
    from briefing.ingest.read import ArticleError

    try:
        counts = [int(x) for x in lengths.split(",") if x.strip()]
    except ValueError:
        _fail(f"--sentences takes numbers such as 2,3, not {lengths!r}")
    if not counts or min(counts) < 1:
        _fail("--sentences takes positive numbers such as 2,3")
    chosen = [m.value for m in (methods or list(Method))]
    try:
        rows = run_evaluation(folder, chosen, counts, progress=lambda m: typer.echo(f"scoring {m}", err=True))
    except ArticleError as err:
        _fail(str(err), 1)
    typer.echo(table(rows), nl=False)


class FactsFormat(str, Enum):
    json = "json"
    table = "table"


class CompareFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


PATHS_HELP = (
    "Article files (.txt, .md, .html) or folders, read recursively; '-' reads standard input. "
    "Default: the bundled seeds/ folder. Example: briefing {command} seeds/ extra/article.txt"
)


def _read_facts(paths: Optional[list[str]]):
    """Facts of every readable article; unreadable ones are reported and counted."""
    from briefing.pack import read_facts
    from briefing.ingest.read import IngestError, default_inputs

    facts, problems = [], 0
    for item in read_facts(paths or default_inputs()):
        if isinstance(item, IngestError):
            problems += 1
            _report(item)
        else:
            facts.append(item)
    if not facts:
        _fail("no article could be read", 1)
    return facts, problems


@app.command()
def extract(
    paths: Optional[list[str]] = typer.Argument(None, metavar="[PATH]...", help=PATHS_HELP.format(command="extract")),
    output_format: FactsFormat = typer.Option(
        FactsFormat.json, "--format", "-f", help="Output format. Example: --format table"
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", dir_okay=False,
        help="Write to this file (atomically) instead of standard output. Example: --output reports/facts.json",
    ),
) -> None:
    """Extract each meeting's date, level, place, officials, themes, mottos and figures.

    Example: briefing extract seeds/ --format json
    """
    from briefing.render import tables as fact_tables

    facts, problems = _read_facts(paths)
    render = fact_tables.facts_json if output_format == FactsFormat.json else fact_tables.facts_table
    _emit(render(facts), output)
    if problems:
        raise typer.Exit(1)


@app.command()
def compare(
    paths: Optional[list[str]] = typer.Argument(None, metavar="[PATH]...", help=PATHS_HELP.format(command="compare")),
    output_format: CompareFormat = typer.Option(
        CompareFormat.table, "--format", "-f", help="Output format. Example: --format markdown"
    ),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", dir_okay=False,
        help="Write to this file (atomically) instead of standard output. Example: --output reports/compare.md",
    ),
) -> None:
    """Align themes by year and figures by indicator, place and year, with flags.

    Example: briefing compare seeds/ --format markdown
    """
    from briefing.render import tables as fact_tables
    from briefing.compare import compare as run_compare

    facts, problems = _read_facts(paths)
    comparison = run_compare(facts)
    if output_format == CompareFormat.json:
        text = fact_tables.comparison_json(comparison)
    else:
        text = fact_tables.comparison_table(comparison, markdown=output_format == CompareFormat.markdown)
    _emit(text, output)
    if problems:
        raise typer.Exit(1)


class PackFormat(str, Enum):
    pdf = "pdf"
    html = "html"
    md = "md"


class Language(str, Enum):
    vi = "vi"
    en = "en"


@app.command()
def build(
    paths: Optional[list[str]] = typer.Argument(None, metavar="[PATH]...", help=PATHS_HELP.format(command="build")),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", dir_okay=False,
        help="Where to write the pack (default reports/briefing-YYYY-MM-DD.pdf, .html or .md). "
        "Example: --output reports/week.pdf",
    ),
    title: Optional[str] = typer.Option(
        None, "--title", help="Title on the cover and in every page header. Example: --title \"Bản tin tuần 47\"",
    ),
    since: Optional[str] = typer.Option(
        None, "--since", help="Only meetings held on or after this date (YYYY-MM-DD). Example: --since 2024-01-01",
    ),
    lang: Language = typer.Option(
        Language.vi, "--lang", help="Language of labels and headings; article text stays Vietnamese. Example: --lang en",
    ),
    output_format: PackFormat = typer.Option(
        PackFormat.pdf, "--format", "-f", help="pdf, one self-contained html file, or md. Example: --format html",
    ),
    template_dir: Optional[Path] = typer.Option(
        None, "--template-dir", exists=True, file_okay=False,
        help="Use templates (pack.html.j2, pack.md.j2, pack.css, fonts/) from this folder. Example: --template-dir mytemplates",
    ),
    method: Method = typer.Option(Method.briefing, "--method", "-m", help="Summariser for each meeting. Example: --method lexrank"),
    sentences: int = typer.Option(3, "--sentences", "-n", min=1, help="Sentences per meeting summary. Example: --sentences 4"),
) -> None:
    """Build the briefing pack: cover, contents, executive summary, themes, targets, meetings, annex.

    Example: briefing build seeds/ --output reports/briefing.pdf --lang vi
    """
    from briefing import pack as packing
    from briefing.output import write_output
    from briefing.ingest.read import default_inputs
    from briefing.render.labels import labels
    from briefing.render.document import RenderError, render_html, render_markdown, render_pdf

    if since is not None and not _is_iso_date(since):
        _fail(f"--since takes a date such as 2024-01-01, not {since!r}")
    fmt = output_format.value
    target = output or Path("reports") / f"briefing-{_today()}.{fmt}"
    folder = str(template_dir) if template_dir else None
    try:
        with _progress("building the pack") as step:
            pack = packing.build_pack(
                paths or default_inputs(), title=title, since=since, method=method.value,
                sentences=sentences, progress=step, default_title=labels(lang.value)["pack_title"],
            )
            step(len(pack.meetings), len(pack.meetings), f"writing {fmt.upper()}")
            if fmt == "md":
                data = render_markdown(pack, lang.value, folder)
            else:
                html = render_html(pack, lang.value, folder, inline_fonts=fmt == "html")
                data = html if fmt == "html" else render_pdf(html, folder)
            write_output(target, data)
    except packing.EmptyPackError as err:
        _fail(str(err), 1)
    except RenderError as err:
        _fail(f"{target}: {err}", 1)
    except OSError as err:
        _fail(f"{target}: cannot write ({err.strerror or err})", 1)
    for problem in pack.skipped:
        _report(problem)
    typer.echo(str(target))
    if pack.skipped:
        raise typer.Exit(1)


def _is_iso_date(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def _progress(label: str):
    """A progress bar on a terminal (stderr); nothing when output is piped."""
    from contextlib import contextmanager

    @contextmanager
    def bar():
        if not sys.stderr.isatty():
            yield lambda done, total, item: None
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"))
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("", total=None)
            yield lambda done, total, item: progress.update(task, completed=done, total=total, description=item)

    return bar()


EXIT_RUN_IN_PROGRESS = 3
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C


def _settings(options: dict, config_path: Optional[Path]):
    """Run settings: command line, then briefing.toml, then defaults, each checked once."""
    from briefing.weekly.settings import SettingsError, find_config, load_config, settings

    try:
        return settings(options, load_config(find_config(config_path)))
    except SettingsError as err:
        _fail(str(err))


CONFIG_HELP = "Config file to read instead of ./briefing.toml or the user one. Example: --config ~/briefing.toml"


@app.command("run")
def run_command(
    input_dir: Optional[Path] = typer.Option(None, "--input", "-i", help="Folder of articles (default seeds/ or briefing.toml's input). Example: --input news/"),
    output_dir: Optional[Path] = typer.Option(None, "--output", "-o", help="Folder for the weekly reports (default reports/); not inside the input folder. Example: --output reports/"),
    state_dir: Optional[Path] = typer.Option(None, "--state", help="Folder of the state database and lock (default .briefing/ beside the output). Example: --state ~/.briefing"),
    keep: Optional[int] = typer.Option(None, "--keep", help="After a successful run keep only the newest N weeks of reports of this format (1-1000). Example: --keep 8"),
    output_format: Optional[str] = typer.Option(None, "--format", "-f", help="pdf (default), html or md. Example: --format md"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Label language, vi (default) or en. Example: --lang en"),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
) -> None:
    """The weekly job: build this ISO week's pack (reports/briefing-YYYY-Www.pdf) opening with what is new.

    Example: briefing run --input news/ --output reports/ --keep 8
    """
    from briefing.weekly.settings import SettingsError
    from briefing.weekly.state import RunInProgress, StateError
    from briefing.weekly.run import RunFailed, RunInterrupted, run

    settings = _settings({"input": input_dir, "output": output_dir, "state": state_dir, "keep": keep,
                          "format": output_format, "lang": lang}, config)
    try:
        with _progress("weekly run") as step:
            outcome = run(settings, progress=step)
    except SettingsError as err:
        _fail(str(err))
    except RunInProgress as err:
        _fail(str(err), EXIT_RUN_IN_PROGRESS)
    except RunInterrupted as err:
        _fail(str(err), EXIT_INTERRUPTED)
    except RunFailed as err:
        _fail(f"run failed, previous report kept: {err}", 1)
    except (StateError, OSError) as err:
        _fail(str(err), 1)
    if outcome.moved_aside:
        typer.echo(f"briefing: the state database was unreadable; moved it to {outcome.moved_aside}", err=True)
    for note in outcome.notes:
        typer.echo(f"briefing: {note}", err=True)
    for problem in outcome.pack.skipped:
        _report(problem)
    for path in outcome.removed:
        typer.echo(f"briefing: removed old report {path}", err=True)
    typer.echo(str(outcome.report))
    if outcome.pack.skipped:
        raise typer.Exit(1)


@app.command()
def history(
    limit: int = typer.Option(10, "--limit", "-n", min=1, max=1000, help="How many recent runs to show. Example: --limit 20"),
    state_dir: Optional[Path] = typer.Option(None, "--state", help="State folder (default as for run). Example: --state .briefing"),
    output_dir: Optional[Path] = typer.Option(None, "--output", "-o", help="Reports folder, to find the default state folder beside it. Example: --output reports/"),
    config: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
) -> None:
    """Show recent runs: when, status, new/total articles, report, duration. Changes nothing.

    Example: briefing history --limit 5
    """
    from briefing.render.tables import history_table
    from briefing.weekly.state import State, StateError, run_in_progress

    settings = _settings({"state": state_dir, "output": output_dir}, config)
    try:
        state = State(settings.state_folder, read_only=True)
    except StateError as err:
        _fail(str(err), 1)
    rows = state.runs(limit)
    state.close()
    if not rows:
        typer.echo(f"no runs recorded in {settings.state_folder}")
        return
    typer.echo(history_table(rows, running_now=run_in_progress(settings.state_folder)))


schedule_app = typer.Typer(help="Install, list or remove the weekly run (crontab or systemd timer).\n\nExample: briefing schedule add --weekly mon 07:00", no_args_is_help=True)
app.add_typer(schedule_app, name="schedule")
CRONTAB_HELP = "Edit this crontab file instead of the user's crontab (for tests and dry setups). Example: --crontab-file /tmp/crontab"
UNIT_DIR_HELP = "Folder for systemd user units (default ~/.config/systemd/user). Example: --unit-dir /tmp/units"


@schedule_app.command("add")
def schedule_add(
    weekly: tuple[str, str] = typer.Option(..., "--weekly", metavar="DAY HH:MM", help="Day (mon … sun) and time. Example: --weekly mon 07:00"),
    input_dir: Path = typer.Option(Path("seeds"), "--input", "-i", file_okay=False, help="Folder of articles. Example: --input news/"),
    output_dir: Path = typer.Option(Path("reports"), "--output", "-o", file_okay=False, help="Folder for reports. Example: --output reports/"),
    state_dir: Optional[Path] = typer.Option(None, "--state", file_okay=False, help="State folder for the run. Example: --state ~/.briefing"),
    systemd: bool = typer.Option(False, "--systemd", help="Write a systemd user .service + .timer (Persistent=true) instead of a crontab line. Example: --systemd"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print what would be installed, change nothing. Example: --dry-run"),
    crontab_file: Optional[Path] = typer.Option(None, "--crontab-file", dir_okay=False, help=CRONTAB_HELP),
    unit_dir: Optional[Path] = typer.Option(None, "--unit-dir", file_okay=False, help=UNIT_DIR_HELP),
) -> None:
    """Install the weekly run, and print exactly what was installed.

    Example: briefing schedule add --weekly mon 07:00 --input news/ --output reports/
    """
    from briefing.weekly import schedule

    try:
        when = schedule.parse_weekly(*weekly)
        command = schedule.job_command(input_dir, output_dir, state_dir)
        if systemd:
            folder = unit_dir or schedule.default_unit_dir()
            units = schedule.systemd_units(when, command)
            for name, text in units.items():
                typer.echo(f"# {folder / name}\n{text}")
            if not dry_run:
                schedule.systemd_install(units, folder)
                typer.echo(f"# then: systemctl --user daemon-reload && systemctl --user enable --now {schedule.UNIT}.timer")
            return
        line = schedule.cron_line(when, command)
        typer.echo(line)
        if not dry_run:
            for old in schedule.cron_add(line, crontab_file):
                typer.echo(f"replaced: {old}")
    except schedule.ScheduleError as err:
        _fail(str(err), 1)


@schedule_app.command("list")
def schedule_list(
    crontab_file: Optional[Path] = typer.Option(None, "--crontab-file", dir_okay=False, help=CRONTAB_HELP),
    unit_dir: Optional[Path] = typer.Option(None, "--unit-dir", file_okay=False, help=UNIT_DIR_HELP),
) -> None:
    """List briefing's scheduled runs (crontab entries and systemd units), nothing else.

    Example: briefing schedule list
    """
    from briefing.weekly import schedule

    try:
        for line in schedule.cron_entries(schedule.read_crontab(crontab_file)):
            typer.echo(line)
    except schedule.ScheduleError as err:
        typer.echo(f"briefing: {err}", err=True)
    for path in schedule.systemd_installed(unit_dir or schedule.default_unit_dir()):
        typer.echo(str(path))


@schedule_app.command("remove")
def schedule_remove(
    crontab_file: Optional[Path] = typer.Option(None, "--crontab-file", dir_okay=False, help=CRONTAB_HELP),
    unit_dir: Optional[Path] = typer.Option(None, "--unit-dir", file_okay=False, help=UNIT_DIR_HELP),
    systemd: bool = typer.Option(False, "--systemd", help="Remove the systemd units instead of crontab entries. Example: --systemd"),
) -> None:
    """Remove briefing's scheduled runs and leave every other entry alone.

    Example: briefing schedule remove
    """
    from briefing.weekly import schedule

    try:
        removed = (schedule.systemd_remove(unit_dir or schedule.default_unit_dir()) if systemd
                   else schedule.cron_remove(crontab_file))
    except schedule.ScheduleError as err:
        _fail(str(err), 1)
    for item in removed:
        typer.echo(f"removed: {item}")
    if not removed:
        typer.echo("nothing to remove")


def main() -> None:
    app()
