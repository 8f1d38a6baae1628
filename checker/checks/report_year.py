"""report-year: the year of the title, the closing date and the plans agree.

    check: report-year
    params: {compare: closing}     # closing | planning

closing: the closing date must fall in the report year or the next one
(a 2020 report dated 2021-01-29 is fine; one dated 2019 is not).
planning: in the next-steps section, a sentence that plans ("将", "计划",
"力争", "继续") for a year before the one after the report year.
"""
from __future__ import annotations

import re

from . import CheckType, Param, register
from ..findings import Hit

_PLAN = re.compile(r"将|计划|力争|拟|确保|继续|推动|做好")
_YEAR = re.compile(r"((?:19|20)\d{2})年")


@register
class ReportYear(CheckType):
    name = "report-year"
    params = {"compare": Param((str,), "closing", choices=("closing", "planning"))}
    needs = ("sentences",)

    def run(self, doc, p, ctx):
        year = ctx.report_year(doc)
        if year is None:
            return
        if p["compare"] == "closing":
            c = doc.closing
            if c and c.date and c.date_span and not (year <= int(c.date[:4]) <= year + 1):
                yield Hit(c.date_span.start, c.date_span.end,
                          {"date": c.date, "year": year}, f"{year}年或{year + 1}年")
            return
        for sent in doc.sentences:
            if doc.kind_at(sent.span.start) != "next_steps" or not _PLAN.search(sent.text):
                continue
            for m in _YEAR.finditer(sent.text):
                y = int(m.group(1))
                if year - 3 <= y <= year and not re.search(r"以来|至今|截至|期间|比|同比|较", sent.text[max(0, m.start() - 4):m.end() + 6]):
                    start = sent.span.start + m.start()
                    yield Hit(start, start + len(m.group(0)), {"planned": y, "year": year},
                              f"{year + 1}年")
