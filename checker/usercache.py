"""The user cache: the one place reportlint's caches (checker.speed, the YAML and
parser caches) read and write their files.

    $XDG_CACHE_HOME/reportlint/<kind>/<name>     (~/.cache/reportlint/… by default)

Trust, because some entries are pickles (the prepared rules, Lark's parser) and
every entry decides findings:

- a folder is used only when it is a real directory (never a symlink) owned by
  the user and writable by nobody else; reportlint makes its folders 0700 and
  tightens a looser one of its own; a folder of another user is left alone;
- an entry is read only when it is a regular file owned by the user that nobody
  else may write, checked on the open file (O_NOFOLLOW, fstat);
- an entry is written to a fresh temporary file in the same folder
  (O_CREAT|O_EXCL|O_NOFOLLOW, 0600), then renamed over the entry atomically;
- folders are walked by descriptor (dir_fd), so a path swapped meanwhile cannot
  redirect a read or a write;
- every entry is named by a content digest of what it was made from (`digest`),
  never by sizes or modification times.

So no file another user could have written is ever loaded, and a planted
symlink is never followed. REPORTLINT_NO_CACHE=1 turns every cache off (the
CLI sets it for --no-cache, so that -j workers inherit it). An
XDG_CACHE_HOME that is not absolute is ignored, as the XDG specification says.
Anything unexpected is a miss, never an error.
"""
from __future__ import annotations

import contextlib
import os
import stat
import sys

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without _blake2
    from hashlib import blake2b

_SECURE = hasattr(os, "getuid") and os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) \
    | getattr(os, "O_CLOEXEC", 0)
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) \
    | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
MAX_ENTRY = 64 * 1024 * 1024   # no cache entry is larger: a bigger file is not ours


def enabled() -> bool:
    return not os.environ.get("REPORTLINT_NO_CACHE")


def disable() -> None:
    """Turn every cache off for this process and the workers it starts."""
    os.environ["REPORTLINT_NO_CACHE"] = "1"


@contextlib.contextmanager
def disabled(off: bool = True):
    """Every cache off within the block (when `off`), as it was after it."""
    before = os.environ.get("REPORTLINT_NO_CACHE")
    if off:
        disable()
    try:
        yield
    finally:
        if off and before is None:
            os.environ.pop("REPORTLINT_NO_CACHE", None)


def base() -> str | None:
    """The folder holding reportlint's cache folder (~/.cache), or None."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return xdg
    if not _SECURE and os.environ.get("LOCALAPPDATA"):  # Windows
        return os.environ["LOCALAPPDATA"]
    home = os.path.expanduser("~")
    return os.path.join(home, ".cache") if os.path.isabs(home) else None


def digest(*parts) -> str:
    """A hex digest of strings and bytes, each length-prefixed (so ("ab","c") ≠ ("a","bc"))."""
    h = blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def file_digest(path: str) -> str:
    """The digest of a file's bytes; a fixed marker when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return digest(fh.read())
    except OSError:
        return "unreadable:" + path


def _trusted(st) -> bool:
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _open_dir(parent_fd, name: str, create: bool):
    """A descriptor for the folder `name` under `parent_fd`, made 0700 when missing; None
    when it is not a trustworthy folder of the user's."""
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
    except FileNotFoundError:
        if not create:
            return None
        try:
            os.mkdir(name, 0o700, dir_fd=parent_fd)
        except FileExistsError:
            pass
        except OSError:
            return None
        try:
            fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
        except OSError:
            return None
    except OSError:  # a symlink (ELOOP), not a folder, no permission
        return None
    st = os.fstat(fd)
    if st.st_uid != os.getuid():
        os.close(fd)
        return None
    if st.st_mode & 0o077:
        try:
            os.fchmod(fd, 0o700)  # NOTE: our own folder, made by an older version with the umask
        except OSError:
            os.close(fd)
            return None
    return fd


class _Folder:
    """An open, verified cache folder (a descriptor on POSIX, a path elsewhere)."""

    def __init__(self, kind: str, create: bool):
        self.fd = None
        self.path = None
        root = base()
        if root is None or not enabled():
            return
        if not _SECURE:
            self.path = os.path.join(root, "reportlint", kind)
            if create:
                try:
                    os.makedirs(self.path, exist_ok=True)
                except OSError:
                    self.path = None
            return
        try:
            if create:
                os.makedirs(root, mode=0o700, exist_ok=True)
            top = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return
        try:
            mine = _open_dir(top, "reportlint", create)
        finally:
            os.close(top)
        if mine is None:
            return
        try:
            self.fd = _open_dir(mine, kind, create)
        finally:
            os.close(mine)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            os.close(self.fd)

    @property
    def usable(self) -> bool:
        return self.fd is not None or self.path is not None

    def where(self, name: str):
        """(path, dir_fd) arguments for os calls on `name`."""
        if self.fd is not None:
            return name, self.fd
        return os.path.join(self.path, name), None


def read(kind: str, name: str) -> bytes | None:
    """The entry's bytes, or None: missing, not a regular file, not the user's own, or
    writable by others."""
    found = read_aged(kind, name)
    return None if found is None else found[0]


def read_aged(kind: str, name: str) -> tuple[bytes, int] | None:
    """(the entry's bytes, its modification time in ns), or None as for `read`."""
    with _Folder(kind, create=False) as folder:
        if not folder.usable:
            return None
        path, dir_fd = folder.where(name)
        try:
            fd = os.open(path, _READ_FLAGS, dir_fd=dir_fd)
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY or (_SECURE and not _trusted(st)):
                return None
            with os.fdopen(fd, "rb", closefd=False) as fh:
                return fh.read(MAX_ENTRY + 1), st.st_mtime_ns
        except OSError:
            return None
        finally:
            os.close(fd)


def write(kind: str, name: str, data: bytes) -> bool:
    """Store the entry atomically (a fresh 0600 file renamed over it); False when it cannot."""
    with _Folder(kind, create=True) as folder:
        if not folder.usable:
            return False
        path, dir_fd = folder.where(name)
        tmp_name = f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
        tmp, _ = folder.where(tmp_name)
        try:
            fd = os.open(tmp, _NEW_FLAGS, 0o600, dir_fd=dir_fd)
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
            return True
        except OSError:
            try:
                os.unlink(tmp, dir_fd=dir_fd)
            except OSError:
                pass
            return False


def entries(kind: str) -> list[tuple[int, str]]:
    """(mtime_ns, name) of every entry of the folder, for pruning; [] when unusable."""
    with _Folder(kind, create=False) as folder:
        if not folder.usable:
            return []
        try:
            names = os.listdir(folder.fd if folder.fd is not None else folder.path)
        except OSError:
            return []
        out = []
        for name in names:
            path, dir_fd = folder.where(name)
            try:
                out.append((os.stat(path, dir_fd=dir_fd, follow_symlinks=False).st_mtime_ns, name))
            except OSError:
                pass
        return out


def remove(kind: str, names) -> int:
    """Remove entries by name; the number removed."""
    removed = 0
    with _Folder(kind, create=False) as folder:
        if not folder.usable:
            return 0
        for name in names:
            path, dir_fd = folder.where(name)
            try:
                os.unlink(path, dir_fd=dir_fd)
                removed += 1
            except OSError:
                pass
    return removed


def touch(kind: str, name: str) -> None:
    """Mark an entry as recently used (for least-recently-used pruning)."""
    with _Folder(kind, create=False) as folder:
        if folder.usable:
            path, dir_fd = folder.where(name)
            try:
                os.utime(path, dir_fd=dir_fd, follow_symlinks=False) if dir_fd is not None else os.utime(path)
            except (OSError, NotImplementedError):
                pass


def prune(kind: str, limit: int, keep: int) -> int:
    """When the folder holds more than `limit` entries, keep the `keep` most recent."""
    found = entries(kind)
    if len(found) <= limit:
        return 0
    found.sort()
    return remove(kind, [name for _, name in found[:len(found) - keep]])


def interpreter() -> str:
    """What a cached compiled form depends on besides its source: the exact Python."""
    return f"{sys.implementation.cache_tag}|{sys.version}"
