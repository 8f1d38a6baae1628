"""page-debris: web-page chrome left in the report text (one hit per run of lines).

    check: page-debris
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.findings import Hit


@register
class PageDebris(CheckType):
    name = "page-debris"
    params = {}

    def run(self, doc, p, ctx):
        debris = doc.metadata.debris
        if not debris:
            return
        runs, current = [], [debris[0]]
        for d in debris[1:]:
            prev = current[-1]
            between = doc.text[prev.span.end:d.span.start]
            if between.strip() == "":
                current.append(d)
            else:
                runs.append(current)
                current = [d]
        runs.append(current)
        for run in runs:
            yield Hit(run[0].span.start, run[-1].span.end,
                      {"lines": len(run), "text": run[0].text.strip()[:20]})
