"""One article's summary: the sentences chosen, and what the reader needs beside them."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.ingest.article import Article
from briefing.summarize import DEFAULT_METHOD, NO_DECISIONS, Decisions, summarize


@dataclass
class Summary:
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
    article: Article, method: str = DEFAULT_METHOD, sentences: int | None = None, ratio: float | None = None,
    date: str | None = None, decisions: Decisions = NO_DECISIONS, words: int | None = None,
) -> Summary:
    """The summary of ``article``; ``date`` is the meeting's, as extraction found it, and
    ``decisions`` the sentences its reported themes and figures came from (ArticleFacts.decisions)."""
    chosen = summarize(article, method, sentences=sentences, ratio=ratio, decisions=decisions, words=words)
    counts: dict[str, int] = {}
    for piece in article.set_aside:
        counts[piece.kind] = counts.get(piece.kind, 0) + 1
    return Summary(
        source=article.source,
        title=article.title,
        date=date,
        method=method,
        summary=[s.text for s in chosen],
        sha256=article.sha256,
        sentences_in_article=len(article.sentences),
        set_aside=counts,
    )
