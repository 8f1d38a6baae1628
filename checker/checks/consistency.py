"""consistency: a document uses only one of two variants.

    check: consistency
    params:
      pairs: [[",", "，"], ["(", "（"]]    # each a pair of regexes
      scope: document
      fix: true                           # the minority literal -> the majority

One hit per pair that mixes, at the first occurrence of the minority
variant, with both counts; never one per occurrence. With equal counts
the variant that appears second is the minority.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._util import SCOPE, check_scope, compile_user_regex, may_occur, scan
from checker.findings import Hit


@register
class Consistency(CheckType):
    name = "consistency"
    params = {
        "pairs": Param((list,), required=True),
        "scope": SCOPE,
        "fix": Param((bool,), False),
        "min_count": Param((int,), 1, help="minority occurrences needed to report"),
    }

    def prepare(self, params):
        check_scope(params)
        pairs = []
        for i, pair in enumerate(params["pairs"]):
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) and v for v in pair)):
                raise ParamError(f"pairs.{i}", "each pair is a list of two non-empty strings")
            pairs.append(tuple((v, compile_user_regex(v, f"pairs.{i}")) for v in pair))
        return dict(params, compiled=pairs)

    def run(self, doc, p, ctx):
        for (a, pa), (b, pb) in p["compiled"]:
            if not (may_occur(doc, p["scope"], pa) and may_occur(doc, p["scope"], pb)):
                continue  # NOTE: one variant is certainly absent: nothing to compare
            hits_a = [(blk.span.start + a, blk.span.start + z) for blk, _, a, z in scan(doc, p["scope"], pa)]
            if not hits_a:
                continue
            hits_b = [(blk.span.start + a, blk.span.start + z) for blk, _, a, z in scan(doc, p["scope"], pb)]
            if not hits_b:
                continue
            if len(hits_a) > len(hits_b) or (len(hits_a) == len(hits_b) and hits_a[0] < hits_b[0]):
                (major, nmaj), (minor, occ) = (a, len(hits_a)), (b, hits_b)
            else:
                (major, nmaj), (minor, occ) = (b, len(hits_b)), (a, hits_a)
            if len(occ) < p["min_count"]:
                continue
            start, end = occ[0]
            shown_major, shown_minor = _literal(major), _literal(minor)
            fixes = ()
            if p["fix"] and shown_major is not None and shown_minor is not None:
                fixes = tuple((s, e, shown_major) for s, e in occ)
            yield Hit(start, end, {"minority": shown_minor or _label(minor), "majority": shown_major or _label(major),
                                   "minority_count": len(occ), "majority_count": nmaj},
                      shown_major or _label(major), fixes)


def _literal(pattern: str) -> str | None:
    """The literal text a pattern matches, if it is one (`\\(` -> `(`), else None."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            out.append(pattern[i + 1])
            i += 2
            continue
        if ch in "\\[](){}.*+?^$|":
            return None
        out.append(ch)
        i += 1
    return "".join(out)


def _label(pattern: str) -> str:
    """How a variant is shown in a message: lookarounds dropped, `,|,` as `,`, a class of
    plain characters `[“”]` as `“”`; a pattern that is none of these is shown as written."""
    bare = re.sub(r"\(\?<?[=!][^()]*\)", "", pattern)
    parts = {_literal(part) for part in bare.split("|")}
    if len(parts) == 1 and None not in parts and "" not in parts:
        return parts.pop()
    if len(bare) > 2 and bare[0] == "[" and bare[-1] == "]" and _literal(bare[1:-1]):
        return _literal(bare[1:-1])
    return pattern
