"""suppression-id: a suppression comment that names no known rule.

    check: suppression-id

Yields one hit per id named in a `<!-- reportlint-disable… -->` or
`<!-- reportlint-enable … -->` comment that is not the id, name or category of
any rule the configuration knows (built-in packs and the user's own rule
files), at the id, with the closest known id or name as `expected`
(T1O1 → T101). Such a comment never worked: the defect it was meant to hide is
still reported, and an `enable` that names an unknown id ends nothing. When
this rule runs, the unused-suppression rule (check `suppression`) leaves such
ids to it. Takes no parameters.
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.document.suppressions import directives
from checker.findings import Hit


@register
class SuppressionId(CheckType):
    name = "suppression-id"
    params = {}

    def run(self, doc, p, ctx):
        found = directives(doc.text, doc.index)
        if not found:
            return
        known = ctx.rule_names()
        for d in found:
            for key, start, end in d.ids:
                if key in known:
                    continue
                hint = ctx.suggest(key)
                yield Hit(start, end, {"id": key,
                                       "hint": {"zh": f"，是否为 {hint}？", "en": f"; did you mean {hint}?"}
                                       if hint else {"zh": "（reportlint rules 列出全部规则）",
                                                     "en": " (see reportlint rules)"}},
                          hint)
