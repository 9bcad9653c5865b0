"""The state of scheduled runs, in one SQLite database: articles seen, runs, and a cache.

The schema is versioned (``PRAGMA user_version``); opening an older database
migrates it step by step. A database that SQLite cannot read is moved aside,
never overwritten, and the caller is told where it went.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

DB_NAME = "state.db"
LOCK_NAME = "run.lock"

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
]
SCHEMA_VERSION = len(MIGRATIONS)


class StateError(RuntimeError):
    """The state folder cannot be used."""


class RunInProgress(StateError):
    """Another run holds the lock."""


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
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class State:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME
        self.moved_aside: Path | None = None
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path)
            db.execute("PRAGMA quick_check").fetchone()
            _migrate(db)
            return db
        except sqlite3.DatabaseError as err:
            if "locked" in str(err):
                raise StateError(f"{self.path}: database is locked by another program") from err
            self.moved_aside = self._move_aside()
            db = sqlite3.connect(self.path)
            _migrate(db)
            return db

    def _move_aside(self) -> Path:
        aside = self.path.with_name(f"{DB_NAME}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
        os.replace(self.path, aside)
        return aside

    def close(self) -> None:
        self.db.close()

    # articles ------------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT sha256 FROM articles")}

    def record_articles(self, articles: list[tuple[str, str, str]], when: str) -> None:
        """Remember (sha256, path, title) as seen now."""
        with self.db:
            for sha, path, title in articles:
                self.db.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
                    "path = excluded.path, title = excluded.title, last_seen = excluded.last_seen",
                    (sha, path, title, when, when),
                )

    # runs ----------------------------------------------------------------------
    def start_run(self) -> int:
        with self.db:
            cursor = self.db.execute("INSERT INTO runs (started, status) VALUES (?, 'running')", (now(),))
        return cursor.lastrowid

    def finish_run(self, run_id: int, status: str, new: int | None = None, total: int | None = None,
                   output: str | None = None, error: str | None = None, facts: dict | None = None) -> None:
        with self.db:
            self.db.execute(
                "UPDATE runs SET ended = ?, status = ?, new_articles = ?, total_articles = ?, output = ?, "
                "error = ?, facts = ? WHERE id = ?",
                (now(), status, new, total, output, error, json.dumps(facts, ensure_ascii=False) if facts else None,
                 run_id),
            )

    def runs(self, limit: int = 20) -> list[Run]:
        rows = self.db.execute(
            "SELECT id, started, ended, status, new_articles, total_articles, output, error, facts "
            "FROM runs ORDER BY id DESC LIMIT ?", (limit,),
        )
        return [Run(*row) for row in rows]

    def last_successful_run(self) -> Run | None:
        row = self.db.execute(
            "SELECT id, started, ended, status, new_articles, total_articles, output, error, facts "
            "FROM runs WHERE status = 'ok' ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return Run(*row) if row else None

    # cache ---------------------------------------------------------------------
    def cached(self, sha: str, settings: str) -> dict | None:
        row = self.db.execute("SELECT payload FROM cache WHERE sha256 = ? AND settings = ?", (sha, settings)).fetchone()
        return json.loads(row[0]) if row else None

    def store(self, sha: str, settings: str, payload: dict) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO cache VALUES (?, ?, ?)", (sha, settings, json.dumps(payload, ensure_ascii=False))
            )


def _migrate(db: sqlite3.Connection) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StateError(f"state database is from a newer briefing (schema {version} > {SCHEMA_VERSION})")
    for number in range(version, SCHEMA_VERSION):
        with db:
            db.executescript(MIGRATIONS[number])
            db.execute(f"PRAGMA user_version = {number + 1}")


@contextmanager
def exclusive_lock(folder: str | Path):
    """Hold the run lock for the duration; raise RunInProgress at once if another process has it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise RunInProgress(f"another briefing run is in progress ({holder}); lock {path}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {now()}")
        handle.flush()
        yield
    finally:
        handle.close()
