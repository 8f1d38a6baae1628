"""year-claim: "the first/last year of plan P" said of the wrong year.

    check: year-claim
    params:
      table: terms.yaml      # rules/data/terms.yaml, section `claims`
      scope: document

Each claim (`label`, `regex`, `year`, `source`) is true of one year only:
“十四五”开局之年 is 2021. The year a passage speaks of is the nearest year
word before the claim in the same sentence (2020年, 今年, 明年, 去年), else
the report year — or the year after it inside the next-steps section, where
plans are written. "今年是“十三五”收官之年，明年是“十四五”开局之年" in a
2020 report is right; "2020年，我县将以“十四五”开局之年为契机" is not.
"""
from __future__ import annotations

from collections import namedtuple

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._timeline import Timeline, table_entries
from checker.checks._util import SCOPE, check_scope, compile_user_regex, scan
from checker.findings import Hit


class Claim(namedtuple("Claim", "label pattern year source")):
    # label: str
    # pattern: object
    # year: int
    # source: str
    __slots__ = ()


@register
class YearClaim(CheckType):
    name = "year-claim"
    params = {
        "table": Param((str,), "terms.yaml", help="a file in rules/data with a `claims` list"),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        return dict(params, claims=table_entries(params["table"], "claims", _claim))

    def run(self, doc, p, ctx):
        tl = Timeline(doc, ctx)
        if not tl.known:
            return
        hits = []
        for c in p["claims"]:
            for b, m, a, z in scan(doc, p["scope"], c.pattern):
                at = b.span.start + a
                said = tl.spoken_year(b.text, a, at)
                if said != c.year:
                    hits.append(Hit(at, b.span.start + z,
                                    {"claim": c.label, "said": said, "year": c.year, "source": c.source},
                                    f"{c.year}年"))
        yield from sorted(hits, key=lambda h: h.start)


def _claim(loc, i: int, c) -> Claim:
    where = f"{loc.where('claims', i)}: "
    if not isinstance(c, dict) or set(c) - {"label", "regex", "year", "source"}:
        raise ParamError("table", where + "a claim has only label, regex, year and source")
    if not all(isinstance(c.get(k), str) and c[k] for k in ("label", "regex", "source")):
        raise ParamError("table", where + "label, regex and source are required strings")
    if not isinstance(c.get("year"), int) or isinstance(c["year"], bool):
        raise ParamError("table", where + "year must be a year such as 2021")
    try:
        pattern = compile_user_regex(c["regex"], "regex")
    except ParamError as err:
        raise ParamError("table", where + str(err)) from None
    return Claim(c["label"], pattern, c["year"], c["source"])
