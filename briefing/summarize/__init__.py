"""Extractive summarisers: one entry point, a registry of methods.

Every method returns sentences of the article's body (never the title, a
heading, a caption or a byline) in document order.
"""

from __future__ import annotations

import math

from briefing.ingest.article import Article, Sentence
from briefing.summarize.lead import lead
from briefing.summarize.sumy_adapter import SUMY_CLASSES, sumy_summarize

DEFAULT_METHOD = "briefing"
DEFAULT_SENTENCES = 3

METHODS = {
    "briefing": "position-weighted centrality, this project's default (see briefing/summarize/position.py)",
    "lead": "the first sentences (baseline)",
    "lexrank": "sumy LexRank: graph centrality of sentence similarity",
    "textrank": "sumy TextRank: PageRank over word overlap",
    "lsa": "sumy LSA: latent semantic analysis (SVD)",
    "luhn": "sumy Luhn: clusters of significant words",
    "sumbasic": "sumy SumBasic: word probability",
    "kl": "sumy KL-Sum: greedy KL divergence",
    "reduction": "sumy Reduction: graph of sentence overlap",
    "edmundson": "sumy Edmundson: Vietnamese cue words, title and location",
}


def sentence_count(article: Article, sentences: int | None = None, ratio: float | None = None) -> int:
    """How many sentences a summary gets: a count, or a share of the body (at least one)."""
    total = len(article.sentences)
    if ratio is not None:
        return max(1, min(total, math.ceil(total * ratio)))
    return max(1, min(total, sentences if sentences is not None else DEFAULT_SENTENCES))


def summarize(
    article: Article, method: str = DEFAULT_METHOD, sentences: int | None = None, ratio: float | None = None
) -> list[Sentence]:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    count = sentence_count(article, sentences, ratio)
    if method == "lead":
        chosen = lead(article, count)
    elif method == "briefing":
        from briefing.summarize.position import position_centrality

        chosen = position_centrality(article, count)
    else:
        chosen = sumy_summarize(method, article, count)
    return sorted(chosen, key=lambda s: s.start)


__all__ = ["DEFAULT_METHOD", "METHODS", "SUMY_CLASSES", "sentence_count", "summarize"]
