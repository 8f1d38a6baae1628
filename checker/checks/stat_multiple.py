"""stat-multiple: 增长了N倍 where the new value is N times the old one.

    check: stat-multiple
    params: {}

较上一年85件增长了2.5倍 after 213件 -> 213/85 = 2.51: 为上年的2.5倍, 增长1.5倍.
See checker.figures.multiples for how the two values are found and why only this
slip is reported.
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.findings import Hit


@register
class StatMultiple(CheckType):
    name = "stat-multiple"
    needs = ("sentences", "quantities")

    def run(self, doc, p, ctx):
        from checker.figures.multiples import multiple_slips  # NOTE: lazy, so loading the registry stays cheap
        for m in multiple_slips(doc):
            yield Hit(m.start, m.end, {"printed": m.printed, "computation": m.computation},
                      computation=m.computation)
