"""date-form: dates that are malformed or impossible, in running text and in the
closing date line.

    check: date-form
    params:
      report: fused    # fused | impossible | separator | leading-zero
      scope: document

fused: digits that lost their 年/月/日 — 62日 (6月2日), 2019年925日 (2019年9月25日),
201710月 (2017年10月), 2020512 (2020年5月12日); reported only when exactly one reading (or at least
one, without `expected`) is a real date, and never for 60日内 and the like.
impossible: 2月30日, 4月31日, 13月 (February 29 only in leap years, when the
year is written), and 2020年1315日 (four digits no month and day can be).
separator: 2020.5.12 or 2020/05/12 in running text (2020年5月12日).
leading-zero: 03月08日 (3月8日): GB/T 9704-2012 7.3.5.x, 月、日不编虚位.
The closing date line (doc.closing) is checked too when it is not a plain
YYYY年M月D日. Page debris, document numbers and amounts are never looked at.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, register
from checker.speed.prefilter import finditer
from checker.checks._util import SCOPE, block_at, check_scope, joined_scope
from checker.findings import Hit

# NOTE: 62日 after these words is a length of time (为期45日, 压缩至45日), not a date.
_DURATION_BEFORE = set("第满共计近约限期每历时用逾超过余达为至到需仅只续了的上下")
_DURATION_AFTER = re.compile(r"(?:攻坚|行动|专项|计划|工程|时间|期限)")
_NOT_A_DAY_AFTER = set("内以之后前起的期左余多个")
_FUSED_DAY = re.compile(r"(?<![\d.年月／/\-])(\d{2,4})日")
# 2019年925日: the 月 lost after a written year (the year then decides 2月29日)
_FUSED_DAY_AFTER_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})年(\d{2,4})日")
# 201711日 (2017年1月1日), 20171231日: both 年 and 月 lost
_FUSED_YEAR_DAY = re.compile(r"(?<![\d.])((?:19|20)\d{2})(\d{2,4})日")
_FUSED_MONTH = re.compile(r"(?<![\d.])((?:19|20)\d{2})(\d{1,2})月")
_FUSED_FULL = re.compile(r"(?<![\dA-Za-z.〔\[（(])((?:19|20)\d{2})(\d{3,4})(?![\d.%‰日])")
_DATE_FRAME = re.compile(r"[于自从]$")
# NOTE: 12月31止 / 1月1起: a month and a day with 日 lost before 止, 起 or 前 (起草, 起诉 are words)
_LOST_DAY = re.compile(r"(?<![\d.])(1[0-2]|[1-9])月(3[01]|[12]\d|[1-9])(?=止|截止|起(?![草诉])|前(?!\d))")
# NOTE: 电话:0578—2090823: a number after a label, or after an area code, is no date
_CODE_WORDS = re.compile(r"(?:(?:电话|热线|编号|号码|账号|代码|文号|邮编|编码|序号|传真)[:：\s]*[(（]?(?:\d{3,4}[)）]?)?|\d[-—－–])[-—－–\s]?$")
_NOT_A_DATE_AFTER = re.compile(r"(?:[元万亿件人户个次条号项名家吨米台套份宗起]|平方|公里)")
_FULL = re.compile(r"(?<![\d.])(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})日)?")
_SEPARATOR = re.compile(
    r"(?<![0-9A-Za-z.:/\-])((?:19|20)\d{2})([./])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d.]|/\d)")
_LEADING_ZERO = re.compile(r"(?<!\d)(0?\d{1,2})月(?:(0?\d{1,2})日)?")


@register
class DateForm(CheckType):
    name = "date-form"
    reports = ("fused", "impossible", "separator", "leading-zero")
    params = {
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        return params

    def run(self, doc, p, ctx):
        find = _FINDERS[p["report"]]
        # NOTE: one pass over the scope's blocks joined by newlines (no date crosses a
        # line end, and no context test reaches across one), not one pass per block
        text, starts, found, _ = joined_scope(doc, p["scope"])
        for start, end, args, expected in find(text, starts):
            i = block_at(starts, start)
            base = found[i].span.start - starts[i]
            yield Hit(base + start, base + end, args, expected)
        c = doc.closing
        if p["scope"] == "document" and c is not None and c.date_text and c.date_span is not None:
            for start, end, args, expected in find(c.date_text, (0,)):
                yield Hit(c.date_span.start + start, c.date_span.start + end, args, expected)


_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(y, m, d) -> bool:
    """A real date; without a year, 29 February counts (NOTE: no `calendar` import on
    the start-up path for one table)."""
    if not 1 <= m <= 12 or d < 1:
        return False
    y = y if y else 2000
    leap = m == 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return d <= _DAYS[m - 1] + leap


def _readings(digits: str, year: int | None):
    """(month, day) splits of a digit run that are real dates. Four digits read
    only as MMDD (zero-padded allowed); shorter runs never pad (0 starts no part)."""
    out = []
    for k in (1, 2):
        mp, dp = digits[:k], digits[k:]
        if len(dp) not in (1, 2) or (len(digits) == 4 and k != 2):
            continue
        if len(digits) < 4 and (mp[0] == "0" or dp[0] == "0"):
            continue
        if _valid(year, int(mp), int(dp)):
            out.append((int(mp), int(dp)))
    return out


def _reading_args(readings, fmt):
    expected = fmt(*readings[0]) if len(readings) == 1 else None
    shown = expected or "、".join(fmt(*r) for r in readings)
    return {"reading": shown}, expected


def find_fused(text: str, starts=(0,)):
    for m in finditer(_FUSED_DAY, text):
        digits, a = m.group(1), m.start()
        # NOTE: 1日至1231日: after a date, 至 opens the end date, not a length (压缩至45日)
        if int(digits) <= 31 or (a and text[a - 1] in _DURATION_BEFORE and text[a - 2:a] not in _AFTER_DATE):
            continue
        if m.end() < len(text) and text[m.end()] in _NOT_A_DAY_AFTER or _DURATION_AFTER.match(text, m.end()):
            continue
        readings = _readings(digits, None)
        if readings:
            args, expected = _reading_args(readings, lambda mo, d: f"{mo}月{d}日")
            yield m.start(), m.end(), dict(args, text=m.group(0)), expected
    for m in finditer(_FUSED_DAY_AFTER_YEAR, text):
        digits, year = m.group(2), int(m.group(1))
        # NOTE: after a year, 1231日前 is a date (12月31日前); only 日内/日以上 stay lengths
        if int(digits) <= 31 or _a_length(text, m.end()):
            continue
        readings = _readings(digits, year)
        if readings:
            args, expected = _reading_args(readings, lambda mo, d: f"{mo}月{d}日")
            yield m.start(2), m.end(), dict(args, text=text[m.start(2):m.end()]), expected
    for m in finditer(_FUSED_YEAR_DAY, text):
        year, digits = int(m.group(1)), m.group(2)
        if _a_length(text, m.end()) or _coded(text, starts, m.start()):
            continue   # NOTE: 热线号码0571—20211215日间值守: a telephone number, not a date
        readings = _readings(digits, year)
        if readings:
            args, expected = _reading_args(readings, lambda mo, d: f"{year}年{mo}月{d}日")
            yield m.start(), m.end(), dict(args, text=m.group(0)), expected
    for m in finditer(_FUSED_MONTH, text):
        month = int(m.group(2))
        if _coded(text, starts, m.start()):
            continue
        if 1 <= month <= 12 and not (len(m.group(2)) == 2 and m.group(2)[0] == "0"):
            expected = f"{m.group(1)}年{month}月"
            yield m.start(), m.end(), {"reading": expected, "text": m.group(0)}, expected
    for m in finditer(_LOST_DAY, text):
        month, day = int(m.group(1)), int(m.group(2))
        if _valid(None, month, day):
            expected = f"{month}月{day}日"
            yield m.start(), m.end(), {"reading": expected, "text": m.group(0)}, expected
    for m in finditer(_FUSED_FULL, text):
        before = max(starts[block_at(starts, m.start())], m.start() - 12)
        if _coded(text, starts, m.start()):
            continue
        if _NOT_A_DATE_AFTER.match(text, m.end()) and not (
                text.startswith("起", m.end()) and _DATE_FRAME.search(text, before, m.start())):
            continue   # NOTE: 于/自2021512起 is a date (起 there is not the unit of cases)
        year = int(m.group(1))
        readings = _readings(m.group(2), year) if 1990 <= year <= 2039 else ()
        if readings:
            args, expected = _reading_args(readings, lambda mo, d: f"{year}年{mo}月{d}日")
            yield m.start(), m.end(), dict(args, text=m.group(0)), expected


def _coded(text: str, starts, at: int) -> bool:
    """The digits at `at` follow a label of a number (电话, 编号…) or an area code (0571—)."""
    before = max(starts[block_at(starts, at)], at - 12)
    return bool(_CODE_WORDS.search(text, before, at))


_AFTER_DATE = ("日至", "日到", "日—", "日-", "日～", "日~")


def _a_length(text: str, end: int) -> bool:
    """…日内 / …日以上: a length of time, not a date."""
    return text[end:end + 1] in ("内", "以")


def find_impossible(text: str, starts=(0,)):
    for m in finditer(_FUSED_DAY_AFTER_YEAR, text):
        # 2020年1315日: four digits between 年 and 日 that no month and day can be (D101
        # takes those that can)
        digits, year = m.group(2), int(m.group(1))
        if len(digits) == 4 and not _readings(digits, year) and not _a_length(text, m.end()):
            yield m.start(), m.end(), {"text": m.group(0)}, None
    for m in finditer(_FULL, text):
        year = int(m.group(1)) if m.group(1) else None
        month, day = int(m.group(2)), int(m.group(3)) if m.group(3) else None
        if month == 0 or month > 12 or (day is not None and not _valid(year, month, day)):
            yield m.start(), m.end(), {"text": m.group(0)}, None


def find_separator(text: str, starts=(0,)):
    for m in finditer(_SEPARATOR, text):
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if _valid(y, mo, d):
            expected = f"{y}年{mo}月{d}日"
            yield m.start(), m.end(), {"text": m.group(0), "reading": expected}, expected


def find_leading_zero(text: str, starts=(0,)):
    for m in finditer(_LEADING_ZERO, text):
        parts = [g for g in (m.group(1), m.group(2)) if g]
        if not any(len(g) == 2 and g[0] == "0" for g in parts):
            continue
        month, day = int(m.group(1)), int(m.group(2)) if m.group(2) else None
        expected = f"{month}月" + (f"{day}日" if day is not None else "")
        yield m.start(), m.end(), {"text": m.group(0), "reading": expected}, expected


_FINDERS = {"fused": find_fused, "impossible": find_impossible,
            "separator": find_separator, "leading-zero": find_leading_zero}
