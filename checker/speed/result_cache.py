"""A content-hash cache of lint results, so an unchanged file is not linted twice.

    key = hash(context, path as reported, decoded text)
    context = hash(format, Python, effective Config, reportlint's code and shipped data
                   (checker.speed.fingerprint.installation), the user's rule files and
                   the vocabularies they name (contents), the Finding record's fields)

One job: `open_cache(config, rule_inputs)` computes the context once per run and
returns a small picklable `ResultCache` (workers of -j get it); `key`, `get`
and `put` work per file. Entries live in the user cache (checker.usercache,
kind "results": only the user's own files are read, each written 0600 in a
0700 folder). Anything going wrong (no home, a read-only folder, a damaged
entry) is a miss, never an error.

NOTE: marshal holds plain data only: a row is every field of a Finding, and
marshal refuses anything that is not a builtin type, so a result either
round-trips exactly or is not cached.
"""
from __future__ import annotations

import marshal
import time

from checker.findings import Finding
from checker import usercache
from checker.speed import fingerprint

FORMAT = "results-3"
KIND = "results"
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


def _config_repr(config) -> str:
    # NOTE: fields that do not take part in equality (the config file names) do not change results
    return repr(tuple((name, getattr(config, name)) for name in _fields(type(config), True)))


def context(config, rule_inputs: tuple = ()) -> str:
    """The digest of everything besides the file that decides its findings;
    `rule_inputs` are the user files the rules were made from (checker.rules.rule_inputs)."""
    return usercache.digest(FORMAT, usercache.interpreter(), _config_repr(config), repr(_FIELDS),
                        fingerprint.installation(), fingerprint.files(tuple(config.rules)),
                        fingerprint.files(rule_inputs))


class ResultCache:
    """The run's context digest; picklable for -j workers."""

    def __init__(self, context_digest: str):
        self.context = context_digest
        self.writable = True

    def key(self, name: str, text: str) -> str:
        return usercache.digest(self.context, name, text)

    def get(self, key: str) -> list | None:
        """The cached findings for key, or None (missing, damaged, untrusted: all misses)."""
        found = usercache.read_aged(KIND, key + ".marshal")
        if found is None:
            return None
        try:
            stored_key, names, rows = marshal.loads(found[0])
            if stored_key != key or names != _FIELDS:
                return None
            findings = [Finding(*row) for row in rows]
        except Exception:  # NOTE: any damage to an entry is a miss, never an error
            return None
        if self.writable and time.time_ns() - found[1] > TOUCH_AFTER_NS:
            usercache.touch(KIND, key + ".marshal")  # a recent use: pruned last
        return findings

    def put(self, key: str, findings) -> None:
        """Store findings under key (a fresh file renamed into place: safe under -j)."""
        if not self.writable:
            return
        try:
            blob = marshal.dumps((key, _FIELDS, tuple(tuple(getattr(f, n) for n in _FIELDS) for f in findings)))
        except ValueError:  # a non-builtin value somewhere: not cacheable, lint it next time
            return
        if not usercache.write(KIND, key + ".marshal", blob):
            self.writable = False  # read-only or full: run on without writing
            return
        if key[:2] == "00":  # NOTE: 1 put in 256 checks the folder's size; no scan on other runs
            prune()


def prune(limit: int = MAX_ENTRIES, keep: int = KEEP) -> int:
    """Remove the oldest entries when the folder holds more than limit; return how many."""
    return usercache.prune(KIND, limit, keep)


def open_cache(config, rule_inputs: tuple = ()) -> ResultCache | None:
    """The result cache for this run's config, or None when caching is off or impossible;
    `rule_inputs` as for `context`."""
    if not usercache.enabled() or usercache.base() is None:
        return None
    return ResultCache(context(config, rule_inputs))
