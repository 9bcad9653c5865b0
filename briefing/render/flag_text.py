"""A flag written for a reader: what it says, then each fact it compares with its year and source."""

from __future__ import annotations

from briefing.extract.indicators import HIGHER
from briefing.flags import DOUBTFUL, REVISED, Flag
from briefing.pack import source_name
from briefing.render.labels import labels
from briefing.text.writing import date_text, figure_text


SOURCES_CITED = 3  # articles named for one side of a flag; thousands of copies are counted, not named


def _cited(articles) -> str:
    named = ", ".join(source_name(s) for s in articles[:SOURCES_CITED])
    return named + (f" +{len(articles) - SOURCES_CITED}" if len(articles) > SOURCES_CITED else "")


def flag_label(flag: Flag, lang: str = "vi") -> str:
    """"không đạt mục tiêu"; for an indicator where lower is better, "tốt hơn mục tiêu (thấp hơn mức đề ra)"."""
    words = labels(lang)["flag_words"][flag.kind]
    return words if isinstance(words, str) else words.get(flag.better, words[HIGHER])


def flag_facts(flag: Flag, unit: str, lang: str = "vi") -> str:
    """"mục tiêu 2024: 8% (plan.txt); kết quả 2024: 7,2% (review.txt)". A doubtful value, which is
    compared with nothing, is shown with its sentence, so a reader can judge it."""
    roles = labels(lang)["flag_roles"]
    facts = "; ".join(
        f"{roles[fact.role]}{f' {fact.year}' if fact.year else ''}: {figure_text(fact.cell, unit, lang)}"
        f" ({_cited(fact.cell.articles)}{_when(fact.cell, lang) if flag.kind == REVISED else ''})"
        for fact in flag.facts
    )
    if flag.kind == DOUBTFUL:
        facts += f": “{flag.facts[0].cell.sentence}”"
    return facts


def _when(cell, lang: str) -> str:
    """", 11/07/2024": the meeting date that tells a revised target from the earlier one."""
    day = date_text(getattr(cell, "date", None), lang)
    return f", {day}" if day else ""


def flag_text(flag: Flag, unit: str, lang: str = "vi") -> str:
    return f"{flag_label(flag, lang)}: {flag_facts(flag, unit, lang)}"
