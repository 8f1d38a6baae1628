"""A snapshot of the loaded, validated and prepared rule set, for start-up.

NOTE: a pre-commit run lints one file, and loading the rules (reading ten
packs, validating 70+ rules, preparing their checks: vocabulary tables,
alternations, compiled patterns) is a sizeable part of it. The CLI keeps the
result in the user cache as a pickle, with the identity of everything it was
made from, checked before the pickle is read:

    reportlint's version, the Python, the size and mtime of every .py file of
    the checker package, of every file under the shipped rules folder (packs
    and vocabularies), of the extra rule files, and of every other YAML file
    read while the rules were prepared (a user's vocabulary file)

Anything unexpected (a missing, foreign, damaged or stale snapshot) means the
rules are loaded from their files again and a fresh snapshot is written.
Either way `load` also tells which files outside the shipped rules folder the
rules were made from (`rules.rule_inputs`, for the result cache's key). Only
the CLI uses it (`checker.cli.entry` turns it on), never the library API.
pickle can run code, so a snapshot is read only when it belongs to the
current user and nobody else may write it (as ssh treats its files); the
user cache is the user's own, like the Lark parser cache beside it.
"""
from __future__ import annotations

import marshal
import os
import sys
import zlib

from checker import yamlio
from checker.speed import file_keys
from checker.resources import package_dir, rules_dir

FORMAT = "rules-snapshot-1"


def _identity(extra_files: tuple) -> tuple:
    from checker.version import __version__
    files = list(file_keys.tree(package_dir(), ".py")) + list(file_keys.tree(str(rules_dir())))
    files.extend(file_keys.stat(os.path.abspath(p)) for p in extra_files)
    return (FORMAT, __version__, sys.version, tuple(files))


def _path(extra_files: tuple) -> str | None:
    base = yamlio.cache_base()
    if base is None:
        return None
    return os.path.join(base, f"rules-{zlib.crc32(repr(extra_files).encode()):08x}.snapshot")


def _safe(fh) -> bool:
    st = os.fstat(fh.fileno())
    return (not hasattr(os, "getuid") or st.st_uid == os.getuid()) and not st.st_mode & 0o022


def _read(path: str, identity: tuple):
    import pickle
    try:
        with open(path, "rb") as fh:
            if not _safe(fh):
                return None
            stored, reads, payload = marshal.loads(fh.read())
        if stored != identity or any(file_keys.stat(p) != (p, size, mtime) for p, size, mtime in reads):
            return None
        return pickle.loads(payload), tuple(p for p, _, _ in reads)
    except Exception:  # NOTE: a damaged or foreign snapshot is a miss, never an error
        return None


def _write(path: str, identity: tuple, reads: tuple, rules) -> None:
    import pickle
    try:
        payload = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        blob = marshal.dumps((identity, tuple(file_keys.stat(p) for p in reads), payload))
    except Exception:  # a rule prepared into something pickle cannot hold: no snapshot
        return
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)  # atomic: parallel runs never see half a file
    except OSError:
        pass


def load(extra_files: tuple, build, snapshot: bool = True):
    """(the rules `build()` returns, the files outside the shipped rules folder it read),
    from the snapshot when `snapshot` is on and the snapshot current."""
    path = _path(extra_files) if snapshot else None
    if path is not None:
        identity = _identity(extra_files)
        found = _read(path, identity)
        if found is not None:
            return found
    with yamlio.recording() as reads:
        rules = build()
    shipped = str(rules_dir()) + os.sep
    outside = tuple(sorted({p for p in reads if not p.startswith(shipped)}))
    if path is not None:
        _write(path, identity, outside, rules)
    return rules, outside
