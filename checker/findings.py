"""The Finding record every check produces, and the Hit a check type yields."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CATEGORIES = ("structure", "numbering", "statistics", "punctuation", "date",
              "terminology", "placeholder", "metadata")


@dataclass(frozen=True)
class Hit:
    """What a check type reports: a character span, message arguments, a fix.

    Argument values may be {"zh": ..., "en": ...} dicts; the engine picks the
    language. `expected` is the value or text that belongs at the span.
    `fixes` are safe mechanical edits, (start, end, new text) each; most
    checks give none (statistics are only ever suggested, never fixed).
    """
    start: int
    end: int
    args: dict = field(default_factory=dict)
    expected: str | None = None
    fixes: tuple = ()


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: str
    message: str
    expected: str | None = None
    start: int = 0             # character offsets, end exclusive (not in JSON)
    end: int = 0
    fixes: tuple = ()
    quote: str = ""            # the text at the span, for baselines and HTML

    def sort_key(self):
        return (self.path, self.line, self.column, self.rule, self.end_line, self.end_column, self.message)

    def as_json(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column,
                "end_line": self.end_line, "end_column": self.end_column,
                "rule": self.rule, "name": self.name, "category": self.category,
                "severity": self.severity, "message": self.message, "expected": self.expected}
