"""stat-flow: new + carried-in cases against closed + carried-out ones.

    check: stat-flow
    params: {}                        # or {vocabulary: my-totals.yaml} (its `flow` cues)

新收78件，结转上年度3件。其中，答复75件，结转下年度继续办理3件 -> 78+3 = 81 ≠ 75+3 = 78.
See checker.figures.flows for the roles, their cue words (rules/data/totals.yaml,
`flow`) and the readings that keep it silent.
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._stats import VocabularyCheck, load_totals
from checker.findings import Hit


@register
class StatFlow(VocabularyCheck):
    name = "stat-flow"
    loader = staticmethod(load_totals)

    def run(self, doc, p, ctx):
        from checker.figures.flows import flow_cues, flow_mismatches  # NOTE: lazy, so loading the registry stays cheap
        for m in flow_mismatches(doc, flow_cues(p["vocabulary"])):
            yield Hit(m.start, m.end, {"computation": m.computation}, computation=m.computation)
