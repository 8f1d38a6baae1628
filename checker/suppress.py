"""Suppression comments: turn rules off for part of a (Markdown) report.

    <!-- reportlint-disable S101,N102 -->   off from this line on (no ids: every rule)
    <!-- reportlint-enable S101 -->         on again (no ids: every rule)
    <!-- reportlint-disable-next-line P201 -->   off for the next non-blank line

Ids may be rule ids, names or categories, separated by commas or spaces.
The comments are invisible in rendered Markdown; the parser reads a line that
holds only such a comment as a blank line. They are honoured in any text
input, but meant for Markdown.

`apply` runs after the rules: it drops suppressed findings and keeps an
"unused suppression" finding (rule check type `suppression`, one candidate
per directive id) only for ids that suppressed nothing. An id that names a
rule which did not run (not selected, ignored) is never called unused, and an
id that names no rule at all is left to the suppression-id rule (M902) when it
runs.
"""
from __future__ import annotations

from checker.document.suppressions import Directive, directives

def _matches(key: str, finding) -> bool:
    return key in (finding.rule, finding.name, finding.category)


def _known(key: str, rules) -> bool:
    return any(key in (r.id, r.name, r.category) for r in rules)


def _next_content_line(doc, after: int) -> int | None:
    for line in doc.iter_lines(first=after + 1):  # NOTE: from there on, not from the top
        if line.kind != "blank":
            return line.span.line
    return None


class _Regions:
    """For each directive id, the line ranges it covers."""

    def __init__(self, doc, found: list[Directive]):
        self.entries: list[tuple[Directive, str, int, int]] = []  # (directive, key, first, last)
        open_: dict[str, tuple[Directive, int]] = {}
        last_line = doc.index.position(len(doc.text))[0]
        for d in found:
            keys = [i[0] for i in d.ids] or ["*"]
            if d.kind == "disable-next-line":
                target = _next_content_line(doc, d.line)
                for key in keys:
                    self.entries.append((d, key, target or -1, target or -1))
            elif d.kind == "disable":
                for key in keys:
                    if key not in open_:
                        open_[key] = (d, d.line)
            else:  # enable: closes the named regions, or all of them
                for key in (list(open_) if not d.ids else keys):
                    if key in open_:
                        opened, first = open_.pop(key)
                        self.entries.append((opened, key, first, d.line))
        for key, (opened, first) in open_.items():
            self.entries.append((opened, key, first, last_line))

    def covering(self, finding):
        for d, key, first, last in self.entries:
            if first <= finding.line <= last and (key == "*" or _matches(key, finding)):
                yield d, key


def apply(doc, findings, ran, every_rule) -> list:
    """Drop suppressed findings; keep unused-suppression candidates only when unused.

    `ran` are the rules that ran on this document, `every_rule` all rules known.
    """
    candidate_ids = {r.id for r in ran if r.check == "suppression"}
    # NOTE: an id no rule has is the suppression-id rule's (M902) when it ran, not an unused one
    unknown_reported = any(r.check == "suppression-id" for r in ran)
    found = directives(doc.text, doc.index)
    if not found:
        return [f for f in findings if f.rule not in candidate_ids]
    regions = _Regions(doc, found)
    used: set[tuple[int, str]] = set()
    kept, candidates = [], []
    for f in findings:
        if f.rule in candidate_ids:  # NOTE: never suppressible, or disable-all would hide itself
            candidates.append(f)
            continue
        hits = list(regions.covering(f))
        used.update((d.start, key) for d, key in hits)
        if not hits:
            kept.append(f)
    for f in candidates:
        d = next((d for d in found if d.start <= f.start < d.end), None)
        key = doc.text[f.start:f.end] if d and d.ids else "*"  # the id the finding points at
        if d is None or (d.start, key) in used:
            continue
        if key != "*" and _known(key, every_rule) and not _known(key, ran):
            continue  # the rule did not run: we cannot tell whether it would have fired
        if key != "*" and unknown_reported and not _known(key, every_rule):
            continue  # reported as an unknown id
        kept.append(f)
    return kept
