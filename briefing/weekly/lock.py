"""The run lock of a state folder, and the history of its runs, read without taking the lock."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from briefing.ingest.files import shown
from briefing.store.database import Run, State, StateError, now

LOCK_NAME = "run.lock"
HELD: set[int] = set()  # the descriptors of the run locks this process holds


def _let_go_in_child() -> None:
    """A forked worker inherits the run lock's descriptor, and with it the lock: were its parent
    killed, the orphaned worker would keep the next run out until it exits. Point the copies at
    /dev/null instead (closing them would let a later close hit a reused descriptor)."""
    if HELD:
        null = os.open(os.devnull, os.O_RDONLY)
        for fd in HELD:
            os.dup2(null, fd)
        os.close(null)
        HELD.clear()


os.register_at_fork(after_in_child=_let_go_in_child)


class RunInProgress(StateError):
    """Another run holds the lock."""


class Lock:
    """The run lock of a state folder, held from ``exclusive_lock`` until its block ends."""

    def __init__(self, path: Path, handle):
        self.path = path
        self.handle = handle

    def check(self) -> None:
        """Raise StateError if the lock file was removed or replaced (say, the folder deleted mid-run)."""
        try:
            same = os.stat(self.path).st_ino == os.fstat(self.handle.fileno()).st_ino
        except OSError:
            same = False
        if not same:
            raise StateError(f"{shown(self.path.parent)}: the state folder was removed or replaced during the run")


@contextmanager
def exclusive_lock(folder: str | Path):
    """Hold the run lock for the duration; raise RunInProgress at once if another process has it."""
    folder = Path(folder)
    path = folder / LOCK_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+")
    except OSError as err:
        raise StateError(f"{shown(path)}: cannot open the run lock ({err.strerror})") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise RunInProgress(f"another briefing run is in progress ({holder}); lock {shown(path)}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} since {now()}")
        handle.flush()
        HELD.add(handle.fileno())
        yield Lock(path, handle)
    finally:
        HELD.discard(handle.fileno())
        handle.close()


def recent_runs(folder: str | Path, limit: int) -> tuple[list[Run], bool]:
    """The newest ``limit`` runs of a state folder, read only, and whether a run holds the lock now."""
    state = State(folder, read_only=True)
    try:
        return state.runs(limit), run_in_progress(folder)
    finally:
        state.close()


def run_in_progress(folder: str | Path) -> bool:
    """Whether a run holds the lock of ``folder`` now (without taking it or creating anything)."""
    try:
        handle = open(Path(folder) / LOCK_NAME)
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False
