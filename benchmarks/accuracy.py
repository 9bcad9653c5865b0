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
from briefing.extract.confidence import DECIDE, MODEL_FILE, shipped_model
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


def in_the_tables() -> tuple[str, dict]:
    """What the pack's tables show, and the precision and recall of those figures: on the check half,
    of the shipped model; on the tuning half, whose figures trained it, cross-validated over repeated
    splits (each fold's figures by a model fitted on the other folds). The tables show the figures of
    a confidence of at least the shipped model's (``tables_from``: a filter's threshold, else the
    rules' shown_from), else the 0.8 a reader may choose with --min-confidence 80; when a model
    decides what is reported, every figure it reports."""
    from train_confidence import FILTER, HALVES as SPLIT, REFERENCE, Setting, cross_validated, labelled, repeated, tally

    shipped, model = json.loads(MODEL_FILE.read_text("utf-8")), shipped_model()
    setting = Setting(shipped["features"], shipped["l2"])
    threshold = model.threshold if model.mode == DECIDE else model.tables_from or REFERENCE
    check = scores(None if model.mode == DECIDE else threshold)[SPLIT[1]].figures
    tuning = labelled(SPLIT[0])
    cv = tally(repeated(tuning), cross_validated(tuning, setting), DECIDE if model.mode == DECIDE else FILTER,
               threshold)
    label = "every reported figure" if model.mode == DECIDE else f"confidence ≥ {threshold}"
    return label, {SPLIT[0]: cv, SPLIT[1]: (check.true_positive, check.false_positive, check.false_negative)}


def table() -> tuple[str, dict, dict[str, list[float]]]:
    """What the pack's tables show, each half's score, and the numbers the README's table gives for
    it: themes P / R, figures P / R, metadata, the tables' figures P / R. When a model fitted on the
    tuning half decides, that half's figures are scored as its tables are, cross-validated."""
    from train_confidence import precision_recall

    results, (label, tables) = scores(), in_the_tables()
    rows = {}
    for half, result in results.items():
        shown = precision_recall(tables[half])
        own = shown if _deciding() and half == HALVES[0] else (result.figures.precision, result.figures.recall)
        rows[half] = [result.themes.precision, result.themes.recall, *own, result.metadata, *shown]
    return label, results, rows


def _deciding() -> bool:
    """A model fitted on the tuning half decides what is reported: that half is scored unseen (cross-validated)."""
    return shipped_model().mode == DECIDE


def main() -> None:
    label, results, rows = table()
    deciding = _deciding()
    print(f"half    articles  themes P / R   figures P / R  (found, extra, missing)   metadata   "
          f"tables ({label}) P / R")
    for half, result in results.items():
        themes_p, themes_r, figures_p, figures_r, metadata, shown_p, shown_r = rows[half]
        figures = result.figures
        own = f"{figures_p:.3f} / {figures_r:.3f}  " + (
            "(cross-validated)" if deciding and half == HALVES[0]
            else f"({figures.true_positive}, {figures.false_positive}, {figures.false_negative})")
        print(f"{half:<7} {result.articles:>8}  {themes_p:.3f} / {themes_r:.3f}  {own:<40}"
              f"{metadata:.3f}      {shown_p:.3f} / {shown_r:.3f}" + ("  (cross-validated)" if half == HALVES[0] else ""))
    print("\nas published (lead and body as one paragraph, no line breaks to help):")
    for half, result in published_scores().items():
        figures = result.figures
        print(f"{half:<7} {result.articles:>8}  {result.themes.precision:.3f} / {result.themes.recall:.3f}  "
              f"{figures.precision:.3f} / {figures.recall:.3f}  "
              f"({figures.true_positive}, {figures.false_positive}, {figures.false_negative}){'':>9}{result.metadata:.3f}"
              + ("  (figures in-sample: the decision was fitted on these articles)" if deciding and half == HALVES[0]
                 else ""))
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
