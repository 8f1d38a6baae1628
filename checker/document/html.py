"""Read a saved web page (.html, .htm, .shtml, .xhtml) into a Source: the article as a reader sees it.

The text is the article's title (its heading on the page, else <title> without the site
name), then `发布时间：YYYY-MM-DD` when the page states its publication date (<meta name=
"PubDate">, "publishdate", property "article:published_time", else a 发布时间/发布日期/日期
line between the heading and the article), so that the outline reads it as page debris
with a date; then the body: one line per paragraph (a <p>, a <div> of text, text split by
<br>), one line per table row with its cells joined by tabs (merged cells leave empty cells).
Navigation, breadcrumbs, clocks, share and print links, footers, scripts, styles and hidden
elements are left out. Whitespace is collapsed as a browser does; full-width spaces
(U+3000) that indent a paragraph are kept.

The charset comes from a byte-order mark, else <meta charset> or <meta http-equiv
content="…charset=…"> (GB2312 and GBK pages are decoded as GB18030, their superset), else
UTF-8, else GB18030. lxml (libxml2's forgiving HTML parser; also required by python-docx)
is imported only when a page is read. Which element holds the article is decided here:
the page is laid out as lines, each line weighs as prose (sentences), weak text (headings,
cells, signatures) or furniture (links, 浏览次数, 版权所有…); the element whose paragraphs
weigh most is widened to an ancestor while that adds more prose than twice the furniture,
and followed by the siblings after it that hold no furniture (a table, the signature).
Chosen after a comparison with trafilatura, readability-lxml and jusText on Chinese
government pages (CHANGELOG, issue 19; tests/fixtures/html).
"""
from __future__ import annotations

import codecs
import datetime
import re
import unicodedata

from checker.boundedio import read_file
from checker.errors import ReportlintError
from checker.document.reading import MAX_BYTES, Source

NO_TEXT = "no article text found in the page"

# -- charset -------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_\-:.]+)""", re.I)
_LABELS = {  # WHATWG labels → the Python codec that reads them (GBK family → GB18030)
    "utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030", "chinese": "gb18030",
    "csgb2312": "gb18030", "gb_2312": "gb18030", "gb_2312-80": "gb18030", "iso-ir-58": "gb18030",
    "cp936": "gb18030", "ms936": "gb18030", "windows-936": "gb18030", "euc-cn": "gb18030",
    "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cn-big5": "big5hkscs", "x-x-big5": "big5hkscs",
    # NOTE: a meta tag cannot declare UTF-16 (the spec reads such pages as UTF-8)
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "windows-1252": "cp1252",
}


def declared_charset(data: bytes) -> str | None:
    """The codec named by the page's <meta> (or XML declaration) in its first 8 KB, if known."""
    head = data[:8192]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _LABELS.get(m.group(1).decode("ascii", "replace").lower()) if m else None


def decode_page(data: bytes, path: str) -> tuple[str, str]:
    """(text, codec): BOM, then the declared charset, then UTF-8, then GB18030."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc
    if b"\x00" in data[:4096]:
        raise ReportlintError(f"{path}: not a web page (binary data)")
    declared = declared_charset(data)
    # NOTE: a Chinese page declared Latin-1 is mislabelled: its own charset is tried first
    order = ("utf-8", "gb18030", declared) if declared == "cp1252" else (declared, "utf-8", "gb18030")
    for enc in dict.fromkeys(e for e in order if e):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    # NOTE: like a browser, a page with a few bad bytes is still read (they show as U+FFFD)
    enc = declared or "utf-8"
    return data.decode(enc, "replace"), enc


# -- the tree ------------------------------------------------------------------

_JUNK = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
         "canvas", "select", "option", "button", "input", "textarea", "head", "title", "meta",
         "link", "base", "map", "audio", "video", "img", "area", "frameset", "frame"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
          "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
          "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
          "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
          "thead", "tr", "ul"}
_PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "pre", "blockquote", "table"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
# NOTE: Python's str.splitlines() breaks lines at these too: a paragraph must stay one line
_LINE_BREAKS = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _parse(text: str):
    from lxml import etree
    # NOTE: lxml.etree, not lxml.html: the same libxml2 parser without the cost of HtmlElement
    # proxies; libxml2 lower-cases tag names and keeps at most 255 levels of nesting
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    try:
        return etree.fromstring(_CONTROL.sub("", text).encode("utf-8", "replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _drop(el) -> None:
    """Remove el but keep its tail text in place."""
    parent = el.getparent()
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _clean(root) -> None:
    """Drop what a reader never sees (scripts, styles, form controls, images, hidden elements),
    keeping the text that follows each."""
    for el in list(root.iter()):
        if el.getparent() is None:
            continue
        if not isinstance(el.tag, str) or el.tag in _JUNK or el.get("hidden") is not None \
                or _HIDDEN.search(el.get("style") or ""):
            _drop(el)


def _tag(el) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def _text(el) -> str:
    return "".join(el.itertext())


# -- text as laid out ----------------------------------------------------------

_BR = object()
_WS = re.compile(r"[ \t\n\r\f]+")
_NO_JOIN_END = "。！？；：…!?;:”’）)】》"
_OPENS_PARAGRAPH = re.compile(r"^(?:[\u3000\u00a0]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _collapse(text: str) -> str:
    """Collapse ASCII whitespace as CSS does: a run becomes one space, or nothing when it holds a
    line break between two wide (CJK) characters (CSS Text 3, segment break transformation)."""
    def repl(m):
        s, e = m.start(), m.end()
        if ("\n" in m.group() or "\r" in m.group()) and 0 < s and e < len(text) \
                and _wide(text[s - 1]) and _wide(text[e]):
            return ""
        return " "
    text = text.translate(_LINE_BREAKS)
    out = _WS.sub(repl, text)
    out = out.replace("\u00a0", " ").translate(_INVISIBLE)
    # NOTE: leading ASCII/no-break spaces indent like text-indent and are dropped; U+3000 is text
    return out.strip(" ").rstrip("\u3000 ")


def _join_soft(before: str, after: str, indented: bool) -> bool:
    """A single <br>: does it only wrap a long line mid-sentence (joined), or end a line?"""
    b = before.rstrip(" \u3000")
    # NOTE: a signature block (机关名<br>日期) or a list is short lines; a wrapped sentence is long
    return len(b) >= 20 and b[-1] not in _NO_JOIN_END and not indented and not _OPENS_PARAGRAPH.match(after)


class _Line:
    __slots__ = ("text", "links", "block", "kind")

    def __init__(self, text, links, block, kind="text"):
        self.text, self.links, self.block, self.kind = text, links, block, kind


class _Layout:
    """The lines of a subtree as laid out: a block element starts and ends a line, two <br> end
    a paragraph (one <br> too, unless it only wraps a long sentence), a table of figures
    becomes tab-separated rows. Each line knows its innermost block and its linked characters."""

    def __init__(self):
        self.lines: list[_Line] = []
        self.pieces: list = []   # text, or _BR
        self.linked: list[bool] = []
        self.blocks: list = []

    def add(self, text, link: bool):
        if text:
            self.pieces.append(text)
            self.linked.append(link)

    def flush(self):
        if not self.pieces:
            return
        block = self.blocks[-1] if self.blocks else None
        merged: list[list] = []  # [text, linked characters]
        breaks, raw, links = 0, [], 0
        for piece, link in zip(self.pieces + [_BR], self.linked + [False]):
            if piece is not _BR:
                raw.append(piece)
                links += len(piece.strip()) if link else 0
                continue
            text = _collapse("".join(raw))
            if text:
                indented = "".join(raw).lstrip(" \t\n\r\f")[:1] in ("\u00a0", "\u3000")
                if merged and breaks == 1 and _join_soft(merged[-1][0], text, indented):
                    glue = "" if _wide(merged[-1][0][-1]) or _wide(text[0]) else " "
                    merged[-1][0] += glue + text
                    merged[-1][1] += links
                else:
                    merged.append([text, links])
                breaks = 0
            breaks += 1
            raw, links = [], 0
        self.pieces, self.linked = [], []
        self.lines.extend(_Line(t, n, block) for t, n in merged)

    def run(self, root):
        stack = [(root, False)]
        in_link = 0
        while stack:
            el, end = stack.pop()
            tag = _tag(el)
            if end:
                if tag in _BLOCK:
                    self.flush()
                    self.blocks.pop()
                in_link -= tag == "a"
                self.add(el.tail, in_link > 0)
                continue
            if tag == "br":
                self.pieces.append(_BR)
                self.linked.append(False)
                self.add(el.tail, in_link > 0)
            elif tag == "table" and _is_data_table(el):
                self.flush()
                self.lines.extend(_Line(row, 0, el, "row") for row in _rows(el))
                self.add(el.tail, in_link > 0)
            else:
                if tag in _BLOCK:
                    self.flush()
                    self.blocks.append(el)
                in_link += tag == "a"
                self.add(el.text, in_link > 0)
                stack.append((el, True))
                stack.extend((child, False) for child in reversed(el) if isinstance(child.tag, str))
        self.flush()
        return self.lines


def _cell_text(cell) -> str:
    lines = _Layout().run(cell)
    return " ".join(l.text.strip(" \u3000") for l in lines if l.text.strip(" \u3000")).replace("\t", " ")


def _own_rows(table):
    for el in table.iter("tr"):
        owner = el.getparent()
        while owner is not None and _tag(owner) != "table":
            owner = owner.getparent()
        if owner is table:
            yield el


def _is_data_table(table) -> bool:
    """A table of figures, not one that lays out the page: no table inside, two rows or more,
    some row with two cells, and short cells."""
    if any(True for _ in table.iter("table") if _ is not table):
        return False
    rows = list(_own_rows(table))
    widths = [sum(1 for c in r if _tag(c) in ("td", "th")) for r in rows]
    if len(rows) < 2 or max(widths, default=0) < 2:
        return False
    longest = max((len("".join(c.itertext()).strip()) for r in rows for c in r if _tag(c) in ("td", "th")),
                  default=0)
    return longest <= 400


def _span(cell, name) -> int:
    try:
        return max(1, min(int((cell.get(name) or "1").strip() or 1), 100))
    except ValueError:
        return 1


def _rows(table):
    """Rows of cells joined by tabs; a cell spanning rows or columns leaves empty cells beside
    or below it, so that columns stay aligned (as Word's merged cells are read)."""
    carry: dict[int, int] = {}  # column → rows still covered by a rowspan above
    for tr in _own_rows(table):
        cells, col = [], 0
        for cell in (c for c in tr if _tag(c) in ("td", "th")):
            while carry.get(col):
                carry[col] -= 1
                cells.append("")
                col += 1
            text = _cell_text(cell)
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for k in range(colspan):
                cells.append(text if k == 0 else "")
                if rowspan > 1:
                    carry[col] = rowspan - 1
                col += 1
        while any(v for c, v in carry.items() if c >= col):
            if carry.get(col):
                carry[col] -= 1
            cells.append("")
            col += 1
        row = "\t".join(cells).rstrip("\t")
        if row.strip("\t "):
            yield row


# -- which part of the page is the article ---------------------------------------

_REACH = 48  # ancestors a paragraph counts for (libxml2 nests at most 255 deep)
_SENTENCE = re.compile(r"[。；！？，]")
# NOTE: what only page furniture says anywhere in a short line (浏览次数, 分享到, ICP备…), and
# labels that start one (当前位置：, 来源：…); never words a report uses in a sentence
_BUTTONS = "打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|收藏本页|加入收藏|我要纠错|纠错"
_FURNITURE = re.compile(
    r"^(?:当前位置|您现在的位置|您的位置|所在位置)\s*[:：]|^首页\s*[>/»＞]|"
    r"(?:浏览次数|访问量|访问次数|点击数|点击量|点击率|阅读次数|浏览量|阅读量|阅读)\s*[:：]|"
    r"分享到|字\s*[体号]\s*[:：]?\s*[【\[]?\s*[:：]?\s*大\s*[】\]]?\s*中|扫一扫在手机|手机扫一扫|^扫一扫\s*$|"
    r"版权所有|ICP备|公网安备|网站标识码|技术支持\s*[:：]|Copyright|©|责任编辑\s*[:：]|我要纠错|^(?:主办单位|承办单位|主办|承办)\s*[:：]|"
    r"^(?:上一篇|下一篇|上一条|下一条)\s*[:：]|^相关(?:链接|文章|阅读|新闻|信息|附件|稿件)\s*[:：]?\s*$|^今天是|"
    r"^(?:发布时间|发布日期|发布机构|来源|信息来源|文章来源|作者|责任编辑|编辑|成文日期|生成日期|"
    r"发文日期|主题分类|公开方式|公开范围|有效性|发文机关|发文字号|文号|信息分类|关键词|内容概述|信息名称)\s*[:：]|"
    r"^索\s*引\s*号|^(?:日\s*期|时\s*间)\s*[:：]\s*(?:19|20)\d\d\s*[-/.年]\s*\d\d?\s*[-/.月]\s*\d\d?日?"
    r"(?:\s*\d\d?:\d\d(?::\d\d)?)?(?:\s|$)|"
    # NOTE: a row of buttons, written so that a run of words splits one way only (the
    # nested repeat `(?:[【]?\s*word\s*[】]?\s*)+` took exponential time on 打印 打印 … x)
    rf"^[【\[]?\s*(?:{_BUTTONS})(?:\s*(?:[】\]]\s*)?(?:[|｜]\s*)?(?:[【\[]\s*)?(?:{_BUTTONS}))*"
    r"\s*(?:[】\]]\s*)?(?:[|｜]\s*)?$", re.I)


def _size(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\t")


def _furniture(line: _Line) -> bool:
    n = _size(line.text)
    return (n <= 100 and bool(_FURNITURE.search(line.text))) or (line.kind == "text" and line.links * 2 >= n)


def _weight(line: _Line) -> float:
    """Positive for what reads like the article, negative for links and page furniture."""
    n = _size(line.text)
    if _furniture(line):
        return -n
    prose = n - line.links
    # NOTE: headings, signatures, table cells and label values carry no sentence marks
    return prose if line.kind == "text" and _SENTENCE.search(line.text) else 0.3 * prose


def _chain(el, cache):
    """el and its ancestors, nearest first (lists shared through `cache`)."""
    got = cache.get(el)
    if got is None:
        path = []
        while el is not None and el not in cache:
            path.append(el)
            el = el.getparent()
        tail = cache[el] if el is not None else []
        for i in range(len(path) - 1, -1, -1):
            tail = [path[i]] + tail[:_REACH - 1]
            cache[path[i]] = tail
        got = tail
    return got


def _content_root(lines):
    """The element holding the article: the one whose paragraphs (close below it) read most like
    prose, then widened to an ancestor while that adds more prose than twice the furniture."""
    score: dict = {}
    prose: dict = {}
    junk: dict = {}
    cache: dict = {}
    for line in lines:
        w = _weight(line)
        chain = _chain(line.block, cache)
        first = 1 if _tag(line.block) in _PARAGRAPH else 0
        for k, el in enumerate(chain):
            if w > 0:
                prose[el] = prose.get(el, 0) + w
                if first <= k < first + 3:
                    score[el] = score.get(el, 0) + w * 0.5 ** (k - first)
            else:
                junk[el] = junk.get(el, 0) - w
    if not score:
        return None
    seed = max(score, key=score.get)
    best, best_net = seed, prose.get(seed, 0) - 2 * junk.get(seed, 0)
    for el in _chain(seed, cache)[1:]:
        net = prose.get(el, 0) - 2 * junk.get(el, 0)
        if net > best_net:
            best, best_net = el, net
    return best


def _followers(root, lines) -> list:
    """The siblings right after the root that hold more of the article (a table of figures, the
    signature and date below a wrapper of paragraphs): up to the first one with furniture."""
    parent = root.getparent()
    if parent is None:
        return []
    child_of: dict = {}
    for line in lines:  # which child of `parent` each line is in
        el = line.block
        while el is not None and el.getparent() is not parent:
            el = el.getparent()
        if el is not None:
            child_of.setdefault(el, []).append(line)
    out = []
    for sibling in root.itersiblings():
        got = child_of.get(sibling)
        if got is None:
            continue
        if any(_furniture(line) or line.links for line in got):
            break
        out.append(sibling)
    return out


# -- title and publication date ------------------------------------------------

_TITLE_CLASS = re.compile(r"title|tit\b|headline|biaoti|^bt|_bt|-bt", re.I)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# NOTE: (?!(?<=\s)\s): a separator starts at the first space of a run (else a run of
# U+3000 in a <title> was tried from each of its spaces: quadratic)
_STRONG_SEP = re.compile(r"(?!(?<=\s)\s)\s*(?:_+|\|+|｜|-{2,}|—{2,}|\s[-–—]\s|(?<![\d-])[-–—](?![\d-]))\s*")
_SITE = re.compile(r"(?:人民政府|政府网|门户网站?|网站|政务网|信息网|网|首页|信息公开)$")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_KEY = re.compile(r"(?<!当前)(?<!成文)(?<!印发)(?<!生成)(?:发布|发表|公开|更新)?(?:时\s*间|日\s*期)\s*[:：]\s*")
_DATE_METAS = ("pubdate", "publishdate", "article:published_time")


def _date(text: str | None) -> str | None:
    m = _DATE.search(text or "")
    if not m:
        return None
    try:
        return datetime.date(*(int(g) for g in m.groups())).isoformat()
    except ValueError:
        return None


def _metas(doc) -> dict:
    out = {}
    for meta in doc.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        if key and key not in out and (meta.get("content") or "").strip():
            out[key] = _collapse(meta.get("content"))
    return out


def _page_title(doc) -> str:
    el = next(iter(doc.iter("title")), None)
    return _collapse(_text(el)) if el is not None else ""


def _without_site(title: str, site: str | None) -> str:
    """<title> without the site's name (段 _ 段, 段 | 段, 段-段, 段 -- 段, or 段 段): the longest part
    that is not the site (named by <meta name="SiteName"> or ending in 人民政府, 网站, 网…)."""
    parts = [p for p in _STRONG_SEP.split(title) if p.strip()]
    if len(parts) < 2:
        parts = [p for p in title.split() if p]
    kept = [p for p in parts if not (site and p == site) and not _SITE.search(p)]
    return max(kept, key=len) if kept else ""


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _heading_text(el) -> str:
    out = ""
    for line in _Layout().run(el):
        t = line.text.strip(" \u3000")
        if out and t and not (_wide(out[-1]) or _wide(t[0])):
            out += " "
        out += t
    return out


def _title_element(doc, root, reference: str, page_title: str):
    """The article's heading: a heading (or an element classed as a title) that repeats the
    page's title, the nearest one before the article (or at its top); when the page names no
    title but its site, the nearest <h1> or <h2> before the article."""
    order = {el: i for i, el in enumerate(doc.iter()) if isinstance(el.tag, str)}
    start = order.get(root, 0)
    ancestors = set(root.iterancestors())
    refs = [_norm(r) for r in (reference, page_title) if r]
    best = best_key = None
    for el, i in order.items():
        tag = _tag(el)
        if el is root or el in ancestors:
            continue
        if not _is_heading(el):
            continue
        text = _norm(_heading_text(el))
        if not 4 <= len(text) <= 200:
            continue
        if not any(text in r or (len(r) >= 4 and r in text) for r in refs) and (refs or tag not in ("h1", "h2")):
            continue
        if sum(len(_text(a).strip()) for a in el.iter("a")) * 2 > len(text):
            continue
        key = (0, start - i) if i < start else (1, i - start)
        if best_key is None or key < best_key:
            best, best_key = el, key
    return best


def _heading_before(root, lines):
    """A heading (or an element classed as a title) that the article follows with nothing but
    page furniture between them (a 发布时间/来源 line): the heading of a page whose <title> is
    only the site's name."""
    in_root = set(root.iter())
    first = next((i for i, line in enumerate(lines) if line.block in in_root), 0)
    for i in range(first - 1, max(-1, first - 9), -1):
        block = lines[i].block
        heading = next((el for el in _chain(block, {}) if _is_heading(el)), None)
        if heading is not None and 4 <= len(_norm(_heading_text(heading))) <= 200:
            return heading
        if not _furniture(lines[i]):
            return None
    return None


def _is_heading(el) -> bool:
    tag = _tag(el)
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    return tag in _BLOCK and (tag in _HEADINGS or bool(_TITLE_CLASS.search(names)))


# -- the page -------------------------------------------------------------------

def _extract(text: str):
    """(title, date, body lines) of a decoded page; body lines empty when there is no article."""
    doc = _parse(text)
    if doc is None:
        return "", None, []
    metas = _metas(doc)
    page_title = _page_title(doc)
    _clean(doc)
    lines = [l for l in _Layout().run(doc) if l.text.strip(" \u3000\t")]
    root = _content_root(lines)
    if root is None:
        return "", None, []
    reference = metas.get("articletitle") or metas.get("og:title") or ""
    heading = _title_element(doc, root, reference, _without_site(page_title, metas.get("sitename")))
    if heading is None:  # NOTE: never `a or b` with elements: an element without children is false
        heading = _heading_before(root, lines)
    title = _heading_text(heading) if heading is not None else \
        (_without_site(page_title, metas.get("sitename")) or reference)
    in_root = set(root.iter())
    for sibling in _followers(root, lines):
        in_root.update(sibling.iter())
    in_heading = set(heading.iter()) if heading is not None else set()
    # NOTE: the article starts after its heading: what the root holds before it is the page's
    heading_end = max((i for i, l in enumerate(lines) if l.block in in_heading), default=-1)
    body, first_body = [], None
    for i, line in enumerate(lines):
        if i > heading_end and line.block in in_root and not _furniture(line):
            if len(body) < 2 and title and _norm(line.text) == _norm(title):
                continue  # NOTE: the body often repeats the heading as its first paragraph
            body.append(line.text)
            if first_body is None:
                first_body = i
    date = next((d for d in (_date(metas.get(k)) for k in _DATE_METAS) if d), None)
    if date is None and first_body is not None:
        begin = heading_end + 1 if 0 <= heading_end < first_body else max(0, first_body - 12)
        region = "\t".join(line.text for line in lines[begin:first_body])
        for m in _DATE_KEY.finditer(region):
            date = _date(region[m.end():m.end() + 24])
            if date:
                break
    return title, date, body


def read_html(path: str) -> Source:
    """Read a saved web page; ReportlintError (one line, naming the file) when it holds no article."""
    data = read_file(path, MAX_BYTES)
    text, encoding = decode_page(data, path)
    try:
        title, date, body = _extract(text)
    except RecursionError:
        raise ReportlintError(f"{path}: not a readable web page (nested too deeply)") from None
    if not body:
        raise ReportlintError(f"{path}: {NO_TEXT}")
    title = title.replace("\t", " ").strip(" \u3000")
    head = [title] if title else []
    if date:
        head.append(f"发布时间：{date}")
    out = "\n".join(head + body) + "\n"
    if len(out) > MAX_BYTES:
        raise ReportlintError(f"{path}: the page's text is larger than the limit")
    return Source(path, out, encoding, False, "\n")
