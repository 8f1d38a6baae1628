"""deadline: the report is made public on time.

    check: deadline
    params:
      date: published          # published (the page's date) | closing
      deadlines: {default: "04-01", county_department: "03-01"}   # optional: first late
                               # month-day of the next year, by the configuration's `level`

Without `deadlines`, the deadline is the report kind's profile's (rules/data/kinds.yaml,
`deadline:`): its `late_from`, or the day of the reporting body's level — the
configuration's `level`, or, when that is `default`, the level of the body the title
names (the profile's `bodies`: 某县市场监督管理局 is a department) — for report years from
its `since`. 法治政府建设: before 1 April (督察工作规定 art. 25; county departments 1 March);
政府信息公开: a department before 1 February (条例 (2019) art. 49), any other body before
1 April. Only a report year the configuration or the text states (title, statistics
period, preamble) is judged. Messages may name {date}, {deadline} (the first late day),
{due} (the last day on time), {year} and {level}; `expected` (default "{deadline}之前")
may name {deadline} and {due}.
"""
from __future__ import annotations

import datetime
import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._year import stated_year
from checker.findings import Hit


@register
class Deadline(CheckType):
    name = "deadline"
    params = {
        "deadlines": Param((dict,), None, help="first late month-day by level; default: the profile's"),
        "date": Param((str,), "published", choices=("published", "closing")),
        "expected": Param((str,), "{deadline}之前", help="the expected text: {deadline} or {due}"),
    }

    def prepare(self, params):
        if params["deadlines"] is None:
            return params
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
        if p["deadlines"] is not None:
            level = ctx.level
            md = p["deadlines"].get(level, p["deadlines"]["default"])
        else:
            md, level = _profile_deadline(doc, ctx, year)
            if md is None:
                return
        deadline = f"{year + 1}-{md}"
        if date >= deadline:
            due = (datetime.date.fromisoformat(deadline) - datetime.timedelta(days=1)).isoformat()
            yield Hit(span.start, span.end, {"date": date, "deadline": deadline, "due": due, "year": year,
                                             "level": level},
                      p["expected"].replace("{deadline}", deadline).replace("{due}", due))


def _profile_deadline(doc, ctx, year: int) -> tuple[str | None, str]:
    """(first late month-day, the level it is for) by the profile of the report's kind."""
    from checker.document.profiles import profile
    p = profile(ctx.report_kind(doc))
    d = p.deadline if p else None
    if not d or not d.get("late_from"):
        return None, "default"
    from checker.document.profiles import body_level
    levels = d.get("levels") or {}
    level = ctx.level if ctx.level != "default" else body_level(doc, d.get("bodies") or {})
    since = d.get("since")
    if level in levels and (since is None or year >= since):
        return levels[level], level
    return d["late_from"], "default"
