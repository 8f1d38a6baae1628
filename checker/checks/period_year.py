"""period-year: the statistics period and the report's own words name the title's year.

    check: period-year

A report on year N names N in its title (某局2023年政府信息公开工作年度报告), counts its
figures over N (本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止) and presents
itself as N's (现将2023年度政府信息公开工作情况报告如下). A statistics period in another
year, or a presentation of another year's report, is last year's text left in place (or
a title with the wrong year): one hit at the year that differs from the title's. Only a
title that names one year is compared.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, register
from checker.document.numerals import ascii_years
from checker.findings import Hit

_DATE = r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_PERIOD = re.compile(r"统计(?:期限|时限|时间|区间|范围|周期|期)[^。；\d]{0,6}?" + _DATE
                     + r"\s*(?:起)?\s*(?:至|到|—|－|-|～|~)\s*" + _DATE)
_PRESENTS = re.compile(r"现将[^。；\d]{0,12}?((?:19|20)\d{2})\s*年度?[^。；]{0,30}?(?:报告|公布|发布)如下")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@register
class PeriodYear(CheckType):
    name = "period-year"

    def run(self, doc, p, ctx):
        if doc.title is None:
            return
        years = {int(y) for y in _TITLE_YEAR.findall(ascii_years(doc.title.text))}
        if len(years) != 1:
            return
        year = years.pop()
        for block in doc.content_blocks:
            if block is doc.title:
                continue
            text = ascii_years(block.text)  # NOTE: same length, so offsets hold
            for m in _PERIOD.finditer(text):
                for g in (1, 2):
                    if int(m.group(g)) != year:
                        yield Hit(block.span.start + m.start(), block.span.start + m.end(),
                                  {"text": m.group(0), "found": int(m.group(g)), "year": year},
                                  f"{year}年1月1日至{year}年12月31日")
                        break
            for m in _PRESENTS.finditer(text):
                if int(m.group(1)) != year:
                    yield Hit(block.span.start + m.start(1), block.span.start + m.end(1),
                              {"text": m.group(0), "found": int(m.group(1)), "year": year}, str(year))
