"""formulation-misquote: an official formulation (规范提法) quoted with a wrong character.

    check: formulation-misquote
    params:
      table: formulations.yaml   # rules/data/formulations.yaml
      scope: document

A stretch of the text one edit away from a formulation of six Chinese characters
or more — one character substituted, added or dropped inside it (习近平新时代中国特色社会义思想,
廉洁守信 in the 2021 goal, 重大执法决定法治审核制度) — that is not itself a listed form
or an `allow` entry, and does not run across a sentence end. Punctuation, digits and
spaces are not compared; adding or dropping 的/和/与/及 is a paraphrase, not a misquote; a
change at the first or last character is a different phrase (法治政府建设第一责任人 is
not a misquote of 推进法治建设第一责任人), except that a long formulation (twelve
characters or more) may have its first or last character substituted; in a shorter one
the edit must leave two characters on either side (以述法推动法治建设第一责任人职责落地 is a
verb, not a misquote). Besides, the entries' `wrong` wordings are reported wherever they occur. `expected` is the canonical wording.
Misquotes another rule reports (the table's `defer` list: 法制政府 is W106's) are left to it.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, register
from checker.checks._formulations import (MIN_FUZZY, PUNCTUATION, NearMatcher, Skeleton, Target,
                                          first_of_overlapping, han, load_formulations)
from checker.checks._util import SCOPE, check_scope, joined_scope, block_at
from checker.findings import Hit


@register
class FormulationMisquote(CheckType):
    name = "formulation-misquote"
    params = {
        "table": Param((str,), "formulations.yaml", help="a file in rules/data with a `formulations` list"),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        entries, defer = load_formulations(params["table"])
        targets, exact, wrong = [], set(), []
        for n, f in enumerate(entries):
            for form in (f.text, *f.forms):
                chars = han(form)
                exact.add(chars)
                if f.fuzzy and len(chars) >= MIN_FUZZY:
                    targets.append(Target(chars, form, n, frozenset(PUNCTUATION.findall(form))))
            exact.update(han(a) for a in f.allow)
            for w in f.wrong:
                exact.add(han(w))
                wrong.append((w, f.text))
        known = None
        if wrong:
            known = re.compile("|".join(re.escape(w) for w, _ in sorted(wrong, key=lambda x: -len(x[0]))))
        return dict(params, matcher=NearMatcher(targets, exact), known=known,
                    wrong=dict(wrong), defer=re.compile("|".join(defer)) if defer else None)

    def run(self, doc, p, ctx):
        text, starts, blocks, chars = joined_scope(doc, p["scope"])
        hits = list(self._known(text, starts, blocks, p))
        matcher = p["matcher"]
        if not matcher.targets or not (matcher.chars & chars):
            yield from first_of_overlapping(hits)
            return
        sk = Skeleton(text)
        for s, e, target in matcher.find(sk.chars, chars):
            a, z = sk.span(s, e)
            if set(PUNCTUATION.findall(text, a, z)) - target.marks:
                continue   # NOTE: across a mark the formulation does not have (…职责，定期听取)
            if p["defer"] is not None and p["defer"].search(text, max(0, a - 20), min(len(text), z + 20)) \
                    and _deferred(p["defer"], text, a, z):
                continue
            i = block_at(starts, a)
            base = blocks[i].span.start - starts[i]
            hits.append(Hit(base + a, base + z, {"match": text[a:z], "expected": target.expected},
                            target.expected))
        yield from first_of_overlapping(hits)   # one finding per stretch: the first and longest window

    def _known(self, text, starts, blocks, p):
        if p["known"] is None:
            return
        for m in p["known"].finditer(text):
            i = block_at(starts, m.start())
            base = blocks[i].span.start - starts[i]
            expected = p["wrong"][m.group(0)]
            yield Hit(base + m.start(), base + m.end(), {"match": m.group(0), "expected": expected}, expected)


def _deferred(pattern, text: str, a: int, z: int) -> bool:
    for m in pattern.finditer(text, max(0, a - 20), min(len(text), z + 20)):
        if m.start() < z and a < m.end():
            return True
    return False
