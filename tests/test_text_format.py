"""The text formatter: carets under the span by display width, long lines cut around it."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from checker.config import Config
from checker.formatters import Options
from checker.formatters.text_format import display_width, format as text_format
from checker.linter import lint_text


def render(text, select):
    findings = lint_text(text, Config(select=select), path="r.txt")
    return findings, text_format(findings, {"r.txt": text}, Options())


def test_caret_sits_under_the_span_counting_wide_characters():
    text = "一、主要工作\n调解成功率97.65 %。\n"
    findings, out = render(text, ("P105",))
    lines = out.splitlines()
    src, caret = lines[1], lines[2]
    start = caret.index("^")
    assert display_width(src[:src.index("97.65")]) == start
    assert caret.count("^") == display_width("97.65 %")


def test_a_long_line_is_cut_around_the_span():
    body = "我县依法行政。" * 200 + "调解成功率97.65 %。" + "继续推进。" * 200
    findings, out = render("一、主要工作\n" + body + "\n", ("P105",))
    src, caret = out.splitlines()[1:3]
    assert len(src) < 150 and src.strip().startswith("...") and src.endswith("...")
    shown = src[4:]
    cut = caret[4:]
    assert display_width(shown[:shown.index("97.65")]) == cut.index("^")


def test_the_wide_blocks_hold_only_wide_characters():
    import unicodedata
    from checker.formatters.text_format import _WIDE
    for ranges in re.findall(r"(.)-(.)", _WIDE.pattern.rstrip("+")):
        for code in range(ord(ranges[0]), ord(ranges[1]) + 1):
            assert unicodedata.east_asian_width(chr(code)) in "WF", hex(code)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FFFF), max_size=60)
       | st.text(alphabet="统计受理办结率％，。、“”《》（）()… ａ1２3\tＡ😀é", max_size=60))
def test_display_width_counts_like_unicodedata(text):
    import unicodedata
    assert display_width(text) == sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
