"""Hard-wrapped text made whole again, with every offset traced back.

Text copied out of a PDF (or a PDF itself, see checker.document.pdf) breaks a
line every 28 characters or so, whatever the sentence: a number splits over two
lines (`共调处矛盾纠纷32` / `6件`), every wrapped line looks like a paragraph and
a bracket that closes on the next line looks unbalanced. Such text is recognised
(most long lines of one width, most of them ending mid-sentence) and the lines of
a paragraph are joined. A line that starts a block is never joined to the one
before: a heading marker (一、 （一） 1. （1） 第一部分), a table row, an indented
line, a line after a short one.

The joined text is what is linted; `OffsetMap` takes any offset in it back to
the text as it was (checker.document.reading.Source.original), so a finding
points at the line and column the reader sees.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

_BLOCK_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d０-９]{1,3}[)）]|"
    r"\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十]+(?:部分|章|节)|附件|[#*|｜]|[-—─]{2,})")
_SENTENCE_END = tuple("。！？；：!?;:")
_TABLE_GAP = re.compile(r"\S(?: {2,}|\u3000{2,}|\t)\S")
# NOTE: a paragraph's first line is two characters short of the others (its indent), and
# a line may end a character early where typesetting keeps a closing mark off the next line
FIRST_LINE = 3
MIN_WIDTH = 20


class OffsetMap:
    """Offsets of a derived text mapped to the text it was taken from.

    The derived text is a series of pieces; a piece either copies a stretch of the
    original (same length) or stands for one (a tab for a run of spaces, nothing for
    a removed line end). An offset inside a copied piece maps one to one; inside any
    other piece, to the start of what it stands for (an end offset: to its end)."""

    def __init__(self):
        self.starts: list[int] = []   # derived offset where each piece starts
        self.pieces: list[tuple[int, int, int]] = []  # (derived length, original start, original length)
        self.length = 0

    def add(self, length: int, orig_start: int, orig_length: int) -> None:
        if length == orig_length and self.pieces:  # NOTE: merge adjacent copies: fewer pieces to search
            n, o, m = self.pieces[-1]
            if n == m and o + m == orig_start:
                self.pieces[-1] = (n + length, o, m + length)
                self.length += length
                return
        self.starts.append(self.length)
        self.pieces.append((length, orig_start, orig_length))
        self.length += length

    def original(self, offset: int, end: bool = False) -> int:
        """The original offset of a derived one (`end`: of an exclusive end)."""
        if not self.pieces:
            return offset
        probe = offset - 1 if end and offset > 0 else offset
        i = max(0, bisect.bisect_right(self.starts, probe) - 1)
        n, o, m = self.pieces[i]
        inside = probe - self.starts[i]
        if n == m:
            return o + min(max(inside, 0), m) + (1 if end and offset > 0 else 0)
        return o + m if end else o


class Builder:
    """Assembles a derived text from pieces of an original, keeping the OffsetMap."""

    def __init__(self, original: str):
        self.original = original
        self.parts: list[str] = []
        self.map = OffsetMap()

    def copy(self, start: int, end: int) -> None:
        if end > start:
            self.parts.append(self.original[start:end])
            self.map.add(end - start, start, end - start)

    def stand_in(self, text: str, start: int, end: int) -> None:
        """`text` in place of original[start:end] (a line end, a tab, or nothing)."""
        self.parts.append(text)
        self.map.add(len(text), start, end - start)

    def text(self) -> str:
        return "".join(self.parts)


class PhysicalLine:
    """One line of the original: where it is, its text without the page margin, and
    how far it is indented from that margin."""
    __slots__ = ("start", "end", "body_start", "indent", "drop")

    def __init__(self, start: int, end: int, body_start: int, indent: int, drop: bool = False):
        self.start, self.end, self.body_start, self.indent, self.drop = start, end, body_start, indent, drop


def lines_of(text: str) -> list[PhysicalLine]:
    """The lines of `text` (line ends \\n, \\r\\n or \\r) with their indentation."""
    out = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.end() == m.start():
            break
        content = m.group().rstrip("\r\n")
        stripped = content.lstrip(" \t\u3000")
        body = m.start() + len(content) - len(stripped)
        indent = sum(2 if ch == "\u3000" else 1 for ch in content[:len(content) - len(stripped)])
        out.append(PhysicalLine(m.start(), m.start() + len(content.rstrip(" \t\u3000")), body, indent))
    return out


def wrap_width(text: str, lines: list[PhysicalLine]) -> int | None:
    """The width the text was wrapped at, or None when it is not hard-wrapped text."""
    # NOTE: a table's rows are not wrapped text (a 政务公开 report's PDF is half tables)
    widths = [ln.end - ln.body_start for ln in lines if not ln.drop and ln.end - ln.body_start >= 10
              and not _is_table_row(text[ln.body_start:ln.end])]
    if len(widths) < 8:
        return None
    counts = Counter(widths)  # NOTE: the widest length many lines share: paragraphs' first lines are shorter
    width = max(n for n, c in counts.items() if c >= max(3, len(widths) // 10) or n == counts.most_common(1)[0][0])
    full = [ln for ln in lines if not ln.drop and width - FIRST_LINE <= ln.end - ln.body_start <= width + 1]
    # NOTE: a page's menus, table cells and short list items share short widths too; text is
    # wrapped at 20 characters or more (an official document's line holds 28)
    if width < MIN_WIDTH or len(full) < 0.5 * len(widths) or len(full) < 6:
        return None
    mid = sum(1 for ln in full if not text[ln.end - 1].endswith(_SENTENCE_END))
    return width if mid >= 0.6 * len(full) else None


# NOTE: a gap this wide is never a paragraph's: a PDF sets a two-cell row so (信息内容    1256)
_WIDE_GAP = re.compile(r"\S(?: {4,}|\u3000{3,})\S")


def _is_table_row(body: str) -> bool:
    return len(_TABLE_GAP.findall(body)) >= 2 or "\t" in body or "|" in body or "｜" in body \
        or bool(_WIDE_GAP.search(body))


def joins(text: str, lines: list[PhysicalLine], width: int) -> list[bool]:
    """For each kept line, whether it continues the kept line before it."""
    kept = [ln for ln in lines if not ln.drop and ln.end > ln.body_start]
    out, prev = [], None
    margin = min((ln.indent for ln in kept), default=0)
    for ln in kept:
        body = text[ln.body_start:ln.end]
        joined = prev is not None and prev.end - prev.body_start >= width - FIRST_LINE \
            and not _is_table_row(text[prev.body_start:prev.end]) and not _is_table_row(body) \
            and ln.indent <= margin + 1 and not _BLOCK_START.match(body)
        out.append(joined)
        prev = ln
    return out


def rebuild(text: str, lines: list[PhysicalLine], width: int | None) -> tuple[str, OffsetMap]:
    """The text with dropped lines left out, wrapped lines joined (when `width`), table
    rows' gaps made tabs, and indentation removed; with its OffsetMap."""
    out = Builder(text)
    kept = [ln for ln in lines if not ln.drop and ln.end > ln.body_start]
    flags = joins(text, lines, width) if width else [False] * len(kept)
    prev_end = 0
    for ln, joined in zip(kept, flags):
        if joined:
            out.stand_in("", prev_end, ln.body_start)
        elif out.parts:
            out.stand_in("\n", prev_end, ln.body_start)
        else:
            out.stand_in("", 0, ln.body_start)
        body = text[ln.body_start:ln.end]
        if _is_table_row(body) and "\t" not in body and "|" not in body and "｜" not in body:
            pos = ln.body_start
            for gap in re.finditer(r" {2,}|\u3000{2,}", body):
                out.copy(pos, ln.body_start + gap.start())
                out.stand_in("\t", ln.body_start + gap.start(), ln.body_start + gap.end())
                pos = ln.body_start + gap.end()
            out.copy(pos, ln.end)
        else:
            out.copy(ln.body_start, ln.end)
        prev_end = ln.end
    if out.parts:
        out.stand_in("\n", prev_end, len(text))
    return out.text(), out.map


def unwrap(text: str) -> tuple[str, OffsetMap] | None:
    """Hard-wrapped text joined into paragraphs, or text whose line breaks were lost split
    at its headings (see `split_run_in`); None when `text` is neither."""
    lines = lines_of(text)
    width = wrap_width(text, lines)
    if width is None:
        return split_run_in(text, lines)
    return rebuild(text, lines, width)


# A part heading inside a line, right after a sentence: 。一、坚持党的领导，… / ；（二）规范…
_RUN_IN = re.compile(r"(?<=[。；！？!?;])[ \u3000]*(?P<mark>(?P<top>[一二三四五六七八九十]{1,2})、|[（(][一二三四五六七八九十]{1,2}[)）])"
                     r"(?=[\u4e00-\u9fff“《])(?![一二三四五六七八九十])")
_NUMERALS = "一二三四五六七八九十"
LOST_BREAKS = 300  # NOTE: a line this long that holds 一、…二、 after sentences lost its line breaks


def split_run_in(text: str, lines: list[PhysicalLine] | None = None) -> tuple[str, OffsetMap] | None:
    """Text whose line breaks were lost (a document-sharing site's copy: the whole report on
    one line) split before its part headings, or None. A line is split only when it is long
    and either holds two part headings 一、 二、 … in order after sentence ends, or holds most
    of the text and a 一、 after a sentence end; then its （一） headings after a sentence end
    start lines too."""
    lines = lines if lines is not None else lines_of(text)
    cuts: list[int] = []
    for ln in lines:
        if ln.end - ln.start < LOST_BREAKS:
            continue
        found = list(_RUN_IN.finditer(text, ln.body_start, ln.end))
        tops = [_NUMERALS.find(m["top"]) for m in found if m["top"] and len(m["top"]) == 1]
        in_order = len(tops) >= 2 and all(b == a + 1 for a, b in zip(tops, tops[1:]))
        whole = ln.end - ln.start >= 0.8 * len(text.strip()) and tops[:1] == [0]
        if not (in_order or whole):
            continue
        cuts.extend(m.start("mark") for m in found)
    if not cuts:
        return None
    out, pos = Builder(text), 0
    for cut in cuts:
        out.copy(pos, cut)
        out.stand_in("\n", cut, cut)
        pos = cut
    out.copy(pos, len(text))
    return out.text(), out.map


def relocate(findings: list, source) -> list:
    """Findings placed in the text as the reader sees it (`source.shown`): offsets, lines
    and columns there, and for a PDF the page and the line on the page. Fixes are dropped:
    they were made for the derived text, which is never written back."""
    if source.offsets is None and not source.pages:
        return findings
    from checker.document.model import LineIndex
    from checker.findings import Finding
    index, offsets, pages = LineIndex(source.shown), source.offsets, source.pages
    out = []
    for f in findings:
        a = offsets.original(f.start) if offsets else f.start
        b = max(a, offsets.original(f.end, end=True) if offsets else f.end)
        span = index.span(a, b)
        page = page_line = None
        if pages:
            k = bisect.bisect_right(pages, span.line) - 1
            page, page_line = k + 1, span.line - pages[k] + 1
        out.append(Finding(f.path, span.line, span.column, span.end_line, span.end_column, f.rule, f.name,
                           f.category, f.severity, f.message, f.expected, a, b, (), f.quote, page, page_line,
                           f.computation))
    return out
