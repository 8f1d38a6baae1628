"""stat-rate: a rate or share against the counts it is computed from.

    check: stat-rate
    params: {report: wrong}           # wrong | truncated
    params: {report: truncated, vocabulary: my-rates.yaml}
    params: {report: wrong, segmenter: jieba}

受理矛盾纠纷3125件，调解成功3050件，调解成功率97.65% -> 3050/3125 = 97.60%.
Rate names are linked to counts by the cue words of rules/data/rates.yaml
(checker.figures.relations). Every plausible pairing is judged; a claim is
reported only when none is consistent: `wrong` when the pairings its cues
name all miss, `truncated` when a pairing matches only cut off (91.759 ->
91.75) and no approximation word (约) excuses it.

`segmenter: jieba` (opt-in) also requires every cue to respect the word
boundaries of the shipped domain dictionary (审结 is not in 一审结案); see
checker.document.segment for its load cost. The default, `cues`, is plain substring
matching with negation (不予受理 is no 受理), which the built-in vocabulary
is written for.
"""
from __future__ import annotations

from checker.checks import Param, register
from checker.checks._stats import VOCABULARY, ClaimCheck


@register
class StatRate(ClaimCheck):
    name = "stat-rate"
    reports = ("wrong", "truncated")
    params = {"vocabulary": VOCABULARY, "segmenter": Param((str,), "cues", choices=("cues", "jieba"))}

    def judge(self, doc, vocab, p):
        from checker.figures.pairings import evaluations  # NOTE: lazy, so loading the registry stays cheap
        aligned = None
        if p["segmenter"] == "jieba":
            from checker.document.segment import aligned
        verdicts = {claim.start: result for claim, result in evaluations(doc, vocab, aligned)}

        def judge(claim):
            result = verdicts.get(claim.start)
            return result.computation(claim) if result is not None and result.verdict.value == p["report"] else None
        return judge
