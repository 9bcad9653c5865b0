"""Build-time, memory and size figures for the PDF pack.

Run from the repository root:  .venv/bin/python benchmarks/pack.py
- the seeds' pack: `briefing build seeds/`, whole process, median of 5 runs;
- a 100-article pack: real articles (the seeds and, when present, the meeting
  articles of ../shared/eval) copied under distinct names into a temporary
  folder until there are 100, then built once; wall time, peak memory (RSS of
  the child process) and file size are printed.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
BRIEFING = str(Path(sys.executable).parent / "briefing")
MEETINGS = ROOT.parent / "shared" / "eval" / "meetings"


def timed_build(inputs: list[str], output: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `briefing build` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([BRIEFING, "build", *inputs, "--output", str(output)], check=True, capture_output=True)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def describe(label: str, wall: float, peak: float, pdf: Path) -> None:
    pages = len(PdfReader(pdf).pages)
    print(f"{label}: {wall:.2f} s wall, peak {peak:.0f} MiB, {pages} pages, {pdf.stat().st_size / 1024:.0f} KiB")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        runs = [timed_build([str(ROOT / "seeds")], tmp / "seeds.pdf") for _ in range(5)]
        describe("seeds (5 articles), median of 5", statistics.median(w for w, _ in runs), max(p for _, p in runs), tmp / "seeds.pdf")
        sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted(MEETINGS.glob("*.txt"))
        corpus = tmp / "corpus"
        corpus.mkdir()
        for i in range(100):
            original = sources[i % len(sources)]
            shutil.copy(original, corpus / f"{i:03d}_{original.name}")
        wall, peak = timed_build([str(corpus)], tmp / "hundred.pdf")
        describe(f"100 articles ({len(sources)} distinct, repeated)", wall, peak, tmp / "hundred.pdf")


if __name__ == "__main__":
    main()
