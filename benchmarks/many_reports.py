"""Thousands of short reports of a few meetings: a pack stays a brief however many copies one
news item has.

Run from the repository root:  .venv/bin/python benchmarks/many_reports.py [--count 50000] [--skip-run]

Writes COUNT small articles (about 300 bytes each) to a temporary folder: eight provinces, one
meeting day, each province's meeting reported COUNT/8 times with a different 2023 growth figure
(so every report conflicts with the others) and the same 2024 target. Then times `briefing build`
to a PDF and a cold `briefing run` over the same folder, each as a whole process: wall time, peak
memory (the largest process, from the kernel's accounting of the finished children) and the
PDF's pages. Targets: within 60 pages, under 1 GB, under 2 minutes.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

PROVINCES = ["Hà Tĩnh", "Thanh Hóa", "Nghệ An", "Quảng Bình", "Hà Nam", "Nam Định", "Thái Bình", "Ninh Bình"]
BRIEFING = [sys.executable, "-m", "briefing"]


def article(number: int) -> str:
    """One short report of its province's meeting, with a growth figure of its own."""
    province = PROVINCES[number % len(PROVINCES)]
    growth = f"{7 + random.Random(number).random() * 2:.2f}".replace(".", ",")
    return (f"date 2024-01\nHội nghị triển khai nhiệm vụ năm 2024 của tỉnh {province} (bản {number})\n\n"
            f"Sáng 20/1, UBND tỉnh {province} tổ chức hội nghị triển khai nhiệm vụ năm 2024. "
            f"Năm 2023, tăng trưởng kinh tế của tỉnh đạt {growth}%. Năm 2024, tỉnh phấn đấu tăng trưởng 8-8,5%.\n")


def timed(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak resident KiB of the largest process it started)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    code = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    wall = time.perf_counter() - started
    return wall, code, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--skip-run", action="store_true", help="time only the build")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        for number in range(options.count):
            (root / "in" / f"a{number:05d}.txt").write_text(article(number), "utf-8")
        wall, code, peak = timed([*BRIEFING, "build", "in", "--output", "pack.pdf"], root)
        pages = len(PdfReader(root / "pack.pdf").pages) if code == 0 else 0
        print(f"build, {options.count} reports of 8 meetings: {wall:.1f} s, peak {peak / 1024:.0f} MiB, {pages} pages, "
              f"exit {code}  (targets < 120 s, < 1024 MiB, <= 60 pages)")
        if not options.skip_run:
            wall, code, peak = timed([*BRIEFING, "run", "--input", "in", "--output", "out"], root)
            reports = list((root / "out").glob("*.pdf"))
            pages = len(PdfReader(reports[0]).pages) if reports else 0
            print(f"cold run, same folder: {wall:.1f} s, peak {peak / 1024:.0f} MiB (largest process), {pages} pages, "
                  f"exit {code}  (targets < 120 s, < 1024 MiB, <= 60 pages)")


if __name__ == "__main__":
    main()
