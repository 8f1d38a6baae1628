"""law-citation: a law cited as current that was repealed, that did not exist yet, or
whose title is not a national law's.

    check: law-citation
    params:
      table: laws.yaml     # rules/data/laws.yaml
      report: repealed     # repealed | early | unknown
      scope: document

Citations are titles in 《》 (a version note in brackets after the title, （2021年修订）,
is set aside; 《最高人民法院关于适用〈…〉的解释》 cites the interpretation, not the law),
and a repealed law's short title right after 依据/根据/依照/按照/违反/适用 without 《》.
A title is known in full (中华人民共和国合同法) or short (合同法).

repealed: a law or regulation repealed before the report year began (依据《合同法》 in a
report on 2022; the 民法典 repealed it on 1 January 2021), unless its sentence tells its
history (废止, 取代, 施行前, 原《…》, 此前…) or it is marked （已废止）. `expected` names
what replaced it. early: a law adopted after the report was written (31 March of the
next year, or the closing date), unless the sentence speaks of drafting it (草案, 起草,
审议, 出台). unknown: a 《中华人民共和国…法》 that is no national law, with the nearest
listed title as a hint when one is two characters away or less; the list is complete
up to its `as_of` day, so a report written later is not judged. All three judge the text
against the report year and are silent when the year is only guessed from the body.
Spans that rules/data/terms.yaml dates (民法典) are W101's.
"""
from __future__ import annotations

import datetime as dt
import re

from checker.checks import CheckType, Param, register
from checker.checks._formulations import PREFIX, dated_term_patterns, load_laws, overlaps_pattern, sentence_bounds
from checker.checks._timeline import Timeline
from checker.checks._util import SCOPE, check_scope, scan
from checker.checks._year import year_and_basis
from checker.findings import Hit

TITLE = re.compile(r"《([^《》\n]{2,80}?)》")
_TRAILING_NOTE = re.compile(r"[（(]([^（）()]*)[）)]\s*$")
# NOTE: a sentence that tells a law's history is no citation of it as current
HISTORY = re.compile(r"废止|废除|失效|取代|替代|代替|整合|编纂|纳入|此前|之前|以前|曾经|曾|原来|已被|施行前|实施前|"
                     r"施行以前|修订前|修改前|沿革|历史|回顾|旧法|同时停止|不再适用|退出历史")
_HISTORY_BEFORE = re.compile(r"原\s*$")
# NOTE: an act done under the old law (依照《居民身份证条例》领取的居民身份证, 依据《中外合资经营企业法》
# 设立并保留原组织形式的企业, 依据《合同法》签订的合同) is history too
_PAST_ACT = re.compile(r"(?:设立|签订|订立|成立|登记|批准|领取|取得|颁发|核发)[^，。；,;]{0,12}?的")
_CLAUSE_END = re.compile(r"[，。；,;\n]")
_TITLES = re.compile(r"《[^《》]*》")
_DRAFTING = re.compile(r"草案|征求意见|起草|审议|出台|即将|拟|制定中|列入|立法计划|立法调研|颁布实施后")
_BARE_CUE = r"(?:依据|根据|依照|按照|违反|适用)"
MAX_HINTS = 20   # distinct unknown titles per document given a nearest-title hint (each costs a scan of the list)


def _normal(title: str) -> tuple[str, str]:
    """(the title without spaces and trailing version notes, the notes)."""
    t = "".join(title.split())
    notes = []
    while True:
        m = _TRAILING_NOTE.search(t)
        if not m or m.start() == 0:
            break
        notes.append(m.group(1))
        t = t[:m.start()]
    return t, "".join(notes)


@register
class LawCitation(CheckType):
    name = "law-citation"
    reports = ("repealed", "early", "unknown")
    params = {
        "table": Param((str,), "laws.yaml", help="a file in rules/data with `laws` and `regulations` lists"),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        laws, as_of = load_laws(params["table"])
        index = {}
        for law in laws:
            index.setdefault(law.title, law)
            index.setdefault(law.short, law)
        repealed = sorted({law.short for law in laws if law.repealed and len(law.short) >= 3}, key=len, reverse=True)
        bare = re.compile(f"(?<={_BARE_CUE})(?:{'|'.join(map(re.escape, repealed))})(?![》〉])") if repealed else None
        full = tuple(sorted({law.title for law in laws if law.title.startswith(PREFIX)}))
        return dict(params, index=index, as_of=as_of, bare=bare, full=full, dated=dated_term_patterns())

    def run(self, doc, p, ctx):
        year, basis = year_and_basis(doc, ctx)
        if year is None or basis == "body":
            return   # NOTE: every report kind judges the text against the year
        report = p["report"]
        tl = Timeline(doc, ctx)
        written_by = tl.written_by()
        if report == "unknown" and written_by > p["as_of"]:
            return   # the list may lack a law adopted since
        hits = []
        memo: dict = {}   # NOTE: the nearest title of each unknown one, once per document
        for b, m, a, z in scan(doc, p["scope"], TITLE):
            if "〈" in m.group(1) or "<" in m.group(1):
                continue
            title, notes = _normal(m.group(1))
            if "草案" in notes or "征求意见" in notes or "试行" in notes:
                continue   # a draft, or the 试行 law the title had before (企业破产法（试行）)
            law = p["index"].get(title)
            hit = getattr(self, "_" + report)(law, title, m.group(0), year, written_by, b.text, a, z, p, memo)
            if hit is not None:
                hits.append(Hit(b.span.start + a, b.span.start + z, *hit))
        if report == "repealed" and p["bare"] is not None:
            for b, m, a, z in scan(doc, p["scope"], p["bare"]):
                law = p["index"].get(m.group(0))
                hit = self._repealed(law, m.group(0), m.group(0), year, written_by, b.text, a, z, p, memo)
                if hit is not None:
                    hits.append(Hit(b.span.start + a, b.span.start + z, *hit))
        yield from sorted(hits, key=lambda h: h.start)

    def _repealed(self, law, title, match, year, written_by, text, a, z, p, memo):
        if law is None or law.repealed is None:
            return None
        gone = law.repealed
        if not (gone.year < year or gone == dt.date(year, 1, 1)):
            return None
        s, e = sentence_bounds(text, a, z)
        if HISTORY.search(text, s, e) or _HISTORY_BEFORE.search(text, max(0, a - 3), a) or _past_act(text, z):
            return None
        successor = p["index"].get(law.by)
        short = title == law.short
        expected = None
        if successor is not None:
            expected = f"《{successor.short if short else successor.title}》"
        args = {"match": match, "repealed": _day(gone), "by": expected or law.by, "year": year,
                "source": law.source}
        return args, expected

    def _early(self, law, title, match, year, written_by, text, a, z, p, memo):
        if law is None or (law.title_from or law.enacted) <= written_by:
            return None
        s, e = sentence_bounds(text, a, z)
        if _DRAFTING.search(text, s, e) or overlaps_pattern(p["dated"], text, a, z):
            return None
        return {"match": match, "enacted": _day(law.enacted), "year": year, "source": law.source}, None

    def _unknown(self, law, title, match, year, written_by, text, a, z, p, memo):
        if law is not None or not title.startswith(PREFIX) or not title.endswith("法") or title.endswith("办法") \
                or len(title) <= len(PREFIX) + 1:
            return None
        if title not in memo and len(memo) < MAX_HINTS:
            memo[title] = _nearest(title, p["full"])
        near = memo.get(title)
        hint = {"zh": f"，疑为《{near}》", "en": f"; did you mean 《{near}》?"} if near else ""
        return {"match": match, "hint": hint, "as_of": _day(p["as_of"])}, (f"《{near}》" if near else None)


def _past_act(text: str, z: int) -> bool:
    """Does the clause after a title speak of an act done under it (…设立的, …领取的)?"""
    hi = min(len(text), z + 200)
    m = _CLAUSE_END.search(text, z, hi)
    clause = _TITLES.sub("", text[z:m.start() if m else hi])
    return bool(_PAST_ACT.search(clause))


def _nearest(title: str, titles) -> str | None:
    """The listed title at the smallest edit distance (two at most), or None."""
    best, best_d = None, 3
    for t in titles:
        if abs(len(t) - len(title)) >= best_d:
            continue
        d = _distance(title, t, best_d)
        if d < best_d:
            best, best_d = t, d
    return best


def _distance(a: str, b: str, bound: int) -> int:
    """Levenshtein distance, or `bound` when it is at least that."""
    # NOTE: a common prefix or suffix does not change the distance; every title of the
    # list begins with 中华人民共和国 and most end in 法, so the table is much smaller
    k, n = 0, min(len(a), len(b))
    while k < n and a[k] == b[k]:
        k += 1
    a, b = a[k:], b[k:]
    k, n = 0, min(len(a), len(b))
    while k < n and a[-1 - k] == b[-1 - k]:
        k += 1
    if k:
        a, b = a[:-k], b[:-k]
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= bound:
            return bound
        prev = cur
    return min(prev[-1], bound)


def _day(d):
    return {"zh": f"{d.year}年{d.month}月{d.day}日", "en": d.isoformat()}
