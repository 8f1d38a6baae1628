"""pattern: a regex or word list that must not (forbid) or must (require) occur.

    check: pattern
    params: {regex: "截止目前", mode: forbid, scope: document}
    params: {words: [第一责任人, 主要负责人履行], mode: require}

forbid: one hit per match; `expected` may use {match} and the regex groups;
`also` names a second scope searched as well (a classification mark in the
document header above the title); `unless` is a regex that, occurring
anywhere in the scope, silences the rule (straight quotes in a text that also
has Chinese ones are the mixed-width rule's); `since` (forbid only) judges only
reports on that year or later, and only when the year is stated (a name that
did not exist before that year cannot have been dropped); `skip` (forbid only) is a
regex whose matches are other things that look alike: a hit inside one of them is
not reported (a Markdown emphasis *重点* is not two placeholder stars).
require: one hit when no block of the scope matches (at the scope's first
block, or at the document start when the scope is empty, unless
`absent_ok` is true; with `absent_ok` a page's headline that stands in for
a missing title is not judged either).
"""
from __future__ import annotations

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._year import stated_year
from checker.checks._util import SCOPE, check_scope, compile_user_regex, literal, scan
from checker.findings import Hit
from checker.document.page import Headline
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
        "unless": Param((str,), None, help="a regex: no hits when it occurs in the scope"),
        "also": Param((str,), None, help="a second scope searched as well (forbid only)"),
        "skip": Param((str,), None, help="a regex: hits inside its matches are not reported (forbid only)"),
        "since": Param((int,), None, help="the first report year the rule applies to (forbid only; the year must be stated)"),
    }

    def prepare(self, params):
        check_scope(params)
        if params["also"] is not None:
            check_scope(params, "also")
        if params["unless"] is not None:
            params = dict(params, unless=compile_user_regex(params["unless"], "unless"))
        if params["skip"] is not None:
            params = dict(params, skip=compile_user_regex(params["skip"], "skip"))
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
            if p["absent_ok"] and (not scope or (p["scope"] == "title" and isinstance(doc.title, Headline))):
                return   # NOTE: a page's headline stands in for a title the report does not have
            at = scope[0].span if scope else None
            start, end = (at.start, at.end) if at else first_line(doc)
            yield Hit(start, end, {"match": ""}, p["expected"])
            return
        if p["since"] is not None:
            year = stated_year(doc, ctx)
            if year is None or year < p["since"]:
                return
        if p["unless"] is not None and next(scan(doc, p["scope"], p["unless"]), None) is not None:
            return
        seen = set()
        for scope in (p["scope"], p["also"]) if p["also"] else (p["scope"],):
            skips = {}
            for b, m, a, z in scan(doc, scope, p["pattern"]):
                at = (b.span.start + a, b.span.start + z)
                if at in seen:
                    continue
                seen.add(at)
                if p["skip"] is not None:
                    if id(b) not in skips:
                        skips[id(b)] = [s.span() for s in p["skip"].finditer(b.text)]
                    if any(x <= a and z <= y for x, y in skips[id(b)]):
                        continue
                expected = m.expand(p["expected"].replace("{match}", m.group(0))) if p["expected"] else None
                yield Hit(at[0], at[1], {"match": m.group(0)}, expected)
