"""The Finding record every check produces, and the Hit a check type yields."""
from __future__ import annotations

import re

from checker.record import Record, set_field

_NO_ARGS = object()  # Hit's args default: a fresh {} each time

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CATEGORIES = ("structure", "numbering", "statistics", "punctuation", "date",
              "terminology", "placeholder", "metadata")


class Hit(Record):
    """What a check type reports: a character span, message arguments, a fix.

    Argument values may be {"zh": ..., "en": ...} dicts; the engine picks the
    language. `expected` is only the value or text that belongs at the span
    (97.60%, 2021年); `computation` the arithmetic behind a statistics finding
    (3050/3125 = 97.60%, 430+800 = 1230 ≠ 1250), shown apart as 计算：….
    `fixes` are safe mechanical edits, (start, end, new text) each; most
    checks give none (statistics are only ever suggested, never fixed).
    """
    __slots__ = ("start", "end", "args", "expected", "fixes", "computation")

    def __init__(self, start: int, end: int, args: dict = _NO_ARGS, expected: str | None = None,
                 fixes: tuple = (), computation: str | None = None):
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "args", {} if args is _NO_ARGS else args)
        set_field(self, "expected", expected)
        set_field(self, "fixes", fixes)
        set_field(self, "computation", computation)


MAX_QUOTE = 200  # characters of a finding's text that outputs repeat (SARIF snippets, baselines)


def encodable(text: str) -> str:
    """`text` as valid Unicode: a file name's bytes that were not UTF-8 (which Python
    keeps as lone surrogates) written as \\xff, so that any output can hold it."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def cut(text: str, limit: int) -> str:
    """`text`, or its first characters and … when it is longer than `limit`."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


_WHOLE = re.compile(r"[0-9A-Za-z０-９.%％‰]")
_BREAK = re.compile(r"[\s，。；、：,;:！？!?）)》”’]")


def clip(text: str, limit: int) -> str:
    """`text`, or its beginning and … when it is longer than `limit`, cut at a character
    boundary that splits no number or Latin word (97.65%, gov.cn): after the last
    punctuation mark or space of the last quarter when there is one, else before the
    run of digits or letters the cut would split. (`cut` stays as it is: baselines
    and SARIF snippets are keyed by its output.)"""
    if len(text) <= limit:
        return text
    end = limit - 1
    head = text[:end]
    window = head[-max(1, end // 4):]
    brk = [m.end() for m in _BREAK.finditer(window)]
    if brk:
        end = end - len(window) + brk[-1]
    else:
        while end > 0 and _WHOLE.match(text[end]) and _WHOLE.match(text[end - 1]):
            end -= 1
        if end == 0:
            end = limit - 1
    return text[:end].rstrip(" \t\u3000>|/") + "…"  # NOTE: no dangling breadcrumb separator


def clip_start(text: str, limit: int) -> str:
    """The end of `text`, after … when it is longer than `limit`, cut as `clip` cuts: after
    a punctuation mark or space of its first quarter, else after the number or Latin word
    the cut would split."""
    if len(text) <= limit:
        return text
    start = len(text) - (limit - 1)
    window = text[start:start + max(1, (limit - 1) // 4)]
    brk = [m.end() for m in _BREAK.finditer(window)]
    if brk:
        start += brk[0]
    else:
        first = start
        while start < len(text) and _WHOLE.match(text[start]) and _WHOLE.match(text[start - 1]):
            start += 1
        if start == len(text):
            start = first
    return "…" + text[start:].lstrip()


def quote_of(finding, sources=None) -> str:
    """The text at a finding's span: its `quote`, or, for a finding linted without
    quotes (the CLI keeps one copy of each text, not one per finding), the
    stretch of `sources[path]` (path -> text)."""
    if finding.quote or not sources:
        return finding.quote
    return sources.get(finding.path, "")[finding.start:finding.end]


class Finding(Record):
    """One reported defect. `start`/`end` are character offsets, end exclusive (not in JSON);
    `quote` is the text at the span, for baselines and HTML. Positions refer to the text as
    read (checker.document.reading.Source.shown); for a PDF, `page` and `page_line` say where
    on the printed page the line stands. `expected` is only what should be written;
    `computation` the arithmetic that shows the defect (430+800=1230≠1250), or None."""
    __slots__ = ("path", "line", "column", "end_line", "end_column", "rule", "name", "category",
                 "severity", "message", "expected", "start", "end", "fixes", "quote", "page", "page_line",
                 "computation")

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int, rule: str,
                 name: str, category: str, severity: str, message: str, expected: str | None = None,
                 start: int = 0, end: int = 0, fixes: tuple = (), quote: str = "",
                 page: int | None = None, page_line: int | None = None, computation: str | None = None):
        set_field(self, "path", path)
        set_field(self, "line", line)
        set_field(self, "column", column)
        set_field(self, "end_line", end_line)
        set_field(self, "end_column", end_column)
        set_field(self, "rule", rule)
        set_field(self, "name", name)
        set_field(self, "category", category)
        set_field(self, "severity", severity)
        set_field(self, "message", message)
        set_field(self, "expected", expected)
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "fixes", fixes)
        set_field(self, "quote", quote)
        set_field(self, "page", page)
        set_field(self, "page_line", page_line)
        set_field(self, "computation", computation)

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def as_json(self) -> dict:
        """The documented JSON keys; for a PDF, lines count from the top of `page`."""
        line, end_line = self.line, self.end_line
        if self.page is not None:
            line, end_line = self.page_line, self.page_line + self.end_line - self.line
        return {"path": self.path, "line": line, "column": self.column,
                "end_line": end_line, "end_column": self.end_column,
                "rule": self.rule, "name": self.name, "category": self.category,
                "severity": self.severity, "message": self.message, "expected": self.expected,
                "computation": self.computation, "page": self.page}
