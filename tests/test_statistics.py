"""Statistics consistency: rounding, each relation (consistent and not), silence when unsure."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from checker.config import Config
from checker.linter import lint_text
from checker.figures.rounding import Verdict, fmt, judge, percent, quantize, truncate

from conftest import EXAMPLES, FIXTURES

STATS = FIXTURES / "statistics"
MARK = re.compile(r"〔(T\d{3})〕")


def stats(text: str):
    return [f for f in lint_text(text, Config(select=("statistics",))) if f.category == "statistics"]


def rules(text: str) -> list[str]:
    return sorted(f.rule for f in stats(text))


# -- rounding (GB/T 8170) ----------------------------------------------------------

def test_rounds_half_up_and_half_even():
    assert judge(Fraction(125, 1000), "0.13") is Verdict.OK      # half-up
    assert judge(Fraction(125, 1000), "0.12") is Verdict.OK      # half-even (GB/T 8170)
    assert judge(Fraction(135, 1000), "0.14") is Verdict.OK
    assert quantize(Fraction(125, 1000), 2, "ROUND_HALF_EVEN") == Decimal("0.12")


def test_truncated_is_its_own_verdict():
    exact = percent(6536, 7123)                                  # 91.7591…
    assert judge(exact, "91.76") is Verdict.OK
    assert judge(exact, "91.75") is Verdict.TRUNCATED
    assert judge(exact, "91.75", approximate=True) is Verdict.OK
    assert judge(exact, "91.7") is Verdict.TRUNCATED                 # 91.8 at one decimal
    assert judge(exact, "91.74") is Verdict.WRONG
    assert fmt(exact, 2) == "91.76" and truncate(exact, 2) == Decimal("91.75")


def test_bounds():
    exact = percent(98, 100)
    assert judge(exact, "90", bound="min") is Verdict.OK         # 90%以上
    assert judge(exact, "99", bound="max") is Verdict.OK         # 近99%
    assert judge(exact, "99", bound="min") is Verdict.WRONG


@given(st.integers(1, 10 ** 6), st.integers(1, 10 ** 6), st.integers(0, 4))
def test_printed_roundings_are_accepted(a, b, decimals):
    n, d = min(a, b), max(a, b)
    exact = percent(n, d)
    assert judge(exact, fmt(exact, decimals)) is Verdict.OK
    assert judge(exact, str(truncate(exact, decimals))) in (Verdict.OK, Verdict.TRUNCATED)


# -- each relation: an inconsistent sentence and its consistent twin --------------

CASES = [
    # rate vs counts
    ("T101", "全县受理矛盾纠纷3125件，调解成功3050件，调解成功率97.65%。",
             "全县受理矛盾纠纷3125件，调解成功3050件，调解成功率97.60%。"),
    ("T101", "全年收到行政复议申请58件，审结52件，其中维持40件，撤销8件，驳回4件，直接纠错率15.83%。",
             "全年收到行政复议申请58件，审结52件，其中维持40件，撤销8件，驳回4件，直接纠错率15.38%。"),
    ("T101", "审结85件，其中维持61件，撤销9件，确认违法5件，驳回申请10件，直接纠错率为18.47%。",
             "审结85件，其中维持61件，撤销9件，确认违法5件，驳回申请10件，直接纠错率为16.47%。"),
    ("T101", "审结79件，复议后起诉的10件，实质性化解率85.3%。",
             "审结79件，复议后起诉的10件，实质性化解率87.3%。"),
    ("T101", "全年出庭应诉案件30件，实际出庭24件，出庭应诉率达到85%。",
             "全年出庭应诉案件30件，实际出庭24件，出庭应诉率达到80%。"),
    ("T101", "全年受理复议申请120件，其中办结110件，办结率95.83%。",
             "全年受理复议申请120件，其中办结115件，办结率95.83%。"),
    ("T101", "应审查合同150份，审查合同146份，合同审查率98.67%。",
             "应审查合同150份，审查合同146份，合同审查率97.33%。"),
    ("T101", "共收到群众诉求620件，办结615件，办结率99.5%。",
             "共收到群众诉求620件，办结615件，办结率99.19%。"),
    ("T101", "办理公证事项5420件，其中涉外公证1230件，占25.69%。",
             "办理公证事项5420件，其中涉外公证1230件，占22.69%。"),
    ("T102", "全县共受理行政调解案件7123起，结案6536件，调解成功率91.75%。",
             "全县共受理行政调解案件7123起，结案6536件，调解成功率91.76%。"),
    # a rate given as 100% whose own counts differ
    ("T101", "行政机关负责人应出庭45件，实际出庭43件，出庭应诉率100%。",
             "行政机关负责人应出庭45件，实际出庭45件，出庭应诉率100%。"),
    # bounded rate above 100%
    ("T103", "行政执法人员培训覆盖率达到103%。", "行政执法人员培训覆盖率达到100%。"),
    # total vs parts
    ("T104", "全年共办理行政处罚案件1250件，其中简易程序案件430件，一般程序案件800件。",
             "全年共办理行政处罚案件1250件，其中简易程序案件450件，一般程序案件800件。"),
    ("T104", "全县共收应诉案件137件，一审结案110件，未结29件。",
             "全县共收应诉案件137件，一审结案108件，未结29件。"),
    ("T104", "审结30件，审理结果为维持19件，驳回3件，撤销3件，调解1件，终止14件。",
             "审结30件，审理结果为维持9件，驳回3件，撤销3件，调解1件，终止14件。"),
    ("T104", "全年共清理规范性文件213件，其中保留186件，修改21件，废止16件。",
             "全年共清理规范性文件213件，其中保留176件，修改21件，废止16件。"),
    # parts named alike are one list: all of them may not exceed the total
    ("T104", "全年共审查规范性文件48件，其中县政府文件21件，县政府办公室文件18件，部门文件10件。",
             "全年共审查规范性文件48件，其中县政府文件21件，县政府办公室文件18件，部门文件9件。"),
    # a list that ends in "the rest" is complete: it must add up, not merely stay below
    ("T104", "共排查矛盾纠纷120件，其中邻里纠纷50件，婚姻家庭纠纷30件，其他纠纷20件。",
             "共排查矛盾纠纷120件，其中邻里纠纷50件，婚姻家庭纠纷30件，其他纠纷40件。"),
    ("T104", "全年办理法律援助案件86件，民事案件52件，其余刑事案件30件。",
             "全年办理法律援助案件86件，民事案件52件，其余刑事案件34件。"),
    # change between two stated values
    ("T105", "施工许可提交材料由41项缩减为16项，缩减率65%。",
             "施工许可提交材料由41项缩减为16项，缩减率61%。"),
    ("T105", "受理案件729件，较2020年的860件下降了17.2%。",
             "受理案件729件，较2020年的860件下降了15.2%。"),
    ("T105", "行政复议纠错率由15.2%下降到12.1%，下降3.5个百分点。",
             "行政复议纠错率由15.2%下降到12.1%，下降3.1个百分点。"),
    ("T105", "信访总量由上年的480件下降至408件，同比下降12%。",
             "信访总量由上年的480件下降至408件，同比下降15%。"),
    ("T105", "群众投诉率由2022年的8.2%下降至5.1%，下降3.2个百分点。",
             "群众投诉率由2022年的8.2%下降至5.1%，下降3.1个百分点。"),
    ("T105", "全县行政复议案件由2023年的152件增加至2024年的187件，同比增长24.3%。",
             "全县行政复议案件由2023年的152件增加至2024年的187件，同比增长23.0%。"),
    ("T105", "全年办理信访件408件，同比下降12%（上年为480件）。",
             "全年办理信访件408件，同比下降15%（上年为480件）。"),
    ("T105", "共受理行政复议申请96件，同比增长20%（2022年同期为75件）。",
             "共受理行政复议申请96件，同比增长28%（2022年同期为75件）。"),
    ("T106", "办理时限由30个工作日压缩至13个工作日，压缩率56.6%。",
             "办理时限由30个工作日压缩至13个工作日，压缩率56.7%。"),
    # year-on-year change with no base (GRIM)
    ("T107", "全年受理信访事项13件，同比下降18.6%。", "全年受理信访事项13件，同比下降18.8%。"),
    ("T107", "全区执业律师增加7人，增长12.6%。", "全区执业律师增加7人，增长12.5%。"),
    ("T107", "受理群众诉求23件，同比上升幅度为12.6%。", "受理群众诉求23件，同比上升幅度为15%。"),
]


@pytest.mark.parametrize("rule, bad, good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_relation_inconsistent_and_consistent(rule, bad, good):
    assert rule in rules(bad)
    assert rules(good) == []


def test_finding_carries_the_computation():
    (f,) = stats("全县共受理行政调解案件7123起，结案6536件，调解成功率91.75 %，努力维护稳定。")
    assert (f.expected, f.computation) == ("91.76%", "6536/7123=91.76%")
    assert f.quote == "调解成功率91.75 %"
    (f,) = stats("审结79件，复议后起诉的10件，实质性化解率85.3%。")
    assert (f.expected, f.computation) == ("87.3%", "(79-10)/79=87.3%")
    (f,) = stats("审结85件，其中维持61件，撤销9件，确认违法5件，驳回申请10件，直接纠错率为18.47%。")
    assert (f.expected, f.computation) == ("16.47%", "(9+5)/85=16.47%")


def test_same_figure_twice():
    text = ("某县2020年法治政府建设情况报告\n\n2020年，全年共收到行政复议申请58件。\n\n一、主要工作和成效\n\n"
            "（一）复议。全年收到行政复议申请56件，依法审结52件。\n")
    assert rules(text) == ["T108"]
    assert rules(text.replace("56件", "58件")) == []
    # a half-year, or a body named at the head of the paragraph, is another scope
    text = ("某县2020年法治政府建设情况报告\n\n一、主要工作和成效\n\n全县受理信访事项12036件。全市办理行政处罚案件12486件。\n\n"
            "县信访局推行“阳光信访”。全年受理信访事项1186件。\n\n上半年，全市办理行政处罚案件5930件，占全年的47.5%。\n")
    assert rules(text) == []
    assert rules(text.replace("县信访局推行“阳光信访”。", "")) == ["T108"]
    # the same cases again, as the pool a sample is drawn from
    text = ("某县2020年法治政府建设情况报告\n\n一、主要工作和成效\n\n全年查办行政处罚案件1426件。\n\n"
            "组织案卷评查2次，全年查办行政处罚案件1462件中抽查案卷300卷。\n")
    assert rules(text) == ["T108"]
    assert rules(text.replace("1462件", "1426件")) == []


# -- silence when unsure ------------------------------------------------------------

SILENT = [
    "全县受理矛盾纠纷3125件，调解成功率97.65%。",                          # no numerator
    "县政府受理的行政复议案件纠错率为6.41%。",                                # no counts at all
    "共受理调解案件4549宗，成功调解4452宗，调解成功率约为97.8%。",           # 约 + truncation
    "全县27个社区皆培养了至少5名骨干，共165名。",                             # 至少
    "来信来访案件90宗，同比下降42.68%。",                                     # a base of 157 fits
    "网上信访6432宗，同比上升36.82%。",
    "律师总人数增长30人，增长率32%。",
    "公职律师增长23人，增长率达460%。",                                       # unbounded, base 5
    "非涉企行政许可受理16146件，依承诺制办件2956件，占承诺制事项总办件量的18.31%。",
    "共收行政复议申请177件，审结166件，其中纠错61件，纠错率为34.46%。",     # over received
    "以和解、调解方式结案52件，共收申请177件，调处成功率29.38%。",
    "剩下的平均到每一个部门为3.5名左右。",
    "受理诉讼案件64件，其中已审结23件，出庭应诉率100%。",                    # counts of something else
    "受理信访事项1200件，按期办结1180件，办结率100%。",                      # 按期 is narrower
    "共受理101件，结案110件（含2018年结转），未结5件。",                      # carried-over cases
    "审结52件，其中维持30件，撤销8件。",                                      # 其中 may list some
    "全年共发生安全生产事故3起，死亡2人，同比分别下降25%、33.3%。",          # respective rates
    "行政检查1.2万次，同比增长30%。",                                         # rounded to 万
    "全区各级人民调解组织排查矛盾纠纷2310件，调解2298件，调解成功2276件，调解成功率99.04%。",
    "发布诚信红黑榜三期，其中红榜上榜企业109家，黑榜上榜企业240家。",         # different units
    "收到申请84件，其中受理68件，不予受理16件；审结79件，其中维持50件。",
    "审结88件，败诉6件，败诉率下降5%。",                                      # a change of a rate
    "全年审结行政复议案件13件，行政复议纠错率同比下降18.6%。",
    "全年办理案件500件，其中涉及企业的案件320件，涉及民生的案件260件。",      # parts may overlap
    "全年办理案件13件，涉案金额同比下降18.6%。",                              # the rate has its own subject
    "受理复议申请48件，其中维持21件，撤销18件，办结45件。",                  # a trailing count of something else
    "共排查纠纷120件，调解成功115件，其他纠纷已移交。",                        # the rest is not counted
    "共排查纠纷120件，其中邻里纠纷50件，其他纠纷70件，调解成功118件。",        # a trailing count
    "全年办理案件86件，较上年增加6件，其中民事52件，其他34件。",              # 上年: mixed years
    "全年受理案件408件，同比下降15%（其中行政案件为120件）。",                 # not last year's value
    "共有执业律师120人，其中公职律师50人，其他法律服务工作者60人。",          # the rest of something else
    # 新增N is the change itself, not this year's value
    "全市律师事务所达到86家，较上年新增9家，增长11.69%。",
    "在线纠纷解决企业发展到1346家，较上年净增412家，增长44.11%。",
    # a part listed after the rate is a subset of what it counts
    "全年受理企业开办申请4358件，办结率100%，其中“一日办结”4245件。",
    "县行政复议局受理复议申请67件，办结率100%，其中调解结案12件。",
    "全市行政复议机构审结案件298件，纠错率12.4%，其中撤销21件。",
    # a base that only 全年 offers is no base of a narrowed rate name
    "县政府法律顾问室全年出具法律意见书238份，审查合同146份，合同审查率100%。",
    # parts of the numerator, added up
    "全市行政机关应出庭应诉案件176件，主要负责人出庭38件，其他负责人出庭138件，出庭应诉率100%。",
    # the first rate's base is in another unit: the next clause's counts may not convict it
    "全年受理热线来电8640个，办结8598件，办结率99.51%；受理信箱诉求5236件，办结5198件，办结率99.27%。",
    "全年受理12345热线工单8640件，办结8598件，办结率99.51%。",             # 单 before digits: still a count
]


@pytest.mark.parametrize("text", SILENT)
def test_ambiguous_or_consistent_stays_silent(text):
    assert rules(text) == []


# -- whole reports --------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(STATS.glob("consistent-*.txt")), ids=lambda p: p.name)
def test_consistent_reports_are_silent(path):
    assert rules(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", sorted(STATS.glob("defective-*.txt")), ids=lambda p: p.name)
def test_defective_reports_fire_where_marked(path):
    text = path.read_text(encoding="utf-8")
    expected = sorted((i, rule) for i, line in enumerate(text.split("\n"), 1) for rule in MARK.findall(line))
    found = sorted((f.line, f.rule) for f in stats(MARK.sub("", text)))
    assert found == expected


def test_examples():
    assert rules((EXAMPLES / "clean-2023.txt").read_text(encoding="utf-8")) == []
    found = rules((EXAMPLES / "defective-2020.txt").read_text(encoding="utf-8"))
    assert found == ["T101", "T101", "T101", "T103", "T104", "T105"]


def test_corpus_consistent_statistics_stay_silent(corpus):
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        found = stats(text)
        for item in gold.get("consistent_stats", []):
            i = text.find(item["quote"])
            assert i >= 0
            clash = [f for f in found if f.start < i + len(item["quote"]) and i < f.end]
            assert not clash, (gold_path.name, item["quote"], [f.message for f in clash])
        for item in gold.get("findings", []):
            if item["kind"] in ("rate", "sum", "reduction", "statistics"):
                i = text.find(item["quote"])
                assert any(f.start < i + len(item["quote"]) and i < f.end for f in found), item["quote"]


# -- jieba stays out of the default run; the opt-in segmenter agrees --------------

def test_default_run_never_imports_jieba():
    import subprocess
    import sys
    code = ("import sys; from checker.config import Config; from checker.linter import lint_text; "
            "lint_text(open(sys.argv[1], encoding='utf-8').read(), Config()); "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(EXAMPLES / "defective-2020.txt")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


JIEBA_RULE = """
rules:
  - id: T901
    name: rate-mismatch-segmented
    category: statistics
    severity: error
    check: stat-rate
    params: {report: wrong, segmenter: jieba}
    message: {zh: "{name}{printed}：{computation}", en: "{name} {printed}: {computation}"}
    description: T101 with word boundaries from jieba.
    source: GB/T 8170-2008
    examples:
      bad: ["全县受理矛盾纠纷3125件，调解成功3050件，调解成功率97.65%。"]
      good: ["全县受理矛盾纠纷3125件，调解成功3050件，调解成功率97.60%。"]
"""


def test_jieba_segmenter_agrees_with_cues(tmp_path):
    pytest.importorskip("jieba")
    from checker.document.segment import aligned, words
    assert words("一审结案108件")[:2] == ("一审", "结案")
    assert not aligned("一审结案", 1, 3) and aligned("调解成功", 2, 4)
    path = tmp_path / "segmented.yaml"
    path.write_text(JIEBA_RULE, encoding="utf-8")
    config = Config(select=("T901", "T101"), rules=(str(path),))
    for fixture in sorted(STATS.glob("*.txt")):
        text = MARK.sub("", fixture.read_text(encoding="utf-8"))
        found = lint_text(text, config)
        assert sorted(f.line for f in found if f.rule == "T901") == sorted(f.line for f in found if f.rule == "T101")


def test_user_vocabulary_extends_the_built_in_one(tmp_path):
    (tmp_path / "rates.yaml").write_text(
        "rates:\n  - names: [整改率]\n    numerator: [整改]\n    denominator: [排查, 发现]\n    bounded: true\n",
        encoding="utf-8")
    rule = JIEBA_RULE.replace("T901", "T902").replace("segmenter: jieba", f"vocabulary: {tmp_path / 'rates.yaml'}")
    (tmp_path / "rules.yaml").write_text(rule.replace("rate-mismatch-segmented", "rate-mismatch-custom"), encoding="utf-8")
    config = Config(select=("T902",), rules=(str(tmp_path / "rules.yaml"),))
    assert [f.computation for f in lint_text("排查隐患120处，整改112处，整改率95%。", config)] == ["112/120=93%"]
    assert lint_text("排查隐患120处，整改114处，整改率95%。", config) == []
    # the built-in names still work under the user's file
    assert [f.rule for f in lint_text("全县受理矛盾纠纷3125件，调解成功3050件，调解成功率97.65%。", config)] == ["T902"]
