"""Build the Document from classified lines: metadata, title, cover letter,
preamble, the section tree, and the closing block.

The grammar only says what each line looks like; here its role follows from
where it stands. In order: numbered notes under a table are text again
(checker.document.notes); page debris is set aside (the grammar's, and the chrome
vocabulary's, checker.document.front_lines), and so is a table of contents at the
top; the closing block is read from the end; the front (page chrome, the title,
a cover letter: checker.document.front); headings that lost their numeral are
restored (checker.document.lost_numerals); then the section tree. Every
decision is tolerant: a report with no title, no headings or no closing still
yields a Document, and the rules judge it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.document.front import read_front
from checker.document.front_lines import (ChromeLine, ContentsLine, bare_label, chrome_anywhere, find_contents,
                                          is_title, report_sentence)
from checker.document.hant import simplified
from checker.document.lines import STRIP, is_date_line, is_org_line, make_closing, stripped_span
from checker.document.lost_numerals import restore as restore_lost
from checker.document.model import (DebrisLine, Document, Heading, Line, LineIndex, Metadata, Paragraph, Section,
                                    Span, Table)
from checker.document.notes import chunk_markers, demote as demote_notes
from checker.document.numerals import ascii_years
from checker.document.parser import LEADING_SPACE, expected_marker, parse_lines
from checker.resources import vocab_path
from checker.document.table_blocks import group as group_tables

_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_KEY_ONLY = re.compile(r"[:：][ \t\u3000]*$")
_NO_VALUE_KEY = re.compile(r"分享到|附件")
_PUBLISHED_KEYS = re.compile(r"发布|日\s*期|时间|成文")
NOTES_KEY = "document.table_notes"


def build(text: str, path: str = "<text>") -> Document:
    index = LineIndex(text)
    lines, headings = parse_lines(text, index)
    lines, headings, notes = demote_notes(lines, headings)
    lines, headings, markers = chunk_markers(lines, headings)
    content, metadata = _split_debris(lines, index)
    debris = list(metadata.debris) + [ChromeLine(text[s.start:s.end], s) for s in markers]
    contents = find_contents(content, headings)
    if contents:  # NOTE: a table of contents is neither headings nor text
        debris += [ContentsLine(l.text, l.span) for i, l in enumerate(content) if i in contents]
        content = [l for i, l in enumerate(content) if i not in contents]
    closing, trailing, content = _closing(content, index)
    title, cover, cover_closing, content, front = read_front(content, headings, index)
    metadata = _with_front(metadata, debris + front, index)
    content, headings = restore_lost(content, headings, index, classify)
    preamble, sections, tables = _sections(content, headings, index)
    def make(sections):
        doc = Document(
            text=text, path=path, index=index, lines=tuple(lines), metadata=metadata,
            title=title, cover_letter=tuple(cover), preamble=tuple(preamble),
            sections=tuple(sections), closing=closing or cover_closing, trailing=tuple(trailing),
            tables=tuple(tables))
        doc.memo(NOTES_KEY, lambda: notes)  # NOTE: the line numbers of notes under tables (scope.table_notes)
        return doc
    return _profiled(make(sections), make)


def _profiled(doc: Document, make) -> Document:
    """The document with its top-level parts of the kinds its profile gives them
    (rules/data/kinds.yaml, checker.document.profiles): a 政务公开 report's
    五、存在的主要问题及改进情况 is its problems part. Reports whose profile names no parts
    (法治政府建设) are left as they are."""
    from checker.document.profiles import section_kinds
    kind = doc.report_kind
    sections = section_kinds(doc.sections, kind)
    if sections is None:
        return doc
    profiled = make(sections)
    profiled.__dict__["report_kind"] = kind  # NOTE: the kind does not depend on section kinds
    return profiled


# -- page debris -------------------------------------------------------------

def _split_debris(lines: list[Line], index: LineIndex) -> tuple[list[Line], Metadata]:
    content, debris = [], []
    published = published_span = None
    pending_key = None
    for line in lines:
        if line.kind == "blank":
            continue
        if line.kind == "debris" and report_sentence(line.text):
            line = Line("text", line.span, line._source)   # NOTE: 扫一扫二维码即可查询…，…。 is a sentence
        if line.kind == "debris":
            debris.append(DebrisLine(line.text, line.span))
            # NOTE: 分享到： and 附件： label buttons and links, never the line that follows
            pending_key = line if (_KEY_ONLY.search(line.text) or bare_label(line.text)) \
                and not _NO_VALUE_KEY.search(line.text) else None
            found = _published_in(line.text)
            if found and published is None:
                published, published_span = found[0], _sub_span(line, found[1], index)
            continue
        if pending_key is not None and line.kind == "text" and len(line.text.strip()) <= 40 \
                and not is_title(line.text):  # NOTE: 当前位置： above the title names no value
            debris.append(DebrisLine(line.text, line.span))  # the value of a "key:" line
            found = _published_in(line.text, pending_key.text)
            if found and published is None:
                published, published_span = found[0], _sub_span(line, found[1], index)
            pending_key = None
            continue
        pending_key = None
        if line.kind == "text" and chrome_anywhere(line.text):
            debris.append(ChromeLine(line.text, line.span))
            continue
        content.append(line)
    return content, Metadata(tuple(debris), published, published_span)


def _with_front(metadata: Metadata, debris: list, index: LineIndex) -> Metadata:
    """The metadata with the chrome and contents found in the front, in reading order;
    the publication date from a stamp there when the grammar's debris gave none."""
    debris.sort(key=lambda d: d.span.start)
    published, span = metadata.published, metadata.published_span
    for d in debris if published is None else ():
        found = _published_in(d.text)
        if found:
            published, span = found[0], index.span(d.span.start + found[1][0], d.span.start + found[1][1])
            break
    return Metadata(tuple(debris), published, span)


def _published_in(text: str, key: str | None = None):
    """The publication date a debris line gives: a date after a 发布/公开/更新/日期 key on
    the line (or after `key`, the bare "key:" line above a value line), not 成文日期 (the
    day the report was written), 生成日期 or 发文日期."""
    plain = ascii_years(text)  # NOTE: same length, so same span
    for m in _DATE.finditer(plain):
        before = key if key is not None else plain[max(0, m.start() - 10):m.start()]
        keys = list(_PUBLISHED_KEYS.finditer(before))
        if not keys or _NOT_PUBLISHED.search(before[max(0, keys[-1].start() - 2):keys[-1].end()]):
            continue
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}", m.span()
    return None


_NOT_PUBLISHED = re.compile(r"成文|生成|产生|发文")


def _sub_span(line: Line, cols: tuple[int, int], index: LineIndex) -> Span:
    return index.span(line.span.start + cols[0], line.span.start + cols[1])


# -- closing block -------------------------------------------------------------

def _closing(content: list[Line], index: LineIndex):
    """The signature and date at the end; what follows them is stray text."""
    tail = content[-8:]
    date_at = next((i for i in range(len(tail) - 1, -1, -1)
                    if tail[i].kind == "text" and is_date_line(tail[i].text)), None)
    if date_at is not None and (len(tail) - date_at > 3 or any(l.kind == "heading" for l in tail[date_at:])):
        date_at = None  # a date followed by more report text is not the closing
    if date_at is None:
        orgs_at = len(tail)
        while orgs_at > 0 and tail[orgs_at - 1].kind == "text" and is_org_line(tail[orgs_at - 1].text) \
                and len(tail) - orgs_at < 3:
            orgs_at -= 1
        if orgs_at == len(tail) or orgs_at == 0:
            return None, [], content
        block = tail[orgs_at:]
        return make_closing(block, None, index), [], content[:len(content) - len(block)]
    first = date_at
    while first > 0 and tail[first - 1].kind == "text" and is_org_line(tail[first - 1].text) \
            and date_at - first < 4:
        first -= 1
    cut = len(content) - len(tail) + first
    block = tail[first:date_at]
    after = tail[date_at + 1:]
    if not block and after and len(after) <= 2 and all(l.kind == "text" and is_org_line(l.text) for l in after):
        return make_closing(after, tail[date_at], index, date_first=True), [], content[:cut]  # date, then signature
    trailing = [Paragraph(l.text.strip(STRIP), l.span) for l in after]
    return make_closing(block, tail[date_at], index), trailing, content[:cut]


# -- sections -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def _kind_rules():
    from checker.yamlio import load_yaml_file
    data = load_yaml_file(vocab_path("sections.yaml")).data
    rules = tuple((k["kind"], k.get("match", "last"), tuple(k["keywords"]), bool(k.get("not_in_measures")))
                  for k in data["kinds"])
    return rules, tuple(data.get("action_verbs") or ())


_LEAD_YEAR = re.compile(r"^(?:(?:19|20)\d{2}年(?:度)?|今年|全年)?[，,]?")


def classify(heading_text: str) -> str:
    heading_text = simplified(heading_text)
    best, best_end = "other", -1
    for kind, match, ends in _named(heading_text):
        if match == "any":
            return kind
        if max(ends) > best_end:
            best, best_end = kind, max(ends)
    return best


def kinds_named(heading_text: str) -> set[str]:
    """Every kind a heading names, not only the one it is classified as:
    存在的问题和下一步工作打算 names the problems and the next steps."""
    heading_text = simplified(heading_text)
    return {kind for kind, _, _ in _named(heading_text)}


def _named(heading_text: str):
    """(kind, match, where its keywords end) for each kind the heading names."""
    rules, verbs = _kind_rules()
    measure = _LEAD_YEAR.sub("", heading_text).startswith(verbs) if verbs else False
    for kind, match, words, not_in_measures in rules:
        if measure and not_in_measures:
            continue
        ends = [heading_text.rfind(w) + len(w) for w in words if w in heading_text]
        if ends:
            yield kind, match, ends


class _Open:
    __slots__ = ("heading", "paragraphs", "children", "tables", "end")

    def __init__(self, heading: Heading):
        self.heading, self.paragraphs, self.children, self.tables = heading, [], [], []
        self.end = heading.span.end


def _sections(content: list[Line], headings: dict, index: LineIndex):
    preamble: list[Paragraph] = []
    roots: list[_Open] = []
    stack: list[_Open] = []
    tables: list[Table] = []
    order = sorted(headings)  # line numbers, to look ahead from a nameless （）
    for line in group_tables(content, index):
        if isinstance(line, Table):
            tables.append(line)
            if stack:
                stack[-1].tables.append(line)
                for s in stack:
                    s.end = line.span.end
            continue
        if line.kind == "heading":
            h = headings[line.span.line]
            if h.numeral is None and h.level == 2 and stack and stack[-1].heading.level >= 3 \
                    and _nameless_is_fourth(stack, headings, order, line.span.line):
                h = h._replace(level=4, expected_marker=expected_marker(4, None, h.fullwidth))
            while stack and stack[-1].heading.level >= h.level:
                stack.pop()
            node = _Open(h)
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            rest = _heading_rest(line, h, index)
            if rest:
                node.paragraphs.append(rest)
            for s in stack:
                s.end = line.span.end
            continue
        para = Paragraph(line.text.strip(STRIP), stripped_span(line, index))
        if stack:
            stack[-1].paragraphs.append(para)
            for s in stack:
                s.end = line.span.end
        else:
            preamble.append(para)
    kinds = _part_kinds(roots)
    sections = [_freeze(node, kind, index) for node, kind in zip(roots, kinds)]
    return preamble, sections, tables


def _part_kinds(roots: list) -> list[str]:
    """The kind of each top-level part: by its heading's words, and an unnamed part
    before the first problems or next-steps part is one more part of the achievements
    (一、持续深化“放管服”改革 … 三、存在的问题). With no problems or next-steps part at all
    (an excerpt, or a report of the year's work only), every unnamed part is one: parts
    named by topic (一、依法全面履行政府职能, 一、坚持高位推动…) report the work done."""
    kinds = [classify(n.heading.text) for n in roots]
    later = next((i for i, k in enumerate(kinds) if k in ("problems", "next_steps")), len(kinds))
    return ["achievements" if k == "other" and i < later else k for i, k in enumerate(kinds)]


def _nameless_is_fourth(stack: list, headings: dict, order: list, line_no: int) -> bool:
    """Is a （） under a 1. heading its first-level child (（1）) or the next of the （一）
    above it? The heading after it decides: a 1. or a （五） makes it a （四）, a (2) a (1);
    failing that, (1) siblings already under the 1. make it a (1), and so does the lack
    of any （一） above the 1.: it has no sibling there to follow."""
    from bisect import bisect_right
    i = bisect_right(order, line_no)
    after = headings[order[i]] if i < len(order) else None
    if after is not None and after.numeral is not None and after.level in (2, 3, 4):
        return after.level == 4
    return any(c.heading.level == 4 for c in stack[-1].children) or stack[-1].heading.level == 4 \
        or not any(o.heading.level == 2 for o in stack)


def _heading_rest(line: Line, h: Heading, index: LineIndex) -> Paragraph | None:
    start = h.span.end
    text = index and line.text[start - line.span.start:]
    stripped = text.strip(STRIP)
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip(STRIP))
    return Paragraph(stripped, index.span(start + lead, start + lead + len(stripped)))


def _freeze(node: _Open, kind: str, index: LineIndex) -> Section:
    children = tuple(_freeze(c, kind, index) for c in node.children)
    return Section(node.heading, kind, tuple(node.paragraphs), children,
                   index.span(node.heading.span.start, node.end), tuple(node.tables))
