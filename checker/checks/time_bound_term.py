"""time-bound-term: a term used before it existed, or long after it was replaced.

    check: time-bound-term
    params:
      table: terms.yaml      # rules/data/terms.yaml, section `terms`
      report: early          # early: the term did not exist yet | stale: it was replaced
      scope: document

Each table entry has `term`, optional `regex`, `start`, optional `end`,
`grace_years`, `plan`, `group`, `allow_after` and a `source`. early: the term
starts after the report can have been written (31 March of the next year, or
the closing date); in the next-steps section a plan period (`plan: true`) may
start the next year, or the year after when it is being prepared (谋划、编制).
stale: the report year ends more than `grace_years` after `end`, the term is not part
of a proper name (a longer document title 《…》, a body …中心), and the words
right after the term do not look back (以来, 期间, 收官…), nor those just before it
(圆满完成“七五”普法, 总结验收, 原交通部, a year of the term's time: 2017年被国土资源部…);
`expected` is the
member of the same group current in the report year.
"""
from __future__ import annotations

import datetime as dt

import re
from collections import namedtuple

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._timeline import Timeline, parse_date, table_entries
from checker.checks._util import SCOPE, check_scope, compile_user_regex, scan
from checker.findings import Hit

# NOTE: words that turn a stale term into a look back ("“七五”普法圆满收官",
# "《纲要》实施以来", "全国“七五”普法先进集体"): never flagged as current use.
LOOK_BACK = r"^.{0,10}?(?:以来|期间|时期|收官|圆满|总结|验收|完成|结束|表彰|先进|中期|终期|基础上|颁布|到期|之前|以前|确定的)"
# NOTE: and words just before it that close a period: 圆满完成“七五”普法, 做好“七五”普法总结验收
LOOK_BACK_BEFORE = re.compile(r"(?:完成|收官|总结|验收|回顾|评估|表彰|结束|过去|上一轮|原)[^，。；,;]{0,8}$")
# NOTE: the next-steps section may prepare a plan period that starts the year after next
_PREPARES = re.compile(r"(?:谋划|编制|制定|起草|筹划|筹备|研究|论证)[好]?[^，。；]{0,4}$")
ENTRY_KEYS = {"term", "regex", "start", "end", "grace_years", "plan", "group", "allow_after", "source"}


class Term(namedtuple("Term", "term pattern start end grace plan group allow_after source")):
    # term: str
    # pattern: object
    # start: dt.date
    # end: dt.date | None
    # grace: int
    # plan: bool
    # group: str | None
    # allow_after: object
    # source: str
    __slots__ = ()


@register
class TimeBoundTerm(CheckType):
    name = "time-bound-term"
    reports = ("early", "stale")
    params = {
        "table": Param((str,), "terms.yaml", help="a file in rules/data with a `terms` list"),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        return dict(params, terms=table_entries(params["table"], "terms", _entry))

    def run(self, doc, p, ctx):
        tl = Timeline(doc, ctx)
        if not tl.known:
            return
        year_end = dt.date(tl.year, 12, 31)
        early = p["report"] == "early"
        written_by = tl.written_by() if early else None
        hits = []
        for t in p["terms"]:
            # NOTE: a term that cannot be early or stale in this report's year is not looked for
            # (most of the table: the bound at any offset is written_by or later)
            if (t.start <= written_by) if early else not _stale(t, year_end):
                continue
            for b, m, a, z in scan(doc, p["scope"], t.pattern):
                at = b.span.start + a
                if early:
                    bound = tl.bound_at(at, t.plan)
                    if t.start > bound and t.plan and tl.in_plans(at) and _PREPARES.search(b.text, max(0, a - 8), a):
                        bound = dt.date(tl.year + 2, 12, 31)   # 谋划“八五”普法: made ready the year before
                    if t.start > bound:
                        hits.append(Hit(at, b.span.start + z, _args(t, m, tl.year)))
                elif not t.allow_after.match(b.text, z) and not LOOK_BACK_BEFORE.search(b.text, max(0, a - 12), a) \
                        and not _dated_before(b.text, a, t.end) and not _proper_name(b.text, a, z):
                    hits.append(Hit(at, b.span.start + z, _args(t, m, tl.year),
                                    _current(p["terms"], t.group, year_end)))
        yield from sorted(hits, key=lambda h: h.start)


# NOTE: a year of the term's own time just before it in the clause tells of the past
# (2017年被国土资源部评为…): the name was current then
_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})年[^，。；,;：:]{0,10}$")


# NOTE: a body that keeps the old words in its name (县法制宣传教育中心): its name, not a usage
_BODY_AFTER = re.compile(r"(?:中心|协会|学会|研究会|基地|讲师团|志愿服务队)")


def _proper_name(text: str, a: int, z: int) -> bool:
    """The term is part of a proper name: inside a longer document title (《某省法制宣传
    教育条例》, whose name the report cannot change) or the name of a body (…中心)."""
    if _BODY_AFTER.match(text, z):
        return True
    opened = text.rfind("《", 0, a)
    if opened < 0 or text.rfind("》", opened, a) >= 0:
        return False
    closed = text.find("》", z)
    if closed < 0 or text.find("《", z, closed) >= 0:
        return False
    return (opened + 1, closed) != (a, z) and (opened, closed + 1) != (a, z)


def _dated_before(text: str, at: int, end: dt.date) -> bool:
    m = _YEAR_BEFORE.search(text, max(0, at - 16), at)
    return bool(m) and int(m.group(1)) <= end.year


def _stale(t: Term, year_end: dt.date) -> bool:
    if t.end is None:
        return False
    return year_end > t.end.replace(year=t.end.year + t.grace)


def _current(terms, group, year_end) -> str | None:
    if not group:
        return None
    for t in terms:
        if t.group == group and t.start <= year_end and (t.end is None or t.end >= year_end):
            return t.term
    return None


def _args(t: Term, m, year: int) -> dict:
    return {"match": m.group(0), "term": t.term, "start": month(t.start), "end": month(t.end), "year": year,
            "source": t.source}


def month(d: dt.date | None):
    """A date as a message argument: 2020年12月 / 2020-12."""
    if d is None:
        return ""
    return {"zh": f"{d.year}年{d.month}月", "en": f"{d.year}-{d.month:02d}"}


def _entry(loc, i: int, e) -> Term:
    where = f"{loc.where('terms', i)}: "
    if not isinstance(e, dict):
        raise ParamError("table", where + "each entry is a mapping")
    unknown = sorted(set(e) - ENTRY_KEYS)
    if unknown:
        raise ParamError("table", where + f"unknown key {unknown[0]!r}")
    if not isinstance(e.get("term"), str) or not e["term"] or not isinstance(e.get("source"), str):
        raise ParamError("table", where + "`term` and `source` are required strings")
    try:
        pattern = (compile_user_regex(e["regex"], "regex") if e.get("regex")
                   else compile_user_regex(re.escape(e["term"]), "term"))
        start = parse_date(e.get("start"), "start")
        end = parse_date(e["end"], "end") if e.get("end") is not None else None
        allow = compile_user_regex(e.get("allow_after", LOOK_BACK), "allow_after")
    except ParamError as err:
        raise ParamError("table", where + f"{err.key}: {err}") from None
    grace = e.get("grace_years", 0)
    if not isinstance(grace, int) or isinstance(grace, bool) or grace < 0:
        raise ParamError("table", where + "grace_years must be a whole number of years")
    # NOTE: allow_after is matched (not searched) at the end of the term: anchored there.
    allow = compile_user_regex("(?:" + allow.pattern.lstrip("^") + ")", "allow_after",
                               allow.flags & (re.IGNORECASE | re.DOTALL | re.MULTILINE))
    return Term(e["term"], pattern, start, end, grace, bool(e.get("plan", False)),
                e.get("group"), allow, e["source"])
