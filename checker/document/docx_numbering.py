"""Word's automatic list numbering, rendered as the reader sees it.

A paragraph is numbered by a `w:numPr` (its own or its style's): `numId`
names a `w:num`, which points at a `w:abstractNum` whose `w:lvl` (by
`ilvl`) gives the start value, the number format (`numFmt`), the label
template (`lvlText`, e.g. "（%1）") and what follows the label (`suff`).
Counters belong to the abstract definition (list instances sharing one
continue each other, as in Word) unless a `w:num` overrides a level's start;
a level restarts when a higher level is used (or as `lvlRestart` says).
"""
from __future__ import annotations

from docx.oxml.ns import qn

from checker.document.numerals import int_to_cn

_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_LABEL_END = "、.．)）:：]】"


def _val(el, tag: str, default=None):
    if el is None:
        return default
    child = el.find(qn(tag))
    if child is None:
        return default
    return child.get(qn("w:val"), default)


MAX_NUMBER = 32767  # Word's own limit for a list level's start value


def _int(value, default: int) -> int:
    """An attribute as an int within Word's range (a planted 10^8 must not render as
    millions of letters)."""
    try:
        return max(-MAX_NUMBER, min(int(value), MAX_NUMBER))
    except (TypeError, ValueError):
        return default


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _cn_legal(n: int) -> str:
    return int_to_cn(n).translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))


def _table(chars: str, n: int) -> str:
    return chars[n - 1] if 1 <= n <= len(chars) else str(n)


def format_number(n: int, fmt: str) -> str:
    if not -MAX_NUMBER <= n <= MAX_NUMBER:  # NOTE: counters grow with paragraphs; labels stay short
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseDigitalTenThousand"):
        return int_to_cn(n) if 0 <= n < 10000 else str(n)
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _cn_legal(n) if 0 <= n < 10000 else str(n)
    if fmt in ("ideographTraditional",):
        return _table(_TIANGAN, n)
    if fmt == "ideographZodiac":
        return _table(_DIZHI, n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _table(_CIRCLED, n)
    if fmt == "decimalEnclosedParen":
        return _table(_PAREN, n)
    if fmt == "decimalEnclosedFullstop":
        return _table(_STOP, n)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)  # decimal, ordinal, cardinalText and anything unknown


class Numbering:
    """Numbering definitions of one document plus the running counters."""

    def __init__(self, numbering_el, styles_el):
        self.abstract = {}
        self.nums = {}
        self.styles = {}
        self.default_style = None
        if numbering_el is not None:
            for a in numbering_el.findall(qn("w:abstractNum")):
                self.abstract[a.get(qn("w:abstractNumId"))] = a
            for n in numbering_el.findall(qn("w:num")):
                self.nums[n.get(qn("w:numId"))] = n
        if styles_el is not None:
            for s in styles_el.findall(qn("w:style")):
                self.styles[s.get(qn("w:styleId"))] = s
                if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true", "on"):
                    self.default_style = s.get(qn("w:styleId"))
        self.counters: dict[str, dict[int, int | None]] = {}
        self.started: set[tuple[str, int]] = set()

    # -- which list and level a paragraph belongs to -----------------------
    def _style_numpr(self, style_id):
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return None, None
            pPr = style.find(qn("w:pPr"))
            numPr = pPr.find(qn("w:numPr")) if pPr is not None else None
            if numPr is not None:
                return numPr, style_id
            style_id = _val(style, "w:basedOn")
        return None, None

    def _resolve(self, p):
        pPr = p.find(qn("w:pPr"))
        style_id = _val(pPr, "w:pStyle") or self.default_style
        own = pPr.find(qn("w:numPr")) if pPr is not None else None
        style_numpr, from_style = self._style_numpr(style_id)
        num_id = _val(own, "w:numId") or _val(style_numpr, "w:numId")
        ilvl = _val(own, "w:ilvl") or _val(style_numpr, "w:ilvl")
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abs_id = _val(self.nums[num_id], "w:abstractNumId")
        abs_id = self._follow_style_link(abs_id)
        if abs_id not in self.abstract:
            return None
        if ilvl is None:  # a style linked to a level: the level names the style
            ilvl = next((lvl.get(qn("w:ilvl")) for lvl in self.abstract[abs_id].findall(qn("w:lvl"))
                         if _val(lvl, "w:pStyle") in (style_id, from_style)), "0")
        return num_id, abs_id, min(max(_int(ilvl, 0), 0), 8)

    def _follow_style_link(self, abs_id):
        a = self.abstract.get(abs_id)
        link = _val(a, "w:numStyleLink")
        if link:
            numpr, _ = self._style_numpr(link)
            target = _val(numpr, "w:numId")
            if target in self.nums:
                linked = _val(self.nums[target], "w:abstractNumId")
                if linked in self.abstract and linked != abs_id:
                    return linked
        return abs_id

    def _level(self, num_id, abs_id, ilvl):
        for override in self.nums[num_id].findall(qn("w:lvlOverride")):
            if _int(override.get(qn("w:ilvl")), -1) == ilvl and override.find(qn("w:lvl")) is not None:
                return override.find(qn("w:lvl"))
        for lvl in self.abstract[abs_id].findall(qn("w:lvl")):
            if _int(lvl.get(qn("w:ilvl")), -1) == ilvl:
                return lvl
        return None

    def _start_override(self, num_id, ilvl):
        for override in self.nums[num_id].findall(qn("w:lvlOverride")):
            if _int(override.get(qn("w:ilvl")), -1) == ilvl:
                value = _val(override, "w:startOverride")
                if value is not None:
                    return _int(value, 1)
        return None

    # -- the label ----------------------------------------------------------
    def label(self, p) -> str:
        """The number label Word shows before paragraph `p` ("" if none); advances the counters."""
        found = self._resolve(p)
        if found is None:
            return ""
        num_id, abs_id, ilvl = found
        lvl = self._level(num_id, abs_id, ilvl)
        if lvl is None:
            return ""
        counters = self.counters.setdefault(abs_id, {})
        override = self._start_override(num_id, ilvl)
        if override is not None and (num_id, ilvl) not in self.started:
            counters[ilvl] = override
        elif counters.get(ilvl) is None:
            counters[ilvl] = _int(_val(lvl, "w:start"), 0)
        else:
            counters[ilvl] += 1
        self.started.add((num_id, ilvl))
        for deeper in range(ilvl + 1, 9):
            deep_lvl = self._level(num_id, abs_id, deeper)
            restart = _int(_val(deep_lvl, "w:lvlRestart"), deeper) if deep_lvl is not None else deeper
            if restart and ilvl < restart:
                counters[deeper] = None
        return self._render(lvl, num_id, abs_id, ilvl, counters)

    def _render(self, lvl, num_id, abs_id, ilvl, counters) -> str:
        fmt = _val(lvl, "w:numFmt", "decimal")
        text = _val(lvl, "w:lvlText", "")
        legal = lvl.find(qn("w:isLgl")) is not None
        if fmt == "bullet":
            label = text
        else:
            for k in range(9, 0, -1):
                if f"%{k}" in text:
                    level = self._level(num_id, abs_id, k - 1)
                    value = counters.get(k - 1)
                    if value is None:
                        value = _int(_val(level, "w:start"), 0) if level is not None else 0
                    kfmt = "decimal" if legal and k - 1 != ilvl else (
                        _val(level, "w:numFmt", "decimal") if level is not None else "decimal")
                    text = text.replace(f"%{k}", format_number(value, kfmt))
            label = text
        if not label:
            return ""
        suffix = _val(lvl, "w:suff", "tab")
        # NOTE: a tab or space after a label ending in 、 . ） is not part of what a
        # reader takes for the marker ("（一）加强…"); elsewhere keep one space.
        if suffix == "nothing" or label[-1] in _LABEL_END:
            return label
        return label + " "
