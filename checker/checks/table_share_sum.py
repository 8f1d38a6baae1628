"""table-share-sum: the shares of a whole add up to 100% within rounding.

    check: table-share-sum
    params: {}

    类别 | 占比
    行政处罚 | 45.5%
    行政许可 | 30.2%
    其他     | 20.1%     -> 45.5%+30.2%+20.1% = 95.8% ≠ 100%

Checked for share lines that have no counts to be checked against, in a
table that claims to be complete: it has a 合计 share, or a catch-all
category (其他). Each share may be off by half a unit of its last printed
place, so the tolerance grows with the number of shares and shrinks with
their decimals. A 合计 share must read 100% (or the printed sum).
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._tables import TableCheck, label_of
from checker.findings import Hit


@register
class TableShareSum(TableCheck):
    name = "table-share-sum"
    params = {}

    def hits(self, doc, analysis, p):
        from checker.tables.shares import sum_mismatch
        for view, line, result in analysis.shares:
            m = None if result is not None else sum_mismatch(view, line)
            if m is None:
                continue
            cell = m.total.cell if m.total is not None else line.label_cell or m.parts[0].cell
            yield Hit(cell.span.start, cell.span.end,
                      {"name": label_of(line.label, "占比"), "computation": m.computation}, computation=m.computation)
