"""report-year: the year of the title, the closing date and the plans agree.

    check: report-year
    params: {compare: closing}     # closing | planning

closing: the closing date must fall late in the report year (from October) or in
the next one (a 2020 report dated 2021-01-29 or 2020-12-20 is fine; one dated 2019
or 2020-03-05, before the year's work was done, is not).
planning: in the next-steps section, a sentence that plans ("将", "计划",
"力争", "继续") for a year before the one after the report year.
Only a year the configuration or the text states, or reads off the closing date,
is compared; a year guessed from the body is not (checker.checks._year).
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, register
from checker.checks._year import year_and_basis
from checker.document.language import STATED
from checker.findings import Hit

_PLAN = re.compile(r"将|计划|力争|拟|确保|继续|推动|做好")
_YEAR = re.compile(r"((?:19|20)\d{2})年")


@register
class ReportYear(CheckType):
    name = "report-year"
    params = {"compare": Param((str,), "closing", choices=("closing", "planning"))}
    needs = ("sentences",)

    def run(self, doc, p, ctx):
        year, basis = year_and_basis(doc, ctx)
        if year is None or basis == "body":  # NOTE: a year guessed from the body says nothing
            return
        if p["compare"] == "closing":
            c = doc.closing
            if c and c.date and c.date_span and not _fits(c.date, year, basis in STATED):
                yield Hit(c.date_span.start, c.date_span.end,
                          {"date": c.date, "year": year}, f"{year}年末或{year + 1}年")
            return
        # NOTE: a plan's heading (三、2023年工作打算) plans by where it stands; a sentence, by its words
        seen = set()
        for h in doc.headings:
            at = doc.text.find(h.text, h.marker_span.end, h.span.end) if h.text else -1
            if at >= 0 and doc.kind_at(h.span.start) == "next_steps":
                for hit in _early_years(h.text, at, year, _PLAN_NOUN):
                    seen.add(hit.start)
                    yield hit
        for sent in doc.sentences:
            if doc.kind_at(sent.span.start) == "next_steps" and _PLAN.search(sent.text):
                yield from (hit for hit in _early_years(sent.text, sent.span.start, year) if hit.start not in seen)


def _fits(date: str, year: int, named: bool) -> bool:
    """Late in the year reported on (from October) or in the next year. NOTE: only a
    named year can show a date too early; one read off the date fits it by construction."""
    y, m = int(date[:4]), int(date[5:7])
    return y == year + 1 or (y == year and (m >= _EARLIEST_MONTH or not named))


_EARLIEST_MONTH = 10


def _early_years(text: str, start: int, year: int, then=None):
    """Years from three before the report year to it, unless looked back on (以来, 同比);
    with `then`, only a year that pattern follows closely (2020年工作打算, not 巩固2020年成果)."""
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        if then is not None and not then.match(text, m.end()):
            continue
        if year - 3 <= y <= year and not _LOOKING_BACK.search(text[max(0, m.start() - 4):m.end() + 6]):
            yield Hit(start + m.start(), start + m.end(), {"planned": y, "year": year}, f"{year + 1}年")


_PLAN_NOUN = re.compile(r"度?[\u4e00-\u9fff]{0,8}?(?:打算|计划|安排|思路|任务|目标|要点|重点)")
_LOOKING_BACK = re.compile(r"以来|至今|截至|期间|比|同比|较")
