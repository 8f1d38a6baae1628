"""Notes under a table: 说明： (填表说明：, 注：, 备注：) and the numbered items after it.

A statistics table is often followed by a label and numbered notes (说明： 1.“申请数量”
的统计范围为… 2.…). The items are numbered like headings (1. 1、 （1）) but are a list:
they head no section, and each table repeats the same notes. The grammar reads them as
headings; here they become text again, from the label to the next part heading (一、
（一） 第一部分), table row or table caption.
"""
from __future__ import annotations

import re

from checker.document.model import Line

_LABEL = re.compile(r"^[ \t\u3000]*(?:(?:填表|填报|填報|编制|編制)?(?:说明|說明|注|备注|備註|附注|注释|注釋)"
                    r"[ \t\u3000]*[:：]|[^\r\n]{0,60}(?:说明|說明)[ \t\u3000]*[:：][ \t\u3000]*$)")
_CAPTION = re.compile(r"^[ \t\u3000]*表[ \t\u3000]*[一二三四五六七八九十\d]")


def demote(lines: list[Line], headings: dict) -> tuple[list[Line], dict, frozenset]:
    """(lines, headings, the line numbers of notes): numbered items under a notes label
    made text lines, and dropped from the headings."""
    if not any(line.kind == "text" and _LABEL.match(line.text) for line in lines):
        return lines, headings, frozenset()
    out, notes, inside = list(lines), set(), False
    for i, line in enumerate(lines):
        no = line.span.line
        if line.kind == "text" and _LABEL.match(line.text):
            inside = True
            notes.add(no)
            continue
        if not inside or line.kind == "blank":
            continue
        if line.kind == "row" or line.kind == "debris" or (line.kind == "text" and _CAPTION.match(line.text)) \
                or (line.kind == "heading" and headings[no].level <= 2):
            inside = False
            continue
        if line.kind == "heading":
            out[i] = Line("text", line.span, line._source)
        notes.add(no)
    if not notes:
        return lines, headings, frozenset()
    kept = {no: h for no, h in headings.items() if no not in notes}
    return out, kept, frozenset(notes)


# -- page-chunk markers of document-sharing sites -----------------------------------------

_OPEN_END = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]$")
# NOTE: a short title standing alone on its line (2、完善制度体系) heads the text below it;
# a page marker is followed by the running text of the page (2、经开庭审理的案件…。)
_TITLE_ONLY = re.compile(r"[^，。；：,;:！？!?]{1,24}$")


def chunk_markers(lines: list[Line], headings: dict) -> tuple[list[Line], dict, list]:
    """(lines, headings, marker spans): the 1、 2、 3、 a document-sharing site puts before
    each page of text it serves. NOTE: such a marker splits a sentence (…九成 / 2、经开庭…);
    a heading never does. When two or more markers of a run 1、2、3、… each follow a line
    that stops mid-sentence, and are themselves followed by running text (not a short
    title alone on its line, 2、完善制度体系), the whole run is read as page markers: the lines are text,
    and the markers are page debris."""
    marked = [(i, headings[line.span.line]) for i, line in enumerate(lines)
              if line.kind == "heading" and headings[line.span.line].level == 3
              and headings[line.span.line].delimiter == "、"]
    if len(marked) < 3:
        return lines, headings, []
    splits = 0
    for i, h in marked:
        prev = next((l for l in reversed(lines[:i]) if l.kind != "blank"), None)
        if h.number and h.number >= 2 and prev is not None and len(prev.text.strip()) >= 60 \
                and _OPEN_END.search(prev.text.rstrip()) and not _TITLE_ONLY.match(lines[i].text.strip().split("、", 1)[-1]):
            splits += 1
    numbers = [h.number for _, h in marked]
    if splits < 2 or numbers != list(range(1, len(numbers) + 1)):
        return lines, headings, []
    out, kept = list(lines), dict(headings)
    spans = []
    for i, h in marked:
        line = lines[i]
        out[i] = Line("text", line.span, line._source)
        del kept[line.span.line]
        spans.append(h.marker_span)
    return out, kept, spans
