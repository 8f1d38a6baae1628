"""Helpers shared by the table check types (table-*): their base class, spans and labels of cells."""
from __future__ import annotations

from checker.checks import CheckType


class TableCheck(CheckType):
    """Base of the table-* types: `hits` looks at one table's analysis; the base walks
    every table of the document and drops a cell judged twice (once per view). The
    analysis reads the figures of the text around each table, so every table type
    declares the language views."""
    needs = ("sentences", "quantities")

    def run(self, doc, p, ctx):
        if not doc.tables:
            return
        from checker.tables.context import analyses  # NOTE: lazy, so loading the registry stays cheap
        yield from once(hit for analysis in analyses(doc) for hit in self.hits(doc, analysis, p))

    def hits(self, doc, analysis, p):
        raise NotImplementedError


def cell_span(cells) -> tuple[int, int]:
    """(start, end) from the first to the last of `cells` (GridCells or Cells)."""
    spans = [getattr(c, "cell", c).span for c in cells if c is not None]
    return min(s.start for s in spans), max(s.end for s in spans)


def label_of(text: str, fallback: str = "") -> str:
    return text.strip() or fallback


def once(hits):
    """Drop a second hit on the same span (a cell judged in both views of a table)."""
    seen = set()
    for hit in hits:
        key = (hit.start, hit.end)
        if key not in seen:
            seen.add(key)
            yield hit
