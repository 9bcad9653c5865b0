"""The gate every output passes: never half a file, never a device replaced.

A regular file (or a new one) is written to a temporary file beside it and
renamed, so readers see the old file or the new one, never half; a link is
written through to the file it names, so the link stays. An existing target
that is not a regular file is never replaced: a character device or a pipe
(``/dev/stdout``, ``/dev/null``) is written through, anything else is
refused. Temporary files carry the writer's process id, so one left behind by
a killed run is recognised and removed by the next write into that folder.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from briefing.ingest.files import kind_of

PART_SUFFIX = ".part"


class OutputError(OSError):
    """An output that cannot be written; the message is one line, without the file's name."""


def write_output(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` by the rules above; return the path written."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise OutputError(f"a link to a missing file ({os.readlink(path)}); not followed") from None
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
            _write_through(path, raw)
            return path
        raise OutputError(f"{kind_of(mode)}; refusing to replace it")
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    _replace_atomically(target, raw)
    return path


def _write_through(path: Path, raw: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as err:
        if err.errno == errno.ENXIO:
            raise OutputError("a named pipe with no reader") from None
        raise
    try:
        os.set_blocking(fd, True)
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _replace_atomically(path: Path, raw: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=PART_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.lexists(tmp):
            os.unlink(tmp)
        raise


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove temporary files whose writing process is gone (a killed run's leftovers)."""
    removed = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(PART_SUFFIX)]
    except OSError:
        return removed
    for name in names:
        pid = _writer_pid(name)
        if pid is None or _alive(pid):
            continue
        part = folder / name
        try:
            if stat.S_ISREG(os.lstat(part).st_mode):
                part.unlink()
                removed.append(part)
        except OSError:
            pass
    return removed


def _writer_pid(name: str) -> int | None:
    """The pid in ``.NAME.PID.RANDOM.part``, the temporary-file shape written above."""
    pieces = name[: -len(PART_SUFFIX)].split(".")
    return int(pieces[-2]) if len(pieces) >= 4 and pieces[-2].isdigit() else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
