"""stat-change: a rate of change against the two values it compares.

    check: stat-change
    params: {report: wrong}           # wrong | truncated

行政审批事项由120项缩减为84项，缩减率为35% -> (120-84)/120 = 30%.
The values are the 由A…为B (从A…至B) pair before the rate in its sentence,
or 受理729件，较上年的860件 (checker.figures.changes); 缩减为原来的40% is read as
B/A. A rate without its base repeated, for the same value, by one with it in the same
paragraph gets that one's verdict (checker.figures.changes.evaluate_twin). A change in
个百分点 is checked against the two percentages it joins:
纠错率由15.2%下降到12.1%，下降3.5个百分点 -> 15.2-12.1 = 3.1.
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._stats import ClaimCheck, claim_args
from checker.checks._util import answer
from checker.findings import Hit


@register
class StatChange(ClaimCheck):
    name = "stat-change"
    reports = ("wrong", "truncated")

    def judge(self, doc, vocab, p):
        from checker.figures.changes import evaluate_from_to, evaluate_twin  # NOTE: lazy, so loading the registry stays cheap

        def judge(claim):
            result = evaluate_from_to(claim, doc) or evaluate_twin(claim, doc, vocab)
            return result.computation if result is not None and result.verdict.value == p["report"] else None
        return judge

    def more(self, doc, p):
        """Changes in 个百分点 against the two percentages they join, and the change of a
        ratio against the changes of its terms (checker.figures.ratios)."""
        from checker.figures.changes import points_changes
        from checker.figures.ratios import ratio_changes
        from checker.figures.relations import rate_vocabulary
        if p["report"] == "wrong":
            for r in ratio_changes(doc, rate_vocabulary(p["vocabulary"])):
                yield Hit(r.claim.start, r.claim.end, claim_args(r.claim, r.computation), answer(r.computation),
                          computation=r.computation)
        for change in points_changes(doc):
            x = change.points
            if change.result.verdict.value == p["report"]:
                name = x.before[-6:] or "变化"
                start = doc.text.rfind(name, x.clause_start, x.lead)
                yield Hit(start if start >= 0 else x.start, x.end,
                          {"name": name, "printed": x.text, "computation": change.result.computation},
                          answer(change.result.computation), computation=change.result.computation)
