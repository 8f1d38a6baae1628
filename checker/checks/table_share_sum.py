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

from . import CheckType, register
from ._tables import label_of, once
from ..findings import Hit


@register
class TableShareSum(CheckType):
    name = "table-share-sum"
    params = {}

    def run(self, doc, p, ctx):
        if not doc.tables:
            return
        from ..table_context import analyses  # NOTE: lazy, so loading the registry stays cheap
        from ..table_shares import sum_mismatch
        hits = []
        for analysis in analyses(doc):
            for view, line, result in analysis.shares:
                m = None if result is not None else sum_mismatch(view, line)
                if m is None:
                    continue
                cell = m.total.cell if m.total is not None else line.label_cell or m.parts[0].cell
                hits.append(Hit(cell.span.start, cell.span.end,
                                {"name": label_of(line.label, "占比"), "computation": m.computation},
                                m.computation))
        yield from once(hits)
