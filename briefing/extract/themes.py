"""Year themes (chủ đề) and mottos (phương châm, tinh thần, khẩu hiệu) quoted in articles.

A slogan is a quotation that follows one of the trigger words closely and reads
as a list of watchwords (at least three parts separated by commas, semicolons
or dashes). Other quotations — a phrase, a speaker's words, a label such as
“Năm quyết tâm” — are not slogans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.article import Article, Sentence
from briefing.text.patterns import NAMED_YEAR, SLOGAN_PART_SEPARATOR

TRIGGER = re.compile(r"\b(chủ đề|phương châm|tinh thần|khẩu hiệu)\b", re.IGNORECASE)
# A quotation in curly, straight or single curly quotes, 3 to 300 characters, as one of three groups.
QUOTED = re.compile(r"“([^“”]{3,300})”|\"([^\"]{3,300})\"|‘([^‘’]{3,300})’")
THIS_YEAR = re.compile(r"\bnăm\s+(?:nay|mới)\b", re.IGNORECASE)
WHOLE_TERM = re.compile(r"\b(?:cả|toàn|suốt) nhiệm kỳ\b", re.IGNORECASE)
# Who a slogan belongs to: the Government's bodies and resolutions ("01/NQ-CP"), or a province's.
NATIONAL_ACTOR = re.compile(
    r"Chính phủ|Thủ tướng|Quốc hội|Trung ương|Bộ Chính trị|Ban Bí thư|\d+/NQ-CP|NQ-CP", re.IGNORECASE
)
LOCAL_ACTOR = re.compile(r"\b(?:tỉnh|thành phố|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|huyện)\b", re.IGNORECASE)
MAX_GAP_WORDS = 16  # a quotation further than this from its trigger word is about something else
KINDS = {"chủ đề": "theme"}


@dataclass(frozen=True)
class Theme:
    text: str
    kind: str  # "theme" or "motto"
    year: int | None
    scope: str  # "national" or "local"
    sentence: str


def find_themes(article: Article, level: str | None, plan_year: int | None) -> list[Theme]:
    """Slogans in the article; ``plan_year`` stands in for "năm nay" and for a slogan with no year."""
    found: list[Theme] = []
    for sentence in article.sentences:
        for theme in _themes_in(sentence, level, plan_year):
            if all(t.text != theme.text or t.year != theme.year for t in found):
                found.append(theme)
    return found


def _themes_in(sentence: Sentence, level: str | None, plan_year: int | None) -> list[Theme]:
    text = sentence.text
    themes = []
    for trigger in TRIGGER.finditer(text):
        quote = QUOTED.search(text, trigger.end())
        if not quote:
            continue
        gap = text[trigger.end() : quote.start()]
        slogan = next(g for g in quote.groups() if g is not None).strip()
        if not _close_enough(gap) or not is_slogan(slogan):
            continue
        before, after = text[: trigger.start()], text[quote.end() :]
        themes.append(
            Theme(
                text=slogan,
                kind=KINDS.get(trigger.group(1).lower(), "motto"),
                year=None if WHOLE_TERM.search(after) else _year(before, gap, plan_year),
                scope=_scope(before, gap, after, level),
                sentence=text,
            )
        )
    return themes


def is_slogan(text: str) -> bool:
    parts = [p for p in SLOGAN_PART_SEPARATOR.split(text) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 8 for p in parts)


def _close_enough(gap: str) -> bool:
    """The quotation belongs to the trigger: near it, same clause, no other quotation between."""
    return len(gap.split()) <= MAX_GAP_WORDS and not re.search(r"[.;“”\"]", gap.replace("NQ-CP", ""))


def _year(before: str, gap: str, plan_year: int | None) -> int | None:
    """The year named between trigger and quote, else the nearest before it, else the plan year."""
    for span in (gap, before):
        years = NAMED_YEAR.findall(span)
        if years:
            return int(years[-1] if span is before else years[0])
        if THIS_YEAR.search(span):
            return plan_year
    return plan_year


def _scope(before: str, gap: str, after: str, level: str | None) -> str:
    """Whose slogan: the actor named between trigger and quote, else the nearest before it,
    else the nearest after it, else the meeting's level decides."""
    if NATIONAL_ACTOR.search(gap):
        return "national"
    if LOCAL_ACTOR.search(gap):
        return "local"
    national = [m.end() for m in NATIONAL_ACTOR.finditer(before)]
    local = [m.end() for m in LOCAL_ACTOR.finditer(before)]
    if national or local:
        return "national" if max(national, default=-1) > max(local, default=-1) else "local"
    national = [m.start() for m in NATIONAL_ACTOR.finditer(after)]
    local = [m.start() for m in LOCAL_ACTOR.finditer(after)]
    if national or local:
        return "national" if min(national, default=10**9) < min(local, default=10**9) else "local"
    return "national" if level in ("national", "ministry", None) else "local"
