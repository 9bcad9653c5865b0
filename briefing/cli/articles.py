"""Commands that read articles (or the fact store) and print what they say: summarize, extract,
compare, trends, and the summarisers' evaluation."""

from __future__ import annotations

import sys

import typer

from briefing.console import (
    CompareFormat, CompareFormatOption, ConfigOption, EXIT_USAGE, FactsFormat, FactsFormatOption,
    FromYearOption, LangOption, MinConfidenceOption, LengthsOption, Method, MethodOption, MethodsOption, OutputFile,
    Paths, PlacesArgument, RatioOption, RougeFolder, SentencesOption, StoreOption, SummaryFormat,
    SummaryFormatOption, TrendsInputFolder, WordsOption, emit, exit_if, fail, failing, progress,
    report_skipped, say, value,
)
from briefing.cli import app, settings_from, meetings_from


@app.command(short_help="Print a short summary of each meeting.")
def summarize(paths: Paths("summarize") = None, method: MethodOption = Method.briefing,
        sentences: SentencesOption = None, ratio: RatioOption = None, words: WordsOption = None,
        output_format: SummaryFormatOption = SummaryFormat.text, output: OutputFile = None) -> None:
    """Print a short summary of each meeting; articles that report one meeting give one summary.

    Example: briefing summarize news/ --sentences 3 --format markdown
    """
    from briefing.ingest.read import default_inputs
    from briefing.store.facts import collect_meetings
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


@app.command(short_help="Extract each meeting's date, level, place, themes and figures.")
def extract(paths: Paths("extract") = None, output_format: FactsFormatOption = FactsFormat.json,
        output: OutputFile = None, lang: LangOption = None, state: StoreOption = None) -> None:
    """Extract each meeting's date, level, place, officials, themes, mottos and figures.

    Example: briefing extract news/ --format json
    """
    from briefing.render import tables

    meetings, problems = meetings_from(paths, state)
    lang = value(lang) or "vi"
    emit(tables.facts_json(meetings, lang) if output_format == FactsFormat.json else tables.facts_table(meetings, lang), output)
    exit_if(problems)


@app.command(short_help="Align themes by year and figures by indicator, place and year.")
def compare(paths: Paths("compare") = None, output_format: CompareFormatOption = CompareFormat.table,
        output: OutputFile = None, lang: LangOption = None, state: StoreOption = None,
        min_confidence: MinConfidenceOption = None, config: ConfigOption = None) -> None:
    """Align themes by year and figures by indicator, place and year, with flags.

    Each flag names the two facts it compares and their articles: a result that met, missed or beat
    its target (by the target's wording and whether higher or lower is better), a target more or less
    ambitious than last year's result, two articles' results that conflict, or a doubtful value.
    In JSON each flag also has a machine kind: met, missed, beaten, less_ambitious, more_ambitious,
    conflict or doubtful.

    Example: briefing compare news/ --format markdown
    """
    from briefing.compare import compare as align
    from briefing.extract.confidence import shown_from
    from briefing.render import tables

    settings = settings_from({"min_confidence": min_confidence, "lang": value(lang)}, config)
    meetings, problems = meetings_from(paths, state)
    comparison = align([m.facts for m in meetings], shown_from(settings.min_confidence))
    emit(tables.comparison_output(comparison, value(output_format), settings.lang), output)
    exit_if(problems)


@app.command(short_help="Each place's targets, results and themes across the years.")
def trends(places: PlacesArgument = None, state: StoreOption = None, input_dir: TrendsInputFolder = None,
        since_year: FromYearOption = None, output_format: CompareFormatOption = CompareFormat.table,
        output: OutputFile = None, lang: LangOption = None, min_confidence: MinConfidenceOption = None,
        config: ConfigOption = None) -> None:
    """For each place with figures or themes in two years or more: growth, budget revenue, income per
    head, exports (and the nation's CPI), target and result by year, each year marked met or missed
    against its own target and citing its articles; then the place's themes by year.

    Reads the fact store of --state (every article the weekly runs have seen), else the articles of --input.

    Example: briefing trends "Hà Tĩnh" --state .briefing --from 2019
    """
    from briefing.compare import compare as align
    from briefing.extract.confidence import shown_from
    from briefing.render.trend_tables import trends_output
    from briefing.trends import UnknownPlace, places_named, trends as find_trends

    if state and input_dir:
        fail("give --input or --state, not both")
    with failing((UnknownPlace, EXIT_USAGE)):
        chosen = places_named(places) if places else None
    settings = settings_from({"input": input_dir, "lang": value(lang), "min_confidence": min_confidence}, config)
    meetings, problems = meetings_from(None if state else [str(settings.input_folder)], state)
    found = find_trends(align([m.facts for m in meetings], shown_from(settings.min_confidence)), chosen, since_year)
    emit(trends_output(found, value(output_format), settings.lang), output)
    exit_if(problems)
