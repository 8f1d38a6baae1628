"""Expand command-line paths into the files to lint, in a stable order.

Folders are walked in sorted order, skipping hidden entries and whatever the
configuration's `exclude` patterns match. The patterns follow .gitignore
rules, relative to the folder of the configuration file that sets them:

    drafts/          a folder named drafts, at any depth
    /archive         only the archive at the top (a leading / anchors)
    old/*.txt        a pattern with a / inside is anchored too
    **/tmp/**        ** spans folders
    !keep.md         a later ! pattern re-includes (not inside an excluded folder)

Files named on the command line are always linted (as with git add -f);
pre-commit users exclude files with pre-commit's own `exclude:`.
"""
from __future__ import annotations

import os
import re

from checker.errors import ReportlintError

SUFFIXES = (".txt", ".md", ".markdown", ".docx")


def _translate(glob: str) -> str:
    out, i, n = [], 0, len(glob)
    while i < n:
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("/**", i) and i + 3 == n:
            out.append("/.*")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2:]:
            j = glob.index("]", i + 2)
            body = glob[i + 1:j]
            out.append("[" + ("^" + body[1:] if body[:1] == "!" else body).replace("\\", "\\\\") + "]")
            i = j + 1
        elif glob[i] == "\\" and i + 1 < n:
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


class Excludes:
    """Compiled .gitignore-style patterns, matched against paths relative to `base`."""

    def __init__(self, patterns=(), base: str = "."):
        self.base = os.path.abspath(base)
        self.rules = []
        for raw in patterns:
            pat = raw.strip()
            if not pat or pat.startswith("#"):
                continue
            negate = pat.startswith("!")
            pat = pat[1:] if negate else pat
            dir_only = pat.endswith("/")
            pat = pat.rstrip("/")
            anchored = "/" in pat
            body = _translate(pat.lstrip("/"))
            regex = re.compile(("" if anchored else "(?:.*/)?") + body + r"\Z")
            self.rules.append((regex, negate, dir_only, anchored))

    def __bool__(self):
        return bool(self.rules)

    def excluded(self, path: str, is_dir: bool) -> bool:
        rel = os.path.relpath(os.path.abspath(path), self.base).replace(os.sep, "/")
        inside = not (rel == ".." or rel.startswith("../"))
        if not inside:  # outside the base only unanchored patterns apply, to the name
            rel = os.path.basename(os.path.abspath(path))
        result = False
        for regex, negate, dir_only, anchored in self.rules:
            if (dir_only and not is_dir) or (anchored and not inside):
                continue
            if regex.match(rel):
                result = not negate
        return result


def expand(paths, exclude=(), base: str = ".") -> list[str]:
    excludes = exclude if isinstance(exclude, Excludes) else Excludes(exclude, base)
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
            continue
        if os.path.isdir(path):
            found = _walk(path, excludes)
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


def _walk(root: str, excludes: Excludes) -> list[str]:
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
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not excludes.excluded(os.path.join(folder, d), True))
        for name in sorted(files):
            full = os.path.normpath(os.path.join(folder, name))  # "./a.txt" -> "a.txt"
            if name.lower().endswith(SUFFIXES) and not name.startswith((".", "~$")) \
                    and not excludes.excluded(full, False):
                found.append(full)
    return found


def exclude_base(config) -> str:
    """The folder of the last configuration file that sets `exclude` (else the working directory)."""
    if not config.exclude:
        return "."
    from checker.config import load_config_file
    for source in reversed(config.sources):
        try:
            if "exclude" in load_config_file(source):
                return os.path.dirname(os.path.abspath(source))
        except ReportlintError:
            continue
    return "."
