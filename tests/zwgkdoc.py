"""Build a 政府信息公开 report as Word (.docx, real Word tables with merged cells) and as PDF
(the tables drawn as grids: long labels wrapped in their cells, the figures of a row on
the middle line of its label, header cells broken over lines), from the text of a report
whose tables are written as | rows (examples/zwgk-*.txt). For tests only (test_zwgk.py).

The mandated tables are laid out as the format prints them: 表三 with its three header
rows (申请人情况 over 自然人, 法人或其他组织 over its five columns, 总计) and its label
columns (三、本年度办理结果 and （三）不予公开 … merged down their sub-rows); 表四 with
行政复议 and 行政诉讼 over their blocks; 表二's four grids in one table under their
第二十条 captions. The figures are the text's.
"""
from __future__ import annotations

import re
from pathlib import Path

NUMBER = re.compile(r"^[-−]?[\d,.]+$")
APPLICANTS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
REVIEW = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


class Cell:
    def __init__(self, text: str, cols: int = 1, rows: int = 1):
        self.text, self.cols, self.rows = text, cols, rows


def blocks(text: str) -> list:
    """[("p", paragraph) | ("t", rows of cell texts)] in order; 第二十条 captions go with
    the table under them."""
    out, rows = [], []
    for line in text.splitlines():
        if line.startswith("|"):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        if rows:
            out.append(("t", rows))
            rows = []
        if line.strip().startswith("第二十条"):
            out.append(("c", line.strip()))
        elif line.strip():
            out.append(("p", line.strip()))
    if rows:
        out.append(("t", rows))
    return _join_items(out)


def _join_items(items: list) -> list:
    """表二: its captioned small tables as one table (a list of (caption, rows))."""
    out = []
    for kind, body in items:
        if kind == "c":
            if out and out[-1][0] == "items" and out[-1][2]:
                out[-1][1].append((body, None))
            else:
                out.append(["items", [(body, None)], True])
        elif kind == "t" and out and out[-1][0] == "items" and out[-1][1][-1][1] is None:
            out[-1][1][-1] = (out[-1][1][-1][0], body)
        else:
            if out and out[-1][0] == "items":
                out[-1][2] = False
            out.append([kind, body, False])
    return [(k, b) for k, b, _ in out]


def layout(kind: str, body) -> list:
    """The table as a grid of Cell | None (covered by a merged cell)."""
    if kind == "items":
        return _items(body)
    flat = [c for r in body for c in r]
    if "本年新收" in "".join(flat):
        return _requests(body)
    if "结果维持" in "".join(flat):
        return _review(body)
    return [[Cell(c) for c in r] for r in body]


def _numbers(row):
    return [c for c in row if c and NUMBER.match(c)]


def _requests(rows) -> list:
    data = [r for r in rows if _numbers(r)]
    width = 3 + 7
    g = [[Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), None, None,
          Cell("申请人情况", 7)] + [None] * 6,
         [None, None, None, Cell("自然人", 1, 2), Cell("法人或其他组织", 5), None, None, None, None,
          Cell("总计", 1, 2)],
         [None, None, None, None] + [Cell(a) for a in APPLICANTS] + [None]]
    paths, last = [], ["", "", ""]
    for r in data:
        labels = [c for c in r[:len(r) - len(_numbers(r))] if c]
        if labels and labels[0][:2] in ("一、", "二、", "三、", "四、"):
            path = labels[:3]
        elif labels and labels[0].startswith("（"):
            path = [last[0]] + labels[:2]
        else:
            path = last[:2] + labels[:1]
        paths.append(path)
        last = (path + ["", "", ""])[:3]
    for i, (r, path) in enumerate(zip(data, paths)):
        row = [None] * width
        for k, label in enumerate(path):
            above = paths[i - 1] if i else []
            if k < len(path) - 1 and len(above) > k and above[k] == label:
                continue  # merged down from the row above
            span_rows = 1
            while k < len(path) - 1 and i + span_rows < len(paths) and len(paths[i + span_rows]) > k + 1 \
                    and paths[i + span_rows][k] == label:
                span_rows += 1
            cols = 3 - k if k == len(path) - 1 else 1
            row[k] = Cell(label, cols, span_rows)
        row[3:] = [Cell(n) for n in _numbers(r)]
        g.append(row)
    return g


def _review(rows) -> list:
    figures = next(_numbers(r) for r in rows if len(_numbers(r)) == 15)
    return [[Cell("行政复议", 5)] + [None] * 4 + [Cell("行政诉讼", 10)] + [None] * 9,
            [Cell(h, 1, 2) for h in REVIEW] + [Cell("未经复议直接起诉", 5)] + [None] * 4
            + [Cell("复议后起诉", 5)] + [None] * 4,
            [None] * 5 + [Cell(h) for h in REVIEW * 2],
            [Cell(n) for n in figures]]


def _items(groups) -> list:
    g = []
    for caption, rows in groups:
        g.append([Cell(caption, 4), None, None, None])
        for r in rows:
            cells = [c for c in r if c]
            if len(cells) == 2:
                g.append([Cell(cells[0]), Cell(cells[1], 3), None, None])
            else:
                g.append([Cell(c) for c in cells])
    return g


# -- Word ---------------------------------------------------------------------------

def docx_report(text: str, out: Path) -> Path:
    import docx
    d = docx.Document()
    for kind, body in blocks(text):
        if kind == "p":
            d.add_paragraph(body)
            continue
        g = layout(kind, body)
        table = d.add_table(rows=len(g), cols=len(g[0]))
        for i, row in enumerate(g):
            for j, c in enumerate(row):
                if c is None:
                    continue
                cell = table.cell(i, j)
                if c.cols > 1 or c.rows > 1:
                    cell = cell.merge(table.cell(i + c.rows - 1, j + c.cols - 1))
                cell.text = c.text
    d.save(out)
    return out


# -- PDF ----------------------------------------------------------------------------

def pdf_report(text: str, out: Path, size: float = 8.0) -> Path:
    """Paragraphs 28 characters a line (GB/T 9704), tables as grids of wrapped cells."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from pdfdoc import FONT, PER_LINE, SIZE
    c = canvas.Canvas(str(out), pagesize=A4)
    width, height = A4
    left, right, top, bottom = 56, width - 56, height - 80, 80
    state = {"y": top, "page": 1}

    def newline(step):
        if state["y"] - step < bottom:
            c.setFont(FONT, 14)
            c.drawCentredString(width / 2, 50, f"— {state['page']} —")
            c.showPage()
            state["page"] += 1
            state["y"] = top
        state["y"] -= step
        return state["y"]

    left_x = (width - PER_LINE * SIZE) / 2
    for kind, body in blocks(text):
        if kind == "p":
            for k, line in enumerate(_wrap(body, PER_LINE * SIZE, FONT, SIZE)):
                y = newline(SIZE * 1.85)
                c.setFont(FONT, SIZE)
                c.drawString(left_x + (2 * SIZE if k == 0 else 0), y, line)
            continue
        # NOTE: a table stands in the type area, as the text does (GB/T 9704: 156 mm)
        _grid(c, layout(kind, body), left_x, left_x + PER_LINE * SIZE, size, newline, FONT)
        newline(size)
    c.setFont(FONT, 14)
    c.drawCentredString(width / 2, 50, f"— {state['page']} —")
    c.showPage()
    c.save()
    return out


_NO_LINE_START = "，。、；：？！）》”’％%"


def _wrap(text: str, width: float, font: str, size: float) -> list:
    """Lines of a paragraph as a typesetter breaks them: by width (a half-width figure
    takes half a character), the first line indented two characters, and no line opening
    with a closing mark (，。）” …: it stays at the end of the line before)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    lines, line, room = [], "", width - 2 * size
    for ch in text:
        if line and stringWidth(line + ch, font, size) > room and ch not in _NO_LINE_START:
            lines.append(line)
            line, room = "", width
        line += ch
    return lines + ([line] if line else [])


def _grid(c, g, left, right, size, newline, font):
    n = len(g[0])
    numeric = [all(r[j] is None or NUMBER.match(r[j].text) for r in g[-1:]) and
               any(r[j] is not None and NUMBER.match(r[j].text) for r in g) for j in range(n)]
    # NOTE: two characters of gap between cells at least, as a typeset table keeps them
    num_w = min(36.0, (right - left) / max(1, sum(numeric)))
    labels = max(1, n - sum(numeric))
    label_w = max(num_w, (right - left - num_w * sum(numeric)) / labels)
    widths = [num_w if numeric[j] else label_w for j in range(n)]
    xs = [left + sum(widths[:j]) for j in range(n)]
    wrapped = {}
    for i, row in enumerate(g):
        for j, cell in enumerate(row):
            if cell is not None:
                per = max(1, int((sum(widths[j:j + cell.cols]) - 6) // size))  # NOTE: the cell's padding
                wrapped[(i, j)] = [cell.text[k:k + per] for k in range(0, len(cell.text), per)] or [""]
    heights = [max([len(wrapped[(i, j)]) for j, cell in enumerate(row) if cell and cell.rows == 1] or [1])
               for i, row in enumerate(g)]
    starts = [sum(heights[:i]) for i in range(len(g))]
    slots: dict = {}
    for (i, j), lines in wrapped.items():
        cell = g[i][j]
        span = sum(heights[i:i + cell.rows])
        first = starts[i] + (span - len(lines)) // 2   # vertically centred in its rows
        for k, line in enumerate(lines):
            slots.setdefault(first + k, []).append((xs[j] + 2, line))
    for s in range(sum(heights)):
        y = newline(size * 1.7)
        c.setFont(font, size)
        for x, line in slots.get(s, ()):
            c.drawString(x, y, line)


# -- a saved web page ------------------------------------------------------------------

def html_report(text: str, out: Path) -> Path:
    """The report as a government site's article page: paragraphs, and the tables as
    HTML tables with colspan and rowspan."""
    import html as h
    parts = ["<html><head><meta charset='utf-8'><title>政府信息公开</title></head><body>",
             "<div class='nav'>首页 &gt; 政务公开 &gt; 年度报告</div><div class='article'>"]
    for kind, body in blocks(text):
        if kind == "p":
            parts.append(f"<p>{h.escape(body)}</p>")
            continue
        rows = []
        for row in layout(kind, body):
            cells = "".join(f"<td colspan='{c.cols}' rowspan='{c.rows}'>{h.escape(c.text)}</td>"
                            for c in row if c is not None)
            rows.append(f"<tr>{cells}</tr>")
        parts.append("<table border='1'>" + "".join(rows) + "</table>")
    parts.append("</div></body></html>")
    out.write_text("\n".join(parts), encoding="utf-8")
    return out
