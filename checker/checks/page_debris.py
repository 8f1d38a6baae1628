"""page-debris: web-page chrome left in the report text (one hit per run of lines).

Chrome is what the grammar and checker.document.front_lines name so: breadcrumbs, stamps,
index blocks, clocks, the page heading repeating the title. A table of contents and a
document header (文号, 签发人) are kept out of the text too, but are not reported.

    check: page-debris
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.findings import Hit, clip


@register
class PageDebris(CheckType):
    name = "page-debris"
    params = {}

    def run(self, doc, p, ctx):
        # NOTE: a table of contents and a document header are part of the report, not of the page
        debris = [d for d in doc.metadata.debris if getattr(d, "role", "chrome") == "chrome"]
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
                      {"lines": len(run), "text": clip(run[0].text.strip(), 20)})
