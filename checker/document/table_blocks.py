"""Tables in a report: rows of cells copied from Word or a web page.

The grammar marks lines with | or tab separators as rows; here consecutive
rows (two or more) become a Table, and runs of aligned-column lines (cells
split by two or more spaces, the same number of cells on every line, no
sentence punctuation) are recognised too. A lone row is plain text.
"""
from __future__ import annotations

import re

from checker.document.model import Cell, Line, LineIndex, Paragraph, Table

_PIPE = re.compile(r"[|｜]")
_TAB = re.compile(r"\t")
_TABS = re.compile(r"\t+")
_ALIGNED = re.compile(r"[ \u3000\u00a0]{2,}")
_SEPARATOR = re.compile(r"^:?-{2,}:?$")
_CAPTION = re.compile(r"表\s*\d|下表|如下表|见表|统计表|情况如下|单位[:：]|如下[:：]?$|[:：]$")
_UNIT = re.compile(r"单位[:：]\s*([^\s，,。）)]+)")
_SPACE = " \t\u3000\u00a0"
_NUMERIC = re.compile(r"^[\d０-９.,，．%％\s万亿件起宗项人次个家条份部名户元—\-/]*$")


def _cells(line: Line, index: LineIndex, splitter) -> list[Cell] | None:
    text, base = line.text, line.span.start
    cells, pos = [], 0
    for m in list(splitter.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        raw = text[pos:end]
        stripped = raw.strip(" \t\u3000\u00a0")
        lead = len(raw) - len(raw.lstrip(" \t\u3000\u00a0"))
        cells.append(Cell(stripped, index.span(base + pos + lead, base + pos + lead + len(stripped))))
        pos = m.end() if m else pos
    if splitter is _PIPE:  # | a | b |  → drop the empty edge cells
        if cells and not cells[0].text:
            cells = cells[1:]
        if cells and not cells[-1].text:
            cells = cells[:-1]
    return cells


def _row(line: Line, index: LineIndex, tabs=_TAB):
    splitter = _PIPE if _PIPE.search(line.text) else tabs
    cells = _cells(line, index, splitter)
    return cells if len(cells) >= 2 else None


def _aligned(line: Line, index: LineIndex):
    body = line.text.strip(" \t\u3000\u00a0")
    if not body or "。" in body or len(body) > 120:
        return None
    cells = _cells(line, index, _ALIGNED)
    cells = [c for c in cells if c.text]
    return cells if len(cells) >= 3 else None


def group(lines: list, index: LineIndex) -> list:
    """Replace runs of row lines by Table objects; other lines pass through."""
    out: list = []
    i = 0
    while i < len(lines):
        run, j = _take(lines, i, index)
        if len(run) >= 2:
            rows = tuple(tuple(r) for r in run if not all(_SEPARATOR.match(c.text) for c in r))
            out.append(_table(rows, lines[i], lines[j - 1], out, index))
            i = j
            continue
        line = lines[i]
        out.append(line if line.kind != "row" else Line("text", line.span, line._source))
        i += 1
    return out


def _take(lines, i, index):
    """The longest run of rows starting at i (pipe/tab rows, or aligned lines)."""
    first = lines[i]
    if _is_row(first):
        run, j = [], i
        while j < len(lines) and _is_row(lines[j]):
            cells = _row(lines[j], index)
            if cells is None:
                break
            run.append(cells)
            j += 1
        if _tab_splitter(lines[i:j], index) is _TABS:
            run = [_row(line, index, _TABS) for line in lines[i:j]]
        return run, j
    if first.kind != "text":
        return [], i + 1
    run, j, width = [], i, None
    while j < len(lines) and lines[j].kind == "text":
        cells = _aligned(lines[j], index)
        if cells is None or (width is not None and len(cells) != width):
            break
        width = len(cells)
        run.append(cells)
        j += 1
    return run, j


def _tab_splitter(rows: list, index: LineIndex):
    """One tab per cell (Word and web tables: an empty cell is two tabs in a row),
    unless only runs of tabs give every row the same width (tabs typed to align)."""
    # NOTE: splitting on runs of tabs would drop empty cells and shift the
    # columns after them, so a sum or a share would read the wrong cell.
    tab_rows = [r.text for r in rows if not _PIPE.search(r.text)]
    if len({t.count("\t") for t in tab_rows}) <= 1:
        return _TAB
    if len({len(_TABS.findall(t)) for t in tab_rows}) == 1:
        return _TABS
    return _TAB


def _is_row(line: Line) -> bool:
    """A row of the grammar, or a two-cell row with a single | (类别 | 数量), which
    the grammar leaves as text because one | alone may be prose."""
    return line.kind == "row" or (line.kind == "text" and len(_PIPE.findall(line.text)) == 1
                                  and "。" not in line.text)


def _table(rows, first: Line, last: Line, before: list, index: LineIndex) -> Table:
    caption = None
    if before and isinstance(before[-1], Line) and before[-1].kind in ("text", "heading") \
            and _CAPTION.search(before[-1].text):
        prev = before[-1]
        text = prev.text.strip(_SPACE)
        lead = len(prev.text) - len(prev.text.lstrip(_SPACE))
        caption = Paragraph(text, index.span(prev.span.start + lead, prev.span.start + lead + len(text)))
    unit = None
    for source in ([caption.text] if caption else []) + [c.text for c in rows[0]]:
        m = _UNIT.search(source)
        if m:
            unit = m.group(1)
            break
    header_row = bool(rows) and sum(1 for c in rows[0][1:] if not _NUMERIC.match(c.text)) > len(rows[0][1:]) / 2
    header_col = all(not _NUMERIC.match(r[0].text) for r in rows[1:] if r)
    return Table(rows=rows, span=index.span(first.span.start, last.span.end), caption=caption,
                 header_row=header_row, header_column=header_col, unit=unit)
