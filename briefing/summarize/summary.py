"""From paths to per-meeting summaries: ingest, then summarise each article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from briefing.extract.dates import meeting_date
from briefing.ingest.article import Article
from briefing.ingest.read import IngestError, load
from briefing.summarize import DEFAULT_METHOD, summarize


@dataclass
class MeetingSummary:
    source: str
    title: str
    date: str | None
    method: str
    summary: list[str]
    sha256: str = ""
    sentences_in_article: int = 0
    set_aside: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "title": self.title,
            "date": self.date,
            "method": self.method,
            "summary": self.summary,
            "sha256": self.sha256,
            "sentences_in_article": self.sentences_in_article,
        }


def summarize_article(
    article: Article, method: str = DEFAULT_METHOD, sentences: int | None = None, ratio: float | None = None
) -> MeetingSummary:
    chosen = summarize(article, method, sentences=sentences, ratio=ratio)
    counts: dict[str, int] = {}
    for piece in article.set_aside:
        counts[piece.kind] = counts.get(piece.kind, 0) + 1
    return MeetingSummary(
        source=article.source,
        title=article.title,
        date=meeting_date(article),
        method=method,
        summary=[s.text for s in chosen],
        sha256=article.sha256,
        sentences_in_article=len(article.sentences),
        set_aside=counts,
    )


def summarize_paths(
    paths: Iterable[str], method: str = DEFAULT_METHOD, sentences: int | None = None, ratio: float | None = None
) -> Iterator[MeetingSummary | IngestError]:
    """One MeetingSummary per readable article, an IngestError per unreadable input, in order."""
    for item in load(paths):
        if isinstance(item, IngestError):
            yield item
        else:
            yield summarize_article(item, method, sentences, ratio)
