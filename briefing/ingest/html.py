"""Saved and fetched web pages → the article they carry, with trafilatura.

trafilatura finds a page's main text (menus, related links, comments, share buttons and cookie
banners left out), its title, its publication date (with htmldate) and its site. The text comes
back as the article header format of ``header.py`` would write it, so a page reads exactly as a
fetched article does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

HTML_START = re.compile(r"<(?:!doctype html|html|body|p|div)[\s>]", re.IGNORECASE)


@dataclass
class WebArticle:
    title: str | None
    paragraphs: list[str]
    date: str | None  # ISO, the page's publication date
    url: str | None
    outlet: str | None  # the site's name, else its host


def looks_like_html(text: str) -> bool:
    return bool(HTML_START.search(text.lstrip()[:2048]))


def main_text(page: str, url: str | None = None) -> WebArticle | None:
    """The article a page carries, or None when it has no main text."""
    import trafilatura  # heavy (lxml, htmldate): imported only for web pages

    found = trafilatura.bare_extraction(
        page, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False,  # its de-duplication remembers across pages: never wanted
        # The date from the page's metadata only: searched for in the text, "nhiệm kỳ 2020 - 2025"
        # became a publication date of 2020-01-01.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None or not (found.text or "").strip():
        return None
    title = _one_line(found.title)
    paragraphs = [_one_line(p) for p in found.text.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the page's own headline, which trafilatura keeps as its first line
    address = found.url or url
    outlet = _one_line(found.sitename) or (urlsplit(address).hostname if address else None)
    return WebArticle(title, paragraphs, found.date, address, outlet) if paragraphs else None


def _one_line(text: str | None) -> str | None:
    return " ".join(text.split()) if text and text.strip() else None
