"""A snapshot of the loaded, validated and prepared rule set, for start-up.

NOTE: a pre-commit run lints one file, and loading the rules (reading ten
packs, validating 70+ rules, preparing their checks: vocabulary tables,
alternations, compiled patterns) is a sizeable part of it. The CLI keeps the
result in the user cache (checker.usercache) as a pickle, named by the
digest of everything it was made from and checked again on load:

    the snapshot format, the exact Python, reportlint's code and shipped rule
    data (checker.speed.fingerprint.installation), the contents of the extra
    rule files, and of every other YAML file read while the rules were
    prepared (a user's vocabulary file)

Anything unexpected (a missing, damaged or stale snapshot, or one the store does
not trust) means the rules are loaded from their files again and a fresh
snapshot is written. Either way `load` also tells which files outside the
shipped rules folder the rules were made from (`rules.rule_inputs`, for the
result cache's key). Only the CLI uses it (`checker.cli.entry` turns it on),
never the library API. pickle can run code: the store reads only the user's own
files in the user's own 0700 folder, which nobody else can have written.
"""
from __future__ import annotations

import marshal
import os

from checker import yamlio
from checker.resources import rules_dir
from checker import usercache
from checker.speed import fingerprint

FORMAT = "rules-snapshot-3"
KIND = "rules"


def _identity(extra_files: tuple) -> str:
    return usercache.digest(FORMAT, usercache.interpreter(), fingerprint.installation(),
                        fingerprint.files(extra_files), *extra_files)


def _read(name: str, identity: str):
    import pickle
    blob = usercache.read(KIND, name)
    if blob is None:
        return None
    try:
        stored, reads, payload = marshal.loads(blob)
        if stored != identity or any(fingerprint.files((p,)) != d for p, d in reads):
            return None
        return pickle.loads(payload), tuple(p for p, _ in reads)
    except Exception:  # NOTE: a damaged snapshot is a miss, never an error
        return None


def _write(name: str, identity: str, reads: tuple, rules) -> None:
    import pickle
    try:
        payload = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        blob = marshal.dumps((identity, tuple((p, fingerprint.files((p,))) for p in reads), payload))
    except Exception:  # a rule prepared into something pickle cannot hold: no snapshot
        return
    usercache.write(KIND, name, blob)


def load(extra_files: tuple, build, snapshot: bool = True):
    """(the rules `build()` returns, the files outside the shipped rules folder it read),
    from the snapshot when `snapshot` is on and the snapshot current."""
    identity = name = None
    if snapshot and usercache.enabled():
        identity = _identity(extra_files)
        name = usercache.digest(FORMAT, *extra_files) + ".snapshot"  # NOTE: one entry per rule-file set
        found = _read(name, identity)
        if found is not None:
            return found
    with yamlio.recording() as reads:
        rules = build()
    shipped = str(rules_dir()) + os.sep
    outside = tuple(sorted({p for p in reads if not p.startswith(shipped)}))
    if name is not None:
        _write(name, identity, outside, rules)
    return rules, outside
