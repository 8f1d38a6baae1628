"""--fix and --diff: apply the safe mechanical fixes the rules offer, verified.

A finding may carry `fixes`, (start, end, new text) edits into the text. The
fixes of one finding form a group, applied all or nothing. A group is
refused outright when it
  - comes from a statistics rule (numbers are only ever suggested),
  - changes a digit or Chinese numeral outside a heading marker,
  - adds or removes a line end, or reaches outside the text.
The other groups are verified: the fixed text is parsed and linted again,
and a group is dropped (and reported) if the document's structure changes
(title, section tree with levels and kinds, closing, paragraph count) or a
finding appears that was not there before. Fixing repeats until nothing
more applies, so a second `--fix` run changes nothing.

Writing a fixed file back is checker.cli.rewrite's job.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field

from checker.errors import ReportlintError

MAX_PASSES = 8
_NUMERALS = set("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟")


@dataclass
class Dropped:
    rule: str
    line: int
    column: int
    reason: str


@dataclass
class FixOutcome:
    original: str
    fixed: str
    applied: list = field(default_factory=list)     # findings whose fixes were applied
    dropped: list = field(default_factory=list)     # Dropped
    unsafe: int = 0                                  # findings whose fix needs --unsafe-fixes
    doc: object = None                               # Document and lint Result of `fixed`
    result: object = None

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def _numerals(s: str) -> list[str]:
    return [c for c in s if c in _NUMERALS]


def _refusal(doc, finding) -> str | None:
    if finding.category == "statistics":
        return "statistics are never changed, only suggested"
    markers = [h.marker_span for h in doc.headings]
    n = len(doc.text)
    for s, e, new in finding.fixes:
        if not (0 <= s <= e <= n):
            return "the fix lies outside the text"
        old = doc.text[s:e]
        if any(c in "\r\n" for c in old + new):
            return "the fix would change line ends"
        in_marker = any(m.start <= s and e <= m.end for m in markers)
        if not in_marker and _numerals(old) != _numerals(new):
            return "the fix would change a number"
    return None


def apply_fixes(text: str, fixes) -> str:
    out, pos = [], 0
    for s, e, new in sorted(set(fixes)):
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _overlaps(fixes, taken) -> bool:
    for s, e, new in fixes:
        for ts, te, tnew in taken:
            if (s, e, new) == (ts, te, tnew):
                continue
            if s < te and ts < e or (s == e == ts == te) or (s == e and ts < s < te) or (ts == te and s < ts < e):
                return True
    return False


def structure(doc) -> tuple:
    def tree(sections):
        return tuple((s.heading.level, s.kind, tree(s.children)) for s in sections)
    return (doc.title is not None, tree(doc.sections), doc.closing is not None, len(doc.paragraphs))


def _back(pos: int, fixes) -> int:
    """Map an offset in the fixed text back to the original text."""
    shift = 0
    for s, e, new in sorted(set(fixes)):
        new_s = s + shift
        if pos < new_s:
            break
        if pos < new_s + len(new):
            return s
        shift += len(new) - (e - s)
    return pos - shift


def _verify(text, path, config, base, fixes):
    """(doc, result) of the fixed text, or a reason string when it must not be used."""
    from checker.linter import lint_document
    from checker.document.outline import build
    doc0, before = base
    fixed = apply_fixes(text, fixes)
    doc = build(fixed, path)
    if structure(doc) != structure(doc0):
        return "the fix would change the document's structure"
    result = lint_document(doc, config)
    old = Counter((f.rule, f.start) for f in before.findings)
    new = Counter((f.rule, _back(f.start, fixes)) for f in result.findings)
    extra = new - old
    if extra:
        rule, at = sorted(extra)[0]
        line, col = doc0.index.position(at)
        return f"the fix would introduce a new {rule} finding at {line}:{col}"
    return doc, result


def _one_pass(text, path, config, doc, result, outcome, held=frozenset()):
    """Apply what verifies; return (fixed text, its doc, its lint result) or None.
    Fixes of the rules in `held` (unsafe ones, without --unsafe-fixes) are left alone."""
    groups, pending = [], []
    outcome.unsafe = 0
    for f in result.findings:
        if not f.fixes:
            continue
        if f.rule in held:
            outcome.unsafe += 1
            continue
        why = _refusal(doc, f)
        if why:
            pending.append(Dropped(f.rule, f.line, f.column, why))
        else:
            groups.append(f)
    groups.sort(key=lambda f: (min(s for s, _, _ in f.fixes), f.sort_key()))
    outcome.dropped = pending
    batch, taken = [], []
    for f in groups:
        if not _overlaps(f.fixes, taken):
            batch.append(f)
            taken.extend(f.fixes)
    if batch:
        verdict = _verify(text, path, config, (doc, result), taken)
        if not isinstance(verdict, str):
            outcome.applied.extend(batch)
            return (apply_fixes(text, taken), *verdict)
    accepted, taken, last = [], [], None
    for f in groups:  # one group at a time: keep what verifies, report the rest
        if _overlaps(f.fixes, taken):
            continue  # tried again in the next pass
        verdict = _verify(text, path, config, (doc, result), taken + list(f.fixes))
        if isinstance(verdict, str):
            pending.append(Dropped(f.rule, f.line, f.column, verdict))
        else:
            accepted.append(f)
            taken.extend(f.fixes)
            last = verdict
    if not accepted:
        return None
    outcome.applied.extend(accepted)
    return (apply_fixes(text, taken), *last)


def unsafe_rules(config) -> frozenset:
    """The rules whose fixes are a guess (fixable: unsafe): renumbering a heading sequence."""
    from checker.rules import load_rules
    return frozenset(r.id for r in load_rules(tuple(config.rules)) if r.fix == "unsafe")


def fix_text(text: str, path: str = "<text>", config=None, unsafe: bool = False) -> FixOutcome:
    """Apply every verified fix, repeating until none is left; never raises for bad fixes.
    Unsafe fixes (see `unsafe_rules`) only with `unsafe`."""
    from checker.config import Config
    from checker.linter import lint_document
    from checker.document.outline import build
    config = config or Config()
    held = frozenset() if unsafe else unsafe_rules(config)
    outcome = FixOutcome(text, text)
    doc = build(text, path)
    result = lint_document(doc, config)
    for _ in range(MAX_PASSES):
        outcome.doc, outcome.result = doc, result
        step = _one_pass(outcome.fixed, path, config, doc, result, outcome, held)
        if step is None:
            break
        outcome.fixed, doc, result = step
    outcome.doc, outcome.result = doc, result
    return outcome


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib
    name = path.replace(os.sep, "/")
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{name}", f"b/{name}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)
