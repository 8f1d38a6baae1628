"""Increases stated in multiples: 增长了2.5倍 means 3.5 times the old value.

    行政处罚类案件213件（…），较上一年该类案件量85件增长了2.5倍
    -> 213/85 = 2.51: the count is 2.5 times last year's, an increase of 1.5 times

A claim is an increase word with a multiple (增长了N倍, 增加近3倍, 上升一倍); its old
value is the count of the same clause that 较/比 opens (较去年60件), its new value the
last count before that clause outside brackets (the parts in brackets break it down).
The increase is new/old - 1. Only the common slip is reported: the printed multiple is
the ratio new/old, not the increase, and the increase does not fit it. A multiple that
fits neither is left alone: 倍 figures are often loose (近3倍, 翻了一番).
"""
from __future__ import annotations

import bisect
import re
from collections import namedtuple
from decimal import Decimal
from fractions import Fraction

from checker.figures.quantities import CLAUSE_BREAK, cn_number
from checker.figures.relations import by_sentence
from checker.figures.rounding import Verdict, fmt, judge

_CLAIM = re.compile(r"(?:增长|增加|上升|提高|提升|上涨)了?(?P<approx>近|约|超过|超|逾|达)?"
                    r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十]+(?:点[〇零一二三四五六七八九]+)?)倍")
_VERSUS = re.compile(r"^(?:较|比|同比|相比)")
_BOUNDS = {"近": "max", "超过": "min", "超": "min", "逾": "min"}


class MultipleSlip(namedtuple("MultipleSlip", "start end printed old new ratio")):
    # start, end: int  the claim (增长了2.5倍)
    # printed: str  the multiple as printed (2.5, 一)
    # old, new: Quantity
    # ratio: Fraction  new/old
    __slots__ = ()

    @property
    def computation(self) -> str:
        decimals = len(self.printed.partition(".")[2])
        return (f"{self.new.number}/{self.old.number} = {fmt(self.ratio, max(decimals, 2))}，"
                f"增长{fmt(self.ratio - 1, max(decimals, 1))}倍")


def multiple_slips(doc) -> list[MultipleSlip]:
    out = []
    by_start = by_sentence(doc)
    for s in doc.sentences:
        text = s.text
        if "倍" not in text:
            continue
        counts = [q for q in by_start.get(s.start, ()) if q.is_count]
        starts = [q.start for q in counts]
        for m in _CLAIM.finditer(text):
            i = bisect.bisect_left(starts, s.start + m.start())
            found = _slip(doc, s, m, counts[max(0, i - _REACH):i])
            if found is not None:
                out.append(found)
    return out


_REACH = 12   # counts before a claim that may be its new value


def _bracketed(text: str, start: int, end: int) -> bool:
    """A bracket closes between the two offsets that did not open there: `start` is inside it."""
    depth = 0
    for ch in text[start:end]:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return True
            depth -= 1
    return False


def _slip(doc, s, m: re.Match, counts) -> MultipleSlip | None:
    at = s.start + m.start()
    before = [q for q in counts if q.end <= at]
    if not before:
        return None
    old = before[-1]
    if CLAUSE_BREAK.search(doc.text, old.end, at) or not _VERSUS.match(old.before):
        return None   # 较去年60件增长了近3倍: the old value in the claim's own clause, after 较
    new = next((q for q in reversed(before[:-1]) if not _bracketed(doc.text, q.end, old.lead)), None)
    if new is None or new.unit != old.unit or old.value <= 0 or new.value <= old.value:
        return None
    printed = m.group("n")
    value = Decimal(printed) if printed[0].isdigit() else cn_number(printed)
    if value is None:
        return None
    number = printed if printed[0].isdigit() else format(value, "f")
    approx = m.group("approx")
    bound = _BOUNDS.get(approx or "")
    ratio = Fraction(int(new.value), int(old.value))
    increase_fits = judge(ratio - 1, number, approx is not None, bound) is not Verdict.WRONG
    ratio_fits = judge(ratio, number, approx is not None, bound) is not Verdict.WRONG
    if increase_fits or not ratio_fits:
        return None
    return MultipleSlip(at, s.start + m.end(), printed, old, new, ratio)
