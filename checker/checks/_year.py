"""The report year as the year-dependent checks read it, and how sure it is.

A year named by the configuration, the title, the statistics period or the preamble
is stated; one read off the closing date or the body (the first paragraph that opens
with a year) is inferred. NOTE: a check that would judge the text against the year
says less when it is only inferred (checker.document.language.report_year_basis).
"""
from __future__ import annotations

from checker.document.language import STATED, report_year_basis


def year_and_basis(doc, ctx) -> tuple[int | None, str | None]:
    """(the report year, what it was read from: config, title, period, preamble,
    closing, body), or (None, None)."""
    if ctx.config.report_year is not None:
        return ctx.config.report_year, "config"
    return report_year_basis(doc)


def stated_year(doc, ctx) -> int | None:
    """The report year when the configuration or the text states it, else None."""
    year, basis = year_and_basis(doc, ctx)
    return year if basis in STATED else None
