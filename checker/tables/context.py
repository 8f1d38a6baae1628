"""A table and the text around it, analysed once per document.

The *introducing text* of a table is the paragraph right before it (and the
one before that when the first is a short caption such as 具体情况见下表：),
with nothing but line ends in between. Its exact counts (found by the
statistics extractor, `quantities_of(doc)`) are the totals the table may be
checked against: 全年新受理行政复议案件151件. A share line that names its base
(占新受理数比例) may also be taken of a count stated anywhere before the table
whose words name that base (`named_totals`). The *nearby text* adds the
other paragraphs of the section the table stands in, where the same figures
are often repeated in words. Clauses about other years, changes or running
totals (上年, 同比, 累计 …) are left out.

`analyses(doc)` builds, for every table, its two views (checker.tables.grid),
its context counts and the judgement of each share line; it is cached on the
document because five check types read it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.figures.quantities import quantities_of
from checker.tables.grid import views as table_views
from checker.tables.shares import judge_share_line, share_lines
from checker.tables.values import named_base, table_vocabulary

_CAPTION_MAX = 40     # a paragraph this short before a table is its caption


@dataclass(frozen=True)
class TableAnalysis:
    table: object
    views: tuple               # (rows view, columns view) or ()
    context: tuple             # exact counts of the introducing text
    nearby: tuple              # exact counts of the section around the table
    shares: tuple              # (view, share line, ShareResult | None)
    partial: bool = False      # the introducing text says it lists only some (主要…如下表)


def analyses(doc) -> list[TableAnalysis]:
    return doc.memo("tables.analyses", lambda: [_analyse(doc, t) for t in doc.tables], language=True)


def _analyse(doc, table) -> TableAnalysis:
    vs = table_views(table)
    intro = introducing_paragraphs(doc, table)
    context = tuple(_counts(doc, intro))
    nearby = tuple(_counts(doc, list(intro) + [p for p in section_paragraphs(doc, table) if p not in intro]))
    shares = tuple((v, line, judge_share_line(v, line, context + named_totals(doc, table, line.label)))
                   for v in vs for line in share_lines(v))
    partial = any(_PARTIAL.search(p.text) for p in intro)
    return TableAnalysis(table, vs, context, nearby, shares, partial)


# 依申请公开的主要处理结果如下表 / 部分典型案件见下表: the table lists some of the whole
_PARTIAL = re.compile(r"(?:主要|部分|重点|典型|选取|列举|等)[^，。；;]{0,12}(?:如下|下表|见表|统计表)")


def named_totals(doc, table, label: str) -> tuple:
    """The counts before the table whose words name the base a share label names
    (占新受理数比例 -> 全年新受理行政复议案件151件, wherever it was stated before).

    NOTE: only candidates: a share line is judged against one only when it
    explains most of the line's cells (checker.tables.shares)."""
    base = named_base(label)
    if len(base) < 2:
        return ()
    counts, starts = doc.memo("tables.text_counts", lambda: _with_starts(_counts(doc, doc.paragraphs)), language=True)
    end = bisect.bisect_left(starts, table.span.start)
    return tuple(q for q in counts[:end] if base in q.before.replace("的", ""))


def _with_starts(counts: list) -> tuple:
    return counts, [q.start for q in counts]


def introducing_paragraphs(doc, table) -> list:
    paragraphs = doc.paragraphs
    starts = [p.span.start for p in paragraphs]
    i = bisect.bisect_right(starts, table.span.start) - 1
    out, end = [], table.span.start
    while i >= 0 and len(out) < 2:
        p = paragraphs[i]
        if p.span.end > end or doc.text[p.span.end:end].strip(" \t\r\n\u3000"):
            break
        out.insert(0, p)
        if len(p.text) > _CAPTION_MAX:
            break
        end, i = p.span.start, i - 1
    return out


def section_paragraphs(doc, table) -> list:
    """The paragraphs of the innermost section holding the table (the preamble outside any)."""
    for section in doc.walk_sections():
        if any(t is table for t in section.tables):
            return list(section.paragraphs)
    return list(doc.preamble)


def _counts(doc, paragraphs) -> list:
    if not paragraphs:
        return []
    wanted = {p.span.start for p in paragraphs}
    words = table_vocabulary().other_time_words
    out = []
    for q in quantities_of(doc):
        if q.sentence.paragraph.span.start not in wanted or not q.is_count:
            continue
        clause = doc.text[q.clause_start:q.clause_end]
        if any(w in clause for w in words):
            continue
        out.append(q)
    return out
