"""Quantities in one Vietnamese sentence: "8,05%", "17.500 tỷ đồng", "gần 65 vạn tấn", "26/28 chỉ tiêu".

Vietnamese writes a decimal comma and a thousands dot (8,05; 17.946). For text that does not:
- "2.45", a single dot not followed by exactly three digits, is an English decimal point: 2.45.
- "7,000", shaped d{1,3}(,ddd)+, is English thousands (7000) unless the sentence also has a
  decimal comma such as "8,5": then the sentence is Vietnamese and "7,000" is 7.0.
  parse_number has no sentence around it, so it always reads "7,000" as 7000.
Not quantities, so skipped: dates (5/1, 28-12, 31/12/2023), years (2024, 2021-2025), codes
(01/NQ-CP, COVID-19, 5G), ranks (thứ 15, thứ 9/114 bộ ngành) and bare labels (khóa 14, quý 4).
Unit "count" is given only to the nouns in quantity_words.COUNTED; after any other noun the unit is "".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.text import quantity_words
from briefing.text.quantity_words import reading


@dataclass(frozen=True)
class Quantity:
    value: float  # in base units: 17.500 tỷ đồng -> 17500000000000.0, 8,05% -> 8.05
    value_max: float | None  # upper end of a range
    comparator: str  # "=", ">=", ">", "<=", "<" or "~"
    unit: str  # "%", "VND", "USD", "count", "people", "visits", "tonnes", or "" for a bare number
    of: float | None  # the 28 of "26/28 chỉ tiêu"
    start: int  # span of the whole match, comparator words included
    end: int
    text: str


MAGNITUDES = reading(quantity_words.MAGNITUDES)  # word → power of ten
# "nghìn tỷ", "triệu tỷ": a magnitude of a magnitude.
MAGNITUDES |= {f"{a} {b}": MAGNITUDES[a] + MAGNITUDES[b] for a in ("nghìn", "ngàn", "triệu") for b in ("tỷ", "tỉ")}
UNITS = reading(quantity_words.UNITS)  # word → unit code
COMPARATORS = reading(quantity_words.COMPARATORS)  # word → comparator symbol
RANKS = {"thứ", "hạng"}
# Words that make a following bare number a label or a date part rather than an amount.
LABELS = {
    "khóa", "khoá", "quý", "điều", "khoản", "chương", "mục", "kỳ", "kì", "tháng", "đợt", "phiên",
    "số", "lần", "tuần", "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "mùng", "mồng",
}
DATE_WORDS = {"ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "mùng", "mồng", "đến", "từ"}


def _alternation(words) -> str:
    """Longest first, so "nghìn tỷ" wins over "nghìn"; a space also matches a hyphen ("đô-la")."""
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))


NUM = r"\d+(?:[.,]\d+)*"
MAGNITUDE = rf"(?:{_alternation(MAGNITUDES)})(?!\w)"
# ("đồng chí" is a comrade; "khách sạn", "khách hàng", "khách mời" are hotels, customers and guests, not visits)
UNIT = rf"(?!đồng\s+chí)(?:{_alternation(UNITS)})(?!\w)(?<!khách(?=\s(?:sạn|hàng|mời)\b))"
# "độ" means "about" only on its own: "tốc độ 8%" is a rate, not an estimate.
NOT_ABOUT = r"(?<!tốc )(?<!tiến )(?<!mức )(?<!nhiệt )(?<!trình )(?<!chế )"
BEFORE_WORDS = _alternation(set(COMPARATORS) - set(quantity_words.COMPARATORS_AFTER)).replace("độ", NOT_ABOUT + "độ")

NUMBER = re.compile(rf"(?<![\w/.,–-]){NUM}")
SIDE = re.compile(rf"(?:\s*(?P<magnitude>{MAGNITUDE}))?(?:\s*(?P<unit>{UNIT}))?", re.I)
# The upper end must not be the day of a date: "9.982 tỷ đồng đến 31/12/2023".
RANGE = re.compile(rf"(?:\s*[-–]\s*|\s+đến\s+)(?P<number>{NUM})(?![/.,–-]?\d)", re.I)
FRACTION = re.compile(r"/(?P<number>\d+)(?![/.,]?\d)")
PER_UNIT = re.compile(r"(?:/[^\W\d_]+)*")
AFTER = re.compile(rf"\s+(?P<word>{_alternation(quantity_words.COMPARATORS_AFTER)})(?!\w)", re.I)
BEFORE = re.compile(rf"(?<!\w)(?:(?P<word>{BEFORE_WORDS})\s+)?(?P<range_from>từ\s+)?$", re.I)
PREVIOUS_WORD = re.compile(r"(?<!\w)(\w+)[\s,(]*$")
GLUED = re.compile(r"[/–-]?\w")  # "01/NQ-CP", "5/1/2024", "5G": a code, not an amount
DECIMAL_COMMA = re.compile(r"\d,\d{1,2}(?!\d)")
THOUSANDS_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+")
THOUSANDS_COMMAS = re.compile(r"\d{1,3}(?:,\d{3})+")
WHOLE_NUMBER = re.compile(NUM)
SPACES = re.compile(r"[\s-]+")


@dataclass
class _Reading:
    """What was read at one number, before deciding whether it is a quantity."""

    start: int
    end: int
    low: str
    magnitude: str | None = None
    unit: str | None = None
    high: str | None = None
    high_magnitude: str | None = None
    of: str | None = None
    after: str | None = None


def parse_number(text: str) -> float | None:
    """ "17.946" -> 17946.0, "8,05" -> 8.05, "2.45" -> 2.45, "7,000" -> 7000.0; None if not a number."""
    text = text.strip()
    plain = _plain_decimal(text, comma_groups_thousands=True) if WHOLE_NUMBER.fullmatch(text) else None
    return float(plain) if plain else None


def find_quantities(sentence: str) -> list[Quantity]:
    """The quantities of one sentence, in order of appearance, never overlapping."""
    comma_groups_thousands = not DECIMAL_COMMA.search(sentence)
    found: list[Quantity] = []
    pos = 0
    while number := NUMBER.search(sentence, pos):
        reading = _read(sentence, number)
        pos = reading.end  # a rejected date or code is skipped whole, not re-read from its middle
        if _is_label_or_code(sentence, reading):
            continue
        floor = found[-1].end if found else 0
        quantity = _to_quantity(sentence, reading, comma_groups_thousands, floor)
        if quantity:
            found.append(quantity)
    return found


def _read(sentence: str, number: re.Match) -> _Reading:
    side = SIDE.match(sentence, number.end())
    reading = _Reading(number.start(), side.end(), number.group(), side["magnitude"], side["unit"])
    if not _read_range(sentence, reading) and not (reading.magnitude or reading.unit):
        _read_fraction(sentence, reading)
    if reading.unit:
        reading.end = PER_UNIT.match(sentence, reading.end).end()
    if after := AFTER.match(sentence, reading.end):
        reading.after, reading.end = after["word"], after.end()
    return reading


def _read_range(sentence: str, reading: _Reading) -> bool:
    joined = RANGE.match(sentence, reading.end)
    if not joined:
        return False
    side = SIDE.match(sentence, joined.end())
    # With a unit or magnitude on the low side the high side must repeat it: "27% - 27,5%",
    # while "5 tỷ đồng đến 2025" is an amount and a year.
    if reading.unit and _unit_name(reading.unit) != _unit_name(side["unit"]):
        return False
    if reading.magnitude and not side["magnitude"]:
        return False
    reading.high, reading.high_magnitude = joined["number"], side["magnitude"]
    reading.unit = side["unit"] or reading.unit
    reading.end = side.end()
    return True


def _read_fraction(sentence: str, reading: _Reading) -> None:
    if slash := FRACTION.match(sentence, reading.end):
        side = SIDE.match(sentence, slash.end())
        reading.of, reading.magnitude, reading.unit = slash["number"], side["magnitude"], side["unit"]
        reading.end = side.end()


def _is_label_or_code(sentence: str, reading: _Reading) -> bool:
    if GLUED.match(sentence, reading.end):
        return True
    previous = PREVIOUS_WORD.search(sentence, max(0, reading.start - 12), reading.start)
    previous = previous[1].lower() if previous else ""
    if previous in RANKS:
        return True
    if reading.of:
        # "26/28 chỉ tiêu" counts things; "5/1" or "ngày 17/1 tỉnh ..." is a date.
        return _unit_name(reading.unit) not in ("count", "people") or previous in DATE_WORDS
    if previous == "năm" and not reading.magnitude and not reading.high and _is_year(reading.low):
        return True  # "năm 2018 khách quốc tế …", "năm 2018 người dân …": a year, whatever noun follows
    if reading.magnitude or reading.unit:
        return False
    return previous in LABELS or all(_is_year(n) for n in (reading.low, reading.high) if n)


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100


def _to_quantity(sentence: str, reading: _Reading, comma_groups_thousands: bool, floor: int) -> Quantity | None:
    low_magnitude = reading.magnitude or reading.high_magnitude
    value = _value(reading.low, low_magnitude, comma_groups_thousands)
    value_max = of = None
    if reading.high:
        value_max = _value(reading.high, reading.high_magnitude or low_magnitude, comma_groups_thousands)
        if value_max is None or value is None or value_max < value:  # "28-12" is a date, not a range
            return None
    if reading.of:
        of = _value(reading.of, None, comma_groups_thousands)
        if value is None or of < value:
            return None
    if value is None:
        return None
    start, comparator = _comparator_before(sentence, reading, floor)
    if reading.after:
        comparator = COMPARATORS[_key(reading.after)]
    unit = _unit_name(reading.unit)
    return Quantity(value, value_max, comparator, unit, of, start, reading.end, sentence[start : reading.end])


def _comparator_before(sentence: str, reading: _Reading, floor: int) -> tuple[int, str]:
    """Where the match starts once the comparator word (and the "từ" of a range) is included."""
    before = BEFORE.search(sentence, max(floor, reading.start - 30), reading.start)
    if not before or (before["range_from"] and not reading.high):
        return reading.start, "="
    word = before["word"]
    return before.start(), COMPARATORS[_key(word)] if word else "="


def _value(token: str, magnitude: str | None, comma_groups_thousands: bool) -> float | None:
    plain = _plain_decimal(token, comma_groups_thousands)
    if plain is None:
        return None
    # Scaling through the exponent keeps 2,45 tỷ exactly 2450000000.0.
    return float(f"{plain}e{MAGNITUDES[_key(magnitude)] if magnitude else 0}")


def _plain_decimal(token: str, comma_groups_thousands: bool) -> str | None:
    """The number as Python writes it: "17.946" -> "17946", "1.234,5" -> "1234.5"."""
    if comma_groups_thousands and THOUSANDS_COMMAS.fullmatch(token):
        return token.replace(",", "")
    whole, comma, fraction = token.partition(",")
    if comma and not fraction.isdigit():  # "1,2,3" is a list
        return None
    if THOUSANDS_DOTS.fullmatch(whole):
        whole = whole.replace(".", "")
    elif "." in whole:
        if comma or whole.count(".") > 1:  # "31.12.2023"
            return None
        return whole  # "2.45": an English decimal point
    return f"{whole}.{fraction}" if comma else whole


def _unit_name(text: str | None) -> str:
    return UNITS[_key(text)] if text else ""


def _key(text: str) -> str:
    return SPACES.sub(" ", text.lower())
