"""How well `fetch`'s relevance test keeps what a briefing reports, against the hand annotations.

An article is relevant when its annotation (``tests/data/expected``) has a year theme, a motto, a
target or a result; ``fetch.collect.relevant`` keeps it when extraction finds one. Precision and
recall are given for each half of the annotated articles (``facts.half_of``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from briefing.evaluation.facts import HALVES, half_of
from briefing.ingest.read import read_bytes, article_from_bytes, ArticleError

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTED = ROOT / "tests" / "data" / "expected"
ARTICLE_FOLDERS = (ROOT / "seeds", ROOT.parent / "shared" / "eval" / "meetings", ROOT.parent / "shared" / "eval" / "pool")


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
    from briefing.extract.facts import extract_article

    halves = {half: Kept() for half in HALVES}
    for expected in sorted(EXPECTED.glob("*.json")):
        truth = json.loads(expected.read_text("utf-8"))
        path = next((folder / f"{expected.stem}.txt" for folder in ARTICLE_FOLDERS
                     if (folder / f"{expected.stem}.txt").is_file()), None)
        if path is None:
            continue
        try:
            facts = extract_article(article_from_bytes(str(path), read_bytes(str(path))))
        except ArticleError:
            continue
        kept, wanted = bool(facts.themes or facts.figures), bool(truth.get("themes") or truth.get("figures"))
        tally = halves[half_of(path.name)]
        if kept and wanted:
            tally.kept_right += 1
        elif kept:
            tally.kept_wrong += 1
        elif wanted:
            tally.missed += 1
    return halves
