"""sequence: section kinds present, once each, in order.

    check: sequence
    params:
      order: [achievements, problems, next_steps]
      report: order            # order | missing | duplicate | empty

order: a level-1 section whose kind comes before one already seen.
missing: one hit per kind of `order` that no level-1 section is, or names in its
heading or a subsection's (二、存在的问题和下一步工作打算 holds both), when the text is read past its place:
a later kind of `order` is there, or the text ends in a closing block. A text that
stops after its achievements (an excerpt, a page cut short) may hold the rest.
duplicate: a kind that heads two level-1 sections (`repeatable` kinds, by default the
achievements, may span several: 一、基本情况 二、主要做法).
empty: a section (any level) with no text, table or subsections; sibling headings that
all end a sentence (。；！) and none of which has a body are a list of one-line items, and
so is a sentence heading followed by a sibling (only the last may be an empty template
line), a label with its value (本级行政机关：某局), and a heading whose next sibling repeats
its number (its parts, numbered wrong).
Kinds not in `order` (responsibility, other) may stand anywhere.

    params: {parts: profile, report: missing}    # missing | order | numeral

With `parts: profile`, the sequence is the parts of the report kind's profile
(rules/data/kinds.yaml `parts:`, their heading words in rules/data/sections.yaml): the
六 parts of a 政务公开 report, each named by its heading (四、因政府信息公开工作被申请行政复议、
提起行政诉讼情况 is the review part), judged only for a report year the text states from
the profile's `since` on. missing: as above, a part is missing only where the text was
read past its place (a later part, or the closing block); a heading that names two parts
holds both. order: a part after one that comes later in the profile. numeral: when every
part is there and in order, the Nth part is numbered N (一、 … 六、). `until`: a year
after which the rule says nothing (a rule for the reports before a profile's layout).
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._kinds import KIND_NAMES
from checker.findings import Hit
from checker.document.scope import SECTION_KINDS, first_line


@register
class Sequence(CheckType):
    name = "sequence"
    reports = ("order", "missing", "duplicate", "empty", "numeral")
    params = {
        "order": Param((list,), ["achievements", "problems", "next_steps"]),
        "parts": Param((str,), "kinds", choices=("kinds", "profile"),
                       help="kinds: the section kinds of `order`; profile: the parts of the report kind's profile"),
        "until": Param((int,), None, help="silent for a stated report year after this one"),
        "repeatable": Param((list,), ["achievements"],
                            help="duplicate: kinds that may span several parts (一、基本情况 二、主要做法)"),
    }

    def prepare(self, params):
        for key in ("order", "repeatable"):
            for i, kind in enumerate(params[key]):
                if kind not in SECTION_KINDS:
                    raise ParamError(f"{key}.{i}", f"unknown section kind {kind!r}")
        return params

    def run(self, doc, p, ctx):
        if p["until"] is not None:
            from checker.checks._year import stated_year
            year = stated_year(doc, ctx)
            if year is not None and year > p["until"]:
                return
        if p["parts"] == "profile":
            from checker.checks._parts import PROFILE_REPORTS
            yield from PROFILE_REPORTS[p["report"]](doc, ctx)
            return
        if p["report"] == "numeral":
            return
        yield from _REPORTS[p["report"]](doc, p)


def _order(doc, p):
    order = p["order"]
    rank = {k: i for i, k in enumerate(order)}
    highest = -1
    for s in doc.sections:
        r = rank.get(s.kind)
        if r is None:
            continue
        if r < highest:
            after = order[highest]
            yield Hit(s.heading.span.start, s.heading.span.end,
                      {"kind": KIND_NAMES[s.kind], "after": KIND_NAMES[after]})
        highest = max(highest, r)


def _missing(doc, p):
    from checker.document.outline import kinds_named  # NOTE: lazy, so loading the registry stays cheap
    order = p["order"]
    from checker.document.outline import classify
    present = {s.kind for s in doc.sections}
    for s in doc.sections:  # 二、存在的问题和下一步工作打算 holds both parts
        present |= kinds_named(s.heading.text)
    for s in doc.walk_sections():  # NOTE: and a （二）存在的不足 under 三、 states them too
        present.add(classify(s.heading.text))
    # NOTE: a part is missing beyond doubt only where the text has been read past its place:
    # a later part is there, or the text reaches its end (the closing block). A text cut
    # after its achievements (an excerpt, a page that lost its end) may hold the rest.
    # What the parts are (一、工作举措及成效 is the achievements), not every word they
    # name, tells how far the text has come.
    kinds = {s.kind for s in doc.sections}
    reached = max((i for i, k in enumerate(order) if k in kinds), default=-1)
    complete = doc.closing is not None
    anchor = doc.sections[-1].heading.span if doc.sections else None
    for i, kind in enumerate(order):
        if kind not in present and (i < reached or complete):
            start, end = (anchor.start, anchor.end) if anchor else first_line(doc)
            yield Hit(start, end, {"kind": KIND_NAMES[kind]}, KIND_NAMES[kind]["zh"])


def _duplicate(doc, p):
    order = [k for k in p["order"] if k not in p["repeatable"]]
    seen = set()
    for s in doc.sections:
        if s.kind in order and s.kind in seen:
            yield Hit(s.heading.span.start, s.heading.span.end, {"kind": KIND_NAMES[s.kind]})
        seen.add(s.kind)


def _empty(doc, p):
    yield from _empty_in(doc.sections)


_REPORTS = {"order": _order, "missing": _missing, "duplicate": _duplicate, "empty": _empty}


def _bodiless(s) -> bool:
    return not s.paragraphs and not s.children and not s.tables


def _empty_in(siblings):
    # NOTE: headings that are whole sentences (（一）深入学习贯彻习近平法治思想。), none with
    # a body, are a list of one-line items, not sections whose text was lost; the last may
    # seem to have one: the paragraph that closes the list (究其原因，…) falls under it
    # (so when two or more bodiless ones come before it)
    items = bool(siblings) and all(s.heading.text.rstrip().endswith(_SENTENCE_END) for s in siblings) \
        and all(_bodiless(s) for s in siblings[:-1]) and (len(siblings) >= 3 or _bodiless(siblings[-1]))
    for i, s in enumerate(siblings):
        after = siblings[i + 1] if i + 1 < len(siblings) else None
        # a long heading line with no 。 carries its own body text
        if _bodiless(s) and len(s.heading.text) <= 40 and not items and not _item(s.heading, after):
            yield Hit(s.heading.span.start, s.heading.span.end, {"heading": s.heading.text})
        yield from _empty_in(s.children)


def _item(h, after) -> bool:
    """Is a bodiless heading an item rather than a section that lost its text?
    NOTE: a sentence (1.主要重大执法决定法制审核全覆盖。) followed by a sibling is one item
    of a list; only the last of its siblings may be a template line left empty ((三)其他
    需要说明的情况。 before 二、). A label and its value (本级行政机关：某局) is an item. A
    heading whose next sibling repeats its number (一、主要措施 一、加强…) has its parts
    under it, numbered wrong (heading-sequence reports that)."""
    text = h.text.rstrip()
    if after is not None and text.endswith(_SENTENCE_END):
        return True
    if _LABEL_VALUE.search(text):
        return True
    return after is not None and h.number is not None and after.heading.number == h.number


_SENTENCE_END = ("。", "；", ";", "！", "!")
_LABEL_VALUE = re.compile(r"^[^:：]{2,30}[:：]\s*\S")
