"""Year themes (chủ đề) and mottos (phương châm, tinh thần, khẩu hiệu) quoted in articles,
and named years ("chọn năm 2019 là Năm đột phá cải cách hành chính").

A slogan is a quotation that follows one of the trigger words closely and reads
as a list of watchwords (at least three parts separated by commas, semicolons
or dashes). Other quotations — a phrase, a speaker's words, a label such as
“Năm quyết tâm” — are not slogans, and an agency's or a company's motto is not
a year theme. A named year is a theme of the year it names, and of another year it is
named with later ("thực hiện Năm dân vận chính quyền 2019").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.extract.owner import ORGANISATION, SUBJECT_REACH
from briefing.ingest.article import Article, Sentence
from briefing.text.normalize import match_form
from briefing.text.patterns import NAMED_YEAR, SLOGAN_PART_SEPARATOR, YEAR

TRIGGER = re.compile(r"\b(chủ đề|phương châm|tinh thần|khẩu hiệu)\b", re.IGNORECASE)
# A quotation in curly, straight or single curly quotes, 3 to 300 characters, as one of five groups;
# a curly quote may be closed by a straight one, or the other way round (“Năm …").
QUOTED = re.compile(
    r"“([^“”]{3,300})”|\"([^\"“”]{3,300})\"|‘([^‘’]{3,300})’|“([^“”\"]{3,300})\"|\"([^\"“”]{3,300})”"
)
# "thực hiện chủ đề Năm tiếp tục đẩy mạnh thu hút đầu tư;": a named year after "chủ đề", unquoted,
# to the end of its clause.
UNQUOTED_NAMED_YEAR = re.compile(r"\s*(?:(?:công tác|hành động|năm \d{4})\s+)*(?:là\s*)?:?\s*(Năm [^.;:,“”\"()]{3,120})")
THIS_YEAR = re.compile(r"\bnăm\s+(?:nay|mới)\b", re.IGNORECASE)
WHOLE_TERM = re.compile(r"\b(?:cả|toàn|suốt) nhiệm kỳ\b", re.IGNORECASE)
# Who a slogan belongs to: the Government's bodies and resolutions ("01/NQ-CP"), or a province's.
NATIONAL_ACTOR = re.compile(
    r"Chính phủ|Thủ tướng|Quốc hội|Trung ương|Bộ Chính trị|Ban Bí thư|\d+/NQ-CP|NQ-CP", re.IGNORECASE
)
LOCAL_ACTOR = re.compile(r"\b(?:tỉnh|thành phố|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|huyện)\b", re.IGNORECASE)
# "chủ đề năm 2025 là", "chủ đề công tác năm 2024 là": the theme of a named year.
YEAR_THEME = re.compile(rf"\s*(?:\w+\s+){{0,3}}năm\s+{YEAR}\b", re.IGNORECASE)
HELD_BY_AFTER = re.compile(r"\s*(?:của|do)\s+(\S.*)")  # the holder named right after the quotation
MAX_GAP_WORDS = 16  # a quotation further than this from its trigger word is about something else
KINDS = {"chủ đề": "theme"}
HOLDER_REACH = 60  # "… Cục Hải quan với phương châm": whose slogan is said just before it
SECTOR_REACH = 100  # "… của ngành tiếp tục được đổi mới, rõ phương châm": a sector named further back
NAMED_AGAIN_AT_MOST = 10  # named years looked for again (an article names one or two; this bounds hostile text)
NAME_WORDS = 3  # an unquoted named year has a phrase of at least this many words after "Năm"
NOT_A_NAME = {"học", "châu", "tài", "mới", "nay", "qua", "tới", "sau"}  # "Năm học mới", "Năm châu", "Năm tài chính"
STATE_OFFICE = re.compile(r"\bBộ [A-ZĐ]|\bUBND\b|\bHĐND\b")  # a ministry's or a people's committee's (cased)
# An agency, a department or a sector holds its own mottos ("ngành thuế", "Cục Hải quan").
AGENCY = re.compile(r"\bngành\b|(?<!bố )\bcục\b(?! diện)|(?<!cơ )\bsở\b|\bchi nhánh\b")
# A year named by a choice: "chọn năm 2019 là Năm đột phá …", "đưa 2016 là năm khởi nghiệp …",
# "lấy năm 2018 làm “Năm doanh nghiệp”"; the name runs to the end of its clause or quotation.
NAME_OF_YEAR = r"(?:[“\"]([Nn]ăm [^“”\"]{3,120})[”\"]|([Nn]ăm [^.;:“”\"]{3,120}))"
NAMED_YEAR_THEME = re.compile(
    rf"\b(?:chọn|xác định|lấy|đưa|coi)\s+(?:năm\s+)?({YEAR})\s+(?:là|làm)\s+{NAME_OF_YEAR}", re.IGNORECASE
)
# The same choice told of the year: "Năm 2019 được xác định là “Năm đột phá …”", or a name written
# with a capital N ("năm 2018 là Năm Doanh nghiệp"); "Năm 2024 là năm bứt phá …" describes, it names nothing.
NAMED_YEAR_PASSIVE = re.compile(
    rf"\b[Nn]ăm ({YEAR}) (?:được (?:[\w ]{{0,30}} )?(?:chọn|xác định|lấy|coi) (?:là|làm) {NAME_OF_YEAR}|(?:là|sẽ là) "
    r"(?:[“\"](Năm [^“”\"]{3,120})[”\"]|(Năm [^.;:“”\"]{3,120})))"
)


@dataclass(frozen=True)
class Theme:
    text: str
    kind: str  # "theme" or "motto"
    year: int | None
    scope: str  # "national" or "local"
    sentence: str
    sources: tuple[str, ...] = ()  # every article of the meeting that states it, once meetings are merged


def find_themes(article: Article, level: str | None, plan_year: int | None) -> list[Theme]:
    """Slogans in the article; ``plan_year`` stands in for "năm nay" and for a slogan with no year."""
    found = _each_once(t for sentence in article.sentences for t in _themes_in(sentence, level, plan_year))
    return _each_once(found + _named_again(article, found))


def _each_once(themes) -> list[Theme]:
    """Each text and year once, the first found (by a set: a long article is not quadratic)."""
    seen: set[tuple[str, int | None]] = set()
    return [t for t in themes if (t.text, t.year) not in seen and not seen.add((t.text, t.year))]


def _named_again(article: Article, themes: list[Theme]) -> list[Theme]:
    """A named year found as a theme and named again with another year ("thực hiện Năm dân vận chính
    quyền 2019") is that year's theme too: the same campaign, carried on."""
    again = []
    named_years = [t for t in themes if t.kind == "theme" and t.text.startswith("Năm ")]
    for theme in named_years[:NAMED_AGAIN_AT_MOST]:
        named_with_a_year = re.compile(re.escape(theme.text) + rf"\s+({YEAR})\b")
        for sentence in (s for s in article.sentences if theme.text in s.text):  # a plain search first: fast
            for m in named_with_a_year.finditer(sentence.text):
                again.append(replace(theme, year=int(m.group(1)), sentence=sentence.text))
    return again


def _themes_in(sentence: Sentence, level: str | None, plan_year: int | None) -> list[Theme]:
    text = sentence.text
    themes = _named_years(text, level)
    for trigger in TRIGGER.finditer(text):
        unquoted = UNQUOTED_NAMED_YEAR.match(text, trigger.end()) if trigger.group(1).lower() == "chủ đề" else None
        if unquoted and _names_a_year(unquoted.group(1), text):
            name, gap = unquoted.group(1).strip(), text[trigger.end() : unquoted.start(1)]
            before, after = text[: trigger.start()], text[unquoted.end() :]
            if not any(t.text.startswith(name) or name.startswith(t.text) for t in themes):  # told already
                themes.append(Theme(name, "theme", _year(before, gap, plan_year), _scope(before, gap, after, level), text))
            continue
        quote = QUOTED.search(text, trigger.end())
        if not quote:
            continue
        gap = text[trigger.end() : quote.start()]
        slogan = next(g for g in quote.groups() if g is not None).strip()
        before, after = text[: trigger.start()], text[quote.end() :]
        theme = trigger.group(1).lower() == "chủ đề"
        named_year = theme and slogan.startswith("Năm ")  # chủ đề: “Năm cải thiện môi trường đầu tư …”
        of_a_year = bool(YEAR_THEME.match(gap))  # "chủ đề công tác năm 2020 là", "phương châm hành động năm 2024"
        watchwords = is_slogan(slogan, 2, 12) if theme and of_a_year else is_slogan(slogan)
        # a year's motto is the government's, whichever sector is told to follow it
        if not _close_enough(gap) or not (named_year or watchwords) or (not of_a_year and _agency_motto(before + gap)):
            continue
        if level is None and not theme and not of_a_year and not _authority_named(text):
            continue  # a motto in an article that reports no meeting, no authority named, is a company's
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


def _authority_named(sentence: str) -> bool:
    """The sentence names a body of the state: the Government, a province, a ministry, a committee."""
    return bool(NATIONAL_ACTOR.search(sentence) or LOCAL_ACTOR.search(sentence) or STATE_OFFICE.search(sentence))


def _names_a_year(name: str, sentence: str) -> bool:
    """An unquoted "Năm …" after "chủ đề" names a year when it is a phrase of its own ("Năm tiếp tục
    đẩy mạnh thu hút đầu tư"), not a year, a school year or a set phrase ("Năm 2019", "Năm học mới"),
    and an authority holds it."""
    words = name.split()[1:]
    return (len(words) >= NAME_WORDS and not words[0][0].isdigit() and words[0].lower() not in NOT_A_NAME
            and _authority_named(sentence))


def _named_years(text: str, level: str | None) -> list[Theme]:
    themes = []
    for m in [*NAMED_YEAR_THEME.finditer(text), *NAMED_YEAR_PASSIVE.finditer(text)]:
        name = next(g for g in m.groups()[1:] if g).strip().rstrip(",")
        before, after = text[: m.start()], text[m.end() :]
        themes.append(Theme(name, "theme", int(m.group(1)), _scope(before, "", after, level), text))
    return themes


def _agency_motto(before: str) -> bool:
    """The slogan's holder, named just before it or as the subject opening its sentence, is an
    agency, a department or a company ("Năm 2024, Vietcombank … kiên định phương châm …"); further
    back in its sentence, a sector ("… của ngành …, rõ phương châm") holds it only when no authority
    is named ("Thủ tướng đề nghị các bộ, ngành … tinh thần “…”" is the Government's)."""
    holder, subject = match_form(before[-HOLDER_REACH:]), match_form(before[:SUBJECT_REACH])
    if AGENCY.search(holder) or ORGANISATION.search(holder) or ORGANISATION.search(subject):
        return True
    wider = match_form(before[-SECTOR_REACH:])
    return bool(AGENCY.search(wider)) and not (NATIONAL_ACTOR.search(before) or LOCAL_ACTOR.search(before))


def is_slogan(text: str, fewest_parts: int = 3, longest_part: int = 8) -> bool:
    """Watchwords: ``fewest_parts`` or more short parts. A year's theme ("chủ đề năm 2025 là …",
    "chủ đề: “Năm …”") may have two, of up to ``longest_part`` words each; any other quotation
    needs three short ones to be told from a phrase.
    Parts that open with a count ("5 quyết tâm, 3 bảo đảm") name lists of tasks: a label."""
    parts = [p for p in SLOGAN_PART_SEPARATOR.split(text) if p]
    return len(parts) >= fewest_parts and all(len(p.split()) <= longest_part and not p[0].isdigit() for p in parts)


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
    holder = HELD_BY_AFTER.match(after)  # “…” của Chính phủ
    if NATIONAL_ACTOR.search(gap) or (holder and NATIONAL_ACTOR.match(holder.group(1))):
        return "national"
    if LOCAL_ACTOR.search(gap) or (holder and LOCAL_ACTOR.match(holder.group(1))):
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
