"""The job a schedule calls: build this week's pack from what is new, remember what was seen.

One run at a time (a lock in the state folder); a failed run is recorded and
leaves the previous report in place; summaries and facts are cached by the
article's content hash, so an unchanged (or merely renamed) article is not
processed again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import __version__
from .compare import slogan_key
from .extract import MeetingFacts, facts_from_json
from .files import write_atomic
from .pack import Cache, News, Pack, build_pack
from .pipeline import MeetingSummary
from .state import State, exclusive_lock, now
from .vnformat import figure_value

REPORT_GLOB = "briefing-*-W*.*"


@dataclass
class RunSettings:
    input: Path
    output: Path  # a folder
    state: Path
    method: str = "briefing"
    sentences: int = 3
    lang: str = "vi"
    title: str | None = None
    keep: int | None = None
    format: str = "pdf"


@dataclass
class RunOutcome:
    report: Path
    pack: Pack
    removed: list[Path]
    moved_aside: Path | None


class RunFailed(RuntimeError):
    """The run failed; it was recorded and the previous report kept."""


def report_name(today: date, fmt: str) -> str:
    year, week, _ = today.isocalendar()
    return f"briefing-{year}-W{week:02d}.{fmt}"


class StateCache(Cache):
    def __init__(self, state: State, settings: RunSettings):
        self.state = state
        self.key = f"{__version__}:{settings.method}:{settings.sentences}"

    def get(self, sha256: str):
        payload = self.state.cached(sha256, self.key)
        if payload is None:
            return None
        return facts_from_json(payload["facts"]), MeetingSummary(**payload["summary"])

    def put(self, sha256: str, facts: MeetingFacts, summary: MeetingSummary) -> None:
        self.state.store(sha256, self.key, {"facts": facts.as_json(), "summary": summary.__dict__})


def run(settings: RunSettings, render: Callable[[Pack, RunSettings], bytes | str],
        progress: Callable[[int, int, str], None] | None = None, today: date | None = None) -> RunOutcome:
    """Build and record one run. Raises RunInProgress, or RunFailed after recording the failure."""
    with exclusive_lock(settings.state):
        state = State(settings.state)
        try:
            return _run(state, settings, render, progress, today or date.today())
        finally:
            state.close()


def _run(state: State, settings: RunSettings, render, progress, today: date) -> RunOutcome:
    run_id = state.start_run()
    try:
        known = state.known_hashes()
        previous = state.last_successful_run()
        pack = build_pack(
            [str(settings.input)], title=settings.title, method=settings.method, sentences=settings.sentences,
            progress=progress, default_title="", cache=StateCache(state, settings),
        )
        pack.news = news_since(pack, known, previous.facts if previous else None)
        report = settings.output / report_name(today, settings.format)
        write_atomic(report, render(pack, settings))
    except Exception as err:
        state.finish_run(run_id, "failed", error=f"{type(err).__name__}: {err}")
        raise RunFailed(str(err)) from err
    seen = now()
    state.record_articles([(m.facts.sha256, m.facts.source, m.facts.title) for m in pack.meetings], seen)
    state.finish_run(run_id, "ok", new=len(pack.news.meetings), total=len(pack.meetings), output=str(report),
                     facts=facts_digest(pack))
    removed = keep_newest(settings.output, settings.keep) if settings.keep else []
    return RunOutcome(report, pack, removed, state.moved_aside)


def facts_digest(pack: Pack) -> dict:
    """What a later run compares with: the theme keys and each target's value."""
    return {
        "themes": sorted(_theme_key(t) for t in pack.comparison.themes),
        "targets": {_target_key(r): _target_text(r) for r in pack.comparison.figures if r.target},
    }


def news_since(pack: Pack, known: set[str], previous: str | None) -> News:
    news = News(meetings=[m for m in pack.meetings if m.facts.sha256 not in known], first_run=previous is None)
    if previous is None:
        return news
    before = json.loads(previous)
    old_themes, old_targets = set(before.get("themes", [])), before.get("targets", {})
    news.themes = [t for t in pack.comparison.themes if _theme_key(t) not in old_themes]
    for row in pack.comparison.figures:
        if row.target and old_targets.get(_target_key(row)) != _target_text(row):
            news.targets.append((row, old_targets.get(_target_key(row))))
    return news


def keep_newest(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` weekly reports in ``folder``; return what was removed."""
    reports = sorted(folder.glob(REPORT_GLOB), key=lambda p: p.stat().st_mtime, reverse=True)
    removed = reports[keep:]
    for path in removed:
        path.unlink()
    return removed


def _theme_key(row) -> str:
    return f"{row.year}|{row.scope}|{row.locality}|{row.kind}|{'/'.join(sorted(slogan_key(row.text)))}"


def _target_key(row) -> str:
    return f"{row.indicator}|{row.locality}|{row.year}|{row.unit}"


def _target_text(row) -> str:
    cell = row.target
    return figure_value(cell.value, cell.value_max, row.unit, cell.comparator, cell.of)
