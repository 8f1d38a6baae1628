"""mandated-text: the text agrees with the mandated tables (the 政务公开 tables).

    check: mandated-text
    params: {report: count}        # count | share

count: a count the text states of a table's figure (收到申请, 办结, 予以公开 …, 行政复议,
行政诉讼, 制发规范性文件) that is none of the figures the table gives for it
(checker.tables.mandated_text; the claims are data in rules/data/zwgk-tables.yaml).
share: a share the text gives of such a count (占办结总数的43.14%) that no whole of the
table explains at its printed places. Only a report year the text states is used to
tell a sentence about another year.
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.checks._year import stated_year
from checker.findings import Hit


@register
class MandatedText(CheckType):
    name = "mandated-text"
    reports = ("count", "share")
    needs = ("sentences", "quantities")

    def run(self, doc, p, ctx):
        from checker.tables.identities import fmt_value
        from checker.tables.mandated_text import claims, shares
        kind, year = ctx.report_kind(doc), stated_year(doc, ctx)
        if p["report"] == "count":
            for c in claims(doc, kind, year):
                if c.holds:
                    continue
                q = c.quantity
                table = "、".join(fmt_value(v) for v in c.values)
                yield Hit(q.start, q.end, {"what": c.claim["name"], "text": q.text, "table": table},
                          table if len(c.values) == 1 else None)
            return
        for s in shares(doc, kind, year):
            if s.verdict != "wrong":
                continue
            q = s.quantity
            count = fmt_value(s.count.quantity.value)
            tried = "、".join(f"{count}/{fmt_value(w)}={_pct(s.count.quantity.value, w, q.number)}"
                              for w in s.wholes if w > 0)
            yield Hit(q.start, q.end, {"what": s.count.claim["name"], "text": q.text, "count": count,
                                       "computation": tried}, None, computation=tried)


def _pct(count, whole, printed: str) -> str:
    from fractions import Fraction
    from checker.figures.rounding import decimals_of, fmt
    return fmt(Fraction(count) * 100 / whole, decimals_of(printed)) + "%"
