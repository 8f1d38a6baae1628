"""Changes: a rate of change against the values it compares.

Two relations, both found inside one sentence:

* from-to: 由41项缩减为16项，缩减率61% -> (41-16)/41 = 60.98% -> 61%; also
  受理729件，较上年的860件…, 办理408件，同比下降12%（上年为480件）, and
  2023年受理66件，2024年受理151件，同比增长128.79% (the same words after two years).
  The rate is judged exactly (checker.figures.rounding). An average annual rate
  (年均增长) is compounded over the years between two stated years
  ((80/50)^(1/2) - 1 = 26.5%), and not judged without them.
* percentage points: 纠错率由15.2%下降到12.1%，下降3.1个百分点 -> 15.2-12.1.
* unstated base: 来信来访案件90宗，同比下降42.68% (or 增长30人，增长率32%).
  Last year's figure is not printed, but it was a whole number, so the rate
  is possible only if some whole base b gives exactly that rounded rate
  ((b-90)/b, 30/b). This is a GRIM-style feasibility test: a claim is
  reported only when no whole base produces it (rounding or truncating).
"""
from __future__ import annotations

import math
import re
from collections import namedtuple
from fractions import Fraction

from checker.figures.quantities import CLAUSE_BREAK, Quantity, is_continuous
from checker.figures.relations import RateClaim, RateVocabulary, by_sentence
from checker.figures.rounding import Verdict, accepting_interval, fmt, judge, percent

# 由41项, 从原来的41项, 由上年的480件, 由2022年的8.2%
_FROM = re.compile(r"(?:由|从)(?:原来|原|过去|之前|上年|去年|上一年|上年度|同期|(?:19|20)\d{2}年(?:度|底|末)?)?"
                   r"(?:同期)?的?(?:平均)?$")
_TO = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:为|至|到)(?:(?:19|20)\d{2}年(?:度|底|末)?的?|今年的?|本年的?)?(?:平均)?$")
_VERSUS = re.compile(r"(?:较|比|与)(?:上一?年度?|去年|\d{4}年度?)?(?:同期)?(?:的)?$")
# 2023年受理66件，2024年受理151件: the same words after two years
_YEAR_HEAD = re.compile(r"^((?:19|20)\d{2})年?度?")
_LAST_YEAR = re.compile(r"(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年(?:度)?)(?:同期)?(?:为|是)?")
MAX_BASES = 2000     # a wider range of whole bases always holds a fitting one


class ChangeResult(namedtuple("ChangeResult", "verdict computation")):
    # verdict: Verdict
    # computation: str
    __slots__ = ()


def _sentence_counts(claim: RateClaim, doc) -> list[Quantity]:
    return by_sentence(doc).get(claim.quantity.sentence.start, [])


def _plain(q: Quantity) -> bool:
    return q.kind == "count" and q.approx is None


def from_to(claim: RateClaim, doc) -> tuple[Quantity, Quantity] | None:
    """The (old, new) pair a change rate refers to, the last one before it:
    由A…为B, or 受理729件，较上年的860件 (new first, then the old value)."""
    qs = [q for q in _sentence_counts(claim, doc) if q.end <= claim.start]
    if qs and qs[-1].kind == "percent":
        return None   # another rate stands between: the pair is its
    for a, b in reversed(list(zip(qs, qs[1:]))):
        if len(CLAUSE_BREAK.findall(doc.text, b.end, claim.quantity.lead)) > 2:
            break
        if not (_plain(a) and _plain(b) and a.unit == b.unit and a.multiplier == b.multiplier):
            continue
        if a.clause_start == b.clause_start and _FROM.search(a.before) and _TO.search(b.before) and a.value > 0:
            return a, b
        if _VERSUS.search(b.before) and len(CLAUSE_BREAK.findall(doc.text, a.end, b.lead)) <= 1 and b.value > 0:
            return b, a
        if _year_pair(a, b) and len(CLAUSE_BREAK.findall(doc.text, a.end, b.lead)) <= 1 and a.value > 0:
            return a, b
    return _base_in_brackets(claim, doc, qs)


def _year_pair(a: Quantity, b: Quantity) -> bool:
    """2023总共需办理66件，2024年总共需办理151件: one measure, an earlier year first."""
    ma, mb = _YEAR_HEAD.match(a.before), _YEAR_HEAD.match(b.before)
    if ma is None or mb is None or not int(ma.group(1)) < int(mb.group(1)):
        return False
    words = a.before[ma.end():]
    return len(words) >= 2 and words == b.before[mb.end():] and a.after == b.after


def _base_in_brackets(claim: RateClaim, doc, before: list) -> tuple[Quantity, Quantity] | None:
    """办理408件，同比下降12%（上年为480件）: last year's value right after the rate."""
    q = claim.quantity
    after = [x for x in _sentence_counts(claim, doc) if x.start >= q.end]
    if not before or not after:
        return None
    new, old = before[-1], after[0]
    if not (_plain(new) and _plain(old) and new.unit == old.unit and new.multiplier == old.multiplier):
        return None
    if len(CLAUSE_BREAK.findall(doc.text, new.end, q.lead)) > 1 or old.value <= 0:
        return None
    between = doc.text[q.end:old.lead]
    if between.lstrip()[:1] not in ("（", "(") or len(CLAUSE_BREAK.findall(between)) != 1:
        return None
    return (old, new) if _LAST_YEAR.fullmatch(old.before) else None


def evaluate_from_to(claim: RateClaim, doc) -> ChangeResult | None:
    if claim.kind not in ("change", "rate", "compare") or not claim.direction or "分别" in claim.name:
        return None
    pair = from_to(claim, doc)
    if pair is None:
        return None
    a, b = pair
    q = claim.quantity
    sign = (b.value > a.value) - (b.value < a.value)
    if _AVERAGE.search(claim.name) or _AVERAGE.search(q.before):
        return _average_annual(claim, a, b, sign)
    if "原" in claim.name or "原" in q.before:   # 缩减为原来的40%
        exact, text = percent(Fraction(b.value), Fraction(a.value)), f"{b.number}/{a.number}"
    elif sign == claim.direction:
        diff = f"{b.number}-{a.number}" if sign > 0 else f"{a.number}-{b.number}"
        exact, text = percent(abs(Fraction(b.value) - Fraction(a.value)), Fraction(a.value)), f"({diff})/{a.number}"
    else:
        return None
    verdict = judge(exact, q.number, q.approximate, q.bound)
    if verdict is Verdict.OK:
        return None
    return ChangeResult(verdict, f"{text} = {fmt(exact, q.decimals)}%")


# 年均增长, 平均每年增长: an average annual rate, compounded over the years between the values
_AVERAGE = re.compile(r"年均|平均每年|每年平均|平均年")


def _average_annual(claim: RateClaim, a: Quantity, b: Quantity, sign: int) -> ChangeResult | None:
    """2021年受理50件，2023年受理80件，年均增长26.5%: (80/50)^(1/2) - 1 = 26.5%. Judged only
    between two stated years (the gap is the number of years compounded); else nothing."""
    ma, mb = _YEAR_HEAD.match(a.before), _YEAR_HEAD.match(b.before)
    if ma is None or mb is None or not _year_pair(a, b) or sign != claim.direction:
        return None
    years = int(mb.group(1)) - int(ma.group(1))
    q = claim.quantity
    factor = (float(b.value) / float(a.value)) ** (1 / years)
    # NOTE: a compound rate is irrational: judged on its float value, never on a tie
    exact = Fraction(abs(factor - 1) * 100)
    verdict = judge(exact, q.number, q.approximate, q.bound)
    if verdict is Verdict.OK:
        return None
    text = f"({b.number}/{a.number})^(1/{years}) - 1" if sign > 0 else f"1 - ({b.number}/{a.number})^(1/{years})"
    return ChangeResult(verdict, f"{text} = {fmt(exact, q.decimals)}%")


def evaluate_twin(claim: RateClaim, doc, vocab: RateVocabulary) -> ChangeResult | None:
    """A change stated twice in one paragraph, once without its base: 新受理151件，同比增长128.78%。
    2023年…66件，2024年…151件，同比增长128.78%. The first has no base of its own; the same
    rate of the same value, stated with its base just after, settles it."""
    if from_to(claim, doc) is not None or not claim.direction:
        return None
    counts = base_counts(claim, doc, vocab)
    if not counts or counts[0][1]:
        return None
    value = counts[0][0].value
    for twin, result in _with_pairs(doc, vocab):
        if twin is not claim and twin.quantity.sentence.paragraph is claim.quantity.sentence.paragraph \
                and twin.quantity.number == claim.quantity.number and twin.direction == claim.direction \
                and from_to(twin, doc)[1].value == value and not claim.quantity.approximate:
            return result
    return None


def _with_pairs(doc, vocab: RateVocabulary) -> list:
    """(claim, ChangeResult) of every change judged against two stated values and found off."""
    from checker.figures.relations import rate_claims

    def build():
        out = []
        for c in rate_claims(doc, vocab):
            result = evaluate_from_to(c, doc) if c.direction else None
            if result is not None:
                out.append((c, result))
        return out
    cache = doc.memo("figures.changes_with_pairs", dict, language=True)
    if id(vocab) not in cache:
        cache[id(vocab)] = (vocab, build())
    return cache[id(vocab)][1]


def base_counts(claim: RateClaim, doc, vocab: RateVocabulary) -> list[tuple[Quantity, bool]]:
    """The counts a 同比 or growth rate may be about, each with whether it is
    the change itself (增长30人) or this year's value (来信来访案件90宗).

    The counts before the rate in its clause and the clause just before it,
    after any earlier percentage; whole counts of discrete things only.
    """
    qs = _sentence_counts(claim, doc)
    out = []
    for x in reversed([x for x in qs if x.end <= claim.start]):
        if x.kind != "count":
            break
        if len(CLAUSE_BREAK.findall(doc.text, x.end, claim.quantity.lead)) > 1:
            break
        if not x.is_count or x.value <= 0 or is_continuous(x.unit):
            return []   # an approximate or measured figure: nothing can be said
        words = vocab.increase + vocab.decrease + vocab.delta_words
        out.append((x, any(x.before.endswith(w) or x.before.endswith(w + "了") for w in words)))
    return out


def evaluate_base(claim: RateClaim, doc, vocab: RateVocabulary) -> ChangeResult | None:
    """GRIM-style: is there a whole base that gives this rounded rate?

    Every candidate count is tried (as the change when its clause says
    增加/减少, else as this year's value); the claim is reported only when
    none has a fitting whole base.
    """
    q = claim.quantity
    if claim.kind not in ("compare", "change") or not claim.direction or q.approximate or q.value <= 0:
        return None
    if "分别" in claim.name or from_to(claim, doc) is not None:
        return None   # respective rates, or both values stated (stat-change judges those)
    head = q.before[:q.before.rfind(claim.name)] if claim.name in q.before else q.before
    if len(head.strip("，,、 并且")) >= 2:
        return None   # the rate has a subject of its own (涉案金额同比下降…), not the count before
    candidates = base_counts(claim, doc, vocab)
    if not candidates:
        return None
    shown = None
    for x, is_delta in candidates:
        if _feasible(int(x.value), is_delta, claim.direction, q) is not False:
            return None
        if shown is None:
            value = int(x.value)
            shown = _nearest(value, is_delta, claim.direction, q, _rate_function(value, is_delta, claim.direction))
    return ChangeResult(Verdict.WRONG, shown)


def _feasible(value: int, is_delta: bool, direction: int, q: Quantity) -> bool | None:
    """True/False, or None when the range of bases is too wide to matter."""
    rate = _rate_function(value, is_delta, direction)
    lo, hi = accepting_interval(q.number)
    bases = _base_range(value, is_delta, direction, lo, hi)
    if bases is None:
        return None
    first, last = bases
    if last - first > MAX_BASES:
        return None
    return any(judge(rate(b), q.number, True) is Verdict.OK for b in range(max(first, 1), last + 1))


def _rate_function(value: int, is_delta: bool, direction: int):
    if is_delta:
        return lambda b: percent(value, b)
    if direction > 0:
        return lambda b: percent(value - b, b)
    return lambda b: percent(b - value, b)


def _base_range(value, is_delta, direction, lo: Fraction, hi: Fraction):
    """Whole bases b whose rate may lie in [lo, hi] (a little wider is harmless)."""
    lo = max(lo, Fraction(0))
    if is_delta:
        if hi <= 0:
            return None
        small, large = 100 * Fraction(value) / hi, (100 * Fraction(value) / lo if lo > 0 else None)
    elif direction > 0:
        small, large = 100 * Fraction(value) / (100 + hi), 100 * Fraction(value) / (100 + lo)
    else:
        if lo >= 100:
            return None
        small = 100 * Fraction(value) / (100 - lo)
        large = 100 * Fraction(value) / (100 - hi) if hi < 100 else None
    if large is None:
        return None
    return math.floor(small) - 1, math.ceil(large) + 1


def _nearest(value, is_delta, direction, q: Quantity, rate) -> str:
    """The two whole bases around the exact one, to show why none fits."""
    r = Fraction(q.number)
    if is_delta:
        b = 100 * Fraction(value) / r
    elif direction > 0:
        b = 100 * Fraction(value) / (100 + r)
    else:
        b = 100 * Fraction(value) / (100 - r)
    parts = []
    for base in sorted({max(1, math.floor(b)), max(1, math.ceil(b))}):
        if is_delta:
            expr = f"{value}/{base}"
        elif direction > 0:
            expr = f"({value}-{base})/{base}"
        else:
            expr = f"({base}-{value})/{base}"
        parts.append(f"{expr} = {fmt(rate(base), q.decimals)}%")
    return "; ".join(parts)


class PointsChange(namedtuple("PointsChange", "points old new result")):
    # points: Quantity  the 个百分点 figure
    # old: Quantity
    # new: Quantity
    # result: ChangeResult
    __slots__ = ()


def points_changes(doc) -> list[PointsChange]:
    """由A%下降到B%，下降X个百分点: X must be |A - B| at X's decimals."""
    out = []
    for qs in by_sentence(doc).values():
        for i, x in enumerate(qs):
            if x.kind != "points" or i < 2 or x.approximate:
                continue
            a, b = qs[i - 2], qs[i - 1]
            if not (a.kind == b.kind == "percent" and not a.approximate and not b.approximate):
                continue
            if not (_FROM.search(a.before) and _TO.search(b.before)) or "分别" in x.before:
                continue
            if len(CLAUSE_BREAK.findall(doc.text, b.end, x.lead)) > 1:
                continue
            diff = abs(Fraction(b.value) - Fraction(a.value))
            verdict = judge(diff, x.number)
            if verdict is not Verdict.OK:
                hi, lo = (a, b) if a.value >= b.value else (b, a)
                text = f"{hi.number}-{lo.number} = {fmt(diff, x.decimals)}"
                out.append(PointsChange(x, a, b, ChangeResult(verdict, text)))
    return out
