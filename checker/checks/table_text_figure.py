"""table-text-figure: a category's count in a table agrees with the same count in a sentence.

    check: table-text-figure
    params: {}

    其中行政处罚类案件42件 …
    类别     | 数量
    行政处罚 | 40        -> the text says 42件

Only sentences of the table's own section (and the one introducing it)
are read, and only when the words before the count clearly name the
category (checker.tables.text): 其中行政处罚类42件 does, 办结行政处罚案件38件
does not when the table counts what was accepted.
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._tables import TableCheck, label_of
from checker.findings import Hit


@register
class TableTextFigure(TableCheck):
    name = "table-text-figure"
    params = {}

    def hits(self, doc, analysis, p):
        from checker.tables.text import figure_mismatches
        for view in analysis.views:
            for m in figure_mismatches(doc, view, analysis.nearby):
                span, q = m.cell.cell.span, m.quantity
                yield Hit(span.start, span.end,
                          {"category": label_of(m.category, "—"), "table": m.cell.cell.text,
                           "text": q.text, "text_line": q.span.line},
                          computation=f"{m.cell.value.shown} ≠ {q.text}")
