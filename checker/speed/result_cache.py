"""A content-hash cache of lint results, so an unchanged file is not linted twice.

    key = hash(context, path as reported, decoded text)
    context = hash(version, Python, effective Config, rule and vocabulary files,
                   grammar, checker's own .py files, installed packages)

One job: `open_cache(config)` computes the context once per run (a few dozen
stats) and returns a small picklable `ResultCache` (workers of -j get it);
`key`, `get` and `put` work per file; `prune` bounds the folder. Entries live
in `<user cache>/reportlint/results/` (the folder checker.yamlio.cache_base
chooses), one marshal file each, written 0600 and read only when the user's.
Anything going wrong (no home, a read-only folder, a truncated or foreign
entry) is a miss, never an error.

NOTE: start-up matters (the pre-commit hook lints one file per run), so this
module is imported only when the cache is on, hashes with `_blake2` (hashlib
would load OpenSSL: ~4 ms) and fingerprints files by size and mtime_ns rather
than by their bytes. marshal holds plain data only: a row is every field of a
Finding, and marshal refuses anything that is not a builtin type, so a result
either round-trips exactly or is not cached.
"""
from __future__ import annotations

import marshal
import os
import sys

from checker.speed import file_keys
from checker.findings import Finding

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without _blake2
    from hashlib import blake2b

FORMAT = b"results-1"
MAX_ENTRIES = 10_000            # NOTE: 0.2-6 KB each (a 4 KB block on disk): at most ~40 MB
KEEP = 8_000
TOUCH_AFTER_NS = 86_400 * 10**9  # a hit on an entry older than a day refreshes its mtime (LRU-ish prune)


def _fields(cls, compared_only: bool = False) -> tuple:
    """A record's field names in positional order (a checker.record.Record or a dataclass)."""
    if "__slots__" in cls.__dict__ and hasattr(cls, "_compare"):
        return tuple(cls._compare if compared_only else cls.__slots__)
    from dataclasses import fields
    return tuple(f.name for f in fields(cls) if f.compare or not compared_only)


_FIELDS = _fields(Finding)  # a row holds every field of a Finding, in this order


def _stat_line(path: str) -> str:
    return "\t".join(map(str, file_keys.stat(path)))


def _installed() -> str:
    """The site-packages folder of our dependencies: its mtime changes on any pip (un)install."""
    where = getattr(sys.modules.get("click"), "__file__", None)
    return _stat_line(os.path.dirname(os.path.dirname(where))) if where else ""


def _installed_copy(here: str) -> bool:
    """True when checker is an installed copy (not a checkout or an editable install).

    NOTE: installed files change only through pip, which changes the mtime of
    site-packages (see _installed), so the walk over our ~100 source files
    (~0.7 ms) is needed only where code is edited by hand.
    """
    parent = os.path.basename(os.path.dirname(here))
    return parent in ("site-packages", "dist-packages")


def _config_repr(config) -> str:
    # NOTE: fields that do not take part in equality (the config file names) do not change results
    return repr(tuple((name, getattr(config, name)) for name in _fields(type(config), True)))


def context(config, rule_inputs: tuple = ()) -> bytes:
    """The digest of everything besides the file that decides its findings;
    `rule_inputs` are the user files the rules were made from (checker.rules.rule_inputs)."""
    from checker.version import __version__
    from checker.resources import data_dir, package_dir
    files: list = []
    here = package_dir()
    if _installed_copy(here):
        files.append(_stat_line(os.path.dirname(here)))
    else:
        files.extend("\t".join(map(str, f)) for f in file_keys.tree(here, ".py"))
    for name in ("rules", "grammar"):
        try:
            files.extend("\t".join(map(str, f)) for f in file_keys.tree(str(data_dir(name))))
        except FileNotFoundError:
            files.append(name + "\t-")
    files.sort()
    # the extra rule files, in their order, and the user vocabularies they name
    files.extend(_stat_line(p) for p in config.rules)
    files.extend(_stat_line(p) for p in rule_inputs)
    head = repr((FORMAT, __version__, sys.version, sys.implementation.cache_tag, _config_repr(config),
                 _FIELDS, _installed()))
    text = head + "\n" + "\n".join(files)
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=32).digest()


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


def _own(st) -> bool:
    """An entry is read only when it is the user's and nobody else may write it.

    NOTE: a forged entry cannot run code (marshal data), but it could hide a
    report's defects; as checker.speed.rules_snapshot, trust only the user's own files.
    """
    if not hasattr(os, "getuid"):  # Windows: no owner, and every writable file shows mode 0o666
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


class ResultCache:
    """Where entries live and the run's context digest; picklable for -j workers."""

    def __init__(self, folder: str, context_digest: bytes):
        self.folder = folder
        self.context = context_digest
        self.writable = True

    def key(self, name: str, text: str) -> str:
        h = blake2b(self.context, digest_size=20)
        encoded = name.encode("utf-8", "surrogatepass")
        h.update(len(encoded).to_bytes(8, "little"))
        h.update(encoded)
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.folder, key + ".marshal")

    def get(self, key: str) -> list | None:
        """The cached findings for key, or None (missing, truncated, foreign: all misses)."""
        try:
            with open(self._path(key), "rb") as fh:
                st = os.fstat(fh.fileno())
                if not _own(st):
                    return None
                blob = fh.read()
            stored_key, names, rows = marshal.loads(blob)
            if stored_key != key or names != _FIELDS:
                return None
            findings = [Finding(*row) for row in rows]
        except Exception:  # NOTE: any damage to an entry is a miss, never an error
            return None
        self._touch(key, st.st_mtime_ns)
        return findings

    def _touch(self, key: str, mtime: int) -> None:
        import time
        if time.time_ns() - mtime > TOUCH_AFTER_NS and self.writable:
            try:
                os.utime(self._path(key))
            except OSError:
                pass

    def put(self, key: str, findings) -> None:
        """Store findings under key: a unique temp file, then an atomic rename (safe under -j)."""
        if not self.writable:
            return
        try:
            blob = marshal.dumps((key, _FIELDS, tuple(tuple(getattr(f, n) for n in _FIELDS) for f in findings)))
        except ValueError:  # a non-builtin value somewhere: not cacheable, lint it next time
            return
        path = self._path(key)
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            try:
                fd = os.open(tmp, _CREATE, 0o600)
            except FileNotFoundError:
                os.makedirs(self.folder, exist_ok=True)
                fd = os.open(tmp, _CREATE, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except OSError:  # read-only or full: run on without writing
            self.writable = False
            try:
                os.remove(tmp)
            except OSError:
                pass
            return
        if key[:2] == "00":  # NOTE: 1 put in 256 checks the folder's size; no scan on other runs
            prune(self.folder)


def prune(folder: str, limit: int = MAX_ENTRIES, keep: int = KEEP) -> int:
    """Remove the oldest entries (by mtime) when the folder holds more than limit; return how many."""
    try:
        with os.scandir(folder) as it:
            names = [e.name for e in it]
    except OSError:
        return 0
    if len(names) <= limit:
        return 0
    aged = []
    for name in names:
        path = os.path.join(folder, name)
        try:
            aged.append((os.stat(path).st_mtime_ns, path))
        except OSError:
            pass  # removed meanwhile by another run
    aged.sort()
    removed = 0
    for _, path in aged[:max(0, len(aged) - keep)]:
        try:
            os.remove(path)
            removed += 1
        except OSError:
            pass
    return removed


def open_cache(config, rule_inputs: tuple = ()) -> ResultCache | None:
    """The result cache for this run's config, or None when caching is off or impossible;
    `rule_inputs` as for `context`."""
    from checker.yamlio import cache_base  # NOTE: the one choice of folder, shared with the YAML cache
    base = cache_base()
    if base is None or not os.path.isabs(base):  # no home ("~" unresolved) or a relative XDG_CACHE_HOME
        return None
    return ResultCache(os.path.join(base, "results"), context(config, rule_inputs))
