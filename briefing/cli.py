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
    EXIT_RUN_IN_PROGRESS, EXIT_USAGE, FactsFormat, JobsOption, RunSinceOption, StoreOption, UntilOption, AllFlag, FeedsArgument,
    FetchFlag, FetchSinceOption, IntoFolder, FactsFormatOption, InputFolder, KeepOption, LangOption, LengthsOption,
    LimitOption, Method, MethodOption, MethodsOption, OptionalMethodOption, OutputFile, OutputFolder, PackFile,
    PackFormatOption, Paths, PdfVariantOption, RatioOption, ReportsFolder, RunFormatOption, RougeFolder, SentencesOption, SinceOption, StateFolder, SummaryFormat,
    SummaryFormatOption, SystemdFlag, SystemdRemoveFlag, TemplateFolder, TitleOption, UnitFolder, VersionFlag,
    WeeklyOption, WordsOption,
    emit, exit_if, fail, failing, progress, report_skipped, say, value,
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

    with failing((SettingsError, EXIT_USAGE)):
        return settings(options, load_config(find_config(config)), names)


@app.command(short_help="Print a short summary of each meeting.")
def summarize(paths: Paths("summarize") = None, method: MethodOption = Method.briefing,
        sentences: SentencesOption = None, ratio: RatioOption = None, words: WordsOption = None,
        output_format: SummaryFormatOption = SummaryFormat.text, output: OutputFile = None) -> None:
    """Print a short summary of each meeting; articles that report one meeting give one summary.

    Example: briefing summarize news/ --sentences 3 --format markdown
    """
    from briefing.ingest.read import default_inputs
    from briefing.analyse import collect_meetings
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
    exit_if(problems)


@app.command(short_help="Score summarisers with ROUGE against reference summaries.")
def evaluate(folder: RougeFolder, methods: MethodsOption = None, lengths: LengthsOption = "2,3") -> None:
    """Score summarisers with ROUGE-1/2/L F1 against reference summaries.

    Example: briefing evaluate ../shared/eval/rouge --method briefing --method lead
    """
    from briefing.evaluation.summaries import evaluate as score_all
    from briefing.evaluation.summaries import parse_lengths, table
    from briefing.ingest.read import ArticleError

    with failing(((ArticleError, ValueError), 1)):
        counts = parse_lengths(lengths)
        rows = score_all(folder, [m.value for m in (methods or list(Method))], counts, progress=lambda m: say(f"scoring {m}"))
    typer.echo(table(rows), nl=False)


def _meetings(paths, state: Optional[Path] = None):
    """Every meeting of the readable articles, or of the fact store of ``state``, and the unreadable inputs."""
    from briefing.store.database import StateError
    from briefing.store.facts import NoMeetings, PathsAndStore, meetings_of

    try:
        with failing((PathsAndStore, EXIT_USAGE)), progress("reading") as step:
            meetings, problems = meetings_of(paths, state, progress=step)
    except (NoMeetings, StateError) as err:
        report_skipped(getattr(err, "problems", []))
        fail(str(err), 1)
    report_skipped(problems)
    return meetings, problems


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
    exit_if(problems)


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
    emit(tables.comparison_output(align([m.facts for m in meetings]), value(output_format), value(lang) or "vi"), output)
    exit_if(problems)


@app.command(short_help="Build the briefing pack (PDF, HTML or Markdown).")
def build(paths: Paths("build") = None, output: PackFile = None, title: TitleOption = None,
        since: SinceOption = None, lang: LangOption = None, output_format: PackFormatOption = None,
        template_dir: TemplateFolder = None, method: OptionalMethodOption = None,
        sentences: SentencesOption = None, jobs: JobsOption = None, pdf_variant: PdfVariantOption = None,
        config: ConfigOption = None) -> None:
    """Build the briefing pack: cover, contents, executive summary, themes, targets, meetings, annex.

    Example: briefing build news/ --output reports/briefing.pdf --lang vi
    """
    from briefing.build import FormatError, OutputAmongInputs, build as build_pack, choose_format
    from briefing.pack import EmptyPackError
    from briefing.render.document import RenderError

    settings = _settings({"title": title, "lang": value(lang), "method": value(method), "sentences": sentences,
                          "format": value(output_format), "jobs": jobs, "pdf_variant": value(pdf_variant)}, config)
    try:
        with failing(((FormatError, OutputAmongInputs), EXIT_USAGE), (EmptyPackError, 1)):
            fmt = choose_format(output, value(output_format) or (settings.format if output is None else None))
            with progress("building the pack") as step:
                built = build_pack(paths, settings, fmt, output, since, template_dir, step)
    except (RenderError, OSError) as err:
        fail(f"{output or 'the pack'}: cannot write ({getattr(err, 'strerror', None) or err})", 1)
    report_skipped(built.pack.skipped)
    typer.echo(str(built.path))
    exit_if(built.pack.skipped)


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

    settings = _settings({"feeds": sources or None, "input": into}, config,
                         {"feeds": "FEED_OR_URL", "input": "--into"})
    if not settings.feeds:
        fail("give feeds or article addresses, or feeds = [...] in briefing.toml")
    if settings.input is None:
        fail("give --into FOLDER, or input = \"…\" in briefing.toml")
    with failing(((FetchRecordError, OSError), 1)), progress("fetching") as step:
        collected = collect(settings.feeds, settings.input, since, settings.keywords, keep_all, progress=step)
    for line in collected.problems + collected.notes:
        say(line)
    typer.echo(collected.summary(settings.input))
    exit_if(collected.problems)


@app.command("run", short_help="The weekly job: this ISO week's pack, opening with what is new.")
def run_command(input_dir: InputFolder = None, output_dir: OutputFolder = None, state_dir: StateFolder = None,
                keep: KeepOption = None, output_format: RunFormatOption = None, lang: LangOption = None,
                since: RunSinceOption = None, until: UntilOption = None, jobs: JobsOption = None,
                pdf_variant: PdfVariantOption = None, fetch_first: FetchFlag = False, config: ConfigOption = None) -> None:
    """The weekly job: build this ISO week's pack (reports/briefing-YYYY-Www.pdf) opening with what is new.

    New articles are analysed into the fact store (the state database); the pack shows in full the
    meetings new since the last run (or those held between --since and --until), and compares them
    with every stored meeting of their places and of the nation, without reading old articles again.

    Example: briefing run --input news/ --output reports/ --keep 8
    """
    from briefing.pack import EmptyPackError
    from briefing.weekly.run import Period, RunFailed, RunInterrupted, run
    from briefing.weekly.settings import SettingsError, check_period
    from briefing.store.database import StateError
    from briefing.weekly.lock import RunInProgress

    with failing((SettingsError, EXIT_USAGE)):
        check_period(since, until)
    settings = _settings({"input": input_dir, "output": output_dir, "state": state_dir, "keep": keep,
                          "format": value(output_format), "lang": value(lang), "jobs": jobs,
                          "pdf_variant": value(pdf_variant)}, config)
    with failing((SettingsError, EXIT_USAGE), (RunInProgress, EXIT_RUN_IN_PROGRESS), (RunInterrupted, EXIT_INTERRUPTED),
                 (RunFailed, (1, "run failed, previous report kept: ")), ((EmptyPackError, StateError, OSError), 1)), \
            progress("weekly run") as step:
        outcome = run(settings, progress=step, period=Period(since, until), fetch=fetch_first)
    for line in outcome.lines(settings.input):
        say(line)
    if outcome.report:
        typer.echo(str(outcome.report))
    exit_if(outcome.skipped)


@app.command(short_help="Show recent weekly runs. Changes nothing.")
def history(limit: LimitOption = 10,
        state_dir: StateFolder = None, output_dir: ReportsFolder = None, config: ConfigOption = None) -> None:
    """Show recent runs: when, status, new/total articles, report, duration. Changes nothing.

    Example: briefing history --limit 5
    """
    from briefing.render.tables import history_table
    from briefing.store.database import StateError
    from briefing.weekly.lock import recent_runs

    settings = _settings({"state": state_dir, "output": output_dir}, config)
    with failing((StateError, 1)):
        runs, running_now = recent_runs(settings.state_folder, limit)
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
    with failing((schedule.ScheduleError, 1)):
        installed = schedule.install(schedule.parse_weekly(*weekly), schedule.job_command(settings, config),
                                     systemd, dry_run, crontab_file, unit_dir, schedule.run_log(settings))
    typer.echo(installed)


@schedule_app.command("list", short_help="List briefing's scheduled runs.")
def schedule_list(crontab_file: CrontabFile = None, unit_dir: UnitFolder = None) -> None:
    """List briefing's scheduled runs (crontab entries and systemd units), nothing else.

    Example: briefing schedule list
    """
    from briefing.weekly import schedule

    with failing((schedule.ScheduleError, 1)):
        typer.echo(schedule.listing(crontab_file, unit_dir), nl=False)


@schedule_app.command("remove", short_help="Remove briefing's scheduled runs, nothing else.")
def schedule_remove(crontab_file: CrontabFile = None, unit_dir: UnitFolder = None,
        systemd: SystemdRemoveFlag = False) -> None:
    """Remove briefing's scheduled runs and leave every other entry alone.

    Example: briefing schedule remove
    """
    from briefing.weekly import schedule

    with failing((schedule.ScheduleError, 1)):
        removed = schedule.systemd_remove(unit_dir) if systemd else schedule.cron_remove(crontab_file)
    typer.echo("\n".join(f"removed: {item}" for item in removed) or "nothing to remove")
    if systemd and removed:
        typer.echo(schedule.AFTER_SYSTEMD_REMOVE)


def main() -> None:
    app()
