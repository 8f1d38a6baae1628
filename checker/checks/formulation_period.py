"""formulation-period: an official formula of another period presented as current.

    check: formulation-period
    params:
      table: formulations.yaml   # rules/data/formulations.yaml
      report: mixed              # mixed | stale | early
      scope: document

A list formula (the 法治政府 goal, 四个全面) is read as a run of its members separated by
、，: `mixed` reports a run that holds members found only in one period's formula and
members found only in another's (…公开公正、廉洁高效、人民满意), in any year; `expected` is
the formula current in the report year (the newest when the year is unknown). `stale`
reports a run of three members or more, or an entry's `regex`, that belongs to a formula
replaced before the report year (`until` plus `grace_years`): the 2015—2020 goal in a
report on 2022. A sentence that looks back (以来, 期间, 如期, 回顾, 原, 此前, “十三五”,
（2015—2020年）) quotes the former formula as such and is not reported. `early`
reports a formulation the report cannot have known: stated after the report was written
(31 March of the next year, or the closing date), 两个确立 in a report on 2020.
stale and early judge the text against the report year, and are silent when the year is
only guessed from the body. Spans that rules/data/terms.yaml dates are W101/W102's.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, register
from checker.checks._formulations import (dated_term_patterns, first_of_overlapping, load_formulations, overlaps_pattern,
                                          sentence_bounds)
from checker.checks._timeline import Timeline
from checker.checks._util import SCOPE, check_scope, scan
from checker.checks._year import year_and_basis
from checker.findings import Hit

# NOTE: a sentence that names the former formula as such (the goal of the 2015—2020 纲要
# reached, quoted as the earlier wording) is history, not current use
LOOK_BACK = re.compile(r"以来|期间|时期|如期|圆满|收官|回顾|总结|曾经|曾|原来|原先|此前|以往|过去|上一轮|之前|"
                       r"原[《“]|调整为|修改为|改为|表述为|十三五|2015\s*[—\-－–~～至]{1,2}\s*2020|实现了|基本实现")
_SEP = r"\s*[、，,]\s*"


def _item_pattern(item: str) -> str:
    """An item as a pattern: quotation marks optional (“三个代表”重要思想)."""
    out = []
    for ch in item:
        out.append(r'[“”"]?' if ch in "“”\"" else re.escape(ch))
    return "".join(out)


@register
class FormulationPeriod(CheckType):
    name = "formulation-period"
    reports = ("mixed", "stale", "early")
    params = {
        "table": Param((str,), "formulations.yaml", help="a file in rules/data with a `formulations` list"),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        entries, _defer = load_formulations(params["table"])
        groups: dict[str, list] = {}
        for n, f in enumerate(entries):
            if f.group and f.items:
                groups.setdefault(f.group, []).append(n)
        runs = []
        for g, members in sorted(groups.items()):
            items = sorted({i for n in members for i in entries[n].items}, key=len, reverse=True)
            alt = "|".join(_item_pattern(i) for i in items)
            runs.append((g, tuple(members), re.compile(f"(?:{alt})(?:{_SEP}(?:{alt}))+")))
        literal = {}
        for n, f in enumerate(entries):
            if f.regex:
                literal[n] = re.compile(f.regex)
            elif not f.items:
                forms = sorted({f.text, *f.forms}, key=len, reverse=True)
                literal[n] = re.compile("|".join(re.escape(x) for x in forms))
        return dict(params, entries=entries, runs=tuple(runs), literal=literal, dated=dated_term_patterns())

    def run(self, doc, p, ctx):
        report = p["report"]
        year, basis = year_and_basis(doc, ctx)
        if report != "mixed" and (year is None or basis == "body"):
            return   # NOTE: a year guessed from the body judges nothing
        entries = p["entries"]
        hits = []
        if report == "early":
            tl = Timeline(doc, ctx)
            written_by = tl.written_by()
            for n, f in enumerate(entries):
                if not f.early or f.start <= written_by or n not in p["literal"]:
                    continue
                for b, m, a, z in scan(doc, p["scope"], p["literal"][n]):
                    if overlaps_pattern(p["dated"], b.text, a, z):
                        continue
                    hits.append(Hit(b.span.start + a, b.span.start + z,
                                    {"match": m.group(0), "start": _day(f.start), "year": year,
                                     "source": f.source}))
            yield from first_of_overlapping(hits)
            return
        for group, members, pattern in p["runs"]:
            for b, m, a, z in scan(doc, p["scope"], pattern):
                items = [x.replace("“", "").replace("”", "").replace('"', "")
                         for x in re.split(_SEP, m.group(0))]
                hit = self._judge(report, entries, members, items, year, b.text, a, z, p)
                if hit is not None:
                    hits.append(Hit(b.span.start + a, b.span.start + z, hit[0], hit[1]))
        if report == "stale":
            for n, f in enumerate(entries):
                if f.regex and f.stale_in(year):
                    for b, m, a, z in scan(doc, p["scope"], p["literal"][n]):
                        if not _looks_back(b.text, a, z) and not overlaps_pattern(p["dated"], b.text, a, z):
                            current = _current(entries, f.group, year)
                            hits.append(Hit(b.span.start + a, b.span.start + z,
                                            _stale_args(m.group(0), f, current, year), current))
        yield from first_of_overlapping(hits)

    def _judge(self, report, entries, members, items, year, text, a, z, p):
        plain = lambda s: s.replace("“", "").replace("”", "")  # noqa: E731
        owners = {n: {plain(i) for i in entries[n].items} for n in members}
        exclusive = {n: [i for i in items if i in own and not any(i in owners[o] for o in owners if o != n)]
                     for n, own in owners.items()}
        having = [n for n in members if exclusive[n]]
        shared = [i for i in items if all(i in own for own in owners.values())]
        if len(items) < 3 or len(shared) < 2:
            return None   # NOTE: 公开公正、廉洁高效、人民满意 is a common phrase, not the goal formula
        if report == "mixed":
            if len(having) < 2:
                return None
            current = _current(entries, entries[members[0]].group, year) if year else None
            if current is None:
                current = entries[max(members, key=lambda n: entries[n].start)].text
            return {"match": text[a:z], "expected": current}, current
        # stale: one period's members only, and that period over
        if len(having) != 1:
            return None
        f = entries[having[0]]
        if not f.stale_in(year) or _looks_back(text, a, z) or overlaps_pattern(p["dated"], text, a, z):
            return None
        current = _current(entries, f.group, year)
        return _stale_args(text[a:z], f, current, year), current


def _looks_back(text: str, a: int, z: int) -> bool:
    s, e = sentence_bounds(text, a, z)
    return bool(LOOK_BACK.search(text, s, e))


def _current(entries, group, year):
    if not group or year is None:
        return None
    for f in entries:
        if f.group == group and f.current_in(year):
            return f.text
    return None


def _stale_args(match: str, f, current, year) -> dict:
    return {"match": match, "until": _day(f.until), "year": year, "source": f.source,
            "expected": current or ""}


def _day(d):
    if d is None:
        return ""
    return {"zh": f"{d.year}年{d.month}月{d.day}日", "en": d.isoformat()}
