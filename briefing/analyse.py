"""The one analysis pass: every input under the paths given, read once, and each new or changed
article analysed (facts, and a summary unless only facts are asked for), in worker processes for a
cold run. What was analysed before comes from the Cache (the fact store, briefing.store, for a
lasting one) instead of being analysed again."""

from __future__ import annotations

import multiprocessing
import os
import signal
import stat
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass

from briefing.extract.facts import ArticleFacts, extract_article
from briefing.ingest.files import shown
from briefing.ingest.read import ArticleError, IngestError, Input, find_sources, read_bytes
from briefing.meetings.merged import Meeting
from briefing.summarize import DEFAULT_METHOD
from briefing.summarize.summary import Summary, summarize_article


class Cache:
    """Where read_meetings keeps and finds each article's facts and summary, by content hash, and
    recognises unchanged files by path, size and modification time (as git's index does)."""

    def get(self, sha256: str) -> tuple[ArticleFacts, Summary] | None:
        return None

    def put(self, sha256: str, facts: ArticleFacts, summary: Summary | None) -> None:
        pass

    def has(self, sha256: str) -> bool:
        return self.get(sha256) is not None

    def sha_of(self, source: str, size: int, mtime_ns: int) -> str | None:
        """The content hash of a file read before and unchanged since, or None."""
        return None

    def saw(self, source: str, size: int, mtime_ns: int, sha256: str) -> None:
        pass


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


def cached_meeting(hit: tuple[ArticleFacts, Summary | None], source: str) -> Meeting:
    facts, summary = hit
    facts.source, facts.sources = shown(source), []  # the same text may have been renamed; merged later
    if summary is not None:
        summary.source, summary.sources = facts.source, []
    return Meeting(facts, summary, anchor="")


def _finished(item: Input, future, request: Request, cache: Cache, pool=None) -> Meeting | IngestError:
    result = pool.result(future, analyse, item, request) if future else analyse(item, request)
    if isinstance(result, str):
        return IngestError(item.source, result)
    facts, summary = result
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


def analyse_into(store, paths: Iterable[str], method: str | None, sentences: int | None = None, jobs: int = 1,
                 progress: Callable[[int, int | None, str], None] | None = None, when: str = "",
                 ratio: float | None = None, words: int | None = None) -> tuple[set[str], list[IngestError]]:
    """The one pass: every input under ``paths`` read, the new or changed ones analysed into ``store``
    (briefing.store.facts), every article recorded there with its meeting's date, level and place;
    the content hashes of every article and the inputs that could not be read."""
    seen: set[str] = set()
    skipped: list[IngestError] = []
    for item in read_meetings(paths, method, sentences, ratio, store, progress, words, jobs, skip_known=True):
        if isinstance(item, IngestError):
            skipped.append(item)
        elif isinstance(item, Known):
            seen.add(item.sha256)
            store.record_articles([(item.sha256, item.source, None, None, None, None)], when)
        else:
            info = item.facts.info
            seen.add(item.facts.sha256)
            store.record_articles([(item.facts.sha256, item.facts.source, item.facts.title, info.date, info.level,
                                    info.locality)], when)
    return seen, skipped
