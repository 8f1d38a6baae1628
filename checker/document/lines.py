"""Small readings of one line shared by the outline builders: is it a date, an
organisation's name, and the span of its text without the surrounding spaces;
the closing block (signature and date) made from such lines.
"""
from __future__ import annotations

import datetime
import re

from checker.document.model import Closing, Line, LineIndex, Paragraph, Span
from checker.document.numerals import ascii_years, cn_to_int
from checker.document.parser import LEADING_SPACE

STRIP = LEADING_SPACE + " "

# NOTE: read after ascii_years: 二〇二一年 and ２０２１年 are 2021年 by then
_DATE_LINE = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
                        r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?|(?:19|20)\d{4,6})$")
_ORG_END = re.compile(r"(政府|委员会|委|局|办公室|办|院|厅|所|中心|部|署|镇|乡|街道|处|队|会)$")
_ISO_PARTS = re.compile(r"(\d{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")


def is_date_line(text: str) -> bool:
    return bool(_DATE_LINE.match(ascii_years(text.strip(STRIP))))


def is_org_line(text: str) -> bool:
    t = text.strip(STRIP)
    # NOTE: a hard-wrapped sentence can end in 政府 too; names carry no quotes, book marks or digits
    return 2 <= len(t) <= 30 and not re.search(r"[。，,；;：:！？、“”《》\d]", t) and bool(_ORG_END.search(t))


def org_end(text: str) -> bool:
    """Does `text` end in the name of a body (政府, 局, 委员会 …)?"""
    return bool(_ORG_END.search(text))


def stripped_span(line: Line, index: LineIndex) -> Span:
    lead = len(line.text) - len(line.text.lstrip(STRIP))
    body = line.text.strip(STRIP)
    return index.span(line.span.start + lead, line.span.start + lead + len(body))


def paragraphs(lines: list[Line], index: LineIndex) -> list[Paragraph]:
    return [Paragraph(l.text.strip(STRIP), stripped_span(l, index)) for l in lines]


def iso_date(text: str) -> str | None:
    """2021年1月15日, ２０２１年１月１５日 or 二〇二一年一月十五日 as 2021-01-15."""
    m = _ISO_PARTS.match(ascii_years(text))
    if not m:
        return None
    y, mo, d = (int(g) if g.isdigit() else cn_to_int(g) for g in m.groups())
    try:
        return datetime.date(y, mo, d).isoformat()
    except (ValueError, TypeError):
        return None


def make_closing(orgs: list[Line], date_line: Line | None, index: LineIndex, date_first: bool = False) -> Closing:
    lines = ([date_line] if date_first else []) + orgs + ([date_line] if date_line and not date_first else [])
    date_text = date_line.text.strip(STRIP) if date_line else None
    date_span = None
    if date_line:
        lead = len(date_line.text) - len(date_line.text.lstrip(STRIP))
        date_span = index.span(date_line.span.start + lead, date_line.span.start + lead + len(date_text))
    return Closing(
        organisations=tuple(l.text.strip(STRIP) for l in orgs),
        date=iso_date(date_text) if date_text else None, date_text=date_text,
        span=index.span(lines[0].span.start, lines[-1].span.end), date_span=date_span)
