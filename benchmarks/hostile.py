"""Cost of hostile inputs: an article that is one enormous line with no sentence end.

Run from the repository root:  .venv/bin/python benchmarks/hostile.py [MEGABYTES ...]
For each size (default 1 and 5 MB) it writes the seed 004's words, without full
stops, as one line into a temporary folder, then times `briefing summarize` and
`briefing build` (PDF) on it as whole processes: wall seconds and peak memory.
The target is a 1 MB single-line article built into a PDF in under 30 s.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BRIEFING = str(Path(sys.executable).parent / "briefing")


def one_line_article(folder: Path, megabytes: float) -> Path:
    words = next((ROOT / "seeds").glob("004_*.txt")).read_text("utf-8").replace(".", "").split()
    line, size = [], 0
    while size < megabytes * 2**20:
        word = words[len(line) % len(words)]
        line.append(word)
        size += len(word.encode("utf-8")) + 1
    path = folder / f"one-line-{megabytes:g}MB.txt"
    path.write_text(" ".join(line), "utf-8")
    return path


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB of the child, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True)
    wall = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return wall, peak, done.returncode


def main() -> None:
    sizes = [float(x) for x in sys.argv[1:]] or [1.0, 5.0]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for megabytes in sizes:
            article = one_line_article(folder, megabytes)
            for name, command in (
                ("summarize", [BRIEFING, "summarize", str(article)]),
                ("build PDF", [BRIEFING, "build", str(article), "--output", str(folder / "pack.pdf")]),
            ):
                wall, peak, code = timed(command)
                print(f"{megabytes:g} MB one line, {name:9}: {wall:6.2f} s wall, peak {peak:6.0f} MiB, exit {code}")


if __name__ == "__main__":
    main()
