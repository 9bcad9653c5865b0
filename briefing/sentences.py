"""Vietnamese sentence splitting that keeps each sentence's offsets."""

from __future__ import annotations

import re

# Titles and abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """tp tp.hcm ts ths th.s gs pgs bs ks ncs tskh bsck pgs.ts gs.ts gs.tskh
    st mr mrs ms dr q tr v.v vv nxb""".split()
)

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, spaces.
_BOUNDARY = re.compile(rf"(\.\.\.|…|[.!?])([{re.escape(_CLOSERS)}]*)(\s+)")
_STARTS_SENTENCE = re.compile(rf"[{re.escape(_OPENERS)}]*[\w\-–•]", re.UNICODE)
_LAST_TOKEN = re.compile(r"(\S+)$")


def split_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` within ``text[start:end]``, one line treated as prose."""
    end = len(text) if end is None else end
    spans = []
    begin = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m, begin, end):
            stop = m.end(2)
            if text[begin:stop].strip():
                spans.append((begin, stop))
            begin = m.end(3)
    if text[begin:end].strip():
        spans.append((begin, end))
    return [_trim(text, a, b) for a, b in spans]


def split(text: str) -> list[str]:
    """The sentences of ``text`` as strings; every line break ends a sentence."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.extend(text[a:b] for a, b in split_spans(text, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_boundary(text: str, m: re.Match, begin: int, end: int) -> bool:
    after = m.end(3)
    if after >= end:
        return False
    if not _STARTS_SENTENCE.match(text, after) or not _starts_upper(text, after):
        return False
    if m.group(1) != ".":
        return True
    token = _LAST_TOKEN.search(text, begin, m.start(1))
    word = token.group(1).lstrip(_OPENERS) if token else ""
    return not _is_abbreviation(word)


def _starts_upper(text: str, pos: int) -> bool:
    """A new sentence starts with a capital, a digit, a dash or bullet, or an opening quote."""
    while pos < len(text) and text[pos] in _OPENERS:
        pos += 1
    if pos >= len(text):
        return False
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or ch in "-–•"


def _is_abbreviation(word: str) -> bool:
    if not word:
        return False
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    # Initials: "H.Y", "V.", "A.B.C", "PGS.TS" (every dot-separated piece short).
    pieces = low.split(".")
    if len(word) == 1 and word.isupper():
        return True
    return len(pieces) > 1 and all(0 < len(p) <= 3 for p in pieces) and word[0].isupper()


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
