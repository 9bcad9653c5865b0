"""Align meetings: themes by year, figures by indicator × place × year, and the flags a reader needs."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from briefing.extract.confidence import LOW_CONFIDENCE
from briefing.extract.facts import ArticleFacts, shown_facts
from briefing.extract.figures import Figure, counted_place
from briefing.flags import ATTENTION_KINDS, Flag, row_flags, same_value
from briefing.meetings import ArticleGroup, group_meetings
from briefing.text.normalize import match_form
from briefing.text.patterns import SLOGAN_PART_SEPARATOR
from briefing.text.slogans import ordered_key, slogan_key


# Words any development programme says (develop, economy, society, and the verbs of doing more):
# they recur in slogans of every year without being a watchword of any.
GENERIC_WORDS = frozenset(
    match_form(w) for w in ("phát triển", "kinh tế", "xã hội", "đẩy mạnh", "nâng cao", "tăng cường", "thực hiện")
)


@dataclass
class ThemeRow:
    year: int | None
    scope: str  # "national" or "local"
    locality: str | None
    kind: str
    text: str  # as first written
    variants: list[str] = field(default_factory=list)  # the same watchwords in another order
    reordered: bool = False  # a variant lists the same watchwords in another order
    sources: list[str] = field(default_factory=list)


@dataclass
class Cell:
    value: float
    value_max: float | None
    comparator: str
    of: float | None
    sentence: str
    source: str  # the first article that states it
    sources: tuple[str, ...] = ()  # every article of its meeting that states it
    date: str | None = None  # its meeting's date: a later meeting's target revises an earlier one's
    increment: bool = False  # "thêm 16 xã": a change, written as one

    @property
    def articles(self) -> tuple[str, ...]:
        return self.sources or (self.source,)


@dataclass
class FigureRow:
    indicator: str
    label: str
    locality: str | None
    year: int | None
    unit: str
    counts: str | None = None  # the kind of place a figure counts ("xã", "huyện"), which the unit does not say
    increment: bool = False  # a row of changes ("thêm 16 xã"), beside the row of levels, never compared with it
    targets: list[Cell] = field(default_factory=list)
    results: list[Cell] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    previous: Cell | None = None  # last year's result for the same indicator and place

    @property
    def key(self) -> tuple:
        """What makes a row one row: its indicator, place, year, unit, kind of place counted, increment."""
        return (self.indicator, self.locality, self.year, self.unit, self.counts, self.increment)

    @property
    def target(self) -> Cell | None:
        return self.targets[0] if self.targets else None

    @property
    def result(self) -> Cell | None:
        return self.results[0] if self.results else None


@dataclass
class Comparison:
    meetings: list[ArticleGroup]
    themes: list[ThemeRow]
    persistent_words: list[tuple[str, list[int]]]
    figures: list[FigureRow]
    held_back: int = 0  # figures left out for a confidence under the threshold asked for

    @property
    def flags(self) -> list[tuple[FigureRow, Flag]]:
        return [(row, flag) for row in self.figures for flag in row.flags]

    @property
    def attention_flags(self) -> list[tuple[FigureRow, Flag]]:
        """Flags a reader must act on (a met or beaten target is not one)."""
        return [(row, flag) for row, flag in self.flags if flag.kind in ATTENTION_KINDS]


def compare(meetings: list[ArticleFacts], min_confidence: float | None = None) -> Comparison:
    """Themes by year and figures by indicator, place and year, with flags; only of the figures whose
    confidence reaches ``min_confidence`` when given (the pack's tables: confidence.shown_from)."""
    every = sum(len(m.figures) for m in meetings)
    if min_confidence:
        meetings = [shown_facts(m, min_confidence) for m in meetings]
    return Comparison(
        held_back=every - sum(len(m.figures) for m in meetings),
        meetings=group_meetings(meetings),
        themes=align_themes(meetings),
        persistent_words=persistent_words(meetings),
        figures=align_figures(meetings),
    )


def align_themes(meetings: list[ArticleFacts]) -> list[ThemeRow]:
    rows: dict[tuple, ThemeRow] = {}
    for m in meetings:
        for theme in m.themes:
            locality = None if theme.scope == "national" else m.place
            key = (theme.year, theme.scope, locality, theme.kind, slogan_key(theme.text))
            row = rows.get(key)
            if row is None:
                rows[key] = ThemeRow(theme.year, theme.scope, locality, theme.kind, theme.text,
                                     sources=list(theme.sources or [m.source]))
                continue
            # A writing that differs only in punctuation, quotes, case or tone style is the same slogan.
            if all(ordered_key(theme.text) != ordered_key(t) for t in [row.text, *row.variants]):
                row.variants.append(theme.text)
                row.reordered = True
            row.sources += [s for s in theme.sources or [m.source] if s not in row.sources]
    return sorted(rows.values(), key=lambda r: (r.year or 0, r.scope != "national", r.locality or "", r.kind))


def persistent_words(meetings: list[ArticleFacts]) -> list[tuple[str, list[int]]]:
    """Watchwords (two-syllable words such as "kỷ cương") found in the slogans of several years,
    generic words ("phát triển") left out."""
    years: dict[str, set[int]] = defaultdict(set)
    display: dict[str, str] = {}
    for m in meetings:
        for theme in m.themes:
            if theme.year is None:
                continue
            for part in SLOGAN_PART_SEPARATOR.split(theme.text):
                words = re.findall(r"\w+", part)
                pairs = [match_form(f"{a} {b}") for a, b in zip(words, words[1:])]
                # a syllable of a generic word is no half of a watchword: "phát triển | kinh tế"
                # would make "triển kinh"
                generic = {i + j for i, key in enumerate(pairs) if key in GENERIC_WORDS for j in (0, 1)}
                for i, key in enumerate(pairs):
                    if i not in generic and i + 1 not in generic:
                        years[key].add(theme.year)
                        display.setdefault(key, f"{words[i]} {words[i + 1]}".lower())
    found = [(display[k], sorted(v)) for k, v in years.items() if len(v) >= 2 and k not in GENERIC_WORDS]
    return sorted(found, key=lambda item: (-len(item[1]), item[0]))


def align_figures(meetings: list[ArticleFacts]) -> list[FigureRow]:
    """Targets beside results for each indicator, place, year, unit and kind of place counted
    (100% of communes and 100% of districts are two rows); increments ("thêm 16 xã") are not levels:
    they have rows of their own, with no flags."""
    rows: dict[tuple, FigureRow] = {}
    for m in meetings:
        for figure in m.figures:
            counts = counted_place(figure)
            key = (figure.indicator, figure.locality, figure.year, figure.unit, counts, figure.increment)
            row = rows.setdefault(key, FigureRow(figure.indicator, figure.label, figure.locality, figure.year,
                                                 figure.unit, counts, figure.increment))
            cells = row.targets if figure.kind == "target" else row.results
            cell = _cell(figure, m.source, m.info.date)
            if not any(same_value(c, cell) and c.articles == cell.articles for c in cells):
                cells.append(cell)
    ordered = sorted(rows.values(), key=lambda r: (r.indicator, r.locality or "", r.counts or "", r.year or 0, r.unit))
    for row in ordered:
        # The latest meeting's target is the target: a council session in July revising the
        # year's budget target replaces the January conference's (flags.REVISED says so).
        row.targets.sort(key=lambda c: c.date or "", reverse=True)
        row.flags = _flags(row, rows)
    return ordered


def _cell(figure: Figure, source: str, date: str | None = None) -> Cell:
    """A figure as a cell; ``source`` is its article's, for a figure not merged from several."""
    sources = figure.sources or (source,)
    return Cell(figure.value, figure.value_max, figure.comparator, figure.of, figure.sentence, sources[0], sources,
                date, figure.increment)


def _flags(row: FigureRow, rows: dict[tuple, FigureRow]) -> list[Flag]:
    if row.increment:
        return []  # "thêm 16 xã" says how many more, which no target or earlier level can be held against
    last_year = rows.get((row.indicator, row.locality, (row.year or 0) - 1, row.unit, row.counts, False))
    row.previous = last_year.result if last_year else None
    return row_flags(row.indicator, row.unit, row.year, row.targets, row.results,
                     last_year.results if last_year else [])


def focus(comparison: Comparison, period: list[ArticleFacts]) -> Comparison:
    """The comparison as a period's pack shows it: only the rows the period's meetings touch, but with
    every year of history for them (the nation's themes and those of the period's places; the figures
    of the indicators and places the period reports). The figures held back are counted over the
    period's meetings only (``period`` as shown): those are the ones its annex lists."""
    sources = {s for m in period for s in m.articles}
    places = {m.place for m in period}  # as align_themes names a theme's place
    touched = {(f.indicator, f.locality) for m in period for f in m.figures}
    return Comparison(
        meetings=[g for g in comparison.meetings if sources & set(g.sources)],
        themes=[t for t in comparison.themes if t.scope == "national" or t.locality in places],
        persistent_words=comparison.persistent_words,
        figures=[r for r in comparison.figures if (r.indicator, r.locality) in touched],
        held_back=sum(u.reason == LOW_CONFIDENCE for m in period for u in m.unattributed),
    )
