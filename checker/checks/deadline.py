"""deadline: the report is made public on time.

    check: deadline
    params:
      deadlines: {default: "04-01", county_department: "03-01"}   # month-day of the next year
      date: published          # published (the page's date) | closing

Under 法治政府建设与责任落实督察工作规定 (2019), art. 25, reports are made
public before 1 April of the following year; the configuration's `level`
picks the deadline. Only a report year the configuration or the text states
(title, statistics period, preamble) is judged.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._year import stated_year
from checker.findings import Hit


@register
class Deadline(CheckType):
    name = "deadline"
    params = {
        "deadlines": Param((dict,), {"default": "04-01", "county_department": "03-01"}),
        "date": Param((str,), "published", choices=("published", "closing")),
    }

    def prepare(self, params):
        for key, value in params["deadlines"].items():
            if not isinstance(value, str) or not re.fullmatch(r"\d{2}-\d{2}", value):
                raise ParamError(f"deadlines.{key}", "must be a quoted month-day such as \"04-01\"")
        if "default" not in params["deadlines"]:
            raise ParamError("deadlines", "needs a default entry")
        return params

    def run(self, doc, p, ctx):
        # NOTE: only a stated year: one read off the closing date would judge the date by
        # itself, one read off the body is a guess (checker.checks._year)
        year = stated_year(doc, ctx)
        if year is None:
            return
        if p["date"] == "published":
            date, span = doc.metadata.published, doc.metadata.published_span
        else:
            c = doc.closing
            date, span = (c.date, c.date_span) if c else (None, None)
        if not date or span is None:
            return
        md = p["deadlines"].get(ctx.level, p["deadlines"]["default"])
        deadline = f"{year + 1}-{md}"
        if date >= deadline:
            yield Hit(span.start, span.end, {"date": date, "deadline": deadline, "year": year},
                      f"{deadline} 之前")
