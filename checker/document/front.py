"""The front of a report: page chrome, a table of contents, the title block and the
cover letter, read from the lines before the body (vocabulary: rules/data/front.yaml).

A report copied from a web page opens with the page: clock, login bar, breadcrumbs,
the disclosure catalogue's index block, the page heading repeating the title, a
source-and-date stamp. The front *zone* is the run of short lines before the first
heading or body paragraph. In it the title is the last line (or two or three lines
set as one title) that reads as a title: the page's heading comes first and the
article's own title last, right above the text. What stands before the title is the
page (chrome), except a document header (文号, 签发人); after it, stamps and repeats
of the title are chrome too. Chrome becomes page debris (M101); no text rule walks it.

What each line is (chrome, a header, a title) is read in checker.document.front_lines.
"""
from __future__ import annotations

import re

from checker.document.front_lines import (CAPTION, ChromeLine, HeaderLine, bare, bare_label, body_like,
                                          chrome_front, is_title, squeezed, vocab)
from checker.document.hant import simplified
from checker.document.lines import (STRIP, is_date_line, is_org_line, make_closing, org_end, paragraphs,
                                    stripped_span)
from checker.document.model import Line, LineIndex, Paragraph
from checker.document.page import page_title, trailing_links

ZONE_MAX = 40            # lines of the front zone at most


# -- the front zone, the title, the cover letter -------------------------------------

def read_front(content: list[Line], headings: dict, index: LineIndex):
    """(title, cover letter, its closing, the lines after the front, front debris); a list of
    the page's links after the text (related news) is debris as well."""
    content, links = trailing_links(content)
    title, cover, cover_closing, rest, debris = _read_front(content, headings, index)
    return title, cover, cover_closing, rest, debris + links


def _read_front(content: list[Line], headings: dict, index: LineIndex):
    zone = _zone_end(content)
    chrome = {i for i in range(zone) if chrome_front(content[i].text, content[i].kind == "row")}
    for i in range(1, zone):   # 发文字号 / 浏览量： above their value: the value is the page's too
        if i not in chrome and i - 1 in chrome and bare_label(content[i - 1].text) \
                and len(content[i].text.strip(STRIP)) <= 40 and not is_title(content[i].text) \
                and title_at(content, i, zone, index, chrome) is None:   # 更新时间： above the title
            chrome.add(i)
    found = _last_title(content, zone, chrome, index)
    header: set[int] = set()
    if found is not None:
        at, n, title = found
        for j in range(at):   # NOTE: a masthead (八宿县人民政府) or 文号 above the title is the document's
            if j not in chrome:
                own = vocab()["header"].search(content[j].text) or (j == at - 1 and is_org_line(content[j].text))
                (header if own else chrome).add(j)
        key = squeezed(title.text)
        for j in range(at + n, zone):
            t = squeezed(bare(content[j].text))
            if t and (t in key or key in t) and len(t) >= 6:
                chrome.add(j)   # the title again (the page heading, or the article's)
    debris = [ChromeLine(l.text, l.span) if i in chrome else HeaderLine(l.text, l.span)
              for i, l in enumerate(content) if i in chrome or i in header]
    kept = [l for i, l in enumerate(content) if i not in chrome and i not in header]
    if found is not None:
        at, n, title = found
        start = at - sum(1 for j in range(at) if j in chrome or j in header)
        rest = kept[start + n:]
        while rest and rest[0].kind == "text" and is_org_line(rest[0].text):  # author line
            rest = rest[1:]
        cover, cover_closing, rest = _cover(rest, index)
        return title, cover, cover_closing, rest, debris
    title, cover, cover_closing, rest, banner = _front_without_zone_title(kept, index)
    if title is None and not cover:
        title, rest = page_title(content[:zone], chrome, rest, index)
    return title, cover, cover_closing, rest, debris + banner


def _zone_end(content: list[Line]) -> int:
    for i, line in enumerate(content[:ZONE_MAX]):
        t = line.text.strip(STRIP)
        if line.kind == "heading" or _is_addressee(t) or (line.kind == "row" and not chrome_front(t, True)):
            return i
        if body_like(t) and not chrome_front(t) and not is_title(t):
            return i
    return min(len(content), ZONE_MAX)


def _last_title(content: list[Line], zone: int, chrome: set, index: LineIndex):
    """(where, how many lines, title) of the last title in the zone."""
    best = None
    i = 0
    while i < zone:
        if i in chrome:
            i += 1
            continue
        found = title_at(content, i, zone, index, chrome)
        if found is not None:
            best = (i, found[1], found[0])
            i += found[1]
            continue
        i += 1
    return best


_MD_TITLE = re.compile(r"(?:#{1,6}[ \t]*)?(\*\*|__)?")


def title_at(content: list[Line], i: int, stop: int, index: LineIndex, skip: set = frozenset()):
    """(title, lines it takes) when a title starts at content[i]: one line, a Markdown
    `# ` title, or a title set over two or three lines (某县2021年度 / 法治政府建设情况报告;
    an organisation's name over 关于…的报告)."""
    line = content[i]
    t = line.text.strip(STRIP)
    md = _MD_TITLE.match(t)
    cut = 0
    if md.end():
        t = t[md.end():]
        bold = md.group(1)
        if bold and t.endswith(bold):  # **某县2021年…报告**
            t, cut = t[:-2], 2
    if vocab()["header"].search(t) or CAPTION.match(t):
        return None   # 某府文〔2021〕3号, 签发人: the header; 表1：… a table's caption
    label = vocab()["label"].match(t)
    if label and label.end() and is_title(t[label.end():]):
        return None   # 标题：… in the page's index block
    nxt = [content[j] for j in range(i + 1, min(stop, i + 3)) if j not in skip][:2]
    nxt = nxt[:next((k for k, l in enumerate(nxt) if l.kind != "text"), len(nxt))]
    # NOTE: only lines with nothing but blank lines between them make one title
    prev, adjacent = line, []
    for l in nxt:
        if l._source[prev.span.end:l.span.start].strip():
            break
        adjacent.append(l)
        prev = l
    nxt = adjacent
    if is_title(t) and not _joins(t, nxt[:1]):
        span = stripped_span(line, index)
        if md.end():
            span = index.span(span.start + md.end(), span.end - cut)
        return Paragraph(t, span), 1
    if len(t) > 30 or re.search(r"[。，,；;：:|｜]", t) or not re.search(r"[\u4e00-\u9fff]{2}", t) \
            or is_date_line(t):
        return None   # NOTE: a line of cells (a link bar) does not begin a title either
    for k in range(len(nxt)):
        parts = [t] + [l.text.strip(STRIP) for l in nxt[:k + 1]]
        if any(re.search(r"[。；;：:]", p) or is_date_line(p) or vocab()["header"].search(p) or CAPTION.match(p)
               for p in parts[1:]) \
                or any(len(p) > 30 for p in parts[:-1]):
            return None
        joined = "".join(parts)
        if is_title(joined) and vocab()["endings"].search(joined) and _may_start(t, parts[1]) \
                and _adds_to(t, "".join(parts[1:])):
            first, last = stripped_span(line, index), stripped_span(nxt[k], index)
            return Paragraph(line._source[first.start:last.end], index.span(first.start, last.end)), k + 2
    return None


def _joins(t: str, nxt: list[Line]) -> bool:
    """Is a title line the first part of a longer title (某县2021年度法治政府 / 建设情况报告)?
    Only when it does not end as a title does and the next line finishes one."""
    if not nxt or vocab()["endings"].search(t) or len(t) > 30:
        return False
    u = nxt[0].text.strip(STRIP)
    return len(u) <= 30 and not re.search(r"[。；;：:，,]", u) and bool(vocab()["endings"].search(u)) \
        and not CAPTION.match(u)


def _may_start(first: str, second: str) -> bool:
    """An organisation's name heads a title set over lines only above 关于…, a year or
    the report's subject; above any other line it is the masthead or the author."""
    if not is_org_line(first):
        return True
    return bool(re.match(r"关于|(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}", second))


def _adds_to(first: str, rest: str) -> bool:
    """Does a line belong above the lines after it that make a title? When they are a
    whole title by themselves, only a body's name or a line with the title's subject
    (某县2021年度 / 法治政府建设情况报告) belongs to it; a column label does not
    (计划规划 / 关于2018年度…的报告)."""
    if not (is_title(rest) and vocab()["endings"].search(rest)):
        return True
    return is_org_line(first) or bool(vocab()["subject"].search(simplified(first)))


def _is_addressee(t: str) -> bool:
    """某市人民政府： at the head of a cover letter."""
    return bool(re.search(r"[:：]$", t)) and len(t) <= 30 and org_end(t.rstrip(":："))


_COVER_END = re.compile(r"请审阅|请审示|请审议|特此报告|予以呈报|请予审议|请阅示")
_ATTACHMENT = re.compile(r"附件\s*\d?\s*[:：]")


def _cover(content: list[Line], index: LineIndex):
    """A cover letter right after the title: addressee, a few lines, a closing formula."""
    first_heading = next((i for i, l in enumerate(content) if l.kind == "heading"), len(content))
    if not content or first_heading == 0 or not _is_addressee(content[0].text.strip(STRIP)):
        return [], None, content
    end = _cover_end(content, 1, first_heading)
    if end is None:
        return [], None, content
    cover = paragraphs(content[:end + 1], index)
    j = end + 1
    sig = []
    while j < first_heading and (is_org_line(content[j].text) or is_date_line(content[j].text)):
        sig.append(content[j])
        j += 1
    closing = None
    if sig:
        dates = [l for l in sig if is_date_line(l.text)]
        closing = make_closing([l for l in sig if l not in dates], dates[0] if dates else None, index)
    return cover, closing, content[j:]


def _front_without_zone_title(content: list[Line], index: LineIndex):
    """Title and cover letter when the zone holds no title: a masthead, an addressee and a
    cover letter may come first, the title after them; or the title runs into the first
    line. (title, cover letter, its closing, the rest, a banner before a run-in title)."""
    first_heading = next((i for i, l in enumerate(content) if l.kind == "heading"), len(content))
    title, cover, cover_closing, i = None, [], None, 0
    while i < first_heading:
        t = content[i].text.strip(STRIP)
        found = title_at(content, i, first_heading, index)
        if found is not None:
            title = title or found[0]
            i += found[1]
            while i < first_heading and is_org_line(content[i].text):  # author line under the title
                i += 1
            continue
        if _is_addressee(t):
            c, closing, rest = _cover(content[i:], index)
            if c:
                cover, cover_closing = c, closing
                i = len(content) - len(rest)
                continue
        if title is None and i + 1 < first_heading and is_org_line(t) and not is_title(t):
            i += 1  # masthead above the title ("八宿县人民政府")
            continue
        break
    if title is None and i < first_heading and _is_addressee(content[i].text.strip(STRIP)):
        # an addressee and a line or two of cover text with no closing formula, then the title
        for k in range(i + 1, min(first_heading, i + 4)):
            found = title_at(content, k, first_heading, index)
            if found is not None:
                return found[0], paragraphs(content[i:k], index), cover_closing, content[k + found[1]:], []
    if title is None and i == 0 and content and content[0].kind == "text":
        fused = _fused_title(content[0], index)
        if fused is not None:
            return fused[0], cover, cover_closing, [fused[1]] + content[1:], fused[2]
    return title, cover, cover_closing, content[i:], []


_QUOTED = re.compile(r"[《》〈〉“”\"「」]")
_OPENER = re.compile(r"根据|依据|按照|本报告|本年度|为|现将|经")
_TITLE_END = re.compile(r"(?:报告|總結|总结|年报|年報|報告)")
_LEAD = re.compile(r"^\d{1,2}、|^.{0,60}?[A-Za-z0-9]{2,}\.(?:com|cn|net|org)(?:\.cn)?")


def _fused_title(line: Line, index: LineIndex):
    """(title, the rest of the line, the banner before it as chrome) when the first line opens with the title and runs on
    into the text (湖北省人民政府关于2023年度…情况的报告2023年，省政府…): the line breaks were
    lost. A page marker (1、) or a site's banner ending in its address may stand before it."""
    text = line.text
    lead = _LEAD.match(text)
    start = lead.end() if lead else len(text) - len(text.lstrip(STRIP))
    for m in _TITLE_END.finditer(text, start, start + vocab()["max_length"] + 1):
        head = text[start:m.end()]
        if _QUOTED.search(head) or _OPENER.match(head):
            return None   # 根据《…年度报告…的通知》: a sentence citing a report, not a title
        if m.end() < len(text.rstrip()) and is_title(head):
            base = line.span.start
            rest = Line("text", index.span(base + m.end(), line.span.end), line._source)
            banner = [ChromeLine(text[:start], index.span(base, base + start))] \
                if lead and not text[:start].strip().rstrip("、").isdigit() else []
            return Paragraph(head, index.span(base + start, base + m.end())), rest, banner
    return None


def _cover_end(content: list[Line], start: int, stop: int) -> int | None:
    """The cover letter's last line: its last closing formula (请审阅。/ 特此报告。) and
    an attachment note after it (附件：某县2022年…报告)."""
    end = None
    for j in range(start, min(stop, start + 6)):
        if _COVER_END.search(content[j].text):
            end = j
    while end is not None and end + 1 < stop and _ATTACHMENT.match(content[end + 1].text.strip(STRIP)):
        end += 1
    return end
