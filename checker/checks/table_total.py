"""table-total: a total row or column (合计, 总计, 小计) equals the sum of its parts.

    check: table-total
    params: {empty: missing}          # missing | zero: what an empty part cell means

    类别     | 数量
    简易程序 | 430
    一般程序 | 800
    合计     | 1250      -> 430+800 = 1230 ≠ 1250

Works in both orientations (a 合计 row under categories down the side, a
合计 column after categories across the top) and with 小计 subtotals; rows
that begin with 其中 are not parts. A dash (—, -, /) in a part is zero; an
empty part cell makes the sum unknown unless `empty: zero`. One wrong cell
that is both a total (its row) and a part (its column's 合计) is reported once,
as the total it fails. See
checker.tables.totals for the rounding tolerance of figures with decimals.
"""
from __future__ import annotations

from checker.checks import Param, register
from checker.checks._tables import TableCheck, label_of
from checker.findings import Hit


@register
class TableTotal(TableCheck):
    name = "table-total"
    params = {"empty": Param((str,), "missing", choices=("missing", "zero"),
                             help="an empty part cell: missing (no check) or zero")}

    def hits(self, doc, analysis, p):
        from checker.tables.totals import explained_by, total_mismatches
        found = [m for view in analysis.views for m in total_mismatches(view, p["empty"])]
        for m in found:
            if any(explained_by(m, other) for other in found if other is not m):
                continue   # one wrong cell, reported once: where it is a total
            span = m.total.cell.span
            yield Hit(span.start, span.end,
                      {"total": label_of(m.position.label, "合计"), "line": label_of(m.line.label, "—"),
                       "computation": m.computation}, computation=m.computation)
