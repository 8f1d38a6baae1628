"""Numbering rules (N1xx): heading markers, levels, sequences, bracket width, enumerations.

The mini-reports in tests/fixtures/numbering/ are our own text. A defect is
marked at the end of its line as 〔RULE〕 or 〔RULE:expected〕; each `X.txt`
has a correct twin `X.good.txt` (or a shared one) that must stay silent.
"""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings, strategies as st

from checker.checks._numbering import walk
from conftest import FIXTURES, lint

NUMBERING = FIXTURES / "numbering"
MARK = re.compile(r"〔(N\d{3})(?::([^〕]*))?〕")
BAD = sorted(p for p in NUMBERING.glob("*.txt") if not p.name.endswith(".good.txt"))
GOOD = sorted(NUMBERING.glob("*.good.txt"))
TWIN = {"sequence-gap": "sequence", "sequence-repeat": "sequence", "sequence-start": "sequence",
        "sequence-order": "sequence", "bracket-mixed": "bracket-mixed"}


def _clean(text: str) -> str:
    return MARK.sub("", text)


def marked(text: str) -> set[tuple[int, str, str | None]]:
    out = set()
    for no, line in enumerate(text.splitlines(), 1):
        for m in MARK.finditer(line):
            out.add((no, m.group(1), m.group(2)))
    return out


def numbering(text: str, **config):
    return [f for f in lint(text, select=("numbering",), **config) if f.category == "numbering"]


def found(text: str) -> set[tuple[int, str, str | None]]:
    return {(f.line, f.rule, f.expected) for f in numbering(text)}


def apply_all(text: str, findings) -> str:
    """Apply every finding's fixes, first come first served (as --fix does)."""
    taken = []
    for f in sorted(findings, key=lambda f: min((s for s, _, _ in f.fixes), default=0)):
        if f.fixes and not any(s < te and ts < e for s, e, _ in f.fixes for ts, te, _ in taken):
            taken.extend(f.fixes)
    out, pos = [], 0
    for s, e, new in sorted(set(taken)):
        out += [text[pos:s], new]
        pos = e
    return "".join(out) + text[pos:]


# -- the fixtures: every marked defect found, nothing else ----------------------

@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_marked_defects_are_found_and_nothing_else(path):
    text = path.read_text(encoding="utf-8")
    want = marked(text)
    assert want, f"{path.name} marks no defect"
    assert found(_clean(text)) == want


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.stem)
def test_correct_twins_stay_silent(path):
    text = path.read_text(encoding="utf-8")
    assert not MARK.search(text)
    assert numbering(text) == [], [(f.line, f.rule, f.message) for f in numbering(text)]


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_every_defect_fixture_has_a_correct_twin(path):
    twin = NUMBERING / (TWIN.get(path.stem, path.stem) + ".good.txt")
    assert twin.exists(), f"{path.name} has no correct twin"


@pytest.mark.parametrize("stem", ["missing-numeral", "wrong-delimiter", "sequence-gap", "sequence-repeat"])
def test_fixes_turn_the_defect_into_its_twin(stem):
    text = _clean((NUMBERING / f"{stem}.txt").read_text(encoding="utf-8"))
    fixed = apply_all(text, numbering(text))
    if stem.startswith("sequence"):
        assert numbering(fixed) == []
    else:
        assert fixed == (NUMBERING / f"{stem}.good.txt").read_text(encoding="utf-8")


# -- missing numerals ----------------------------------------------------------------

def test_missing_numerals_take_their_place_in_the_sequence_and_keep_the_bracket_width():
    text = ("一、主要工作\n\n(一)加强领导。\n\n二、存在的问题\n\n()领导干部法治意识有待增强。\n\n"
            "()行政决策程序有待规范。\n\n()执法规范化建设有待加强。\n\n三、下一步打算\n\n"
            "()突出示范引领。\n\n()规范决策程序。\n\n(三)规范执法行为。\n")
    got = [(f.rule, f.expected, f.quote) for f in numbering(text)]
    assert got == [("N101", "(一)", "()"), ("N101", "(二)", "()"), ("N101", "(三)", "()"),
                   ("N101", "(一)", "()"), ("N101", "(二)", "()")]
    fixes = [f.fixes for f in numbering(text)]
    assert all(len(fx) == 1 and fx[0][2] in ("(一)", "(二)", "(三)") for fx in fixes)


def test_missing_level_one_numerals_give_one_finding_each_and_no_gap():
    text = "一、主要工作\n\n内容。\n\n、存在的问题及建议\n\n内容。\n\n、下一步工作打算\n\n内容。\n"
    assert [(f.rule, f.expected) for f in numbering(text)] == [("N101", "二、"), ("N101", "三、")]


def test_a_missing_numeral_in_a_mostly_full_width_document_gets_full_width_brackets():
    text = "一、工作\n\n（一）甲。\n\n()乙。\n\n（三）丙。\n\n（四）丁。\n"
    by_rule = {f.rule: f for f in numbering(text)}
    assert by_rule["N101"].expected == "（二）"
    assert "N109" not in by_rule   # one finding per heading: N101's fix brings the width
    assert "N103" not in by_rule
    by_rule = {f.rule: f for f in numbering(text.replace("（三）", "(三)"))}
    assert by_rule["N109"].expected == "（三）"


# -- sequences restart under each parent, at every level -------------------------------

RESTART = {
    2: "一、甲\n\n（一）子一。\n\n（二）子二。\n\n二、乙\n\n（一）子一。\n\n（二）子二。\n",
    3: "一、甲\n\n（一）子\n\n1.孙一。\n\n2.孙二。\n\n（二）子\n\n1.孙一。\n\n2.孙二。\n",
    4: "一、甲\n\n（一）子\n\n1.孙\n\n（1）曾孙一。\n\n（2）曾孙二。\n\n2.孙\n\n（1）曾孙一。\n\n（2）曾孙二。\n",
}


@pytest.mark.parametrize("level", sorted(RESTART))
def test_sequence_restarts_under_a_new_parent(level):
    assert numbering(RESTART[level]) == []


THIRD = {  # a third parent whose children carry on from the second parent's
    2: "\n三、丙\n\n（三）子一。\n\n（四）子二。\n",
    3: "\n（三）子\n\n3.孙一。\n\n4.孙二。\n",
    4: "\n3.孙\n\n（3）曾孙一。\n",
}


@pytest.mark.parametrize("level", sorted(RESTART))
def test_a_sequence_that_does_not_restart_where_the_others_do_is_reported(level):
    text = RESTART[level] + THIRD[level]
    expected = {2: "（一）", 3: "1.", 4: "（1）"}[level]
    assert [(f.rule, f.expected) for f in numbering(text)] == [("N105", expected)]


@pytest.mark.parametrize("level", sorted(RESTART))
def test_numbering_straight_through_the_document_is_a_style_not_a_defect(level):
    first, second = {2: ("二、乙\n\n（一）子一。\n\n（二）子二。", "二、乙\n\n（三）子一。\n\n（四）子二。"),
                     3: ("（二）子\n\n1.孙一。\n\n2.孙二。", "（二）子\n\n3.孙一。\n\n4.孙二。"),
                     4: ("2.孙\n\n（1）曾孙一。\n\n（2）曾孙二。", "2.孙\n\n（3）曾孙一。\n\n（4）曾孙二。")}[level]
    text = RESTART[level].replace(first, second)
    assert text != RESTART[level]
    assert numbering(text) == []
    last = second.rsplit("\n", 1)[1]
    gap = text.replace(last, last.replace("四", "五").replace("4.", "5.").replace("（4）", "（5）"))
    assert gap != text
    assert [f.rule for f in numbering(gap)] == ["N103"]


def test_level_one_numbering_is_not_reset_by_the_children_between():
    text = "一、甲\n\n（一）子。\n\n（二）子。\n\n二、乙\n\n（一）子。\n\n三、丙\n\n内容。\n"
    assert numbering(text) == []
    bad = text.replace("三、丙", "一、丙")
    assert numbering(bad) == []  # NOTE: back to 一 after 二 is a new part, never a finding
    bad = text.replace("二、乙", "一、乙")
    assert [(f.rule, f.expected) for f in numbering(bad)] == [("N104", "二、")]


def test_numerals_up_to_ninety_nine():
    cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"]
    text = "".join(f"{n}、第{n}部分\n\n内容。\n\n" for n in cn)
    assert numbering(text) == []
    gap = text.replace("十二、", "十三、", 1).replace("十三、第十三", "十四、第十三")
    assert [(f.rule, f.expected) for f in numbering(gap)] == [("N103", "十二、")]
    arabic = "一、工作\n\n（一）事项\n\n" + "".join(f"{i}.第{i}项。\n\n" for i in range(1, 13))
    assert numbering(arabic) == []
    assert [(f.rule, f.expected) for f in numbering(arabic.replace("11.第11项", "13.第11项"))] \
        == [("N103", "11.")]
    big = "一、工作\n\n" + "".join(f"（{i}）第{i}项。\n\n" for i in range(1, 3))
    assert [f.rule for f in numbering(big)] == ["N107"]


def test_a_gap_fix_renumbers_the_siblings_that_follow():
    text = "一、工作\n\n（一）甲。\n\n（二）乙。\n\n（四）丙。\n\n（五）丁。\n"
    (f,) = numbering(text)
    assert f.rule == "N103" and f.expected == "（三）"
    assert [new for _, _, new in f.fixes] == ["（三）", "（四）"]
    assert numbering(apply_all(text, [f])) == []


# -- levels -----------------------------------------------------------------------------

def test_a_report_whose_top_level_is_the_second_level_is_well_formed():
    text = "（一）加强领导。内容。\n\n（二）规范执法。内容。\n\n（三）存在的问题。内容。\n"
    assert numbering(text) == []


def test_a_single_level_one_heading_does_not_make_earlier_headings_misplaced():
    text = "（一）加强领导。内容。\n\n（二）规范执法。内容。\n\n一、下一步打算\n\n内容。\n"
    assert "N108" not in [f.rule for f in numbering(text)]


# -- bracket width ----------------------------------------------------------------------

def test_mixed_bracket_widths_give_one_finding_with_counts_at_the_first_minority():
    text = ("一、工作\n\n(一)甲。\n\n(二)乙。\n\n（三）丙。\n\n(四)丁。\n\n二、问题\n\n"
            "（一）戊。\n\n(二)己。\n")
    fs = [f for f in numbering(text) if f.rule == "N109"]
    assert len(fs) == 1
    f = fs[0]
    assert f.line == 7 and f.expected == "(三)"
    assert "4" in f.message and "2" in f.message
    assert len(f.fixes) == 2 and all(new.startswith("(") for _, _, new in f.fixes)


# -- enumerations -------------------------------------------------------------------------

def test_a_list_continues_into_the_next_paragraph_of_its_section():
    text = "一、工作\n\n（一）领导。一是健全机制；二是强化督查。\n\n三是落实述法。\n\n四是加强考核。\n"
    assert numbering(text) == []


def test_a_heading_starts_a_new_list():
    text = "一、工作\n\n（一）领导。一是健全机制；二是强化督查。\n\n（二）执法。二是规范执法。\n"
    assert [(f.rule, f.expected) for f in numbering(text)] == [("N112", "一是")]
    ok = "一、工作\n\n（一）领导。一是健全机制；二是强化督查。\n\n（二）执法。一是规范执法。\n"
    assert numbering(ok) == []


def test_enumeration_look_alikes_are_not_items():
    text = ("一、工作\n\n坚持统一是非标准，做到一是一、二是二。"
            "各单位对是否整改逐项核查，第二、三季度共检查46次，“二是”一词不作列举。"
            "排名全市第二，其次是社区矫正工作稳步推进。\n")
    assert numbering(text) == []


def test_zui_hou_ends_a_list_and_qi_ci_alone_is_a_connective():
    assert numbering("一、工作\n\n首先，健全机制；最后，强化督查。首先，落实述法。\n") == []
    assert numbering("一、工作\n\n其次，执法力量仍显不足。\n") == []
    repeat = numbering("一、工作\n\n首先，健全机制；其次，强化督查；其次，落实述法。\n")
    assert [(f.rule, f.expected) for f in repeat] == [("N111", "再次")]


# -- examples and the real corpus -------------------------------------------------------------

def test_defective_example_is_reported_sensibly():
    from conftest import EXAMPLES
    text = (EXAMPLES / "defective-2020.txt").read_text(encoding="utf-8")
    got = {(f.line, f.rule, f.expected) for f in numbering(text)}
    assert {(12, "N101", "（二）"), (14, "N103", "（三）"), (16, "N102", "（五）"),
            (20, "N112", "一是"), (22, "N101", "二、"), (24, "N110", "二是"),
            (28, "N111", "再次")} == got


def test_clean_example_has_no_numbering_finding():
    from conftest import EXAMPLES
    assert numbering((EXAMPLES / "clean-2023.txt").read_text(encoding="utf-8")) == []


def test_corpus_numbering_defects_found_and_nothing_else(corpus):
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (corpus / gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        quotes = [g for g in gold["findings"] if g["kind"] == "numbering"]
        fs = numbering(text)
        for g in quotes:
            at = text.find(g["quote"])
            hits = [f for f in fs if f.start < at + len(g["quote"]) and at < f.end]
            assert hits, f"{gold_path.name}: missed {g['quote']!r}"
            assert g["expected"].startswith(hits[0].expected), (g, hits[0].expected)
        assert len(fs) == len(quotes), [(f.line, f.rule, f.message) for f in fs]


def test_a_marker_hidden_by_a_lost_full_stop_is_not_a_missing_item():
    text = "一、工作\n\n（一）加强领导一是健全机制。\n\n二是强化督查；三是落实述法。\n\n（二）规范执法\n\n内容，四是规范执法。\n"
    assert numbering(text) == []
    text = "一、工作\n\n（一）加强领导。一是健全机制，机制统二是强化督查；三是落实述法。\n"
    assert numbering(text) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(1, 99)), max_size=14))
def test_walk_gives_sane_breaks_for_any_sequence(numbers):
    breaks = walk(numbers)
    assert all(0 <= b.index < len(numbers) and b.expected >= 1 for b in breaks)
    assert all(0 <= i < len(numbers) and n >= 1 for b in breaks for i, n in b.renumber)
    assert len({b.index for b in breaks}) == len(breaks)  # one finding per heading at most
    assert sum(b.kind == "missing" for b in breaks) == numbers.count(None)


@given(st.integers(2, 40), st.integers(1, 99))
def test_walk_accepts_consecutive_sequences_and_restarts(length, again):
    numbers = list(range(1, length + 1))
    assert walk(numbers) == []
    assert walk(numbers + list(range(1, again + 1))) == []  # back to 1: a new list


def test_an_outer_list_resumes_after_a_nested_list():
    text = "一、工作\n\n一是健全机制；二是强化督查；三是加强监督：一是人大监督，二是司法监督；四是落实述法。\n"
    assert numbering(text) == []
    text = text.replace("四是落实", "五是落实")
    assert [(f.rule, f.expected) for f in numbering(text)] == [("N110", "三是")]


def test_a_paragraph_opening_with_a_range_of_months_or_quarters_is_not_a_heading():
    text = ("一、主要工作\n\n（一）加强领导。\n\n三、四月份，全县开展专项整治。\n\n"
            "一、二季度共受理案件12件。\n\n二、存在的问题\n\n内容。\n")
    assert numbering(text) == []


_ENUM_PIECES = ["一是", "二是", "三是", "第一，", "第二、", "首先，", "其次，", "最后：", "是否", "第", "一", "十",
                "加强", "。", "，", "\n", "\n\n", "一、", "（二）", "3.", "  ", "是"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ENUM_PIECES), max_size=50))
def test_the_whole_text_scan_skips_only_blocks_without_markers(pieces):
    from checker.document.language import _items_in, _units
    from checker.document.outline import build
    doc = build("某县2020年法治政府建设情况报告\n\n" + "".join(pieces))
    every_block = [item for unit, blocks in enumerate(_units(doc)) for para in blocks
                   for item in _items_in(para, unit, doc)]
    assert doc.enumerations == tuple(sorted(every_block, key=lambda e: e.span.start))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ENUM_PIECES + ["第一是", "十一是", "二十三是", "第十二：", "最后", "首先", "是是",
                                                "一二三是", "第第一，", "五"]), max_size=60))
def test_markers_are_exactly_what_the_marker_pattern_finds(pieces):
    from checker.document.language import _ENUM, markers
    text = "".join(pieces)
    assert [(m.span(), m.groups()) for m in markers(text)] == [(m.span(), m.groups()) for m in _ENUM.finditer(text)]
