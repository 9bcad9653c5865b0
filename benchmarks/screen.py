"""The HTML pack in a real browser, at a desktop and a phone width: size, sideways overflow, screenshots.

Run from the repository root:  .venv/bin/python benchmarks/screen.py [--shots FOLDER]
Needs a headless Chromium (Debian's package `chromium`; not a dependency of briefing): without one it
says so and stops. For each language the seeds' pack is built as HTML (`briefing build --format html`),
then opened at 1280 and 390 CSS pixels wide, in a frame of that width (a headless window is never
narrower than 500 pixels). A small script, added to a copy of the page only, records after layout how
wide the page is and which elements stick out of the frame (tables scroll inside their own box on a
phone, so they do not count), and hands the record to the frame's parent, which Chromium prints
(--dump-dom). It prints, per width: the page's width, the widest element and how many stick out, and
whether the bar of chapter links is shown. With --shots, a screenshot of each page top is saved there.
The browser is started offline: no flag lets it reach beyond this machine.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BRIEFING = str(Path(sys.executable).parent / "briefing")
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
OFFLINE = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", "--proxy-server=127.0.0.1:9", "--virtual-time-budget=3000"]
# Added to the probe copy: what sticks out of the window once the page is laid out.
PROBE = """<script>
addEventListener("load", () => {
  const inner = innerWidth, out = [];
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect();
    if (r.right > inner + 1 && !e.closest("table")) out.push(e.tagName.toLowerCase() + "." + e.className);
  }
  const nav = document.querySelector(".screen-nav");
  parent.postMessage(JSON.stringify({
    window: inner, page: document.documentElement.scrollWidth, sticking_out: out.length, first: out.slice(0, 3),
    nav_shown: !!nav && getComputedStyle(nav).display !== "none"}), "*");
});
</script>"""
# The page in a frame of the width measured; the frame's record is written where --dump-dom shows it.
FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" style="border:0;width:{width}px;height:{height}px"></iframe>
<script>addEventListener("message", e => document.body.setAttribute("data-probe", e.data));</script>
</body></html>"""


def browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def framed(page: Path, width: int, height: int, probed: bool) -> Path:
    """A page holding ``page`` in a frame ``width`` pixels wide (with the probe script when ``probed``)."""
    inner = page
    if probed:
        inner = page.with_name(f"{page.stem}.probe.html")
        inner.write_text(page.read_text("utf-8").replace("</body>", PROBE + "</body>"), "utf-8")
    frame = page.with_name(f"{page.stem}.{width}{'.probe' if probed else ''}.frame.html")
    frame.write_text(FRAME.format(src=inner.name, width=width, height=height), "utf-8")
    return frame


def probe(chromium: str, page: Path, width: int, height: int, profile: Path) -> dict:
    frame = framed(page, width, height, probed=True)
    dom = subprocess.run([chromium, *OFFLINE, f"--user-data-dir={profile}", f"--window-size={width + 20},{height}",
                          "--dump-dom", frame.as_uri()], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'data-probe="([^"]*)"', dom)
    return json.loads(found.group(1).replace("&quot;", '"')) if found else {"error": "no record"}


def screenshot(chromium: str, page: Path, width: int, height: int, profile: Path, target: Path) -> None:
    frame = framed(page, width, height, probed=False)
    subprocess.run([chromium, *OFFLINE, f"--user-data-dir={profile}", f"--window-size={max(width, 500)},{height}",
                    f"--screenshot={target}", frame.as_uri()], capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shots", type=Path, help="save a screenshot of each page top in this folder")
    options = parser.parse_args()
    chromium = browser()
    if not chromium:
        print("no headless Chromium here (Debian: apt-get install chromium); nothing measured")
        return
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for lang in ("vi", "en"):
            page = work / f"pack.{lang}.html"
            subprocess.run([BRIEFING, "build", "--lang", lang, "--format", "html", "--output", str(page)],
                           check=True, capture_output=True)
            print(f"{lang}: {page.stat().st_size / 1024:.0f} KiB")
            for name, (width, height) in WIDTHS.items():
                record = probe(chromium, page, width, height, work / f"profile-{name}")
                print(f"  {name:<8} window {record.get('window')} px, page {record.get('page')} px wide, "
                      f"{record.get('sticking_out')} element(s) sticking out {record.get('first') or ''}, "
                      f"chapter bar shown: {record.get('nav_shown')}")
                if options.shots:
                    options.shots.mkdir(parents=True, exist_ok=True)
                    screenshot(chromium, page, width, height, work / f"profile-{name}",
                               options.shots / f"{lang}-{name}.png")


if __name__ == "__main__":
    main()
