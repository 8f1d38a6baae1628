"""Text rules: paired marks, punctuation and numbers (P1xx), dates (D1xx),
placeholders (X1xx) and time-bound terms and wording (W1xx).

Whole reports in tests/fixtures/text/ carry their expectations inline: a line
ending in 〔D101〕 must get exactly that finding, and every other line none of
these rules' findings. The markers are removed before linting, so line
numbers stay. Each defect below also has a correct twin that must stay silent.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLES, FIXTURES, lint

MINE = ("P", "D", "X", "W")
MARK = re.compile(r"〔([A-Z]\d{3})〕")
TEXT_FIXTURES = sorted((FIXTURES / "text").glob("*.txt"))


def mine(text: str, **config):
    return [f for f in lint(text, **config) if f.rule.startswith(MINE)]


def rules_of(text: str, **config) -> list[str]:
    return [f.rule for f in mine(text, **config)]


def report(year: int, body: str, plans: str = "", closing: str = "") -> str:
    text = f"某县{year}年法治政府建设情况报告\n\n{body}\n"
    if plans:
        text += f"\n一、主要工作和成效\n\n全年召开常务会议4次。\n\n二、下一步工作打算\n\n{plans}\n"
    if closing:
        text += f"\n某县人民政府\n{closing}\n"
    return text


# -- whole reports with inline expectations ---------------------------------

@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: p.stem)
def test_fixture_reports_get_exactly_the_marked_findings(path: Path):
    want, lines = set(), []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        want |= {(number, rule) for rule in MARK.findall(line)}
        lines.append(MARK.sub("", line))
    got = {(f.line, f.rule) for f in mine("\n".join(lines))}
    assert got == want, f"missing {sorted(want - got)}, unexpected {sorted(got - want)}"


def test_the_clean_example_stays_clean():
    assert mine((EXAMPLES / "clean-2023.txt").read_text(encoding="utf-8")) == []


def test_the_defective_example_shows_the_text_slips():
    found = {(f.rule, f.quote) for f in mine((EXAMPLES / "defective-2020.txt").read_text(encoding="utf-8"))}
    for expected in [("W105", "党的十大"), ("W102", "《全面推进依法行政实施纲要》"), ("W106", "截止"),
                     ("X101", "XX"), ("X103", "的的"), ("D101", "62日"), ("D101", "2020612"),
                     ("P105", "97.65 %"), ("P105", "20 次"), ("P110", "100%"), ("W103", "十四五规划开局之年")]:
        assert any(rule == expected[0] and expected[1] in quote for rule, quote in found), expected
    # 十九届五中全会 (October 2020) is fine in a report on 2020.
    assert not any(rule == "W104" for rule, _ in found)


# -- paired marks --------------------------------------------------------------

def test_a_closing_title_mark_without_its_opening_is_found_in_the_cover_letter():
    text = "市人民政府：\n\n现将我市2019年度法治政府建设情况报告》予以呈报，请审阅。\n\n某市人民政府\n2020年1月10日\n"
    hits = [f for f in mine(text) if f.rule == "P101"]
    assert len(hits) == 1 and hits[0].quote.endswith("情况报告》")
    assert rules_of(text.replace("现将我市", "现将《我市")) == []


def test_list_markers_and_multi_paragraph_quotes_are_not_unpaired():
    assert "P101" not in rules_of(report(2020, "主要做法：1）建立清单；2）定期评议；a)公开结果。"))
    assert "P101" not in rules_of(report(2020, "“坚持依法行政，\n\n“持续深化改革。”"))
    assert "P101" in rules_of(report(2020, "坚持依法行政：“持续深化改革。"))


def test_a_crossed_or_mixed_width_pair_is_one_finding():
    crossed = [f for f in mine(report(2020, "落实“谁执法谁普法（责任制”）要求。")) if f.rule == "P101"]
    assert len(crossed) == 1
    width = [f for f in mine(report(2020, "共有执法人员846人(其中专职512人）。")) if f.rule == "P101"]
    assert len(width) == 1 and width[0].expected == ")"
    assert "P101" not in rules_of(report(2020, "共有执法人员846人（其中专职512人）。"))


def test_nested_title_marks_expect_single_title_marks():
    hit = next(f for f in mine(report(2020, "印发《关于印发《办法》的通知》。")) if f.rule == "P102")
    assert hit.expected == "〈办法〉"
    assert "P102" not in rules_of(report(2020, "印发《关于印发〈办法〉的通知》。"))


def test_an_unclosed_title_mark_before_a_whole_pair_is_unclosed_not_nesting():
    found = [(f.rule, f.column) for f in mine(report(2020, "贯彻《行政处罚法，落实《优化营商环境条例》要求。"))
             if f.rule in ("P101", "P102")]
    assert found == [("P101", 3)]


def test_page_debris_is_not_checked_for_marks():
    text = "日期:2024-03-01 来源:某县人民政府\n字体:【 打印\n\n" + report(2023, "全年召开常务会议4次。")
    assert rules_of(text) == []


# -- full-width and half-width --------------------------------------------------

def test_mixed_widths_give_one_finding_per_pair_with_counts():
    body = "审结85件，维持61件，撤销9件,驳回10件,终止5件；坚持“无事不扰”和\"非诉先行\"。"
    hits = [f for f in mine(report(2020, body)) if f.rule == "P103"]
    assert len(hits) == 2  # , against ， and " against “”
    comma = next(f for f in hits if f.quote == ",")
    assert "（2处）" in comma.message and comma.expected == "，"


def test_a_text_in_one_width_throughout_is_consistent():
    assert "P103" not in rules_of(report(2020, "审结85件,维持61件,撤销9件;坚持“无事不扰”,金额1,250万元,每日8:30受理。"))
    # a lone full-width mark in a half-width text is the minority: still one finding
    hits = [f for f in mine(report(2020, "审结85件,维持61件,撤销9件，驳回10件,终止5件。")) if f.rule == "P103"]
    assert len(hits) == 1 and hits[0].quote == "，" and hits[0].expected == ","


def test_the_strict_half_width_rule_is_opt_in():
    text = report(2020, "审结85件,维持61件,落实\"谁执法谁普法\"(试行)。")
    assert "P104" not in rules_of(text)
    strict = [f for f in mine(text, select=("P104",)) if f.rule == "P104"]
    assert {f.expected for f in strict} == {"，", "“谁执法谁普法”", "（试行）"}


# -- numbers -------------------------------------------------------------------

def test_a_space_between_the_phrases_of_a_quoted_slogan_is_not_stray():
    body = "开展“学习民法典 护航美好生活”宣传活动，推进 法治建设，落实“谁执法 谁普法”。"
    assert [f.expected for f in mine(report(2020, body)) if f.rule == "P105"] == ["进法"]


@pytest.mark.parametrize("body, expected", [
    ("全年办理行政处罚案件1 250件。", ["1250"]),
    ("出动执法人员3\u00a0460人次。", ["3460"]),
    ("办理案件12 345件，占比12 %。", ["12345", "12%"]),
    ("共1\u2009250件。", []),                      # the thin space GB/T 15835 allows
    ("咨询电话0571 8888，数据1 250 300件。", []),   # not a count split before its last three digits
    ("序号1 25件。", []),
])
def test_a_count_split_before_its_last_three_digits(body, expected):
    assert [f.expected for f in mine(report(2020, body)) if f.rule == "P105"] == expected


def test_stray_spaces_around_numbers_are_one_finding_per_number():
    hits = [f for f in mine(report(2020, "调处成功率达\u00a099.70 %，加大人才培育\u00a0“提效”。")) if f.rule == "P105"]
    assert [f.expected for f in hits] == ["达99.70%", "育“"]
    assert len(hits[0].fixes) == 2
    assert "P105" not in rules_of(report(2020, "调处成功率达99.70%，开展TOD 综合开发，项目  数量  金额。"))


@pytest.mark.parametrize("bad, good, rule", [
    ("下降15～30%", "下降15%～30%", "P106"),
    ("补助5-10万元", "补助5万～10万元", "P106"),
    ("配备三、四名人员", "配备三四名人员，获一、二等奖", "P107"),
    ("培训4千余人次", "培训4000余人次，新建绿道12千米，覆盖3万人", "P108"),
    ("贯彻19届5中全会精神", "贯彻十九届五中全会精神", "P109"),
    ("满意率达100%2021年将继续开展", "满意率达100%。2021年将继续开展", "P110"),
])
def test_number_slips_and_their_correct_twins(bad, good, rule):
    assert rule in rules_of(report(2020, bad + "。"))
    assert rule not in rules_of(report(2020, good + "。"))


def test_range_and_run_on_expectations():
    assert next(f for f in mine(report(2020, "下降15～30%。")) if f.rule == "P106").expected == "15%～30%"
    assert next(f for f in mine(report(2020, "满意率达100%2021年开展。")) if f.rule == "P110").expected == "100%。"


# -- dates ----------------------------------------------------------------------

@pytest.mark.parametrize("bad, expected", [
    ("62日，召开会议", "6月2日"), ("活动62日启动", "6月2日"), ("201710月至今", "2017年10月"),
    ("20199月以来", "2019年9月"), ("会议于20200512召开", "2020年5月12日"),
    ("2019年925日，召开会议", "9月25日"), ("2021年1231日前完成整改", "12月31日"),
    ("2020年229日召开会议", "2月29日"),
])
def test_fused_dates_expect_the_inferred_form(bad, expected):
    hit = next(f for f in mine(report(2020, bad + "。")) if f.rule == "D101")
    assert hit.expected == expected


def test_a_fused_date_with_two_readings_names_both_and_offers_none():
    hit = next(f for f in mine(report(2020, "会议于2020112召开。")) if f.rule == "D101")
    assert hit.expected is None and "2020年1月12日" in hit.message and "2020年11月2日" in hit.message


@pytest.mark.parametrize("good", [
    "在60日内作出决定", "为期45日", "压缩至45日", "全年365日", "咨询电话2020512", "资金20200512元",
    "丹政发〔2020〕14号", "6月2日召开会议", "2019年9月以来",
    "2019年229日召开会议", "2020年120日内办结", "2020年度365日",
])
def test_periods_numbers_and_codes_are_not_fused_dates(good):
    assert "D101" not in rules_of(report(2020, good + "。"))


def test_date_context_stops_at_the_block_it_is_in():
    # a paragraph that ends in 电话 does not make the next paragraph's fused date a phone number
    text = report(2020, "如有疑问请拨打咨询电话\n\n2020512召开推进会，部署全年工作。")
    hits = [f for f in mine(text) if f.rule == "D101"]
    assert [(f.quote, f.expected, f.line) for f in hits] == [("2020512", "2020年5月12日", 5)]
    assert "D101" not in rules_of(report(2020, "如有疑问请拨打咨询电话2020512。"))


def test_the_closing_date_line_is_checked_but_debris_dates_are_not():
    text = "发布日期：2020-05-12\n\n" + report(2019, "全年召开常务会议4次。", closing="2020512")
    hits = [f for f in mine(text) if f.rule.startswith("D")]
    assert [(f.rule, f.expected) for f in hits] == [("D101", "2020年5月12日")]
    assert not [f for f in mine(report(2019, "全年召开常务会议4次。", closing="2020年5月12日")) if f.rule.startswith("D")]


@pytest.mark.parametrize("bad, good, rule", [
    ("2021年2月29日", "2020年2月29日", "D102"),
    ("4月31日", "4月30日", "D102"),
    ("对2020年1315日前未通过考试的人员", "2020年365日无休，2020年1000日内", "D102"),
    ("于2021512起开展专项督察", "全年发生事故2021512起", "D101"),
    ("2020.5.12召开", "2020年5月12日召开，“12·4”国家宪法日", "D103"),
    ("2020/05/12召开", "调解成功率98.76%", "D103"),
    ("2020年03月08日", "2020年3月8日", "D104"),
    ("20年底前完成", "2020年底前完成，近3年累计培训", "D105"),
])
def test_date_slips_and_their_correct_twins(bad, good, rule):
    assert rule in rules_of(report(2020, bad + "。"))
    assert rule not in rules_of(report(2020, good + "。"))


# -- placeholders ----------------------------------------------------------------

@pytest.mark.parametrize("bad, good, rule", [
    ("XX镇执法力量薄弱", "开展X光机安全检查，3×4个网格", "X101"),
    ("召开常务会议*次", "召开常务会议12次", "X101"),
    ("于X月X日召开推进会", "于6月2日召开推进会", "X101"),
    ("审查规范性文件【待补充】件", "制度有待完善", "X102"),
    ("纠错率15.83%（此处插入对比）", "纠错率15.83%（比上年下降2.1个百分点）", "X102"),
    ("运用法治思维的的能力", "的的确确，常常深入，人人学法，不了了之", "X103"),
    ("内部资料 注意保存", "涉及国家秘密、商业秘密和个人隐私的除外", "X105"),
])
def test_placeholder_slips_and_their_correct_twins(bad, good, rule):
    assert rule in rules_of(report(2020, bad + "。"))
    assert rule not in rules_of(report(2020, good + "。"))


def test_a_confidentiality_line_is_a_mark():
    assert "X105" in rules_of("秘密★1年\n" + report(2020, "全年召开常务会议4次。"))


# -- time-bound terms --------------------------------------------------------------

@pytest.mark.parametrize("year, body, rule", [
    (2019, "深入学习贯彻习近平法治思想。", "W101"),
    (2019, "学习宣传《民法典》。", "W101"),
    (2020, "对照《法治政府建设实施纲要（2021—2025年）》推进工作。", "W101"),
    (2019, "全面启动“八五”普法。", "W101"),
    (2020, "以实施国务院《全面推进依法行政实施纲要》为主线。", "W102"),
    (2022, "全面落实“七五”普法规划。", "W102"),
    (2022, "建设廉洁高效、守法诚信的法治政府。", "W102"),
    (2020, "2020年是“十四五”开局之年。", "W103"),
    (2021, "今年是“十三五”收官之年。", "W103"),
    (2019, "贯彻十九届四中、五中全会精神。", "W104"),
    (2021, "全面贯彻党的二十大精神。", "W104"),
    (2020, "以党的十大精神为指导。", "W105"),
])
def test_time_bound_terms_out_of_their_time(year, body, rule):
    assert rule in rules_of(report(year, body))


@pytest.mark.parametrize("year, body", [
    (2020, "高质量完成“七五”普法工作，深入学习贯彻习近平法治思想，学习宣传民法典。"),
    (2023, "全面实施“八五”普法规划，曾获全国“七五”普法先进集体。"),
    (2020, "今年是“十三五”规划的收官之年，明年是“十四五”规划的开局之年。"),
    (2021, "“十三五”期间，我县法治政府建设成效明显。"),
    (2019, "2020年是“十三五”规划的收官之年。"),
    (2020, "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。"),
    (2021, "以优异成绩迎接党的二十大胜利召开，贯彻十九届六中全会精神。"),
    (2023, "党的十八大以来，我县全面贯彻党的二十大精神。"),
    (2016, "《全面推进依法行政实施纲要》颁布以来，我县依法行政不断推进。"),
    (2020, "获评江苏省十大法治文化品牌项目，其中十大大运河项目2个。"),
])
def test_time_bound_terms_in_their_time_stay_silent(year, body):
    assert not [r for r in rules_of(report(year, body)) if r.startswith("W")]


def test_plans_may_name_the_period_of_the_next_year():
    assert "W101" not in rules_of(report(2020, "全年召开常务会议4次。", plans="高起点谋划“八五”普法。"))
    assert "W103" not in rules_of(report(2020, "全年召开常务会议4次。", plans="以“十四五”开局之年为契机。"))


def test_plans_may_prepare_the_period_after_next_but_not_use_it():
    body = "全年召开常务会议4次。"
    assert "W101" not in rules_of(report(2019, body, plans="认真谋划“八五”普法工作。"))
    assert "W101" not in rules_of(report(2019, body, plans="启动编制“八五”普法规划。"))
    assert "W101" in rules_of(report(2019, body, plans="深入推进“八五”普法。"))
    assert "W101" in rules_of(report(2018, body, plans="认真谋划“八五”普法工作。"))
    assert "W101" in rules_of(report(2019, "认真谋划“八五”普法工作。"))   # not in the plans


@pytest.mark.parametrize("year, body, stale", [
    (2023, "坚持以党的十九大精神为指导。", True),           # the 20th met before 2023 began
    (2022, "坚持以党的十九大精神为指导。", False),          # ... and within 2022
    (2020, "坚持以党的十八大精神为指导。", True),
    (2020, "深入学习党的十八大、十九大精神。", False),       # a list that goes on
    (2023, "党的十九大以来，我县依法行政水平不断提高。", False),
])
def test_a_congress_superseded_before_the_report_year_is_stale(year, body, stale):
    assert ("W105" in rules_of(report(year, body))) is stale


def test_superseded_terms_expect_the_current_one():
    hit = next(f for f in mine(report(2020, "以《全面推进依法行政实施纲要》为主线。")) if f.rule == "W102")
    assert hit.expected == "《法治政府建设实施纲要（2015—2020年）》"
    hit = next(f for f in mine(report(2020, "以党的十大精神为指导。")) if f.rule == "W105")
    assert hit.expected == "党的十九大"


def test_without_a_report_year_the_time_rules_are_silent():
    assert not [r for r in rules_of("全面贯彻党的二十大精神，习近平法治思想。") if r.startswith("W10") and r != "W106"]


def test_a_bad_term_table_entry_names_its_file_and_line():
    from checker.checks import ParamError
    from checker.checks.time_bound_term import _entry
    from checker.yamlio import load_yaml
    loc = load_yaml("terms:\n  - term: 某纲要\n    start: \"2020-13-01\"\n    source: x\n", "terms.yaml")
    with pytest.raises(ParamError, match=r"terms.yaml:2"):
        _entry(loc, 0, loc.data["terms"][0])


# -- wording -------------------------------------------------------------------

@pytest.mark.parametrize("bad, good, rule", [
    ("截止目前，任务总体完成", "截至目前，任务总体完成，申报于5月31日截止，截止到年底全部办结", "W106"),
    ("截止11月底，共收案件137件", "截至11月底，共收案件137件", "W106"),
    ("办理时间降低3倍", "办理时间缩短了50%，办件量增长2倍", "W107"),
])
def test_wording_slips_and_their_correct_twins(bad, good, rule):
    assert rule in rules_of(report(2020, bad + "。"))
    assert rule not in rules_of(report(2020, good + "。"))


# -- the real corpus ------------------------------------------------------------------

def _corpus_findings(corpus: Path, name: str):
    from checker.linter import lint_text
    text = (corpus / f"{name}.txt").read_text(encoding="utf-8")
    return text, lint_text(text, path=name)


def test_corpus_width_rule_gives_at_most_one_finding_per_pair(corpus):
    for path in sorted(corpus.glob("*.txt")):
        _, findings = _corpus_findings(corpus, path.stem)
        pairs = [f.message.split("（")[0] for f in findings if f.rule == "P103"]
        assert len(pairs) == len(set(pairs)), path.name


def test_corpus_gold_text_defects_are_found(corpus):
    kinds = {"bracket": "punctuation", "spacing": "punctuation", "date": "date",
             "placeholder": "placeholder", "anachronism": "terminology"}
    for gold_path in sorted(corpus.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        text, findings = _corpus_findings(corpus, name)
        for item in json.loads(gold_path.read_text(encoding="utf-8"))["findings"]:
            if item["kind"] not in kinds or not item.get("quote") or item["quote"] not in text:
                continue
            a = text.index(item["quote"])
            b = a + len(item["quote"])
            assert any(f.category == kinds[item["kind"]] and f.start < b and a < f.end for f in findings), \
                f"{name}: {item['kind']} {item['quote']!r}"


def test_corpus_programmes_of_their_own_period_are_not_anachronisms(corpus):
    for name in ("pingyang-2020", "fenyi-2023", "changping-2020", "danyang-2019"):
        if (corpus / f"{name}.txt").exists():
            _, findings = _corpus_findings(corpus, name)
            assert not [f for f in findings if f.rule in ("W101", "W102", "W103", "W104", "W105")], name
