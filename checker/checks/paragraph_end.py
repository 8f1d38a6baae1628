"""paragraph-end: a paragraph of sentences that stops without its closing mark.

    check: paragraph-end
    params:
      min_chars: 20        # shorter paragraphs (headings, labels, list lines) are not judged
      scope: paragraphs

A body paragraph written in sentences (it has a comma or semicolon) ends with
。！？ (or ；：…, a closing quote or bracket). One that stops on a word or a
figure — 确保政府信息公开工作落到实处, 行政诉讼0件 — lost its full stop. Only a
paragraph that really ends is judged: the next line is blank or opens a heading
(一、 （二） 3.); a line that runs on into the next one (a wrapped page, a cut
PDF line) is not, and neither is the document's last paragraph (an excerpt may
stop anywhere). Nor is a line of fields (联系人：张三，联系电话：…) or a short line of words
without figures above a paragraph of sentences, which is a heading without a numeral
(坚持高位推动，全面压实法治政府建设主体责任). The fix appends 。.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, register
from checker.checks._util import SCOPE, check_scope
from checker.findings import Hit, clip_start
from checker.document.scope import blocks

_CLAUSE = re.compile(r"[，；;]|(?<!\d),(?!\d)")
_ENDS_OPEN = re.compile(r"[\u4e00-\u9fff\d%％‰]$")
_NEXT_HEADING = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d))")


@register
class ParagraphEnd(CheckType):
    name = "paragraph-end"
    params = {
        "scope": SCOPE,
        "min_chars": Param((int,), 20, minimum=1),
    }

    def prepare(self, params):
        check_scope(params)
        return params

    def run(self, doc, p, ctx):
        last = max((b.span.end for b in doc.content_blocks), default=0)
        text = doc.text
        for b, body in _blocks(doc, p["scope"]):
            t = b.text
            if len(body) < p["min_chars"] or not _ENDS_OPEN.search(t):
                continue
            if not _CLAUSE.search(body) and not _after_heading(text, b.span.start) and body is t:
                continue
            if b.span.end >= last:
                continue
            if not _ends_there(text, b.span.end):
                continue
            if body is t and (_FIELDS.match(t) or _run_in_heading(t, text, b.span.end)):
                continue
            yield Hit(b.span.end - 1, b.span.end, {"text": clip_start(t, 12)}, t[-1] + "。", ((b.span.end, b.span.end, "。"),))


def _blocks(doc, scope: str):
    """(block, its body): the blocks of the scope; with body paragraphs, also a heading
    whose words end at a colon and whose line goes on with its body ((一)主动公开情况：本机关
    全年更新信息27次), the body being what follows the colon."""
    for b in blocks(doc, scope):
        yield b, b.text
    if scope not in ("paragraphs", "document"):
        return
    for h in doc.headings:
        b = doc.heading_block(h)
        m = _COLON.search(b.text)
        if m and m.start() <= 30:
            yield b, b.text[m.end():]


_COLON = re.compile(r"[:：]")


def _after_heading(text: str, start: int) -> bool:
    """Does the block run on from a heading on its line ((一)主动公开情况：本机关全年更新信息27次)?
    NOTE: the body after a heading is a sentence even without a comma."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_NEXT_HEADING.match(text, line_start)) and bool(text[line_start:start].strip())


# NOTE: a line of fields (联系人：张三，联系电话：0571-88888888): labels and their values, no sentence
_FIELDS = re.compile(r"(?:[\u4e00-\u9fff（）()]{1,8}[:：][^，；;,:：。\n]+(?:[，；;,]\s*|$))+$")
_RUN_IN_MAX = 30
_SENTENCE_END = re.compile(r"[。！？!?]\s*$")


def _run_in_heading(t: str, text: str, end: int) -> bool:
    """A short line of words without figures above a paragraph of sentences (坚持高位推动，
    全面压实法治政府建设主体责任 / 县政府常务会议专题研究…。): a heading without a numeral."""
    if len(t) > _RUN_IN_MAX or re.search(r"\d", t) or len(_CLAUSE.findall(t)) > 1:
        return False
    nxt = text[end:].lstrip()
    line = nxt.split("\n", 1)[0].strip()
    return len(line) >= 10 and bool(_SENTENCE_END.search(line))


def _ends_there(text: str, end: int) -> bool:
    """Is the paragraph's line followed by a blank line or a heading?"""
    nl = text.find("\n", end)
    if nl < 0 or text[end:nl].strip():
        return False
    nxt = text.find("\n", nl + 1)
    line = text[nl + 1:nxt if nxt >= 0 else len(text)]
    return not line.strip() or bool(_NEXT_HEADING.match(line))
