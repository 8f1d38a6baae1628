"""heading-sequence: sibling headings numbered in sequence, restarting under each parent.

    check: heading-sequence
    params: {report: gap}        # gap | repeat | start | order

gap: 一、二、四、 (expected 三、). repeat: (二)(二) (expected (三)).
start: a sequence that begins elsewhere than 一/1 (expected 一 or 1).
order: numerals out of order, (一)(三)(二) (expected (二)).
Every level is judged on its own siblings: the (一)(二) under 二、 start
again at (一). A heading whose numeral is missing takes the number after
its predecessor and is reported by heading-marker, not here, so `()` `()`
`(三)` gives no gap. `expected` is the full marker; the fixes rewrite this
marker and, when the printed sequence carries on from it (一二四五),
the siblings after it, so that one --fix pass leaves a clean sequence.
Message arguments: marker, expected, previous (the marker before it, or
"" at the start), heading.
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.checks._numbering import document_width, marker, short, sibling_groups, walk
from checker.findings import Hit


@register
class HeadingSequence(CheckType):
    name = "heading-sequence"
    reports = ("gap", "repeat", "start", "order")

    def run(self, doc, p, ctx):
        width = document_width(doc)
        for group in sibling_groups(doc):
            hs = group.headings
            for br in walk(group.numbers, group.start):
                if br.kind != p["report"]:
                    continue
                h = hs[br.index]
                expected = marker(h.level, br.expected, width)
                fixes = tuple((hs[j].marker_span.start, hs[j].marker_span.end, marker(h.level, num, width))
                              for j, num in br.renumber if hs[j].marker != marker(h.level, num, width))
                previous = marker(h.level, br.previous, width) if br.previous else ""
                yield Hit(h.marker_span.start, h.marker_span.end,
                          {"marker": h.marker, "expected": expected, "previous": previous,
                           "heading": short(h.text)},
                          expected, fixes)
