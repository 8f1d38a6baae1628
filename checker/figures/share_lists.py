"""A complete list of shares against the whole its shares reveal.

    受理430件。受理的案件中，行政处罚类案件为112件，占案件总数的26%，行政确权类案件为98件，
    占案件总数的22.7%，…。行政不作为类案件30件，…，其他类案件10件。
    -> the shares are of 430 (checker.figures.shares), the list ends in the rest, but
       112+98+90+30+27+23+19+9+8+10 = 426

A list is complete when its last part is the rest (其他类10件), either among the parts
with shares or in the run of counts that continues the list right after its last share
(named alike: …类案件). Reported once, for the list, not share by share.
"""
from __future__ import annotations

import bisect
import re

from checker.figures.quantities import Quantity, linked, quantities_of
from checker.figures.relations import RateVocabulary
from checker.figures.shares import is_rest, share_analysis

_LINK_TAIL = re.compile(r"(?<![为有的共计达])[为有的共计达]+$")  # lookbehind: linear on a long run


def list_mismatches(doc, vocab: RateVocabulary) -> list[tuple]:
    """(whole, parts) of every complete list whose shares are taken of a stated whole
    but whose parts add up to something else (see the module doc)."""
    out = []
    for share_list in share_analysis(doc, vocab).lists:
        whole = share_list.whole
        if whole is None or whole.quantity is None:
            continue
        parts = list(share_list.parts)
        if not is_rest(parts[-1]):
            more = _continuation(doc, parts)
            if not more:
                continue
            parts += more
        total = sum(int(p.value) for p in parts)
        if total != whole.value:
            out.append((whole.quantity, tuple(parts)))
    return out


def _continuation(doc, parts: list) -> list:
    """The run of counts right after the last part's share that ends in the rest, or []."""
    last = parts[-1]
    qs = quantities_of(doc)
    starts = doc.memo("figures.quantity_starts", lambda: [q.start for q in qs], language=True)
    i = bisect.bisect_right(starts, last.start)
    end = last.sentence.paragraph.span.end
    after = [q for q in qs[i:i + 64] if q.end <= end]
    if len(after) < 3 or after[0].kind != "percent" or not after[1].is_count:
        return []   # the last part's own share, then the next item
    run = [after[1]]
    for q in after[2:]:
        if not linked(doc.text, run[-1], q):
            break
        run.append(q)
    if len(run) < 2 or not is_rest(run[-1]) or _tail(run[0]) != _tail(last) or len(_tail(last)) < 2:
        return []
    return run


def _tail(q: Quantity) -> str:
    return _LINK_TAIL.sub("", q.before)[-2:]
