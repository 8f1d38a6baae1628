"""Baselines: record today's findings, later report only the new ones.

A finding's fingerprint is its path, rule id, its quoted text normalised
(NFKC, no whitespace) and its occurrence index among findings with the same
path, rule and text. Line numbers are never part of it, so editing text
above a baselined finding does not bring it back; fixing a finding and
re-introducing the same text elsewhere in the file does not either (it is
the same defect in the same words).

Paths are stored relative to the baseline file's folder, with `/`, so the
file works from any working directory and on any system.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter

from checker.boundedio import read_file
from checker.errors import ReportlintError
from checker.findings import MAX_QUOTE, cut, encodable, quote_of

VERSION = 1
_SPACE = re.compile(r"\s+")


def normalise(quote: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", quote))


def _rel(path: str, base: str) -> str:
    if path.startswith("<"):
        return path  # <stdin>
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def keys(findings, base: str = ".", sources=None) -> list[tuple[str, str, str, int]]:
    """(path, rule, normalised quote, occurrence) for each finding, in the given order.

    The occurrence index counts in position order whatever order is given.
    `sources` (path -> text) supplies the quotes of findings linted without them.
    """
    order = sorted(range(len(findings)), key=lambda i: (findings[i].path, findings[i].start, findings[i].sort_key()))
    seen: Counter = Counter()
    out: list = [None] * len(findings)
    for i in order:
        f = findings[i]
        head = (encodable(_rel(f.path, base)), f.rule, normalise(cut(quote_of(f, sources), MAX_QUOTE)))
        out[i] = head + (seen[head],)
        seen[head] += 1
    return out


def fingerprint(key: tuple) -> str:
    """A short stable hash of a key (for SARIF partialFingerprints)."""
    return hashlib.sha256(json.dumps(list(key), ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def write(path: str, findings, sources=None) -> int:
    base = os.path.dirname(os.path.abspath(path))
    entries = sorted(keys(findings, base, sources))
    data = {"tool": "reportlint", "version": VERSION,
            "findings": [{"path": p, "rule": r, "quote": q, "occurrence": n} for p, r, q, n in entries]}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as err:
        raise ReportlintError(f"{path}: cannot write baseline ({err.strerror or err})") from None
    return len(entries)


def load(path: str) -> set[tuple[str, str, str, int]]:
    if not os.path.lexists(path):
        raise ReportlintError(f"{path}: no such baseline file (create it with --write-baseline)")
    try:
        data = json.loads(read_file(path, 200 * 1024 * 1024, "baseline").decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ReportlintError(f"{path}: cannot read baseline ({err})") from None
    except json.JSONDecodeError as err:
        raise ReportlintError(f"{path}:{err.lineno}: baseline is not valid JSON ({err.msg})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ReportlintError(f"{path}: not a reportlint baseline (version {VERSION})")
    out = set()
    for i, e in enumerate(data["findings"]):
        try:
            out.add((str(e["path"]), str(e["rule"]), str(e["quote"]), int(e["occurrence"])))
        except (KeyError, TypeError, ValueError):
            raise ReportlintError(f"{path}: findings[{i}]: needs path, rule, quote and occurrence") from None
    return out


def filter_new(findings, path: str, sources=None) -> list:
    """The findings whose fingerprint is not in the baseline file."""
    known = load(path)
    base = os.path.dirname(os.path.abspath(path))
    return [f for f, k in zip(findings, keys(findings, base, sources)) if k not in known]
