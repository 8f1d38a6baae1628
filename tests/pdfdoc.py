"""Typeset a report as a PDF the way Chinese official documents are laid out (GB/T 9704:
28 characters a line, 22 lines a page, paragraphs indented two characters, the page
number as — N — in the footer), with reportlab's built-in CJK font. For tests only."""
from __future__ import annotations

from pathlib import Path

import pytest

reportlab = pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
PER_LINE, PER_PAGE, SIZE = 28, 22, 15.6  # 28 × 15.6 pt ≈ 156 mm, the type area's width


def typeset(text: str, out: Path, header: str | None = None, table: list[list[str]] | None = None,
            indent: bool = True, encrypt: str | None = None) -> Path:
    """Lay `text` out (one paragraph per non-blank line) and write the PDF to `out`."""
    lines: list[tuple[int, str]] = []  # (indent in characters, text)
    for para in text.splitlines():
        para = para.strip(" \u3000")
        if not para:
            continue
        first, width = (2, PER_LINE - 2) if indent else (0, PER_LINE)
        while para:
            lines.append((first, para[:width]))
            para, first, width = para[width:], 0, PER_LINE
    c = canvas.Canvas(str(out), pagesize=A4, encrypt=encrypt)
    width, height = A4
    left, top = (width - PER_LINE * SIZE) / 2, height - 110
    pages = [lines[i:i + PER_PAGE] for i in range(0, len(lines), PER_PAGE)] or [[]]
    for n, page in enumerate(pages, 1):
        if header:
            c.setFont(FONT, 10.5)
            c.drawString(left, height - 70, header)
        c.setFont(FONT, SIZE)
        y = top
        for ind, line in page:
            c.drawString(left + ind * SIZE, y, line)
            y -= 28.9
        if table and n == len(pages):
            y -= 10
            for row in table:
                x = left
                for cell in row:
                    c.drawString(x, y, cell)
                    x += 7 * SIZE
                y -= 28.9
        c.setFont(FONT, 14)
        c.drawCentredString(width / 2, 50, f"— {n} —")
        c.showPage()
    c.save()
    return out
