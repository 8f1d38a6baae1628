"""Dates for the time-bound checks: when a report could have been written, which
year a passage speaks of, and loading dated vocabulary tables.

A report on year Y is written after Y ends and published by 1 April of Y+1,
so a term may appear in it if it existed by then (or by its closing date, if
later). Plans in the next-steps section look one year ahead.
"""
from __future__ import annotations

import datetime as dt
import re

from checker.checks import ParamError
from checker.resources import vocab_path
from checker.yamlio import load_yaml_file

_YEAR_WORD = re.compile(r"((?:19|20)\d{2})\s*年(?!代)|(今年|本年|当年|明年|去年|上年|次年)")
_RELATIVE = {"今年": 0, "本年": 0, "当年": 0, "明年": 1, "次年": 1, "去年": -1, "上年": -1}
_CLAUSE_END = re.compile(r"[。！？!?；;]")


def parse_date(value, key: str) -> dt.date:
    """A YAML date (unquoted 2020-10-26 loads as a date) or a 'YYYY-MM[-DD]' string."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", value.strip())
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
            except ValueError:
                pass
    raise ParamError(key, f"{value!r} is not a date (YYYY-MM-DD)")


def load_table(name: str):
    """The data of rules/data/NAME (a YAML mapping), with its path for messages."""
    loc = load_yaml_file(vocab_path(name))
    if not isinstance(loc.data, dict):
        raise ParamError("table", f"{name} must hold a mapping")
    return loc


def table_entries(name: str, key: str, parse) -> tuple:
    """The `key` list of rules/data/NAME, each entry turned into a record by parse(loc, i, entry)."""
    loc = load_table(name)
    raw = loc.data.get(key)
    if not isinstance(raw, list) or not raw:
        raise ParamError("table", f"{loc.source}: needs a non-empty `{key}` list")
    return tuple(parse(loc, i, entry) for i, entry in enumerate(raw))


class Timeline:
    """What one document's dates allow: the report year, the writing bound, plan spans."""

    def __init__(self, doc, ctx):
        self.doc = doc
        self.year = ctx.report_year(doc)

    @property
    def known(self) -> bool:
        return self.year is not None

    def written_by(self) -> dt.date:
        """The latest day the report can have been written: the publication deadline,
        or the closing date when that is later."""
        bound = dt.date(self.year + 1, 3, 31)
        c = self.doc.closing
        if c is not None and c.date:
            try:
                bound = max(bound, dt.date.fromisoformat(c.date))
            except ValueError:
                pass
        return bound

    def in_plans(self, offset: int) -> bool:
        return self.doc.kind_at(offset) == "next_steps"

    def bound_at(self, offset: int, plan: bool) -> dt.date:
        """The latest date a term may start and still be used at `offset`.
        NOTE: a plan-like term (普法规划, 五年规划) in the next-steps section may name
        the period that starts next year, so the bound moves to the end of Y+1."""
        bound = self.written_by()
        if plan and self.in_plans(offset):
            bound = max(bound, dt.date(self.year + 1, 12, 31))
        return bound

    def spoken_year(self, text: str, upto: int, offset: int) -> int:
        """The year a claim at text[upto] speaks of: the nearest year word before it
        in the same sentence (2020年, 今年, 明年…), else the report year, or the
        next year inside the next-steps section."""
        start = 0
        for m in _CLAUSE_END.finditer(text, 0, upto):
            start = m.end()
        found = None
        for m in _YEAR_WORD.finditer(text, start, upto):
            found = m
        if found is not None:
            if found.group(1):
                return int(found.group(1))
            return self.year + _RELATIVE[found.group(2)]
        return self.year + 1 if self.in_plans(offset) else self.year
