"""The document model every stage shares: article → paragraphs → sentences."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from briefing.text.normalize import match_form


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # character offsets into Article.text
    end: int
    paragraph: int  # index of the paragraph in Article.paragraphs

    @cached_property
    def key(self) -> str:
        """Matching form: lower case, one tone-mark style."""
        return match_form(self.text)


@dataclass(frozen=True)
class Paragraph:
    sentences: tuple[Sentence, ...]
    heading: bool = False  # a sub-heading: kept for structure, never summarised

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class SetAside:
    """A piece of the original text that is not article prose."""

    kind: str  # "header", "caption", "dateline", "byline"
    text: str
    start: int


@dataclass
class Article:
    source: str  # the path as the user gave it ("-" for standard input)
    text: str  # the decoded, NFC-normalised text all offsets refer to
    title: str  # its headline; for an article without one, its first sentence cut short
    paragraphs: list[Paragraph]
    set_aside: list[SetAside] = field(default_factory=list)
    header_month: str | None = None  # "YYYY-MM" from a "date YYYY-MM" header line
    dateline: str | None = None  # "YYYY-MM-DD" from a "Chủ nhật, 24/01/2021" line, or the page's date
    sha256: str = ""
    url: str | None = None  # where a fetched or saved page came from (header.py, html.py)
    outlet: str | None = None
    published: str | None = None  # "YYYY-MM-DD", the page's publication date
    headline: bool = True  # False: ``title`` is only the first sentence, cut short

    @property
    def sentences(self) -> list[Sentence]:
        """Body sentences in document order (headings excluded)."""
        return [s for p in self.paragraphs if not p.heading for s in p.sentences]

    @property
    def date(self) -> str | None:
        """The best-known date as YYYY-MM-DD, or None."""
        return self.dateline
