"""closing: the signature block (落款) — signing body and date — is present.

    check: closing
    params: {require: date}      # date | organisation | block

block: no signature block at all. date: a block without a date line. organisation: a block without a signing body.
The hit sits on the last line of the report.

    params: {require: block, when: ended}

when: ended (the default: always) speaks only when the text is seen to reach the end of
the report's body: its last part is the next steps (下一步工作打算, or a part after them)
and its last line ends a sentence. NOTE: most pages cut the text short, and a short data
note or a statistics page carries no signature; a missing block is certain only where
the report visibly ends without one.
"""
from __future__ import annotations

from checker.checks import CheckType, Param, register
from checker.findings import Hit


@register
class ClosingPresent(CheckType):
    name = "closing"
    params = {"require": Param((str,), "date", choices=("date", "organisation", "block")),
              "when": Param((str,), "always", choices=("always", "ended"))}

    def run(self, doc, p, ctx):
        if p["when"] == "ended" and not _ended(doc):
            return
        c = doc.closing
        need = p["require"]
        missing = (c is None if need == "block" else
                   (c is not None and not c.date_text) if need == "date" else
                   (c is not None and not c.organisations))
        if not missing:
            return
        last = next((l for l in doc.iter_lines(reverse=True) if l.kind not in ("blank", "debris")), None)
        if last is None:
            return
        yield Hit(last.span.start, last.span.end, {})


def _ended(doc) -> bool:
    """Does the text reach the end of the report's body: the next steps are its last part
    (or come before it), and its last line ends a sentence?"""
    kinds = [s.kind for s in doc.sections]
    if "next_steps" not in kinds:
        return False
    last = next((l for l in doc.iter_lines(reverse=True) if l.kind not in ("blank", "debris")), None)
    return last is not None and last.text.rstrip().endswith(("。", "！", "？", "”", "）"))
