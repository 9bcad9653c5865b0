"""Assemble the briefing pack: every meeting's summary and facts, and their comparison."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.compare import Comparison, compare
from briefing.extract.facts import ArticleFacts, extract_article
from briefing.extract.indicators import HEADLINE_INDICATORS
from briefing.flags import CONFLICT
from briefing.meetings import fullest_first, group_articles, merge_facts
from briefing.ingest.read import ArticleError, IngestError, Input, read_inputs
from briefing.summarize.summary import Summary, merge_summaries, summarize_article
from briefing.summarize import DEFAULT_METHOD, DEFAULT_SENTENCES



class EmptyPackError(ValueError):
    """Nothing to put in a pack."""


class Cache:
    """Where build_pack keeps and finds each article's facts and summary, by content hash."""

    def get(self, sha256: str) -> tuple[ArticleFacts, Summary] | None:
        return None

    def put(self, sha256: str, facts: ArticleFacts, summary: Summary) -> None:
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
    """A meeting as the pack shows it: its facts and summary, drawn from every article that reports it."""

    facts: ArticleFacts
    summary: Summary | None  # None when only facts were asked for
    anchor: str
    articles: list[ArticleFacts] = field(default_factory=list)  # each report's own facts; [] for one article
    conflicts: list = field(default_factory=list)  # (FigureRow, Flag): its reports give a figure differently

    @property
    def reports(self) -> list[ArticleFacts]:
        """The articles that report the meeting, fullest first."""
        return self.articles or [self.facts]

    def numbers(self, sources) -> str:
        """"1, 3": the reports (numbered from 1, fullest first) among ``sources``, to cite them briefly."""
        order = {a.source: n for n, a in enumerate(self.reports, 1)}
        return ", ".join(str(order[s]) for s in sources if s in order)

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
    def articles(self) -> list[ArticleFacts]:
        return [a for m in self.meetings for a in m.reports]

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


def read_meetings(
    paths: Iterable[str],
    method: str | None = DEFAULT_METHOD,
    sentences: int | None = None,
    ratio: float | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int | None, str], None] | None = None,
    words: int | None = None,
) -> Iterator[Meeting | IngestError]:
    """Each input under ``paths`` analysed (facts, and a summary unless ``method`` is None), in order."""
    cache = cache or Cache()
    for done, item in enumerate(read_inputs(paths), 1):
        if progress:
            progress(done, None, item.source)
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            facts, summary = _facts_and_summary(item, method, sentences, ratio, cache, words)
        except ArticleError as err:
            yield IngestError(item.source, str(err))
            continue
        yield Meeting(facts, summary, anchor="")


def read_facts(paths: Iterable[str]) -> Iterator[ArticleFacts | IngestError]:
    """The facts of each input under ``paths``, without summaries."""
    for item in read_meetings(paths, method=None):
        yield item if isinstance(item, IngestError) else item.facts


def merge_meetings(reports: list[Meeting], words: int | None = None) -> list[Meeting]:
    """One Meeting for each meeting the reports tell of (see meetings.py), by date: facts merged,
    each citing every article that states it; one summary drawing on every report (within ``words``
    words if given); the figures its reports give differently flagged as conflicts."""
    merged = []
    for group in group_articles([r.facts for r in reports]):
        chosen = [reports[i] for i in group]
        chosen = [chosen[i] for i in fullest_first([m.facts for m in chosen])]
        if len(chosen) == 1:
            merged.append(chosen[0])
            continue
        facts = merge_facts([m.facts for m in chosen])
        conflicts = meeting_conflicts(facts)
        summaries = [m.summary for m in chosen if m.summary is not None]
        summary = merge_summaries(summaries, words, outvoted(conflicts, facts.source)) if summaries else None
        merged.append(Meeting(facts, summary, "", [m.facts for m in chosen], conflicts))
    return sorted(merged, key=lambda m: (m.date or "9999", m.facts.title))


def collect_meetings(
    paths: Iterable[str], method: str | None = DEFAULT_METHOD, sentences: int | None = None,
    ratio: float | None = None, words: int | None = None,
) -> tuple[list[Meeting], list[IngestError]]:
    """Every meeting the inputs under ``paths`` report (facts, and summaries unless ``method`` is
    None), and every input that could not be read."""
    reports: list[Meeting] = []
    problems: list[IngestError] = []
    for item in read_meetings(paths, method, sentences, ratio, words=words):
        (problems if isinstance(item, IngestError) else reports).append(item)
    return merge_meetings(reports, words), problems


def meeting_conflicts(facts: ArticleFacts) -> list:
    """(FigureRow, Flag) for each figure a meeting's reports give differently."""
    return [(row, flag) for row, flag in compare([facts]).flags if flag.kind == CONFLICT]


def outvoted(conflicts: list, fullest: str) -> set[str]:
    """The sentences of figures that lose a conflict: stated by fewer of the meeting's articles than
    the figure they contradict (on a tie, not by the fullest report). A summary does not repeat them."""
    losers = set()
    for _, flag in conflicts:
        a, b = (fact.cell for fact in flag.facts)
        votes_a, votes_b = len(a.articles) + (fullest in a.articles) / 2, len(b.articles) + (fullest in b.articles) / 2
        losers.add((b if votes_a > votes_b else a).sentence)
    return losers


def build_pack(
    paths: Iterable[str],
    title: str | None = None,
    since: str | None = None,
    method: str = DEFAULT_METHOD,
    sentences: int = DEFAULT_SENTENCES,
    progress: Callable[[int, int | None, str], None] | None = None,
    default_title: str = "",
    cache: Cache | None = None,
) -> Pack:
    """Read, summarise and extract every article under ``paths``; raise EmptyPackError if none is usable."""
    meetings: list[Meeting] = []
    skipped: list[IngestError] = []
    for item in read_meetings(paths, method, sentences, cache=cache, progress=progress):
        if isinstance(item, IngestError):
            skipped.append(item)
        elif not since or (item.date is not None and item.date >= since):
            meetings.append(item)
    if not meetings:
        reason = f" dated {since} or later" if since else ""
        raise EmptyPackError(f"no readable meeting article{reason} in {', '.join(map(str, paths))}")
    meetings = merge_meetings(meetings)
    for number, meeting in enumerate(meetings, 1):
        meeting.anchor = f"meeting-{number}"
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


def _facts_and_summary(
    item: Input, method: str | None, sentences: int | None, ratio: float | None, cache: Cache,
    words: int | None = None,
) -> tuple[ArticleFacts, Summary | None]:
    sha = item.sha256
    hit = cache.get(sha) if method else None
    if hit:
        facts, summary = hit
        facts.source = summary.source = item.source  # the same text may have been renamed
        facts.sources, summary.sources = [], []  # an article's own; meetings are merged afterwards
        return facts, summary
    article = item.article()
    facts = extract_article(article)
    if method is None:
        return facts, None
    summary = summarize_article(article, method, sentences, ratio, date=facts.info.date,
                                decisions=facts.decisions, words=words)
    cache.put(sha, facts, summary)
    return facts, summary


def source_name(source: str) -> str:
    return Path(source).name if source != "-" else "(stdin)"
