"""Fetching 200 pages from a local site, and main-text extraction on the test site's pages.

Run from the repository root:  .venv/bin/python benchmarks/fetch.py
- 200 distinct articles (the seeds and their variants, briefing/evaluation/variants.py) served as
  web pages with page furniture by the tests' site (tests/fetch/site_server.py) on 127.0.0.1, with
  a feed listing them; one whole `briefing fetch FEED --into DIR --all` process is timed, at the
  default rate limit for a local host;
- precision and recall of the extracted lines against each article's known text.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "fetch")]
from briefing.evaluation.variants import variants  # noqa: E402
from briefing.ingest.html import main_text  # noqa: E402
from site_server import Site  # noqa: E402

BRIEFING = str(Path(sys.executable).parent / "briefing")
PAGES = 200


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sources = tmp / "sources"
        sources.mkdir()
        texts = variants([p.read_text("utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))], PAGES)
        for i, text in enumerate(texts):
            (sources / f"{i:03d}.txt").write_text(text, "utf-8")
        with Site(sorted(sources.glob("*.txt"))) as site:
            start = time.perf_counter()
            done = subprocess.run([BRIEFING, "fetch", site.url("/feed.xml"), "--into", str(tmp / "news"), "--all"],
                                  capture_output=True, text=True)
            wall = time.perf_counter() - start
            written = len(list((tmp / "news").glob("*.txt")))
            print(f"fetch {PAGES} local pages: {wall:.2f} s, {written} articles written, exit {done.returncode} "
                  f"(the feed's one missing item is the 404)  (target < 10 s)")
            found = expected = both = 0
            for path, seed in site.articles.items():
                page = main_text(site.routes[path][2].decode("utf-8"), site.url(path))
                lines = set(page.paragraphs) | {page.title}
                known = {p.text for p in seed.paragraphs} | {site.headlines[path]}
                found, expected, both = found + len(lines), expected + len(known), both + len(lines & known)
            print(f"main text of {len(site.articles)} pages: line precision {both / found:.3f}, "
                  f"recall {both / expected:.3f}  (target >= 0.95 each)")


if __name__ == "__main__":
    main()
