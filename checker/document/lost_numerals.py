"""Headings printed without their numeral on a line of their own (主要工作, 行政执法信息情况).

The grammar knows a heading by its marker; a heading whose marker was lost in copying
reads as a short line of text. Two shapes make it certain enough to read it as a
heading again (flagged `missing-numeral`, so N101 reports it and the numbering around
it stays right):

* a short line right under a part heading, when the first numbered heading after it
  under that part is numbered 二: the line is the lost 一 (第一部分 概况 / 信息情况 /
  二、综述);
* a short line that names a part of the report (主要工作, 存在的问题: a section kind),
  after a part that already has its text, and right before a （一）: the line is the
  next part, whose subsections follow (一、基本情况 … / 主要工作 / （一）…).
"""
from __future__ import annotations

import re

from checker.document.lines import STRIP, is_date_line, is_org_line, stripped_span
from checker.document.model import Heading, Line, LineIndex
from checker.document.parser import expected_marker


_LOOK_AHEAD = 400   # lines: NOTE: bounds the scan, so a text of short lines stays linear


def _plain(text: str) -> str:
    """The line's text without Markdown heading or bold marks (## 主要工作, **主要工作**)."""
    return _MARKDOWN.sub("", text.strip(STRIP)).strip(STRIP)


_MARKDOWN = re.compile(r"^#{1,6}[ \t]*|^(?:\*\*|__)|(?:\*\*|__)$")


def _heading_like(text: str) -> bool:
    t = _plain(text)
    return 2 <= len(t) <= 30 and not re.search(r"[。，,；;：:！？!?、“”《》()（）|｜]", t) \
        and bool(re.search(r"[\u4e00-\u9fff]{2}", t)) and not is_date_line(t) and not is_org_line(t) \
        and not re.search(r"\d", t)


def restore(content: list[Line], headings: dict, index: LineIndex, classify) -> tuple[list[Line], dict]:
    """(content, headings) with lost-numeral headings read as headings again."""
    found: dict[int, Heading] = {}
    has_text: dict[int, bool] = {}   # level -> has the open section of that level any content yet
    for i, line in enumerate(content):
        if line.kind == "heading":
            h = headings[line.span.line]
            for level in [k for k in has_text if k >= h.level]:
                del has_text[level]
            for level in has_text:
                has_text[level] = True   # a subsection is content of the sections above it
            has_text[h.level] = False
            continue
        if line.kind == "text" and _heading_like(line.text):
            level = _under_part(content, headings, i) or _before_first_child(content, headings, i, classify, has_text)
            if level:
                found[i] = _lost(line, level, index)
                continue
        for level in has_text:
            has_text[level] = True
    if not found:
        return content, headings
    headings = dict(headings)
    out = list(content)
    for i, h in found.items():
        line = content[i]
        headings[line.span.line] = h
        out[i] = Line("heading", line.span, line._source)
    return out, headings


def _under_part(content, headings, i) -> int | None:
    """The level of the lost 一 when content[i] comes right after a parent heading and
    the first numbered heading under that parent is a 二."""
    if i == 0 or content[i - 1].kind != "heading" or i + 1 >= len(content) or content[i + 1].kind == "heading":
        return None
    parent = headings[content[i - 1].span.line]
    for line in content[i + 1:i + 1 + _LOOK_AHEAD]:
        if line.kind != "heading":
            continue
        h = headings[line.span.line]
        if h.level <= parent.level:
            return None
        return h.level if h.number == 2 and h.malformed is None else None
    return None


def _before_first_child(content, headings, i, classify, has_text) -> int | None:
    """The level of a lost part heading that names a section kind, stands after a part
    with text of its own and right before a （一） (or 1.) that opens its subsections."""
    if i + 1 >= len(content) or content[i + 1].kind != "heading" or classify(_plain(content[i].text)) == "other":
        return None
    child = headings[content[i + 1].span.line]
    if child.number != 1 or child.level < 2:
        return None
    level = child.level - 1
    return level if has_text.get(level) else None


def _lost(line: Line, level: int, index: LineIndex) -> Heading:
    span = stripped_span(line, index)
    lead = _MARKDOWN.match(line.text.strip(STRIP))
    at = span.start + (lead.end() if lead else 0)   # ## 二、主要工作, **二、主要工作**
    return Heading(level=level, marker="", numeral=None, number=None, delimiter="", malformed="missing-numeral",
                   text=_plain(line.text), span=span, marker_span=index.span(at, at),
                   fullwidth=None, expected_marker=expected_marker(level, None, True))
