"""One article's summary: the sentences chosen, and what the reader needs beside them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import zip_longest

from briefing.ingest.article import Article
from briefing.summarize import DEFAULT_METHOD, NO_DECISIONS, Decisions, summarize
from briefing.summarize.brief import DROPPED_MARK
from briefing.text.normalize import match_form
from briefing.text.similarity import near_duplicate


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
    sources: list[str] = field(default_factory=list)  # every article of the meeting, once merged
    url: str | None = None  # a fetched or saved page's address and outlet
    outlet: str | None = None

    @property
    def articles(self) -> list[str]:
        return self.sources or [self.source]

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "sources": self.articles,
            "title": self.title,
            "date": self.date,
            "method": self.method,
            "summary": self.summary,
            "sha256": self.sha256,
            "sentences_in_article": self.sentences_in_article,
            "url": self.url,
            "outlet": self.outlet,
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
        url=article.url,
        outlet=article.outlet,
    )


def merge_summaries(summaries: list[Summary], words: int | None = None,
                    disputed: Iterable[str] = ()) -> Summary:
    """One summary of a meeting several articles report, as long as the longest of theirs (or
    ``words`` long): the first article's opening sentence, then each article's next sentence in
    turn, so every report is drawn on; a sentence two outlets share (near-duplicates) is shown once,
    and a ``disputed`` sentence (one giving a figure other reports contradict) not at all.
    The first summary is the fullest report's (see meetings.fullest_first)."""
    first = summaries[0]
    count = max(len(s.summary) for s in summaries)
    turns = zip_longest(*(s.summary[1:] for s in summaries))
    candidates = first.summary[:1] + [text for turn in turns for text in turn if text] + [
        s.summary[0] for s in summaries[1:] if s.summary]  # other openings last: they say what the first said
    chosen: list[str] = []
    for text in candidates:
        if len(chosen) >= count or (words is not None and chosen and _words(chosen + [text]) > words):
            break
        if _is_disputed(text, disputed):
            continue
        if not any(near_duplicate(match_form(text), match_form(other)) for other in chosen):
            chosen.append(text)
    return replace(first, summary=chosen, sources=[s.source for s in summaries],
                   sentences_in_article=sum(s.sentences_in_article for s in summaries))


def _is_disputed(text: str, disputed: Iterable[str]) -> bool:
    """Whether a summary sentence is one of ``disputed``, shown whole or without its connective."""
    shown = text.removeprefix(DROPPED_MARK)
    return any(sentence.endswith(shown) for sentence in disputed)


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)
