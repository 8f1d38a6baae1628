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
from checker.checks._stats import VocabularyCheck, claim_args
from checker.findings import Hit


@register
class StatBounded(VocabularyCheck):
    name = "stat-bounded"


    def run(self, doc, p, ctx):
        from checker.figures.relations import rate_claims, rate_vocabulary  # NOTE: lazy, so loading the registry stays cheap
        vocab = rate_vocabulary(p["vocabulary"])
        for claim in rate_claims(doc, vocab):
            q = claim.quantity
            if claim.kind not in ("rate", "share") or q.value <= 100 or q.bound == "max":
                continue
            if claim.kind == "share" or vocab.is_bounded(claim.name):
                yield Hit(claim.start, claim.end, claim_args(claim, "≤ 100%"), "≤ 100%")
