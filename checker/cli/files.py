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

from checker.errors import ReportlintError

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm", ".shtml")


class Glob:
    """One gitignore-style pattern, matched in time linear in the path and the pattern.

    NOTE: not a regular expression: Python's engines backtrack, and a pattern such as
    *a*a*a*a*a*a*b (one `[^/]*` per star) takes exponential time on a long name. The
    pattern is a list of tokens run as a set of states over the path, one step per
    character (a Thompson simulation), so no pattern can hang a run.

        *   any run of characters but /        ?  one character but /
        **  any run, / included                **/  zero or more folders
        [abc] [a-z] [!abc]  one character of (not of) the set; a [ never closed is itself
        a backslash makes the next character plain
    """

    def __init__(self, pattern: str, anchored: bool = True):
        self.tokens = ([("dirs",)] if not anchored else []) + _tokens(pattern)

    def match(self, path: str) -> bool:
        tokens, end = self.tokens, len(self.tokens)
        states = self._closure({(0, False)})
        for ch in path:
            step = set()
            for i, inside in states:
                if i == end:
                    continue
                kind = tokens[i][0]
                if kind == "lit":
                    if ch == tokens[i][1]:
                        step.add((i + 1, False))
                elif kind == "any":
                    if ch != "/":
                        step.add((i + 1, False))
                elif kind == "set":
                    if ch != "/" and (ch in tokens[i][2] or any(a <= ch <= b for a, b in tokens[i][3])) != tokens[i][1]:
                        step.add((i + 1, False))
                elif kind == "star":
                    if ch != "/":
                        step.add((i, False))
                elif kind == "globstar":
                    step.add((i, False))
                else:  # dirs: zero or more characters ending with /
                    step.add((i, True))
                    if ch == "/":
                        step.add((i + 1, False))
            if not step:
                return False
            states = self._closure(step)
        return (end, False) in states

    def _closure(self, states: set) -> set:
        out, todo = set(), list(states)
        while todo:
            i, inside = todo.pop()
            if (i, inside) in out:
                continue
            out.add((i, inside))
            if i < len(self.tokens) and (self.tokens[i][0] in ("star", "globstar")
                                         or self.tokens[i][0] == "dirs" and not inside):
                todo.append((i + 1, False))
        return out


def _tokens(glob: str) -> list[tuple]:
    out: list[tuple] = []
    i, n = 0, len(glob)
    while i < n:
        if glob.startswith("**/", i):
            out.append(("dirs",))
            i += 3
        elif glob.startswith("**", i):
            out.append(("globstar",))
            i += 2
        elif glob[i] == "*":
            out.append(("star",))
            i += 1
        elif glob[i] == "?":
            out.append(("any",))
            i += 1
        elif glob[i] == "[" and "]" in glob[i + 2:]:
            j = glob.index("]", i + 2)
            body = glob[i + 1:j]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            chars, ranges, k = set(), [], 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == "-":
                    ranges.append((body[k], body[k + 2]))  # NOTE: an inverted range matches nothing
                    k += 3
                else:
                    chars.add(body[k])
                    k += 1
            out.append(("set", negate, frozenset(chars), tuple(ranges)))
            i = j + 1
        elif glob[i] == "\\" and i + 1 < n:
            out.append(("lit", glob[i + 1]))
            i += 2
        else:
            out.append(("lit", glob[i]))
            i += 1
    return out


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
            self.rules.append((Glob(pat.lstrip("/"), anchored), negate, dir_only, anchored))

    def __bool__(self):
        return bool(self.rules)

    def excluded(self, path: str, is_dir: bool) -> bool:
        return bool(self.verdict(path, is_dir))

    def verdict(self, path: str, is_dir: bool) -> bool | None:
        """True: excluded, False: re-included by a ! pattern, None: no pattern matches."""
        rel = os.path.relpath(os.path.abspath(path), self.base).replace(os.sep, "/")
        inside = not (rel == ".." or rel.startswith("../"))
        if not inside:  # outside the base only unanchored patterns apply, to the name
            rel = os.path.basename(os.path.abspath(path))
        result = None
        for glob, negate, dir_only, anchored in self.rules:
            if (dir_only and not is_dir) or (anchored and not inside):
                continue
            if glob.match(rel):
                result = not negate
        return result


def expand_all(paths, configs, gitignore: bool = True) -> list[str]:
    """The files to lint for the command line's paths: each folder walked with the
    `exclude` of its own configuration (checker.cli.configs) and, unless `gitignore` is
    off, without what the repository's .gitignore files exclude."""
    out: list[str] = []
    for path in paths:
        config = configs.for_argument(path) if path != "-" else None
        excludes = Excludes(config.exclude, exclude_base(config)) if config else Excludes()
        out.extend(expand([path], excludes, gitignore=gitignore))
    seen = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def expand(paths, exclude=(), base: str = ".", gitignore: bool = False) -> list[str]:
    excludes = exclude if isinstance(exclude, Excludes) else Excludes(exclude, base)
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
            continue
        if os.path.isdir(path):
            found = _walk(path, excludes, gitignore)
            if not found:
                raise ReportlintError(f"{path}: no report files (.txt, .md, .docx, .pdf, .html) found in this directory")
            out.extend(found)
        elif os.path.exists(path):
            out.append(path)
        elif os.path.islink(path):
            raise ReportlintError(f"{path}: broken symbolic link")
        else:
            raise ReportlintError(f"{path}: no such file or directory")
    seen = set()
    return [p for p in out if not (p in seen or seen.add(p))]


def _walk(root: str, excludes: Excludes, gitignore: bool = False) -> list[str]:
    found = []
    visited = set()
    ignores = {os.path.realpath(root): _gitignores_above(root)} if gitignore else {}

    def onerror(err):
        raise ReportlintError(f"{err.filename}: cannot list directory ({err.strerror})")

    def skipped(path: str, is_dir: bool, chain) -> bool:
        return excludes.excluded(path, is_dir) or (chain is not None and _ignored(chain, path, is_dir))

    for folder, dirs, files in os.walk(root, onerror=onerror, followlinks=True):
        real = os.path.realpath(folder)
        if real in visited:  # a symlink loop: do not descend again
            dirs[:] = []
            continue
        visited.add(real)
        chain = None
        if gitignore:
            chain = ignores.get(real)
            if chain is None:
                parent = ignores.get(os.path.realpath(os.path.dirname(folder)), [])
                chain = parent + _gitignore_of(folder)
            ignores[real] = chain
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not skipped(os.path.join(folder, d), True, chain))
        if gitignore:
            for d in dirs:
                sub = os.path.join(folder, d)
                ignores[os.path.realpath(sub)] = chain + _gitignore_of(sub)
        for name in sorted(files):
            full = os.path.normpath(os.path.join(folder, name))  # "./a.txt" -> "a.txt"
            if name.lower().endswith(SUFFIXES) and not name.startswith((".", "~$")) \
                    and not skipped(full, False, chain):
                found.append(full)
    return found


# -- .gitignore -----------------------------------------------------------------
# NOTE: git's own rules (gitignore(5)): each .gitignore applies to the paths below its
# folder, relative to it; a deeper file's patterns come after a shallower one's, so the
# last match decides; .git/info/exclude applies to the whole repository. Matched with
# Excludes/Glob, whose time is linear in the path (see Glob): a library's regex
# translation would let a planted .gitignore hang the walk.

def _gitignores_above(root: str) -> list:
    """The .git/info/exclude and .gitignore files from the repository's top down to `root`."""
    folder = os.path.realpath(root)
    chain: list = []
    while True:
        chain.insert(0, folder)
        if os.path.exists(os.path.join(folder, ".git")):
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            return _gitignore_of(os.path.realpath(root))  # not in a repository: the folder's own only
        folder = parent
    top = chain[0]
    out = _patterns(os.path.join(top, ".git", "info", "exclude"), top)
    for f in chain:
        out += _gitignore_of(f)
    return out


def _gitignore_of(folder: str) -> list:
    return _patterns(os.path.join(folder, ".gitignore"), folder)


def _patterns(path: str, base: str) -> list:
    if not os.path.isfile(path):
        return []
    from checker.boundedio import read_file
    try:
        text = read_file(path, 1024 * 1024, ".gitignore").decode("utf-8", "replace")
    except ReportlintError:
        return []
    return [Excludes(text.splitlines(), base)]


def _ignored(chain: list, path: str, is_dir: bool) -> bool:
    verdict = None
    for excludes in chain:
        found = excludes.verdict(path, is_dir)
        if found is not None:
            verdict = found
    return bool(verdict)


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
