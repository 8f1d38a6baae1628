"""Tables in a report: rows of cells copied from Word or a web page.

The grammar marks lines with | or tab separators as rows; here consecutive
rows (two or more) become a Table, and runs of aligned-column lines (cells
split by two or more spaces, the same number of cells on every line, no
sentence punctuation) are recognised too. A lone row is plain text.

Two more shapes copies take:

* one cell a line (a web page's table copied as text): each cell on its own line
  followed by | (信息内容 |), or a cell line and a line of | after it; lines of
  two or more | alone end a row when the copy has them, and otherwise the rows
  are not known: the whole block is one row of cells (the mandated tables are read
  by their labels, checker.tables.mandated; a generic table check needs rows);
* a row label or header cell broken over lines (a PDF: the numbers of a row on
  one line of its label): a short line without sentence punctuation between two
  rows of a table is one more row of it, so it is not read as a heading.
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


_PIPES_ONLY = re.compile(r"^\s*[|｜][\s|｜]*$")  # NOTE: not [\s|｜]*[|｜][\s|｜]*: quadratic on a long run of |
_CELL_PIPE = re.compile(r"^[ \t\u3000\u00a0]*([^|｜\r\n]{1,60}?)[ \t\u3000\u00a0]*[|｜][\s|｜]*$")
_SENTENCE = re.compile(r"[。；;！？]")
_STREAM_MIN = 6        # cells of a one-cell-a-line table
_CONTINUATION = 24     # characters of a broken label line between two rows


def _stream(lines, i: int, index: LineIndex):
    """(rows, end) of a one-cell-a-line table starting at i, or None."""
    cells, rows, j, pipes = [], [], i, 0
    while j < len(lines):
        line = lines[j]
        text = line.text
        if line.kind not in ("text", "heading", "row"):
            break
        if _PIPES_ONLY.match(text):
            pipes += 1
            if len(_PIPE.findall(text)) >= 2 and cells:
                rows.append(cells)
                cells = []
            j += 1
            continue
        m = _CELL_PIPE.match(text)
        if m is not None:
            if _SENTENCE.search(m.group(1)):
                break
            pipes += 1
            start = line.span.start + m.start(1)
            cells.append(Cell(m.group(1), index.span(start, start + len(m.group(1)))))
            j += 1
            continue
        # NOTE: a cell on lines of its own, then a line of | (a header cell broken over
        # lines, 商业 / 企业, is one cell)
        k = j
        while k < len(lines) and k - j < 3 and lines[k].kind in ("text", "heading") \
                and not _PIPE.search(lines[k].text) and 0 < len(lines[k].text.strip(_SPACE)) <= 60 \
                and not _SENTENCE.search(lines[k].text):
            k += 1
        if k == j or (k < len(lines) and not _PIPES_ONLY.match(lines[k].text)):
            break
        if k >= len(lines) and (k - j > 1 or not (cells or rows)):
            break  # NOTE: only the last cell of a text cut short stands without its |
        first, last = lines[j], lines[k - 1]
        lead = len(first.text) - len(first.text.lstrip(_SPACE))
        end = last.span.start + len(last.text.rstrip(_SPACE))
        body = "".join(lines[n].text.strip(_SPACE) for n in range(j, k))
        cells.append(Cell(body, index.span(first.span.start + lead, end)))
        j = k
    if cells:
        rows.append(cells)
    if sum(len(r) for r in rows) < _STREAM_MIN or pipes < 3:
        return None
    return [r for r in rows if r], j


def _continues(lines, j: int, index: LineIndex) -> int:
    """How many lines from j are a label broken over lines between two rows (0: none)."""
    k = j
    while k < len(lines) and k - j < 4:
        line = lines[k]
        body = line.text.strip(_SPACE)
        # NOTE: a group label set beside another cell's broken line may share its line
        # (三、本年度办理结果      行制作): the characters, not the gap, are counted
        chars = len(_ALIGNED.sub("", body))
        if line.kind not in ("text", "heading") or not body or chars > _CONTINUATION \
                or len(_ALIGNED.findall(body)) > 1 or _SENTENCE.search(body) or _CAPTION.search(body) \
                or _PIPE.search(body) or (line.kind == "heading" and _names_a_part(body)):
            break
        k += 1
    if k == j or k >= len(lines) or not _is_row(lines[k]):
        return 0
    above = _row(lines[j - 1], index)
    below = max((len(r) for r in (_row(ln, index) for ln in lines[k:k + 4] if _is_row(ln)) if r), default=0)
    # NOTE: a label broken inside a table has rows of about one width around it (a row of
    # label fragments, 理 | 期未按收费通, aside); a line between two tables of other widths
    # is the next table's heading
    return k - j if above and below and abs(len(above) - below) <= 2 else 0


def _names_a_part(text: str) -> bool:
    """Does a heading name a part of a report (主要工作, 存在的问题, 收到和处理政府信息公开申请
    情况 …: sections.yaml), rather than a table's row label (三、本年度办理结果)?"""
    from checker.document.outline import classify  # NOTE: lazy: the outline imports this module
    from checker.document.profiles import profiles, parts_named
    return classify(text) != "other" or any(parts_named(text, k) for k in profiles())


_LAYOUT_SPACE = re.compile(r"[\u4e00-\u9fff）)](?: |\u00a0){1,}[\u4e00-\u9fff（(]|\S[ \u3000\u00a0]{2,}\S")
_ALIGNED_OR_SPACE = re.compile(r"[ \u3000\u00a0]+")


def _header_lines(out: list) -> list:
    """The lines just above a table that are its header broken over lines by a PDF (cells
    of the header set one or more spaces apart: 加第四项之和） 自然人 商业企 科研机): at most
    four, each without sentence punctuation and not a heading or a caption."""
    head = []
    for line in reversed(out):
        if not isinstance(line, Line) or line.kind != "text" or len(head) >= 4:
            break
        body = line.text.strip(_SPACE)
        if not body or len(body) > 60 or _SENTENCE.search(body) or _CAPTION.search(body) \
                or not _LAYOUT_SPACE.search(body):
            break
        head.insert(0, line)
    return head


def _one_cell(line: Line, index: LineIndex) -> list:
    body = line.text.strip(_SPACE)
    lead = len(line.text) - len(line.text.lstrip(_SPACE))
    return [Cell(body, index.span(line.span.start + lead, line.span.start + lead + len(body)))]


def group(lines: list, index: LineIndex) -> list:
    """Replace runs of row lines by Table objects; other lines pass through."""
    out: list = []
    # NOTE: a one-cell-a-line table has a | within its first lines: other lines are not tried
    piped = [_PIPE.search(line.text) is not None for line in lines]
    i = 0
    while i < len(lines):
        stream = _stream(lines, i, index) if lines[i].kind in ("text", "heading", "row") \
            and any(piped[i:i + 4]) else None
        if stream is not None:
            rows, j = stream
            out.append(_table(tuple(tuple(r) for r in rows), lines[i], lines[j - 1], out, index))
            i = j
            continue
        run, j = _take(lines, i, index)
        if len(run) >= 2:
            head = _header_lines(out) if _is_row(lines[i]) else []
            if head:
                del out[len(out) - len(head):]
                run = [[c for c in _cells(h, index, _ALIGNED_OR_SPACE) if c.text] for h in head] + run
            rows = tuple(tuple(r) for r in run if not all(_SEPARATOR.match(c.text) for c in r))
            out.append(_table(rows, head[0] if head else lines[i], lines[j - 1], out, index))
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
        run, j, kept = [], i, []
        while j < len(lines):
            if not _is_row(lines[j]):
                n = _continues(lines, j, index) if run else 0
                if not n:
                    break
                run += [_one_cell(lines[k], index) for k in range(j, j + n)]
                j += n
                continue
            cells = _row(lines[j], index)
            if cells is None:
                break
            run.append(cells)
            kept.append(j)
            j += 1
        if _tab_splitter([lines[k] for k in kept], index) is _TABS:
            run = [_row(lines[k], index, _TABS) if k in kept else _one_cell(lines[k], index) for k in range(i, j)]
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
