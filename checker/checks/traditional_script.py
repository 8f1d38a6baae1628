"""traditional-script: traditional characters in a report written in simplified ones.

    check: traditional-script
    params:
      report: mixed        # mixed: each run of traditional characters in a simplified text
                           # converted: the text as a whole is traditional (one finding)
      share: 0.1           # above this share of Chinese characters the text counts as converted
      scope: document

Mainland reports are written in 规范汉字; traditional characters in one come from a
mirror site or content farm that converted the page (區, 體, 後, 週, 髮), often badly
(全麵, 機製). The conversion is OpenCC's traditional-to-simplified table
(opencc-python-reimplemented, loaded on first use): a character counts as
traditional where OpenCC's phrase-level conversion changes it. NOTE: a cheap
gate first converts the document's distinct characters one by one (newline-separated,
so that no phrase forms across them, and remembered for the process); a text none of
whose characters changes is done without converting it as a whole.

mixed reports each run with its simplified form, only when the text is otherwise
simplified, and not a character of GB2312 standard in proper names in a place name or
as a surname (乾县, 於潜镇, 甯某某); converted reports one finding at the first line with traditional
characters, with their share, and nothing else.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._util import SCOPE, block_at, check_scope, joined_scope
from checker.findings import Hit

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_state: dict = {}


def to_simplified(text: str) -> str:
    """OpenCC t2s (phrase-level), built once per process."""
    if "t2s" not in _state:
        try:
            from opencc import OpenCC  # NOTE: lazy: only documents with a candidate character pay
        except ImportError as err:  # pragma: no cover - a declared dependency
            raise RuntimeError("traditional-script needs the package opencc-python-reimplemented") from err
        try:
            _state["t2s"] = OpenCC("t2s").convert
        except Exception:  # NOTE: the compiled OpenCC binding shares the module name and wants the .json
            try:
                _state["t2s"] = OpenCC("t2s.json").convert
            except Exception as err:
                # NOTE: a broken installation (the dictionary files missing): one line naming
                # the cause; the linter reports it as this rule's error and runs the others
                raise RuntimeError("traditional-script skipped: OpenCC's t2s dictionary could not be "
                                   f"loaded ({type(err).__name__}); reinstall opencc-python-reimplemented") from None
    return _state["t2s"](text)


@register
class TraditionalScript(CheckType):
    name = "traditional-script"
    reports = ("mixed", "converted")
    params = {
        "scope": SCOPE,
        "share": Param((float, int), 0.1, help="share of Chinese characters above which the text is converted"),
    }

    def prepare(self, params):
        check_scope(params)
        if not 0 < params["share"] < 1:
            raise ParamError("share", "must be between 0 and 1")
        return params

    def run(self, doc, p, ctx):
        text, starts, found, _ = joined_scope(doc, p["scope"])
        runs = doc.memo(f"checks.traditional:{p['scope']}", lambda: _runs(text))
        if not runs:
            return
        han = len(_HAN.findall(text))
        changed = sum(z - a for a, z, _ in runs)
        converted = changed > p["share"] * han
        if p["report"] == "converted":
            if converted:
                i = block_at(starts, runs[0][0])
                b = found[i]
                yield Hit(b.span.start, b.span.end, {"share": f"{100 * changed / max(han, 1):.0f}%",
                                                     "count": changed, "text": text[runs[0][0]:runs[0][1]]})
            return
        if converted:
            return
        for a, z, simple in runs:
            if _proper_name(text, a, z):
                continue
            i = block_at(starts, a)
            base = found[i].span.start - starts[i]
            yield Hit(base + a, base + z, {"text": text[a:z], "expected": simple}, simple)


# NOTE: the characters of GB2312 (the simplified set every mainland report is written in)
# that OpenCC's t2s changes on their own; every other one it keeps, so a report written
# wholly in GB2312 never loads OpenCC (tests/test_speed_paths.py compares with OpenCC)
GB2312_CHANGED = frozenset("乾菸薹捱摺吒後徵夥甯榘於麴醣麽")


# NOTE: of those, the ones standard in proper names: places (乾县, 乾安县, 於潜镇) and surnames
# (甯某某, 於某) are written with them officially
PROPER_NAME_CHARS = frozenset("乾於甯")
_PLACE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:县|镇|乡|区|市|村|州|旗|街道|陵)")
_SURNAME_AFTER = re.compile(r"某|[\u4e00-\u9fff]{1,2}(?:等|同志|先生|女士|申请|诉)")


def _proper_name(text: str, a: int, z: int) -> bool:
    """Is the run a GB2312 character standard in proper names, in a place name (乾县,
    於潜镇) or as a surname at the start of a clause (甯某某等3人)?"""
    if not set(text[a:z]) <= PROPER_NAME_CHARS:
        return False
    # NOTE: a name starts a phrase or follows a larger place (临安区於潜镇); 关於县政府 is no name
    starts = a == 0 or not _HAN.match(text[a - 1]) or text[a - 1] in "省市县区州盟旗"
    return starts and bool(_PLACE_AFTER.match(text, z) or _SURNAME_AFTER.match(text, z))


def _candidates(text: str) -> bool:
    """Has the text a character that OpenCC changes on its own? NOTE: each distinct
    character is judged once per process and remembered (a report has a thousand
    distinct characters, a run of reports hardly more); only characters outside GB2312
    are converted to find out."""
    known = _state.setdefault("chars", {})
    changers = _state.setdefault("changers", set())
    chars = set(text)
    new = chars.difference(known)
    if new:
        outside = []
        for c in new:
            if not _HAN.match(c):
                known[c] = False
                continue
            try:
                c.encode("gb2312")
            except UnicodeEncodeError:
                outside.append(c)
                continue
            known[c] = c in GB2312_CHANGED
        if outside:
            outside.sort()
            single = to_simplified("\n".join(outside)).split("\n")
            if len(single) != len(outside):   # pragma: no cover - OpenCC keeps newlines
                single = [to_simplified(c) for c in outside]
            known.update((c, c != s) for c, s in zip(outside, single))
        changers.update(c for c in new if known[c])
    return not changers.isdisjoint(chars)


def _runs(text: str) -> list:
    """(start, end, simplified) of every run of characters OpenCC changes."""
    if not _candidates(text):
        return []
    simple = to_simplified(text)
    if len(simple) != len(text):   # NOTE: OpenCC's tables map character to character; be safe
        return []
    out, i = [], 0
    while i < len(text):
        if text[i] != simple[i]:
            j = i
            while j < len(text) and text[j] != simple[j]:
                j += 1
            out.append((i, j, simple[i:j]))
            i = j
        else:
            i += 1
    return out
