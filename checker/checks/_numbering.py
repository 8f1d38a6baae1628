"""Shared analysis for the numbering check types (this module registers none).

Heading numbers are judged per sibling group: the children of one section
(or the top-level sections) that share a level, so every sequence restarts
under each parent. `walk` reads a group's numbers the way a proof-reader
does and returns its breaks: a missing numeral, a gap, a repeat, a sequence
starting elsewhere than 1, numerals out of order. Each break says which
number belongs there and which siblings a fix must renumber with it.
The enumeration check type (一是/二是) reuses `walk` on its lists.
"""
from __future__ import annotations

import re
from collections import Counter
from collections import namedtuple

from checker.document.model import Heading
from checker.document.parser import expected_marker

class Group(namedtuple("Group", "parent level headings start", defaults=(0,))):
    """Sibling headings of one level under one parent (None: the top level);
    `start` is the number their sequence carries on from (0: it starts afresh)."""
    # parent: Heading | None
    # level: int
    # headings: tuple[Heading, ...]
    # start: int = 0
    __slots__ = ()

    @property
    def numbers(self) -> list:
        return [numbered(h) for h in self.headings]


class Break(namedtuple("Break", "index kind expected previous renumber")):
    """Where a sequence goes wrong: position, kind, the number that belongs
    there, and (position, number) pairs to rewrite to repair it."""
    # index: int
    # kind: str
    # expected: int
    # previous: int
    # renumber: tuple[tuple[int, int], ...]
    __slots__ = ()


def sibling_groups(doc) -> tuple[Group, ...]:
    """Every sibling group, parents in reading order; see `_carry_on`.

    Kept on the document: six numbering rules read the same groups."""
    return doc.memo("checks.sibling_groups", lambda: tuple(_groups(doc)))


def _groups(doc) -> list[Group]:
    out = _split(None, doc.sections)
    nested: dict[int, list[Group]] = {}
    for section in doc.walk_sections():
        for group in _split(section.heading, section.children):
            nested.setdefault(group.level, []).append(group)
    for level in sorted(nested):
        out.extend(_carry_on(nested[level]))
    return out


def _carry_on(groups: list[Group]) -> list[Group]:
    """NOTE: some reports number a level straight through the document (1. 2.
    under (一), 3. 4. under (二)). When no group of a level after the first
    restarts at 1 and one carries on from the group before, that is the
    document's style: each group then continues from the one before it."""
    firsts = [g.numbers[0] for g in groups[1:]]
    lasts = [_last(g.numbers) for g in groups]
    if 1 in firsts or not any(f == last + 1 for f, last in zip(firsts, lasts) if f is not None):
        return groups
    return [groups[0]] + [g._replace(start=last) for g, last in zip(groups[1:], lasts)]


def _last(numbers: list) -> int:
    """The number the last heading of a sequence stands for (missing ones count on)."""
    last = 0
    for num in numbers:
        last = last + 1 if num is None else num
    return last


def _split(parent, sections) -> list[Group]:
    by_level: dict[int, list[Heading]] = {}
    for s in sections:
        by_level.setdefault(s.heading.level, []).append(s.heading)
    return [Group(parent, level, tuple(hs), _run_in(parent, level, hs)) for level, hs in sorted(by_level.items())]


# NOTE: 一、全市办理案件情况 (一)案件受理情况: the first child heading ran into its parent's line
_RUN_IN = {2: re.compile(r"(?<=[\u4e00-\u9fff])(?<!第)[ \t\u3000]*[（(]一[)）][\u4e00-\u9fff]{2}"),
           3: re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+1[.．、][\u4e00-\u9fff]{2}")}


def _run_in(parent, level: int, hs: list) -> int:
    """1 when the first child's numeral stands run into the parent heading's text and the
    children printed on lines of their own begin at 2: the sequence starts there."""
    if parent is None or numbered(hs[0]) != 2 or level not in _RUN_IN:
        return 0
    return 1 if _RUN_IN[level].search(parent.text) else 0


def walk(numbers: list, start_prev: int = 0, restart_after: int = 2) -> list[Break]:
    """The breaks of one sequence; None stands for a missing numeral.

    NOTE: a missing numeral takes the number after its predecessor, so
    `() () (三)` reads as (一)(二)(三) with no gap. After any other break the
    sequence continues from whichever reading makes the next numeral fit
    (the printed one: 一二四五 is one gap; the expected one: 一二二四 is one
    slip), so one defect gives one finding. A return to 1 after 2 or more is
    a new list (an unnumbered sub-heading in between), never reported;
    `restart_after` = 1 makes a second 1 a new list too (for 一是 lists).
    """
    breaks: list[Break] = []
    prev, i, n = start_prev, 0, len(numbers)
    while i < n:
        num, exp = numbers[i], prev + 1
        if num is None:
            breaks.append(Break(i, "missing", exp, prev, ((i, exp),)))
            prev, i = exp, i + 1
            continue
        if num == exp or (num == 1 and prev >= restart_after):
            prev, i = num, i + 1
            continue
        nxt = numbers[i + 1] if i + 1 < n else None
        if num == exp + 1 and nxt == exp:  # two siblings swapped
            breaks.append(Break(i, "order", exp, prev, ((i, exp), (i + 1, num))))
            prev, i = num, i + 2
            continue
        kind = "start" if prev == 0 else "repeat" if num == prev else "order" if num < prev else "gap"
        if nxt is not None and nxt == num + 1:
            cont = num
        elif nxt is not None and nxt == exp + 1:
            cont = exp
        else:
            cont = prev if kind == "order" else num
        breaks.append(Break(i, kind, exp, prev, _renumber(numbers, i, exp, cont, num)))
        prev, i = cont, i + 1
    return breaks


def _renumber(numbers, i, exp, cont, num) -> tuple[tuple[int, int], ...]:
    """This position -> exp; when the printed number carries on, the siblings
    that follow it shift with it (a --fix applies them together)."""
    out = [(i, exp)]
    if cont != num:
        return tuple(out)
    j = i + 1
    while j < len(numbers) and numbers[j] in (None, num + (j - i)):
        out.append((j, exp + (j - i)))
        j += 1
    return tuple(out)


def document_width(doc) -> bool | None:
    """The bracket width the document's (一)/(1) markers mostly use: True
    full-width, False half-width, None when none has brackets. A tie goes
    to the width printed first."""
    widths = [h.fullwidth for h in doc.headings if h.level in (2, 4) and h.fullwidth is not None]
    if not widths:
        return None
    counts = Counter(widths)
    if counts[True] != counts[False]:
        return counts[True] > counts[False]
    return widths[0]


def marker(level: int, number: int, width: bool | None) -> str:
    """The well-formed marker: 一、 （一） 1. （1）, brackets of the given width."""
    return expected_marker(level, number, True if width is None else width)


def short(text: str, limit: int = 16) -> str:
    """A heading's text for a message: without its closing 。, at most `limit` characters."""
    text = text.strip().rstrip("。")
    return text if len(text) <= limit else text[:limit] + "…"


def numbered(h: Heading) -> int | None:
    return h.number if h.malformed != "missing-numeral" else None
