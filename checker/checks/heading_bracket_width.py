"""heading-bracket-width: full-width （一） and half-width (一) heading markers mixed.

    check: heading-bracket-width
    params: {}

Looks at the bracketed markers of levels 2 and 4 ((一), (1), and the
malformed (), (一)、) across the whole document. When both widths occur it
gives ONE hit, at the first marker of the minority width, with both counts;
expected is that marker in the majority width, and the fixes convert every
minority marker (brackets only, numerals and delimiters untouched). With
equal counts the width printed first is the majority. Malformed markers (() that
lost its numeral, (五)、) are left to N101 and N102, whose fixes write the majority
width.
NOTE: the generic `consistency` type matches text regexes in text scopes,
which exclude heading markers; heading markers are parsed already, so the
parsed width is counted here instead of re-matching brackets in text.
Message arguments: marker, expected, minority, majority (width names),
minority_count, majority_count.
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.checks._numbering import document_width
from checker.findings import Hit

_TO_FULL = str.maketrans("()", "（）")
_TO_HALF = str.maketrans("（）", "()")
_NAMES = {True: {"zh": "全角括号", "en": "full-width brackets"},
          False: {"zh": "半角括号", "en": "half-width brackets"}}


@register
class HeadingBracketWidth(CheckType):
    name = "heading-bracket-width"
    params = {}

    def run(self, doc, p, ctx):
        marks = [h for h in doc.headings if h.level in (2, 4) and h.fullwidth is not None]
        major = document_width(doc)
        # NOTE: a malformed marker (() without its numeral, (五)、) is N101's or N102's: their
        # fixes already write the majority width, so one heading gets one finding
        minority = [h for h in marks if h.fullwidth != major and h.malformed is None]
        if major is None or not minority:
            return
        table = _TO_FULL if major else _TO_HALF
        first = minority[0]
        fixes = tuple((h.marker_span.start, h.marker_span.end, h.marker.translate(table)) for h in minority)
        yield Hit(first.marker_span.start, first.marker_span.end,
                  {"marker": first.marker, "expected": fixes[0][2],
                   "minority": _NAMES[not major], "majority": _NAMES[major],
                   "minority_count": len(minority), "majority_count": len(marks) - len(minority)},
                  fixes[0][2], fixes)
