"""stat-parts: a total and the parts listed after it.

    check: stat-parts
    params: {}                        # or {vocabulary: my-totals.yaml}

共办理行政处罚案件1250件，其中简易程序案件430件，一般程序案件800件
-> 430+800 = 1230 ≠ 1250. Parts follow 其中 (or another marker) or form a
complete partition (受理/不予受理, 结案/未结); see checker.figures.totals for when a
list is judged and why lists that fall short are usually left alone. A complete list
whose shares reveal their whole (112件，占案件总数的26%, … 其他类10件) must add up to
it too (checker.figures.share_lists).
"""
from __future__ import annotations

from checker.checks import register
from checker.checks._stats import VocabularyCheck, load_totals
from checker.findings import Hit


@register
class StatParts(VocabularyCheck):
    name = "stat-parts"
    loader = staticmethod(load_totals)


    def run(self, doc, p, ctx):
        from checker.figures.totals import PartsMismatch, parts_mismatches, totals_vocabulary  # NOTE: lazy, so loading the registry stays cheap
        from checker.figures.relations import rate_vocabulary
        from checker.figures.share_lists import list_mismatches
        found = list(parts_mismatches(doc, totals_vocabulary(p["vocabulary"])))
        found += [PartsMismatch(whole, parts, "shares") for whole, parts in list_mismatches(doc, rate_vocabulary(None))]
        seen = set()
        for m in sorted(found, key=lambda m: (m.start, m.end)):
            if (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            yield Hit(m.start, m.end, {"computation": m.computation, "total": m.total.text,
                                       "sum": str(m.sum)}, computation=m.computation)
