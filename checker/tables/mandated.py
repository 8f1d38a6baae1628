"""The tables a report's format mandates, read by their labels (the 政务公开 tables).

A copy of a table keeps its cells in reading order but little else: Word gives tab rows
with empty cells where cells were merged, a web page gives | rows or one cell a line, a
PDF gives rows of wide gaps with header cells and long row labels broken over several
lines (and the numbers of a row on the middle one). So the cells of the part a table
stands in are read as one stream of *tokens* (checker.tables.tokens) and the grid is
rebuilt from the labels the format defines (rules/data/zwgk-tables.yaml):

* the header (the labels before the first row label) gives the order of the columns
  when it names each of them whole: each column by the first place its label stands, a
  group of columns (法人或其他组织) where its own label or its first member stands, its
  members in their own order; a header broken over lines (a PDF's 商业 / 企业) cannot
  tell its order, and the format's is taken;
* a row is a run of figures, one per column, and the row whose label stands around it:
  the rows come in the format's order, and a label begins at or above its figures' line
  (checker.tables.mandated_rows; a group label such as 三、本年度办理结果 or （三）不予公开
  stands only before its first sub-row; a label broken over lines is read on);
* a run of numbers of the wrong length, or a row named twice with other numbers, is
  not read: the identities it is in are not judged.

`grids(doc, kind)` returns a Grid per mandated table found: the cells by (row, column),
the rows and columns found, and the source lines (so that the generic table checks
leave these tables to the mandated ones). Nothing here judges a figure.
"""
from __future__ import annotations

from functools import lru_cache

from checker.tables.mandated_grid import Cell, Grid  # noqa: F401  (the records callers read)
from checker.tables.mandated_rows import read_rows
from checker.tables.mandated_small import read_review, read_small
from checker.tables.tokens import tokens_in


@lru_cache(maxsize=4)
def specs(name: str) -> dict:
    from checker.resources import vocab_path
    from checker.yamlio import load_yaml_file
    return load_yaml_file(vocab_path(name)).data or {}


def grids(doc, kind: str) -> dict:
    """{table id: Grid} for the mandated tables of `kind`'s profile found in `doc`."""
    return doc.memo(f"tables.mandated.{kind}", lambda: _grids(doc, kind))


def _grids(doc, kind: str) -> dict:
    from checker.document.profiles import parts, profile
    p = profile(kind)
    if p is None or not p.tables:
        return {}
    found = parts(doc, kind)
    out = {}
    for tid, spec in specs(p.tables).items():
        if not isinstance(spec, dict) or spec.get("layout") not in _LAYOUTS:
            continue  # NOTE: the file's other sections (text, shares) are not tables
        start, end = _region(doc, found, spec.get("part"))
        grid = _LAYOUTS[spec["layout"]](tid, spec, tokens_in(doc, start, end))
        if grid is not None and (grid.cells or grid.loose or grid.outdated):
            out[tid] = grid
    return out


def _region(doc, found, part: str | None) -> tuple[int, int]:
    """The text of a part: from its heading to the next part's (or the closing); the whole
    body when the report names no such part."""
    end_of_body = doc.closing.span.start if doc.closing is not None else len(doc.text)
    for i, m in enumerate(found):
        if m.part == part:
            nxt = found[i + 1].section.span.start if i + 1 < len(found) else end_of_body
            return m.section.heading.span.end, max(m.section.heading.span.end, nxt)
    return 0, end_of_body


# -- labels ----------------------------------------------------------------------


_LAYOUTS = {"rows": read_rows, "blocks": read_review, "items": read_small}
