"""repeated-paragraph: the same paragraph twice — a copy-and-paste leftover.

    check: repeated-paragraph
    params:
      min_chars: 20     # shorter paragraphs (a heading-like line) may repeat
      scope: paragraphs

Paragraphs are compared after dropping all whitespace; the hit is on every
repetition after the first, and names the line of the first. The notes under a
table (说明：1.统计范围为…) are not compared: each table carries its own.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, register
from checker.checks._util import SCOPE, check_scope
from checker.findings import Hit, clip
from checker.document.scope import blocks, table_notes

_SPACE = re.compile(r"\s+")


@register
class RepeatedParagraph(CheckType):
    name = "repeated-paragraph"
    params = {
        "min_chars": Param((int,), 20, minimum=1),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        return params

    def run(self, doc, p, ctx):
        seen: dict[str, int] = {}
        notes = table_notes(doc)
        for b in blocks(doc, p["scope"]):
            if notes and b.span.line in notes:
                continue  # NOTE: each table carries its own notes (说明：1.统计范围为…)
            key = _SPACE.sub("", b.text)
            if len(key) < p["min_chars"]:
                continue
            if key in seen:
                yield Hit(b.span.start, b.span.end, {"line": seen[key], "text": clip(key, 20)})
            else:
                seen[key] = b.span.line
