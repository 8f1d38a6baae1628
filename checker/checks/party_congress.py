"""party-congress: a Party congress or plenum cited before it met, or a long-past
congress cited as the current guide.

    check: party-congress
    params:
      table: congresses.yaml   # rules/data: opening dates of congresses and plenums
      report: early            # early: not yet held | stale: superseded before the report year
      scope: document

Recognises 党的十九大, 中国共产党第二十次全国代表大会, 十九届四中全会 and lists
such as 十九届二中、三中、四中全会 (each plenum is judged on its own). early:
the meeting opened after the report can have been written (31 March of the
next year, or the closing date) — unless the text looks forward to it
(迎接党的二十大, 即将召开). stale: 党的十大 in a 2020 report, when the current
congress is the 19th, or 党的十九大 in a 2023 report (the 20th met in October
2022, before the year began); 党的十八大以来, lists (十八大、十九大) and other
look-backs are fine.
"""
from __future__ import annotations

import datetime as dt
import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._timeline import Timeline, load_table, parse_date
from checker.checks.time_bound_term import month
from checker.speed.prefilter import finditer
from checker.checks._util import SCOPE, block_at, check_scope, joined_scope
from checker.findings import Hit
from checker.document.numerals import cn_to_int, int_to_cn

_NUM = r"二十[一二三]?|十[一二三四五六七八九]?"
_CONGRESS = re.compile(
    rf"(?P<pre>党的|中共|中国共产党第?)?(?P<n>{_NUM}|[八九])(?P<tail>次全国代表大会|大)(?![大型项类批件])")
_PLENUM = re.compile(
    rf"(?P<n>{_NUM})届(?:中央)?(?P<list>[一二三四五六七八九]中(?:全会)?(?:[、，,和及与]+[一二三四五六七八九]中(?:全会)?)*)")
_FORMAL_PLENUM = re.compile(rf"(?P<n>{_NUM})届中央委员会第(?P<k>[一二三四五六七八九])次全体会议")
_ITEM = re.compile(r"[一二三四五六七八九](?=中)")
_NUMERAL_BEFORE = set("一二三四五六七八九十百千万两零〇第0123456789")
# Bare numerals need 党的/中共 unless the congress is recent enough to be unambiguous.
_BARE_OK = {16, 17, 18, 19, 20, 21, 22}
_FORWARD_BEFORE = re.compile(r"(?:迎接|喜迎|迎|即将召开的|将要召开的|将召开的)\s*(?:党的)?$")
# NOTE: a meeting named with 召开 right after it (二十大召开之年, 胜利召开) is the event
# itself, looked forward to; only 召开以来 looks back, and that needs the meeting held.
_FORWARD_AFTER = re.compile(r"[^。，,；;]{0,6}?(?:召开(?!以来|后)|即将|前夕|之际)")
# 党的十八大、十九大精神: a list that goes on to a later congress recounts them
_LATER_IN_LIST = re.compile(rf"[、和及与]\s*(?:党的)?(?:{_NUM})大")
_LOOK_BACK = re.compile(r"[^。，,；;、]{0,4}?(?:以来|以后|之后|后|召开|期间|时期|以前|之前|前|提出|报告|确立|作出|强调|通过)")


@register
class PartyCongress(CheckType):
    name = "party-congress"
    reports = ("early", "stale")
    params = {
        "table": Param((str,), "congresses.yaml"),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        loc = load_table(params["table"])
        congresses, plenums = loc.data.get("congresses"), loc.data.get("plenums") or {}
        if not isinstance(congresses, dict) or not isinstance(plenums, dict):
            raise ParamError("table", f"{loc.source}: needs `congresses` (and `plenums`) mappings")
        try:
            c = {int(n): parse_date(d, f"congresses.{n}") for n, d in congresses.items()}
            p = {(int(n), int(k)): parse_date(d, f"plenums.{n}.{k}")
                 for n, items in plenums.items() for k, d in (items or {}).items()}
        except (ParamError, ValueError, AttributeError) as err:
            raise ParamError("table", f"{loc.source}: {err}") from None
        return dict(params, congresses=c, plenums=p)

    def run(self, doc, p, ctx):
        tl = Timeline(doc, ctx)
        if not tl.known:
            return
        for b in _blocks_with_meetings(doc, p["scope"], p["report"] == "stale"):
            found = list(_congresses(b.text)) + ([] if p["report"] == "stale" else list(_plenums(b.text)))
            for start, end, key, name in found:
                hit = (_early(p, tl, b.text, start, end, key, name) if p["report"] == "early"
                       else _stale(p, tl, b.text, start, end, key, name))
                if hit is not None:
                    args, expected = hit
                    yield Hit(b.span.start + start, b.span.start + end, args, expected)


def _blocks_with_meetings(doc, scope: str, congresses_only: bool):
    """The blocks of the scope where a congress or plenum is named.

    NOTE: one scan of the joined blocks finds them; no name crosses a line end,
    so a block holds a match there exactly when it holds one on its own.
    """
    text, starts, found, _ = joined_scope(doc, scope)
    patterns = (_CONGRESS,) if congresses_only else (_CONGRESS, _PLENUM, _FORMAL_PLENUM)
    hit = {block_at(starts, m.start()) for pattern in patterns for m in finditer(pattern, text)}
    return [found[i] for i in sorted(hit)]


def _congresses(text):
    for m in finditer(_CONGRESS, text):
        n = cn_to_int(m.group("n"))
        if n is None:
            continue
        if not m.group("pre"):
            if n not in _BARE_OK or m.group("tail") != "大" or (m.start() and text[m.start() - 1] in _NUMERAL_BEFORE):
                continue
        yield m.start(), m.end(), (n, None), f"党的{int_to_cn(n)}大"


def _plenums(text):
    for m in finditer(_PLENUM, text):
        n = cn_to_int(m.group("n"))
        if n is None or (m.start() and text[m.start() - 1] in _NUMERAL_BEFORE):
            continue
        for i, item in enumerate(_ITEM.finditer(m.group("list"))):
            a = m.start() if i == 0 else m.start("list") + item.start()
            b = m.start("list") + item.end() + 1
            k = cn_to_int(item.group(0))
            yield a, b, (n, k), f"{int_to_cn(n)}届{item.group(0)}中全会"
    for m in finditer(_FORMAL_PLENUM, text):
        n, k = cn_to_int(m.group("n")), cn_to_int(m.group("k"))
        if n is not None and k is not None:
            yield m.start(), m.end(), (n, k), f"{int_to_cn(n)}届{m.group('k')}中全会"


def _early(p, tl, text, start, end, key, name):
    n, k = key
    held = p["congresses"].get(n) if k is None else p["plenums"].get(key)
    if held is None or held <= tl.written_by():
        return None
    if _FORWARD_BEFORE.search(text[max(0, start - 8):start]) or _FORWARD_AFTER.match(text, end):
        return None
    return {"name": name, "date": month(held), "year": tl.year}, None


def _stale(p, tl, text, start, end, key, name):
    """Two congresses old, or older than one that met before the report year began
    (党的十九大 as the guide of 2023, after the 20th met in October 2022). NOTE: one
    that met within the report year leaves its predecessor current for most of it."""
    n, k = key
    congresses = p["congresses"]
    held = [c for c, d in congresses.items() if d <= dt.date(tl.year, 12, 31)]
    if k is not None or not held or _LOOK_BACK.match(text, end) or _LATER_IN_LIST.match(text, end):
        return None
    current = max(held)
    governing = max((c for c, d in congresses.items() if d < dt.date(tl.year, 1, 1)), default=None)
    if n > current - 2 and (governing is None or n >= governing):
        return None
    return ({"name": name, "current": f"党的{int_to_cn(current)}大", "year": tl.year},
            f"党的{int_to_cn(current)}大")
