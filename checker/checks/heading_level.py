"""heading-level: the levels 一、 -> (一) -> 1. -> (1) used in order (GB/T 9704-2012 7.3.3).

    check: heading-level
    params: {report: skipped}        # skipped | misplaced

skipped: a heading two or more levels below its parent, `1.` directly under
`一、` with no `(一)` between. One hit per such group of siblings, at the
first; expected is the marker of the level that was skipped. NOTE: no fix:
relabelling the group changes the section tree, which --fix never does
(checker.fixer refuses it), and the deeper levels below would need it too.
misplaced: a deeper heading standing at the top level before the first
`一、`, `(一)` ahead of the report's first part. NOTE: conservative: only
when the document numbers at least two top-level parts with 一、 (a report
whose only headings are (一)(二) is well formed); one hit per run of such
headings; no fix, since the heading needs a parent or a new number, which
only the author can decide.
Message arguments: marker, expected, parent (the parent's marker, or "").
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.checks._numbering import document_width, marker, short, sibling_groups
from checker.findings import Hit


@register
class HeadingLevel(CheckType):
    name = "heading-level"
    reports = ("skipped", "misplaced")

    def run(self, doc, p, ctx):
        width = document_width(doc)
        if p["report"] == "skipped":
            yield from _skipped(doc, width)
        else:
            yield from _misplaced(doc, width)


def _skipped(doc, width):
    for group in sibling_groups(doc):
        if group.parent is None or group.level <= group.parent.level + 1:
            continue
        first = group.headings[0]
        expected = marker(group.parent.level + 1, first.number or 1, width)
        yield Hit(first.marker_span.start, first.marker_span.end,
                  {"marker": first.marker, "expected": expected, "parent": group.parent.marker,
                   "heading": short(first.text)},
                  expected)


def _misplaced(doc, width):
    roots = [s.heading for s in doc.sections]
    tops = [i for i, h in enumerate(roots) if h.level == 1]
    if len(tops) < 2:
        return
    before = roots[:tops[0]]
    if not before:
        return
    first = before[0]
    expected = marker(1, first.number or 1, width)
    yield Hit(first.marker_span.start, first.marker_span.end,
              {"marker": first.marker, "expected": expected, "parent": "",
               "heading": short(first.text), "count": len(before)},
              expected)
