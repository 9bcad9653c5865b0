"""The job a schedule calls: build this week's pack from what is new, remember what was seen.

One run at a time (a lock in the state folder); a failed run is recorded and
leaves the previous report in place; summaries and facts are cached by the
article's content hash, so an unchanged (or merely renamed) article is not
processed again.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing.analyse import analyse_into
from briefing.flags import same_value
from briefing.ingest.files import shown
from briefing.output import write_output
from briefing.pack import EmptyPackError, News, Pack, pack_from_store
from briefing.render.document import render_pack
from briefing.weekly.settings import (
    DEFAULT_LANGUAGE, RunSettings, SettingsError, check_input_and_output, language_suffix,
)
from briefing.store.database import State, StateError, now
from briefing.store.facts import StateCache
from briefing.weekly.lock import Lock, exclusive_lock
from briefing.text.writing import figure_value

REPORT_NAME = re.compile(r"briefing-(\d{4})-W(\d{2})(\.[a-z]{2})?\.(pdf|html|md)")


UNCHANGED = "unchanged"  # a run's status when nothing was new: its week's pack was left as it was


@dataclass
class RunOutcome:
    report: Path | None  # the pack written, or the week's pack kept (None: no pack this week yet)
    pack: Pack | None  # None when nothing was new
    removed: list[Path]
    moved_aside: Path | None
    notes: list[str]
    new: int = 0  # articles no successful run had shown
    total: int = 0  # articles in the input folder
    skipped: list = field(default_factory=list)  # inputs that could not be read
    fetched: object = None  # fetch.collect.Collected, when the run fetched its feeds first

    @property
    def unchanged(self) -> bool:
        return self.pack is None

    def lines(self, input_folder) -> list[str]:
        """What the run has to tell, a line each, in order: the fetch's failures and notes and its
        summary, a state database moved aside, notes, unreadable inputs, old reports removed, then
        the run's own summary."""
        told = []
        if self.fetched is not None:
            told += self.fetched.problems + self.fetched.notes + [self.fetched.summary(input_folder)]
        if self.moved_aside:
            told.append(f"the state database was unreadable; moved it to {self.moved_aside}")
        told += self.notes + [f"skipped {problem}" for problem in self.skipped]
        told += [f"removed old report {path}" for path in self.removed]
        return told + [self.summary]

    @property
    def summary(self) -> str:
        """One line of what the run did, for the terminal and a log."""
        counted = f"{self.new} new of {self.total} article(s)"
        if self.unchanged:
            kept = f"kept {self.report}" if self.report else "no pack written this week"
            return f"nothing new since the last run ({counted}); {kept}"
        flags = len(self.pack.attention_flags)
        return (f"{counted}; {len(self.pack.meetings)} meeting(s) in the pack, {flags} flag(s) to look at; "
                f"wrote {self.report}")


class RunFailed(RuntimeError):
    """The run failed; it was recorded and the previous report kept."""


class RunInterrupted(RuntimeError):
    """The run was stopped by a signal; it was recorded and the previous report kept."""


def report_name(today: date, fmt: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """"briefing-2026-W49.pdf", "briefing-2026-W49.en.pdf": each language's pack of a week has its own name."""
    return f"briefing-{iso_week(today)}{language_suffix(lang)}.{fmt}"


def iso_week(today: date) -> str:
    """"2026-W49": the ISO week a run's pack is for."""
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def dated_report_name(period: "Period", today: date, lang: str = DEFAULT_LANGUAGE) -> str:
    """"briefing-2024-01-01-to-2024-12-31.{fmt}": a --since/--until pack never takes the week's name."""
    return f"briefing-{period.since or 'start'}-to-{period.until or today.isoformat()}{language_suffix(lang)}.{{fmt}}"


@dataclass(frozen=True)
class Period:
    """Which meetings a run's pack shows in full: dated within [since, until], or by default
    those whose articles are new since the last run."""

    since: str | None = None
    until: str | None = None

    @property
    def by_date(self) -> bool:
        return bool(self.since or self.until)


def run(settings: RunSettings, progress: Callable[[int, int, str], None] | None = None,
        today: date | None = None, period: Period = Period(), fetch: bool = False) -> RunOutcome:
    """Build, write and record one run.

    With ``fetch``, the settings' feeds are collected into the input folder first (``fetch/collect.py``).
    Raises SettingsError before anything is touched, RunInProgress, StateError,
    RunFailed after recording the failure, or RunInterrupted after recording
    that the run was stopped (Ctrl-C or SIGTERM).
    """
    if fetch and not settings.feeds:
        raise SettingsError("--fetch needs feeds: add feeds = [\"https://…/rss\"] to briefing.toml")
    if fetch and settings.input is None:
        raise SettingsError("--fetch needs an input folder to collect into: --input or input in briefing.toml")
    if fetch:
        settings.input.mkdir(parents=True, exist_ok=True)
    check_input_and_output(settings)
    with exclusive_lock(settings.state_folder) as lock, _stopped_by_sigterm():
        fetched = _fetch_first(settings) if fetch else None
        state = State(settings.state_folder)
        try:
            outcome = _run(state, lock, settings, progress, today or date.today(), period)
        finally:
            state.close()
    outcome.fetched = fetched
    return outcome


def _fetch_first(settings: RunSettings):
    """The feeds collected into the input folder; a record of fetched pages that cannot be used is
    one problem line, and the run goes on with the articles already there."""
    from briefing.fetch.collect import Collected, FetchRecordError, collect  # urllib3, trafilatura: only here

    try:
        return collect(settings.feeds, settings.input, keywords=settings.keywords)
    except FetchRecordError as err:
        return Collected(problems=[f"nothing fetched: {err}"])


def _run(state: State, lock: Lock, settings: RunSettings, progress, today: date, period: Period) -> RunOutcome:
    run_id = state.start_run()

    def step(done: int, total: int, item: str) -> None:
        lock.check()
        if progress:
            progress(done, total, item)

    week = iso_week(today)
    try:
        shown_before = state.reported_hashes()
        first_run = state.last_successful_run() is None
        store = StateCache(state, settings.method, settings.sentences)
        with state.batch():
            seen, skipped = analyse_into(store, [str(settings.input_folder)], settings.method, settings.sentences,
                                         settings.jobs, step, now())
        if not seen:
            raise EmptyPackError(f"no readable meeting article in {shown(settings.input_folder)}")
        new = state.unreported()
        if period.by_date:
            in_full, report = state.dated_between(period.since, period.until), dated_report_name(period, today, settings.lang)
        else:
            in_full, report = new | state.reported_in_week(week), report_name(today, settings.format, settings.lang)
        report = (settings.output / report.replace("{fmt}", settings.format)).resolve()
        if not period.by_date and not new and (report.is_file() or not in_full):
            return _unchanged(state, run_id, report, len(seen), skipped)
        pack = pack_from_store(store, in_full, settings.title or "", settings.method, settings.sentences, skipped,
                               settings.min_confidence)
        pack.news = news_of(pack, shown_before, first_run)
        data = render_pack(pack, settings.format, settings.lang, pdf_variant=settings.pdf_variant)
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
    # A dated pack is the user's own query: what it shows stays new for the week's pack.
    state.finish_run(run_id, "ok", new=len(new), total=len(seen), output=str(report),
                     reported=None if period.by_date else (in_full, week))
    removed = keep_newest(state.reports(), report, settings.keep) if settings.keep else []
    return RunOutcome(report, pack, removed, state.moved_aside, state.notes, new=len(new), total=len(seen),
                      skipped=skipped)


def _unchanged(state: State, run_id: int, report: Path, total: int, skipped: list) -> RunOutcome:
    """Nothing new since the last good run: the week's pack (if any) stays as it is, and the run says so."""
    kept = report if report.is_file() else None
    state.finish_run(run_id, UNCHANGED, new=0, total=total, output=str(kept) if kept else None)
    return RunOutcome(kept, None, [], state.moved_aside, state.notes, new=0, total=total, skipped=skipped)


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


def news_of(pack: Pack, known: set[str], first_run: bool) -> News:
    """What is new: meetings with an article not seen before; themes only this run's articles state;
    targets this run's articles set differently from what earlier articles said."""
    news = News(meetings=[m for m in pack.meetings if any(a.sha256 not in known for a in m.reports)],
                first_run=first_run)
    if first_run:
        return news
    fresh = {a.source for m in news.meetings for a in m.reports if a.sha256 not in known}
    news.themes = [t for t in pack.comparison.themes if set(t.sources) <= fresh]
    every = {r.key: r for r in pack.every_figure}
    for row in pack.comparison.figures:
        now_set = [c for c in row.targets if set(c.articles) & fresh]
        # earlier targets, of a low confidence too: what this run's article sets is new against all of them
        before = [c for c in every.get(row.key, row).targets if not set(c.articles) & fresh]
        if now_set and not any(same_value(now_set[0], c) for c in before):
            # the target this run's article set, and the one it replaces (targets come latest first)
            news.targets.append((row, now_set[0], _target_text(before[0], row.unit) if before else None))
    return news


def keep_newest(reports: list[str], current: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` ISO weeks of this format's reports; return what was removed.

    Only reports the state database says a run wrote, in the current report's
    folder, with the current report's format, are candidates; the current
    report is never removed, and a name that is no longer a regular file is left alone.
    """
    mine = {}
    language = _report_language(current.name)
    for name in reports:
        path = Path(name)
        week = _report_week(path.name)
        if week and path.parent == current.parent and path.suffix == current.suffix \
                and _report_language(path.name) == language:
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


def _report_language(name: str) -> str | None:
    m = REPORT_NAME.fullmatch(name)
    return m.group(3) if m else None


def _target_text(cell, unit: str) -> str:
    return figure_value(cell.value, cell.value_max, unit, cell.comparator, cell.of)
