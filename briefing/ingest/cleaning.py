"""Tell article prose from the noise around it: headers, captions, datelines, bylines.

Works on lines (a line is a paragraph in every layout the tool reads) and,
inside prose lines, on sentences for credits that sit inline.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefing.text.patterns import YEAR
from briefing.text.sentences import split_spans

HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})\b\s*", re.IGNORECASE)
DATELINE = re.compile(
    r"^\s*(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*"
    r"(\d{1,2})/(\d{1,2})/(\d{4})\b[\s\d:|,-]*(?:gmt\+?\d*)?\s*$",
    re.IGNORECASE,
)
# "LSO-Ngày 29/12/2020", "(VnMedia) - Dưới đây", "HÀ NỘI - Sáng nay"
SOURCE_PREFIX = re.compile(r"^(?:\([^()\n]{2,40}\)|[A-ZĐ]{2,8}(?: [A-ZĐÀ-Ỹ]{2,8})?)\s*[-–—]+\s*(?=\w)")
PHOTO_CREDIT = re.compile(
    r"(?:\(\s*ảnh\b|[-–—]\s*ảnh\s*:|^\s*ảnh\s*:|\bảnh\s*:\s*[\w.]|(?:ảnh|hình|hình ảnh) minh (?:họa|hoạ)|nguồn ảnh)",
    re.IGNORECASE,
)
# "Ảnh: TTXVN", "Nguồn: …", and a bare "Hình minh họa." left inline where the picture was
CREDIT_SENTENCE = re.compile(
    r"^\(?\s*(?:(?:ảnh|nguồn|ảnh minh (?:họa|hoạ))\s*:|(?:ảnh|hình|hình ảnh) minh (?:họa|hoạ)\s*[.)]?\s*$)",
    re.IGNORECASE,
)
BYLINE_LEAD = re.compile(
    r"^(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và|-)\s*(?:ảnh|bài|video))?\s*:", re.IGNORECASE
)
SOURCE_CREDIT = re.compile(r"^(?:theo|nguồn)\s*:?\s+\S", re.IGNORECASE)
CAPTION_LEAD = re.compile(r"^(?:toàn cảnh|quang cảnh|toàn ảnh|các đại biểu|đại biểu|ảnh)\b", re.IGNORECASE)
# Who is in the picture: a title or "đồng chí" opening a one-sentence line.
CAPTION_SUBJECT = re.compile(
    r"^(?:các\s+)?(?:đồng chí|thủ tướng|phó thủ tướng|chủ tịch|phó chủ tịch|bí thư|phó bí thư|"
    r"bộ trưởng|thứ trưởng|giám đốc|đại tá|thiếu tướng|trung tướng|đại tướng|lãnh đạo|"
    r"tổng bí thư|trưởng ban|ông|bà)\b",
    re.IGNORECASE,
)
CAPTION_ACTION = re.compile(
    r"\b(?:phát biểu|chủ trì|tham dự|dự|kết luận|tham luận|trao|tặng|chúc mừng|"
    r"thăm|chụp|khai mạc|bế mạc|điều hành|trình bày|báo cáo|đề xuất)\b",
    re.IGNORECASE,
)
REPORTING = re.compile(
    r"\b(?:nhấn mạnh|cho biết|yêu cầu|khẳng định|cho rằng|nêu rõ|chỉ rõ|lưu ý)\b|[“\"]", re.IGNORECASE
)
COLON_THEN = re.compile(r":\s*(\S+)\s+(\S+)")
# Figures other than years mark a sentence as reporting, not a picture description.
FIGURE = re.compile(rf"\d+[.,]\d+|\d+\s*%|\b(?!{YEAR}\b)\d{{1,3}}\b(?![/-]\d)")
TERMINAL = ".!?…"
NAME_CONNECTORS = {"từ", "và", "theo", "tổng", "hợp", "-", "–", "&"}


@dataclass
class Line:
    text: str
    start: int
    block: int  # blocks are separated by blank lines
    kind: str = "prose"  # header, dateline, title, caption, byline, heading, prose


def split_lines(text: str) -> list[Line]:
    """Non-empty lines with their offsets, each tagged with its blank-line block."""
    lines, pos, block, blank = [], 0, 0, False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            if blank and lines:
                block += 1
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(stripped, pos + lead, block))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return lines


def classify(lines: list[Line]) -> list[Line]:
    """Tag every line with its kind; may split a header line into header + title."""
    lines = _take_header(lines)
    _take_datelines(lines)
    _take_title(lines)
    repeated = Counter(ln.text for ln in lines if ln.kind == "prose")
    for i, ln in enumerate(lines):
        if ln.kind != "prose":
            continue
        if is_byline(ln.text, near_end=i >= len(lines) - 3):
            ln.kind = "byline"
        elif is_caption(ln.text) or (repeated[ln.text] > 1 and _words(ln.text) <= 30):
            ln.kind = "caption"
        elif _is_heading(ln.text) and i != len(lines) - 1:
            ln.kind = "heading"
    _take_trailing_captions(lines)
    return lines


def is_caption(line: str) -> bool:
    """A photo caption: carries a photo credit, or is a one-line picture description."""
    words = _words(line)
    if PHOTO_CREDIT.search(line) and words <= 60 and _sentence_count(line) <= 2:
        return True
    if words > 50 or _sentence_count(line) > 1 or FIGURE.search(line):
        return False
    if _is_reporting(line):
        return False
    return bool(CAPTION_LEAD.match(line) or (CAPTION_SUBJECT.match(line) and CAPTION_ACTION.search(line)))


def _is_reporting(line: str) -> bool:
    """Reported speech or an explanation after a colon; a colon before a list of names is fine."""
    if REPORTING.search(line):
        return True
    return any(not (a[0].isupper() and b[0].isupper()) for a, b in COLON_THEN.findall(line)) or line.endswith(":")


def is_byline(line: str, near_end: bool = True) -> bool:
    """An author or source credit: "Minh Hiếu", "TÂN AN", "Tin, ảnh: Hồ Thuỷ", "H.Y (tổng hợp)"."""
    if _words(line) > 8:
        return False
    if BYLINE_LEAD.match(line):
        return True
    if line[-1] in TERMINAL:
        return False
    if SOURCE_CREDIT.match(line) and _words(line) <= 6:
        return True
    return near_end and is_name_like(line)


def is_name_like(text: str) -> bool:
    """A few capitalised words or initials, possibly with "(tổng hợp)" or "- (source)"."""
    bare = re.sub(r"\([^()]*\)", " ", text)
    tokens = bare.replace(",", " ").split()
    if not 1 <= len(tokens) <= 5:
        return False
    named = [t for t in tokens if t.lower() not in NAME_CONNECTORS]
    return bool(named) and all(t[0].isupper() and not t.isdigit() for t in named)


def strip_source_prefix(text: str) -> int:
    """Length of an agency prefix such as "LSO-" or "(VnMedia) - " at the start of ``text``."""
    m = SOURCE_PREFIX.match(text)
    return m.end() if m else 0


def is_credit_sentence(sentence: str) -> bool:
    return bool(CREDIT_SENTENCE.match(sentence)) and _words(sentence) <= 8


def _take_header(lines: list[Line]) -> list[Line]:
    if not lines:
        return lines
    first = lines[0]
    m = HEADER.match(first.text)
    if not m:
        return lines
    head = Line(first.text[: m.end()].strip(), first.start, first.block, "header")
    rest = first.text[m.end():].strip()
    if not rest:
        return [head, *lines[1:]]
    return [head, Line(rest, first.start + m.end(), first.block), *lines[1:]]


def _take_datelines(lines: list[Line]) -> None:
    for ln in lines[:4]:
        if ln.kind == "prose" and DATELINE.match(ln.text):
            ln.kind = "dateline"


def _take_title(lines: list[Line]) -> None:
    candidates = [ln for ln in lines if ln.kind == "prose"]
    if not candidates or not _is_title_like(candidates[0].text):
        return
    candidates[0].kind = "title"
    # A kicker ending in ":" followed by the headline: "Hội nghị …:" / "Kiên quyết …"
    if candidates[0].text.endswith(":") and len(candidates) > 1 and _is_title_like(candidates[1].text):
        candidates[1].kind = "title"


def _take_trailing_captions(lines: list[Line]) -> None:
    """In the one-sentence-per-line layout, a short last block after the body holds captions."""
    blocks = sorted({ln.block for ln in lines})
    if len(blocks) < 3:
        return
    last = [ln for ln in lines if ln.block == blocks[-1]]
    before = [ln for ln in lines if ln.block == blocks[-2]]
    if len(last) <= 4 and len(before) >= 4 and all(_words(ln.text) <= 40 for ln in last):
        for ln in last:
            if ln.kind in ("prose", "heading"):
                ln.kind = "caption"


def _is_title_like(text: str) -> bool:
    return _words(text) <= 40 and text[-1] not in TERMINAL and _sentence_count(text) == 1


def _is_heading(text: str) -> bool:
    return _words(text) <= 25 and text[-1] not in TERMINAL + ":;”\"'),"


def _words(text: str) -> int:
    return len(text.split())


def _sentence_count(text: str) -> int:
    return len(split_spans(text))
