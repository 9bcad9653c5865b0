"""The job a schedule calls: build this week's pack from what is new, remember what was seen.

One run at a time (a lock in the state folder); a failed run is recorded and
leaves the previous report in place; summaries and facts are cached by the
article's content hash, so an unchanged (or merely renamed) article is not
processed again.
"""

from __future__ import annotations

import json
import re
import signal
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing import __version__
from briefing.text.slogans import slogan_key
from briefing.extract.facts import ArticleFacts, facts_from_json
from briefing.output import write_output
from briefing.pack import Cache, News, Pack, build_pack
from briefing.summarize.summary import Summary
from briefing.render.document import render_pack
from briefing.weekly.settings import RunSettings, check_input_and_output
from briefing.weekly.state import Lock, State, StateError, exclusive_lock, now
from briefing.text.writing import figure_value

REPORT_NAME = re.compile(r"briefing-(\d{4})-W(\d{2})\.(pdf|html|md)")


@dataclass
class RunOutcome:
    report: Path
    pack: Pack
    removed: list[Path]
    moved_aside: Path | None
    notes: list[str]


class RunFailed(RuntimeError):
    """The run failed; it was recorded and the previous report kept."""


class RunInterrupted(RuntimeError):
    """The run was stopped by a signal; it was recorded and the previous report kept."""


def report_name(today: date, fmt: str) -> str:
    year, week, _ = today.isocalendar()
    return f"briefing-{year}-W{week:02d}.{fmt}"


class StateCache(Cache):
    def __init__(self, state: State, settings: RunSettings):
        self.state = state
        self.key = f"{__version__}:{settings.method}:{settings.sentences}"

    def get(self, sha256: str):
        payload = self.state.cached(sha256, self.key)
        try:
            return facts_from_json(payload["facts"]), Summary(**payload["summary"])
        except (KeyError, TypeError, ValueError, AttributeError):  # no row, or a damaged one: a miss
            return None

    def put(self, sha256: str, facts: ArticleFacts, summary: Summary) -> None:
        self.state.store(sha256, self.key, {"facts": facts.as_json(), "summary": summary.__dict__})


def run(settings: RunSettings, progress: Callable[[int, int, str], None] | None = None,
        today: date | None = None) -> RunOutcome:
    """Build, write and record one run.

    Raises SettingsError before anything is touched, RunInProgress, StateError,
    RunFailed after recording the failure, or RunInterrupted after recording
    that the run was stopped (Ctrl-C or SIGTERM).
    """
    check_input_and_output(settings)
    with exclusive_lock(settings.state_folder) as lock, _stopped_by_sigterm():
        state = State(settings.state_folder)
        try:
            return _run(state, lock, settings, progress, today or date.today())
        finally:
            state.close()


def _run(state: State, lock: Lock, settings: RunSettings, progress, today: date) -> RunOutcome:
    run_id = state.start_run()

    def step(done: int, total: int, item: str) -> None:
        lock.check()
        if progress:
            progress(done, total, item)

    try:
        known = state.known_hashes()
        previous = state.last_successful_run()
        pack = build_pack(
            [str(settings.input_folder)], title=settings.title, method=settings.method, sentences=settings.sentences,
            progress=step, default_title="", cache=StateCache(state, settings),
        )
        pack.news = news_since(pack, known, previous.facts if previous else None)
        report = (settings.output / report_name(today, settings.format)).resolve()
        data = render_pack(pack, settings.format, settings.lang)
        lock.check()
        write_output(report, data)
    except (KeyboardInterrupt, RunInterrupted):
        _record_end(state, run_id, "interrupted", "stopped by a signal")
        raise RunInterrupted("the run was stopped; the previous report was kept") from None
    except StateError:
        lock.check()  # a vanished state folder is the better explanation, if it is the cause
        raise
    except Exception as err:
        _record_end(state, run_id, "failed", f"{type(err).__name__}: {err}")
        raise RunFailed(str(err)) from err
    state.record_articles([(a.sha256, a.source, a.title) for a in pack.articles], now())
    state.finish_run(run_id, "ok", new=len(pack.news.meetings), total=len(pack.meetings), output=str(report),
                     facts=facts_digest(pack))
    removed = keep_newest(state.reports(), report, settings.keep) if settings.keep else []
    return RunOutcome(report, pack, removed, state.moved_aside, state.notes)


def _record_end(state: State, run_id: int, status: str, error: str) -> None:
    """Record how a run ended, unless the state itself is what failed."""
    try:
        state.finish_run(run_id, status, error=error)
    except StateError:
        pass


@contextmanager
def _stopped_by_sigterm():
    """SIGTERM (a service stopping, a timeout) ends the run as Ctrl-C does: recorded, nothing half-written."""
    def stop(signum, frame):
        raise RunInterrupted("stopped by SIGTERM")

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def facts_digest(pack: Pack) -> dict:
    """What a later run compares with: the theme keys and each target's value."""
    return {
        "themes": sorted(_theme_key(t) for t in pack.comparison.themes),
        "targets": {_target_key(r): _target_text(r) for r in pack.comparison.figures if r.target},
    }


def news_since(pack: Pack, known: set[str], previous: str | None) -> News:
    news = News(meetings=[m for m in pack.meetings if any(a.sha256 not in known for a in m.reports)],
                first_run=previous is None)
    if previous is None:
        return news
    before = json.loads(previous)
    old_themes, old_targets = set(before.get("themes", [])), before.get("targets", {})
    news.themes = [t for t in pack.comparison.themes if _theme_key(t) not in old_themes]
    for row in pack.comparison.figures:
        if row.target and old_targets.get(_target_key(row)) != _target_text(row):
            news.targets.append((row, old_targets.get(_target_key(row))))
    return news


def keep_newest(reports: list[str], current: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` ISO weeks of this format's reports; return what was removed.

    Only reports the state database says a run wrote, in the current report's
    folder, with the current report's format, are candidates; the current
    report is never removed, and a name that is no longer a regular file is left alone.
    """
    mine = {}
    for name in reports:
        path = Path(name)
        week = _report_week(path.name)
        if week and path.parent == current.parent and path.suffix == current.suffix:
            mine[path] = week
    newest_first = sorted(mine, key=mine.get, reverse=True)
    removed = []
    for path in newest_first[keep:]:
        if path != current and path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    return removed


def _report_week(name: str) -> tuple[int, int] | None:
    m = REPORT_NAME.fullmatch(name)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _theme_key(row) -> str:
    return f"{row.year}|{row.scope}|{row.locality}|{row.kind}|{'/'.join(sorted(slogan_key(row.text)))}"


def _target_key(row) -> str:
    return f"{row.indicator}|{row.locality}|{row.year}|{row.unit}|{row.counts or ''}"


def _target_text(row) -> str:
    cell = row.target
    return figure_value(cell.value, cell.value_max, row.unit, cell.comparator, cell.of)
