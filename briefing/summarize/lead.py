"""The lead baseline: the article's first sentences."""

from __future__ import annotations

from briefing.ingest.article import Article, Sentence


def lead(article: Article, count: int) -> list[Sentence]:
    return article.sentences[:count]
