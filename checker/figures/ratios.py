"""The change of a ratio follows from the changes of its two terms.

    新收复议申请8745件，同比增长75.7%，新收一审诉讼案件3362件，同比下降3.9%，
    复议诉讼比值达2.6，同比增长76.5%
    -> the ratio grew by (1+75.7%)/(1-3.9%) - 1 = 82.8%, not 76.5%

A ratio (比值, 之比, 比) printed without a unit is tied to two counts of its sentence,
each followed by its own year-on-year change, only when the counts give it
(8745/3362 = 2.60). Every rounding of the two changes is allowed for: the ratio's
change is wrong only when no value within half a unit of each printed change gives
it after rounding.
"""
from __future__ import annotations

import re
from collections import namedtuple
from fractions import Fraction

from checker.figures.relations import RateVocabulary, rate_claims
from checker.figures.rounding import accepting_interval, fmt, rounds_to

_RATIO = re.compile(r"(?:比值|之比|比)(?:达到|达|为|是)?\s*(?P<r>\d+(?:\.\d+)?)(?![\d.%％])")


class RatioChange(namedtuple("RatioChange", "claim ratio computation")):
    # claim: RateClaim  the change of the ratio (同比增长76.5%)
    # ratio: str  the ratio as printed (2.6)
    # computation: str
    __slots__ = ()


def ratio_changes(doc, vocab: RateVocabulary) -> list[RatioChange]:
    out = []
    by_sentence: dict[int, list] = {}
    for c in rate_claims(doc, vocab):
        if c.kind == "compare" and c.direction:
            by_sentence.setdefault(c.quantity.sentence.start, []).append(c)
    for changes in by_sentence.values():
        if len(changes) < 3:
            continue
        text = changes[0].quantity.sentence.text
        base = changes[0].quantity.sentence.start
        for m in _RATIO.finditer(text):
            found = _judge(doc, changes, base + m.start(), base + m.end(), m.group("r"))
            if found is not None:
                out.append(found)
    return out


def _judge(doc, changes: list, start: int, end: int, ratio: str) -> RatioChange | None:
    after = [c for c in changes if c.quantity.start >= end]
    terms = [c for c in changes if c.quantity.end <= start]
    if not after or len(terms) < 2 or len(doc.text[end:after[0].start].strip("，, ")) > 0:
        return None   # the ratio's change follows it directly
    claim, (ca, cb) = after[0], terms[-2:]
    a, b = _term(ca), _term(cb)
    if a is None or b is None or a is b or b.value <= 0:
        return None
    if not (rounds_to(Fraction(int(a.value), int(b.value)), ratio)):
        return None   # the ratio is not of these two counts
    lo_a, hi_a = _growth(ca)
    lo_b, hi_b = _growth(cb)
    lo, hi = lo_a / hi_b - 1, hi_a / lo_b - 1
    lo_r, hi_r = accepting_interval(claim.quantity.number)
    printed = Fraction(claim.direction) * lo_r / 100, Fraction(claim.direction) * hi_r / 100
    if min(printed) <= hi and max(printed) >= lo:
        return None
    exact = (1 + Fraction(ca.direction) * Fraction(ca.quantity.number) / 100) / \
            (1 + Fraction(cb.direction) * Fraction(cb.quantity.number) / 100) - 1
    sign = lambda c: "+" if c.direction > 0 else "-"   # noqa: E731
    text = (f"(1{sign(ca)}{ca.quantity.number}%)/(1{sign(cb)}{cb.quantity.number}%) - 1 = "
            f"{fmt(100 * exact, claim.quantity.decimals)}%")
    return RatioChange(claim, ratio, text)


def _term(change):
    """The count a change is about: the last exact count before it in its sentence,
    in the clause just before (新收8745件，同比增长75.7%)."""
    counts = [q for q in change.chain if q.sentence is change.quantity.sentence and q.end <= change.start]
    if not counts or counts[-1].clause_end + 1 != change.quantity.clause_start:
        return None
    return counts[-1]


def _growth(change) -> tuple[Fraction, Fraction]:
    """The factor of a change, as the interval its printed rounding allows."""
    lo, hi = accepting_interval(change.quantity.number)
    if change.direction > 0:
        return 1 + lo / 100, 1 + hi / 100
    return 1 - hi / 100, 1 - lo / 100
