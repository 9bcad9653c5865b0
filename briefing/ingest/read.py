"""Read articles from files, folders and standard input into the document model."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing import bundled_seeds
from briefing.ingest import cleaning
from briefing.ingest.decode import DecodeError, decode
from briefing.ingest.files import InputError, read_input, read_stdin, shown
from briefing.ingest.article import Article, Paragraph, SetAside, Sentence
from briefing.ingest.header import published_day, split_header, web_address
from briefing.ingest.html import WebArticle, looks_like_html, main_text
from briefing.text.sentences import split_spans

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
TITLE_FALLBACK_CHARS = 120


@dataclass
class IngestError:
    """A file that could not be read as an article, and why (one line)."""

    source: str
    problem: str

    def __post_init__(self) -> None:
        self.source = shown(self.source)

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"


def default_inputs() -> list[str]:
    """The bundled sample articles, wherever the command is run from."""
    return [str(bundled_seeds())]


def find_sources(paths: Iterable[str]) -> Iterator[str | IngestError]:
    """Every article file under ``paths``: files as given, folders recursively and sorted.

    Names are only listed here; each is checked to be a regular file when read.
    """
    for given in paths:
        if given == "-" or not Path(given).is_dir():
            yield given
        else:
            yield from _walk(Path(given))


def _walk(folder: Path) -> Iterator[str | IngestError]:
    found = False
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        yield from _folders_skipped(unreadable)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                found = True
                yield os.path.join(root, name)
    yield from _folders_skipped(unreadable)
    if not found:
        yield IngestError(str(folder), "folder holds no article files (.txt, .md, .html)")


def _folders_skipped(errors: list[OSError]) -> Iterator[IngestError]:
    while errors:
        err = errors.pop(0)
        yield IngestError(err.filename, f"folder skipped: {(err.strerror or str(err)).lower()}")


@dataclass
class Input:
    """One input's bytes, read through the gate but not yet parsed."""

    source: str  # the name to show (undecodable bytes escaped)
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def article(self) -> Article:
        """Parse the bytes; raise ArticleError with the reason."""
        return article_from_bytes(self.source, self.data)


def read_inputs(paths: Iterable[str]) -> Iterator[Input | IngestError]:
    """The one loop over inputs: each file under ``paths`` read, in order, or the reason it was not."""
    return _each(find_sources(paths), lambda source: Input(shown(source), read_bytes(source)))


def load(paths: Iterable[str]) -> Iterator[Article | IngestError]:
    """Articles from ``paths`` in order; unreadable ones come back as IngestError."""
    return _each(read_inputs(paths), Input.article)


def _each(items: Iterable, step) -> Iterator:
    """``step`` applied to each item; errors passed through, an ArticleError turned into one."""
    for item in items:
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            yield step(item)
        except ArticleError as err:
            yield IngestError(item.source if isinstance(item, Input) else item, str(err))


class ArticleError(ValueError):
    """Why a file is not a usable article."""


def read_article(source: str) -> Article:
    return article_from_bytes(source, read_bytes(source))


def article_from_bytes(source: str, data: bytes) -> Article:
    if not data.strip():
        raise ArticleError("empty file")
    try:
        text = decode(data)
    except DecodeError as err:
        raise ArticleError(str(err)) from None
    fields, text = split_header(text)
    if looks_like_html(text):
        page = web_page(text, fields.get("url"))
        fields = {**_page_fields(page), **fields}
        text = article_text(page)
    article = parse(text, shown(source))
    article.sha256 = hashlib.sha256(data).hexdigest()
    article.url, article.outlet = web_address(fields.get("url")), fields.get("outlet")
    article.published = published_day(fields)
    article.dateline = article.dateline or article.published
    return article


def web_page(text: str, url: str | None = None) -> WebArticle:
    """The article a web page carries; ArticleError when it has none."""
    page = main_text(text, url)
    if page is None:
        raise ArticleError("a web page with no article text")
    return page


def article_text(page: WebArticle) -> str:
    """A page's article as an article file's text: title, blank line, paragraphs."""
    return "\n\n".join(([page.title] if page.title else []) + page.paragraphs) + "\n"


def _page_fields(page: WebArticle) -> dict[str, str]:
    return {k: v for k, v in (("url", page.url), ("outlet", page.outlet), ("published", page.date)) if v}


def read_bytes(source: str) -> bytes:
    """The bytes of one input through the file gate: regular files only, bounded."""
    try:
        return read_stdin() if source == "-" else read_input(source)
    except InputError as err:
        raise ArticleError(str(err)) from None


def parse(text: str, source: str = "-") -> Article:
    """Build an Article from clean NFC text."""
    lines = cleaning.classify(cleaning.split_lines(text))
    set_aside = [SetAside(ln.kind, ln.text, ln.start) for ln in lines if ln.kind not in ("prose", "heading", "title")]
    paragraphs: list[Paragraph] = []
    for ln in lines:
        if ln.kind in ("prose", "heading"):
            para = _paragraph(text, ln, len(paragraphs), first=not paragraphs, set_aside=set_aside)
            if para.sentences:
                paragraphs.append(para)
    _drop_trailing_byline(paragraphs, set_aside)
    if not any(not p.heading for p in paragraphs):
        if not lines:
            raise ArticleError("empty file")
        raise ArticleError("no article text (only a title, captions, bylines or header lines)")
    headline = " ".join(ln.text for ln in lines if ln.kind == "title")
    return Article(
        source=source,
        text=text,
        title=headline or _fallback_title(paragraphs),
        headline=bool(headline),
        paragraphs=paragraphs,
        set_aside=sorted(set_aside, key=lambda s: s.start),
        header_month=_header_month(lines),
        dateline=_dateline(lines),
    )


def _paragraph(text: str, ln: cleaning.Line, index: int, first: bool, set_aside: list[SetAside]) -> Paragraph:
    start, end = ln.start, ln.start + len(ln.text)
    if first and ln.kind == "prose":
        cut = cleaning.strip_source_prefix(ln.text)
        if cut:
            set_aside.append(SetAside("dateline", text[start : start + cut].strip(), start))
            start += cut
    spans = split_spans(text, start, end)
    keep = []
    for i, (a, b) in enumerate(spans):
        if cleaning.is_credit_sentence(text[a:b]):
            set_aside.append(SetAside("caption", text[a:b], a))
            if keep and keep[-1] == spans[i - 1] and len(text[spans[i - 1][0] : spans[i - 1][1]].split()) <= 25:
                dropped = keep.pop()
                set_aside.append(SetAside("caption", text[dropped[0] : dropped[1]], dropped[0]))
            continue
        keep.append((a, b))
    sentences = tuple(Sentence(text[a:b], a, b, index) for a, b in keep)
    return Paragraph(sentences, heading=ln.kind == "heading")


def _drop_trailing_byline(paragraphs: list[Paragraph], set_aside: list[SetAside]) -> None:
    """"… thiết bị từ xa. Thúy Nga - (laptopmag)": a name after the last full stop is a byline."""
    body = [p for p in paragraphs if not p.heading]
    if not body or len(body[-1].sentences) < 2:
        return
    last = body[-1].sentences[-1]
    if last.text[-1] not in cleaning.TERMINAL and cleaning.is_name_like(last.text):
        set_aside.append(SetAside("byline", last.text, last.start))
        index = paragraphs.index(body[-1])
        paragraphs[index] = Paragraph(body[-1].sentences[:-1], heading=False)


def _fallback_title(paragraphs: list[Paragraph]) -> str:
    first = next(p for p in paragraphs if not p.heading).sentences[0].text
    if len(first) <= TITLE_FALLBACK_CHARS:
        return first
    return first[:TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _header_month(lines: list[cleaning.Line]) -> str | None:
    for ln in lines:
        if ln.kind == "header":
            m = cleaning.HEADER.match(ln.text)
            return f"{m.group(1)}-{m.group(2)}"
    return None


def _dateline(lines: list[cleaning.Line]) -> str | None:
    for ln in lines:
        if ln.kind == "dateline":
            day, month, year = cleaning.DATELINE.match(ln.text).groups()
            return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    return None
