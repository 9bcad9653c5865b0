"""Assemble the briefing pack: every meeting's summary and facts, and their comparison."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.compare import Comparison, compare
from briefing.extract.facts import MeetingFacts, extract_article
from briefing.ingest.files import shown
from briefing.ingest.read import ArticleError, IngestError, article_from_bytes, find_sources, read_bytes
from briefing.summarize.summary import MeetingSummary, summarize_article
from briefing.summarize import DEFAULT_METHOD, DEFAULT_SENTENCES

HEADLINE_INDICATORS = ("economic_growth", "income_per_capita", "budget_revenue", "export_value", "indicators_met")


class EmptyPackError(ValueError):
    """Nothing to put in a pack."""


class Cache:
    """Where build_pack keeps and finds each article's facts and summary, by content hash."""

    def get(self, sha256: str) -> tuple[MeetingFacts, MeetingSummary] | None:
        return None

    def put(self, sha256: str, facts: MeetingFacts, summary: MeetingSummary) -> None:
        pass


@dataclass
class News:
    """What changed since the previous run."""

    meetings: list = field(default_factory=list)  # Meeting objects new in this run
    themes: list = field(default_factory=list)  # ThemeRow objects not in the previous run
    targets: list = field(default_factory=list)  # (FigureRow, previous value text or None)
    first_run: bool = False

    @property
    def nothing_new(self) -> bool:
        return not (self.meetings or self.themes or self.targets)


@dataclass
class Meeting:
    facts: MeetingFacts
    summary: MeetingSummary
    anchor: str

    @property
    def date(self) -> str | None:
        return self.facts.info.date

    @property
    def figure_groups(self) -> list[tuple[str, list]]:
        """Figures grouped by the sentence they came from, in article order."""
        groups: dict[str, list] = {}
        for figure in self.facts.figures:
            groups.setdefault(figure.sentence, []).append(figure)
        return list(groups.items())


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

    @property
    def period(self) -> tuple[str | None, str | None]:
        dates = sorted(m.date for m in self.meetings if m.date)
        return (dates[0], dates[-1]) if dates else (None, None)

    @property
    def attention_flags(self):
        """Flags a reader must see (a met target is not one)."""
        return [(row, flag) for row, flag in self.comparison.flags if flag != "met target"]

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
    progress: Callable[[int, int, str], None] | None = None,
    default_title: str = "",
    cache: Cache | None = None,
) -> Pack:
    """Read, summarise and extract every article under ``paths``; raise EmptyPackError if none is usable."""
    meetings: list[Meeting] = []
    skipped: list[IngestError] = []
    sources = list(find_sources(paths))
    for done, source in enumerate(sources, 1):
        if progress:
            progress(done, len(sources), str(source))
        if isinstance(source, IngestError):
            skipped.append(source)
            continue
        try:
            facts, summary = _facts_and_summary(source, method, sentences, cache or Cache())
        except ArticleError as err:
            skipped.append(IngestError(source, str(err)))
            continue
        if since and (facts.info.date is None or facts.info.date < since):
            continue
        meetings.append(Meeting(facts, summary, anchor=f"meeting-{len(meetings) + 1}"))
    if not meetings:
        reason = f" dated {since} or later" if since else ""
        raise EmptyPackError(f"no readable meeting article{reason} in {', '.join(map(str, paths))}")
    meetings.sort(key=lambda m: (m.date or "9999", m.facts.title))
    return Pack(
        title=title or default_title,
        generated=date.today().isoformat(),
        meetings=meetings,
        comparison=compare([m.facts for m in meetings]),
        method=method,
        sentences=sentences,
        skipped=skipped,
        since=since,
    )


def _facts_and_summary(source: str, method: str, sentences: int, cache: Cache) -> tuple[MeetingFacts, MeetingSummary]:
    data = read_bytes(source)
    sha = hashlib.sha256(data).hexdigest()
    hit = cache.get(sha)
    if hit:
        facts, summary = hit
        facts.source = summary.source = shown(source)  # the same text may have been renamed
        return facts, summary
    article = article_from_bytes(source, data)
    facts, summary = extract_article(article), summarize_article(article, method, sentences)
    cache.put(sha, facts, summary)
    return facts, summary


def source_name(source: str) -> str:
    return Path(source).name if source != "-" else "(stdin)"
