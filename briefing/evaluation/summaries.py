"""Score summarisers with ROUGE against a folder of reference summaries.

The folder holds ``ID.article.txt`` beside ``ID.summary.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing.evaluation import rouge
from briefing.extract.facts import extract_article
from briefing.ingest.article import Article
from briefing.ingest.read import ArticleError, read_article
from briefing.summarize import DEFAULT_METHOD, NO_DECISIONS, summarize

CORPUS_PREFIX = re.compile(r"^(.*?)-?\d")


@dataclass(frozen=True)
class Row:
    method: str
    sentences: int
    rouge1: float
    rouge2: float
    rougeL: float
    articles: int
    corpus: str = "all"  # "all", or the articles whose names share a prefix ("dev-vn", "dev-vmds")


def load_pairs(folder: str | Path) -> list[tuple[Article, str]]:
    """(article, reference summary) for every pair in ``folder``; unreadable articles are skipped."""
    folder = Path(folder)
    pairs = []
    for article_path in sorted(folder.glob("*.article.txt")):
        summary_path = article_path.with_name(article_path.name.replace(".article.txt", ".summary.txt"))
        if not summary_path.exists():
            continue
        try:
            article = read_article(str(article_path))
        except ArticleError:
            continue
        pairs.append((article, summary_path.read_text("utf-8")))
    return pairs


def score_method(pairs: list[tuple[Article, str]], method: str, sentences: int, corpus: str = "all") -> Row:
    return _average(method, sentences, corpus, _scores(pairs, method, sentences))


def _scores(pairs: list[tuple[Article, str]], method: str, sentences: int,
            decisions: dict[str, dict] | None = None) -> list[rouge.Scores]:
    """ROUGE of each pair's summary. The default method is given the facts' decisions, as the
    pack gives them; ``decisions`` (by source) spares extracting the same article again."""
    scores = []
    for article, reference in pairs:
        chosen = NO_DECISIONS
        if method == DEFAULT_METHOD:
            chosen = decisions[article.source] if decisions else extract_article(article).decisions
        summary = " ".join(s.text for s in summarize(article, method, sentences=sentences, decisions=chosen))
        scores.append(rouge.score(summary, reference))
    return scores


def _average(method: str, sentences: int, corpus: str, scores: list[rouge.Scores]) -> Row:
    n = max(len(scores), 1)
    return Row(method, sentences, sum(s.rouge1 for s in scores) / n, sum(s.rouge2 for s in scores) / n,
               sum(s.rougeL for s in scores) / n, len(scores), corpus)


def parse_lengths(text: str) -> list[int]:
    """ "1,2,3" → [1, 2, 3]; ValueError with a plain message otherwise."""
    try:
        counts = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise ValueError(f"--sentences takes numbers such as 2,3, not {text!r}") from None
    if not counts or min(counts) < 1:
        raise ValueError("--sentences takes positive numbers such as 2,3")
    return counts


def evaluate(
    folder: str | Path,
    methods: Iterable[str],
    lengths: Iterable[int] = (2, 3),
    progress: Callable[[str], None] | None = None,
    by_corpus: bool = True,
) -> list[Row]:
    """One row per method and length on all articles, then per corpus when the folder mixes several
    (names "dev-vn-…" and "dev-vmds-…": cleaned text and text as published are scored apart)."""
    methods, pairs = list(methods), load_pairs(folder)
    if not pairs:
        raise ArticleError(f"{folder}: no ID.article.txt / ID.summary.txt pairs found")
    corpora = _corpora(pairs) if by_corpus else {}
    decisions = {a.source: extract_article(a).decisions for a, _ in pairs} if DEFAULT_METHOD in methods else None
    rows = []
    for method in methods:
        for n in lengths:
            if progress:
                progress(f"{method} ({plural(n, 'sentence')})")
            scores = _scores(pairs, method, n, decisions)
            rows.append(_average(method, n, "all", scores))
            if len(corpora) > 1:
                rows += [_average(method, n, name, [scores[i] for i in part]) for name, part in corpora.items()]
    return rows


def _corpora(pairs: list[tuple[Article, str]]) -> dict[str, list[int]]:
    """Indices of the pairs by corpus: the name's prefix before its first number
    ("dev-vmds-12226978" → "dev-vmds")."""
    groups: dict[str, list[int]] = {}
    for i, (article, _) in enumerate(pairs):
        prefix = CORPUS_PREFIX.match(Path(article.source).name)
        groups.setdefault(prefix.group(1) if prefix and prefix.group(1) else "other", []).append(i)
    return dict(sorted(groups.items()))


def table(rows: list[Row]) -> str:
    """A Markdown table, all articles first, then each corpus; best ROUGE-1 first within each
    length, baselines marked."""
    lines = [
        "| articles | method | sentences | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 |",
        "|---|---|---:|---:|---:|---:|",
    ]
    order = {name: i for i, name in enumerate(dict.fromkeys(r.corpus for r in rows))}
    for row in sorted(rows, key=lambda r: (order[r.corpus], r.sentences, -r.rouge1)):
        name = f"Lead-{row.sentences} (baseline)" if row.method == "lead" else row.method
        lines.append(
            f"| {row.corpus} ({row.articles}) | {name} | {row.sentences} | {row.rouge1:.4f} | {row.rouge2:.4f} "
            f"| {row.rougeL:.4f} |"
        )
    articles = next((r.articles for r in rows if r.corpus == "all"), rows[0].articles if rows else 0)
    return "\n".join(lines) + f"\n\n{plural(articles, 'article')} scored.\n"


def plural(count: int, noun: str) -> str:
    """ "1 sentence", "3 sentences"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
