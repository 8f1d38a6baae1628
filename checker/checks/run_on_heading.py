"""run-on-heading: a heading (or a 一是-style item) that runs into its body with no 。.

    check: run-on-heading
    params:
      starters: [根据, 严格按照, 主要表现为, 县政府, 我县]   # words that open a new sentence
      short: 30        # a lead this long or shorter is "heading。body" style
      long: 30         # a lead longer than this, in a document of that style, is suspect

Many reports put a short heading and its body on one line: `（一）加强组织
领导。我县成立了…`. When the 。 is lost the heading swallows the first
sentence: `1.加强组织领导，坚持高位推动县政府高度重视…`. The check looks at
the leads (text up to the first 。；！？) of headings below level 1 and of
paragraphs that open with 一是/二是, level by level. Where most leads
of a kind are short, a long lead is reported when a sentence-opening word
(a subject such as 县政府, or 根据, 严格按照) is glued to the Chinese character
before it; `expected` puts the 。 there. Silent when the document does not
use the heading。body style, or when no opener can be found.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.findings import Hit

_LEAD_END = re.compile(r"[。；;！？!?]")
_CLAUSE = re.compile(r"[，,、：:]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LINE_BREAK = re.compile(r"[\r\n]")


@register
class RunOnHeading(CheckType):
    name = "run-on-heading"
    params = {
        "starters": Param((list,), required=True),
        "short": Param((int,), 30),
        "long": Param((int,), 30),
    }

    def prepare(self, params):
        words = params["starters"]
        if not words or not all(isinstance(w, str) and w for w in words):
            raise ParamError("starters", "must be a non-empty list of words")
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return dict(params, opener=re.compile(alternation))

    def run(self, doc, p, ctx):
        groups: dict = {}
        for key, start, text in _leads(doc):
            lead = text[:m.start()] if (m := _LEAD_END.search(text)) else text
            groups.setdefault(key, []).append((start, lead))
        for leads in groups.values():
            short = sum(1 for _, lead in leads if len(lead) <= p["short"])
            if short < 2 or short < 0.6 * len(leads):
                continue
            for start, lead in leads:
                if len(lead) > p["long"]:
                    yield from _glued(start, lead, p["opener"])


def _glued(start: int, lead: str, opener):
    for m in opener.finditer(lead, 4):
        if _HAN.match(lead[m.start() - 1]):
            head = _CLAUSE.split(lead[:m.start()])[-1][-16:]
            yield Hit(start, start + m.end(), {"head": head, "opener": m.group(0)},
                      f"{head}。{m.group(0)}")
            return


def _leads(doc):
    """(kind, start offset, text) for headings below level 1 and for 一是 paragraphs."""
    for section in doc.walk_sections():
        h = section.heading
        if h.level == 1:
            continue
        first = section.paragraphs[0] if section.paragraphs else None
        # NOTE: on the heading's line when no line end stands between (no line lookups)
        same_line = first is not None and not _LINE_BREAK.search(doc.text, h.span.end, first.span.start)
        line_end = first.span.end if same_line else h.span.end
        yield ("heading", h.level), h.marker_span.end, doc.text[h.marker_span.end:line_end]
    for item in doc.enumerations:
        if item.style == "shi" and item.span.start == item.paragraph.span.start:
            yield ("shi",), item.span.end, doc.text[item.span.end:item.paragraph.span.end]
