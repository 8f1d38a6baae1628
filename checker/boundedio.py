"""Reading a file the user named, safely: regular files only, never more than a limit.

A FIFO, a device, a socket or a folder is refused with one line before anything
is read (opened without blocking, checked on the open descriptor, so a path
swapped meanwhile is caught too), and reading stops at the limit instead of
allocating whatever the file holds (/dev/zero behind a link, an endless pipe
on standard input).
"""
from __future__ import annotations

import os
import stat

from checker.errors import ReportlintError

MB = 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

_KINDS = ((stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "is a named pipe (FIFO), not a file"),
          (stat.S_ISCHR, "is a device, not a file"), (stat.S_ISBLK, "is a device, not a file"),
          (stat.S_ISSOCK, "is a socket, not a file"))


def read_file(path: str, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file `path`; ReportlintError (one line) for anything else."""
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise ReportlintError(f"{path}: no such file") from None
    except PermissionError:
        raise ReportlintError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ReportlintError(f"{path}: is a directory") from None
    except OSError as err:
        raise ReportlintError(f"{path}: cannot read ({err.strerror or err})") from None
    try:
        mode = os.fstat(fd).st_mode
        for test, why in _KINDS:
            if test(mode):
                raise ReportlintError(f"{path}: {why}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return read_bounded(fd, limit, f"{path}: {what} is larger than the {limit // MB} MB limit", path)
    finally:
        os.close(fd)


def read_bounded(fd: int, limit: int, too_large: str, name: str = "<stdin>") -> bytes:
    """Read a descriptor to its end, refusing (one line) to go past `limit` bytes."""
    chunks, total = [], 0
    while True:
        try:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
        except OSError as err:
            raise ReportlintError(f"{name}: cannot read ({err.strerror or err})") from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ReportlintError(too_large)
