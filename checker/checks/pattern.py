"""pattern: a regex or word list that must not (forbid) or must (require) occur.

    check: pattern
    params: {regex: "截止目前", mode: forbid, scope: document}
    params: {words: [第一责任人, 主要负责人履行], mode: require}

forbid: one hit per match; `expected` may use {match} and the regex groups.
require: one hit when no block of the scope matches (at the scope's first
block, or at the document start when the scope is empty, unless
`absent_ok` is true).
"""
from __future__ import annotations

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._util import SCOPE, check_scope, compile_user_regex, literal, scan
from checker.findings import Hit
from checker.document.scope import blocks, first_line


@register
class Pattern(CheckType):
    name = "pattern"
    params = {
        "regex": Param((str,), None),
        "words": Param((list,), None),
        "mode": Param((str,), "forbid", choices=("forbid", "require")),
        "scope": SCOPE,
        "ignore_case": Param((bool,), False),
        "expected": Param((str,), None),
        "absent_ok": Param((bool,), False),
    }

    def prepare(self, params):
        check_scope(params)
        if (params["regex"] is None) == (params["words"] is None):
            raise ParamError("regex", "give exactly one of regex or words")
        flags = 2 if params["ignore_case"] else 0  # regex.IGNORECASE
        if params["regex"] is not None:
            pat = compile_user_regex(params["regex"], "regex", flags)
        else:
            pat = literal(params["words"], "words")
        return dict(params, pattern=pat)

    def run(self, doc, p, ctx):
        scope = blocks(doc, p["scope"])
        if p["mode"] == "require":
            if next(scan(doc, p["scope"], p["pattern"]), None) is not None:
                return
            if not scope and p["absent_ok"]:
                return
            at = scope[0].span if scope else None
            start, end = (at.start, at.end) if at else first_line(doc)
            yield Hit(start, end, {"match": ""}, p["expected"])
            return
        for b, m, a, z in scan(doc, p["scope"], p["pattern"]):
            expected = m.expand(p["expected"].replace("{match}", m.group(0))) if p["expected"] else None
            yield Hit(b.span.start + a, b.span.start + z, {"match": m.group(0)}, expected)
