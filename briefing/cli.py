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

from . import __version__

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
    from . import formats
    from .ingest import IngestError, default_inputs
    from .pipeline import summarize_paths

    if sentences is not None and ratio is not None:
        _fail("use --sentences or --ratio, not both")
    output_format = output_format.value
    color = output is None and output_format == "text" and sys.stdout.isatty()
    meetings, problems = [], 0
    for item in summarize_paths(paths or default_inputs(), method.value, sentences, ratio):
        if isinstance(item, IngestError):
            problems += 1
            _report(item)
        elif output is None and output_format == "text":
            typer.echo(("\n" if meetings else "") + formats.text_block(item, color), nl=False)
            meetings.append(None)
        else:
            meetings.append(item)
    if output is not None or output_format != "text":
        rendered = formats.FORMATS[output_format](meetings)
        _emit(rendered, output)
    if not meetings:
        _fail("no article could be read", 1)
    if problems:
        raise typer.Exit(1)


def _emit(text: str, output: Optional[Path]) -> None:
    from .files import write_atomic

    if output is None:
        typer.echo(text, nl=False)
    else:
        try:
            write_atomic(output, text)
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
    from .evaluate import evaluate as run_evaluation
    from .evaluate import table
    from .ingest import ArticleError

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
    from .extract import extract_paths
    from .ingest import IngestError, default_inputs

    facts, problems = [], 0
    for item in extract_paths(paths or default_inputs()):
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
    from . import fact_tables

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
    from . import fact_tables
    from .compare import compare as run_compare

    facts, problems = _read_facts(paths)
    comparison = run_compare(facts)
    if output_format == CompareFormat.json:
        text = fact_tables.comparison_json(comparison)
    else:
        text = fact_tables.comparison_table(comparison, markdown=output_format == CompareFormat.markdown)
    _emit(text, output)
    if problems:
        raise typer.Exit(1)


def main() -> None:
    app()
