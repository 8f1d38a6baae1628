"""stray-space: a space inside Chinese running text — around a number, before its
unit or %, or between two Chinese characters or marks.

    check: stray-space
    params:
      scope: document
      around_numbers: true     # 达 99.70 %  -> 达99.70%, 1 250件 -> 1250件 (one hit per number)
      between_chinese: true    # 培育 “提效”  -> 培育“提效”

Spaces are the ASCII space, the no-break space (U+00A0), the en/em/thin
spaces and the ideographic space (U+3000) — invisible when the text was
copied from a web page. Chinese official texts put no space between a number
and Chinese text or its unit (GB/T 15835-2011; GB/T 9704-2012). Leading and
trailing spaces of a block are not stray, nor is one between two phrases of a
quoted slogan (“学习民法典 护航美好生活”). NOTE: a tab, or two or more ASCII
spaces, separates table columns and is left alone. Each hit removes its spaces
as a fix; `expected` is the text without them.
"""
from __future__ import annotations

import bisect
import re

from checker.checks import CheckType, Param, register
from checker.checks._util import SCOPE, check_scope
from checker.findings import Hit
from checker.document.scope import blocks

_SP = re.compile(r"(?<! ) (?! )|[\u00a0\u2002\u2003\u2009\u202f\u3000][ \u00a0\u2002\u2003\u2009\u202f\u3000]*")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20“”‘’…—]")
_UNIT = re.compile(r"[%‰℃\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@register
class StraySpace(CheckType):
    name = "stray-space"
    params = {
        "scope": SCOPE,
        "around_numbers": Param((bool,), True),
        "between_chinese": Param((bool,), True),
    }

    def prepare(self, params):
        check_scope(params)
        return params

    def run(self, doc, p, ctx):
        for b in blocks(doc, p["scope"]):
            text, base = b.text, b.span.start
            for start, end, gaps in _stray(text, p["around_numbers"], p["between_chinese"]):
                quote = text[start:end]
                expected = "".join(ch for k, ch in enumerate(quote)
                                   if not any(a <= start + k < z for a, z in gaps))
                yield Hit(base + start, base + end, {"text": quote.replace("\u00a0", "␣")}, expected,
                          tuple((base + a, base + z, "") for a, z in gaps))


def _stray(text: str, numbers: bool, chinese: bool):
    """(start, end, gaps) per stray space; a number's gaps before and after are one hit."""
    out = []
    quoted = None
    for m in _SP.finditer(text):
        a, z = m.span()
        if a == 0 or z == len(text):
            continue
        left, right = text[a - 1], text[z]
        if chinese and _CJK.match(left) and _CJK.match(right):
            if quoted is None:
                quoted = [q.span() for q in _QUOTED.finditer(text)]
            if not _slogan_gap(text, a, z, quoted):
                out.append((a - 1, z + 1, [(a, z)]))
        elif numbers and _CJK.match(left) and right.isdigit() and _NUMBER.match(text, z):
            # NOTE: str.isdigit holds for ² and other digits the number pattern does not read
            out.append((a - 1, _NUMBER.match(text, z).end(), [(a, z)]))
        elif numbers and left.isdigit() and right.isdigit():
            split = _split_number(text, a, z, m.group())
            if split:
                out.append(split)
        elif numbers and left.isdigit() and _UNIT.match(right):
            prev = out[-1] if out else None
            if prev and prev[1] == a and text[prev[1] - 1].isdigit() and len(prev[2]) == 1:
                out[-1] = (prev[0], z + 1, prev[2] + [(a, z)])  # 达 99.70 % is one slip
            else:
                out.append((_number_start(text, a), z + 1, [(a, z)]))
    return out


def _slogan_gap(text: str, a: int, z: int, quoted) -> bool:
    """“学习民法典 护航美好生活”: a space between two phrases of a quoted slogan or theme
    is a typographic convention, not a slip (phrases of two or more Chinese characters)."""
    i = bisect.bisect_left(quoted, (a,)) - 1   # the last quotation opening before the space
    if i < 0 or not z < quoted[i][1]:
        return False
    return bool(_HAN2.fullmatch(text, a - 2, a)) and bool(_HAN2.match(text, z))


_QUOTED = re.compile(r"“[^“”\n]{4,40}”|《[^《》\n]{4,40}》")
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")


def _split_number(text: str, a: int, z: int, gap: str):
    """1 250件: a count split by a space before its last three digits. NOTE: the thin
    spaces GB/T 15835 allows as digit grouping (U+2009, U+202F) are left alone, and so
    are longer runs (0571 8888) and groups not followed by a unit (table columns)."""
    if "\u2009" in gap or "\u202f" in gap:
        return None
    i = a
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    if not 1 <= a - i <= 3 or (i and (text[i - 1] in ".," or text[i - 1].isspace())):
        return None
    tail = _GROUP.match(text, z)
    return (i, tail.end(), [(a, z)]) if tail else None


_GROUP = re.compile(r"\d{3}(?=[%‰\u3400-\u4dbf\u4e00-\u9fff])")


def _number_start(text: str, end: int) -> int:
    i = end
    while i > 0 and (text[i - 1].isdigit() or text[i - 1] in ".,") :
        i -= 1
    return i
