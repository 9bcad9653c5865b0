"""The fact store as the analysis pass's cache and read back as meetings: a lasting one in the state
database (StateCache; a damaged row's article is analysed again from its file, if that file still
holds it), or one in memory for a one-off command (MemoryStore). Both answer the same questions, so
``build`` and ``run`` reach a pack by one road: the pass into a store, then the pack from the store."""

from __future__ import annotations

from pathlib import Path

from collections.abc import Callable, Iterable

from briefing import __version__
from briefing.analyse import Cache, Request, analyse, analyse_into, cached_meeting
from briefing.extract.facts import ArticleFacts, facts_from_json
from briefing.ingest.read import ArticleError, IngestError, Input, default_inputs, read_bytes
from briefing.meetings.merged import Meeting, merge_meetings
from briefing.store.database import State
from briefing.summarize import DEFAULT_METHOD
from briefing.summarize.summary import Summary


class NoMeetings(Exception):
    """Nothing to show: no article could be read, or the fact store holds none yet."""

    def __init__(self, message: str, problems: list[IngestError] | None = None):
        super().__init__(message)
        self.problems = problems or []


class PathsAndStore(ValueError):
    """Articles and a fact store given together: which to read is unclear."""


def meetings_of(paths: Iterable[str] | None, state: Path | None = None,
                progress: Callable[[int, int | None, str], None] | None = None
                ) -> tuple[list[Meeting], list[IngestError]]:
    """The facts of every meeting the articles under ``paths`` report (default: the bundled seeds),
    or, with ``state``, of every article its fact store holds; and the inputs that could not be read.
    Raises NoMeetings when there is none, PathsAndStore for paths and a store together."""
    if state is not None:
        if paths:
            raise PathsAndStore("give article paths or --state, not both")
        meetings = meetings_in_store(state)
        if not meetings:
            raise NoMeetings(f"{state}: the fact store holds no article yet")
        return meetings, []
    meetings, problems = collect_meetings(paths or default_inputs(), method=None, progress=progress)
    if not meetings:
        raise NoMeetings("no article could be read", problems)
    return meetings, problems


def collect_meetings(
    paths: Iterable[str], method: str | None = DEFAULT_METHOD, sentences: int | None = None,
    ratio: float | None = None, words: int | None = None,
    progress: Callable[[int, int | None, str], None] | None = None,
) -> tuple[list[Meeting], list[IngestError]]:
    """Every meeting the inputs under ``paths`` report (facts, and summaries unless ``method`` is None),
    by the road every command takes (the pass into a store in memory, the meetings from the store),
    and every input that could not be read."""
    store = MemoryStore()
    seen, problems = analyse_into(store, paths, method, sentences, progress=progress, ratio=ratio, words=words)
    return merge_meetings(store.reports(hashes=seen), words), problems


def analysis_key(method: str, sentences: int | None) -> str:
    """What a stored analysis is valid for: this version of briefing and the summary asked for."""
    return f"{__version__}:{method}:{sentences}"


class MemoryStore(Cache):
    """A fact store in memory, for a one-off command: each article's analysis by content hash, where
    it was read, and its meeting's date, level and place."""

    def __init__(self):
        self.analyses: dict[str, tuple[ArticleFacts, Summary]] = {}
        self.paths: dict[str, str] = {}  # the latest file of each text, as the state database keeps it
        self.dates: dict[str, str | None] = {}

    def get(self, sha256: str):
        return self.analyses.get(sha256)

    def put(self, sha256: str, facts: ArticleFacts, summary: Summary | None) -> None:
        self.analyses[sha256] = (facts, summary)

    def record_articles(self, articles: list[tuple], when: str) -> None:
        for sha, path, _title, day, _level, _place in articles:
            self.paths[sha] = path
            self.dates[sha] = day if day is not None else self.dates.get(sha)

    def dated_between(self, since: str | None, until: str | None) -> set[str]:
        return {sha for sha, day in self.dates.items() if day and (since or "") <= day <= (until or "9999")}

    def reports(self, hashes: set[str] | None = None, places: set | None = None,
                without: set[str] = frozenset()) -> list[Meeting]:
        """The stored articles as (unmerged) meetings: those of ``hashes``, or those of national
        meetings and of ``places``; none of ``without``."""
        chosen = []
        for sha in (sorted(hashes) if hashes is not None else list(self.analyses)):
            facts = self.analyses[sha][0] if sha in self.analyses else None
            if facts is None or sha in without or (hashes is None and not _national_or_of(facts, places)):
                continue
            chosen.append(cached_meeting(self.analyses[sha], self.paths.get(sha, facts.source)))
        return chosen


def _national_or_of(facts: ArticleFacts, places: set | None) -> bool:
    """As the database's query: a national meeting, or one of a named place (no place names none)."""
    return facts.info.level == "national" or (facts.info.locality is not None and facts.info.locality in (places or ()))


class StateCache(Cache):
    """The run's cache in the state database: analyses by content hash and settings, files by path,
    size and modification time."""

    def __init__(self, state: State, method: str, sentences: int | None):
        self.state = state
        self.key = analysis_key(method, sentences)
        self.hashes = state.cached_hashes(self.key)
        self.files = state.known_files()
        self.repair = reanalysed(method, sentences, state, self.key)

    def record_articles(self, articles: list[tuple], when: str) -> None:
        self.state.record_articles(articles, when)

    def dated_between(self, since: str | None, until: str | None) -> set[str]:
        return self.state.dated_between(since, until)

    def reports(self, hashes: set[str] | None = None, places: set | None = None,
                without: set[str] = frozenset()) -> list[Meeting]:
        """As MemoryStore.reports, read from the database (a damaged row analysed again)."""
        rows = self.state.stored(self.key, hashes=hashes, places=places)
        return stored_meetings((row for row in rows if row[0] not in without), self.repair)

    def get(self, sha256: str):
        return stored_analysis(self.state.cached(sha256, self.key))

    def has(self, sha256: str) -> bool:
        return sha256 in self.hashes

    def put(self, sha256: str, facts: ArticleFacts, summary: Summary | None) -> None:
        if summary is None:
            return  # the lasting store keeps whole analyses only: its key names the summary's settings
        self.state.store(sha256, self.key, {"facts": facts.as_json(), "summary": summary.__dict__})
        self.hashes.add(sha256)

    def sha_of(self, source: str, size: int, mtime_ns: int) -> str | None:
        size_then, mtime_then, sha = self.files.get(source, (None, None, None))
        return sha if (size_then, mtime_then) == (size, mtime_ns) else None

    def saw(self, source: str, size: int, mtime_ns: int, sha256: str) -> None:
        self.state.record_files([(source, size, mtime_ns, sha256)])


def stored_analysis(payload: dict | None) -> tuple[ArticleFacts, Summary] | None:
    try:
        return facts_from_json(payload["facts"]), Summary(**payload["summary"])
    except (KeyError, TypeError, ValueError, AttributeError):  # no row, or a damaged one: a miss
        return None


def meetings_in_store(folder: Path) -> list[Meeting]:
    """Every meeting in the fact store of a state folder (read only), merged, with facts and summaries."""
    state = State(folder, read_only=True)
    try:
        return merge_meetings(stored_meetings(state.every_stored(__version__), reanalysed(DEFAULT_METHOD, None)))
    finally:
        state.close()


def stored_meetings(rows, repair) -> list[Meeting]:
    """The stored articles' meetings; a damaged row's article is analysed again from its file by
    ``repair`` (and left out only when that file is gone or has changed)."""
    meetings = []
    for sha, path, payload in rows:
        hit = stored_analysis(payload) or repair(sha, path)
        if hit:
            meetings.append(cached_meeting(hit, path))
    return meetings


def reanalysed(method: str, sentences: int | None, state: State | None = None, key: str | None = None):
    """A function (sha256, path) → the article's facts and summary, analysed again from its file if
    the file still holds that text; stored again when a writable ``state`` is given."""
    def repair(sha: str, path: str):
        try:
            item = Input(path, read_bytes(path))
        except ArticleError:
            return None
        result = analyse(item, Request(method, sentences)) if item.sha256 == sha else None
        if not isinstance(result, tuple):
            return None
        if state is not None:
            state.store(sha, key, {"facts": result[0].as_json(), "summary": result[1].__dict__})
        return result

    return repair
