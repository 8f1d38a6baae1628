"""A total row or column against the sum of its parts.

In a view (checker.tables.grid) a total is a position (合计, 总计, 小计 …)
and its parts are the plain positions before it, back to the previous total
(or, for a total that comes first, the ones after it up to the next):

    类别 | 简易程序 | 一般程序 | 小计 | 其中：网上 | 其他 | 合计
                 parts of 小计 ─┘                     ↑
    合计 = the plain parts, or the 小计s and the parts not under one

Rows that begin with 其中 are parts of the row above, never of the total;
share and rate positions are never summed. A dash in a part is zero; an
empty part makes the sum unknown unless `empty="zero"`. Whole counts must
add up exactly; figures with decimals or 万 may differ by the rounding of
each (half a unit of the last printed place, each).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from checker.tables.grid import GridCell, Position, TLine, View

_SUMMED = ("plain",)


@dataclass(frozen=True)
class TotalMismatch:
    line: TLine
    position: Position
    total: GridCell
    parts: tuple               # GridCells (dashes included)
    sum: Decimal

    @property
    def computation(self) -> str:
        shown = "+".join(p.value.shown if p.value.numeric else "0" for p in self.parts)
        return f"{shown} = {_plain(self.sum)} ≠ {self.total.value.shown}"


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")


def groups(view: View) -> list[tuple[Position, list[list[Position]]]]:
    """Each total position with the lists of positions that may make it up."""
    pos = list(view.positions)
    out = []
    for i, t in enumerate(pos):
        if t.role not in ("total", "subtotal"):
            continue
        stop = ("total",) if t.role == "total" else ("total", "subtotal")
        before = _run(reversed(pos[:i]), stop)[::-1]
        after = _run(pos[i + 1:], ("total", "subtotal"))
        leaves = [p for p in before if p.role in _SUMMED] or [p for p in after if p.role in _SUMMED]
        options = [leaves]
        if t.role == "total":
            subs = [p for p in before if p.role == "subtotal"]
            if subs:
                covered = _under_subtotals(pos[:i], before)
                options.append(subs + [p for p in leaves if p.index not in covered])
        out.append((t, options))
    return out


def _run(seq, stop) -> list[Position]:
    run = []
    for p in seq:
        if p.role in stop:
            break
        run.append(p)
    return run


def _under_subtotals(pos: list[Position], before: list[Position]) -> set:
    """Indexes of the plain positions that a 小计 among `before` already sums."""
    covered, pending = set(), []
    inside = {p.index for p in before}
    for p in pos:
        if p.index not in inside:
            continue
        if p.role == "subtotal":
            covered.update(pending)
            pending = []
        elif p.role in _SUMMED:
            pending.append(p.index)
    return covered


def total_mismatches(view: View, empty: str = "missing") -> list[TotalMismatch]:
    out = []
    for t, options in groups(view):
        for line in view.lines:
            if line.role not in ("count", "part-of", "total", "subtotal"):
                continue   # NOTE: a 合计 row is checked too: its 合计 column is the grand total
            found = _judge(line, t, options, empty)
            if found is not None:
                out.append(found)
    return out


def explained_by(m: TotalMismatch, other: TotalMismatch) -> bool:
    """Is `m` off only because `other`'s total cell, one of m's parts, is off? (A row
    total that does not add up also spoils its column's 合计, by the same amount.)"""
    span = other.total.cell.span
    if not any(c.cell.span == span for c in m.parts) or not other.total.value.exact:
        return False
    off = other.total.value.value - other.sum
    return m.sum - off == m.total.value.value


def _judge(line: TLine, t: Position, options, empty: str) -> TotalMismatch | None:
    total = line.at(t)
    if total is None or total.value.kind != "number" or total.value.approx:
        return None
    sums = []
    for option in options:
        s = _sum(line, option, empty)
        if s is None:
            return None
        sums.append(s)
    own = Fraction(0) if total.value.exact else total.value.half_unit
    if any(abs(Fraction(s) - Fraction(total.value.value)) <= tol + own for s, tol, _ in sums):
        return None
    value, _, cells = sums[0]
    return TotalMismatch(line, t, total, tuple(cells), value)


def _sum(line: TLine, option: list[Position], empty: str):
    """(sum, tolerance, cells) of the parts, or None when a part is unknown."""
    cells = [line.at(p) for p in option]
    if len(cells) < 2 or any(c is None for c in cells):
        return None
    total, tol, numbers = Decimal(0), Fraction(0), 0
    for c in cells:
        v = c.value
        if v.kind == "number" and not v.approx:
            total += v.value
            numbers += 1
            if not v.exact:
                tol += v.half_unit
        elif v.kind == "dash" or (v.kind == "empty" and empty == "zero"):
            continue
        else:
            return None
    if numbers == 0:
        return None
    return total, tol, cells
