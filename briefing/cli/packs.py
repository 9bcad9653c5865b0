"""Commands that make files: the briefing pack, and articles fetched from news sites."""

from __future__ import annotations


import typer

from briefing.console import (
    AllFlag, ConfigOption, EXIT_USAGE, FeedsArgument, FetchSinceOption, IntoFolder, JobsOption,
    LangOption, OptionalMethodOption, PackFile, PackFormatOption, Paths, PdfVariantOption,
    MinConfidenceOption, SentencesOption, SinceOption, TemplateFolder, TitleOption, exit_if, fail, failing, progress,
    report_skipped, say, value,
)
from briefing.cli import app, settings_from


@app.command(short_help="Build the briefing pack (PDF, HTML or Markdown).")
def build(paths: Paths("build") = None, output: PackFile = None, title: TitleOption = None,
        since: SinceOption = None, lang: LangOption = None, output_format: PackFormatOption = None,
        template_dir: TemplateFolder = None, method: OptionalMethodOption = None,
        sentences: SentencesOption = None, jobs: JobsOption = None, pdf_variant: PdfVariantOption = None,
        min_confidence: MinConfidenceOption = None, config: ConfigOption = None) -> None:
    """Build the briefing pack: cover, contents, executive summary, themes, targets, meetings, annex.

    Example: briefing build news/ --output reports/briefing.pdf --lang vi
    """
    from briefing.build import FormatError, OutputAmongInputs, build as build_pack, choose_format
    from briefing.pack import EmptyPackError
    from briefing.render.document import RenderError

    settings = settings_from({"title": title, "lang": value(lang), "method": value(method), "sentences": sentences,
                          "format": value(output_format), "jobs": jobs, "pdf_variant": value(pdf_variant),
                          "min_confidence": min_confidence}, config)
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

    settings = settings_from({"feeds": sources or None, "input": into}, config,
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
