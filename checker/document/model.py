"""The document model: immutable, positioned records built by the parser.

Every node carries a Span in the original text: 0-based character offsets
(end exclusive) plus 1-based line and column, computed by LineIndex on first use.
Language work is derived lazily, so rules that do not need it never pay for it:
sentences in `checker.document.language` (`doc.sentences`), quantities in
`checker.figures.quantities.quantities_of`; both are kept through `Document.memo`
as language views.

NOTE: the records are named tuples (collections.namedtuple), not frozen
dataclasses: a report makes thousands of them and a named tuple is created
~2x faster, holds no __dict__ (a third of the memory, which the 10 MB stress
file needs) and costs little to define at start-up (typing.NamedTuple costs
several times more: it compiles every annotation). Records compare by value;
their fields are listed in comments.
"""
from __future__ import annotations

import bisect
import re
from collections import namedtuple
from functools import cached_property


_LINE_END = re.compile(r"\r\n|\r|\n")


class Span:
    """A stretch of the text: 0-based character offsets (end exclusive) and the
    1-based line and column of both ends.

    NOTE: a report builds thousands of spans (lines, sentences, figures) and reads
    the line and column of a few (findings, headings): they are computed on first
    use. Equal spans have equal offsets; treat a Span as immutable.
    """
    __slots__ = ("start", "end", "_index", "_where")

    def __init__(self, start: int, end: int, index: "LineIndex"):
        self.start = start
        self.end = end
        self._index = index
        self._where = None

    def _positions(self) -> tuple[int, int, int, int]:
        if self._where is None:
            self._where = self._index.position(self.start) + self._index.position(self.end)
        return self._where

    @property
    def line(self) -> int:
        return self._positions()[0]

    @property
    def column(self) -> int:
        return self._positions()[1]

    @property
    def end_line(self) -> int:
        return self._positions()[2]

    @property
    def end_column(self) -> int:
        return self._positions()[3]

    def __eq__(self, other):
        if not isinstance(other, Span):
            return NotImplemented
        return self.start == other.start and self.end == other.end

    def __hash__(self):
        return hash((self.start, self.end))

    def __repr__(self):
        line, column, end_line, end_column = self._positions()
        return (f"Span(start={self.start}, end={self.end}, line={line}, column={column}, "
                f"end_line={end_line}, end_column={end_column})")

    def __reduce__(self):  # pickled with its positions, not the whole LineIndex
        return _fixed_span, (self.start, self.end, self._positions())


def _fixed_span(start, end, where):
    span = Span(start, end, None)
    span._where = where
    return span


class LineIndex:
    """Maps character offsets to 1-based (line, column); \r\n, \r and \n end lines."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> Span:
        return Span(start, max(start, end), self)

    def bounds(self, text: str, i: int) -> tuple[int, int]:
        """Offsets of line i (0-based) of `text`, without its line end."""
        start = self.starts[i]
        stop = self.starts[i + 1] if i + 1 < len(self.starts) else len(text)
        while stop > start and text[stop - 1] in "\r\n":
            stop -= 1
        return start, stop

    def offset(self, line: int, column: int) -> int:
        line = max(1, min(line, len(self.starts)))
        return self.starts[line - 1] + column - 1


class Line:
    """One classified physical line (without its line end).

    NOTE: its text is sliced from the document's text when read, not kept: a
    10 MB text has hundreds of thousands of lines, and only the outline builder
    reads their text."""
    __slots__ = ("kind", "span", "_source")

    def __init__(self, kind: str, span: Span, source: str):
        self.kind = kind      # heading | text | debris | blank
        self.span = span
        self._source = source  # the whole text the span points into

    @property
    def text(self) -> str:
        return self._source[self.span.start:self.span.end]

    def __eq__(self, other):
        if not isinstance(other, Line):
            return NotImplemented
        return (self.kind, self.span, self.text) == (other.kind, other.span, other.text)

    def __hash__(self):
        return hash((self.kind, self.span))

    def __repr__(self):
        return f"Line(kind={self.kind!r}, text={self.text!r}, span={self.span!r})"


class Heading(namedtuple("Heading", (
        "level marker numeral number delimiter malformed text span marker_span "
        "fullwidth expected_marker"))):
    # level: int  1 一、  2 (一)  3 1.  4 (1)
    # marker: str  the marker as printed, e.g. "（一）", "、", "()"
    # numeral: str | None  "一", "12", or None when missing
    # number: int | None  the numeral's value
    # delimiter: str  "、" "." "．" "()" "（）" …
    # malformed: str | None  None, or: missing-numeral | wrong-delimiter
    # text: str  the heading's own text (up to its first 。)
    # span: Span  marker + text
    # marker_span: Span
    # fullwidth: bool | None  bracket width for levels 2 and 4
    # expected_marker: str  the well-formed marker for this numeral/level
    __slots__ = ()


class Paragraph(namedtuple("Paragraph", "text span")):
    # text: str
    # span: Span
    __slots__ = ()


class Section(namedtuple("Section", "heading kind paragraphs children span tables", defaults=((),))):
    # heading: Heading
    # kind: str  achievements | problems | next_steps | responsibility | other
    # paragraphs: tuple[Paragraph, ...]
    # children: tuple["Section", ...]
    # span: Span
    # tables: tuple = ()  Table records under this heading (before any subsection)
    __slots__ = ()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class DebrisLine(namedtuple("DebrisLine", "text span")):
    # text: str
    # span: Span
    __slots__ = ()


class Metadata(namedtuple("Metadata", "debris published published_span", defaults=((), None, None))):
    # debris: tuple[DebrisLine, ...] = ()
    # published: str | None = None  YYYY-MM-DD given by the page
    # published_span: Span | None = None
    __slots__ = ()


class Closing(namedtuple("Closing", "organisations date date_text span date_span", defaults=(None,))):
    # organisations: tuple[str, ...]
    # date: str | None  YYYY-MM-DD when well-formed
    # date_text: str | None
    # span: Span
    # date_span: Span | None = None
    __slots__ = ()


class Document:
    """The whole report. The model's own views (sections walked, paragraphs, the
    report year) are computed on first use; what other layers derive from it
    (figures, table analyses, scans several rules share) is kept through `memo`."""

    def __init__(self, text: str, path: str, index: LineIndex, lines: tuple[Line, ...], metadata: Metadata,
                 title: Paragraph | None, cover_letter: tuple[Paragraph, ...], preamble: tuple[Paragraph, ...],
                 sections: tuple[Section, ...], closing: Closing | None, trailing: tuple[Paragraph, ...],
                 tables: tuple = (), section_kinds: dict | None = None):
        self.text = text
        self.path = path
        self.index = index
        # NOTE: the lines' kinds only; `lines` rebuilds the records on use (few rules read
        # them after the outline is built, and a 10 MB text has hundreds of thousands)
        self._line_kinds = tuple(line.kind for line in lines)
        if len(lines) != len(index.starts) or any(
                line.span.start != start for line, start in zip(lines, index.starts)):
            raise ValueError("Document needs one Line per line of the text, in order")
        self.metadata = metadata
        self.title = title
        self.cover_letter = cover_letter
        self.preamble = preamble
        self.sections = sections
        self.closing = closing
        self.trailing = trailing          # stray text after the closing
        self.tables = tables              # every Table, in reading order
        self.section_kinds = section_kinds if section_kinds is not None else {}
        self._memo: dict = {}
        self._language_keys: set = set()

    def __repr__(self):
        return f"Document(path={self.path!r}, {len(self.text)} characters, {len(self.sections)} sections)"

    # -- derived views -------------------------------------------------
    @property
    def lines(self) -> tuple[Line, ...]:
        """Every physical line, classified (heading | text | debris | blank | row)."""
        return tuple(self.iter_lines())

    def iter_lines(self, first: int = 1, reverse: bool = False):
        """The lines from line number `first` on (or back to it, with `reverse`), made as
        they are read: a caller looking for one line makes only the lines it passes."""
        numbers = range(len(self._line_kinds) - 1, first - 2, -1) if reverse \
            else range(max(0, first - 1), len(self._line_kinds))
        for i in numbers:
            yield self._line(i)

    def _line(self, i: int) -> Line:
        start, stop = self.index.bounds(self.text, i)
        return Line(self._line_kinds[i], self.index.span(start, stop), self.text)

    def walk_sections(self):
        """Every section, depth first in reading order."""
        return iter(self.all_sections)

    @cached_property
    def all_sections(self) -> tuple:
        # NOTE: a tuple once, not a recursive generator per call: a dozen rules walk the tree
        return tuple(s for top in self.sections for s in top.walk())

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(s.heading for s in self.walk_sections())

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every body paragraph in reading order (preamble, sections, trailing)."""
        out = list(self.preamble)
        for s in self.walk_sections():
            out.extend(s.paragraphs)
        return tuple(sorted(out, key=lambda p: p.span.start))

    @cached_property
    def content_blocks(self) -> tuple[Paragraph, ...]:
        """Title, cover letter, preamble, headings and paragraphs: all report text."""
        blocks = list(self.cover_letter) + list(self.paragraphs)
        if self.title:
            blocks.append(self.title)
        blocks.extend(self.heading_block(h) for h in self.headings)
        return tuple(sorted(blocks, key=lambda p: p.span.start))

    def heading_block(self, h: Heading) -> Paragraph:
        """A heading's own text with the span of that text (Heading.span starts at the marker)."""
        return Paragraph(h.text, self.index.span(h.span.end - len(h.text), h.span.end))

    @cached_property
    def report_year(self) -> int | None:
        from checker.document.language import report_year
        return report_year(self)

    @cached_property
    def report_kind(self) -> str:
        """What the report is: fzzf, zwgk, fuyi or zhifa (checker.document.language)."""
        from checker.document.language import report_kind
        return report_kind(self)

    @property
    def sentences(self):
        from checker.document.language import split_sentences
        return self.memo("document.sentences", lambda: split_sentences(self), language=True)

    @cached_property
    def enumerations(self):
        from checker.document.language import find_enumerations
        return find_enumerations(self)

    def span(self, start: int, end: int) -> Span:
        return self.index.span(start, end)

    # -- memos ---------------------------------------------------------
    def memo(self, key: str, build, language: bool = False):
        """The value kept under `key` (by convention `layer.name`), built by `build()`
        on first use. `language=True` marks what is derived from the sentences or the
        figures: release_language_views drops it, and it is rebuilt when asked again."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            if language:
                self._language_keys.add(key)
            return value

    def memo_peek(self, key: str, default=None):
        """The value kept under `key`, or `default` when nothing built it (yet)."""
        return self._memo.get(key, default)

    @property
    def language_views(self) -> frozenset:
        """The keys of the language views held now (see `memo`)."""
        return frozenset(self._language_keys)

    def release_language_views(self) -> None:
        """Drop the sentences and figures and everything derived from them; read
        again, they are rebuilt.

        NOTE: on a 10 MB text they are together as large as the model itself;
        checker.linter releases them once the rules that read them have run, so
        they never stand alongside the findings of the others."""
        for key in self._language_keys:
            self._memo.pop(key, None)
        self._language_keys.clear()

    @cached_property
    def _top_starts(self):
        tops = sorted(self.sections, key=lambda s: s.span.start)
        return [s.span.start for s in tops], tops

    def kind_at(self, offset: int) -> str | None:
        """The kind of the level-1 section holding `offset` (bisect: no scan per lookup)."""
        starts, tops = self._top_starts
        i = bisect.bisect_right(starts, offset) - 1
        return tops[i].kind if i >= 0 and offset < tops[i].span.end else None


class Cell(namedtuple("Cell", "text span")):
    # text: str
    # span: Span
    __slots__ = ()


class Table(namedtuple("Table", (
        "rows span caption header_row header_column unit"), defaults=(None, True, True, None))):
    """A table read from rows of cells (| or tab separated, or aligned columns)."""
    # rows: tuple[tuple[Cell, ...], ...]
    # span: Span
    # caption: Paragraph | None = None  the sentence or line that introduces it
    # header_row: bool = True
    # header_column: bool = True
    # unit: str | None = None  单位：件 in the caption or header
    __slots__ = ()

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)
