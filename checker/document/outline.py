"""Build the Document from classified lines: metadata, title, cover letter,
preamble, the section tree, and the closing block.

The grammar only says what each line looks like; here its role follows from
where it stands. Every decision is tolerant: a report with no title, no
headings or no closing still yields a Document, and the rules judge it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.document.model import (Closing, DebrisLine, Document, Heading, Line, LineIndex, Metadata,
                    Paragraph, Section, Span, Table)
from checker.document.numerals import ascii_years, cn_to_int
from checker.document.parser import LEADING_SPACE, expected_marker, parse_lines
from checker.resources import vocab_path
from checker.document.table_blocks import group as group_tables

_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# NOTE: read after ascii_years: 二〇二一年 and ２０２１年 are 2021年 by then
_DATE_LINE = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
                        r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?|(?:19|20)\d{4,6})$")
_ORG_END = re.compile(r"(政府|委员会|委|局|办公室|办|院|厅|所|中心|部|署|镇|乡|街道|处|队|会)$")
_TITLE_WORDS = re.compile(r"报告|情况|总结|工作")
_COVER_END = re.compile(r"请审阅|请审示|请审议|特此报告|予以呈报|请予审议|请阅示")
_KEY_ONLY = re.compile(r"[:：][ \t\u3000]*$")
_NO_VALUE_KEY = re.compile(r"分享到|附件")
_PUBLISHED_KEYS = re.compile(r"发布|日\s*期|时间|成文")


def build(text: str, path: str = "<text>") -> Document:
    index = LineIndex(text)
    lines, headings = parse_lines(text, index)
    content, metadata = _split_debris(lines, index)
    closing, trailing, content = _closing(content, index)
    title, cover, cover_closing, content = _front(content, headings, index)
    preamble, sections, tables = _sections(content, headings, index)
    return Document(
        text=text, path=path, index=index, lines=tuple(lines), metadata=metadata,
        title=title, cover_letter=tuple(cover), preamble=tuple(preamble),
        sections=tuple(sections), closing=closing or cover_closing, trailing=tuple(trailing),
        tables=tuple(tables))


# -- page debris -------------------------------------------------------------

def _split_debris(lines: list[Line], index: LineIndex) -> tuple[list[Line], Metadata]:
    content, debris = [], []
    published = published_span = None
    pending_key = None
    for line in lines:
        if line.kind == "blank":
            continue
        if line.kind == "debris":
            debris.append(DebrisLine(line.text, line.span))
            # NOTE: 分享到： and 附件： label buttons and links, never the line that follows
            pending_key = line if _KEY_ONLY.search(line.text) and not _NO_VALUE_KEY.search(line.text) else None
            found = _published_in(line.text, line.text)
            if found and published is None:
                published, published_span = found[0], _sub_span(line, found[1], index)
            continue
        if pending_key is not None and line.kind == "text" and len(line.text.strip()) <= 40:
            debris.append(DebrisLine(line.text, line.span))  # the value of a "key:" line
            found = _published_in(line.text, pending_key.text)
            if found and published is None:
                published, published_span = found[0], _sub_span(line, found[1], index)
            pending_key = None
            continue
        pending_key = None
        content.append(line)
    return content, Metadata(tuple(debris), published, published_span)


def _published_in(text: str, key_text: str):
    if not _PUBLISHED_KEYS.search(key_text):
        return None
    m = _DATE.search(ascii_years(text))  # NOTE: same length, so same span
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}", m.span()


def _sub_span(line: Line, cols: tuple[int, int], index: LineIndex) -> Span:
    return index.span(line.span.start + cols[0], line.span.start + cols[1])


# -- closing block -------------------------------------------------------------

def _is_date_line(text: str) -> bool:
    return bool(_DATE_LINE.match(ascii_years(text.strip(LEADING_SPACE + " "))))


def _is_org_line(text: str) -> bool:
    t = text.strip(LEADING_SPACE + " ")
    # NOTE: a hard-wrapped sentence can end in 政府 too; names carry no quotes, book marks or digits
    return 2 <= len(t) <= 30 and not re.search(r"[。，,；;：:！？、“”《》\d]", t) and bool(_ORG_END.search(t))


def _closing(content: list[Line], index: LineIndex):
    """The signature and date at the end; what follows them is stray text."""
    tail = content[-8:]
    date_at = next((i for i in range(len(tail) - 1, -1, -1)
                    if tail[i].kind == "text" and _is_date_line(tail[i].text)), None)
    if date_at is not None and (len(tail) - date_at > 3 or any(l.kind == "heading" for l in tail[date_at:])):
        date_at = None  # a date followed by more report text is not the closing
    if date_at is None:
        orgs_at = len(tail)
        while orgs_at > 0 and tail[orgs_at - 1].kind == "text" and _is_org_line(tail[orgs_at - 1].text) \
                and len(tail) - orgs_at < 3:
            orgs_at -= 1
        if orgs_at == len(tail) or orgs_at == 0:
            return None, [], content
        block = tail[orgs_at:]
        return _make_closing(block, None, index), [], content[:len(content) - len(block)]
    first = date_at
    while first > 0 and tail[first - 1].kind == "text" and _is_org_line(tail[first - 1].text) \
            and date_at - first < 4:
        first -= 1
    cut = len(content) - len(tail) + first
    block = tail[first:date_at]
    after = tail[date_at + 1:]
    if not block and after and len(after) <= 2 and all(l.kind == "text" and _is_org_line(l.text) for l in after):
        return _make_closing(after, tail[date_at], index, date_first=True), [], content[:cut]  # date, then signature
    trailing = [Paragraph(l.text.strip(LEADING_SPACE), l.span) for l in after]
    return _make_closing(block, tail[date_at], index), trailing, content[:cut]


def _make_closing(orgs: list[Line], date_line: Line | None, index: LineIndex, date_first: bool = False) -> Closing:
    lines = ([date_line] if date_first else []) + orgs + ([date_line] if date_line and not date_first else [])
    date_text = date_line.text.strip(LEADING_SPACE + " ") if date_line else None
    date_span = None
    if date_line:
        lead = len(date_line.text) - len(date_line.text.lstrip(LEADING_SPACE + " "))
        date_span = index.span(date_line.span.start + lead, date_line.span.start + lead + len(date_text))
    return Closing(
        organisations=tuple(l.text.strip(LEADING_SPACE + " ") for l in orgs),
        date=_iso_date(date_text) if date_text else None, date_text=date_text,
        span=index.span(lines[0].span.start, lines[-1].span.end), date_span=date_span)


def _iso_date(text: str) -> str | None:
    """2021年1月15日, ２０２１年１月１５日 or 二〇二一年一月十五日 as 2021-01-15."""
    m = _ISO_PARTS.match(ascii_years(text))
    if not m:
        return None
    y, mo, d = (int(g) if g.isdigit() else cn_to_int(g) for g in m.groups())
    import datetime
    try:
        return datetime.date(y, mo, d).isoformat()
    except (ValueError, TypeError):
        return None


_ISO_PARTS = re.compile(r"(\d{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")


# -- title, cover letter ---------------------------------------------------------

def _is_title(text: str) -> bool:
    t = text.strip(LEADING_SPACE + " ")
    if _ATTACHMENT.match(t):
        return False   # 附件：某县2022年…报告 names the report, in a cover letter
    return 4 <= len(t) <= 60 and not re.search(r"[。；;：:]$|[，,]", t) and bool(_TITLE_WORDS.search(t)) \
        and bool(re.search(r"\d{4}|法治|依法", t))


def _front(content: list[Line], headings: dict, index: LineIndex):
    """Title block(s) and cover letter before the preamble."""
    first_heading = next((i for i, l in enumerate(content) if l.kind == "heading"), len(content))
    title = None
    cover: list[Paragraph] = []
    cover_closing = None
    i = 0
    while i < first_heading:
        line = content[i]
        t = line.text.strip(LEADING_SPACE + " ")
        found = _title_at(content, i, first_heading, index)
        if found is not None:
            if title is None:
                title = found[0]
            i += found[1]
            while i < first_heading and _is_org_line(content[i].text):  # author line under the title
                i += 1
            continue
        if _is_addressee(t):
            end = _cover_end(content, i + 1, first_heading)
            if end is not None:
                cover = _paragraphs(content[i:end + 1], index)
                j = end + 1
                sig = []
                while j < first_heading and (_is_org_line(content[j].text) or _is_date_line(content[j].text)):
                    sig.append(content[j])
                    j += 1
                if sig:
                    dates = [l for l in sig if _is_date_line(l.text)]
                    cover_closing = _make_closing([l for l in sig if l not in dates], dates[0] if dates else None, index)
                i = j
                continue
        if title is None and i + 1 < first_heading and _is_org_line(t) and not _is_title(t):
            i += 1  # masthead above the title ("八宿县人民政府")
            continue
        break
    if title is None and i < first_heading and _is_addressee(content[i].text.strip(LEADING_SPACE + " ")):
        # an addressee and a line or two of cover text with no closing formula, then the title
        for k in range(i + 1, min(first_heading, i + 4)):
            found = _title_at(content, k, first_heading, index)
            if found is not None:
                cover = _paragraphs(content[i:k], index)
                return found[0], cover, cover_closing, content[k + found[1]:]
    return title, cover, cover_closing, content[i:]


def _is_addressee(t: str) -> bool:
    """某市人民政府： at the head of a cover letter."""
    return bool(re.search(r"[:：]$", t)) and len(t) <= 30 and bool(_ORG_END.search(t.rstrip(":：")))


def _title_at(content: list[Line], i: int, stop: int, index: LineIndex):
    """(title, lines it takes) when a title starts at content[i]: one line, a Markdown
    `# ` title, or a title broken over two lines (某县2021年度 / 法治政府建设情况报告)."""
    line = content[i]
    t = line.text.strip(LEADING_SPACE + " ")
    md = _MD_TITLE.match(t)
    cut = 0
    if md.end():
        t = t[md.end():]
        bold = md.group(1)
        if bold and t.endswith(bold):  # **某县2021年…报告**
            t, cut = t[:-2], 2
    if _is_title(t):
        span = _stripped_span(line, index)
        if md.end():
            span = index.span(span.start + md.end(), span.end - cut)
        return Paragraph(t, span), 1
    nxt = content[i + 1] if i + 1 < stop else None
    if nxt is None or nxt.kind != "text" or _is_org_line(t) or len(t) > 24 or re.search(r"[。，,；;：:]", t) \
            or not re.search(r"[\u4e00-\u9fff]{2}", t) or _is_date_line(t):
        return None
    if not _is_title(nxt.text):
        return None
    first, second = _stripped_span(line, index), _stripped_span(nxt, index)
    return Paragraph(line._source[first.start:second.end], index.span(first.start, second.end)), 2


_MD_TITLE = re.compile(r"(?:#{1,6}[ \t]*)?(\*\*|__)?")


def _cover_end(content: list[Line], start: int, stop: int) -> int | None:
    """The cover letter's last line: its last closing formula (请审阅。/ 特此报告。) and
    an attachment note after it (附件：某县2022年…报告)."""
    end = None
    for j in range(start, min(stop, start + 6)):
        if _COVER_END.search(content[j].text):
            end = j
    while end is not None and end + 1 < stop and _ATTACHMENT.match(content[end + 1].text.strip(LEADING_SPACE + " ")):
        end += 1
    return end


_ATTACHMENT = re.compile(r"附件\s*\d?\s*[:：]")


def _paragraphs(lines: list[Line], index: LineIndex) -> list[Paragraph]:
    return [Paragraph(l.text.strip(LEADING_SPACE + " "), _stripped_span(l, index)) for l in lines]


def _stripped_span(line: Line, index: LineIndex) -> Span:
    lead = len(line.text) - len(line.text.lstrip(LEADING_SPACE + " "))
    body = line.text.strip(LEADING_SPACE + " ")
    return index.span(line.span.start + lead, line.span.start + lead + len(body))


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
        para = Paragraph(line.text.strip(LEADING_SPACE + " "), _stripped_span(line, index))
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
    (一、持续深化“放管服”改革 … 三、存在的问题)."""
    kinds = [classify(n.heading.text) for n in roots]
    later = next((i for i, k in enumerate(kinds) if k in ("problems", "next_steps")), 0)
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
    stripped = text.strip(LEADING_SPACE + " ")
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip(LEADING_SPACE + " "))
    return Paragraph(stripped, index.span(start + lead, start + lead + len(stripped)))


def _freeze(node: _Open, kind: str, index: LineIndex) -> Section:
    children = tuple(_freeze(c, kind, index) for c in node.children)
    return Section(node.heading, kind, tuple(node.paragraphs), children,
                   index.span(node.heading.span.start, node.end), tuple(node.tables))
