"""Precision and recall of extraction against the hand-written facts.

Run from the repository root:  .venv/bin/python benchmarks/accuracy.py [-v]
Scores the seeds and, when ../shared/eval/meetings is present, the 25 meeting
articles; -v lists every extra and missing fact.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.evaluation.facts import expected_name, load_expected, score
from briefing.pack import read_facts

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "expected"
MEETINGS = ROOT.parent / "shared" / "eval" / "meetings"


def main() -> None:
    paths = [str(ROOT / "seeds")] + ([str(MEETINGS)] if MEETINGS.is_dir() else [])
    pairs = [(f, load_expected(EXPECTED / expected_name(f.source))) for f in read_facts(paths)]
    result = score(pairs)
    print(f"{result.articles} articles")
    for name, tally in (("themes", result.themes), ("figures", result.figures)):
        print(
            f"{name:>8}: precision {tally.precision:.3f}  recall {tally.recall:.3f}  "
            f"(found {tally.true_positive}, extra {tally.false_positive}, missing {tally.false_negative})"
        )
    if "-v" in sys.argv:
        for name, tally in (("themes", result.themes), ("figures", result.figures)):
            print(f"\n{name}:")
            print("\n".join(tally.misses) or "  none")


if __name__ == "__main__":
    main()
