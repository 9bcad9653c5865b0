"""Score summarisers with ROUGE against a folder of reference summaries.

The folder holds ``ID.article.txt`` beside ``ID.summary.txt``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing.evaluation import rouge
from briefing.ingest.article import Article
from briefing.ingest.read import ArticleError, read_article
from briefing.summarize import summarize


@dataclass(frozen=True)
class Row:
    method: str
    sentences: int
    rouge1: float
    rouge2: float
    rougeL: float
    articles: int


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


def score_method(pairs: list[tuple[Article, str]], method: str, sentences: int) -> Row:
    totals = [0.0, 0.0, 0.0]
    for article, reference in pairs:
        summary = " ".join(s.text for s in summarize(article, method, sentences=sentences))
        result = rouge.score(summary, reference)
        totals[0] += result.rouge1
        totals[1] += result.rouge2
        totals[2] += result.rougeL
    n = max(len(pairs), 1)
    return Row(method, sentences, totals[0] / n, totals[1] / n, totals[2] / n, len(pairs))


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
) -> list[Row]:
    """One row per method and length, the lead baselines first."""
    pairs = load_pairs(folder)
    if not pairs:
        raise ArticleError(f"{folder}: no ID.article.txt / ID.summary.txt pairs found")
    rows = []
    for method in methods:
        for n in lengths:
            if progress:
                progress(f"{method} ({plural(n, 'sentence')})")
            rows.append(score_method(pairs, method, n))
    return rows


def table(rows: list[Row]) -> str:
    """A Markdown table, best ROUGE-1 first within each length, baselines marked."""
    lines = [
        "| method | sentences | ROUGE-1 F1 | ROUGE-2 F1 | ROUGE-L F1 |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in sorted(rows, key=lambda r: (r.sentences, -r.rouge1)):
        name = f"Lead-{row.sentences} (baseline)" if row.method == "lead" else row.method
        lines.append(
            f"| {name} | {row.sentences} | {row.rouge1:.4f} | {row.rouge2:.4f} | {row.rougeL:.4f} |"
        )
    articles = rows[0].articles if rows else 0
    return "\n".join(lines) + f"\n\n{plural(articles, 'article')} scored.\n"


def plural(count: int, noun: str) -> str:
    """ "1 sentence", "3 sentences"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
