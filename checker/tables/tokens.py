"""The cells of a stretch of text, in reading order, for the mandated tables.

Every line of the stretch is cut at its cell separators (| or ｜, tabs, runs of two or
more spaces) and each non-empty piece is a token: a number (75, ７５, 1,256, 0.5), a
dash (—, -, /: zero), or a label. A line of prose (a sentence: it holds 。, or it is long
and has no separator) is a *barrier*: a table does not run through it. Markdown rule
rows (|---|) and empty cells give nothing, so a Word row with merged cells (empty cells
where a label stands only on the first sub-row), a web page's one-cell-a-line copy and
a PDF's rows all give the same stream.
"""
from __future__ import annotations

import re

from checker.document.hant import simplified
from checker.figures.quantities import FULLWIDTH
from checker.tables.values import read_cell

_SEPARATORS = re.compile(r"[|｜\t]|[ \u3000\u00a0]{2,}")
_RULE = re.compile(r"^:?-{2,}:?$")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
_NUMBERING = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])+")
_PROSE_LENGTH = 60
_LABEL_FIGURE = re.compile(r"^(.*[\u4e00-\u9fff])([-−]?\d+)$")
_SPACED_FIGURES = re.compile(r"^[-−—]?[\d０-９.]+(?:[ \u00a0][-−—]?[\d０-９.]+)+$")


class Token:
    """One cell: its text, where it stands, what it is."""
    __slots__ = ("text", "start", "end", "kind", "value", "negative", "barrier", "is_column", "_plain")

    def __init__(self, text: str, start: int, end: int, barrier: bool = False):
        self.text, self.start, self.end, self.barrier, self.is_column = text, start, end, barrier, False
        self._plain = None
        if barrier:
            self.kind, self.value, self.negative = "label", None, False
            return
        v = read_cell(text)
        if v.kind == "dash":
            self.kind, self.value, self.negative = "dash", v.value, False
        elif v.kind == "number" and not v.approx:
            self.kind, self.value, self.negative = "number", v.value, v.negative
        elif v.kind in ("number", "percent"):
            self.kind, self.value, self.negative = "number", None, False  # not a count: the row is unread
        else:
            self.kind, self.value, self.negative = "label", None, False

    @property
    def plain(self) -> str:
        """The text without spaces, in simplified characters, brackets full-width."""
        if self._plain is None:
            self._plain = normalise(self.text)
        return self._plain

    @property
    def bare(self) -> str:
        """The plain text without its leading numbering (3.其他 -> 其他, （七）总计 -> 总计)."""
        return _NUMBERING.sub("", self.plain)

    @property
    def shown(self) -> str:
        return _SPACES.sub("", self.text)

    def __repr__(self):
        return f"Token({self.text!r}, {self.kind}, {self.value})"


def normalise(text: str) -> str:
    return _SPACES.sub("", simplified(text)).translate(FULLWIDTH).replace("(", "（").replace(")", "）")


def tokens_in(doc, start: int, end: int) -> list:
    """The tokens of the lines that begin in [start, end)."""
    text = doc.text
    out: list = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos)
        stop = len(text) if nl < 0 else nl
        _line_tokens(text, pos, min(stop, end), out)
        if nl < 0:
            break
        pos = nl + 1
    return out


def _line_tokens(text: str, start: int, stop: int, out: list) -> None:
    line = text[start:stop].rstrip("\r")
    if not line.strip():
        return
    pieces = list(_pieces(line))
    if len(pieces) <= 1:
        piece = pieces[0] if pieces else None
        if piece is not None and ("。" in piece[0] or len(piece[0]) > _PROSE_LENGTH):
            out.append(Token(piece[0], start + piece[1], start + piece[2], barrier=True))
            return
    for body, s, e in pieces:
        if _RULE.match(body):
            continue
        if _SPACED_FIGURES.match(body):
            # NOTE: figures of narrow columns a PDF sets one space apart (1 0 0) are three
            # cells, never the number 100
            for m in re.finditer(r"\S+", body):
                out.append(Token(m.group(0), start + s + m.start(), start + s + m.end()))
            continue
        m = _LABEL_FIGURE.match(body)
        if m:
            # NOTE: a label and the first figure of its row with no gap between them (a PDF
            # whose label fills its cell: 行政机关0) are two cells
            out.append(Token(m.group(1), start + s, start + s + m.end(1)))
            out.append(Token(m.group(2), start + s + m.start(2), start + e))
            continue
        out.append(Token(body, start + s, start + e, barrier="。" in body))


def _pieces(line: str):
    pos = 0
    for m in list(_SEPARATORS.finditer(line)) + [None]:
        end = m.start() if m else len(line)
        raw = line[pos:end]
        body = raw.strip(" \t\u3000\u00a0")
        if body:
            lead = len(raw) - len(raw.lstrip(" \t\u3000\u00a0"))
            yield body, pos + lead, pos + lead + len(body)
        pos = m.end() if m else pos
