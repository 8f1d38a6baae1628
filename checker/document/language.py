"""Language views derived lazily from a Document: sentences, enumerations,
the report year and the report's kind. Nothing here imports jieba; see
checker.document.segment.
"""
from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache

from checker.document.model import Paragraph, Span
from checker.document.numerals import ascii_years, cn_to_int
from checker.resources import vocab_path
from checker.speed.prefilter import holds_place

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)》]*")


class Sentence:
    """One sentence of a block: a verbatim stretch of the document's text.

    NOTE: its text and span are made when read, not kept: the sentences of a
    10 MB text would otherwise hold another copy of it and ~70,000 spans."""
    __slots__ = ("start", "end", "paragraph", "_source", "_index")

    def __init__(self, start: int, end: int, paragraph: Paragraph, source: str, index):
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self._source = source  # the whole text the offsets point into
        self._index = index    # its LineIndex

    @property
    def text(self) -> str:
        return self._source[self.start:self.end]

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self._index)

    def __eq__(self, other):
        if not isinstance(other, Sentence):
            return NotImplemented
        return (self.start, self.end, self.paragraph, self.text) == (other.start, other.end, other.paragraph, other.text)

    def __hash__(self):
        return hash((self.start, self.end))

    def __repr__(self):
        return f"Sentence(text={self.text!r}, span={self.span!r})"


class EnumItem(namedtuple("EnumItem", "style marker number span paragraph unit", defaults=(0,))):
    """One marker of an in-paragraph enumeration: 一是 / 第一， / 首先."""
    # style: str  shi (一是) | di (第一) | order (首先/其次/再次/最后)
    # marker: str
    # number: int  1-based; for order: 首先 1, 其次 2, 再次 3, 最后 0 (= last)
    # span: Span
    # paragraph: Paragraph
    # unit: int = 0  the run of text the item stands in: 0 the preamble, then one per section
    __slots__ = ()


def split_sentences(doc) -> tuple[Sentence, ...]:
    out = []
    for para in doc.content_blocks:
        out.extend(sentences_of(para, doc))
    return tuple(out)


def sentences_of(para: Paragraph, doc) -> list[Sentence]:
    """The sentences of one block: split after 。！？ (and closing quotes), stripped."""
    out, text, pos = [], para.text, 0
    base, index, source = para.span.start, doc.index, doc.text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text))
    for end in ends:
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = base + pos + len(chunk) - len(chunk.lstrip())
            out.append(Sentence(start, start + len(stripped), para, source, index))
        pos = end
    return out


# NOTE: 一是不断… is an item (only 是否 is excluded); 一是一、二是二 is an idiom;
# 第二、三季度 and 第二、第三批 are ordinals, not items, so 第N may not be followed by a numeral;
# 其次是… ("next comes") is not an item: 首先/其次/再次/最后 need a following comma or colon.
_ENUM = re.compile(
    r"(?P<shi>(?<![第])(?P<n1>[一二三四五六七八九十]{1,3})是(?=[^\s否])(?![一二三四五六七八九十][，,、]))"
    r"|(?P<di>第(?P<n2>[一二三四五六七八九十]{1,3})[，,、：:](?![\d０-９一二三四五六七八九十第]))"
    r"|(?P<order>(?:首先|其次|再次|最后)[，,、：:])")
_ORDER = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
# The two characters every marker opens with (一是 三十是 第二 首先 …).
# NOTE: _ENUM's first alternative opens with a group and a lookbehind, so `re` tries
# it at every character (~0.1 ms per 1,000); this class-led hint lets `re` skip ahead.
_HINT = re.compile("[一二三四五六七八九十第首其再最][是一二三四五六七八九十先次后]")
# Where an enumeration marker may start: paragraph start or after a clause break.
_BREAK_BEFORE = set("。；;：:！？!?，, \t\u3000\u00a0\u2002\u2003\u2009")


def find_enumerations(doc) -> tuple[EnumItem, ...]:
    """Enumeration markers of the preamble and of each section (its heading text,
    then its own paragraphs), in reading order; `unit` tells the runs apart, so a
    list may continue from one paragraph to the next but a heading restarts it.

    NOTE: one scan of the whole text finds the blocks that may hold a marker
    (blocks are verbatim slices, and no marker reaches across a line end); only
    those are read closely."""
    places = [m.start() for m in markers(doc.text)]
    items = []
    for unit, blocks in enumerate(_units(doc)):
        for para in blocks:
            if holds_place(places, para.span.start, para.span.end):
                items.extend(_items_in(para, unit, doc))
    return tuple(sorted(items, key=lambda e: e.span.start))


def markers(text: str):
    """The matches of _ENUM in `text`, as `_ENUM.finditer` gives them, tried only
    where a hint starts. Exact: every marker opens with a hint (一是 三十是 第二
    首先 …); hints are found overlapping, and the places are tried in order."""
    pos, search, match = 0, _HINT.search, _ENUM.match
    hint = search(text)
    while hint is not None:
        m = match(text, hint.start())
        if m is not None:
            yield m
            pos = m.end()
        hint = search(text, max(hint.start() + 1, pos))


def _units(doc):
    yield doc.preamble
    for section in doc.walk_sections():
        h = section.heading
        # NOTE: Heading.span starts at the marker; the text block must start at the text.
        at = doc.text.find(h.text, h.marker_span.end) if h.text else -1
        head = (Paragraph(h.text, doc.span(at, at + len(h.text))),) if at >= 0 else ()
        yield head + tuple(section.paragraphs)


def _items_in(para: Paragraph, unit: int, doc) -> list[EnumItem]:
    out = []
    for m in markers(para.text):
        if m.start() > 0 and para.text[m.start() - 1] not in _BREAK_BEFORE:
            continue
        start = para.span.start + m.start()
        if m.group("shi"):
            number, style, marker = cn_to_int(m.group("n1")), "shi", m.group("shi")
        elif m.group("di"):
            number, style, marker = cn_to_int(m.group("n2")), "di", m.group("di")[:-1]
        else:
            marker = m.group("order")[:2]
            number, style = _ORDER[marker], "order"
        out.append(EnumItem(style, marker, number or 0, doc.span(start, start + len(marker)), para, unit))
    return out


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?![\d.%])")
_RANGE_BEFORE = re.compile(r"(?:19|20)\d{2}\s*(?:年\s*)?[-—–~～至到]\s*$")
_RANGE_AFTER = re.compile(r"\s*(?:年\s*)?[-—–~～至到]\s*(?:19|20)?\d{2}")
_FORMULA = re.compile(r"现(?:将|对|就)[^。]{0,30}?((?:19|20)\d{2})\s*年[^。]{0,40}?如下")
_PERIOD = re.compile(r"(?:统计(?:期限|时限|时间|时段|范围|区间)|所列数据|数据统计)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*度?\s*0?1\s*月\s*0?1\s*日")
_LEAD = re.compile(r"^\s*((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
_CLAUSE = re.compile(r"(?:^|[。；;，,：:])\s*((?:19|20)\d{2})\s*年度?(?:[，,]|以来|全年|来)")

# What a report year was read from, from the surest to the least sure.
STATED = ("config", "title", "period", "preamble")


def _years(text: str, bare: bool = False):
    """(year, offset) of each year the text names, in order: not the years of a book or
    plan title (《…纲要（2021—2025年）》), and of a range only its end, and only with
    `bare` (a title: 某县2021-2025年度…, 自查报告（2016-2020）)."""
    text = ascii_years(text)  # ２０２３年 and 二〇二三年 name a year too
    pattern = _BARE_YEAR if bare else _YEAR
    for m in pattern.finditer(text):
        before = text[:m.start()]
        if before.count("《") > before.count("》"):
            continue
        if _RANGE_AFTER.match(text, m.end(1)):
            continue
        if _RANGE_BEFORE.search(before) and not bare:
            continue
        yield int(m.group(1)), m.start()


def _first(text: str, bare: bool = False):
    return next((y for y, _ in _years(text, bare)), None)


def stated_year(doc) -> int | None:
    """The year the title, the statistics period or the opening of the preamble names."""
    year, basis = report_year_basis(doc)
    return year if basis in STATED else None


def report_year(doc) -> int | None:
    """The year reported on (see report_year_basis)."""
    return report_year_basis(doc)[0]


def report_year_basis(doc) -> tuple[int | None, str | None]:
    """(the year reported on, what it was read from): the title (title), the statistics
    period (period: 统计期限为2021年1月1日至…), the preamble (preamble: its opening, its
    现将…2021年…报告如下, a clause that opens with the year), the closing date (closing:
    a date up to June is the next year's), else the body (body: the first paragraph that
    opens with a year, the first heading that names one). Page chrome never counts (its
    clock, its 发布时间): it is debris, not text. NOTE: kept on the document."""
    return doc.memo("document.report_year", lambda: _year_basis(doc))


def _year_basis(doc):
    if doc.title:
        y = _first(doc.title.text, bare=True)
        if y is not None:
            return y, "title"
    opening = list(doc.cover_letter) + list(doc.preamble[:3])
    blocks = doc.content_blocks[:24]
    for para in blocks:
        m = _PERIOD.search(ascii_years(para.text))
        if m:
            return int(m.group(1)), "period"
    for para in opening:
        text = ascii_years(para.text)
        m = _FORMULA.search(text)
        if m:
            return int(m.group(1)), "preamble"
    for para in opening[:2]:
        y = _first(para.text[:80])
        if y is not None:
            return y, "preamble"
    for para in opening:
        text = ascii_years(para.text)
        for m in _CLAUSE.finditer(text):
            if any(y == int(m.group(1)) for y, _ in _years(text[m.start(1):m.end()])):
                return int(m.group(1)), "preamble"
    if doc.closing and doc.closing.date:
        y, mo = int(doc.closing.date[:4]), int(doc.closing.date[5:7])
        return (y - 1 if mo <= 6 else y), "closing"
    for d in doc.metadata.debris:   # the table of contents names the year of its parts
        y = _first(d.text) if getattr(d, "role", "") == "contents" else None
        if y is not None:
            return y, "body"
    for block in blocks:
        text = ascii_years(block.text)
        m = _LEAD.match(text)
        if m and block not in opening and _first(text[:m.end()]) is not None:
            return int(m.group(1)), "body"
    for h in doc.headings[:12]:
        y = _first(h.text)
        if y is not None:
            return y, "body"
    return None, None


@lru_cache(maxsize=1)
def kinds() -> tuple[tuple[tuple[str, tuple[str, ...]], ...], str]:
    """((kind id, title words), …) in the order they are tried, and the default kind
    (rules/data/kinds.yaml)."""
    from checker.yamlio import load_yaml_file
    data = load_yaml_file(vocab_path("kinds.yaml")).data
    return tuple((k["id"], tuple(k["title"])) for k in data["kinds"]), data["default"]


def kind_ids() -> tuple[str, ...]:
    return tuple(k for k, _ in kinds()[0])


def report_kind(doc) -> str:
    """What the report is (fzzf, zwgk, fuyi, zhifa): the first kind whose words the
    title holds; without one, the kind whose words the opening of the text (its first
    2,000 characters and the page's breadcrumbs) uses most (a report copied without its
    title line often names itself there: 现将2022年政府信息公开工作年度报告如下, and a
    行政复议 statistics page says 行政复议 in every paragraph). Traditional characters
    are read as simplified ones."""
    from checker.document.hant import simplified
    table, default = kinds()
    if doc.title:
        text = simplified("".join(doc.title.text.split()))
        for kind, words in table:
            if any(w in text for w in words):
                return kind
    places, size = [], 0
    for block in doc.content_blocks:
        places.append(block.text)
        size += len(block.text)
        if size >= _OPENING:
            break
    places += [line.text for line in doc.metadata.debris[:8]]
    text = simplified("".join("".join(places).split()))
    counts = [(sum(text.count(w) for w in words), -i, kind) for i, (kind, words) in enumerate(table)]
    best = max(counts)
    return best[2] if best[0] else default


_OPENING = 2000
