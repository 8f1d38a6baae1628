"""Writing a fixed report back (`check --fix`): atomically, and never over an edit.

    temporary file in the report's folder (O_EXCL, unique name)
      → the new bytes, flushed to disk, with the report's mode, owner and group
      → the report read again: unchanged since it was linted? else refused
      → renamed over the report (os.replace: a reader sees the old or the new file)

A report with several hard links is refused (a rename would leave the other
names with the old text), and so is one whose owner or group cannot be kept. A
SIGTERM, SIGHUP or SIGINT during the write removes the temporary file before
the process ends. The re-read is the last step before the rename: an edit saved
while reportlint was linting is never overwritten (the window left is the rename
itself).
"""
from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading

from checker.errors import ReportlintError


class _Stopped(BaseException):
    """A termination signal arrived while a fix was being written."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def write_fixed(path: str, data: bytes, unchanged) -> None:
    """Replace the report at `path` by `data`, if `unchanged()` still holds just before."""
    target = os.path.realpath(path)  # a symbolic link stays a link to the fixed file
    try:
        st = os.stat(target)
    except OSError as err:
        raise ReportlintError(f"{path}: cannot fix ({err.strerror or err})") from None
    if st.st_nlink > 1:
        raise ReportlintError(f"{path}: has {st.st_nlink} hard links; a fixed copy would leave the "
                              f"others unchanged, so it is not fixed (use --diff and apply it by hand)")
    mode = stat.S_IMODE(st.st_mode)
    if not os.access(target, os.W_OK) or not mode & 0o222:  # NOTE: root may write anything
        raise ReportlintError(f"{path}: read-only file, not fixed")
    folder = os.path.dirname(target) or "."
    with _cleanup_on_signals():
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".reportlint-", suffix=".tmp")
        except OSError as err:
            raise ReportlintError(f"{path}: cannot fix: cannot create a temporary file in {folder} "
                                  f"({err.strerror or err})") from None
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                _keep_owner(fh.fileno(), st, path)
                os.fchmod(fh.fileno(), mode)
                os.fsync(fh.fileno())
            if not unchanged():
                raise ReportlintError(f"{path}: changed while reportlint was running; not fixed")
            os.replace(tmp, target)
        except BaseException as err:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(err, OSError):
                raise ReportlintError(f"{path}: cannot fix ({err.strerror or err}); the file is unchanged") from None
            raise


def _keep_owner(fd: int, st, path: str) -> None:
    """Give the new file the report's owner and group, or refuse."""
    now = os.fstat(fd)
    if (now.st_uid, now.st_gid) == (st.st_uid, st.st_gid) or not hasattr(os, "fchown"):
        return
    try:
        os.fchown(fd, st.st_uid if now.st_uid != st.st_uid else -1, st.st_gid if now.st_gid != st.st_gid else -1)
    except OSError:
        raise ReportlintError(f"{path}: its owner or group could not be kept; not fixed") from None


@contextlib.contextmanager
def _cleanup_on_signals():
    """Within the block, SIGTERM/SIGHUP/SIGINT raise (so `finally` blocks remove the
    temporary file); after it, the signal is delivered as it would have been."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    names = [s for s in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, s)]
    previous = {}

    def stop(signum, frame):
        raise _Stopped(signum)

    for name in names:
        num = getattr(signal, name)
        previous[num] = signal.signal(num, stop)
    try:
        yield
    except _Stopped as stopped:
        for num, handler in previous.items():
            signal.signal(num, handler)
        previous.clear()
        signal.raise_signal(stopped.signum)  # NOTE: the default action ends the process
        raise KeyboardInterrupt from None   # a handler that returned: stop anyway
    finally:
        for num, handler in previous.items():
            signal.signal(num, handler)
