"""A flag written for a reader: what it says, then each fact it compares with its year and source."""

from __future__ import annotations

from briefing.flags import CONFLICT
from briefing.trends import outcome
from briefing.extract.indicators import HIGHER
from briefing.flags import DOUBTFUL, REVISED, Flag
from briefing.pack import source_name
from briefing.render.labels import labels
from briefing.text.writing import date_text, figure_text, first_few


SOURCES_CITED = 3  # articles named for one side of a flag; thousands of copies are counted, not named


def _cited(articles, when: str = "") -> str:
    """" (a.txt, b.txt +3, 11/07/2024)": the articles by name, as compare and extract cite them."""
    named = first_few([source_name(s) for s in articles], SOURCES_CITED)
    return f" ({named}{', ' + when if when else ''})"


def pack_citer(numbers: dict[str, int], outlets: dict[str, str]):
    """How a pack cites articles in a flag: by their number in its annex and the first one's outlet
    ("[2, 5] Báo Hà Tĩnh"), not by file names (a fetched file's name is a date, a slug and a hash);
    an article the annex does not list (history from earlier weeks) by its name."""
    def cite(articles, when: str = "") -> str:
        shown = sorted({numbers[s] for s in articles if s in numbers})
        if not shown:  # an earlier week's article, compared from the store: not in this annex
            return _cited(articles, when)
        outlet = next((outlets[s] for s in articles if s in outlets), None)
        return f" [{first_few(shown, SOURCES_CITED)}]" + (f" {outlet}" if outlet else "") + (f" ({when})" if when else "")

    return cite


def flag_label(flag: Flag, lang: str = "vi") -> str:
    """"không đạt mục tiêu"; for an indicator where lower is better, "tốt hơn mục tiêu (thấp hơn mức đề ra)"."""
    words = labels(lang)["flag_words"][flag.kind]
    return words if isinstance(words, str) else words.get(flag.better, words[HIGHER])


def flag_facts(flag: Flag, unit: str, lang: str = "vi", cite=_cited) -> str:
    """"mục tiêu 2024: 8% (plan.txt); kết quả 2024: 7,2% (review.txt)". A doubtful value, which is
    compared with nothing, is shown with its sentence, so a reader can judge it."""
    roles = labels(lang)["flag_roles"]
    facts = "; ".join(
        f"{roles[fact.role]}{f' {fact.year}' if fact.year else ''}: {figure_text(fact.cell, unit, lang)}"
        f"{cite(fact.cell.articles, _when(fact.cell, lang) if flag.kind == REVISED else '')}"
        for fact in flag.facts
    )
    if flag.kind == DOUBTFUL:
        facts += f": “{flag.facts[0].cell.sentence}”"
    return facts


def _when(cell, lang: str) -> str:
    """"11/07/2024": the meeting date that tells a revised target from the earlier one."""
    return date_text(getattr(cell, "date", None), lang) or ""


def flag_text(flag: Flag, unit: str, lang: str = "vi") -> str:
    return f"{flag_label(flag, lang)}: {flag_facts(flag, unit, lang)}"


def trend_mark(row, lang: str = "vi") -> str:
    """"đạt mục tiêu" / "met target": how a year's result stood against its own target, if known; and
    "các bài nêu số liệu khác nhau" when articles give the year's figure differently (the value shown
    is one of them)."""
    kind = outcome(row)
    marks = [next(f for f in row.flags if f.kind == kind)] if kind else []
    marks += [f for f in row.flags if f.kind == CONFLICT][:1]
    return "; ".join(flag_label(f, lang) for f in marks)
