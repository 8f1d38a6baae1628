"""doubled-word: a word of two to four characters typed twice (制度制度, 案件案件).

    check: doubled-word
    params:
      min_chars: 2            # the shortest word looked at (one-character slips: X103's list)
      max_chars: 4
      allow: [研究, 讨论, …]   # words whose doubling is a real reduplication (研究研究)
      noun_verbs: [组织, 代表, …]  # words both a noun's tail and a verb (党组织 | 组织党员)
      scope: document

Verbs reduplicate to soften a request (研究研究, 商量商量) and adjectives to
intensify (雪白雪白); those words are listed in `allow`. A doubling that starts
with 一 (一步一步, 一件一件) is a distributive phrase and is never reported, nor is
a second copy that a suffix makes a longer word (规范规范性文件: 规范 + 规范性文件). A word
of `noun_verbs` right after another Chinese character is the tail of a noun followed by
the verb (党组织 | 组织党员, 人大代表 | 代表人民): two words, reported only where the first
copy starts a phrase (after punctuation or at the start of a paragraph). The hit is on the
second copy; its fix removes it.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._util import SCOPE, check_scope, scan
from checker.findings import Hit

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_SUFFIX = set("性化者型式率度员")
_IS_CJK = re.compile(f"[{_CJK}]")


@register
class DoubledWord(CheckType):
    name = "doubled-word"
    params = {
        "scope": SCOPE,
        "min_chars": Param((int,), 2),
        "max_chars": Param((int,), 4),
        "allow": Param((list,), []),
        "noun_verbs": Param((list,), []),
    }

    def prepare(self, params):
        check_scope(params)
        lo, hi = params["min_chars"], params["max_chars"]
        if not 1 <= lo <= hi <= 8:
            raise ParamError("min_chars", "needs 1 <= min_chars <= max_chars <= 8")
        for key in ("allow", "noun_verbs"):
            if not all(isinstance(w, str) and w for w in params[key]):
                raise ParamError(key, "must be a list of words")
        # NOTE: greedy, so 法治政府法治政府 is one doubled word, not 法治 twice
        pattern = re.compile(rf"([{_CJK}]{{{lo},{hi}}})\1")
        return dict(params, pattern=pattern, allowed=frozenset(params["allow"]),
                    noun_verbs=frozenset(params["noun_verbs"]))

    def run(self, doc, p, ctx):
        for b, m, a, z in scan(doc, p["scope"], p["pattern"]):
            word = m.group(1)
            # NOTE: 人人人人 is 人人 twice, a reduplication doubled again: a style choice
            if word in p["allowed"] or word[0] == "一" or len(set(word)) == 1:
                continue
            if b.text[z:z + 1] in _SUFFIX:
                continue   # NOTE: 规范规范性文件 is the verb 规范 and the noun 规范性文件
            if word in p["noun_verbs"] and a > 0 and _IS_CJK.match(b.text, a - 1):
                continue   # NOTE: 党组织组织党员: the noun 党组织, then the verb 组织
            start = b.span.start + a + len(word)
            yield Hit(start, b.span.start + z, {"match": m.group(0), "word": word}, word,
                      ((start, b.span.start + z, ""),))

