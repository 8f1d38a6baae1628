"""Suppression comments in a report's text: where they are and what they name.

    <!-- reportlint-disable S101,N102 -->   off from this line on (no ids: every rule)
    <!-- reportlint-enable S101 -->         on again (no ids: every rule)
    <!-- reportlint-disable-next-line P201 -->   off for the next non-blank line

Reading them is part of reading the document; applying them to findings is
checker.suppress's job, and reporting unused ones checker.checks.suppression's.
"""
from __future__ import annotations

import re
from collections import namedtuple

from checker.document.model import LineIndex

MARK = "reportlint-"
# NOTE: the ids stop at the next "<!--": a long line of unclosed comments is scanned once,
# not once per comment (which took minutes on a 460 KB line)
_DIRECTIVE = re.compile(r"<!--[ \t\u3000]*reportlint-(disable-next-line|disable|enable)\b((?:(?!<!--)[^\r\n])*?)-->")
_ID = re.compile(r"[^\s,，、]+")


class Directive(namedtuple("Directive", "kind ids start end line")):
    # kind: str  disable | enable | disable-next-line
    # ids: tuple[tuple[str, int, int], ...]  (id, start, end) offsets into the text
    # start: int  the comment's span
    # end: int
    # line: int  1-based line of the comment
    __slots__ = ()


def directives(text: str, index=None) -> list[Directive]:
    """Every suppression comment in the text, in order."""
    if MARK not in text:
        return []
    if index is None:
        index = LineIndex(text)
    out = []
    for m in _DIRECTIVE.finditer(text):
        base = m.start(2)
        ids = tuple((i.group(0), base + i.start(), base + i.end()) for i in _ID.finditer(m.group(2)))
        out.append(Directive(m.group(1), ids, m.start(), m.end(), index.position(m.start())[0]))
    return out
