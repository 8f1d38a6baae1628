"""closing: the signature block (落款) — signing body and date — is present.

    check: closing
    params: {require: date}      # date | organisation | block

block: no signature block at all. date: a block without a date line. organisation: a block without a signing body.
The hit sits on the last line of the report.
"""
from __future__ import annotations

from checker.checks import CheckType, Param, register
from checker.findings import Hit


@register
class ClosingPresent(CheckType):
    name = "closing"
    params = {"require": Param((str,), "date", choices=("date", "organisation", "block"))}

    def run(self, doc, p, ctx):
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
