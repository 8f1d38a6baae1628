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
        mandated = mandated_spans(doc, ctx)
        yield from once(hit for analysis in analyses(doc) if not _within(analysis.table.span, mandated)
                        for hit in self.hits(doc, analysis, p))

    def hits(self, doc, analysis, p):
        raise NotImplementedError


def mandated_spans(doc, ctx) -> tuple:
    """(start, end) of the tables the report kind's format mandates (the 政务公开 tables),
    which their own rules judge by their labels (checker.tables.mandated): the generic
    table rules leave them alone (their group headers and merged label cells are not a
    generic table's rows and columns)."""
    from checker.document.profiles import profile
    p = profile(ctx.report_kind(doc) if ctx is not None else doc.report_kind)
    if p is None or not p.tables:
        return ()
    from checker.tables.mandated import grids
    return tuple(span for g in grids(doc, p.id).values() for span in g.lines)


def _within(span, spans) -> bool:
    return any(span.start < end and start < span.end for start, end in spans)


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
