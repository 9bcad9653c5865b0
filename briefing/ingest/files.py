"""The gate every input passes: regular files only, read with a bound.

Links are followed, then FIFOs, sockets, devices and folders are refused;
files are opened without blocking and checked on the open descriptor, so no
name in a folder can hang a run or fill memory.
"""

from __future__ import annotations

import errno
import os
import stat
import sys

MAX_INPUT_BYTES = 20 * 1024 * 1024


class InputError(ValueError):
    """An input that cannot be read; the message is one line, without the file's name."""


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
        raise InputError(f"file too large (over {size_text(limit)})")
    return data


def size_text(limit: int) -> str:
    """A size limit as a reader says it: "20 MB", "64 KB", "100 bytes" (never "0 MB")."""
    for unit, size in (("MB", 2**20), ("KB", 2**10)):
        if limit >= size and limit % size == 0:
            return f"{limit // size} {unit}"
    if limit >= 2**20:
        return f"{limit / 2**20:.1f} MB"
    return f"{limit / 2**10:.1f} KB" if limit >= 2**10 else f"{limit} bytes"


def read_stdin(limit: int = MAX_INPUT_BYTES) -> bytes:
    """Standard input's bytes, at most ``limit``; InputError when it is closed or cannot be read."""
    stream = getattr(sys.stdin, "buffer", None)  # None when the command was started with it closed
    if stream is None:
        raise InputError("standard input is closed, nothing to read")
    try:
        data = stream.read(limit + 1)
    except OSError as err:  # a folder given as standard input, say
        raise InputError(f"standard input cannot be read ({_reason(err)})") from None
    except ValueError:  # its descriptor closed while the command ran
        raise InputError("standard input is closed, nothing to read") from None
    if len(data) > limit:
        raise InputError(f"standard input too large (over {size_text(limit)})")
    return data


def _reason(err: OSError) -> str:
    if err.errno == errno.ENOENT:
        return "no such file or folder"
    if err.errno == errno.ELOOP:
        return "a link that loops"
    return (err.strerror or str(err)).lower()
