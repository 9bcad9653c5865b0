"""The two gates every file passes: reading an input, writing an output.

Inputs: regular files only (links are followed, then FIFOs, sockets, devices
and folders are refused), opened without blocking and read with a bound, so
that no name in a folder can hang a run or fill memory.

Outputs: a regular file (or a new one) is written to a temporary file beside
it and renamed, so readers see the old file or the new one, never half; a
link is written through to the file it names, so the link stays. An existing
target that is not a regular file is never replaced: a character device or a
pipe (``/dev/stdout``, ``/dev/null``) is written through, anything else is
refused. Temporary files carry the writer's process id, so one left behind by
a killed run is recognised and removed by the next write into that folder.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

MAX_INPUT_BYTES = 20 * 1024 * 1024
PART_SUFFIX = ".part"


class InputError(ValueError):
    """An input that cannot be read; the message is one line, without the file's name."""


class OutputError(OSError):
    """An output that cannot be written; the message is one line, without the file's name."""


def shown(path: str | os.PathLike) -> str:
    """A file name safe to print, put into JSON or a PDF: undecodable bytes become ``\\xNN``."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


# inputs ----------------------------------------------------------------------

def kind_of(mode: int) -> str:
    """A plain word for what a file is, for messages."""
    for test, word in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return word
    return "not a regular file"


def read_input(path: str | os.PathLike, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit``; raise InputError with the reason."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as err:
        raise InputError(_reason(err)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # checked on the open file, so a swap after a check cannot fool it
            raise InputError(f"{kind_of(mode)}, not an article file")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as err:
        raise InputError(_reason(err)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(f"file too large (over {limit // 2**20} MB)")
    return data


def read_stdin(limit: int = MAX_INPUT_BYTES) -> bytes:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"standard input too large (over {limit // 2**20} MB)")
    return data


def is_regular(path: str | os.PathLike) -> tuple[bool, str]:
    """Whether ``path`` (links followed) is a regular file, else what it is."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return False, _reason(err)
    return stat.S_ISREG(mode), kind_of(mode)


def _reason(err: OSError) -> str:
    if err.errno == errno.ENOENT:
        return "no such file or folder"
    if err.errno == errno.ELOOP:
        return "a link that loops"
    return (err.strerror or str(err)).lower()


# outputs ---------------------------------------------------------------------

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
