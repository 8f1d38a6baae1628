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
empty part cell makes the sum unknown unless `empty: zero`. See
checker.table_totals for the rounding tolerance of figures with decimals.
"""
from __future__ import annotations

from . import CheckType, Param, register
from ._tables import label_of, once
from ..findings import Hit


@register
class TableTotal(CheckType):
    name = "table-total"
    params = {"empty": Param((str,), "missing", choices=("missing", "zero"),
                             help="an empty part cell: missing (no check) or zero")}

    def run(self, doc, p, ctx):
        if not doc.tables:
            return
        from ..table_context import analyses  # NOTE: lazy, so loading the registry stays cheap
        yield from once(self._hits(analyses(doc), p["empty"]))

    def _hits(self, found, empty):
        from ..table_totals import total_mismatches
        for analysis in found:
            for view in analysis.views:
                for m in total_mismatches(view, empty):
                    span = m.total.cell.span
                    yield Hit(span.start, span.end,
                              {"total": label_of(m.position.label, "合计"), "line": label_of(m.line.label, "—"),
                               "computation": m.computation}, m.computation)
