"""Text from articles and file names, made safe to show: on a terminal, in Markdown, in JSON.

An article's title, a sentence or a file name may hold control characters: an escape sequence
that retitles or clears the terminal (``\\x1b]0;…\\x07``, ``\\x1b[2J``), a line break that forges
a second ``briefing:`` line, a carriage return that overwrites one. They are shown, never obeyed:
``visible`` writes each C0 control (except tab), DEL and each C1 control as ``\\n``, ``\\r`` or
``\\xNN``, the way ``files.shown`` writes a file name's undecodable bytes. An escape sequence is
harmless once its ESC is written out. ``md`` also escapes what Markdown would act on, and
``md_link`` makes a link of an http or https address only.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # C0 but tab, DEL, C1
_NAMED = {"\n": "\\n", "\r": "\\r"}
# What the command's own renderers write: line breaks, tabs, and colours (SGR) on a terminal.
_OWN_OUTPUT = re.compile(r"\n|\t|\x1b\[[0-9;]*m")
_MARKDOWN = re.compile(r"[\\`*_\[\]<>#|~&]")


def _written(match: re.Match) -> str:
    char = match.group(0)
    return _NAMED.get(char) or f"\\x{ord(char):02x}"


def visible(text: Any) -> str:
    """``text`` on one line, with every control character written out (``\\x1b``, ``\\n``)."""
    return CONTROL.sub(_written, str(text))


def visible_output(text: str) -> str:
    """A whole output as the renderers made it: its line breaks, tabs and colours kept, any other
    control character written out. The renderers already show article text with ``visible``;
    this is the last guard before a terminal or a file."""
    pieces, last = [], 0
    for kept in _OWN_OUTPUT.finditer(text):
        pieces.append(visible(text[last : kept.start()]))
        pieces.append(kept.group(0))
        last = kept.end()
    pieces.append(visible(text[last:]))
    return "".join(pieces)


def md(text: Any) -> str:
    """Article text as Markdown text: one line, no tags, links, code, headings or emphasis from it.

    Every character Markdown could act on is backslash-escaped, except an underscore inside a word
    (``004_f645.txt``), which CommonMark never reads as emphasis."""
    shown = visible(text)

    def escaped(match: re.Match) -> str:
        char, at = match.group(0), match.start()
        if char == "_" and 0 < at < len(shown) - 1 and shown[at - 1].isalnum() and shown[at + 1].isalnum():
            return char
        return "\\" + char

    return _MARKDOWN.sub(escaped, shown)


def web_link(url: Any) -> str | None:
    """``url`` if it is an http or https address with a host and nothing a reader could be fooled by
    (spaces, control characters, ``<`` or ``>``); else None."""
    if not isinstance(url, str) or not url or CONTROL.search(url) or re.search(r"[\s<>\"`\\]", url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def md_link(url: Any) -> str:
    """A Markdown autolink ``<https://…>`` of an http or https address; anything else as plain text."""
    safe = web_link(url)
    return f"<{safe}>" if safe else md(url if url is not None else "")


def md_code(text: Any) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds (the fence is longer than any
    run of them inside), on one line with control characters written out."""
    shown = visible(text)
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") or not shown.strip() else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def json_text(data: Any) -> str:
    """``data`` as indented JSON with non-ASCII text kept, and DEL and C1 controls written as
    ``\\u00NN`` too (json.dumps already does C0), so that the JSON never carries a raw control."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"
