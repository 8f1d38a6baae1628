"""Official formulations and law citations (W201–W207): the vocabularies, the near-miss
matcher, bad/good pairs per rule, and the two example reports."""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import given, settings, strategies as st

from checker.checks._formulations import (MIN_FUZZY, NearMatcher, Skeleton, Target, han, load_formulations,
                                          load_laws, one_edit)
from checker.checks._timeline import parse_date
from checker.config import Config
from checker.linter import lint_text
from checker.resources import vocab_path
from conftest import EXAMPLES

RULES = ("W201", "W202", "W203", "W204", "W205", "W206", "W207")


def found(text: str, *rules: str, **config) -> list[tuple[str, str]]:
    return [(f.rule, f.quote) for f in lint_text(text, Config(select=rules or RULES, **config)) if f.rule in RULES]


def report(year: int, body: str) -> str:
    return f"某县{year}年法治政府建设情况报告\n\n{body}\n"


# --- the vocabularies -------------------------------------------------------------------

def test_every_formulation_has_a_source_and_valid_dates():
    entries, defer = load_formulations()
    assert len(entries) >= 40
    texts = [f.text for f in entries]
    assert len(texts) == len(set(texts)), "one entry per formulation"
    for f in entries:
        assert f.source and len(f.source) >= 6, f.text
        assert dt.date(1949, 10, 1) <= f.start <= dt.date.today(), f.text
        if f.until is not None:
            assert f.start <= f.until <= dt.date.today(), f.text
        for form in (f.text, *f.forms):
            assert han(form), form
        for i in f.items:
            assert i in f.text.replace("“", "").replace("”", "") or any(i in x for x in f.forms), (f.text, i)
    for d in defer:
        re.compile(d)
    groups = {f.group for f in entries if f.group}
    for g in groups:   # a group's periods follow one another: one is current today
        assert sum(1 for f in entries if f.group == g and f.until is None) == 1, g


def test_every_law_has_a_source_and_valid_dates():
    laws, as_of = load_laws()
    assert len(laws) >= 300
    titles = [law.title for law in laws]
    assert len(titles) == len(set(titles))
    listed = set(titles)
    for law in laws:
        assert law.source and len(law.source) >= 6, law.title
        assert law.enacted <= as_of, law.title
        assert all(law.enacted <= r <= as_of for r in law.revised), law.title
        if law.in_force is not None:
            assert law.in_force >= law.enacted, law.title
        if law.repealed is not None:
            assert law.enacted <= law.repealed and law.by in listed, law.title
    by_title = {law.title: law for law in laws}
    civil = by_title["中华人民共和国民法典"]
    assert civil.in_force == dt.date(2021, 1, 1)
    for gone in ("合同法", "物权法", "婚姻法", "继承法", "侵权责任法", "担保法", "收养法", "民法通则", "民法总则"):
        law = by_title["中华人民共和国" + gone]
        assert (law.repealed, law.by) == (dt.date(2021, 1, 1), "中华人民共和国民法典"), gone
    assert by_title["中华人民共和国行政复议法"].in_force == dt.date(2024, 1, 1)
    assert by_title["中华人民共和国行政处罚法"].in_force == dt.date(2021, 7, 15)
    assert by_title["中华人民共和国政府信息公开条例"].in_force == dt.date(2019, 5, 15)
    for name in ("行政许可法", "行政强制法", "行政诉讼法", "国家赔偿法", "立法法", "宪法", "监察法", "公职人员政务处分法"):
        assert "中华人民共和国" + name in by_title, name
    for name in ("优化营商环境条例", "重大行政决策程序暂行条例"):
        assert name in by_title


@pytest.mark.parametrize("name,key", [("formulations.yaml", "formulations"), ("laws.yaml", "laws"),
                                      ("laws.yaml", "regulations")])
def test_vocabularies_hold_one_entry_a_line(name, key):
    """Maintainable: each entry is one flow mapping on one line, with a source and dates."""
    lines = open(vocab_path(name), encoding="utf-8").read().split("\n")
    start = lines.index(f"{key}:")
    entries = 0
    for line in lines[start + 1:]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith("  "):
            break
        assert line.startswith("  - {") and line.endswith("}"), line
        assert "source: " in line, line
        for value in re.findall(r"(?:from|until|enacted|in_force|repealed): ([^,}]+)", line):
            parse_date(value.strip(), "date")
        entries += 1
    assert entries >= 10


# --- the matcher ------------------------------------------------------------------------

@pytest.mark.parametrize("window,target,expected", [
    ("习近平法制思想", "习近平法治思想", True),                     # substituted inside
    ("习近平新时代中国特色社会义思想", "习近平新时代中国特色社会主义思想", True),  # dropped inside
    ("推进法治政府建设第一责任人", "推进法治建设第一责任人", False),   # two characters added
    ("推动法治建设第一责任人", "推进法治建设第一责任人", False),       # at the edge of a short one
    ("把权力关进制度笼子里", "把权力关进制度的笼子里", False),         # 的 dropped: a paraphrase
    ("法治政府建设实施纲要", "法治政府建设实施纲要", False),           # the same
    ("法治国家法治政府法治社会一体化建设", "法治国家法治政府法治社会一体建设", True),
    ("坚持依法治国依法执政依法行政共同推近", "坚持依法治国依法执政依法行政共同推进", True),  # a long one's last
])
def test_one_edit(window, target, expected):
    assert one_edit(window, target) is expected


def test_the_matcher_finds_every_single_edit_that_brute_force_finds():
    entries, _ = load_formulations()
    targets = [Target(han(f.text), f.text, n, frozenset()) for n, f in enumerate(entries)
               if f.fuzzy and len(han(f.text)) >= MIN_FUZZY]
    matcher = NearMatcher(targets, {t.chars for t in targets})
    rng = random.Random(25)
    filler = "我县坚持依法行政推进工作取得成效群众满意度提升"
    for _ in range(300):
        t = rng.choice(targets)
        i = rng.randrange(1, len(t.chars) - 1)
        op = rng.choice("sid")
        c = rng.choice("龙凤麟鹤")
        w = {"s": t.chars[:i] + c + t.chars[i + 1:], "i": t.chars[:i] + c + t.chars[i:],
             "d": t.chars[:i] + t.chars[i + 1:]}[op]
        text = "".join(rng.sample(filler, 8)) + w + "".join(rng.sample(filler, 8))
        brute = {(s, e) for s in range(len(text)) for e in range(s + 1, len(text) + 1)
                 if one_edit(text[s:e], t.chars) and text[s:e] not in matcher.exact}
        got = {(s, e) for s, e, x in matcher.find(text) if x.chars == t.chars}
        assert brute <= got | {(s, e) for s, e in brute if any(a <= s and e <= b for a, b in matcher._exact_spans(text))}, (w, t.chars)


def test_skeleton_maps_back_to_the_text():
    text = "ab习近平\n\n，法治思想x\n2020年\n\n中国特色。"
    sk = Skeleton(text)
    assert [text[sk.offset(i)] for i in range(len(sk.chars))] == list(sk.chars)
    assert sk.span(0, 3) == (2, 5)


# --- W201 misquoted formulations --------------------------------------------------------

@pytest.mark.parametrize("body,quote,expected", [
    ("坚持以习近平新时代中国特色社会义思想为指导。", "习近平新时代中国特色社会义思想", "习近平新时代中国特色社会主义思想"),
    ("深入学习贯彻习近平法制思想。", "习近平法制思想", "习近平法治思想"),
    ("加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁守信、人民满意的法治政府。",
     "职能科学、权责法定、执法严明、公开公正、智能高效、廉洁守信、人民满意",
     "职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意"),
    ("全面落实重大执法决定法治审核制度。", "重大执法决定法治审核制度", "重大执法决定法制审核制度"),
    ("县长认真履行推进法治政府建设第一责任人职责。", "推进法治政府建设第一责任人", "推进法治建设第一责任人"),
    ("推进法治国家、法治政府、法治社会一体化建设。", "法治国家、法治政府、法治社会一体化建设", "法治国家、法治政府、法治社会一体建设"),
    ("召开县委全面依法治县委员会办公室会义。", None, None),   # not a formulation
])
def test_misquotes(body, quote, expected):
    got = [f for f in lint_text(report(2022, body), Config(select=("W201",))) if f.rule == "W201"]
    if quote is None:
        assert not got
    else:
        assert [(f.quote, f.expected) for f in got] == [(quote, expected)]


@pytest.mark.parametrize("body", [
    "坚持依法治县、依法执政、依法行政共同推进。",              # the county's own wording
    "以述法全覆盖推动法治建设第一责任人职责落地见效。",          # 推动 is the verb
    "不断巩固“全国法治政府建设示范区”创建成果。",               # 示范区, a title
    "牢固树立创新、协调、绿色、开放、共享的发展理念。",          # the 2015 wording
    "完善中国特色社会主义法律体系，推进政府治理体系和治理能力现代化。",
    "落实党政主要负责人履行推进法治建设第一责任人职责，定期听取汇报。",  # across a comma
    "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核等制度。",
    "重庆市实行行政执法公开制度。",
    "县长认真履行法治政府建设第一责任人职责，把权力关进制度笼子里。",
    "严格落实《法制政府建设实施纲要》。",                          # W106's
])
def test_similar_phrases_and_paraphrases_stay_silent(body):
    assert found(report(2022, body), "W201") == []


# --- W202 mixed, W203 past, W204 early ---------------------------------------------------

def test_mixed_goal_is_reported_in_any_year_with_the_current_wording():
    text = report(2019, "建设职能科学、权责法定、执法严明、公开公正、智能高效、守法诚信的法治政府。")
    got = [f for f in lint_text(text, Config(select=("W202",))) if f.rule == "W202"]
    assert [f.expected for f in got] == ["职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信"]


def test_a_short_common_phrase_is_not_a_mix():
    assert found(report(2022, "打造公开公正、廉洁高效、人民满意的服务型政府。"), "W202") == []
    assert found(report(2022, "打造廉洁高效、人民满意的服务型机关。"), "W202") == []


@pytest.mark.parametrize("year,body,rule,quote", [
    (2022, "我县加快建设职能科学、权责法定、执法严明、公开公正、廉洁高效的法治政府。", "W203",
     "职能科学、权责法定、执法严明、公开公正、廉洁高效"),
    (2018, "坚持以邓小平理论、“三个代表”重要思想、科学发展观为指导。", "W203",
     "以邓小平理论、“三个代表”重要思想、科学发展观为指导"),
    (2020, "深刻领悟“两个确立”的决定性意义。", "W204", "两个确立"),
    (2021, "坚持以中国式现代化全面推进中华民族伟大复兴。", "W204", "以中国式现代化全面推进中华民族伟大复兴"),
])
def test_other_periods(year, body, rule, quote):
    assert found(report(year, body), rule) == [(rule, quote)]


@pytest.mark.parametrize("body", [
    "“十三五”时期，我县建设职能科学、权责法定、执法严明、公开公正、廉洁高效的法治政府的目标如期实现。",
    "原纲要提出的职能科学、权责法定、执法严明、公开公正、廉洁高效的目标基本实现。",
])
def test_the_former_formula_quoted_as_such_is_not_reported(body):
    assert found(report(2022, body), "W203") == []


def test_the_whole_old_goal_is_left_to_w102():
    text = report(2022, "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。")
    rules = [f.rule for f in lint_text(text)]
    assert "W102" in rules and "W203" not in rules


def test_year_guessed_from_the_body_judges_nothing():
    text = ("工作总结\n\n全县工作总结如下。\n\n一、主要工作\n\n"
            "2020年，全县党员干部深刻领悟“两个确立”的决定性意义，依据《合同法》审查合同。\n")
    assert found(text, "W204", "W205") == []


# --- W205 repealed, W206 before enactment, W207 unknown ---------------------------------

@pytest.mark.parametrize("body,quote,expected", [
    ("依据《合同法》有关规定规范合同管理。", "《合同法》", "《民法典》"),
    ("严格执行《中华人民共和国物权法》。", "《中华人民共和国物权法》", "《中华人民共和国民法典》"),
    ("县司法局依照合同法审查合同。", "合同法", "《民法典》"),
])
def test_repealed_laws_cited_as_current(body, quote, expected):
    got = [f for f in lint_text(report(2022, body), Config(select=("W205",))) if f.rule == "W205"]
    assert [(f.quote, f.expected, f.severity) for f in got] == [(quote, expected, "error")]


def test_a_law_repealed_mid_year_is_reported_from_the_next_year():
    body = "落实《中华人民共和国执业医师法》。"   # repealed on 1 March 2022 by the 医师法
    assert found(report(2022, body), "W205") == []
    got = [f for f in lint_text(report(2023, body), Config(select=("W205",))) if f.rule == "W205"]
    assert [(f.quote, f.expected) for f in got] == [("《中华人民共和国执业医师法》", "《中华人民共和国医师法》")]


@pytest.mark.parametrize("year,body", [
    (2022, "《民法典》自2021年1月1日起施行，《合同法》《物权法》同时废止。"),
    (2022, "对照原《合同法》的规定梳理存量合同。"),
    (2022, "《民法典》施行前签订的合同，仍适用当时的《合同法》。"),
    (2020, "依据《合同法》有关规定规范合同管理。"),
    (2018, "严格执行《中华人民共和国行政监察法》。"),     # repealed on 20 March 2018: mid-year
    (2022, "依据《民法典》有关规定规范合同管理。"),
])
def test_history_and_the_repeal_year_are_not_reported(year, body):
    assert found(report(year, body), "W205") == []


def test_law_before_enactment_and_drafts():
    assert found(report(2018, "执行《中华人民共和国公职人员政务处分法》。"), "W206") == \
        [("W206", "《中华人民共和国公职人员政务处分法》")]
    assert found(report(2019, "配合做好《中华人民共和国公职人员政务处分法（草案）》征求意见。"), "W206") == []
    assert found(report(2019, "积极参与《中华人民共和国公职人员政务处分法》草案的审议调研。"), "W206") == []


def test_unknown_law_titles():
    got = [f for f in lint_text(report(2022, "学习《中华人民共和国行政复议条法》和《中华人民共和国法治政府促进法》。"),
                                Config(select=("W207",))) if f.rule == "W207"]
    assert [(f.quote, f.expected) for f in got] == [
        ("《中华人民共和国行政复议条法》", "《中华人民共和国行政复议法》"), ("《中华人民共和国法治政府促进法》", None)]
    known = "学习《中华人民共和国行政复议法实施条例》《中华人民共和国刑法修正案（十一）》《中华人民共和国行政处罚法（2021年修订）》。"
    assert found(report(2022, known), "W207") == []
    # a report written after the list's as_of day may cite a law adopted since
    assert found(report(2030, "学习《中华人民共和国法治政府促进法》。"), "W207") == []


def test_nested_titles_cite_the_interpretation_not_the_law():
    text = report(2022, "学习《最高人民法院关于适用〈中华人民共和国合同法〉若干问题的解释（二）》。")
    assert found(text, "W205", "W207") == []


# --- the example reports ----------------------------------------------------------------

def test_clean_example_has_no_error_or_warning_with_every_default_rule():
    text = (EXAMPLES / "formulations-clean-2023.txt").read_text(encoding="utf-8")
    bad = [(f.rule, f.message) for f in lint_text(text) if f.severity in ("error", "warning")]
    assert bad == []
    formulations, _ = load_formulations()
    laws, _ = load_laws()
    used = [f for f in formulations if f.text in text] + [law for law in laws if f"《{law.title}》" in text]
    assert len(used) >= 12
    assert "《中华人民共和国合同法》" in text and "废止" in text   # the history sentence


PLANTED = [
    ("W201", "习近平新时代中国特色社会义思想"), ("W201", "习近平法制思想"), ("W201", "推进法治政府建设第一责任人"),
    ("W201", "重大执法决定法治审核制度"),
    ("W201", "职能科学、权责法定、执法严明、公开公正、智能高效、廉洁守信、人民满意"),
    ("W202", "职能科学、权责法定、执法严明、公开公正、廉洁高效、人民满意"),
    ("W203", "全面建成小康社会、全面深化改革、全面依法治国、全面从严治党"),
    ("W204", "中共中央关于进一步全面深化改革、推进中国式现代化的决定"),
    ("W205", "《合同法》"), ("W205", "《中华人民共和国担保法》"), ("W205", "《中华人民共和国行政监察法》"),
    ("W206", "《中华人民共和国民营经济促进法》"),
    ("W207", "《中华人民共和国行政复议条法》"), ("W207", "《中华人民共和国法治政府建设促进法》"),
]


def test_defective_example_gives_every_planted_finding_and_nothing_else_of_these_rules():
    text = (EXAMPLES / "formulations-defective-2022.txt").read_text(encoding="utf-8")
    got = [(f.rule, f.quote) for f in lint_text(text) if f.rule in RULES]
    assert sorted(got) == sorted(PLANTED)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="法治政府，1 a\n《》㐀", max_size=60))
def test_skeleton_offsets_are_where_each_chinese_character_stands(text):
    from checker.checks._formulations import Skeleton, han
    sk = Skeleton(text)
    where = [j for j, c in enumerate(text) if "\u3400" <= c <= "\u4dbf" or "\u4e00" <= c <= "\u9fff"]
    assert sk.chars == "".join(text[j] for j in where)
    assert han(text * 3000) == sk.chars * 3000     # a long text is taken in slices
    assert [sk.offset(i) for i in range(len(where) + 1)] == where + [len(text)]
