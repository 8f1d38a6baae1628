"""suppression: every suppression comment, as a candidate "unused" finding.

    check: suppression

Yields one hit per id named in a `<!-- reportlint-disable… -->` comment (at
the id), or one at the comment when it names no id. The engine
(checker.suppress.apply) then keeps only the candidates that suppressed
nothing, so the rule reports unused suppressions; `enable` comments are not
reported. Takes no parameters.
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.findings import Hit
from checker.document.suppressions import directives


@register
class Suppression(CheckType):
    name = "suppression"
    params = {}

    def run(self, doc, p, ctx):
        for d in directives(doc.text, doc.index):
            if d.kind == "enable":
                continue
            if not d.ids:
                yield Hit(d.start, d.end, {"id": {"zh": "全部规则", "en": "all rules"}})
            for key, start, end in d.ids:
                yield Hit(start, end, {"id": key})
