"""Cut report text into lines and highlight segments.

Findings may overlap in any way (nested, crossing, identical, empty), which
HTML elements cannot: so the text is cut at every finding boundary and every
line end, and each piece records which findings cover it. A piece covered by
nothing is plain text; a covered piece becomes one <mark> listing its
findings. Every finding also gets a marker at its start offset, so even an
empty span, or one that covers only a line break, is shown and can be
scrolled to.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    covers: tuple[int, ...]          # indexes of the findings covering this piece


@dataclass
class TextLine:
    number: int                      # 1-based, as in Finding.line
    start: int
    end: int                         # end of the line's text, before its line break
    items: list = field(default_factory=list)   # ("marker", i) and ("piece", Piece), in order


def line_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line; \\r\\n, \\r and \\n end lines (as checker.document.model.LineIndex)."""
    bounds, start, i, n = [], 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "\r\n":
            bounds.append((start, i))
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            start = i + 1
        i += 1
    bounds.append((start, n))
    return bounds


def _events(spans):
    """Offsets where findings start or end, with the findings doing so."""
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(spans):
        starts.setdefault(a, []).append(i)
        if b > a:
            ends.setdefault(b, []).append(i)
    return starts, ends


def _marker_offset(offset: int, bounds, k: int) -> int:
    """The line a marker at `offset` belongs to: a line break belongs to the line it ends."""
    while k + 1 < len(bounds) and offset >= bounds[k + 1][0]:
        k += 1
    return k


def cut(text: str, spans) -> list[TextLine]:
    """Lines of `text`, each with its markers and pieces; spans are (start, end) per finding."""
    n = len(text)
    spans = [(max(0, min(a, n)), max(0, min(a, n), min(b, n))) for a, b in spans]
    bounds = line_bounds(text)
    starts, ends = _events(spans)
    lines = [TextLine(i + 1, a, b) for i, (a, b) in enumerate(bounds)]
    # NOTE: one sweep over sorted boundaries keeps this linear in text + findings,
    # however many findings there are.
    points = sorted({0, n, *starts, *ends, *(a for a, _ in bounds), *(b for _, b in bounds)})
    active: set[int] = set()
    k = 0
    for j, p in enumerate(points):
        for i in ends.get(p, ()):
            active.discard(i)
        k = _marker_offset(p, bounds, k)
        line = lines[k]
        for i in starts.get(p, ()):
            line.items.append(("marker", i))
            if spans[i][1] > p:
                active.add(i)
        q = points[j + 1] if j + 1 < len(points) else n
        if q > p and line.start <= p < line.end:
            line.items.append(("piece", Piece(p, min(q, line.end), tuple(sorted(active)))))
    return lines
