"""Plain text from a saved HTML page: scripts and styles dropped, blocks become lines."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
    "article", "header", "footer", "figcaption", "blockquote", "title", "table",
}
# "head" is not skipped: HTML5 may leave it unclosed, and its only text is the title.
_SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "object"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(body|p|div)[\s>]", head))


def html_to_text(text: str) -> str:
    parser = _TextParser()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in joined.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
