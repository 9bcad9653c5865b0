"""The ``briefing`` command: each command parses options, calls the library, prints, and exits.

Options are declared once in ``console.py``. Heavy libraries (sumy, numpy,
weasyprint) are imported inside commands so that ``briefing --help`` is fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from briefing.console import (
    CompareFormat, CompareFormatOption, ConfigOption, CrontabFile, DryRunFlag, EXIT_INTERRUPTED,
    EXIT_RUN_IN_PROGRESS, FactsFormat, JobsOption, RunSinceOption, StoreOption, UntilOption, AllFlag, FeedsArgument,
    FetchFlag, FetchSinceOption, IntoFolder, FactsFormatOption, InputFolder, KeepOption, LangOption, LengthsOption,
    LimitOption, Method, MethodOption, MethodsOption, OptionalMethodOption, OutputFile, OutputFolder, PackFile,
    PackFormatOption, Paths, RatioOption, ReportsFolder, RunFormatOption, RougeFolder, SentencesOption, SinceOption, StateFolder, SummaryFormat,
    SummaryFormatOption, SystemdFlag, SystemdRemoveFlag, TemplateFolder, TitleOption, UnitFolder, VersionFlag,
    WeeklyOption, WordsOption,
    emit, fail, progress, report_skipped, say, value,
)

app = typer.Typer(
    help="Turn Vietnamese government-meeting news into briefings.\n\nExample: briefing build news/",
    no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
schedule_app = typer.Typer(
    help="Install, list or remove the weekly run (crontab or systemd timer).\n\n"
         "Example: briefing schedule add --weekly mon 07:00", no_args_is_help=True,
)
app.add_typer(schedule_app, name="schedule", short_help="Install, list or remove the weekly run.")


@app.callback()
def main_options(version: VersionFlag = False) -> None:
    """Turn Vietnamese government-meeting news into briefings."""


def _settings(options: dict, config: Optional[Path], names: Optional[dict] = None):
    """Command line over briefing.toml over the defaults, each checked once (``names``: what the
    command calls an option that is not --SETTING)."""
    from briefing.weekly.settings import SettingsError, find_config, load_config, settings

    try:
        return settings(options, load_config(find_config(config)), names)
    except SettingsError as err:
        fail(str(err))


@app.command(short_help="Print a short summary of each meeting.")
def summarize(paths: Paths("summarize") = None, method: MethodOption = Method.briefing,
        sentences: SentencesOption = None, ratio: RatioOption = None, words: WordsOption = None,
        output_format: SummaryFormatOption = SummaryFormat.text, output: OutputFile = None) -> None:
    """Print a short summary of each meeting; articles that report one meeting give one summary.

    Example: briefing summarize news/ --sentences 3 --format markdown
    """
    from briefing.ingest.read import default_inputs
    from briefing.pack import collect_meetings
    from briefing.render import summaries

    if sum(x is not None for x in (sentences, ratio, words)) > 1:
        fail("use one of --sentences, --ratio or --words")
    with progress("summarising") as step:
        meetings, problems = collect_meetings(paths or default_inputs(), method.value, sentences, ratio, words, step)
    report_skipped(problems)
    if not meetings:
        fail("no article could be read", 1)
    color = output is None and value(output_format) == "text" and sys.stdout.isatty()
    emit(summaries.render(value(output_format), [m.summary for m in meetings], color), output)
    if problems:
        raise typer.Exit(1)


@app.command(short_help="Score summarisers with ROUGE against reference summaries.")
def evaluate(folder: RougeFolder, methods: MethodsOption = None, lengths: LengthsOption = "2,3") -> None:
    """Score summarisers with ROUGE-1/2/L F1 against reference summaries.

    Example: briefing evaluate ../shared/eval/rouge --method briefing --method lead
    """
    from briefing.evaluation.summaries import evaluate as score_all
    from briefing.evaluation.summaries import parse_lengths, table
    from briefing.ingest.read import ArticleError

    try:
        counts = parse_lengths(lengths)
        rows = score_all(folder, [m.value for m in (methods or list(Method))], counts, progress=lambda m: say(f"scoring {m}"))
    except (ArticleError, ValueError) as err:
        fail(str(err), 1)
    typer.echo(table(rows), nl=False)


def _meetings(paths, state: Optional[Path] = None):
    """Facts of every meeting the readable articles report, or the fact store of ``state`` holds;
    each unreadable article reported on its own line."""
    from briefing.ingest.read import default_inputs
    from briefing.pack import collect_meetings

    if state is not None:
        return _stored(paths, state), []
    with progress("reading") as step:
        meetings, problems = collect_meetings(paths or default_inputs(), method=None, progress=step)
    report_skipped(problems)
    if not meetings:
        fail("no article could be read", 1)
    return meetings, problems


def _stored(paths, state: Path):
    from briefing.weekly.run import meetings_in_store
    from briefing.weekly.state import StateError

    if paths:
        fail("give article paths or --state, not both")
    try:
        meetings = meetings_in_store(state)
    except StateError as err:
        fail(str(err), 1)
    if not meetings:
        fail(f"{state}: the fact store holds no article yet", 1)
    return meetings


@app.command(short_help="Extract each meeting's date, level, place, themes and figures.")
def extract(paths: Paths("extract") = None, output_format: FactsFormatOption = FactsFormat.json,
        output: OutputFile = None, lang: LangOption = None, state: StoreOption = None) -> None:
    """Extract each meeting's date, level, place, officials, themes, mottos and figures.

    Example: briefing extract news/ --format json
    """
    from briefing.render import tables

    meetings, problems = _meetings(paths, state)
    lang = value(lang) or "vi"
    emit(tables.facts_json(meetings, lang) if output_format == FactsFormat.json else tables.facts_table(meetings, lang), output)
    if problems:
        raise typer.Exit(1)


@app.command(short_help="Align themes by year and figures by indicator, place and year.")
def compare(paths: Paths("compare") = None, output_format: CompareFormatOption = CompareFormat.table,
        output: OutputFile = None, lang: LangOption = None, state: StoreOption = None) -> None:
    """Align themes by year and figures by indicator, place and year, with flags.

    Each flag names the two facts it compares and their articles: a result that met, missed or beat
    its target (by the target's wording and whether higher or lower is better), a target more or less
    ambitious than last year's result, two articles' results that conflict, or a doubtful value.
    In JSON each flag also has a machine kind: met, missed, beaten, less_ambitious, more_ambitious,
    conflict or doubtful.

    Example: briefing compare news/ --format markdown
    """
    from briefing.compare import compare as align
    from briefing.render import tables

    meetings, problems = _meetings(paths, state)
    comparison = align([m.facts for m in meetings])
    if value(output_format) == "json":
        emit(tables.comparison_json(comparison, value(lang) or "vi"), output)
    else:
        markdown = value(output_format) == "md"
        emit(tables.comparison_table(comparison, markdown=markdown, lang=value(lang) or "vi"), output)
    if problems:
        raise typer.Exit(1)


@app.command(short_help="Build the briefing pack (PDF, HTML or Markdown).")
def build(paths: Paths("build") = None, output: PackFile = None, title: TitleOption = None,
        since: SinceOption = None, lang: LangOption = None, output_format: PackFormatOption = None,
        template_dir: TemplateFolder = None, method: OptionalMethodOption = None,
        sentences: SentencesOption = None, jobs: JobsOption = None, config: ConfigOption = None) -> None:
    """Build the briefing pack: cover, contents, executive summary, themes, targets, meetings, annex.

    Example: briefing build news/ --output reports/briefing.pdf --lang vi
    """
    from briefing.build import FormatError, OutputAmongInputs, build as build_pack, choose_format
    from briefing.pack import EmptyPackError
    from briefing.render.document import RenderError
    from briefing.weekly.settings import is_iso_date

    if since is not None and not is_iso_date(since):
        fail(f"--since takes a date such as 2024-01-01, not {since!r}")
    settings = _settings({"title": title, "lang": value(lang), "method": value(method), "sentences": sentences,
                          "format": value(output_format), "jobs": jobs}, config)
    try:
        fmt = choose_format(output, value(output_format) or (settings.format if output is None else None))
        with progress("building the pack") as step:
            built = build_pack(paths, settings, fmt, output, since, template_dir, step)
    except (FormatError, OutputAmongInputs) as err:
        fail(str(err))
    except EmptyPackError as err:
        fail(str(err), 1)
    except (RenderError, OSError) as err:
        fail(f"{output or 'the pack'}: cannot write ({getattr(err, 'strerror', None) or err})", 1)
    report_skipped(built.pack.skipped)
    typer.echo(str(built.path))
    if built.pack.skipped:
        raise typer.Exit(1)


@app.command(short_help="Collect new articles from news feeds and pages into a folder.")
def fetch(sources: FeedsArgument = None, into: IntoFolder = None, since: FetchSinceOption = None,
          keep_all: AllFlag = False, config: ConfigOption = None) -> None:
    """Collect new articles from RSS/Atom feeds and article pages: each article's main text and its
    address, outlet and date, written once into the folder as a text file the other commands read.

    Only articles with a year theme, motto, target or result (or one of briefing.toml's keywords)
    are kept unless --all; the rest are counted. Each failure is one line; the others are collected.

    Example: briefing fetch https://baochinhphu.vn/rss/home.rss --into news/
    """
    from briefing.fetch.collect import FetchRecordError, collect
    from briefing.weekly.settings import is_iso_date

    if since is not None and not is_iso_date(since):
        fail(f"--since takes a date such as 2024-01-01, not {since!r}")
    settings = _settings({"feeds": sources or None, "input": into}, config,
                         {"feeds": "FEED_OR_URL", "input": "--into"})
    if not settings.feeds:
        fail("give feeds or article addresses, or feeds = [...] in briefing.toml")
    if settings.input is None:
        fail("give --into FOLDER, or input = \"…\" in briefing.toml")
    try:
        with progress("fetching") as step:
            collected = collect(settings.feeds, settings.input, since, settings.keywords, keep_all, progress=step)
    except (FetchRecordError, OSError) as err:
        fail(str(err), 1)
    for line in collected.problems + collected.notes:
        say(line)
    typer.echo(_fetch_summary(collected, settings.input))
    if collected.problems:
        raise typer.Exit(1)


def _fetch_summary(collected, folder) -> str:
    parts = [f"{len(collected.written)} new article(s) in {folder}"]
    parts += [f"{n} {what}" for n, what in ((collected.known, "already collected"),
              (collected.irrelevant, "not about a meeting's themes or targets (skipped)"),
              (collected.older, "older than --since"), (len(collected.problems), "failed")) if n]
    return "; ".join(parts)


@app.command("run", short_help="The weekly job: this ISO week's pack, opening with what is new.")
def run_command(input_dir: InputFolder = None, output_dir: OutputFolder = None, state_dir: StateFolder = None,
                keep: KeepOption = None, output_format: RunFormatOption = None, lang: LangOption = None,
                since: RunSinceOption = None, until: UntilOption = None, jobs: JobsOption = None,
                fetch_first: FetchFlag = False, config: ConfigOption = None) -> None:
    """The weekly job: build this ISO week's pack (reports/briefing-YYYY-Www.pdf) opening with what is new.

    New articles are analysed into the fact store (the state database); the pack shows in full the
    meetings new since the last run (or those held between --since and --until), and compares them
    with every stored meeting of their places and of the nation, without reading old articles again.

    Example: briefing run --input news/ --output reports/ --keep 8
    """
    from briefing.pack import EmptyPackError
    from briefing.weekly.run import Period, RunFailed, RunInterrupted, run
    from briefing.weekly.settings import SettingsError, check_period, is_iso_date
    from briefing.weekly.state import RunInProgress, StateError

    for name, day in (("--since", since), ("--until", until)):
        if day is not None and not is_iso_date(day):
            fail(f"{name} takes a date such as 2024-01-01, not {day!r}")
    try:
        check_period(since, until)
    except SettingsError as err:
        fail(str(err))
    settings = _settings({"input": input_dir, "output": output_dir, "state": state_dir, "keep": keep,
                          "format": value(output_format), "lang": value(lang), "jobs": jobs}, config)
    try:
        with progress("weekly run") as step:
            outcome = run(settings, progress=step, period=Period(since, until), fetch=fetch_first)
    except SettingsError as err:
        fail(str(err))
    except RunInProgress as err:
        fail(str(err), EXIT_RUN_IN_PROGRESS)
    except RunInterrupted as err:
        fail(str(err), EXIT_INTERRUPTED)
    except RunFailed as err:
        fail(f"run failed, previous report kept: {err}", 1)
    except EmptyPackError as err:
        fail(str(err), 1)
    except (StateError, OSError) as err:
        fail(str(err), 1)
    if outcome.fetched is not None:
        for line in outcome.fetched.problems + outcome.fetched.notes:
            say(line)
        say(_fetch_summary(outcome.fetched, settings.input))
    if outcome.moved_aside:
        say(f"the state database was unreadable; moved it to {outcome.moved_aside}")
    for note in outcome.notes:
        say(note)
    report_skipped(outcome.skipped)
    for path in outcome.removed:
        say(f"removed old report {path}")
    say(outcome.summary)
    if outcome.report:
        typer.echo(str(outcome.report))
    if outcome.skipped:
        raise typer.Exit(1)


@app.command(short_help="Show recent weekly runs. Changes nothing.")
def history(limit: LimitOption = 10,
        state_dir: StateFolder = None, output_dir: ReportsFolder = None, config: ConfigOption = None) -> None:
    """Show recent runs: when, status, new/total articles, report, duration. Changes nothing.

    Example: briefing history --limit 5
    """
    from briefing.render.tables import history_table
    from briefing.weekly.state import StateError, recent_runs

    settings = _settings({"state": state_dir, "output": output_dir}, config)
    try:
        runs, running_now = recent_runs(settings.state_folder, limit)
    except StateError as err:
        fail(str(err), 1)
    typer.echo(history_table(runs, running_now) if runs else f"no runs recorded in {settings.state_folder}")


@schedule_app.command("add", short_help="Install the weekly run and print what was installed.")
def schedule_add(weekly: WeeklyOption,
        input_dir: InputFolder = None, output_dir: OutputFolder = None, state_dir: StateFolder = None,
        keep: KeepOption = None, output_format: RunFormatOption = None, lang: LangOption = None,
        config: ConfigOption = None, systemd: SystemdFlag = False, dry_run: DryRunFlag = False,
        crontab_file: CrontabFile = None, unit_dir: UnitFolder = None) -> None:
    """Install the weekly run (replacing briefing's earlier one), and print exactly what was installed.

    Example: briefing schedule add --weekly mon 07:00 --input news/ --output reports/
    """
    from briefing.weekly import schedule

    settings = _settings({"input": input_dir, "output": output_dir, "state": state_dir, "keep": keep,
                          "format": value(output_format), "lang": value(lang)}, None)
    try:
        installed = schedule.install(schedule.parse_weekly(*weekly), schedule.job_command(settings, config),
                                     systemd, dry_run, crontab_file, unit_dir, schedule.run_log(settings))
    except schedule.ScheduleError as err:
        fail(str(err), 1)
    typer.echo(installed)


@schedule_app.command("list", short_help="List briefing's scheduled runs.")
def schedule_list(crontab_file: CrontabFile = None, unit_dir: UnitFolder = None) -> None:
    """List briefing's scheduled runs (crontab entries and systemd units), nothing else.

    Example: briefing schedule list
    """
    from briefing.weekly import schedule

    try:
        typer.echo(schedule.listing(crontab_file, unit_dir), nl=False)
    except schedule.ScheduleError as err:
        fail(str(err), 1)


@schedule_app.command("remove", short_help="Remove briefing's scheduled runs, nothing else.")
def schedule_remove(crontab_file: CrontabFile = None, unit_dir: UnitFolder = None,
        systemd: SystemdRemoveFlag = False) -> None:
    """Remove briefing's scheduled runs and leave every other entry alone.

    Example: briefing schedule remove
    """
    from briefing.weekly import schedule

    try:
        removed = schedule.systemd_remove(unit_dir) if systemd else schedule.cron_remove(crontab_file)
    except schedule.ScheduleError as err:
        fail(str(err), 1)
    typer.echo("\n".join(f"removed: {item}" for item in removed) or "nothing to remove")
    if systemd and removed:
        typer.echo(schedule.AFTER_SYSTEMD_REMOVE)


def main() -> None:
    app()
