"""A table seen two ways: rows as lines, and columns as lines.

A *line* is a row or a column that holds one measure (数量, 占比, 受理数);
its *positions* are the categories along it (行政处罚, 信息公开, 合计).
Categories across the top (数量 is a row, 合计 a column) and categories
down the side (数量 is a column, 合计 a row) are the same thing read in the
two directions, so every check is written once, over lines and positions,
and runs on both views:

    申请事项 | 处罚 | 公开 | 合计          类别 | 数量 | 占比
    数量     | 60   | 40   | 100           处罚 | 60   | 60%
    占比     | 60%  | 40%  | 100%          公开 | 40   | 40%
                                           合计 | 100  | 100%
    rows view: line 数量, positions         columns view: line 数量,
    处罚, 公开, 合计(total)                  positions 处罚, 公开, 合计(total)

Leading rows whose cells are mostly words are header rows; leading columns
of words (or a 序号 column) are label columns. A line's role comes from its
label (合计 total, 占比 share, 其中 part-of, …率 rate) or, for a plain label,
from its cells: all counts make a count line.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.document.model import Cell, Table
from checker.figures.quantities import unit_family
from checker.tables.values import CellValue, bare_label, header_unit, label_role, looks_like_year, read_cell

_SERIAL = ("序号", "编号", "序", "排名", "名次")


@dataclass(frozen=True)
class GridCell:
    cell: Cell
    value: CellValue


@dataclass(frozen=True)
class Position:
    index: int
    label: str
    role: str                  # total | subtotal | part-of | share | rate | plain


@dataclass(frozen=True)
class TLine:
    index: int
    label: str
    label_cell: Cell | None
    role: str                  # count | share | total | subtotal | part-of | rate | other
    cells: dict = field(compare=False)   # position index -> GridCell
    unit: str = ""             # unit family of its counts ("" when unknown)

    def at(self, position: "Position") -> GridCell | None:
        return self.cells.get(position.index)


@dataclass(frozen=True)
class View:
    table: Table
    transposed: bool           # False: rows are lines; True: columns are lines
    positions: tuple
    lines: tuple

    def count_lines(self) -> list[TLine]:
        return [ln for ln in self.lines if ln.role == "count"]


def views(table: Table) -> tuple[View, View] | tuple:
    """(rows as lines, columns as lines), or () for a table without labels."""
    grid = _grid(table)
    if not grid or len(grid) < 2:
        return ()
    header_rows = _header_rows(grid)
    label_cols = _label_cols(grid, header_rows)
    grid = _realign_totals(table, grid, label_cols)
    width = len(grid[0])
    if header_rows >= len(grid) or label_cols >= width or (header_rows == 0 and label_cols == 0):
        return ()
    # NOTE: a header row shorter than the table held merged cells (a .docx group
    # heading over two columns): its cells no longer stand over their columns,
    # so only full header rows name the columns, when there are any.
    full = [r for r in range(header_rows) if len(table.rows[r]) == width] or list(range(header_rows))
    col_labels = [_join(grid[r][c] for r in full) or _short_label(table, grid, header_rows, c)
                  for c in range(width)]
    row_labels = [_join(grid[r][c] for c in range(label_cols)
                        if not (_serial_col(grid, c) and grid[r][c] is not None and _raw(grid[r][c]).numeric))
                  for r in range(len(grid))]
    values = _values(table, grid, header_rows, label_cols, row_labels, col_labels)
    rows_view = _view(table, False, range(header_rows, len(grid)), range(label_cols, width),
                      row_labels, col_labels, lambda ln, pos: values.get((ln, pos)),
                      lambda r: _first_cell(grid[r][c] for c in range(label_cols)))
    cols_view = _view(table, True, range(label_cols, width), range(header_rows, len(grid)),
                      col_labels, row_labels, lambda ln, pos: values.get((pos, ln)),
                      lambda c: _first_cell(grid[r][c] for r in range(header_rows)))
    return rows_view, cols_view


# -- the rectangle ------------------------------------------------------------

def _grid(table: Table) -> list[list]:
    width = table.n_columns
    return [list(row) + [None] * (width - len(row)) for row in table.rows]


def _raw(cell: Cell | None) -> CellValue | None:
    return None if cell is None else read_cell(cell.text)


def _is_label_run(cells, header: bool = False) -> bool:
    """Mostly words: a header row or a label column."""
    numeric = text = 0
    for cell in cells:
        v = _raw(cell)
        if v is None or v.kind in ("empty", "dash"):
            continue
        if v.numeric and not (header and looks_like_year(cell.text)):
            numeric += 1
        else:
            text += 1
    return text > 0 and numeric < text


def _header_rows(grid) -> int:
    n = 0
    while n < len(grid) - 1 and _is_label_run(grid[n][1:], header=True):
        n += 1
    return n


def _label_cols(grid, header_rows: int = 1) -> int:
    """Leading columns of words (or a 序号 column), judged below the header rows: a
    header of several rows (行政复议 | 行政诉讼 over 结果维持 … 总计) is words in every
    column, and would make the first column of figures a label column."""
    width, n = len(grid[0]), 0
    body = grid[max(1, header_rows):] or grid[1:]
    while n < width - 1 and (_serial_col(grid, n) or _is_label_run(row[n] for row in body)):
        n += 1
    return n


def _serial_col(grid, c: int) -> bool:
    head = grid[0][c]
    return head is not None and bare_label(head.text) in _SERIAL


def _realign_totals(table: Table, grid, label_cols: int):
    """A 合计 cell merged across the label columns leaves its row short: shift it right."""
    out = []
    for original, row in zip(table.rows, grid):
        shift = len(row) - len(original)
        if 0 < shift <= label_cols - 1 and original and label_role(original[0].text) in ("total", "subtotal"):
            row = [original[0]] + [None] * shift + list(original[1:])
        out.append(row)
    return out


def _join(cells) -> str:
    seen = []
    for cell in cells:
        if cell is not None and cell.text and cell.text not in seen:
            seen.append(cell.text)
    return "".join(seen)


def _short_label(table: Table, grid, header_rows: int, c: int) -> str:
    """A column the full header rows leave unnamed (the lower part of a merged cell:
    行政复议's 结果维持 … stand in the row above the full one) takes the cell of a shorter
    header row that stands at its place, its cells before that place being aligned."""
    for r in range(header_rows - 1, -1, -1):
        row = table.rows[r]
        if c < len(row) and row[c].text:
            return row[c].text
    return ""


def _first_cell(cells) -> Cell | None:
    return next((c for c in cells if c is not None and c.text), None)


def _values(table, grid, header_rows, label_cols, row_labels, col_labels) -> dict:
    """(row, column) -> GridCell for the data area, read with the unit of its headers."""
    row_units = [_label_unit(label) for label in row_labels]
    col_units = [_label_unit(label) for label in col_labels]
    default = table.unit if table.unit != "%" else None
    out = {}
    for r in range(header_rows, len(grid)):
        for c in range(label_cols, len(grid[0])):
            cell = grid[r][c]
            if cell is not None:
                units = (row_units[r], col_units[c])
                hint = "%" if "%" in units else units[0] or units[1] or default
                out[(r, c)] = GridCell(cell, read_cell(cell.text, hint))
    return out


def _label_unit(label: str) -> str | None:
    """The unit a row or column label gives its cells; "%" for a share label."""
    unit = header_unit(label)
    return "%" if unit == "%" or label_role(label) == "share" else unit


# -- lines and positions --------------------------------------------------------

def _view(table, transposed, line_range, pos_range, line_labels, pos_labels, value_at, label_cell) -> View:
    positions = tuple(Position(p, pos_labels[p], label_role(pos_labels[p])) for p in pos_range)
    lines = []
    for ln in line_range:
        cells = {p.index: value_at(ln, p.index) for p in positions if value_at(ln, p.index) is not None}
        label = line_labels[ln]
        lines.append(TLine(ln, label, label_cell(ln), _line_role(label, cells, positions), cells,
                           _unit(table, label, cells)))
    return View(table, transposed, positions, tuple(lines))


def _line_role(label: str, cells: dict, positions) -> str:
    role = label_role(label)
    if role in ("total", "subtotal", "share", "rate"):
        return role
    kinds = {cells[p.index].value.kind for p in positions
             if p.role in ("plain", "part-of", "total", "subtotal") and p.index in cells}
    if "number" in kinds and not kinds & {"percent", "text"}:
        return "part-of" if role == "part-of" else "count"
    if kinds == {"percent"} and header_unit(label) == "%":
        return "share"
    return "other"


def _unit(table: Table, label: str, cells: dict) -> str:
    for gc in cells.values():
        if gc.value.kind == "number" and gc.value.unit:
            return unit_family(gc.value.unit)
    unit = header_unit(label) or table.unit
    return unit_family(unit) if unit and unit != "%" else ""
