"""What the web page around a report gives or adds, read at the edges of the text: the
title in the page's 标题 field or its headline, when the text has none of its own, and
the page's related links after the text (checker.document.front calls these).
"""
from __future__ import annotations

import re

from checker.document.front_lines import ChromeLine, bare, is_title, vocab
from checker.document.lines import STRIP, is_date_line, is_org_line, stripped_span
from checker.document.model import Line, LineIndex, Paragraph


class PageTitle(Paragraph):
    """The title as the page around the text gives it, in the 标题 field of its index
    block (| 标题: | 某镇2025年度…报告 |): the report's title, in a cell of the page."""
    __slots__ = ()


class Headline(Paragraph):
    """The page's headline standing in for a title the text does not have (a news page:
    去年依法办结行政复议案件29.3万件 / 发布时间:… 来源:…). It is not the report's own
    title: rules on the wording of a report's title (year, body, subject) do not judge it."""
    __slots__ = ()


def page_title(zone: list[Line], chrome: set, rest: list[Line], index: LineIndex):
    """(title, the rest) when the text names no title of its own but the page does: the
    value of the index block's 标题 field (| 标题: | 某镇2025年度…报告 |), or the
    article's headline right above the page's source-and-date stamp (a news page: the
    headline, then 发布时间:… 来源:…). Otherwise (None, the rest unchanged)."""
    for i, line in enumerate(zone):
        if i not in chrome:
            continue
        t = line.text
        cells = [c for c in re.split(r"[|｜]", t)]
        for k, cell in enumerate(cells):
            label = vocab()["label"].match(bare(cell))
            if not label:
                continue
            value = bare(cell)[label.end():] or (bare(cells[k + 1]) if k + 1 < len(cells) else "")
            if value and is_title(value):
                at = line.span.start + t.find(value, sum(len(c) + 1 for c in cells[:k]))
                return PageTitle(value, index.span(at, at + len(value))), rest
    if rest and rest[0].kind == "text" and len(rest) > 1:
        head = rest[0].text.strip(STRIP)
        between = head and rest[0]._source[rest[0].span.end:rest[1].span.start]
        stamp = [l for l in between.splitlines() if l.strip()]
        if 8 <= len(head) <= 40 and not re.search(r"[。，,；;：:！？|｜]", head) \
                and re.search(r"[\u4e00-\u9fff]{4}", head) and len(stamp) == 1 \
                and _STAMP.search(stamp[0]):
            return Headline(head, stripped_span(rest[0], index)), rest[1:]
    return None, rest


_STAMP = re.compile(r"(?:发布时[间期]|发布日期|来\s*源)\s*[:：]")


# -- the page's links after the text -----------------------------------------------

_LINK_MIN = 3     # short lines in a row after the text's last sentence: a list of links


def trailing_links(content: list[Line]):
    """(content, chrome): a run of three or more short lines without a mark (the page's
    related-news links: 某区将建社区服务中心 / 项目计划2020年投用) after the text's last
    sentence, which ends with 。: not report text. Headings, table rows, signatures and
    dates are never part of it."""
    k = len(content)
    while k > 0 and _link_like(content[k - 1]):
        k -= 1
    if len(content) - k < _LINK_MIN or k == 0 or content[k - 1].kind != "text" \
            or not re.search(r"[。！？][”’」』）)]?$", content[k - 1].text.strip(STRIP)) \
            or sum(1 for l in content[k:] if not is_org_line(l.text)) < _LINK_MIN - 1:
        return content, []   # NOTE: names of bodies alone are a signature, not links
    return content[:k], [ChromeLine(l.text, l.span) for l in content[k:]]


def _link_like(line: Line) -> bool:
    t = line.text.strip(STRIP)
    if line.kind == "row" and any(re.fullmatch(r"[\d.,%％]+", cell) for cell in t.split()):
        return False   # NOTE: a table's row of figures; a link with its source set apart by spaces is not
    return line.kind in ("text", "row") and 6 <= len(t) <= 40 and not re.search(r"[。，,；;：:！？!?|｜\t]", t) \
        and not is_date_line(t) and not is_title(t)
