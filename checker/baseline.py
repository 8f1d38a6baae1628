"""Baselines: record today's findings, later report only the new ones.

A finding's fingerprint is its path, rule id, its quoted text and the sentence
it stands in (both normalised: NFKC, no whitespace), and its occurrence index
among findings with the same path, rule, text and sentence. Line numbers are
never part of it, so editing text above a baselined finding does not bring it
back; a new copy of an old defect in another sentence (an `XX` inserted above a
baselined `XX`) is reported where it is, and the old one stays hidden.
Baselines of version 1 (no sentence) are still read, matched the old way.

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

VERSION = 2
_SPACE = re.compile(r"\s+")
_SENTENCE_BREAK = re.compile(r"[。！？；!?;\r\n]")
_CONTEXT = 120  # characters of the sentence kept on each side of the finding


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


def sentence_of(finding, sources) -> str:
    """The sentence a finding stands in (its line, between 。！？； marks), around its span."""
    text = (sources or {}).get(finding.path, "")
    if not text:
        return ""
    start = max(finding.start - _CONTEXT, 0)
    before = text[start:finding.start]
    cut_at = max((m.end() for m in _SENTENCE_BREAK.finditer(before)), default=0)
    after = text[finding.end:finding.end + _CONTEXT]
    stop = _SENTENCE_BREAK.search(after)
    return before[cut_at:] + text[finding.start:finding.end] + (after[:stop.start()] if stop else after)


def keys(findings, base: str = ".", sources=None, version: int = VERSION) -> list[tuple]:
    """(path, rule, normalised quote, normalised sentence, occurrence) for each finding, in the
    given order (version 1: without the sentence). The occurrence index counts in position
    order whatever order is given. `sources` (path -> text) supplies the quotes and sentences
    of findings linted without them."""
    order = sorted(range(len(findings)), key=lambda i: (findings[i].path, findings[i].start, findings[i].sort_key()))
    seen: Counter = Counter()
    out: list = [None] * len(findings)
    for i in order:
        f = findings[i]
        head = (encodable(_rel(f.path, base)), f.rule, normalise(cut(quote_of(f, sources), MAX_QUOTE)))
        if version >= 2:
            head += (normalise(cut(sentence_of(f, sources), 2 * _CONTEXT)),)
        out[i] = head + (seen[head],)
        seen[head] += 1
    return out


def fingerprint(key: tuple) -> str:
    """A short stable hash of a key (for SARIF partialFingerprints)."""
    return hashlib.sha256(json.dumps(list(key), ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def base_of(path: str) -> str:
    """The folder a baseline file's paths are relative to: its own."""
    return os.path.dirname(os.path.abspath(path))


def write(path: str, findings, sources=None) -> int:
    return write_keys(path, keys(findings, base_of(path), sources))


def write_keys(path: str, entries) -> int:
    """Write a baseline of these fingerprints (keys(…, base_of(path), …)); their number."""
    entries = sorted(entries)
    data = {"tool": "reportlint", "version": VERSION,
            "findings": [{"path": p, "rule": r, "quote": q, "sentence": t, "occurrence": n}
                         for p, r, q, t, n in entries]}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as err:
        raise ReportlintError(f"{path}: cannot write baseline ({err.strerror or err})") from None
    return len(entries)


def load(path: str) -> tuple[int, set[tuple]]:
    """(version, fingerprints) of a baseline file."""
    if not os.path.lexists(path):
        raise ReportlintError(f"{path}: no such baseline file (create it with --write-baseline)")
    try:
        data = json.loads(read_file(path, 200 * 1024 * 1024, "baseline").decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ReportlintError(f"{path}: cannot read baseline ({err})") from None
    except json.JSONDecodeError as err:
        raise ReportlintError(f"{path}:{err.lineno}: baseline is not valid JSON ({err.msg})") from None
    version = data.get("version") if isinstance(data, dict) else None
    if version not in (1, VERSION) or not isinstance(data.get("findings"), list):
        raise ReportlintError(f"{path}: not a reportlint baseline (version 1 or {VERSION})")
    out = set()
    for i, e in enumerate(data["findings"]):
        try:
            sentence = (str(e["sentence"]),) if version >= 2 else ()
            out.add((str(e["path"]), str(e["rule"]), str(e["quote"]), *sentence, int(e["occurrence"])))
        except (KeyError, TypeError, ValueError):
            raise ReportlintError(f"{path}: findings[{i}]: needs path, rule, quote, sentence and occurrence") from None
    return version, out


class Baseline:
    """A baseline file, read once, that tells the new findings from the recorded ones."""

    def __init__(self, path: str):
        self.version, self.known = load(path)
        self.base = base_of(path)

    def new(self, findings, sources=None) -> list:
        """The findings whose fingerprint is not recorded (NOTE: a file's findings all at once:
        a fingerprint counts the occurrences within its file)."""
        return [f for f, k in zip(findings, keys(findings, self.base, sources, self.version)) if k not in self.known]


def filter_new(findings, path: str, sources=None) -> list:
    """The findings whose fingerprint is not in the baseline file."""
    return Baseline(path).new(findings, sources)
