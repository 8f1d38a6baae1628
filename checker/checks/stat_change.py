"""stat-change: a rate of change against the two values it compares.

    check: stat-change
    params: {verdict: wrong}          # wrong | truncated

行政审批事项由120项缩减为84项，缩减率为35% -> (120-84)/120 = 30%.
The values are the 由A…为B (从A…至B) pair before the rate in its sentence,
or 受理729件，较上年的860件 (checker.figures.changes); 缩减为原来的40% is read as
B/A. A change in 个百分点 is checked against the two percentages it joins:
纠错率由15.2%下降到12.1%，下降3.5个百分点 -> 15.2-12.1 = 3.1.
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._stats import VERDICT, VOCABULARY, VocabularyCheck, claim_args
from checker.findings import Hit


@register
class StatChange(VocabularyCheck):
    name = "stat-change"
    params = {"verdict": VERDICT, "vocabulary": VOCABULARY}


    def run(self, doc, p, ctx):
        from checker.figures.changes import evaluate_from_to, points_changes  # NOTE: lazy, so loading the registry stays cheap
        from checker.figures.relations import rate_claims, rate_vocabulary
        vocab = rate_vocabulary(p["vocabulary"])
        for claim in rate_claims(doc, vocab):
            result = evaluate_from_to(claim, doc)
            if result is not None and result.verdict.value == p["verdict"]:
                yield Hit(claim.start, claim.end, claim_args(claim, result.computation), result.computation)
        for change in points_changes(doc):
            x = change.points
            if change.result.verdict.value == p["verdict"]:
                name = x.before[-6:] or "变化"
                start = doc.text.rfind(name, x.clause_start, x.lead)
                yield Hit(start if start >= 0 else x.start, x.end,
                          {"name": name, "printed": x.text, "computation": change.result.computation},
                          change.result.computation)
