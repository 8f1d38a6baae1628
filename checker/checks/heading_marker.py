"""heading-marker: a heading whose marker lost its numeral or has the wrong delimiter.

    check: heading-marker
    params: {report: missing-numeral}     # missing-numeral | wrong-delimiter

missing-numeral: `()领导干部…`, `（）…`, `、存在的问题`. The numeral that
belongs there is computed from the heading's place among its siblings
(`() () (三)` under one parent -> (一), (二)), so `expected` is the whole
marker, e.g. "(二)" or "二、", and the fix writes it in.
wrong-delimiter: `一.` `一，` `(一)、` `1、` `1，` `(1)、`; expected is the
marker of the same level and numeral as GB/T 9704-2012 prints it.
Bracketed markers keep the bracket width most of the document's headings use.
Message arguments: marker, expected, heading (the heading text, shortened).
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.checks._numbering import document_width, marker, short, sibling_groups, walk
from checker.findings import Hit


@register
class HeadingMarker(CheckType):
    name = "heading-marker"
    reports = ("missing-numeral", "wrong-delimiter")

    def run(self, doc, p, ctx):
        width = document_width(doc)
        if p["report"] == "missing-numeral":
            yield from _missing(doc, width)
        else:
            yield from _wrong_delimiter(doc, width)


def _missing(doc, width):
    for group in sibling_groups(doc):
        if not any(h.malformed == "missing-numeral" for h in group.headings):
            continue
        for br in walk(group.numbers, group.start):
            if br.kind != "missing":
                continue
            h = group.headings[br.index]
            yield _hit(h, marker(h.level, br.expected, width))


def _wrong_delimiter(doc, width):
    for h in doc.headings:
        if h.malformed == "wrong-delimiter" and h.number is not None:
            yield _hit(h, marker(h.level, h.number, width))


def _hit(h, expected: str) -> Hit:
    span = h.marker_span
    return Hit(span.start, span.end,
               {"marker": h.marker, "expected": expected, "heading": short(h.text)},
               expected, ((span.start, span.end, expected),))
