"""What a line at the front of a published report is: page chrome, a line of a table of
contents, a document header, a title (vocabulary: rules/data/front.yaml).

Chrome is recognised by the vocabulary: marks that no report sentence carries (ICP备,
分享到, font switches) wherever they stand, and in the front of the text clocks,
breadcrumbs, source-and-date stamps, the disclosure catalogue's index fields,
document-farm banners and navigation menus. A title names what it is (报告, 情况, 年报,
数据 …) and its subject (a year, 法治, a report kind's words). Traditional characters
are read as simplified ones (checker.document.hant).
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.document.hant import simplified
from checker.document.lines import STRIP
from checker.document.model import DebrisLine, Line
from checker.resources import vocab_path
from checker.speed.prefilter import may_match_in


class ChromeLine(DebrisLine):
    """A line of the web page around the report (reported by M101)."""
    __slots__ = ()
    role = "chrome"


class ContentsLine(DebrisLine):
    """A line of the report's table of contents: not chrome, not text."""
    __slots__ = ()
    role = "contents"


class HeaderLine(DebrisLine):
    """The header of an official document above its title (文号, 签发人): not text."""
    __slots__ = ()
    role = "header"


_BULLETS = " \t\u3000\u00a0\u2002\u2003\u2009•·▪■◆●-*[]【】|｜"
_PART = re.compile(r"^第[一二三四五六七八九十]{1,3}部分")
CAPTION = re.compile(r"^[(（]?表\s*[一二三四五六七八九十\d]+")   # 表1：…, （表1）… a table's caption
# NOTE: a page run through a pinyin plug-in prints 執(zhí)法: the reading is not the title's
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


@lru_cache(maxsize=1)
def vocab() -> dict:
    from checker.yamlio import load_yaml_file
    data = load_yaml_file(vocab_path("front.yaml")).data
    chrome, title = data["chrome"], data["title"]
    from checker.document.language import kinds
    subjects = list(title["subjects"]) + [w for _, words in kinds()[0] for w in words]
    return {
        "anywhere": re.compile("|".join(f"(?:{p})" for p in chrome["anywhere"])),
        "anywhere_max": int(chrome["anywhere_max"]),
        "front": re.compile("|".join(f"(?:{p})" for p in chrome["front"])),
        "nav": (int(chrome["nav_min"]), int(chrome["nav_word"]), int(chrome["nav_max"])),
        "contents": re.compile(data["contents"]["heading"]),
        "contents_max": int(data["contents"]["max_lines"]),
        "words": re.compile("|".join(map(re.escape, title["words"]))),
        "subject": re.compile(r"(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}年|"
                              + "|".join(map(re.escape, sorted(set(subjects), key=len, reverse=True)))),
        "endings": re.compile("(?:" + "|".join(map(re.escape, title["endings"])) + r")[)）]?$"),
        "max_length": int(title["max_length"]),
        "label": re.compile(title["labels"]),
        "header": re.compile(title["header"]),
    }


@lru_cache(maxsize=1)
def _injected() -> tuple:
    from checker.yamlio import load_yaml_file
    data = load_yaml_file(vocab_path("front.yaml")).data["injected"]
    return (re.compile("|".join(f"(?:{p})" for p in data["inline"])), re.compile(data["line"]),
            int(data["line_max"]))


def injected(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of a block that a copying site or a compromised page put
    into it: an advert in brackets (【更多公文素材,微信:…】), a banner's web address glued
    between words, a gambling site's name, or the whole block when it is a short spam line."""
    inline, line, most = _injected()
    t = text.strip()
    if t and len(t) <= most and "\n" not in t and line.search(t) and not re.search(r"[。，,；;]", t):
        start = text.index(t)
        return [(start, start + len(t))]
    if not may_match_in(inline, text):  # NOTE: most blocks hold none of the words an advert needs
        return []
    return [m.span() for m in inline.finditer(text)]


def bare(text: str) -> str:
    """A line without its bullets, brackets and surrounding spaces."""
    return text.strip(_BULLETS)


def chrome_anywhere(text: str) -> bool:
    """Page chrome wherever it stands (ICP备, 分享到, font switches …); never a sentence
    of the report (保护版权所有者合法权益。)."""
    v = vocab()
    t = bare(text)
    return 0 < len(t) <= v["anywhere_max"] and bool(v["anywhere"].search(t)) and not report_sentence(t)


# NOTE: a sentence of running text: words up to its first comma with no field label (来源：…),
# clauses, and a closing full stop. Page chrome is labels, links and stamps, never that.
_SENTENCE_LINE = re.compile(r"[^，,:：\n]{4,}[，；][^\n]*[\u4e00-\u9fff\d%％）)”][。！？]$")


def report_sentence(text: str) -> bool:
    """Does the line read as a sentence of the report (扫一扫二维码即可查询办事指南，群众满意度达98%。)?"""
    return bool(_SENTENCE_LINE.match(text.strip()))


def chrome_front(text: str, row: bool = False) -> bool:
    """Page chrome in the front zone: clocks, breadcrumbs, stamps, index fields, menus
    (a table row only by the vocabulary: its cells are short words too)."""
    v = vocab()
    t = bare(text)
    if not t:
        return False
    if chrome_anywhere(t) or v["front"].search(t) or _link_bar(t):
        return True
    if row:
        return False
    low, word, high = v["nav"]
    parts = [p for p in re.split(r"[\s|｜]+", t) if p]
    return len(t) <= high and len(parts) >= low and all(len(p) <= word for p in parts) \
        and not re.search(r"[。，,；;：:]", t)


def _link_bar(t: str) -> bool:
    """A bar of the site's links split by | (打开适老化模式 | 无障碍 | 设为首页 | 加入收藏):
    three or more short cells, most of them chrome by the vocabulary."""
    cells = [c for c in (bare(c) for c in re.split(r"[|｜]", t)) if c]
    if len(cells) < 3 or any(len(c) > 12 for c in cells):
        return False
    return 2 * sum(1 for c in cells if chrome_anywhere(c)) > len(cells)


def bare_label(text: str) -> bool:
    """A field label of the page standing alone (发文字号, 索引号：), its value on the next line."""
    t = bare(text)
    return 0 < len(t) <= 8 and bool(re.fullmatch(r"[\u4e00-\u9fff ]+[:：]?", t)) and bool(vocab()["front"].search(t))


def is_title(text: str) -> bool:
    """Does one line (or several joined) read as a report's title?"""
    v = vocab()
    t = simplified(_PINYIN.sub("", "".join(text.split())))
    if re.match(r"附件\s*\d?\s*[:：]", t):
        return False   # 附件：某县2022年…报告 names the report, in a cover letter
    return 4 <= len(t) <= v["max_length"] and not re.search(r"[。；;：:！？]$|[，,。]", t) \
        and bool(v["words"].search(t)) and bool(v["subject"].search(t))


def body_like(t: str) -> bool:
    """A line of running text: it ends a sentence, or is long and punctuated."""
    return bool(re.search(r"[。；;！？]", t)) or len(t) > vocab()["max_length"] \
        or (len(t) >= 30 and bool(re.search(r"[，,、]", t)))


# -- the table of contents --------------------------------------------------------

def find_contents(content: list[Line], headings: dict) -> set[int]:
    """Indexes of the lines of a table of contents at the top: 目录 and the lines after it,
    or a 第一部分 … outline, up to the line where the body repeats its first entry.
    A 目录 line the body does not follow with a repeated outline is the line alone."""
    v = vocab()
    limit = min(len(content), 60)
    for i in range(limit):
        t = "".join(content[i].text.split())
        if v["contents"].match(t):
            end = _repeat(content, i + 1, v["contents_max"])
            return set(range(i, end)) if end else {i}
        if _PART.match(t):
            end = _repeat(content, i, v["contents_max"])
            return set(range(i, end)) if end else set()
        if content[i].kind == "heading" or body_like(t):
            return set()
    return set()


def squeezed(text: str) -> str:
    """The text without spaces and colons (a label compared with its repeat)."""
    return re.sub(r"[\s:：]", "", text)


def _repeat(content: list[Line], first: int, most: int) -> int | None:
    """The index where the body repeats the entry at `first` (its 第N部分, or its text)."""
    if first >= len(content):
        return None
    key = squeezed(content[first].text)
    part = _PART.match(key)
    for j in range(first + 1, min(len(content), first + most + 1)):
        t = squeezed(content[j].text)
        if (part and t.startswith(part.group())) or (not part and t == key):
            return j if j > first + 1 else None
        if body_like(content[j].text.strip(STRIP)) or len(t) > 60:
            return None
    return None
