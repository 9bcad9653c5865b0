"""The briefing pack assembled from merged meetings and their comparison: its records, and what it shows
of them within its bounds (reading and analysing is briefing.analyse, merging briefing.meetings.merged)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.analyse import analyse_into
from briefing.compare import Comparison, compare, focus
from briefing.extract import evidence
from briefing.extract.confidence import shown_from
from briefing.extract.facts import ArticleFacts
from briefing.extract.indicators import HEADLINE_INDICATORS
from briefing.flags import ATTENTION_KINDS
from briefing.ingest.read import IngestError
from briefing.meetings.merged import Meeting, as_shown, merge_meetings
from briefing.store.facts import MemoryStore
from briefing.summarize import DEFAULT_METHOD, DEFAULT_SENTENCES
from briefing.trends import Trend, trends


# A pack stays a brief: up to FULL_SECTIONS meetings each get a full section; past that, the newest
# COMPACT_SECTIONS get a compact one (summary and facts, no source sentences) and the annex lists the rest.
FULL_SECTIONS = 24
COMPACT_SECTIONS = 40
PAGE_BUDGET = 60  # pages a compact pack of any size stays within (measured: benchmarks/scale.py, tests)
# A compact pack's tables are bounded too; `briefing compare` and `briefing extract` give everything.
COMPACT_TABLE_ROWS = 100
COMPACT_THEME_ROWS = 60
COMPACT_FLAGS_PER_ROW = 2
LISTED_IN_ANNEX = 150
FLAGS_PER_ROW = 4
ANNEX_ARTICLES = 150
OTHERS_LISTED = 30  # articles that report no meeting, listed apart
TREND_PLACES = 12  # places the Trends chapter shows; `briefing trends` gives them all
TREND_YEARS = 8  # latest years of a place the chapter shows
COMPACT_TREND_YEARS = 6  # a compact pack shows growth only, in one table of places by these latest years
ANNEX_INFERRED = 60  # figures whose year, owner or indicator the annex says came from their context
# Where a part of a figure may come from that a reader should see, as it is the likeliest to be
# wrong: outside the figure's sentence and not the meeting's own year or place.


class EmptyPackError(ValueError):
    """Nothing to put in a pack."""


@dataclass
class News:
    """What changed since the previous run."""

    meetings: list = field(default_factory=list)  # Meeting objects new in this run
    themes: list = field(default_factory=list)  # ThemeRow objects not in the previous run
    targets: list = field(default_factory=list)  # (FigureRow, the new target's Cell, previous value text or None)
    first_run: bool = False

    @property
    def nothing_new(self) -> bool:
        return not (self.meetings or self.themes or self.targets)


@dataclass
class Pack:
    title: str
    generated: str
    meetings: list[Meeting]
    comparison: Comparison
    method: str
    sentences: int
    skipped: list[IngestError] = field(default_factory=list)
    since: str | None = None
    news: News | None = None
    # Articles that report no meeting (no level found) but were kept, by a keyword or --all: listed
    # apart, dated by publication, never as a meeting of unknown date and level.
    others: list[Meeting] = field(default_factory=list)
    # Every meeting's facts before figures were held back for a low confidence (None: none were), for
    # ``every_figure``.
    unfiltered: list[ArticleFacts] | None = None

    @property
    def articles(self) -> list[ArticleFacts]:
        return [a for m in self.meetings + self.others for a in m.reports]

    @property
    def listed_others(self) -> list[Meeting]:
        return self.others[:OTHERS_LISTED]

    @property
    def compact(self) -> bool:
        """Whether the meetings have compact sections (the pack is past its page budget)."""
        return len(self.meetings) > FULL_SECTIONS

    @cached_property
    def sectioned(self) -> list[Meeting]:
        """The meetings that have a section: all; in a compact pack, the COMPACT_SECTIONS latest of
        those that are meetings (a level was found), by date."""
        if not self.compact:
            return self.meetings
        first = sorted(self.meetings, key=lambda m: (m.facts.info.level is not None, m.date or ""), reverse=True)
        chosen = {id(m) for m in first[:COMPACT_SECTIONS]}
        return [m for m in self.meetings if id(m) in chosen]

    @property
    def table_rows(self):
        """The figures table: every row; in a compact pack, the rows of the sectioned meetings' places
        for headline indicators or with a flag to act on, at most COMPACT_TABLE_ROWS."""
        rows = self.comparison.figures
        if not self.compact:
            return rows
        places = self._sectioned_places
        return [r for r in rows if r.locality in places and (
            r.indicator in HEADLINE_INDICATORS or any(f.kind in ATTENTION_KINDS for f in r.flags))][:COMPACT_TABLE_ROWS]

    @property
    def flags_per_row(self) -> int:
        """How many of a row's flags the figures table shows; the rest are counted."""
        return COMPACT_FLAGS_PER_ROW if self.compact else FLAGS_PER_ROW

    @property
    def theme_rows(self):
        """The themes table: every row; in a compact pack, the nation's and the sectioned meetings'
        places', at most COMPACT_THEME_ROWS, latest years first."""
        if not self.compact:
            return self.comparison.themes
        places = self._sectioned_places
        kept = [t for t in self.recent_themes if t.scope == "national" or t.locality in places]
        return sorted(kept[:COMPACT_THEME_ROWS], key=lambda t: t.year or 0)

    @cached_property
    def trends(self) -> list[Trend]:
        """Every place with figures or themes in two years or more (briefing.trends); in a compact pack
        only the nation and the sectioned meetings' places."""
        found = trends(self.comparison)
        if self.compact:
            places = self._sectioned_places
            found = [t for t in found if t.place is None or t.place in places]
        return found

    @cached_property
    def shown_trends(self) -> list[Trend]:
        """The trends the chapter shows, each to its TREND_YEARS latest years: the first TREND_PLACES."""
        return [_latest_years(t) for t in self.trends[:TREND_PLACES]]

    @property
    def growth_grid(self) -> tuple[list[int], list[tuple[str | None, dict]]]:
        """A compact pack's Trends chapter, one table: the COMPACT_TREND_YEARS latest years any shown
        place has growth for, and each place's growth row of each year (a place with none is left out)."""
        rows = [(t.place, {r.year: r for r in t.figures.get("economic_growth", [])}) for t in self.shown_trends]
        rows = [(place, by_year) for place, by_year in rows if by_year]
        years = sorted({year for _, by_year in rows for year in by_year})[-COMPACT_TREND_YEARS:]
        return years, [(place, by_year) for place, by_year in rows if set(by_year) & set(years)]

    @property
    def annex_articles(self) -> list[ArticleFacts]:
        """The articles the annex lists one by one: all; in a compact pack, those of the sectioned
        meetings; never more than ANNEX_ARTICLES."""
        chosen = [a for m in self.sectioned for a in m.reports] if self.compact else self.articles
        return chosen[:ANNEX_ARTICLES]

    @cached_property
    def every_figure(self) -> list:
        """The rows of every figure, held back or not: what a weekly run's new target is new against (an
        earlier article's target is earlier, however sure its reading). Compared only when asked."""
        return compare(self.unfiltered).figures if self.unfiltered is not None else self.comparison.figures

    @cached_property
    def article_numbers(self) -> dict[str, int]:
        """Each article's number in the pack, as the annex lists them: what flags cite ("[2, 5]")."""
        numbers: dict[str, int] = {}
        for article in self.articles:
            numbers.setdefault(article.source, len(numbers) + 1)
        return numbers

    @cached_property
    def outlets(self) -> dict[str, str]:
        return {a.source: a.outlet for a in self.articles if a.outlet}

    @property
    def inferred_figures(self) -> list[tuple]:
        """(meeting, figure, [(attribute, source)]) for the figures the sections show whose indicator,
        year or owner was taken from outside their sentence (evidence.BORROWED): the reader sees what
        was inferred."""
        found = []
        for meeting in self.sectioned:
            for figure in meeting.shown_figures:
                borrowed = [(part, source) for part, source in figure.evidence if source in evidence.BORROWED]
                if borrowed:
                    found.append((meeting, figure, borrowed))
        return found[:ANNEX_INFERRED]

    @property
    def _sectioned_places(self) -> set:
        return {m.facts.place for m in self.sectioned}

    @property
    def listed_only(self) -> list[Meeting]:
        """The meetings of a compact pack without a section: listed in the annex only."""
        shown = {id(m) for m in self.sectioned}
        return [m for m in self.meetings if id(m) not in shown]

    @property
    def period(self) -> tuple[str | None, str | None]:
        dates = sorted(m.date for m in self.meetings if m.date)
        return (dates[0], dates[-1]) if dates else (None, None)

    @property
    def attention_flags(self):
        return self.comparison.attention_flags

    @property
    def recent_themes(self):
        """Themes of the latest years first, as the executive summary lists them."""
        return sorted(self.comparison.themes, key=lambda t: -(t.year or 0))

    @property
    def headline_targets(self):
        """Targets of the headline indicators for the latest planned year of each place."""
        rows = [r for r in self.comparison.figures if r.indicator in HEADLINE_INDICATORS and r.target]
        latest: dict = {}
        for row in rows:
            if row.year and row.year >= latest.get(row.locality, 0):
                latest[row.locality] = row.year
        return [r for r in rows if r.year == latest.get(r.locality)]


def build_pack(
    paths: Iterable[str],
    title: str | None = None,
    since: str | None = None,
    method: str = DEFAULT_METHOD,
    sentences: int = DEFAULT_SENTENCES,
    progress: Callable[[int, int | None, str], None] | None = None,
    default_title: str = "",
    jobs: int = 1,
    min_confidence: int | None = None,
) -> Pack:
    """The pack of every article under ``paths`` (meetings held on or after ``since``, when given), by
    the road a weekly run takes: the pass into a fact store (in memory), then the pack from the store.
    Raises EmptyPackError if no article is usable."""
    store = MemoryStore()
    seen, skipped = analyse_into(store, paths, method, sentences, jobs, progress)
    shown = store.dated_between(since, None) & seen if since else seen
    if not shown:
        reason = f" dated {since} or later" if since else ""
        why = "; ".join(f"{s.source}: {s.problem}" for s in skipped[:3])  # say why, as summarize does
        raise EmptyPackError(f"no readable meeting article{reason} in {', '.join(map(str, paths))}"
                             + (f" ({why})" if why else ""))
    return pack_from_store(store, shown, title or default_title, method, sentences, skipped, min_confidence)


def pack_from_store(store, hashes: set[str], title: str, method: str, sentences: int | None,
                    skipped: list[IngestError], min_confidence: int | None = None) -> Pack:
    """The pack of the meetings of ``hashes`` in full (with every stored report of each), compared with
    every stored meeting of their places and of the nation: read from ``store`` (briefing.store.facts),
    not the articles. Its tables show the figures of a confidence of at least ``min_confidence``
    percent (default: the shipped threshold, confidence.shown_from, where None shows every figure);
    the annex lists the others."""
    period = store.reports(hashes=hashes)
    places = {m.facts.info.locality for m in period}
    history = store.reports(places=places, without=hashes) if period else []
    every, threshold = merge_meetings(period + history), shown_from(min_confidence)
    merged = as_shown(every, threshold)
    in_full = [m for m in merged if any(a.sha256 in hashes for a in m.reports)]
    comparison = focus(compare([m.facts for m in every], threshold), [m.facts for m in in_full])
    pack = make_pack(in_full, comparison, title, method, sentences, skipped)
    pack.unfiltered = [m.facts for m in every] if threshold else None
    return pack


def make_pack(meetings: list[Meeting], comparison: Comparison, title: str, method: str, sentences: int,
              skipped: list[IngestError] | None = None, since: str | None = None) -> Pack:
    """The pack of ``meetings`` (already merged, by date), each given its anchor; the articles among
    them that report no meeting are set apart, by their publication date."""
    others = sorted((m for m in meetings if m.facts.info.level is None), key=lambda m: published(m) or "9999")
    meetings = [m for m in meetings if m.facts.info.level is not None]
    for number, meeting in enumerate(meetings + others, 1):
        meeting.anchor = f"meeting-{number}"
    return Pack(title=title, generated=date.today().isoformat(), meetings=meetings, comparison=comparison,
                method=method, sentences=sentences, skipped=skipped or [], since=since, others=others)


def published(meeting: Meeting) -> str | None:
    """When an article that reports no meeting appeared: its page's date, else its dateline."""
    return meeting.facts.published or meeting.facts.info.date


def source_name(source: str) -> str:
    return Path(source).name if source != "-" else "(stdin)"


def _latest_years(trend: Trend) -> Trend:
    """``trend`` cut to its TREND_YEARS latest years."""
    years = trend.years[-TREND_YEARS:]
    figures = {code: [r for r in rows if r.year in years] for code, rows in trend.figures.items()}
    return Trend(trend.place, years, {c: rows for c, rows in figures.items() if rows},
                 [t for t in trend.themes if t.year in years])
