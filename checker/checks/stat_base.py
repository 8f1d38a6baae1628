"""stat-base: a year-on-year or growth rate no whole base can produce.

    check: stat-base
    params: {}

来信来访案件90宗，同比下降42.68%: last year's count is not printed, but it
was a whole number b, and (b-90)/b must round (or truncate) to 42.68%;
b = 157 does, so the claim stands. 受理案件12件，同比增长45.27%: no whole b
gives (12-b)/b = 45.27% (b = 8: 50.00%; b = 9: 33.33%), so it is reported.
增长30人，增长率32% is read as 30/b (checker.figures.changes).
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._stats import ClaimCheck


@register
class StatBase(ClaimCheck):
    name = "stat-base"

    def judge(self, doc, vocab, p):
        from checker.figures.changes import evaluate_base  # NOTE: lazy, so loading the registry stays cheap

        def judge(claim):
            result = evaluate_base(claim, doc, vocab)
            return None if result is None else result.computation
        return judge
