"""How well `fetch`'s relevance test keeps what a briefing reports, against the hand annotations.

An article is relevant when its annotation (``tests/data/expected``) has a year theme, a motto, a
target or a result; ``fetch.collect.reports_facts`` keeps it when extraction finds one. Precision
and recall are given for each half of the annotated articles (``facts.half_of``).
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.evaluation.facts import HALVES, annotated_articles, expected_file, half_of, load_expected
from briefing.fetch.collect import reports_facts
from briefing.ingest.read import IngestError
from briefing.analyse import read_facts


@dataclass
class Kept:
    kept_right: int = 0
    kept_wrong: int = 0
    missed: int = 0

    @property
    def precision(self) -> float:
        return self.kept_right / max(1, self.kept_right + self.kept_wrong)

    @property
    def recall(self) -> float:
        return self.kept_right / max(1, self.kept_right + self.missed)


def relevance_by_half() -> dict[str, Kept]:
    halves = {half: Kept() for half in HALVES}
    for facts in read_facts([str(p) for p in annotated_articles()]):
        if isinstance(facts, IngestError):
            continue  # an article that cannot be read is scored by nothing
        name = facts.source.rsplit("/", 1)[-1]
        expected = load_expected(expected_file(name))
        kept, wanted = reports_facts(facts), reports_facts_expected(expected)
        tally = halves[half_of(name)]
        if kept and wanted:
            tally.kept_right += 1
        elif kept:
            tally.kept_wrong += 1
        elif wanted:
            tally.missed += 1
    return halves


def reports_facts_expected(expected: dict) -> bool:
    return bool(expected.get("themes") or expected.get("figures"))
