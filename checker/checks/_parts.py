"""The parts of a report kind's profile, present, in order and numbered (sequence with
`parts: profile`): the 六 parts of a 政务公开 report.

The parts are the top-level sections whose headings name one (checker.document.profiles);
a heading that names two (五、存在的主要问题及改进情况和其他需要报告的事项) holds both. The
rules speak only for a report year the text states, from the profile's `since` on: the
six-part layout is the 2019 format's.
"""
from __future__ import annotations

from checker.checks._year import stated_year
from checker.document.numerals import int_to_cn as cn_numeral
from checker.document.scope import first_line
from checker.findings import Hit


def _setup(doc, ctx):
    from checker.document.profiles import part_table, parts, parts_named, profile
    kind = ctx.report_kind(doc)
    p = profile(kind)
    if p is None or not p.parts:
        return None
    year = stated_year(doc, ctx)
    if year is None or (p.since is not None and year < p.since):
        return None
    found = parts(doc, kind)
    named = set()
    for s in doc.sections:
        named.update(parts_named(s.heading.text, kind))
    return p, found, named, part_table()


def _name(table, pid) -> dict:
    part = table.get(pid)
    return part.name if part else {"zh": pid, "en": pid}


def missing(doc, ctx):
    setup = _setup(doc, ctx)
    if setup is None:
        return
    p, found, named, table = setup
    # NOTE: as for the section kinds: a part is missing beyond doubt only where the text was
    # read past its place (a later part is there, or the closing block)
    reached = max((m.index for m in found), default=0)
    complete = doc.closing is not None
    anchor = doc.sections[-1].heading.span if doc.sections else None
    for i, pid in enumerate(p.parts, 1):
        if pid not in named and (i < reached or complete):
            start, end = (anchor.start, anchor.end) if anchor else first_line(doc)
            yield Hit(start, end, {"part": _name(table, pid), "numeral": cn_numeral(i)},
                      f"{cn_numeral(i)}、{_name(table, pid)['zh']}")


def order(doc, ctx):
    setup = _setup(doc, ctx)
    if setup is None:
        return
    p, found, named, table = setup
    highest = None
    for m in found:
        if highest is not None and m.index < highest.index:
            h = m.section.heading
            yield Hit(h.span.start, h.span.end, {"part": _name(table, m.part), "after": _name(table, highest.part)})
        if highest is None or m.index > highest.index:
            highest = m


def numeral(doc, ctx):
    setup = _setup(doc, ctx)
    if setup is None:
        return
    p, found, named, table = setup
    if [m.part for m in found] != list(p.parts):
        return  # NOTE: a part missing, repeated or out of place: those rules speak
    for m in found:
        h = m.section.heading
        if h.level == 1 and h.number is not None and h.number != m.index:
            want = f"{cn_numeral(m.index)}、"
            yield Hit(h.marker_span.start, h.marker_span.end,
                      {"part": _name(table, m.part), "marker": h.marker, "expected": want}, want)


def _none(doc, ctx):
    return iter(())


PROFILE_REPORTS = {"missing": missing, "order": order, "numeral": numeral, "duplicate": _none, "empty": _none}
