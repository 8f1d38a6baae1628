"""The regex gates (checker/speed/prefilter.py): a pattern is skipped only when it cannot match."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.speed.prefilter import gate_of, may_match


def _may(pattern: str, text: str) -> bool:
    return may_match(re.compile(pattern), text, frozenset(text))


@pytest.mark.parametrize("pattern, text, expected", [
    ("党的十九大", "学习党的十九大精神", True),
    ("党的十九大", "学习党的二十大精神", False),
    (r"(?<![A-Za-z])[XxＸ×]{2,}", "全年召开会议12次", False),
    (r"(?<![A-Za-z])[XxＸ×]{2,}", "XX县", True),
    (r"七五普法|八五普法", "开展八五普法", True),
    (r"七五普法|八五普法", "开展普法", False),
    (r"第\d+次", "第3次", True),
    (r"第\d+次", "第三回", False),
    (r"a(?:b|c)d", "acd", True),
    (r"a(?:b|c)d", "ad", False),
    (r"x?y", "y", True),        # an optional literal is no requirement
])
def test_gate_decides(pattern, text, expected):
    assert _may(pattern, text) is expected


@pytest.mark.parametrize("pattern", [r".*", r"\d+", r"[^。]+", r"(?:abc)?", r"a|", r"(?i)abc", r"(?:a|b*)c?"])
def test_patterns_without_a_usable_requirement_always_run(pattern):
    assert gate_of(re.compile(pattern)) is None


def test_a_class_with_many_members_is_no_requirement():
    assert gate_of(re.compile(r"[\u4e00-\u9fff]年")) == ((frozenset("年"), ()),)


def _shipped_patterns():
    from checker.config import Config
    from checker.linter import select_rules
    found = []

    def walk(value):
        if isinstance(value, re.Pattern):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif hasattr(value, "__dict__") or hasattr(value, "__slots__"):
            for name in getattr(value, "__slots__", ()) or vars(value):
                walk(getattr(value, name, None))

    for rule in select_rules(Config(select=("S", "M", "N", "T", "P", "D", "W", "X"))):
        walk(rule.prepared)
    return sorted(set(found), key=lambda p: p.pattern)


SHIPPED = _shipped_patterns()
ALPHABET = sorted({c for p in SHIPPED for c in p.pattern if not c.isascii()} | set("0123456789XxAa.%年月日 \n*"))


def test_the_shipped_packs_have_patterns_to_gate():
    assert len(SHIPPED) > 50
    assert sum(gate_of(p) is not None for p in SHIPPED) > len(SHIPPED) // 2


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.data())
def test_a_gated_pattern_never_loses_a_match(text, data):
    pattern = data.draw(st.sampled_from(SHIPPED))
    if not may_match(pattern, text, frozenset(text)):
        assert pattern.search(text) is None, (pattern.pattern, text)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_gated_pattern_never_loses_a_match_in_text_that_holds_part_of_a_match(data):
    # the worst case for a gate: texts built from the pattern's own literals
    pattern = data.draw(st.sampled_from([p for p in SHIPPED if gate_of(p) is not None]))
    pieces = re.findall(r"[^\\\[\]().*+?{}|^$]+", pattern.pattern) or ["x"]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces + list("0123456789年月日。，")), max_size=12)))
    if not may_match(pattern, text, frozenset(text)):
        assert pattern.search(text) is None, (pattern.pattern, text)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_gate_of_a_block_answers_as_the_gate_of_a_text(data):
    from checker.speed.prefilter import may_match_in
    pattern = data.draw(st.sampled_from([p for p in SHIPPED if gate_of(p) is not None]))
    pieces = re.findall(r"[^\\\[\]().*+?{}|^$]+", pattern.pattern) or ["x"]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces + list("0123456789年月日。，")), max_size=12)))
    assert may_match_in(pattern, text) == may_match(pattern, text, frozenset(text))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_first_character_scan_finds_exactly_what_finditer_finds(data):
    from checker.speed.prefilter import _first_class, _sparse, finditer
    pattern = data.draw(st.sampled_from(SHIPPED))
    pieces = re.findall(r"[^\\\[\]().*+?{}|^$]+", pattern.pattern) or ["x"]
    words = pieces + list("0123456789XＸ×*年月日。，、 \n") + ["一是", "（一）", "第三"]
    text = "".join(data.draw(st.lists(st.sampled_from(words), max_size=30)))
    text += "普通的文字" * data.draw(st.integers(0, 300))   # long plain stretches make the scan sparse
    expected = [(m.span(), m.group(0)) for m in pattern.finditer(text)]
    assert [(m.span(), m.group(0)) for m in finditer(pattern, text)] == expected, pattern.pattern
    first = _first_class(pattern)
    if first is not None:  # the scan itself, whatever finditer chose for this pattern
        assert [(m.span(), m.group(0)) for m in _sparse(pattern, first, text)] == expected, pattern.pattern


@pytest.mark.parametrize("pattern, first", [
    (r"(?<![A-Za-z])[XＸ]{2,}", "XＸ"),
    (r"(?<=\d)万?元", "万元"),
    (r"a?b", "ab"),
    (r"(?:“)?党的(?:十九|二十)大", "“党"),
])
def test_first_characters_skip_lookbehinds_and_optional_parts(pattern, first):
    from checker.speed.prefilter import _first_class
    assert _first_class(re.compile(pattern)).pattern == "[" + "".join(sorted(first)) + "]"


def test_digits_and_ranges_begin_a_first_character_class():
    from checker.speed.prefilter import _first_class
    assert _first_class(re.compile(r"(?<![.])\d+[件起]|[一-九]次")).pattern == r"[\d一-九]"


@pytest.mark.parametrize("pattern", [r"\w+件", r".年", r"a*", r"(?:x|)y?", r"[^。]年",
                                     r"法治政府(?:建设)?纲要", r"(八|九)五普法", r"[七八]五普法"])
def test_no_first_character_scan_when_any_character_may_begin(pattern):
    from checker.speed.prefilter import _first_class
    assert _first_class(re.compile(pattern)) is None


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_a_twin_finds_the_same_matches_and_groups(data):
    from checker.speed.prefilter import twin
    pattern = data.draw(st.sampled_from(SHIPPED + HOISTABLE))
    pieces = re.findall(r"[^\\\[\]().*+?{}|^$]+", pattern.pattern) or ["x"]
    words = pieces + list("0123456789.-/第年月日。，、 \n") + ["2020", "12.5", "第3"]
    text = "".join(data.draw(st.lists(st.sampled_from(words), max_size=30)))
    fast = twin(pattern)
    assert [(m.span(), m.groups(), m.groupdict()) for m in fast.finditer(text)] == \
        [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)], pattern.pattern


HOISTABLE = [re.compile(p) for p in (
    r"(?<![\d.])\d+(?:\.\d+)?[十百千]", r"(?<![\d.])(?P<n>\d{2,4})日", r"(?<=第)(\d)次(?!会)",
    r"(?<![\d.])(?<!第)([0-4]\d)年", r"(?<!x)a{2,3}b", r"(?<!\d)((\d)\d?)月",
    r"(?<![\d.])((?:19|20)\d{2})(\d{1,2})月", r"(?<![A-Za-z])(?:[XＸ]{2,}|x月|\*{1,3}(?=[个件]))",
    # alternations whose alternatives begin with different classes: a union taken first
    r"(?<![A-Za-z\d])(?![\d]{4})[12xX][\dxX]{3}(?=年)|(?<![A-Za-z])[XxＸ]{2,}(?![A-Za-z])|(?<=第)[xX]",
    r"(?<=[a-z年])(?:\*{3}|\*)(?!\*)|\d+(?<!0)件|(?:第|x)月", r"(?:(?<!a)b|c{2,3}(?=d)|(?!bb)[bx]y)",
    r"(?<=(\d))a|b(c)|[d年]+?(?P<d>日)", r"[ab]x|(?<!1)\d{2}")]


def test_lookbehinds_move_after_the_first_character():
    from checker.speed.prefilter import twin
    assert all(twin(p) is not p for p in HOISTABLE)
    assert twin(re.compile(r"[XＸ]{2,}")) is not None           # nothing to move: the pattern itself
    plain = re.compile(r"\d+件")
    assert twin(plain) is plain
    grouped = re.compile(r"a|(?P<d>[d年]+)日")  # a group would lose its first character
    assert twin(grouped) is grouped
    assert sum(twin(p) is not p for p in SHIPPED) >= 5


def test_an_alternation_of_classes_takes_their_union_first():
    from re import _compiler
    from checker.speed.prefilter import twin
    pattern = re.compile(r"(?<![A-Za-z])[XxＸ]{2,}|(?<=第)[xX](?!a)|[〇○]{2,}(?=年)")
    fast = twin(pattern)
    assert fast is not pattern
    # the twin's compiled code opens with a charset: `re` skips to where a match can begin
    assert _compiler._get_charset_prefix(__import__("re")._parser.parse(pattern.pattern), 0) is None
    text = "某县XX年，第x次，〇〇年，Xx" * 3
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)] != []


def _date_patterns():
    from checker.checks import date_form as dates
    return [v for v in vars(dates).values() if isinstance(v, re.Pattern)]


ANCHORED = [re.compile(p) for p in (
    r"(?<![\d.])(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})日)?", r"(?<!\d)(0?\d{1,2})月",
    r"[一二三]?[是次]第", r"(?:ab|c)?xx", r"\d{1,3}(?=x)件件",
    r"党的\d{1,2}大|\d{1,2}届(?:全会|政协)|(?:人大|政协)\d次", r"(?<![\d.])((?:19|20)\d{2})(\d{1,2})月",
    r"(?:(?<=以)|(?<=学习))思想|(?<=以)新思想(?=为)", r"(?<=第|是)[一二三]?次", r"(?<=年)\s*[-－]\s*(?=\d)",
    r"(?<![\d.])\d*[1-9]余(?=[件个])|超过(?=\d)", r"(?<=[年月])(\d+\.\d+)\.(?=[年月])", r"(?<=年)[ \u3000]*[（(]一[)）]")]


@pytest.mark.parametrize("pattern, anchor", [
    (r"(?<![\d.])(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})日)?", (("月", 7),)),
    (r"(?<!\d)(0?\d{1,2})月", (("月", 3),)),
    (r"\d{1,3}(?=x)件件", (("件件", 3),)),
    (r"党的\d{1,2}大|\d{1,2}届(?:全会|政协)|(?:人大|政协)\d次", (("人大", 0), ("党的", 0), ("届", 2), ("政协", 0))),
    (r"(?<![\d.])((?:19|20)\d{2})(\d{1,2})月", (("月", 6),)),
    # a lookbehind the match opens with: its literal ends where the match begins
    (r"(?:(?<=以)|(?<=学习))思想|(?<=以)新思想(?=为)", (("以", -1), ("学习", -2))),
    (r"(?:(?<=以)|(?<=学习))思想|(?<=以)新思想(?=为)", (("思想", 0), ("新思想", 0))),  # the longest words
    (r"(?<=第|是)[一二三]?次", (("是", -1), ("第", -1))),
    (r"(?<=年)\s*[-－]\s*(?=\d)", (("年", -1),)),
])
def test_anchors_are_literals_a_few_characters_in(pattern, anchor):
    from checker.speed.prefilter import _anchor_of
    assert anchor in _anchor_of(re.compile(pattern))


@pytest.mark.parametrize("pattern, anchor", [
    (r"\d+月", (("月", r"[\d]"),)),            # no bound on how far in: after a run of digits
    (r"(?:\d\d)+年", (("年", r"[\d]"),)),
    (r"\d{20}月", (("月", r"[\d]"),)),          # too far in for a reach
    (r"(?<![\d.])\d*[1-9]余|超过(?=\d)", (("余", r"[1-9\d]"), ("超过", 0))),
    (r"(\d+\.\d+)\.(?=年)", ((".", r"[\d]"),)),
])
def test_a_literal_after_a_run_of_class_characters_is_an_anchor(pattern, anchor):
    from checker.speed.prefilter import _anchor_of
    assert anchor in _anchor_of(re.compile(pattern))


@pytest.mark.parametrize("pattern", [
    r"[^，]+月",          # no bound on how far in, and no class that bounds the run
    r"月\d",             # at the start: re finds it by itself
    r"(?:月|日)\d",      # every literal at the start: re finds them by itself
    r"\d月|.*日",        # one alternative without an anchor
    r"(?:\d|.)+年",      # no bound on how far in
    r"(?i)ab?c",         # case variants
    r"(?<=年)",          # an empty match
    r"新修订(?:的)?《法》",  # re skips ahead to 新修订 by itself
    r"(?<=信息|文章)(?:条|篇)",  # the twin skips ahead to [条篇]
])
def test_no_anchor(pattern):
    from checker.speed.prefilter import _anchor_of
    assert _anchor_of(re.compile(pattern)) is None


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_the_anchor_scan_finds_exactly_what_finditer_finds(data):
    from checker.speed.prefilter import _anchor_of, _anchored, finditer
    candidates = [p for p in SHIPPED + _date_patterns() + ANCHORED if _anchor_of(p) is not None]
    pattern = data.draw(st.sampled_from(candidates))
    pieces = re.findall(r"[^\\\[\]().*+?{}|^$]+", pattern.pattern) or ["x"]
    words = pieces + list("0123456789.年月日是次第件x。，、 \n") + ["2020", "03", "12"] + FULL_REACH
    text = "".join(data.draw(st.lists(st.sampled_from(words), max_size=40)))
    text += "普通的文字" * data.draw(st.integers(0, 200))
    text = "".join(data.draw(st.permutations(text.split("字")))) if data.draw(st.booleans()) else text
    expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    for one in _anchor_of(pattern):  # whichever set the text makes cheapest
        assert [(m.span(), m.groups()) for m in _anchored(pattern, (one,), text)] == expected, \
            (pattern.pattern, one, text)
    assert [(m.span(), m.groups()) for m in finditer(pattern, text)] == expected


# matches whose anchor stands as far in as the pattern allows
FULL_REACH = ["2020年12月", "2019年10月31日", "03月", "123件件", "ab是第", "cxx", "2020年1011", "201912月",
              "党的19大", "12届政协", "19届四中全会", "人大3次", "2020年",
              "以思想", "学习新思想为", "以新思想为", "第次", "是二次", "2020年 - 3",
              "1200余件", "超过3", "年12.5.月", "年  （一）"]


@pytest.mark.parametrize("text", FULL_REACH)
def test_the_anchor_scan_finds_matches_with_the_anchor_furthest_in(text):
    from checker.speed.prefilter import _anchor_of, _anchored
    padded = "普通的文字" * 200 + text + "普通的文字" * 200
    for pattern in _date_patterns() + ANCHORED:
        for one in _anchor_of(pattern) or ():
            assert [m.span() for m in _anchored(pattern, (one,), padded)] == \
                [m.span() for m in pattern.finditer(padded)], (pattern.pattern, one, text)


def test_the_shipped_date_patterns_have_anchors():
    from checker.speed.prefilter import _anchor_of
    assert sum(_anchor_of(p) is not None for p in _date_patterns()) >= 4
