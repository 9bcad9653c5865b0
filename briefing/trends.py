"""Trends across years, read from a comparison: for each place with at least two years of headline
figures or themes, each indicator's target and result by year (with the row's met / missed / beaten mark and
its sources), and the place's themes by year. The nation is a place like the others (``place`` None).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from briefing.compare import Comparison, FigureRow, ThemeRow
from briefing.flags import BEATEN, MET, MISSED
from briefing.text.gazetteer import alphabetical, lookup_typed

# The indicators a trend follows, each in the one unit its years are comparable in (a budget's
# "% of plan" or income in USD beside VND would mix measures); CPI only for the nation.
TREND_UNITS = {"economic_growth": "%", "budget_revenue": "VND", "income_per_capita": "VND",
               "export_value": "USD", "cpi": "%"}
NATIONAL_ONLY = {"cpi"}
MIN_YEARS = 2  # a place needs this many years with a figure to have a trend
OUTCOMES = (MET, MISSED, BEATEN)  # the flags a trend marks a year with
NATION_NAMES = {"ca nuoc", "cả nước", "viet nam", "việt nam", "vietnam", "national", "nation"}


def outcome(row: FigureRow) -> str | None:
    """Whether a year's result met, missed or beat the target shown beside it (the compare step's flag
    for that target; a flag against another article's target would mark the wrong pair), if it says."""
    return next((f.kind for f in row.flags if f.kind in OUTCOMES and any(c.cell is row.target for c in f.facts)),
                None)


class UnknownPlace(ValueError):
    """A place name that is no province or city."""


def places_named(names: list[str]) -> list[str | None]:
    """The places a user named, as the store names them (None: the nation, "cả nước")."""
    found = []
    for name in names:
        nation = unicodedata.normalize("NFC", name).strip().lower() in NATION_NAMES
        place = None if nation else lookup_typed(name)
        if place is None and not nation:
            raise UnknownPlace(f"{name!r} is not a province or city (or 'cả nước' for the nation)")
        found.append(place.name if place else None)
    return found


@dataclass
class Trend:
    place: str | None  # None: the nation
    years: list[int]
    figures: dict[str, list[FigureRow]] = field(default_factory=dict)  # indicator → its rows, by year
    themes: list[ThemeRow] = field(default_factory=list)  # by year



def trends(comparison: Comparison, places: list[str | None] | None = None, since: int | None = None) -> list[Trend]:
    """Each place (of ``places``, when given; None is the nation) with figures or themes in at least
    MIN_YEARS years from ``since`` on: the nation first, then places by name."""
    found: dict[str | None, Trend] = {}
    for row in comparison.figures:
        if not _followed(row, since) or (places is not None and row.locality not in places):
            continue
        trend = found.setdefault(row.locality, Trend(row.locality, []))
        trend.figures.setdefault(row.indicator, []).append(row)
    for theme in comparison.themes:
        place = theme.locality if theme.scope == "local" else None
        if _from(theme.year, since) and (places is None or place in places) and (place or theme.scope == "national"):
            found.setdefault(place, Trend(place, [])).themes.append(theme)
    for trend in found.values():
        for rows in trend.figures.values():
            rows.sort(key=lambda r: r.year)
        trend.themes.sort(key=lambda t: (t.year, t.kind))
        trend.years = sorted({r.year for rows in trend.figures.values() for r in rows} | {t.year for t in trend.themes})
    kept = [t for t in found.values() if len(t.years) >= MIN_YEARS]
    return sorted(kept, key=lambda t: (t.place is not None, alphabetical(t.place or "")))


def _followed(row: FigureRow, since: int | None) -> bool:
    return (TREND_UNITS.get(row.indicator) == row.unit and not row.counts and not row.increment
            and row.year is not None and _from(row.year, since)
            and (row.locality is None or row.indicator not in NATIONAL_ONLY))


def _from(year: int | None, since: int | None) -> bool:
    return year is not None and (since is None or year >= since)
