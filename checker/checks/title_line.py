"""title-line: the title stands on a line of its own.

    check: title-line

A title that shares its line with the text after it (…情况的报告2023年，省政府…) lost
the line break that ends it, usually when the report was pasted into a page that
dropped them all. One hit on the title; `expected` says where the line breaks.
Markdown marks around a title (# 某县…报告, **某县…报告**) are not text.
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.findings import Hit, clip

_MARKS = " \t\u3000*_#"


@register
class TitleLine(CheckType):
    name = "title-line"

    def run(self, doc, p, ctx):
        t = doc.title
        if t is None:
            return
        end = doc.text.find("\n", t.span.end)
        # NOTE: the borders of the cell a title stands in (| 标题: | 某县…报告 |) are not text
        after = doc.text[t.span.end:end if end >= 0 else len(doc.text)].strip(_MARKS + "\r|｜")
        if after:
            yield Hit(t.span.start, t.span.end, {"after": clip(after, 10)}, f"{t.text}⏎{after[:10]}")
