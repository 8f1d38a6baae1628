"""Chinese and Arabic numerals: value <-> text, for headings and enumerations."""
from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
_CN = "零一二三四五六七八九"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def ascii_years(text: str) -> str:
    """Full-width digits and digit-by-digit Chinese years (二〇二一年, 二○二一年) as ASCII
    digits. NOTE: one character for one, so offsets into the text still hold."""
    text = text.translate(FULLWIDTH_DIGITS)
    if "年" in text and _CN_YEAR.search(text):
        text = _CN_YEAR.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), text)
    return text


def cn_to_int(s: str) -> int | None:
    """Value of a Chinese numeral below 万 (十一 -> 11, 二十三 -> 23, 一百二十 -> 120)."""
    if not s:
        return None
    if all(ch in DIGITS for ch in s) and len(s) > 1:  # digit by digit: 二〇二〇
        return int("".join(str(DIGITS[ch]) for ch in s))
    total, current = 0, None
    for ch in s:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in UNITS:
            total += (1 if current is None else current) * UNITS[ch]
            current = None
        else:
            return None
    return total + (current or 0)


def int_to_cn(n: int) -> str:
    """11 -> 十一, 23 -> 二十三, 105 -> 一百零五 (n from 0 to 9999)."""
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + _CN[rest] if rest < 10 else
                                     (_CN[rest // 10] + "十" + (_CN[rest % 10] if rest % 10 else "")))
        return _CN[n // 100] + "百" + tail
    rest = n % 1000
    tail = "" if rest == 0 else (("零" if rest < 100 else "") + int_to_cn(rest))
    return _CN[n // 1000] + "千" + tail


def numeral_value(s: str) -> int | None:
    """Value of an Arabic (half- or full-width) or Chinese numeral."""
    t = s.translate(FULLWIDTH_DIGITS)
    if t.isdigit():
        return int(t)
    return cn_to_int(s)
