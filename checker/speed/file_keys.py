"""Size and modification time of files: what the on-disk caches are keyed by.

Both the rules snapshot and the result cache key their entries on reportlint's
own code and rule data, read here. NOTE: never remembered within a process: a
library user may edit a rule file between two runs.
"""
from __future__ import annotations

import os


def stat(path: str) -> tuple:
    """(path, size, mtime_ns), or (path, -1, -1) when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, st.st_size, st.st_mtime_ns)


def tree(folder: str, suffix: str | None = None) -> tuple:
    """(path, size, mtime_ns) of every file under `folder` with the suffix, by name,
    __pycache__ aside; ((folder, -1, -1),) when the folder cannot be read."""
    out: list = []
    _walk(folder, suffix, out)
    return tuple(out)


def _walk(folder: str, suffix: str | None, out: list) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        out.append((folder, -1, -1))
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                _walk(entry.path, suffix, out)
        elif suffix is None or entry.name.endswith(suffix):
            try:
                st = entry.stat()
                out.append((entry.path, st.st_size, st.st_mtime_ns))
            except OSError:
                out.append((entry.path, -1, -1))
