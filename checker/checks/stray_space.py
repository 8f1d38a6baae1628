"""stray-space: a space inside Chinese running text — around a number, before its
unit or %, between two Chinese characters or marks, next to a punctuation mark,
or between the numeral of a heading or list item and its text.

    check: stray-space
    params:
      scope: document
      around_numbers: true     # 达 99.70 %  -> 达99.70%, 1 250件 -> 1250件, 2 8件 (one hit per number)
      between_chinese: true    # 培育 “提效”  -> 培育“提效”
      around_marks: true       # 438件 ,同比 / 检查, 执法 / html) 。 -> no space next to the mark
      after_marker: true       # 一、 行政复议 / (一) 问题 / 1. 认真实施 -> no space after the numeral

Spaces are the ASCII space, the no-break space (U+00A0), the en/em/thin
spaces and the ideographic space (U+3000) — invisible when the text was
copied from a web page. Chinese official texts put no space between a number
and Chinese text or its unit (GB/T 15835-2011; GB/T 9704-2012). Leading and
trailing spaces of a block are not stray, nor is one between two phrases of a
quoted slogan (“学习民法典 护航美好生活”; three phrases or more are a list that
wants 、, unless a theme or slogan word follows: “法治护航 平安相伴 共建和谐”主题活动). NOTE: a tab, or two or more ASCII
spaces, separates table columns and is left alone. Each hit removes its spaces
as a fix; `expected` is the text without them.

Layout spaces are not slips (NOTE: what reviewers of real reports leave alone):
- a line with no clause punctuation (，。；！？) is a line of fields, not a
  sentence: a title naming two issuing bodies (中共某县委 某县人民政府), a part
  label and its title (第一部分 概况, 表一 …), a signer line, a menu or a
  metadata line. There only a space between a number and its unit is reported
  (2019 年), never one between words. A line that continues the sentence of the
  line before it (a wrapped paragraph) is running text all the same;
- letter-spaced short words (目 录, 引 言, 有 效 性:) standing on their own;
- in a heading, a space before its first sentence mark, which ends the heading
  words (（一）法治思维不断强化 多措并举，…), and likewise after a numeral inside a
  paragraph (…十一个方面：（一）推动学法常态化 多措并举): the run-on heading is another
  rule's.
"""
from __future__ import annotations

import bisect
import re

from checker.checks import CheckType, Param, register
from checker.checks._util import SCOPE, check_scope
from checker.findings import Hit
from checker.document.front_lines import injected
from checker.document.scope import blocks

_SP = re.compile(r"(?<! ) (?! )|[\u00a0\u2002\u2003\u2009\u202f\u3000][ \u00a0\u2002\u2003\u2009\u202f\u3000]*")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20“”‘’…—]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNIT = re.compile(r"[%‰℃\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# NOTE: in a line of fields only a measure word after a number is its unit (2019 年, 22 项);
# 2017 广州市 or 11:18 来源 are two fields
_MEASURE = set("%‰℃年月日时分秒件个次项人名家条户元万亿宗起份所处期批届台辆套张本篇场例座倍")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CLAUSE = re.compile(r"[，。；！？;!?]|(?<!\d),|,(?!\d)")
_SENTENCE_END = set("。！？；!?;：:")
_BEFORE_MARK = set("，。；：！？、,;:!?）)》」』】〕”’")     # no space goes before these
_AFTER_MARK = set(",;:，；：。、")                         # nor after these, before a word
_OPENING = set("（(《「『【〔“‘")


@register
class StraySpace(CheckType):
    name = "stray-space"
    params = {
        "scope": SCOPE,
        "around_numbers": Param((bool,), True),
        "between_chinese": Param((bool,), True),
        "around_marks": Param((bool,), True),
        "after_marker": Param((bool,), True),
    }

    def prepare(self, params):
        check_scope(params)
        return params

    def run(self, doc, p, ctx):
        headings = {doc.heading_block(h).span.start for h in doc.headings}
        hits = []
        for b in blocks(doc, p["scope"]):
            text, base = b.text, b.span.start
            lines = _Lines(doc.text, base, text)
            heading_end = _heading_end(text) if base in headings else 0
            for start, end, gaps in _stray(text, p, lines, heading_end):
                hits.append(_hit(text, base, start, end, gaps))
        if p["after_marker"] and p["scope"] in ("document", "headings"):
            hits.extend(_after_markers(doc))
        yield from sorted(hits, key=lambda h: h.start)


def _hit(text: str, base: int, start: int, end: int, gaps) -> Hit:
    quote = text[start:end]
    expected = "".join(ch for k, ch in enumerate(quote) if not any(a <= start + k < z for a, z in gaps))
    return Hit(base + start, base + end, {"text": quote.replace("\u00a0", "␣")}, expected,
               tuple((base + a, base + z, "") for a, z in gaps))


def _after_markers(doc):
    """一、 行政复议 / 1. 认真实施: a space between a numeral and its text, in a heading
    or at the start of a list paragraph. NOTE: when every item of a level has it, that
    is the report's (wrong) style: one finding at the first; otherwise each spaced item
    is the odd one. A part label (第一部分 概况) is no numeral of the four levels and
    keeps its space."""
    levels: dict[int, list] = {}
    for h in doc.headings:
        if h.level >= 1 and h.text:
            a, z = h.marker_span.end, h.span.end - len(h.text)
            levels.setdefault(h.level, []).append((h.marker_span.start, a, z))
    for b in doc.paragraphs:
        m = _ITEM.match(b.text)
        if m:
            level = next(i for i in range(1, 5) if m.group(i))
            base = b.span.start
            levels.setdefault(level, []).append((base, base + m.end(level), base + m.end()))
    for items in levels.values():
        spaced = [(s, a, z) for s, a, z in sorted(items) if _gap(doc.text, a, z)]
        if spaced and len(spaced) == len(items):
            # NOTE: the one finding fixes every item of the level, or the fix would leave a mix
            s, a, z = spaced[0]
            yield Hit(s, z + 1, {"text": doc.text[s:z + 1].replace("\u00a0", "␣")},
                      doc.text[s:a] + doc.text[z:z + 1], tuple((a2, z2, "") for _, a2, z2 in spaced))
            continue
        for s, a, z in spaced:
            yield Hit(s, z + 1, {"text": doc.text[s:z + 1].replace("\u00a0", "␣")},
                      doc.text[s:a] + doc.text[z:z + 1], ((a, z, ""),))


_ITEM = re.compile(r"(?:([一二三四五六七八九十]{1,3}、)|([（(][一二三四五六七八九十]{1,3}[)）])|(\d{1,2}[.．、](?!\d))"
                   r"|([（(]\d{1,2}[)）]))[ \u3000\u00a0]*(?=[\u4e00-\u9fff“《])")


def _gap(text: str, a: int, z: int) -> bool:
    gap = text[a:z]
    return bool(gap) and not gap.strip() and "\t" not in gap and "\n" not in gap


def _heading_end(text: str) -> int:
    """Where a heading block's own words end: its first sentence mark (or its end).
    NOTE: a heading run into its paragraph (法治思维不断强化 多措并举，…) may hold commas
    before the space that ends it."""
    m = _SENTENCE.search(text)
    return m.start() if m else len(text)


_SENTENCE = re.compile(r"[。；;！？!?]")


class _Lines:
    """Which physical lines of a block are lines of fields (see the module docstring)."""

    def __init__(self, source: str, base: int, text: str):
        self.source, self.base, self.text = source, base, text
        self.cache: dict[int, bool] = {}

    def fields(self, i: int) -> bool:
        at = self.base + i
        start = self.source.rfind("\n", 0, at) + 1
        if start not in self.cache:
            end = self.source.find("\n", at)
            line = self.source[start:end if end >= 0 else len(self.source)]
            self.cache[start] = not _CLAUSE.search(line) and not self._continues(start)
        return self.cache[start]

    def _continues(self, start: int) -> bool:
        """Does the line at `start` carry on the sentence of the line just above it?"""
        if start == 0:
            return False
        prev = self.source[self.source.rfind("\n", 0, start - 1) + 1:start - 1].strip()
        return bool(prev) and bool(_CLAUSE.search(prev)) and prev[-1] not in _SENTENCE_END


def _stray(text: str, p, lines: _Lines, heading_end: int):
    """(start, end, gaps) per stray space; a number's gaps before and after are one hit."""
    numbers, chinese, marks = p["around_numbers"], p["between_chinese"], p["around_marks"]
    out = []
    quoted = None
    pasted = None
    for m in _SP.finditer(text):
        a, z = m.span()
        if a == 0 or z == len(text):
            continue
        if pasted is None:
            pasted = injected(text)   # NOTE: an advert put into the text is M120's, not a slip
        if any(s <= a < e for s, e in pasted):
            continue
        left, right = text[a - 1], text[z]
        if chinese and _CJK.match(left) and _CJK.match(right):
            if lines.fields(a) or a < heading_end or _letter_spaced(text, a - 1) or _ends_run_in(text, a):
                continue
            if quoted is None:
                quoted = [q.span() for q in _QUOTED.finditer(text)]
            if not _slogan_gap(text, a, z, quoted):
                out.append((a - 1, z + 1, [(a, z)]))
        elif numbers and _CJK.match(left) and right.isdigit() and _NUMBER.match(text, z):
            # NOTE: str.isdigit holds for ² and other digits the number pattern does not read
            if not lines.fields(a):
                out.append((a - 1, _NUMBER.match(text, z).end(), [(a, z)]))
        elif numbers and left.isdigit() and right.isdigit():
            split = _split_number(text, a, z, m.group())
            if split:
                out.append(split)
        elif numbers and left.isdigit() and _UNIT.match(right):
            if lines.fields(a) and right not in _MEASURE:
                continue
            prev = out[-1] if out else None
            if prev and prev[1] == a and text[prev[1] - 1].isdigit() and len(prev[2]) == 1:
                out[-1] = (prev[0], z + 1, prev[2] + [(a, z)])  # 达 99.70 % is one slip
            else:
                out.append((_number_start(text, a), z + 1, [(a, z)]))
        elif marks and _mark_gap(text, a, z) and not lines.fields(a) and a >= heading_end:
            out.append((a - 1, z + 1, [(a, z)]))
    return out


def _mark_gap(text: str, a: int, z: int) -> bool:
    """A space next to a punctuation mark of Chinese text: 438件 ,同比 / 检查, 执法 /
    html) 。 / http:// www (the pairs of Chinese characters and full-width
    marks are the between_chinese case)."""
    left, right = text[a - 1], text[z]
    if right in _BEFORE_MARK:
        return True
    if left in _AFTER_MARK:
        before = text[a - 2] if a >= 2 else ""
        if (_HAN.match(before) or before.isdigit() or before in "）)》”") and (_HAN.match(right) or right.isdigit()):
            return not (before.isdigit() and right.isdigit())   # 1, 2 may be a list of numbers
        return False
    if left in _OPENING and not right.isspace():
        return True
    return text.endswith("://", 0, a)


_RUN_IN = re.compile(r"(?:^|(?<=[。；;：:\s]))(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))[^。；;\n]{2,40}$")


def _ends_run_in(text: str, a: int) -> bool:
    """（一）推动学法常态化，法治思维不断强化 多措并举: the space ends a heading run into
    its paragraph (the lost 。 is the run-on heading's finding, not a stray space)."""
    return bool(_RUN_IN.search(text, max(0, a - 48), a))


def _letter_spaced(text: str, i: int) -> bool:
    """目 录, 引 言, 有 效 性: — single characters spaced out, six at most, standing on
    their own (at a line edge, or before a colon). A spaced-out sentence (力 推 动 行 政
    复议 化 解) goes on into longer words and is a slip."""
    s = i
    while s >= 2 and text[s - 1] == " " and _HAN.match(text[s - 2]):
        s -= 2
    e = i
    while e + 2 < len(text) and text[e + 1] == " " and _HAN.match(text[e + 2]):
        e += 2
    count = (e - s) // 2 + 1
    if not 2 <= count <= 6:
        return False
    before = text[:s].rstrip(" \u3000")
    after = text[e + 1:].lstrip(" \u3000")
    left_ok = not before or before[-1] == "\n" or not _CJK.match(before[-1])
    right_ok = not after or after[0] in "\n:：" or not _CJK.match(after[0])
    return left_ok and right_ok and (e + 1 == len(text) or not _HAN.match(text[e + 1]))


def _slogan_gap(text: str, a: int, z: int, quoted) -> bool:
    """“学习民法典 护航美好生活”: a space between two phrases of a quoted slogan or theme
    is a typographic convention, not a slip (phrases of two or more Chinese characters)."""
    i = bisect.bisect_left(quoted, (a,)) - 1   # the last quotation opening before the space
    if i < 0 or not z < quoted[i][1]:
        return False
    # NOTE: three phrases or more (“领导带学 集体研学 专题培训”模式) are a list that wants 、,
    # unless the quotation is the theme or slogan of an activity (“法治护航 平安相伴 共建和谐”主题活动)
    if len(_SP.findall(text, quoted[i][0], quoted[i][1])) >= 2 and not _THEME_AFTER.match(text, quoted[i][1]):
        return False
    return bool(_HAN2.fullmatch(text, a - 2, a)) and bool(_HAN2.match(text, z))


_THEME_AFTER = re.compile(r"(?:为|的)?(?:主题|口号|标语|宣传|活动|系列)")
_QUOTED = re.compile(r"“[^“”\n]{4,40}”|《[^《》\n]{4,40}》")
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")


def _split_number(text: str, a: int, z: int, gap: str):
    """1 250件: a count split by a space before its last three digits, or 2 8件: one
    split between single digits. NOTE: the thin spaces GB/T 15835 allows as digit
    grouping (U+2009, U+202F) are left alone, and so are longer runs (0571 8888),
    groups not followed by a unit (table columns) and a number after a label (序号1 25件)."""
    if "\u2009" in gap or "\u202f" in gap:
        return None
    i = a
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    if not 1 <= a - i <= 3 or (i and (text[i - 1] in ".," or text[i - 1].isspace())):
        return None
    tail = _GROUP.match(text, z)
    if tail:
        return (i, tail.end(), [(a, z)])
    short = _SHORT.match(text, z)
    if short and a - i == 1 and i and _HAN.match(text[i - 1]) and text[i - 1] not in _LABEL_END:
        return (i, short.end(), [(a, z)])
    return None


_GROUP = re.compile(r"\d{3}(?=[%‰\u3400-\u4dbf\u4e00-\u9fff])")
_SHORT = re.compile(r"\d(?=[%‰件个次项人名家条户宗起份所处])")
_LABEL_END = set("号第序表图页章节条款栏")


def _number_start(text: str, end: int) -> int:
    i = end
    while i > 0 and (text[i - 1].isdigit() or text[i - 1] in ".,") :
        i -= 1
    return i
