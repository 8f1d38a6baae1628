"""enumeration-sequence: in-paragraph lists 一是…二是…, 第一，…第二，…, 首先…其次…再次.

    check: enumeration-sequence
    params: {report: gap}        # gap | repeat | start | order

gap: 一是…三是 (expected 二是). repeat: 二是…二是, 其次…其次 (expected
三是, 再次). start: a list that begins at 二是 or 第二 with no 一是 before
it. order: 一是…三是…二是.
A list runs through the paragraphs of one section (一是 ending one paragraph's
text and 二是 opening the next is one list); a heading starts a new run, and
a new 一是 or 首先 starts a new list. 最后 closes a 首先 list. The markers
come from `doc.enumerations` (checker.document.language), which skips 一是 inside
words (统一是), ordinals (第二、三季度) and 是否. A gap or a late start is
not reported when the missing marker is printed in the text before it
(`加强领导一是…`: a lost 。 hid it from the scanner), nor an outer list
resuming after a list nested in one of its items.
NOTE: conservative choices, since prose is looser than headings: a list whose
first marker continues the item just before it (一是 under one heading, 二是
opening the next) is not reported; 其次/再次 with no 首先 are ordinary
connectives, never a `start`; there are no fixes (a gap in prose more often
means an item was merged or dropped than mistyped), only `expected`.
Message arguments: marker, expected, previous (the marker before, or "").
"""
from __future__ import annotations

import bisect

from checker.checks import CheckType, register
from checker.checks._numbering import walk
from checker.document.numerals import int_to_cn
from checker.findings import Hit

_ORDER_NAMES = {1: "首先", 2: "其次", 3: "再次"}


@register
class EnumerationSequence(CheckType):
    name = "enumeration-sequence"
    reports = ("gap", "repeat", "start", "order")

    def run(self, doc, p, ctx):
        bounds, found = doc.memo("checks.enumeration_sequence", lambda: _breaks(doc))
        for run, breaks in found:
            for br in breaks:
                if br.kind != p["report"]:
                    continue
                item = run[br.index]
                if br.kind == "start" and item.style == "order" or _resumes(run, br.index):
                    continue
                expected = _render(item.style, br.expected)
                if expected is None or _printed_before(doc, bounds, run, br.index, expected):
                    continue
                previous = _render(item.style, br.previous) if br.previous else ""
                yield Hit(item.span.start, item.span.end,
                          {"marker": item.marker, "expected": expected, "previous": previous or ""},
                          expected)


def _breaks(doc) -> tuple:
    """(the headings' starts, [(run, its breaks of every kind)]): the same for the four
    reports, so worked out once per document."""
    items = doc.enumerations
    position = {id(e): i for i, e in enumerate(items)}
    bounds = sorted(h.span.start for h in doc.headings)
    found = []
    for run in _runs(items):
        start_prev = _carried(items, position[id(run[0])])
        found.append((run, walk([e.number for e in run], start_prev=start_prev, restart_after=1)))
    return bounds, found


def _runs(items) -> list[list]:
    """Items of one style in one unit, in order; 最后 closes a 首先 run."""
    open_runs: dict[tuple[int, str], list] = {}
    out: list[list] = []
    for e in items:
        key = (e.unit, e.style)
        if e.style == "order" and e.number == 0:  # 最后
            open_runs.pop(key, None)
            continue
        if key not in open_runs:
            open_runs[key] = []
            out.append(open_runs[key])
        open_runs[key].append(e)
    return out


def _resumes(run, index: int) -> bool:
    """NOTE: an outer list may resume after a list nested in one of its items
    (三是…：一是…二是…；四是…); the resumed item continues the number
    printed just before the inner list's 一是."""
    number = run[index].number
    return any(run[j].number == 1 and run[j - 1].number == number - 1 for j in range(1, index))


def _printed_before(doc, bounds, run, index: int, expected: str) -> bool:
    """Whether the missing marker is printed after all, where the scanner could
    not take it for an item: `加强领导一是…` (the 。 after a heading was lost).
    NOTE: such text is a punctuation slip, not a list that skips an item."""
    end = run[index].span.start
    start = run[index - 1].span.end if index > 0 else \
        (bounds[bisect.bisect_right(bounds, end) - 1] if bounds and bounds[0] <= end else 0)
    return expected in doc.text[start:end]


def _carried(items, i: int) -> int:
    """A list whose first marker continues the item printed just before it
    (another unit, or another style) carries on from that item."""
    first = items[i]
    if first.number > 1 and i > 0 and items[i - 1].number == first.number - 1:
        return first.number - 1
    return 0


def _render(style: str, number: int) -> str | None:
    if number < 1:
        return None
    if style == "shi":
        return int_to_cn(number) + "是"
    if style == "di":
        return "第" + int_to_cn(number)
    return _ORDER_NAMES.get(number)
