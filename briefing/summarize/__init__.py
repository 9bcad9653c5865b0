"""Extractive summarisers: one entry point, a registry of methods.

Every method returns sentences of the article's body (never the title, a
heading, a caption or a byline) in document order; the default brief puts
first the sentence that says what the meeting was.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from briefing.ingest.article import Article, Sentence
from briefing.summarize.lead import lead
from briefing.summarize.sumy_adapter import SUMY_CLASSES, sumy_ranking, sumy_summarize

DEFAULT_METHOD = "briefing"
# sentence text → (tier, rank within tier), from ArticleFacts.decisions: themes 0, headline figures 1, others 2
Decisions = Mapping[str, tuple[int, int]]
NO_DECISIONS: Decisions = {}
DEFAULT_SENTENCES = 3

METHODS = {
    "briefing": "this project's default: what the meeting was, then its decisions (see briefing/summarize/brief.py)",
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
    article: Article, method: str = DEFAULT_METHOD, sentences: int | None = None, ratio: float | None = None,
    decisions: Decisions = NO_DECISIONS, words: int | None = None,
) -> list[Sentence]:
    """``sentences`` (or ``ratio`` of the article, or as many as fit ``words``) of ``article`` by
    ``method``; the default also prefers the ``decisions``, those that state a figure or theme
    extraction reported."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    if words is not None:
        return _within_words(article, method, words, decisions)
    return _summary(article, method, sentence_count(article, sentences, ratio), decisions)


def _within_words(article: Article, method: str, words: int, decisions: Decisions) -> list[Sentence]:
    """The longest summary the method gives within ``words`` words (a word is a syllable, as written
    between spaces); its first sentence even if that alone is longer."""
    if method in SUMY_CLASSES:  # rate the article once: every length is a prefix of the ranking
        ranking = sumy_ranking(method, article)
        longest = len(ranking)

        def of_length(count: int) -> list[Sentence]:
            return sorted(ranking[:count], key=lambda s: s.start)
    else:
        longest = len(article.sentences)

        def of_length(count: int) -> list[Sentence]:
            return _summary(article, method, count, decisions)

    best = of_length(1)
    for count in range(2, longest + 1):
        longer = of_length(count)
        if sum(len(s.text.split()) for s in longer) > words:
            break
        best = longer
    return best


def _summary(article: Article, method: str, count: int, decisions: Decisions) -> list[Sentence]:
    if method == "lead":
        chosen = lead(article, count)
    elif method == "briefing":
        from briefing.summarize.brief import brief  # not on the command line's start-up path

        chosen = brief(article, count, decisions)
    else:
        chosen = sumy_summarize(method, article, count)
    return chosen if method == "briefing" else sorted(chosen, key=lambda s: s.start)  # the brief opens with the meeting


__all__ = ["DEFAULT_METHOD", "METHODS", "NO_DECISIONS", "Decisions", "SUMY_CLASSES", "sentence_count", "summarize"]
