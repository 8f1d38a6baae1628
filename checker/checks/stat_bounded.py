"""stat-bounded: a rate that cannot exceed 100% printed above it.

    check: stat-bounded
    params: {}

行政执法人员培训覆盖率达到103%. The bounded names (满意率, 成功率,
出庭应诉率, 办结率, 覆盖率, 占比 …) are listed in rules/data/rates.yaml;
a printed name matches when it ends with one. Growth and completion rates
(增长率, 完成率) may exceed 100% and are not listed.
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._stats import ClaimCheck


@register
class StatBounded(ClaimCheck):
    name = "stat-bounded"

    def judge(self, doc, vocab, p):
        def judge(claim):
            q = claim.quantity
            if claim.kind not in ("rate", "share") or q.value <= 100 or q.bound == "max":
                return None
            return "≤100%" if claim.kind == "share" or vocab.is_bounded(claim.name) else None
        return judge
