"""year-form: years that lost their 年 or their range mark, year ranges that cannot
be, and list numbers fused onto the figure after them.

    check: year-form
    params:
      report: range-fused   # range-fused | range-order | range-unit | range-empty | unit | list-fused
      figure: year          # list-fused only: year (12020年) | count (313个市州)
      scope: document

range-fused: （20162020年） — two years that lost the dash between them.
range-order: （2021—2021年）, （2025—2021年） — a range that ends where or before it starts
  (2022年至2022年底 is a span inside one year; 编号（20212022） is no range).
range-unit:  （2015-2020） — a bracketed range of years without 年 (（2015—2020年）).
range-empty: 《…方案（年）》 — the years of a plan's range were never filled in.
unit: 2021我县, 2023总共, 2023关于…的报告, a paragraph opening 2020, — a year that lost
  its 年 (never a count: a measure word of the quantity vocabulary, 余/多, a list word
  or 版 after the digits makes them a number; nor the year of a standard's number,
  GB/T 9704—2012).
list-fused: a list 1、2、3 that lost its delimiters — 12020年 (1、2020年), 22020年, or
  paragraphs opening 313个…, 4103个… whose first digits count 1, 2, 3, 4 in turn (three
  or more in turn, or two with a fused year: 13个…, 26个… alone are ordinary sentences).

Years are read as years only between 1990 and 2039 and, when the report year is
known, within 15 years of it.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, register
from checker.checks._util import SCOPE, block_at, check_scope, joined_scope
from checker.findings import Hit
from checker.figures.quantities import vocabulary
from checker.speed.prefilter import finditer

_Y = r"(?:19[9]\d|20[0-3]\d)"
_DASH = r"[—–\-－~～至到]{1,2}"
_RANGE_FUSED = re.compile(rf"(?<![\d.])({_Y})({_Y})(?=\s*年|[)）])")
_RANGE_ORDER = re.compile(rf"(?<![\d.\-/年月])({_Y})\s*(?:年度?)?\s*({_DASH})\s*({_Y})(?=\s*年|\s*[)）])")
_RANGE_UNIT = re.compile(rf"([（(])\s*({_Y})\s*({_DASH})\s*({_Y})\s*([）)])")
_RANGE_EMPTY = re.compile(r"(?<=[纲要划案划见点法则])[（(]\s*(?:[—–\-－~～至]\s*)?年\s*[）)]")
_UNIT = re.compile(rf"(?<![\d.\-/A-Za-z第#＃№])({_Y})(?=[\u4e00-\u9fff]|[,，]\s*[\u4e00-\u9fff])")
# NOTE: after these the digits are a number, not a year (2020件, 2020余人, 2020、2021年, 2020版)
_NUMBER_AFTER = set("年月日时号件个人次项家条户元万亿宗起份所处期批届台辆套张本篇场例座倍余多名位米吨亩斤"
                    "公千百十分秒克度级版款型路栋间股岁周天卷册、和及与或至到")
# NOTE: a standard's number ends in its year after a dash (GB/T 9704—2012, DB33/T 1234-2021)
_STANDARD_BEFORE = re.compile(r"[A-Za-z][A-Za-z/ ]*\s*\d+(?:\.\d+)*\s*[—–\-－]$")
# NOTE: a label of a number before the digits: 编号（20212022）, 文号：20212022
_IDENTIFIER_BEFORE = re.compile(r"(?:编号|号码|代码|序号|文号|账号|单号|编码|批号|案号|号)[:：\s]*[（(]?$")
# NOTE: the end year's part (2022年底, 2022年6月): a span inside the one year
_PART_OF_YEAR = re.compile(r"\s*年(?:底|末|中|初|终|\d|[一二三四五六七八九十](?:月|季度))")
_LIST_YEAR = re.compile(rf"(?:^|(?<=[。；;：:！？!?\s]))([1-9])({_Y})年")
# NOTE: a figure before 月/日/时/号 opens a date (11月…, 23日…), not a fused list item
_LEADING_FIGURE = re.compile(r"\d{2,6}(?=[\u4e00-\u9fff%])(?![月日时号])")


@register
class YearForm(CheckType):
    name = "year-form"
    reports = ("range-fused", "range-order", "range-unit", "range-empty", "unit", "list-fused")
    params = {
        "scope": SCOPE,
        "figure": Param((str,), "year", choices=("year", "count")),
    }

    def prepare(self, params):
        check_scope(params)
        return params

    def run(self, doc, p, ctx):
        year = ctx.report_year(doc)
        text, starts, found, _ = joined_scope(doc, p["scope"])
        if p["report"] == "list-fused" and p["figure"] == "count":
            yield from _fused_counts(found)
            return
        find = _FINDERS[p["report"]]
        for start, end, args, expected in find(text, _plausible(year)):
            i = block_at(starts, start)
            base = found[i].span.start - starts[i]
            yield Hit(base + start, base + end, args, expected)


def _plausible(report_year):
    if report_year is None:
        return lambda y: True
    return lambda y: abs(int(y) - report_year) <= 15


def find_range_fused(text: str, ok):
    for m in finditer(_RANGE_FUSED, text):
        y1, y2 = m.group(1), m.group(2)
        if _IDENTIFIER_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue   # NOTE: 案件编号（20212022）: an identifier, not two years
        if ok(y1) and 1 <= int(y2) - int(y1) <= 15:
            expected = f"{y1}—{y2}"
            yield m.start(), m.end(), {"text": m.group(0), "reading": expected}, expected


def find_range_order(text: str, ok):
    for m in finditer(_RANGE_ORDER, text):
        y1, y2 = m.group(1), m.group(3)
        if y1 == y2 and _PART_OF_YEAR.match(text, m.end()):
            continue   # NOTE: 2022年至2022年底: from the start of the year to its end
        if ok(y1) and int(y2) <= int(y1):
            problem = "same" if y1 == y2 else "reversed"
            yield m.start(), m.end(), {"text": m.group(0), "problem": _ORDER[problem]}, None


_ORDER = {"same": {"zh": "起止年份相同", "en": "starts and ends in the same year"},
          "reversed": {"zh": "止年早于起年", "en": "ends before it starts"}}


def find_range_unit(text: str, ok):
    for m in finditer(_RANGE_UNIT, text):
        y1, y2 = m.group(2), m.group(4)
        if ok(y1) and 0 < int(y2) - int(y1) <= 15:
            expected = f"{m.group(1)}{y1}{m.group(3)}{y2}年{m.group(5)}"
            yield m.start(), m.end(), {"text": m.group(0), "reading": expected}, expected


def find_range_empty(text: str, ok):
    for m in finditer(_RANGE_EMPTY, text):
        yield m.start(), m.end(), {"text": m.group(0), "reading": "（××××—××××年）"}, None


def find_unit(text: str, ok):
    for m in finditer(_UNIT, text):
        y, after = m.group(1), text[m.end()]
        if not ok(y) or after in _NUMBER_AFTER or _unit_after(text, m.end()):
            continue
        if _STANDARD_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue   # NOTE: GB/T 9704—2012要求: the year of a standard's number
        if after in ",，":
            # NOTE: 2020, at the opening of a paragraph or sentence is the year of what follows
            if m.start() and text[m.start() - 1] not in "。；;！？!?\n":
                continue
        expected = f"{y}年"
        yield m.start(), m.end(), {"text": text[m.start():m.end() + 1], "reading": expected}, expected


def _unit_after(text: str, at: int) -> bool:
    """A measure word of the quantity vocabulary follows (2020平方米, 2015册, 2012学时)."""
    vocab = vocabulary()
    m = vocab.pattern.match("1" + text[at:at + 6])
    if not m or not m.group("unit"):
        return False
    unit = m.group("unit").strip()
    return not any(text.startswith(unit + w, at) for w in vocab.not_unit_before.get(unit, ()))


def find_list_fused(text: str, ok):
    for m in finditer(_LIST_YEAR, text):
        if ok(m.group(2)):
            yield (m.start(), m.end(), {"text": m.group(0), "index": m.group(1), "figure": m.group(2) + "年"}, None)


def _fused_counts(found):
    """Paragraphs opening with a figure whose first digits count 1, 2, 3… in turn
    (12020年, 22020年, 313个, 4103个): a list that lost its delimiters. Only runs
    of three or more such paragraphs (or two, one of them a fused year) are read as
    a list, and only the items whose figure is not a year are reported (those are
    the year report's)."""
    run: list = []
    for b in list(found) + [None]:
        m = _LEADING_FIGURE.match(b.text) if b is not None else None
        want = str(len(run) + 1)
        if m and m.group().startswith(want) and len(m.group()) > len(want) and m.group()[len(want)] != "0":
            run.append((b, m, want))
            continue
        # NOTE: two paragraphs opening 13个…, 26个… are ordinary sentences that start with a
        # number; only three in turn, or a run with a fused year (12020年), is a lost list
        if len(run) >= 3 or (len(run) == 2 and any(_is_year(blk.text, fig) for blk, fig, _ in run)):
            for blk, fig, index in run:
                rest = fig.group()[len(index):]
                if _is_year(blk.text, fig):
                    continue
                yield Hit(blk.span.start, blk.span.start + fig.end() + 1,
                          {"text": blk.text[:fig.end() + 1], "index": index, "figure": rest + blk.text[fig.end()]})
        run = []
        if m and m.group().startswith("1") and len(m.group()) > 1 and m.group()[1] != "0":
            run.append((b, m, "1"))


def _is_year(text: str, fig) -> bool:
    return len(fig.group()) == 5 and text[fig.end():fig.end() + 1] == "年"


_FINDERS = {"range-fused": find_range_fused, "range-order": find_range_order, "range-unit": find_range_unit,
            "range-empty": find_range_empty, "unit": find_unit, "list-fused": find_list_fused}
