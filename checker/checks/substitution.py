"""substitution: a wrong term and the right one.

    check: substitution
    params:
      swap: {截止目前: 截至目前, 截止到目前: 截至目前}
      scope: document

Keys are literal text (or regexes with `regex: true`); each occurrence is a
hit whose `expected` is the right term (regex keys may use \\1 in the value).
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._util import SCOPE, check_scope, compile_user_regex, scan
from checker.findings import Hit


@register
class Substitution(CheckType):
    name = "substitution"
    params = {
        "swap": Param((dict,), required=True),
        "regex": Param((bool,), False),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        swap = params["swap"]
        if not swap:
            raise ParamError("swap", "must not be empty")
        pairs = []
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str) or not wrong:
                raise ParamError(f"swap.{wrong}", "each entry maps a non-empty string to a string")
            pattern = wrong if params["regex"] else re.escape(wrong)
            pat = compile_user_regex(pattern, f"swap.{wrong}")
            pairs.append((pat, right))
        return dict(params, pairs=pairs)

    def run(self, doc, p, ctx):
        for pat, right in p["pairs"]:
            for b, m, a, z in scan(doc, p["scope"], pat):
                expected = m.expand(right) if p["regex"] else right
                yield Hit(b.span.start + a, b.span.start + z,
                          {"match": m.group(0), "expected": expected}, expected)
