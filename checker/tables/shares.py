"""Share lines (占比, 比例, %) against the counts and the whole they come from.

A share line is judged against a count line of the same view (the nearest
before it, then the one after) and a denominator, whichever explains the
most of its cells:

    total   the count line's own 合计 cell
    sum     the sum of the count line's parts (a table without a 合计)
    text    a count stated in the sentence that introduces the table
            (全年新受理行政复议案件151件，具体情况如下表)

    75/151 = 49.67%   printed 49.66%  -> truncated (its own, milder finding)
    16/135 = 11.85%   printed 10.59%  -> wrong

Each cell's verdict comes from checker.figures.rounding.judge (GB/T 8170, half-up
or half-even). When no denominator explains half the cells the line is
judged against the table's own total only if its label names no other base
(占比, but not 占全市比例); otherwise it is left alone.

Share lines without counts are checked as a whole instead: the shares of a
table that claims to be complete (a 合计 cell, or a catch-all 其他) must
add up to 100% within rounding, half a unit of the last printed place each.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from checker.figures.quantities import unit_family
from checker.figures.rounding import Verdict, fmt, judge, percent, rounds_to, to_fraction
from checker.tables.grid import GridCell, Position, TLine, View
from checker.tables.values import bare_label, is_catch_all, named_base

_JUDGED = ("plain", "part-of", "total", "subtotal")
_RANK = {"total": 0, "sum": 1, "text": 2}


@dataclass(frozen=True)
class Denominator:
    value: Decimal
    source: str                # total | sum | text
    shown: str
    cell: GridCell | None = None
    quantity: object = None    # checker.figures.quantities.Quantity, for source "text"


@dataclass(frozen=True)
class ShareCell:
    position: Position
    share: GridCell
    count: GridCell
    verdict: Verdict
    exact: Fraction

    def computation(self, d: Denominator) -> str:
        n = self.count.value.shown if self.count.value.numeric else "0"
        return f"{n}/{d.shown} = {fmt(self.exact, self.share.value.decimals)}%"


@dataclass(frozen=True)
class ShareResult:
    line: TLine
    numerator: TLine
    denominator: Denominator
    cells: tuple

    @property
    def explained(self) -> int:
        return sum(1 for c in self.cells if c.verdict is not Verdict.WRONG)


@dataclass(frozen=True)
class SumMismatch:
    line: TLine
    parts: tuple               # GridCells
    total: GridCell | None
    sum: Fraction
    computation: str


def share_lines(view: View) -> list[TLine]:
    return [ln for ln in view.lines if ln.role == "share"]


def judge_share_line(view: View, line: TLine, context=()) -> ShareResult | None:
    """The best explanation of a share line by a count line and a denominator."""
    results = []
    for rank, numerator in enumerate(_numerators(view, line)):
        for d in _denominators(view, numerator, context):
            r = _judge(view, line, numerator, d)
            if r is not None and len(r.cells) >= 2:
                results.append((r.explained, -rank, -_RANK[d.source], r))
    if not results:
        return None
    best = max(results, key=lambda t: t[:3])[3]
    if 2 * best.explained >= len(best.cells):
        return best
    if row_rate(view, line):
        return None
    return _fallback(view, line, results)


def row_rate(view: View, line: TLine) -> bool:
    """The line is a rate of each category (办结/受理 position by position), not a share:
    办结占比 95% | 100% | 98% under 受理 and 办结 counts."""
    counts = view.count_lines()
    for a in counts:
        for b in counts:
            if a is b:
                continue
            fits = total = 0
            for p in view.positions:
                share, n, d = line.at(p), a.at(p), b.at(p)
                if share is None or share.value.kind != "percent" or n is None or d is None \
                        or not (n.value.exact and d.value.exact) or d.value.value <= 0:
                    continue
                total += 1
                exact = percent(int(n.value.value), int(d.value.value))
                fits += judge(exact, share.value.number, share.value.approx) is not Verdict.WRONG
            if total >= 2 and 2 * fits >= total:
                return True
    return False


def _fallback(view: View, line: TLine, results) -> ShareResult | None:
    """Nothing explains the line: judge it against the table's own whole if its label allows."""
    base = named_base(line.label)
    for _, rank, _, r in sorted(results, key=lambda t: (-t[1], -t[2])):
        if r.denominator.source == "text":
            continue
        if not base or base in bare_label(r.numerator.label):
            return r
    return None


def _numerators(view: View, line: TLine) -> list[TLine]:
    i = view.lines.index(line)
    before = [ln for ln in reversed(view.lines[:i]) if ln.role == "count"][:2]
    after = [ln for ln in view.lines[i + 1:] if ln.role == "count"][:1]
    return before or after


def _denominators(view: View, n: TLine, context) -> list[Denominator]:
    out: list[Denominator] = []
    for p in view.positions:
        cell = n.at(p)
        if p.role == "total" and cell is not None and cell.value.exact and cell.value.value > 0:
            out.append(Denominator(cell.value.value, "total", cell.value.shown, cell))
    parts = [n.at(p) for p in view.positions if p.role == "plain"]
    if len(parts) >= 2 and all(c is not None and (c.value.exact or c.value.kind == "dash") for c in parts):
        s = sum((c.value.value for c in parts), Decimal(0))
        if s > 0:
            out.append(Denominator(s, "sum", str(s), None))
    largest = max((c.value.value for c in n.cells.values() if c.value.exact), default=Decimal(0))
    for q in context:
        if q.value >= largest and (not n.unit or unit_family(q.unit) == n.unit):
            out.append(Denominator(q.value, "text", q.number, None, q))
    seen, unique = set(), []
    for d in out:
        if d.value not in seen:
            seen.add(d.value)
            unique.append(d)
    return unique


def _judge(view: View, line: TLine, n: TLine, d: Denominator) -> ShareResult | None:
    cells = []
    for p in view.positions:
        share, count = line.at(p), n.at(p)
        if p.role not in _JUDGED or share is None or count is None or share.value.kind != "percent":
            continue
        if share.value.negative or not (count.value.exact or count.value.kind == "dash"):
            continue
        exact = percent(int(count.value.value), int(d.value))
        verdict = judge(exact, share.value.number, share.value.approx)
        if p.role == "total" and verdict is not Verdict.OK and \
                judge(Fraction(100), share.value.number) is Verdict.OK:
            # NOTE: a 合计 share of 100% is the whole by definition; a 合计 count
            # that is not the whole is the business of the total checks.
            verdict, exact = Verdict.OK, Fraction(100)
        cells.append(ShareCell(p, share, count, verdict, exact))
    return ShareResult(line, n, d, tuple(cells)) if cells else None


# -- shares without counts: do they add up to 100%? -------------------------------

def sum_mismatch(view: View, line: TLine) -> SumMismatch | None:
    if row_rate(view, line):
        return None
    parts = [line.at(p) for p in view.positions if p.role == "plain"]
    totals = [line.at(p) for p in view.positions if p.role == "total" and line.at(p) is not None]
    total = next((c for c in totals if c.value.kind == "percent"), None)
    complete = total is not None or any(is_catch_all(p.label) for p in view.positions if p.role == "plain")
    if not complete or len(parts) < 2 or any(c is None or c.value.kind not in ("percent", "dash") for c in parts):
        return None
    if any(c.value.approx or c.value.negative for c in parts):
        return None
    s = sum((to_fraction(c.value.number) for c in parts if c.value.kind == "percent"), Fraction(0))
    tol = sum((c.value.half_unit for c in parts if c.value.kind == "percent"), Fraction(0))
    shown = "+".join(c.value.shown if c.value.kind == "percent" else "0" for c in parts)
    decimals = max(c.value.decimals for c in parts)
    if abs(s - 100) > tol:
        return SumMismatch(line, tuple(parts), total, s, f"{shown} = {fmt(s, decimals)}% ≠ 100%")
    if total is not None:
        p = total.value
        if not (rounds_to(Fraction(100), p.number) or abs(to_fraction(p.number) - s) <= p.half_unit):
            return SumMismatch(line, tuple(parts), total, s, f"{shown} = {fmt(s, decimals)}%，{p.shown} ≠ 100%")
    return None
