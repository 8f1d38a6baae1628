"""Expand command-line paths into the files to lint, in a stable order."""
from __future__ import annotations

import fnmatch
import os

from .errors import ReportlintError

SUFFIXES = (".txt", ".md", ".markdown", ".docx")


def _excluded(path: str, patterns) -> bool:
    norm = path.replace(os.sep, "/")
    parts = norm.split("/")
    for pat in patterns:
        pat = pat.rstrip("/")
        if fnmatch.fnmatch(norm, pat) or any(fnmatch.fnmatch(p, pat) for p in parts):
            return True
    return False


def expand(paths, exclude=()) -> list[str]:
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
            continue
        if os.path.isdir(path):
            found = _walk(path, exclude)
            if not found:
                raise ReportlintError(f"{path}: no .txt, .md or .docx files found in this directory")
            out.extend(found)
        elif os.path.exists(path):
            out.append(path)
        elif os.path.islink(path):
            raise ReportlintError(f"{path}: broken symbolic link")
        else:
            raise ReportlintError(f"{path}: no such file or directory")
    seen = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def _walk(root: str, exclude) -> list[str]:
    found = []
    visited = set()

    def onerror(err):
        raise ReportlintError(f"{err.filename}: cannot list directory ({err.strerror})")

    for folder, dirs, files in os.walk(root, onerror=onerror, followlinks=True):
        real = os.path.realpath(folder)
        if real in visited:  # a symlink loop: do not descend again
            dirs[:] = []
            continue
        visited.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(folder, d), exclude))
        for name in sorted(files):
            full = os.path.join(folder, name)
            if name.lower().endswith(SUFFIXES) and not _excluded(full, exclude):
                found.append(full)
    return found
