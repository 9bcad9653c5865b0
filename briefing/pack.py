"""Assemble the briefing pack: every meeting's summary and facts, and their comparison."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import os
import signal
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.compare import Comparison, compare
from briefing.extract.facts import ArticleFacts, extract_article
from briefing.extract.indicators import HEADLINE_INDICATORS
from briefing.flags import ATTENTION_KINDS, CONFLICT
from briefing.meetings import fullest_first, group_articles, merge_facts
from briefing.ingest.files import shown
from briefing.ingest.read import ArticleError, IngestError, Input, find_sources, read_bytes
from briefing.summarize.summary import Summary, merge_summaries, summarize_article
from briefing.summarize import DEFAULT_METHOD, DEFAULT_SENTENCES
from briefing.text.writing import first_few



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
# Any pack is bounded per meeting too, however many articles report one meeting (thousands of
# copies of one news item must not make thousands of pages): reports named and cited, figures
# and conflicts in its section, flags a figures-table row shows, articles the annex lists.
REPORTS_NAMED = 10
REPORTS_CITED = 6
SECTION_FIGURES = 30
SECTION_CONFLICTS = 5
FLAGS_PER_ROW = 4
ANNEX_ARTICLES = 150
OTHERS_LISTED = 30  # articles that report no meeting, listed apart
ANNEX_INFERRED = 60  # figures whose year, owner or indicator the annex says came from their context
# Where a part of a figure may come from that a reader should see, as it is the likeliest to be
# wrong: outside the figure's sentence and not the meeting's own year or place.
BORROWED_EVIDENCE = frozenset({"the sentence before", "the figure before it", "a sentence before",
                               "the year the article speaks of", "the meeting's date",
                               "the province watching from its bridge"})


class EmptyPackError(ValueError):
    """Nothing to put in a pack."""


class Cache:
    """Where read_meetings keeps and finds each article's facts and summary, by content hash, and
    recognises unchanged files by path, size and modification time (as git's index does)."""

    def get(self, sha256: str) -> tuple[ArticleFacts, Summary] | None:
        return None

    def put(self, sha256: str, facts: ArticleFacts, summary: Summary) -> None:
        pass

    def has(self, sha256: str) -> bool:
        return self.get(sha256) is not None

    def sha_of(self, source: str, size: int, mtime_ns: int) -> str | None:
        """The content hash of a file read before and unchanged since, or None."""
        return None

    def saw(self, source: str, size: int, mtime_ns: int, sha256: str) -> None:
        pass


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
        """"1, 3": the reports (numbered from 1, fullest first) among ``sources``, to cite them briefly;
        past REPORTS_CITED, "1, 3, 5, 8, 9, 12 +240"."""
        order = {a.source: n for n, a in enumerate(self.reports, 1)}
        return first_few([order[s] for s in sources if s in order], REPORTS_CITED)

    @property
    def named_reports(self) -> list[ArticleFacts]:
        """The reports the section names, at most REPORTS_NAMED (the annex lists articles too)."""
        return self.reports[:REPORTS_NAMED]

    @property
    def unnamed_reports(self) -> int:
        return max(0, len(self.reports) - REPORTS_NAMED)

    @property
    def shown_conflicts(self) -> list:
        return self.conflicts[:SECTION_CONFLICTS]

    @property
    def more_conflicts(self) -> int:
        return max(0, len(self.conflicts) - SECTION_CONFLICTS)

    @property
    def date(self) -> str | None:
        return self.facts.info.date

    @property
    def figure_groups(self) -> list[tuple[str, list]]:
        """Figures grouped by the sentence they came from, in article order: the first SECTION_FIGURES."""
        groups: dict[str, list] = {}
        for figure in self.facts.figures[:SECTION_FIGURES]:
            groups.setdefault(figure.sentence, []).append(figure)
        return list(groups.items())

    @property
    def shown_figures(self) -> list:
        return self.facts.figures[:SECTION_FIGURES]

    @property
    def more_figures(self) -> int:
        """Figures the section leaves to `briefing extract`."""
        return max(0, len(self.facts.figures) - SECTION_FIGURES)


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

    @property
    def annex_articles(self) -> list[ArticleFacts]:
        """The articles the annex lists one by one: all; in a compact pack, those of the sectioned
        meetings; never more than ANNEX_ARTICLES."""
        chosen = [a for m in self.sectioned for a in m.reports] if self.compact else self.articles
        return chosen[:ANNEX_ARTICLES]

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
        year or owner was taken from outside their sentence (BORROWED_EVIDENCE): the reader sees what
        was inferred."""
        found = []
        for meeting in self.sectioned:
            for figure in meeting.shown_figures:
                borrowed = [(part, source) for part, source in figure.evidence if source in BORROWED_EVIDENCE]
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


def read_meetings(
    paths: Iterable[str],
    method: str | None = DEFAULT_METHOD,
    sentences: int | None = None,
    ratio: float | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int | None, str], None] | None = None,
    words: int | None = None,
    jobs: int = 1,
    skip_known: bool = False,
) -> Iterator[Meeting | IngestError | Known]:
    """Each input under ``paths`` analysed (facts, and a summary unless ``method`` is None).

    A file the cache knows unchanged is not read; one whose content the cache knows is not
    analysed again (with ``skip_known``, it is given as Known, not loaded); the rest are analysed
    by ``jobs`` processes, at most a few ahead of what has been yielded, so memory does not grow
    with the number of inputs. With several jobs, a cached input may come before one analysed."""
    cache = cache or Cache()
    request = Request(method, sentences, ratio, words, skip_known)
    sources = list(find_sources(paths))  # names only: the count lets a progress display estimate the time left
    with analysers(jobs) as pool:
        in_flight: deque = deque()
        misses = 0
        for done, source in enumerate(sources, 1):
            if progress:
                progress(done, len(sources), source if isinstance(source, str) else source.source)
            item = _known_or_read(source, request, cache)
            if not isinstance(item, Input):
                yield item
                continue
            misses += 1
            pooled = pool and misses > IN_PROCESS_FIRST  # a handful of articles is not worth starting processes
            in_flight.append((item, pool.submit(analyse, item, request) if pooled else None))
            while in_flight and (len(in_flight) > IN_FLIGHT_PER_JOB * jobs or in_flight[0][1] is None
                                 or in_flight[0][1].done()):
                yield _finished(*in_flight.popleft(), request, cache, pool)
        while in_flight:
            yield _finished(*in_flight.popleft(), request, cache, pool)


IN_FLIGHT_PER_JOB = 8  # inputs read ahead for each analysing process
IN_PROCESS_FIRST = 12  # the first new articles are analysed here, while it is not yet clear more will come


@dataclass
class Known:
    """An input whose analysis the cache holds already (read_meetings with ``skip_known``)."""

    source: str
    sha256: str


@dataclass(frozen=True)
class Request:
    """What to make of each article: its facts always, a summary unless ``method`` is None."""

    method: str | None
    sentences: int | None = None
    ratio: float | None = None
    words: int | None = None
    skip_known: bool = False  # give a cached input as Known, without loading its analysis


def _known_or_read(source, request: Request, cache: Cache) -> Meeting | IngestError | Input | Known:
    """A cached Meeting for a file or content seen before; else the file's bytes, read through the gate."""
    if isinstance(source, IngestError):
        return source
    stat = _stat(source) if request.method else None
    sha = cache.sha_of(source, *stat) if stat else None
    hit = _cached(sha, source, request, cache) if sha else None
    if hit:
        return hit
    try:
        item = Input(shown(source), read_bytes(source))
    except ArticleError as err:
        return IngestError(source, str(err))
    if stat:
        cache.saw(source, *stat, item.sha256)
    return (_cached(item.sha256, item.source, request, cache) if request.method else None) or item


def _cached(sha: str, source: str, request: Request, cache: Cache) -> Meeting | Known | None:
    if request.skip_known:
        return Known(shown(source), sha) if cache.has(sha) else None
    hit = cache.get(sha)
    return cached_meeting(hit, source) if hit else None


def _stat(source: str) -> tuple[int, int] | None:
    if source == "-":
        return None
    try:
        st = os.stat(source)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if stat.S_ISREG(st.st_mode) else None


def cached_meeting(hit: tuple[ArticleFacts, Summary], source: str) -> Meeting:
    facts, summary = hit
    facts.source = summary.source = shown(source)  # the same text may have been renamed
    facts.sources, summary.sources = [], []  # an article's own; meetings are merged afterwards
    return Meeting(facts, summary, anchor="")


def _finished(item: Input, future, request: Request, cache: Cache, pool=None) -> Meeting | IngestError:
    result = pool.result(future, analyse, item, request) if future else analyse(item, request)
    if isinstance(result, str):
        return IngestError(item.source, result)
    facts, summary = result
    if summary is not None:
        cache.put(item.sha256, facts, summary)
    return Meeting(facts, summary, anchor="")


def analyse(item: Input, request: Request) -> tuple[ArticleFacts, Summary | None] | str:
    """One article's facts and summary, or why it is not a usable article (run in a worker process)."""
    try:
        article = item.article()
    except ArticleError as err:
        return str(err)
    facts = extract_article(article)
    if request.method is None:
        return facts, None
    summary = summarize_article(article, request.method, request.sentences, request.ratio,
                                date=facts.info.date, decisions=facts.decisions, words=request.words)
    summary.title = facts.title  # a headline-less article is named from its meeting, as its facts are
    return facts, summary


@contextmanager
def analysers(jobs: int):
    """A pool of ``jobs`` worker processes (None: analyse in this process), started on first use.

    Workers ignore Ctrl-C and die on SIGTERM: the parent alone decides that a run was stopped, then
    kills them, so a stopped run ends at once with nothing half-written."""
    pool = LazyPool(jobs) if jobs > 1 else None
    try:
        yield pool
    except BaseException:
        if pool:
            pool.terminate()
        raise
    if pool:
        pool.close()


class LazyPool:
    """A process pool created at the first ``submit``, so a run with nothing new starts no process.

    A worker that dies (killed, out of memory) breaks the pool: every task it had is lost. The pool
    is then started again and each lost task is given once more; a task that breaks the pool twice
    is reported as that article's failure, never waited for."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool = None

    def submit(self, function, *args):
        """The task's future; a pool broken by a dead worker, and not yet replaced, is replaced first."""
        self._replace_broken()
        try:
            return self._pool().submit(function, *args)
        except BrokenProcessPool:  # a worker died between the check and the submission
            self._replace_broken()
            return self._pool().submit(function, *args)

    def _pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            # Signals wait while the workers are forked, so none lands half-way through a fork.
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            try:
                self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                                initializer=_quiet_worker)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        return self.pool

    def result(self, future, function, *args):
        """The task's result, waiting for it; after a dead worker, the task tried once more in a new pool."""
        for attempt in range(2):
            try:
                return future.result()
            except (BrokenProcessPool, CancelledError):  # cancelled: its broken pool was shut down first
                self._replace_broken()
                if attempt == 0:
                    future = self.submit(function, *args)
        return "the analysing process died twice on this article (out of memory, or killed); not analysed"

    def _replace_broken(self) -> None:
        if self.pool is not None and getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def terminate(self) -> None:
        if self.pool is not None:
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.kill()
            self.pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _die_with_parent()


def _die_with_parent() -> None:
    """Linux: a worker is killed when its parent dies (even by kill -9), so none outlives a run
    holding the run lock it inherited."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # elsewhere a worker ends when it finds its task queue closed


PR_SET_PDEATHSIG = 1


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
    progress: Callable[[int, int | None, str], None] | None = None,
) -> tuple[list[Meeting], list[IngestError]]:
    """Every meeting the inputs under ``paths`` report (facts, and summaries unless ``method`` is
    None), and every input that could not be read."""
    reports: list[Meeting] = []
    problems: list[IngestError] = []
    for item in read_meetings(paths, method, sentences, ratio, words=words, progress=progress):
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
    jobs: int = 1,
) -> Pack:
    """Read, summarise and extract every article under ``paths``; raise EmptyPackError if none is usable."""
    reports: list[Meeting] = []
    skipped: list[IngestError] = []
    for item in read_meetings(paths, method, sentences, cache=cache, progress=progress, jobs=jobs):
        if isinstance(item, IngestError):
            skipped.append(item)
        elif not since or (item.date is not None and item.date >= since):
            reports.append(item)
    if not reports:
        reason = f" dated {since} or later" if since else ""
        why = "; ".join(f"{s.source}: {s.problem}" for s in skipped[:3])  # say why, as summarize does
        raise EmptyPackError(f"no readable meeting article{reason} in {', '.join(map(str, paths))}"
                             + (f" ({why})" if why else ""))
    meetings = merge_meetings(reports)
    return make_pack(meetings, compare([m.facts for m in meetings]), title or default_title, method, sentences,
                     skipped, since)


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
