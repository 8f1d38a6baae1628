"""Exact rounding judgements (GB/T 8170-2008 数值修约规则).

A printed figure with d decimals is *consistent* with an exact value when the
exact value rounds to it at d decimals, half-up (四舍五入, common practice)
or half-even (四舍六入五成双, the rule of GB/T 8170). A figure that matches
only when the exact value is cut off instead (91.7591 -> 91.75) is *truncated*:
a milder finding, accepted outright after an approximation word (约97.8%).
Anything else is *wrong*.

Everything is exact: values are Fractions, printed figures are Decimal
strings, so no float ever decides a verdict.

    >>> judge(Fraction(6536 * 100, 7123), "91.75")
    <Verdict.TRUNCATED: 'truncated'>
    >>> fmt(Fraction(6536 * 100, 7123), 2)
    '91.76'
"""
from __future__ import annotations

import enum
from functools import lru_cache
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction


class Verdict(str, enum.Enum):
    OK = "ok"
    TRUNCATED = "truncated"
    WRONG = "wrong"


def decimals_of(printed: str | Decimal) -> int:
    """How many decimals a printed figure shows ("91.75" -> 2, "85" -> 0)."""
    exp = Decimal(str(printed)).as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def to_fraction(printed: str | Decimal) -> Fraction:
    return Fraction(Decimal(str(printed)))


def quantize(exact: Fraction, decimals: int, mode: str = ROUND_HALF_UP) -> Decimal:
    """`exact` at `decimals` places under a decimal rounding mode, exactly."""
    exact = Fraction(exact)
    sign = -1 if exact < 0 else 1
    scaled = abs(exact) * 10 ** decimals
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    # NOTE: integer arithmetic on the fraction settles ties exactly; a tie is
    # a remainder of exactly one half.
    twice = 2 * rest
    if mode == ROUND_DOWN or twice < scaled.denominator:
        up = False
    elif twice > scaled.denominator:
        up = True
    else:
        up = mode != ROUND_HALF_EVEN or whole % 2 == 1
    q = Decimal(1).scaleb(-decimals)
    return (Decimal(sign * (whole + up)) * q).quantize(q)


def truncate(exact: Fraction, decimals: int) -> Decimal:
    """Cut off (toward zero for the non-negative values reports print)."""
    return quantize(exact, decimals, ROUND_DOWN)


def rounds_to(exact: Fraction, printed: str | Decimal) -> bool:
    d, p = decimals_of(printed), Decimal(str(printed))
    return quantize(exact, d, ROUND_HALF_UP) == p or quantize(exact, d, ROUND_HALF_EVEN) == p


def judge(exact: Fraction, printed: str | Decimal, approximate: bool = False,
          bound: str | None = None) -> Verdict:
    """Is `printed` an honest rendering of `exact`?

    `approximate` (约, 左右 …) also accepts truncation. `bound` is "min" for
    figures given as a floor (以上, 超过, 余, 多: the exact value may be
    larger) and "max" for a ceiling (不到, 不足, 近: it may be smaller).
    """
    exact = Fraction(exact)
    p, d, target, p_frac = _printed(str(printed))
    if exact < 0 or p < 0:
        return _judge_signed(exact, p, d, approximate, bound)
    # NOTE: integer arithmetic throughout: the exact value in units of the
    # last printed place, its remainder deciding half-up and half-even.
    den = exact.denominator
    whole, rest = divmod(exact.numerator * 10 ** d, den)
    twice = 2 * rest
    half_up = whole + (twice >= den)
    half_even = whole + (twice > den or (twice == den and whole % 2 == 1))
    if target in (half_up, half_even):
        return Verdict.OK
    if (bound == "min" and exact >= p_frac) or (bound == "max" and exact <= p_frac):
        return Verdict.OK
    if whole == target:
        return Verdict.OK if (approximate or bound) else Verdict.TRUNCATED
    return Verdict.WRONG


@lru_cache(maxsize=1024)
def _printed(printed: str) -> tuple[Decimal, int, int, Fraction]:
    """A printed figure: its Decimal, decimals, value in last-place units, Fraction."""
    p = Decimal(printed)
    d = decimals_of(p)
    return p, d, int(p.scaleb(d)), Fraction(p)


def _judge_signed(exact: Fraction, p: Decimal, d: int, approximate: bool, bound) -> Verdict:
    if rounds_to(exact, p):
        return Verdict.OK
    if (bound == "min" and exact >= Fraction(p)) or (bound == "max" and exact <= Fraction(p)):
        return Verdict.OK
    if truncate(exact, d) == p:
        return Verdict.OK if (approximate or bound) else Verdict.TRUNCATED
    return Verdict.WRONG


def accepting_interval(printed: str | Decimal) -> tuple[Fraction, Fraction]:
    """Closed bounds of every exact value that rounds or truncates to `printed`.

    [p - h, p + 2h] with h half a unit of the last printed place; the upper
    end is generous by one point (a truncation limit is exclusive), which
    only ever widens what is accepted. Used to search whole bases (GRIM).
    """
    p, h = to_fraction(printed), Fraction(1, 2 * 10 ** decimals_of(printed))
    return p - h, p + 2 * h


def fmt(exact: Fraction, decimals: int) -> str:
    """The exact value as it should be printed at `decimals` places (half-up)."""
    return str(quantize(Fraction(exact), decimals, ROUND_HALF_UP))


def percent(numerator: int | Fraction, denominator: int | Fraction) -> Fraction:
    return Fraction(numerator) * 100 / Fraction(denominator)
