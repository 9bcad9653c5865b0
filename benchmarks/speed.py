"""Speed figures for the README: CLI start-up and summarising throughput.

Run from the repository root:  .venv/bin/python benchmarks/speed.py [EVAL_ROUGE_FOLDER]
Throughput is measured in one process on one core (BLAS threads pinned to 1),
after imports, so interpreter start-up is excluded.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "rouge"
EVAL_ROOT = ROOT.parent / "shared" / "eval"


def cold_start(runs: int = 7) -> float:
    exe = Path(sys.executable).parent / "briefing"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def throughput(files: list[str], method: str, rounds: int = 3) -> float:
    from briefing.ingest.read import read_article
    from briefing.summarize import summarize

    summarize(read_article(files[0]), method, sentences=3)  # warm imports
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for path in files:
            summarize(read_article(path), method, sentences=3)
        rates.append(len(files) / (time.perf_counter() - start))
    return statistics.median(rates)


def extraction_rate(files: list[str], rounds: int = 3) -> float:
    from briefing.extract.facts import extract_article
    from briefing.ingest.read import read_article

    extract_article(read_article(files[0]))
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for path in files:
            extract_article(read_article(path))
        rates.append(len(files) / (time.perf_counter() - start))
    return statistics.median(rates)


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_EVAL
    print(f"briefing --help cold start (median of 7, wall): {cold_start():.3f} s  (target < 0.3 s)")
    files = sorted(str(p) for p in folder.glob("*.article.txt"))
    if not files:
        print(f"no articles in {folder}; throughput skipped")
        return
    for method, target in (("briefing", "target >= 200"), ("lexrank", "for comparison")):
        rate = throughput(files, method)
        print(f"{method:>8}: {rate:7.1f} articles/s over {len(files)} articles, read + summarise, one core  ({target})")
    every = sorted(str(p) for p in EVAL_ROOT.rglob("*.txt") if not p.name.endswith(".summary.txt"))
    print(f" extract: {extraction_rate(every):7.1f} articles/s over {len(every)} articles, read + extract, one core  (target >= 150)")


if __name__ == "__main__":
    main()
