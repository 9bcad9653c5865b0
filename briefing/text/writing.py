"""Numbers written the Vietnamese way: "17.500 tỷ đồng", "8,05%", "2,45 tỷ USD"."""

from __future__ import annotations

MAGNITUDES = [(10**9, "tỷ"), (10**6, "triệu")]  # "17.500 tỷ đồng", as the press writes it
UNIT_WORDS = {
    "VND": "đồng",
    "USD": "USD",
    "people": "người",
    "visits": "lượt",
    "tonnes": "tấn",
    "count": "",
    "%": "%",
    "% of plan": "% kế hoạch",
    "% of GDP": "% GDP",
    "percentage points": "điểm %",
}
# As the press writes them; words also avoid symbols (≥ ≤ ≈) that many text fonts lack.
COMPARATORS = {">=": "{} trở lên", ">": "trên {}", "<=": "không quá {}", "<": "dưới {}", "~": "khoảng {}", "=": "{}"}


def number(value: float, decimals: int = 2) -> str:
    """8.05 → "8,05"; 17500 → "17.500"; trailing zeros dropped."""
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:,.0f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def amount(value: float, unit: str) -> str:
    """A value in base units with its unit: 17500000000000 VND → "17.500 tỷ đồng"."""
    word = UNIT_WORDS.get(unit, unit)
    if unit.startswith("%") or unit == "percentage points":
        return f"{number(value)}{word}" if unit.startswith("%") else f"{number(value)} {word}"
    scaled, magnitude = value, ""
    if unit in ("VND", "USD") or abs(value) >= 10**6:
        for size, name in MAGNITUDES:
            if abs(value) >= size:
                scaled, magnitude = value / size, name
                break
    parts = [number(scaled), magnitude, word]
    return " ".join(p for p in parts if p)


def figure_value(value: float, value_max: float | None, unit: str, comparator: str = "=", of: float | None = None) -> str:
    """The whole figure as a reader expects it: "11% trở lên", "8 - 8,5%", "26/28"."""
    if of is not None:
        text = f"{number(value)}/{number(of)}"
    elif value_max is not None:
        low, high = amount(value, unit), amount(value_max, unit)
        shared = _shared_suffix(low, high)
        text = f"{low[: len(low) - len(shared)].strip()} - {high}"
    else:
        text = amount(value, unit)
    return COMPARATORS.get(comparator, "{}").format(text)


def _shared_suffix(low: str, high: str) -> str:
    """" tỷ USD" shared by "1,5 tỷ USD" and "2 tỷ USD", so the range reads "1,5 - 2 tỷ USD"."""
    low_words, high_words = low.split(" "), high.split(" ")
    if len(low_words) > 1 and low_words[1:] == high_words[1:]:
        return " " + " ".join(low_words[1:])
    if low.endswith("%") and high.endswith("%"):
        return "%"
    return ""
