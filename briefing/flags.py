"""The flags a reader acts on, for one indicator, place, year and unit.

- ``met``, ``missed``, ``beaten``: a result against its target, by the target's comparator
  ("trở lên", "dưới", "không quá", "khoảng", a range) and the indicator's direction.
- ``less_ambitious``, ``more_ambitious``: a target against last year's result.
- ``conflict``: two articles' results (or targets of one meeting date) of the same year that differ
  beyond rounding.
- ``revised``: a later meeting set the year's target anew; the latest target is the one judged.
- ``doubtful``: a value that no year of the indicator could take; it is compared with nothing.

Each flag keeps the facts it compares, so every output can name both with their sources.
Only values of a well-defined year are compared.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from briefing.extract.indicators import HIGHER, INDICATORS, LOWER

MET, MISSED, BEATEN = "met", "missed", "beaten"
LESS_AMBITIOUS, MORE_AMBITIOUS = "less_ambitious", "more_ambitious"
CONFLICT, DOUBTFUL, REVISED = "conflict", "doubtful", "revised"
FLAG_KINDS = (MET, MISSED, BEATEN, LESS_AMBITIOUS, MORE_AMBITIOUS, CONFLICT, DOUBTFUL, REVISED)
ATTENTION_KINDS = frozenset({MISSED, LESS_AMBITIOUS, CONFLICT, DOUBTFUL})  # what the executive summary prints in red

SAME_FIGURE = 0.005  # values within half a percent are the same figure written twice
APPROXIMATE_TARGET = 0.01  # "khoảng 6,7%" is met by 6,64% to 6,77%
# A share of this year's plan says nothing of next year's ambition: "% of plan" is compared within a year only.
PLAN_RELATIVE_UNITS = frozenset({"% of plan"})
FLOORS, CEILINGS = frozenset({">=", ">"}), frozenset({"<=", "<"})


@dataclass
class Compared:
    """One fact a flag compares: a target, a result, or last year's result."""

    role: str  # "target" or "result"
    year: int | None
    cell: object  # a compare.Cell: value, value_max, comparator, of, sentence, source


@dataclass
class Flag:
    kind: str  # one of FLAG_KINDS
    better: str  # the indicator's direction, which the wording follows
    facts: list[Compared]


def row_flags(indicator: str, unit: str, year: int | None, targets: list, results: list,
              last_results: list) -> list[Flag]:
    """The flags of one row: its targets and results, and last year's results for the same row."""
    better = INDICATORS[indicator].better
    flags = [Flag(DOUBTFUL, better, [Compared(role, year, c)])
             for role, cells in (("target", targets), ("result", results)) for c in cells
             if not plausible(indicator, unit, c)]
    if year is None:
        return flags  # a figure of no stated year is one of many years: nothing to compare it with
    targets = _distinct([c for c in targets if plausible(indicator, unit, c) and c.of is None])
    results = _distinct([c for c in results if plausible(indicator, unit, c)])
    last_results = _distinct([c for c in last_results if plausible(indicator, unit, c)])
    conflicts = [Flag(CONFLICT, better, [Compared(role, year, cells[0]), Compared(role, year, other)])
                 for role, cells in (("target", targets), ("result", results))
                 for other in cells[1:] if _reports_disagree(cells[0], other) and not _revision(cells[0], other)]
    # targets come latest meeting first (compare.align_figures): an earlier meeting's is revised
    revisions = [Flag(REVISED, better, [Compared("target", year, targets[0]), Compared("earlier_target", year, other)])
                 for other in targets[1:] if _revision(targets[0], other) and _differ(targets[0], other)]
    flags += conflicts + revisions
    if any(flag.facts[0].role == "target" for flag in conflicts):
        return flags  # which target was set is in dispute: none is judged
    result, last_result = _agreed(results), _agreed(last_results)
    for target in targets[:1] if revisions else targets:  # a revised target is judged by its latest value
        kind = verdict(target, result, better) if result else None
        if kind:
            flags.append(Flag(kind, better, [Compared("target", year, target), Compared("result", year, result)]))
        kind = ambition(target, last_result, better) if last_result and unit not in PLAN_RELATIVE_UNITS else None
        if kind:
            flags.append(Flag(kind, better, [Compared("target", year, target), Compared("result", year - 1, last_result)]))
    return flags


def plausible(indicator: str, unit: str, cell) -> bool:
    low, high = INDICATORS[indicator].plausible.get(unit, (-math.inf, math.inf))
    return all(low <= v <= high for v in (cell.value, cell.value_max) if v is not None)


def verdict(target, result, better: str) -> str | None:
    """met, missed or beaten; None when the result neither lies inside the target nor clear of it
    ("trên 7%" against "7 - 7,5%")."""
    t_low, t_high = _span(target, APPROXIMATE_TARGET)
    r_low, r_high = _span(result)
    if r_low >= t_low and r_high <= t_high:
        return MET
    if r_low > t_high:
        return {HIGHER: BEATEN, LOWER: MISSED}.get(better, MISSED)
    if r_high < t_low:
        return {HIGHER: MISSED, LOWER: BEATEN}.get(better, MISSED)
    return None


def ambition(target, last_result, better: str) -> str | None:
    """How a target stands to last year's result: asking less (less ambitious), more, or about the same.

    "Asking" follows the direction: a growth target under last year's growth asks less; a ceiling on
    inflation above last year's inflation is looser, so it asks less too.
    """
    low, high = target.value, target.value_max if target.value_max is not None else target.value
    last = last_result.value
    if better == HIGHER and target.comparator not in CEILINGS:
        if high < last and not close(high, last):
            return LESS_AMBITIOUS
        if low > last and not close(low, last):
            return MORE_AMBITIOUS
    if better == LOWER and target.comparator not in FLOORS:
        if low > last and not close(low, last):
            return LESS_AMBITIOUS
        if high < last and not close(high, last):
            return MORE_AMBITIOUS
    return None


def _span(cell, approximate: float = 0.0) -> tuple[float, float]:
    """The values ``cell`` allows: "trở lên" up to infinity, "dưới" down from it, a range, and "khoảng"
    widened by ``approximate`` (a target's "khoảng" allows a little either side; a result's is its value)."""
    low, high = cell.value, cell.value_max if cell.value_max is not None else cell.value
    if cell.comparator in FLOORS:
        return low, math.inf
    if cell.comparator in CEILINGS:
        return -math.inf, high
    if cell.comparator == "~":
        return low - abs(low) * approximate, high + abs(high) * approximate
    return low, high


def _reports_disagree(a, b) -> bool:
    """Two articles' figures of one year that cannot be the same figure.

    Shares ("8/12 chỉ tiêu") are parts that articles cut differently (exceeded, met, missed), and two
    values in one article are two things the article tells apart ("khoảng 7%, phấn đấu 7,5%"):
    neither is a conflict of reports.
    """
    return set(a.articles).isdisjoint(b.articles) and a.of is None and b.of is None and _differ(a, b)


def _revision(latest, other) -> bool:
    """Two targets set by meetings on different dates: the later one revises, it does not dispute."""
    a, b = getattr(latest, "date", None), getattr(other, "date", None)
    return bool(a and b and a[:10] != b[:10])


def _agreed(results: list):
    """The result all of ``results`` agree on (the first), or None if there is none or they differ."""
    whole = [c for c in results if c.of is None]
    if not whole or any(_differ(whole[0], other) for other in whole[1:]):
        return None
    return whole[0]


def _differ(a, b) -> bool:
    """Values that no rounding of the way they are written can make one: 7,2% and 7,5% differ;
    7% and 7,08% do not (7% may be 7,08% rounded); "trên 7%" and 7,2% do not."""
    a_low, a_high = _span(a)
    b_low, b_high = _span(b)
    a_low, a_high = a_low - _rounding(a.value), a_high + _rounding(a.value)
    b_low, b_high = b_low - _rounding(b.value), b_high + _rounding(b.value)
    return a_high < b_low or b_high < a_low


def _rounding(value: float) -> float:
    """Half a unit of the last decimal written, or half a percent of the value, whichever is more."""
    decimals = next((d for d in range(4) if math.isclose(round(value, d), value, abs_tol=1e-9)), 4)
    return max(0.5 * 10**-decimals, abs(value) * SAME_FIGURE)


def close(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_FIGURE * max(abs(a), abs(b), 1e-9)


def same_value(a, b) -> bool:
    """The same figure written twice (a cell or a figure): value and range within half a percent."""
    return close(a.value, b.value) and (a.value_max is None) == (b.value_max is None) and (
        a.value_max is None or close(a.value_max, b.value_max)
    )


def _distinct(cells: list) -> list:
    """Cells with a different value or range: the same figure from two articles is compared once."""
    kept = []
    for cell in cells:
        if not any(same_value(cell, k) for k in kept):
            kept.append(cell)
    return kept
