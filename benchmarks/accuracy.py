"""Precision and recall of extraction against the hand-written facts, on both halves.

Run from the repository root:  .venv/bin/python benchmarks/accuracy.py [-v] [--no-learning]
Scores every article with an expected-facts file (tests/data/expected/): the
seeds, and, when ../shared/eval is present, the meeting and pool articles. The
articles are split once by a hash of their name (briefing/evaluation/facts.py)
into a tuning half and a check half; both are always reported, for every figure
extracted and for those the pack's tables show (a confidence of at least the
trained threshold; the annex lists the others). -v lists the
errors of the tuning half only: rules are changed while looking at those, never
at the check half's. Then the learned decision (benchmarks/train_confidence.py):
cross-validation on the tuning half and the learning curve on the check half.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from briefing.evaluation.facts import (HALVES, annotated_articles, as_published, expected_file, half_of, load_expected,
                                       score)
from briefing.analyse import read_facts
from briefing.extract.confidence import MODEL_FILE, shipped_model
from briefing.extract.facts import shown_facts


def scores(min_confidence: float | None = None) -> dict:
    """Each half's score; of the figures whose confidence reaches ``min_confidence``, when given."""
    articles = annotated_articles()
    by_half = {half: [a for a in articles if half_of(a.name) == half] for half in HALVES}
    return {half: score([(shown_facts(facts, min_confidence), load_expected(expected_file(facts.source)))
                         for facts in read_facts([str(a) for a in chosen])])
            for half, chosen in by_half.items()}


def published_scores() -> dict:
    """Each half's score on its articles laid out as published (briefing.evaluation.facts.as_published),
    read from a temporary folder under their own names: the facts must not depend on line breaks."""
    with tempfile.TemporaryDirectory() as folder:
        by_half = {half: [] for half in HALVES}
        for article in annotated_articles():
            copy = Path(folder) / article.name
            copy.write_text(as_published(article.read_text("utf-8")), "utf-8")
            by_half[half_of(article.name)].append(str(copy))
        return {half: score([(facts, load_expected(expected_file(facts.source))) for facts in read_facts(paths)])
                for half, paths in by_half.items()}


def in_the_tables() -> tuple[float, dict]:
    """The threshold of the pack's tables (the shipped one, else the 0.8 a reader may choose with
    --min-confidence 80) and the precision and recall of the figures it keeps: on the check half, of
    the shipped model; on the tuning half, whose figures trained it, cross-validated over repeated
    splits (each fold's figures by a model fitted on the other folds)."""
    from train_confidence import (FILTER, HALVES as SPLIT, REFERENCE, Setting, cross_validated, labelled,
                                  precision_recall, repeated, tally)

    threshold = shipped_model().shown_from or REFERENCE
    check = scores(threshold)[SPLIT[1]].figures
    tuning = labelled(SPLIT[0])
    shipped = json.loads(MODEL_FILE.read_text("utf-8"))
    setting = Setting(shipped["features"], shipped["l2"])
    cv = precision_recall(tally(repeated(tuning), cross_validated(tuning, setting), FILTER, threshold))
    return threshold, {SPLIT[0]: cv, SPLIT[1]: (check.precision, check.recall)}


def main() -> None:
    results, (threshold, tables) = scores(), in_the_tables()
    print(f"half    articles  themes P / R   figures P / R  (found, extra, missing)   metadata   "
          f"confidence >= {threshold} P / R")
    for half, result in results.items():
        themes, figures = result.themes, result.figures
        print(f"{half:<7} {result.articles:>8}  {themes.precision:.3f} / {themes.recall:.3f}  "
              f"{figures.precision:.3f} / {figures.recall:.3f}  "
              f"({figures.true_positive}, {figures.false_positive}, {figures.false_negative})"
              f"{'':>9}{result.metadata:.3f}      {tables[half][0]:.3f} / {tables[half][1]:.3f}"
              + ("  (cross-validated)" if half == HALVES[0] else ""))
    print("\nas published (lead and body as one paragraph, no line breaks to help):")
    for half, result in published_scores().items():
        figures = result.figures
        print(f"{half:<7} {result.articles:>8}  {result.themes.precision:.3f} / {result.themes.recall:.3f}  "
              f"{figures.precision:.3f} / {figures.recall:.3f}  "
              f"({figures.true_positive}, {figures.false_positive}, {figures.false_negative}){'':>9}{result.metadata:.3f}")
    if "--no-learning" not in sys.argv:  # the learned decision's cross-validation and learning curve
        from train_confidence import HALVES as SPLIT, labelled, report

        print()
        print("\n".join(report(labelled(SPLIT[0]), labelled(SPLIT[1]))[1]))
    if "-v" in sys.argv:
        tuning = results["tuning"]
        for name, misses in (("themes", tuning.themes.misses), ("figures", tuning.figures.misses),
                             ("metadata", tuning.metadata_misses)):
            print(f"\n{name} (tuning half):")
            print("\n".join(misses) or "  none")


if __name__ == "__main__":
    main()
