"""The fact store read and written as the analysis pass's cache (StateCache), and read back as
meetings: a damaged row's article is analysed again from its file, if that file still holds it."""

from __future__ import annotations

from pathlib import Path

from collections.abc import Callable, Iterable

from briefing import __version__
from briefing.analyse import Cache, Request, analyse, cached_meeting, collect_meetings
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


def analysis_key(method: str, sentences: int | None) -> str:
    """What a stored analysis is valid for: this version of briefing and the summary asked for."""
    return f"{__version__}:{method}:{sentences}"


class StateCache(Cache):
    """The run's cache in the state database: analyses by content hash and settings, files by path,
    size and modification time."""

    def __init__(self, state: State, method: str, sentences: int | None):
        self.state = state
        self.key = analysis_key(method, sentences)
        self.hashes = state.cached_hashes(self.key)
        self.files = state.known_files()

    def get(self, sha256: str):
        return stored_analysis(self.state.cached(sha256, self.key))

    def has(self, sha256: str) -> bool:
        return sha256 in self.hashes

    def put(self, sha256: str, facts: ArticleFacts, summary: Summary) -> None:
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
