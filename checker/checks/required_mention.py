"""required-mention: something the report must say somewhere, once the text is known whole.

    check: required-mention
    params:
      words: [第一责任人, 主要负责人履行推进法治建设]   # literal words, or
      regex: '(?:主要负责同志|主要领导)[^。]{0,40}?(?:主持|带头|述法)'  # a pattern; both may be given
      since: 2019          # only for reports on this year or later (the year must be stated)
      complete: true       # only when the text reaches its end (a closing block)

One hit at the first line when no block of the report (title, cover letter, preamble,
headings, paragraphs) holds the words or the pattern. NOTE: an excerpt, or a page cut
short, may hold the part after the cut: with `complete` the check speaks only when
the text ends in a closing block. With `since`, a requirement that came into force in
a given year is not applied to earlier reports, nor to a report whose year the text
does not state (checker.checks._year). Traditional characters are read as simplified.
"""
from __future__ import annotations

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._util import compile_user_regex, literal
from checker.checks._year import stated_year
from checker.document.hant import simplified
from checker.document.scope import first_line
from checker.findings import Hit


@register
class RequiredMention(CheckType):
    name = "required-mention"
    params = {
        "words": Param((list,), None),
        "regex": Param((str,), None),
        "since": Param((int,), None, help="the first report year the requirement applies to"),
        "complete": Param((bool,), True, help="speak only when the text ends in a closing block"),
    }

    def prepare(self, params):
        if params["words"] is None and params["regex"] is None:
            raise ParamError("words", "give words, a regex, or both")
        patterns = []
        if params["words"] is not None:
            patterns.append(literal(params["words"], "words"))
        if params["regex"] is not None:
            patterns.append(compile_user_regex(params["regex"], "regex"))
        return dict(params, patterns=tuple(patterns))

    def run(self, doc, p, ctx):
        if p["complete"] and doc.closing is None:
            return
        if p["since"] is not None:
            year = stated_year(doc, ctx)
            if year is None or year < p["since"]:
                return
        for block in doc.content_blocks:
            text = simplified(block.text)
            if any(pat.search(text) for pat in p["patterns"]):
                return
        start, end = (doc.title.span.start, doc.title.span.end) if doc.title else first_line(doc)
        yield Hit(start, end, {})
