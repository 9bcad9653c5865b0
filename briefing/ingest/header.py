"""The metadata header of an article file: where a fetched (or saved) page came from.

An article file may open with ``key: value`` lines, then a blank line, then the article (title,
blank line, paragraphs). ``briefing fetch`` writes it; ``ingest`` reads it back::

    url: https://baohatinh.vn/tin-tuc/ha-tinh-trien-khai-nhiem-vu-nam-2024.html
    outlet: Báo Hà Tĩnh
    published: 2024-01-20
    fetched: 2026-11-22T07:00:03+00:00

    Quyết tâm, linh hoạt, thực chất, hiệu quả trong thực hiện nhiệm vụ năm 2024

    Năm 2024, Hà Tĩnh phấn đấu …

Keys are those of ``HEADER_KEYS``; values are one line. The seeds' older ``date YYYY-MM`` first
line is read by the cleaning step as before.
"""

from __future__ import annotations

import re

HEADER_KEYS = ("url", "outlet", "published", "fetched", "feed")
HEADER_LINE = re.compile(rf"^({'|'.join(HEADER_KEYS)}): (.+)$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"'`]+$")  # what a pack may show and link as a page's address


def split_header(text: str) -> tuple[dict[str, str], str]:
    """(the header's fields, the text after it); no header gives ({}, text)."""
    fields: dict[str, str] = {}
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip():
            return (fields, "\n".join(lines[number + 1:])) if fields else ({}, text)
        m = HEADER_LINE.match(line.strip())
        if not m:
            return {}, text
        fields[m[1]] = m[2].strip()
    return {}, text


def web_address(value: str | None) -> str | None:
    """``value`` if it is an http(s) address with nothing a document could misread; else None."""
    return value if value and WEB_ADDRESS.match(value) else None


def write_header(fields: dict[str, str | None]) -> str:
    """The header block for ``fields`` (empty values left out), ending with its blank line."""
    lines = [f"{key}: {' '.join(str(fields[key]).split())}" for key in HEADER_KEYS if fields.get(key)]
    return "\n".join(lines) + "\n\n" if lines else ""


def published_day(fields: dict[str, str]) -> str | None:
    value = fields.get("published", "")[:10]
    return value if ISO_DAY.match(value) else None
