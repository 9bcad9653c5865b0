"""What the command line shares: option types, messages, the progress bar.

Only ``cli.py`` imports this module. Each option is declared once here, with
its help and an example, and reused by every command that takes it (as
sqlite-utils shares its option decorators). Heavy libraries are not imported
here, so ``briefing --help`` starts fast.
"""

from __future__ import annotations

import sys
import types
import typing
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperArgument

from briefing import __version__
from briefing.render.visible import visible, visible_output
from briefing.summarize import DEFAULT_SENTENCES, METHODS
from briefing.render import PDF_VARIANTS
from briefing.weekly.settings import FORMAT_ALIASES, LANGUAGES, PACK_FORMATS, format_name

EXIT_USAGE = 2
EXIT_RUN_IN_PROGRESS = 3
EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C

# typer prints an argument's Python type after its name ("PATH <list[str]>"), which tells a
# user nothing that the name and help do not; show the name alone.
# Its usage line also writes a required argument as {FOLDER}; the convention is FOLDER.
TyperArgument.display_type_rich = lambda self, ctx: None
TyperArgument._usage_display_name = lambda self: (
    (self.display_name_raw if self.required else f"[{self.display_name_raw}]") + ("..." if self.nargs != 1 else ""))

Method = Enum("Method", {name: name for name in METHODS}, type=str)
def _with_aliases(name: str, formats) -> Enum:
    """A format choice that also takes each format's other names (FORMAT_ALIASES): md or markdown."""
    names = list(formats) + [alias for alias, canonical in FORMAT_ALIASES.items() if canonical in formats]
    return Enum(name, {n: n for n in names}, type=str)


PackFormat = _with_aliases("PackFormat", PACK_FORMATS)
Language = Enum("Language", {name: name for name in LANGUAGES}, type=str)
PdfVariant = Enum("PdfVariant", {name: name for name in PDF_VARIANTS}, type=str)


SummaryFormat = _with_aliases("SummaryFormat", ("text", "md", "json"))
FactsFormat = _with_aliases("FactsFormat", ("json", "table"))
CompareFormat = _with_aliases("CompareFormat", ("table", "md", "json"))


def _paths_help(command: str) -> str:
    return ("Article files (.txt, .md, .html) or folders, read recursively; '-' reads standard input. "
            f"Default: the bundled seeds. Example: briefing {command} news/ extra/article.txt")


def Paths(command: str):  # noqa: N802 - an option type, named like one
    return argument(Optional[list[str]], "PATH", _paths_help(command))


def option(kind, flags: str, metavar: str, help: str, **checks):
    """An option type: its flags, the word shown for its value, its help (with an example)."""
    checks = _plainly_checked(kind, checks)
    return Annotated[kind, typer.Option(*flags.split(), metavar=metavar, show_default=False, help=help, **checks)]


def flag(flags: str, help: str):
    return Annotated[bool, typer.Option(*flags.split(), help=help)]


def argument(kind, metavar: str, help: str, **checks):
    checks = _plainly_checked(kind, checks)
    return Annotated[kind, typer.Argument(metavar=metavar, show_default=False, help=help, **checks)]


# Checked values --------------------------------------------------------------------------------
# typer checks numbers, ranges and choices with pydantic, whose messages read "Input should be
# greater than or equal to 1" or "Value error, 'x' is not one of …". Each number and choice is
# parsed here instead, and a wrong one is said as briefing.toml's are: "must be from 1 to 50, not 0".

def _plainly_checked(kind, checks: dict) -> dict:
    """``checks`` with a parser in place of typer's min/max (for a number) or choice check (an Enum)."""
    base = _base_type(kind)
    if checks.pop("iso_date", False):
        return {**checks, "parser": _iso_date}
    if base in (int, float):
        low, high = checks.pop("min", None), checks.pop("max", None)
        return {**checks, "parser": _number(base, low, high)}
    if isinstance(base, type) and issubclass(base, Enum):
        return {**checks, "parser": _choice(base)}
    return checks


def _base_type(kind):
    """int for Optional[int], Method for Optional[list[Method]], and so on."""
    while typing.get_origin(kind) in (typing.Union, types.UnionType, list):
        kind = next(arg for arg in typing.get_args(kind) if arg is not type(None))
    return kind


def _number(kind: type, low: float | None, high: float | None):
    word = "a whole number" if kind is int else "a number"
    bounds = [f"at least {low:g}"] if low is not None else []
    bounds += [f"at most {high:g}"] if high is not None else []
    span = f"from {low:g} to {high:g}" if len(bounds) == 2 else " and ".join(bounds)

    def parse(text):
        if isinstance(text, kind) and not isinstance(text, bool):
            number = text
        else:
            try:
                number = kind(str(text).strip())
            except ValueError:
                raise typer.BadParameter(f"must be {word}{' ' + span if span else ''}, not {str(text)!r}") from None
        if number != number or (low is not None and number < low) or (high is not None and number > high):
            raise typer.BadParameter(f"must be {span or word}, not {number:g}")
        return number

    return parse


def _iso_date(text: str) -> str:
    """A day written YYYY-MM-DD ("2024-01-05"), checked once for every command that takes one."""
    from briefing.weekly.settings import is_iso_date

    if not is_iso_date(str(text)):
        raise typer.BadParameter(f"must be a date such as 2024-01-01, not {str(text)!r}")
    return str(text)


def _choice(kind: type[Enum]):
    def parse(text):
        if isinstance(text, kind):
            return text
        try:
            return kind(text)
        except ValueError:
            choices = ", ".join(repr(member.value) for member in kind)
            raise typer.BadParameter(f"{str(text)!r} is not one of {choices}") from None

    return parse


OutputFile = option(Optional[Path], "--output -o", "FILE",
    "Write to this file (atomically) instead of standard output (the default). Example: --output reports/out.json", dir_okay=False)
MethodOption = option(Method, "--method -m", "NAME",
    f"Summariser: {', '.join(METHODS)} (default briefing). Example: --method lexrank")
SentencesOption = option(Optional[int], "--sentences -n", "N",
    f"Sentences per summary, 1-50 (default {DEFAULT_SENTENCES}). Example: --sentences 2", min=1, max=50)
MinConfidenceOption = option(Optional[int], "--min-confidence", "PERCENT",
    "Confidence a figure needs to stand in the tables, flags and charts, 0-100 (default: the threshold shipped"
    " with the confidence model, chosen for a precision of 0.90 on annotated articles; see README). Figures below"
    " it are left out: build and run list them in the annex, compare counts them. Example: --min-confidence 0"
    " (every figure)")  # checked by the settings' table, as briefing.toml's min_confidence
LangOption = option(Optional[Language], "--lang", "vi|en",
    "Language of labels and headings; article text stays Vietnamese (default vi). Example: --lang en")
PackFormatOption = option(Optional[PackFormat], "--format -f", "pdf|html|md",
    "pdf, one self-contained html file, or md (or markdown) (default: from --output's extension, else pdf)."
    " Example: --format html")
ConfigOption = option(Optional[Path], "--config", "FILE",
    "Settings file instead of ./briefing.toml or ~/.config/briefing/briefing.toml."
    " Example: --config ~/briefing.toml", dir_okay=False)
InputFolder = option(Optional[Path], "--input -i", "FOLDER",
    "Folder of articles (default: briefing.toml's input, else the bundled seeds). Example: --input news/")
OutputFolder = option(Optional[Path], "--output -o", "FOLDER",
    "Folder for the weekly reports (default reports/); not inside the input folder. Example: --output reports/")
ReportsFolder = option(Optional[Path], "--output -o", "FOLDER",
    "The weekly reports' folder, whose runs to show: their state is .briefing/ beside it unless --state says"
    " otherwise (default reports/). Example: --output reports/")
PdfVariantOption = option(Optional[PdfVariant], "--pdf-variant", "KIND",
    f"Kind of PDF: {', '.join(PDF_VARIANTS)} (default {PDF_VARIANTS[0]}: archival PDF/A and tagged for screen"
    " readers at once; pdf/ua-1 tagged only, pdf/a-3b archival only). Example: --pdf-variant pdf/ua-1")
RunFormatOption = option(Optional[PackFormat], "--format -f", "pdf|html|md",
    "Format of the weekly pack: pdf, one self-contained html file, or md (or markdown)"
    " (default: briefing.toml's format, else pdf). Example: --format html")
StateFolder = option(Optional[Path], "--state", "FOLDER",
    "Folder of the state database and run lock (default .briefing/ beside the output). Example: --state ~/.briefing")
KeepOption = option(Optional[int], "--keep", "N",
    "After a successful run keep only the newest N weeks of reports of this format (1-1000). Example: --keep 8")
CrontabFile = option(Optional[Path], "--crontab-file", "FILE",
    "Use this file instead of the user's crontab (for tests and dry setups)."
    " Example: --crontab-file /tmp/crontab", dir_okay=False)
UnitFolder = option(Optional[Path], "--unit-dir", "FOLDER",
    "Folder of systemd user units (default ~/.config/systemd/user). Example: --unit-dir /tmp/units", file_okay=False)
RatioOption = option(Optional[float], "--ratio -r", "SHARE",
    "Summary length as a share of the article's sentences, 0.01-1, instead of --sentences."
    " Example: --ratio 0.1", min=0.01, max=1.0)
WordsOption = option(Optional[int], "--words -w", "N",
    "Summary length as a word budget, 5-5000, instead of --sentences: as many of the summary's sentences"
    " as fit, and always its first. Example: --words 60", min=5, max=5000)
SummaryFormatOption = option(SummaryFormat, "--format -f", "text|md|json",
    "Output format, md or markdown alike (default text). Example: --format json")
RougeFolder = argument(Path, "FOLDER",
    "Folder of ID.article.txt / ID.summary.txt pairs. Example: briefing evaluate ../shared/eval/rouge",
    exists=True, file_okay=False)
MethodsOption = option(Optional[list[Method]], "--method -m", "NAME",
    "Method to score; repeat for several (default: all). Example: -m briefing -m lexrank")
LengthsOption = option(str, "--sentences -n", "N,N",
    "Comma-separated summary lengths in sentences (default 2,3). Example: --sentences 1,2,3")
FactsFormatOption = option(FactsFormat, "--format -f", "json|table", "Output format (default json). Example: --format table")
CompareFormatOption = option(CompareFormat, "--format -f", "table|md|json",
    "Output format, md or markdown alike (default table). Example: --format md")
PackFile = option(Optional[Path], "--output -o", "FILE",
    "Where to write the pack (default reports/briefing-YYYY-MM-DD.pdf); its extension sets the format."
    " Example: --output reports/week.pdf", dir_okay=False)
TitleOption = option(Optional[str], "--title", "TEXT",
    "Title on the cover and in every page header. Example: --title \"Bản tin tuần 47\"")
SinceOption = option(Optional[str], "--since", "YYYY-MM-DD",
    "Only meetings held on or after this date. Example: --since 2024-01-01", iso_date=True)
StoreOption = option(Optional[Path], "--state", "FOLDER",
    "Read the fact store of this state folder (every article the weekly runs have seen) instead of"
    " articles. Example: --state .briefing", exists=True, file_okay=False)
FetchFlag = flag("--fetch", "First collect the feeds of briefing.toml into the input folder (as briefing fetch)."
                 " Example: briefing run --fetch")
AllFlag = flag("--all", "Keep every article, not only those with a year theme, motto, target or result."
               " Example: briefing fetch FEED --all")
IntoFolder = option(Optional[Path], "--into", "FOLDER",
    "Folder the articles are written to (default: briefing.toml's input). Example: --into news/", file_okay=False)
FeedsArgument = argument(Optional[list[str]], "FEED_OR_URL",
    "RSS or Atom feeds, or article pages (default: briefing.toml's feeds)."
    " Example: briefing fetch https://baochinhphu.vn/rss/home.rss")
FetchSinceOption = option(Optional[str], "--since", "YYYY-MM-DD",
    "Skip feed items published before this date. Example: --since 2024-01-01", iso_date=True)
UntilOption = option(Optional[str], "--until", "YYYY-MM-DD",
    "Only meetings held on or before this date. Example: --until 2024-01-31", iso_date=True)
RunSinceOption = option(Optional[str], "--since", "YYYY-MM-DD",
    "Show in full the meetings held on or after this date (default: those new since the last run)."
    " Example: --since 2024-01-01", iso_date=True)
PlacesArgument = argument(Optional[list[str]], "PLACE",
    "Provinces or cities, with or without tone marks, or 'cả nước' for the nation (default: every place"
    " with two years or more). Example: briefing trends \"Hà Tĩnh\" \"ha noi\"")
FromYearOption = option(Optional[int], "--from", "YEAR",
    "Only the years from this one on, 1945-2100. Example: --from 2019", min=1945, max=2100)
TrendsInputFolder = option(Optional[Path], "--input", "FOLDER",
    "Folder of articles to read when no --state is given (default: briefing.toml's input, else the bundled"
    " seeds). Example: --input news/", file_okay=False)
JobsOption = option(Optional[int], "--jobs -j", "N",
    "Processes analysing new articles, 1-256 (default: every core). Example: --jobs 2")
TemplateFolder = option(Optional[Path], "--template-dir", "FOLDER",
    "Your own pack.html.j2, pack.md.j2, pack.css, screen.css or fonts/; missing ones come from the bundled templates."
    " Example: --template-dir mine/", exists=True, file_okay=False)
OptionalMethodOption = option(Optional[Method], "--method -m", "NAME",
    f"Summariser for each meeting: {', '.join(METHODS)} (default briefing). Example: --method lexrank")
LimitOption = option(int, "--limit -n", "N", "How many recent runs to show, 1-1000. Example: --limit 20", min=1, max=1000)
WeeklyOption = option(tuple[str, str], "--weekly", "DAY HH:MM",
    "Day (mon … sun) and time. Example: --weekly mon 07:00")
SystemdFlag = flag("--systemd",
    "A systemd user .service + .timer (Persistent=true) instead of a crontab line. Example: --systemd")
DryRunFlag = flag("--dry-run", "Print what would be installed, change nothing. Example: --dry-run")
SystemdRemoveFlag = flag("--systemd", "Remove the systemd units instead of crontab entries. Example: --systemd")


def _print_version(wanted: bool) -> None:
    if wanted:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


VersionFlag = Annotated[bool, typer.Option(
    "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    " Example: briefing --version")]


def value(option: Enum | None) -> str | None:
    """An option's value; a format by its one name ("markdown" is "md")."""
    return format_name(option.value) if option is not None else None


def fail(message: str, code: int = EXIT_USAGE) -> None:
    say(message)
    raise typer.Exit(code)


@contextmanager
def failing(*ways):
    """Each exception of a kind in ``ways`` (pairs of exception kinds and an exit code, or of kinds
    and (code, the words put before its message)) ends the command with its one line and code."""
    try:
        yield
    except typer.Exit:
        raise
    except Exception as err:
        for kinds, how in ways:
            if isinstance(err, kinds):
                code, before = how if isinstance(how, tuple) else (how, "")
                fail(before + str(err), code)
        raise


def say(message: str) -> None:
    r"""A note for the user, on standard error so that standard output stays the result: one line,
    whatever file name or title it quotes (control characters are written out, ``\x1b``, ``\n``)."""
    typer.echo(f"briefing: {visible(message)}", err=True)


def exit_if(problems) -> None:
    """End with exit code 1 when some input failed (the rest was done and printed)."""
    if problems:
        raise typer.Exit(1)


def report_skipped(problems) -> None:
    for problem in problems:
        say(f"skipped {problem}")


def emit(text: str, output: Optional[Path]) -> None:
    """Print ``text``, or write it to ``output`` through the output gate."""
    from briefing.output import write_output

    text = visible_output(text)  # the renderers show article text escaped; this is the last guard
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        write_output(output, text)
    except OSError as err:
        fail(f"{output}: cannot write ({err.strerror or err})", 1)
    say(f"wrote {output}")


@contextmanager
def progress(label: str):
    """A progress display on a terminal (stderr); nothing when output is piped."""
    if not sys.stderr.isatty():
        yield lambda done, total, item: None
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    def shown(item) -> str:  # a file name: its control characters written out, "[…]" not read as markup
        return escape(visible(item))

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)
        yield lambda done, total, item: bar.update(task, completed=done, total=total, description=shown(item))
