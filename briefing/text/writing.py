"""Figures and dates written for a reader, in Vietnamese or English.

Vietnamese as the press writes it: "17.500 tỷ đồng", "8,05%", "11% trở lên", "28/12/2022".
English: "VND 17,500 billion", "8.05%", "at least 11%", "28 Dec 2022".
Each vocabulary holds both languages' forms; "{}" stands for the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text.normalize import match_form
from briefing.text.numbers import Quantity, find_quantities
from briefing.text.quantity_words import (
    APPROXIMATE_WORDS, COMPARATORS, COUNTED_NOUNS, MAGNITUDES, PLAN_UNITS, UNITS,
)

# The magnitudes a number is written in, largest first.
WRITTEN_MAGNITUDES = sorted(((power, words) for power, words in MAGNITUDES.items() if words.written), reverse=True)

# "thêm 16 xã": 16 more than before, not 16 in all.
INCREMENT = {"vi": "thêm {}", "en": "an additional {}"}
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
PLAN_WORD = re.compile(r"\s*(?:so với\s+)?(" + "|".join(PLAN_UNITS) + ")")
NOUN_AFTER_NUMBER = re.compile(r"\d\s+(\D+?)(?:\s+trở\s+(?:lên|xuống))?$")  # "16 xã trở lên": "xã"


@dataclass(frozen=True)
class SourceWords:
    """What the article said around a figure that the figure's fields leave out."""

    approximate: str | None = None  # the word read as "~": "gần", "khoảng"
    plan: str | None = None  # what a share is of: "dự toán", "kế hoạch", "chỉ tiêu"
    noun: str | None = None  # the counted noun as written: "huyện" of "8/13 huyện"


def number(value: float, decimals: int = 2, lang: str = "vi") -> str:
    """8.05 → "8,05" (en "8.05"); 17500 → "17.500" (en "17,500"); trailing zeros dropped."""
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    if lang == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def amount(value: float, unit: str, lang: str = "vi") -> str:
    """A value in base units with its unit: 17500000000000 VND → "17.500 tỷ đồng" (en "VND 17,500 billion")."""
    return _unit_form(unit, lang).format(_scaled(value, unit, lang))


def figure_value(
    value: float,
    value_max: float | None,
    unit: str,
    comparator: str = "=",
    of: float | None = None,
    lang: str = "vi",
    sentence: str | None = None,
    increment: bool = False,
) -> str:
    """The whole figure as a reader expects it: "11% trở lên", "8 - 8,5%", "26/28 chỉ tiêu"
    (en "at least 11%", "8 - 8.5%", "26 of 28 indicators").

    Given the ``sentence`` it was read from, the article's own words are kept: "gần" (nearly)
    rather than "khoảng" (about), "dự toán" rather than "kế hoạch", the noun a count counts.
    """
    words = source_words(sentence, value, value_max, unit) if sentence else SourceWords()
    if unit == "% of plan" and words.plan:
        unit = PLAN_UNITS[words.plan]
    if of is not None:
        text = _share(value, of, words.noun, lang)
    elif value_max is not None:
        text = _unit_form(unit, lang).format(_scaled_range(value, value_max, unit, lang))
    else:
        text = _counted(amount(value, unit, lang), value, words.noun if unit == "count" else None, lang)
    if increment:
        text = INCREMENT[lang].format(text)
    form = APPROXIMATE_WORDS.get(words.approximate or "") if comparator == "~" else None
    return (form or COMPARATORS.get(comparator, COMPARATORS["="]).written)[lang].format(text)


def figure_text(figure, unit: str | None = None, lang: str = "vi") -> str:
    """A figure, or a comparison cell of ``unit``, written out with figure_value; "" for None."""
    if figure is None:
        return ""
    increment = getattr(figure, "increment", False)  # comparison cells are never increments
    return figure_value(
        figure.value, figure.value_max, unit or figure.unit, figure.comparator, figure.of, lang, figure.sentence,
        increment,
    )


def source_words(sentence: str, value: float, value_max: float | None, unit: str = "") -> SourceWords:
    """The article's words around the quantity of ``sentence`` that a figure of ``value`` was read from."""
    quantity = _quantity_of(sentence, value, value_max, unit)
    if quantity is None:
        return SourceWords()
    text = match_form(quantity.text)
    approximate = next((w for w in APPROXIMATE_WORDS if text.startswith(w + " ")), None)
    plan = PLAN_WORD.match(match_form(sentence[quantity.end : quantity.end + 30]))
    noun = NOUN_AFTER_NUMBER.search(quantity.text) if quantity.unit == "count" else None
    return SourceWords(approximate, plan and plan.group(1), noun and noun.group(1).strip())


def date_text(iso: str | None, lang: str = "vi") -> str | None:
    """ "2022-12-28" → "28/12/2022" (en "28 Dec 2022"); anything else comes back as it is."""
    match = ISO_DATE.fullmatch(iso or "")
    if not match:
        return iso
    year, month, day = (int(part) for part in match.groups())
    if lang == "en":
        return f"{day} {MONTHS_EN[month - 1]} {year}"
    return f"{day:02d}/{month:02d}/{year}"


def period_text(first: str | None, last: str | None, lang: str = "vi", unknown: str = "?") -> str:
    """ "05/01/2024 – 20/01/2024", or one date when the period is one day."""
    first, last = date_text(first, lang) or unknown, date_text(last, lang) or unknown
    return first if first == last else f"{first} – {last}"


def _quantity_of(sentence: str, value: float, value_max: float | None, unit: str) -> Quantity | None:
    quantities = find_quantities(sentence)
    same = [q for q in quantities if q.value == value and q.value_max == value_max]
    # "vượt 8% so với dự toán" was read as 108% of the plan.
    exceeding = [q for q in quantities if unit == "% of plan" and 100 + q.value == value]
    return next(iter(same + exceeding), None)


def _unit_form(unit: str, lang: str) -> str:
    if unit in UNITS:
        return UNITS[unit].written[lang]
    return f"{{}} {unit}" if unit else "{}"


def _magnitude(value: float, unit: str) -> tuple[int, dict | None]:
    if unit in ("VND", "USD") or abs(value) >= 10**6:
        for power, words in WRITTEN_MAGNITUDES:
            if abs(value) >= 10**power:
                return 10**power, words.written
    return 1, None


def _scaled(value: float, unit: str, lang: str) -> str:
    """17500000000000 → "17.500 tỷ" (en "17,500 billion"); percentages are never scaled."""
    size, names = (1, None) if unit.startswith("%") else _magnitude(value, unit)
    return f"{number(value / size, lang=lang)} {names[lang]}" if names else number(value, lang=lang)


def _scaled_range(low: float, high: float, unit: str, lang: str) -> str:
    """ "8 - 8,5", "1,5 - 2 tỷ": the magnitude is written once when both ends share it."""
    if unit.startswith("%") or _magnitude(low, unit) == _magnitude(high, unit):
        size, names = (1, None) if unit.startswith("%") else _magnitude(high, unit)
        scale = f" {names[lang]}" if names else ""
        return f"{number(low / size, lang=lang)} - {number(high / size, lang=lang)}{scale}"
    return f"{_scaled(low, unit, lang)} - {_scaled(high, unit, lang)}"


def _share(value: float, of: float, noun: str | None, lang: str) -> str:
    """ "8/13 huyện" (en "8 of 13 districts")."""
    if lang == "en":
        return _counted(f"{number(value, lang=lang)} of {number(of, lang=lang)}", of, noun, lang)
    return _counted(f"{number(value)}/{number(of)}", of, noun, lang)


def _counted(text: str, count: float, noun: str | None, lang: str) -> str:
    """The count followed by its noun: as the article wrote it in Vietnamese, from COUNTED_NOUNS in English."""
    if noun and lang == "en":
        forms = COUNTED_NOUNS.get(match_form(noun))
        noun = forms and forms[count != 1]
    return f"{text} {noun}" if noun else text


def first_few(items: list, limit: int, separator: str = ", ", more: str = " +") -> str:
    """"a, b, c +240": at most ``limit`` items, the rest counted: thousands of copies are not named."""
    shown = separator.join(str(item) for item in items[:limit])
    return shown + (f"{more}{len(items) - limit}" if len(items) > limit else "")
