"""table-share: a share cell (占比, 比例, %) equals count ÷ total at its printed precision.

    check: table-share
    params: {report: wrong}           # wrong | truncated

    全年新受理行政复议案件151件，具体情况见下表：
    申请事项       | 举报投诉 | 信息公开 | 行政处罚
    数量           | 75件     | 16件     | 60件
    占新受理数比例 | 49.66%   | 10.60%   | 39.74%    -> 75/151 = 49.67% (truncated)

The whole is the table's 合计, the sum of its counts, or the total stated in
the sentence that introduces the table — whichever explains the most cells
(checker.tables.shares). Rounding follows checker.figures.rounding (GB/T 8170,
half-up or half-even); `truncated` reports figures cut off instead of
rounded, `wrong` figures neither rounding nor truncation explains.
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._tables import TableCheck, label_of
from checker.checks._util import answer
from checker.findings import Hit


@register
class TableShare(TableCheck):
    name = "table-share"
    reports = ("wrong", "truncated")

    def hits(self, doc, analysis, p):
        for _, line, result in analysis.shares:
            if result is None:
                continue
            for c in result.cells:
                if c.verdict.value != p["report"]:
                    continue
                computation = c.computation(result.denominator)
                span = c.share.cell.span
                yield Hit(span.start, span.end,
                          {"category": label_of(c.position.label, "—"), "name": label_of(line.label, "占比"),
                           "printed": c.share.cell.text, "computation": computation},
                          answer(computation), computation=computation)
