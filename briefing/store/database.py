"""The fact store: one SQLite database of the articles analysed (facts and summaries by content
hash), the files seen (path, size, modification time), the runs and what each reported.

The schema is versioned (``PRAGMA user_version``); opening an older database
migrates it in one transaction, so a failure (a full disk) leaves it as it
was. Only a database that SQLite cannot read is moved aside, never
overwritten, and the caller is told where it went. Every SQLite failure
reaches the caller as one StateError line naming the database.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from briefing.ingest.files import shown

DB_NAME = "state.db"

MIGRATIONS = [
    # version 1: articles and runs
    """
    CREATE TABLE articles (
        sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, ended TEXT,
        status TEXT NOT NULL, new_articles INTEGER, total_articles INTEGER,
        output TEXT, error TEXT);
    """,
    # version 2: the cache of summaries and facts, and each run's facts for "new since the last run"
    """
    CREATE TABLE cache (
        sha256 TEXT NOT NULL, settings TEXT NOT NULL, payload TEXT NOT NULL,
        PRIMARY KEY (sha256, settings));
    ALTER TABLE runs ADD COLUMN facts TEXT;
    """,
    # version 3: the fact store (each article's meeting date, level and place beside its cached facts,
    # so history is queried, not re-read) and files known by path, size and modification time
    """
    ALTER TABLE articles ADD COLUMN meeting_date TEXT;
    ALTER TABLE articles ADD COLUMN level TEXT;
    ALTER TABLE articles ADD COLUMN locality TEXT;
    CREATE INDEX articles_place ON articles (level, locality);
    CREATE TABLE files (
        path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL);
    """,
    # version 4: which articles a successful run has shown, and in which ISO week's pack. "New" means
    # not yet shown, so the articles of a run that failed after storing them reach the next good run's
    # pack; a week's pack shows every article first shown that week. What a version-3 store had seen,
    # its runs had shown.
    """
    CREATE TABLE reported (sha256 TEXT PRIMARY KEY, run_id INTEGER NOT NULL, week TEXT NOT NULL);
    INSERT INTO reported (sha256, run_id, week) SELECT sha256, 0, '' FROM articles;
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
RUN_COLUMNS = "id, started, ended, status, new_articles, total_articles, output, error, facts"
BATCH = 500  # rows written in one transaction: a killed run keeps all but its last batch
# SQLite's words for a file that is not, or no longer, a database it can read.
UNREADABLE = ("file is not a database", "malformed", "corrupt")


class StateError(RuntimeError):
    """The state folder cannot be used."""


@dataclass
class Run:
    id: int
    started: str
    ended: str | None
    status: str
    new_articles: int | None
    total_articles: int | None
    output: str | None
    error: str | None
    facts: str | None = None

    @property
    def duration(self) -> float | None:
        if not self.ended:
            return None
        return (datetime.fromisoformat(self.ended) - datetime.fromisoformat(self.started)).total_seconds()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class State:
    """The database of one state folder. ``read_only`` opens it for looking only (``history``)."""

    def __init__(self, folder: str | Path, read_only: bool = False):
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME
        self.moved_aside: Path | None = None
        self.notes: list[str] = []  # things the user should hear about, one line each
        self._batched: int | None = None  # rows written since the last commit, inside ``batch``
        self.db = self._open_read_only() if read_only else self._open()

    def _open_read_only(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise StateError(f"{shown(self.path)}: no state database (no run has been recorded there)")
        try:
            db = self._connect_read_only()
            _check_readable(db)
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as err:
            reason = _one_line(err)
            if any(word in reason.lower() for word in UNREADABLE):
                raise StateError(f"{shown(self.path)}: not a readable state database ({reason}); "
                                 "the next run moves it aside") from None
            raise StateError(f"{shown(self.path)}: cannot be read ({reason}); check that the state folder "
                             "can be read, and written by the user who runs briefing") from None
        if version != SCHEMA_VERSION:
            raise StateError(f"{shown(self.path)}: schema {version}, this briefing reads {SCHEMA_VERSION}; "
                             "the next run upgrades it")
        return db

    def _connect_read_only(self) -> sqlite3.Connection:
        """A look that writes nothing. A database in write-ahead-log mode needs its -shm file even to
        be read; in a folder this user cannot write, nothing can be writing it either, so it is
        opened as immutable."""
        uri = self.path.resolve().as_uri()
        if can_write(self.folder):
            return sqlite3.connect(f"{uri}?mode=ro", uri=True)
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)

    def _open(self) -> sqlite3.Connection:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StateError(f"{shown(self.folder)}: cannot create the state folder ({err.strerror})") from None
        if self.path.is_file() and self.path.stat().st_size == 0:
            self.notes.append(f"{shown(self.path)} was empty; starting a new state database")
        try:
            db = sqlite3.connect(self.path)
            _check_readable(db)
        except sqlite3.DatabaseError as err:
            if not any(word in str(err).lower() for word in UNREADABLE):
                raise StateError(f"{shown(self.path)}: {err}") from None
            self.moved_aside = self._move_aside()
            db = sqlite3.connect(self.path)
        try:
            _migrate(db)
            # Write-ahead logging: a commit appends to the log instead of rewriting pages and syncing
            # twice; NORMAL syncs at checkpoints only, which in WAL mode still never corrupts the database.
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as err:
            db.close()
            raise StateError(f"{shown(self.path)}: cannot upgrade the state database, left as it was ({err})") from None
        return db

    def _move_aside(self) -> Path:
        aside = self.path.with_name(f"{DB_NAME}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
        os.replace(self.path, aside)
        return aside

    def close(self) -> None:
        self.db.close()

    def _write(self, sql: str, rows: list[tuple] | tuple = ()) -> sqlite3.Cursor:
        """One statement (or one per row), committed at once unless inside ``batch``; any failure as
        one StateError line."""
        try:
            if self._batched is not None:
                self._batched += len(rows) if isinstance(rows, list) else 1
                cursor = self.db.executemany(sql, rows) if isinstance(rows, list) else self.db.execute(sql, rows)
                if self._batched >= BATCH:
                    self.db.commit()
                    self._batched = 0
                return cursor
            with self.db:
                if rows and isinstance(rows, list):
                    return self.db.executemany(sql, rows)
                return self.db.execute(sql, rows)
        except sqlite3.DatabaseError as err:
            raise StateError(f"{shown(self.path)}: cannot write ({err})") from None

    @contextmanager
    def batch(self):
        """Writes inside are committed every ``BATCH`` rows and at the end, not one by one; on an
        error the unfinished batch is rolled back and what was committed stays."""
        self._batched = 0
        try:
            yield self
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise
        finally:
            self._batched = None

    # articles ------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT sha256 FROM articles")}

    def record_articles(self, articles: list[tuple], when: str) -> None:
        """Remember (sha256, path, title, meeting date, level, locality) as seen now; None keeps what is known."""
        if articles:
            self._write(
                "INSERT INTO articles (sha256, path, title, first_seen, last_seen, meeting_date, level, locality) "
                "VALUES (?1, ?2, coalesce(?3, ''), ?4, ?4, ?5, ?6, ?7) ON CONFLICT(sha256) DO UPDATE SET "
                "path = excluded.path, last_seen = excluded.last_seen, title = coalesce(?3, title), "
                "meeting_date = coalesce(?5, meeting_date), level = coalesce(?6, level), "
                "locality = coalesce(?7, locality)",
                [(sha, path, title, when, day, level, place) for sha, path, title, day, level, place in articles],
            )

    # files ---------------------------------------------------------------------
    def known_files(self) -> dict[str, tuple[int, int, str]]:
        """path → (size, mtime_ns, sha256) of every file a run has read."""
        return {path: (size, mtime, sha) for path, size, mtime, sha in self.db.execute("SELECT * FROM files")}

    def record_files(self, files: list[tuple[str, int, int, str]]) -> None:
        if files:
            self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", files)

    # runs ----------------------------------------------------------------------
    def start_run(self) -> int:
        """Record a run as started; runs left 'running' by a killed process become 'interrupted'."""
        self._write("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        return self._write("INSERT INTO runs (started, status) VALUES (?, 'running')", (now(),)).lastrowid

    def finish_run(self, run_id: int, status: str, new: int | None = None, total: int | None = None,
                   output: str | None = None, error: str | None = None, facts: dict | None = None,
                   reported: tuple[set[str], str] | None = None) -> None:
        """Record how a run ended; with ``reported`` (hashes, ISO week), in the same transaction, that the
        run's pack showed those articles, so they are no longer new."""
        try:
            with self.db:
                self.db.execute(
                    "UPDATE runs SET ended = ?, status = ?, new_articles = ?, total_articles = ?, output = ?, "
                    "error = ?, facts = ? WHERE id = ?",
                    (now(), status, new, total, output, error,
                     json.dumps(facts, ensure_ascii=False) if facts else None, run_id))
                if reported:
                    hashes, week = reported
                    self.db.executemany("INSERT OR IGNORE INTO reported VALUES (?, ?, ?)",
                                        [(sha, run_id, week) for sha in sorted(hashes)])
        except sqlite3.DatabaseError as err:
            raise StateError(f"{shown(self.path)}: cannot write ({err})") from None

    # what runs have shown --------------------------------------------------------
    def unreported(self) -> set[str]:
        """Stored articles that no successful run has shown yet."""
        rows = self.db.execute("SELECT sha256 FROM articles WHERE sha256 NOT IN (SELECT sha256 FROM reported)")
        return {row[0] for row in rows}

    def reported_hashes(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT sha256 FROM reported")}

    def reported_in_week(self, week: str) -> set[str]:
        """Articles first shown by a run of ISO week ``week`` ("2026-W49")."""
        return {row[0] for row in self.db.execute("SELECT sha256 FROM reported WHERE week = ?", (week,))}

    def runs(self, limit: int = 20) -> list[Run]:
        rows = self.db.execute(f"SELECT {RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?", (limit,))
        return [Run(*row) for row in rows]

    def last_successful_run(self) -> Run | None:
        row = self.db.execute(f"SELECT {RUN_COLUMNS} FROM runs WHERE status = 'ok' ORDER BY id DESC LIMIT 1").fetchone()
        return Run(*row) if row else None

    def reports(self) -> list[str]:
        """Every report a successful run wrote, newest run first."""
        rows = self.db.execute("SELECT DISTINCT output FROM runs WHERE status = 'ok' AND output IS NOT NULL "
                               "ORDER BY id DESC")
        return [row[0] for row in rows]

    # cache ---------------------------------------------------------------------
    def cached(self, sha: str, settings: str) -> dict | None:
        """The cached payload, or None; a damaged row is a miss, not a failure."""
        try:
            row = self.db.execute(
                "SELECT payload FROM cache WHERE sha256 = ? AND settings = ?", (sha, settings)
            ).fetchone()
            payload = json.loads(row[0]) if row else None
        except (sqlite3.DatabaseError, ValueError, TypeError):
            return None
        return payload if isinstance(payload, dict) else None

    def store(self, sha: str, settings: str, payload: dict) -> None:
        self._write("INSERT OR REPLACE INTO cache VALUES (?, ?, ?)",
                    (sha, settings, json.dumps(payload, ensure_ascii=False)))

    def cached_hashes(self, settings: str) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT sha256 FROM cache WHERE settings = ?", (settings,))}

    # the fact store: history as queries ---------------------------------------------
    def dated_between(self, since: str | None, until: str | None) -> set[str]:
        """Articles whose meeting is dated within [since, until] (either end open)."""
        rows = self.db.execute(
            "SELECT sha256 FROM articles WHERE meeting_date IS NOT NULL AND meeting_date >= ? AND meeting_date <= ?",
            (since or "", until or "9999"))
        return {row[0] for row in rows}

    def every_stored(self, version: str) -> Iterator[tuple[str, str, dict]]:
        """(sha256, path, payload) of every stored article, from any cached analysis of ``version``
        (facts do not depend on the summariser's settings)."""
        rows = self.db.execute(
            "SELECT a.sha256, a.path, (SELECT payload FROM cache c WHERE c.sha256 = a.sha256 AND "
            "substr(c.settings, 1, length(?1) + 1) = ?1 || ':' LIMIT 1) FROM articles a ORDER BY a.rowid", (version,))
        return _decoded(rows)

    def stored(self, settings: str, hashes: set[str] | None = None, places: set | None = None
               ) -> Iterator[tuple[str, str, dict]]:
        """(sha256, path, payload) of stored articles: those of ``hashes``, or those of national
        meetings and of ``places``."""
        query = ("SELECT a.sha256, a.path, c.payload FROM articles a JOIN cache c "
                 "ON c.sha256 = a.sha256 AND c.settings = ?")
        if hashes is not None:
            rows = (row for chunk in _chunks(sorted(hashes)) for row in self.db.execute(
                f"{query} WHERE a.sha256 IN ({','.join('?' * len(chunk))})", (settings, *chunk)))
        else:
            named = sorted(p for p in places or () if p)
            rows = self.db.execute(f"{query} WHERE a.level = 'national' OR a.locality IN ({','.join('?' * len(named))})",
                                   (settings, *named))
        return _decoded(rows)


def _decoded(rows) -> Iterator[tuple[str, str, dict | None]]:
    """(sha256, path, payload) with the payload read; None for a row never analysed by this version,
    or damaged, so the caller can analyse that article again."""
    for sha, path, payload in rows:
        try:
            decoded = json.loads(payload)
        except (TypeError, ValueError):
            decoded = None
        yield sha, path, decoded if isinstance(decoded, dict) else None


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    """Pieces small enough for one SQL statement's parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def can_write(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _one_line(err: BaseException) -> str:
    """SQLite's message on one line, and short: a damaged file can make it run to a hundred lines."""
    text = " ".join(str(err).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _check_readable(db: sqlite3.Connection) -> None:
    verdict = db.execute("PRAGMA quick_check").fetchone()
    if verdict and verdict[0] != "ok":
        raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict[0]}")


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the schema up to date in one transaction: all steps or none."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StateError(f"state database is from a newer briefing (schema {version} > {SCHEMA_VERSION})")
    if version == SCHEMA_VERSION:
        return
    db.isolation_level = None  # this function manages the transaction itself
    try:
        db.execute("BEGIN IMMEDIATE")
        for number in range(version, SCHEMA_VERSION):
            for statement in filter(str.strip, MIGRATIONS[number].split(";")):
                db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    finally:
        db.isolation_level = ""
