"""injected-text: text that a copying site or a compromised page put into the report.

    check: injected-text

A document farm inserts its advert into a paragraph (【更多公文素材,微信:…】) or its
banner with a commercial web address between two words (…第一秘书之家—全网资源每日更新
www.…com责任人职责); a compromised page puts a gambling site's name where a word of
the report belongs (省、市xxx体育_xxx官网@:做好…) or a spam line above the text. The
copy is not the report as published. Vocabulary: rules/data/front.yaml `injected`
(checker.document.front_lines.injected); one hit per stretch.
"""
from __future__ import annotations

from checker.checks import CheckType, register
from checker.findings import Hit, clip
from checker.document.front_lines import injected
from checker.document.scope import blocks


@register
class InjectedText(CheckType):
    name = "injected-text"
    params = {}

    def run(self, doc, p, ctx):
        for b in blocks(doc, "document"):
            for a, z in injected(b.text):
                yield Hit(b.span.start + a, b.span.start + z, {"text": clip(b.text[a:z], 24)})
