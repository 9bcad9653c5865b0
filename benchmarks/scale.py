"""The weekly run at scale: 10,000 distinct real articles on this machine.

Run from the repository root:  .venv/bin/python benchmarks/scale.py [--count 10000] [--baseline BRIEFING]

1. The set: every article of ../shared/eval (rouge articles, meetings, pool) and the seeds, then
   variants of them (briefing/evaluation/variants.py: another province, other years, other
   figures) until COUNT distinct texts, written to a temporary folder.
2. A cold `briefing run` over them: wall time, articles per second, and peak memory as the sum of
   the resident memory of the run's processes (the run and its analysing workers), sampled every
   0.1 s from /proc.
3. A second run with nothing new.
4. A run after 20 new articles (variants not used before): wall time and the PDF's pages.
5. `briefing build` of the seeds (median of 5) and of the 200 articles of ../shared/eval plus the
   seeds; with --baseline, the same two builds by another briefing executable (an older checkout),
   side by side.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from briefing.evaluation.variants import variants  # noqa: E402

BRIEFING = str(Path(sys.executable).parent / "briefing")
EVAL = ROOT.parent / "shared" / "eval"
NEW_ARTICLES = 20


def real_articles() -> list[str]:
    paths = sorted((EVAL / "rouge").glob("*.article.txt")) + sorted((EVAL / "meetings").glob("*.txt"))
    paths += sorted((EVAL / "pool").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    return [p.read_text("utf-8") for p in paths]


def process_group_rss(pgid: int) -> int:
    """Resident memory (bytes) of every process in a process group, from /proc."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getpgid(int(entry)) != pgid:
                continue
            with open(f"/proc/{entry}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    return total


def measured(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB, all its processes together) of one command."""
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             start_new_session=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, process_group_rss(child.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = child.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    if child.returncode not in (0, 1):  # 1: some input was skipped and reported, the pack still written
        raise SystemExit(f"{' '.join(args)} failed ({child.returncode}): {err.decode()[-500:]}")
    return wall, peak / 2**20


def pages(folder: Path) -> int:
    newest = max(folder.glob("*.pdf"), key=lambda p: p.stat().st_mtime)
    return len(PdfReader(newest).pages)


def weekly(count: int, tmp: Path) -> None:
    texts = variants(real_articles(), count + NEW_ARTICLES)
    news, later = tmp / "news", []
    news.mkdir()
    for i, text in enumerate(texts):
        if i < count:
            (news / f"a{i:05d}.txt").write_text(text, "utf-8")
        else:
            later.append(text)
    run = [BRIEFING, "run", "--input", str(news), "--output", str(tmp / "reports"), "--state", str(tmp / "state")]
    wall, peak = measured(run, tmp)
    print(f"cold run, {count} articles: {wall:.1f} s ({count / wall:.0f} articles/s), peak {peak:.0f} MiB, "
          f"{pages(tmp / 'reports')} pages  (targets < 600 s, < 1024 MiB)")
    wall, peak = measured(run, tmp)
    print(f"second run, nothing new: {wall:.2f} s, peak {peak:.0f} MiB  (target < 3 s)")
    for i, text in enumerate(later):
        (news / f"new{i:02d}.txt").write_text(text, "utf-8")
    wall, peak = measured(run, tmp)
    print(f"run with {NEW_ARTICLES} new articles: {wall:.2f} s, peak {peak:.0f} MiB, "
          f"{pages(tmp / 'reports')} pages  (targets < 20 s, < 60 pages)")


def builds(tmp: Path, baseline: str | None) -> None:
    corpus = tmp / "two-hundred"
    corpus.mkdir()
    for folder in (EVAL / "meetings", EVAL / "pool", ROOT / "seeds"):
        for path in folder.glob("*.txt"):
            (corpus / path.name).write_bytes(path.read_bytes())
    for label, briefing in (("this checkout", BRIEFING), ("baseline", baseline)):
        if not briefing:
            continue
        seeds = [measured([briefing, "build", str(ROOT / "seeds"), "--output", str(tmp / "seeds.pdf")], tmp)[0]
                 for _ in range(5)]
        wall, peak = measured([briefing, "build", str(corpus), "--output", str(tmp / "corpus.pdf")], tmp)
        print(f"{label}: seeds pack {statistics.median(seeds):.2f} s (median of 5); "
              f"{len(list(corpus.iterdir()))}-article build {wall:.1f} s, peak {peak:.0f} MiB, "
              f"{len(PdfReader(tmp / 'corpus.pdf').pages)} pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--baseline", help="another briefing executable to build side by side")
    parser.add_argument("--skip-weekly", action="store_true")
    options = parser.parse_args()
    if not EVAL.is_dir():
        raise SystemExit(f"{EVAL} is not here; this benchmark needs the evaluation data")
    with tempfile.TemporaryDirectory() as tmp:
        if not options.skip_weekly:
            weekly(options.count, Path(tmp))
        builds(Path(tmp), options.baseline)


if __name__ == "__main__":
    main()
