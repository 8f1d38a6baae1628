"""table-text-total: a table's total agrees with the total stated in the text before it.

    check: table-text-total
    params: {}

    全年新受理行政复议案件151件，具体情况见下表：
    类别     | 数量
    行政处罚 | 80
    信息公开 | 60
    合计     | 140       -> 140 ≠ 151

Also a table without a 合计 whose shares were computed on the stated total
(75/151, 16/151 …) while its counts add up to less (75+16+40+4 = 135 ≠ 151).
Conservative: a 合计 is compared only when the text states one count its
label can mean (checker.tables.text).
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._tables import TableCheck, cell_span, label_of
from checker.findings import Hit


@register
class TableTextTotal(TableCheck):
    name = "table-text-total"
    params = {}

    def hits(self, doc, analysis, p):
        from checker.tables.text import text_total_mismatches
        if analysis.partial:
            return   # 主要处理结果如下表: a table of some categories need not reach the total
        for view in analysis.views:
            for m in text_total_mismatches(view, analysis.context, analysis.shares):
                start, end = cell_span(m.cells)
                q = m.quantity
                yield Hit(start, end, {"line": label_of(m.line.label, "—"), "table": str(m.value),
                                       "text": q.text, "text_line": q.span.line,
                                       "computation": m.computation}, computation=m.computation)
