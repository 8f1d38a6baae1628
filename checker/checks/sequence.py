"""sequence: section kinds present, once each, in order.

    check: sequence
    params:
      order: [achievements, problems, next_steps]
      report: order            # order | missing | duplicate | empty

order: a level-1 section whose kind comes before one already seen.
missing: one hit per kind of `order` that has no level-1 section.
duplicate: a kind that heads two level-1 sections.
empty: a section (any level) with no text and no subsections.
Kinds not in `order` (responsibility, other) may stand anywhere.
"""
from __future__ import annotations

from . import CheckType, Param, ParamError, register
from ._kinds import KIND_NAMES
from ..findings import Hit
from ..scope import SECTION_KINDS, first_line


@register
class Sequence(CheckType):
    name = "sequence"
    params = {
        "order": Param((list,), ["achievements", "problems", "next_steps"]),
        "report": Param((str,), "order", choices=("order", "missing", "duplicate", "empty")),
    }

    def prepare(self, params):
        for i, kind in enumerate(params["order"]):
            if kind not in SECTION_KINDS:
                raise ParamError(f"order.{i}", f"unknown section kind {kind!r}")
        return params

    def run(self, doc, p, ctx):
        yield from getattr(self, "_" + p["report"])(doc, p["order"])

    def _order(self, doc, order):
        rank = {k: i for i, k in enumerate(order)}
        highest = -1
        for s in doc.sections:
            r = rank.get(s.kind)
            if r is None:
                continue
            if r < highest:
                after = order[highest]
                yield Hit(s.heading.span.start, s.heading.span.end,
                          {"kind": KIND_NAMES[s.kind], "after": KIND_NAMES[after]})
            highest = max(highest, r)

    def _missing(self, doc, order):
        present = {s.kind for s in doc.sections}
        anchor = doc.sections[-1].heading.span if doc.sections else None
        for kind in order:
            if kind not in present:
                start, end = (anchor.start, anchor.end) if anchor else first_line(doc)
                yield Hit(start, end, {"kind": KIND_NAMES[kind]}, KIND_NAMES[kind]["zh"])

    def _duplicate(self, doc, order):
        seen = set()
        for s in doc.sections:
            if s.kind in order and s.kind in seen:
                yield Hit(s.heading.span.start, s.heading.span.end, {"kind": KIND_NAMES[s.kind]})
            seen.add(s.kind)

    def _empty(self, doc, order):
        for s in doc.walk_sections():
            # a long heading line with no 。 carries its own body text
            if not s.paragraphs and not s.children and len(s.heading.text) <= 40:
                yield Hit(s.heading.span.start, s.heading.span.end, {"heading": s.heading.text})
