"""Statistics as published reports write them (issue 18): shares of the whole the text
names, lists of siblings, compound rate names, carried-over balances, multiples.

Every case is a short text of our own; the rule id is in the test id (pytest -k T104).
"""
from __future__ import annotations

import pytest

from checker.config import Config
from checker.linter import lint_text


def stats(text: str):
    return [f for f in lint_text(text, Config(select=("statistics",))) if f.category == "statistics"]


def rules(text: str) -> list[str]:
    return sorted(f.rule for f in stats(text))


# (rule, bad, good): the bad text gives exactly `rule`, the good twin nothing
CASES = [
    # T101: a share is checked against the whole of its list, not the sibling before it
    ("T101-share-list-whole",
     "全县受理复议案件80件。其中治安类20件，占案件总数的25%；投诉类30件，占案件总数的37.5%；"
     "征收类10件，占总数的15%；其他类20件，占案件总数的25%。",
     "全县受理复议案件80件。其中治安类20件，占案件总数的25%；投诉类30件，占案件总数的37.5%；"
     "征收类10件，占总数的12.5%；其他类20件，占案件总数的25%。"),
    # T101: a complete list (其他…) is its own whole when the total is stated elsewhere
    ("T101-share-list-sum",
     "从申请事项看，处罚类共50件，占比50%；许可类30件，占比30%；公开类12件，占比14%；其他类8件，占比8%。",
     "从申请事项看，处罚类共50件，占比50%；许可类30件，占比30%；公开类12件，占比12%；其他类8件，占比8%。"),
    # T101: a 其中 sentence is a share of the total of the sentence before
    ("T101-share-of-qizhong-whole",
     "全年共发生行政诉讼案件400件。其中，负责人出庭应诉的90件，占诉讼案件的25.5%。",
     "全年共发生行政诉讼案件400件。其中，负责人出庭应诉的90件，占诉讼案件的22.5%。"),
    # T101: a 综合化解率 adds corrected and settled cases
    ("T101-compound-rate",
     "审结的200件案件中，直接纠错30件，以调解、和解方式结案50件，综合化解率达到45%。",
     "审结的200件案件中，直接纠错30件，以调解、和解方式结案50件，综合化解率达到40%。"),
    # T101: an aside in brackets stays in its clause: 纠错(含撤销、确认违法)29件 counts 纠错
    ("T101-bracket-aside",
     "全年审结复议案件135件，其中纠错（含撤销、确认违法）29件，纠错率19.2%。",
     "全年审结复议案件135件，其中纠错（含撤销、确认违法）29件，纠错率21.5%。"),
    # T101: a rate after a list that adds up to a total stated before is over that total
    ("T101-list-whole",
     "全区共受理复议案件100件。\n从审理结果看，维持50件，驳回20件，终止10件，纠错20件。直接纠错率达15%。",
     "全区共受理复议案件100件。\n从审理结果看，维持50件，驳回20件，终止10件，纠错20件。直接纠错率达20%。"),
    # T102: a share named in the clause before its figure (占…比例最高，达…)
    ("T102-share-lead",
     "新受理的复议案件151件中，县政府部门为被申请人的140件，占受理案件数比例最高，达92.71%；乡镇11件，占受理总数的7.28%。",
     "新受理的复议案件151件中，县政府部门为被申请人的140件，占受理案件数比例最高，达92.72%；乡镇11件，占受理总数的7.28%。"),
    # T102: a share without its part: only a cut-off over a small stated whole is evident
    ("T102-share-no-part",
     "全年共收到复议申请35件，受理34件。其中被申请人以部门为主，占总量的94.11%。",
     "全年共收到复议申请35件，受理34件。其中被申请人以部门为主，占总量的94.12%。"),
    # T104: a complete list whose shares reveal the whole must add up to it
    ("T104-share-list-complete",
     "全年收到申请130件，受理120件。受理的案件中，处罚类案件为60件，占案件总数的50%，许可类案件为30件，"
     "占案件总数的25%。强制类案件15件，确认类案件10件，其他类案件3件。",
     "全年收到申请130件，受理120件。受理的案件中，处罚类案件为60件，占案件总数的50%，许可类案件为30件，"
     "占案件总数的25%。强制类案件15件，确认类案件10件，其他类案件5件。"),
    # T106: the same words after two years are a from-to pair
    ("T106-year-pair",
     "2023年总共需办理复议案件66件，2024年总共需办理复议案件151件，同比增长128.78%。",
     "2023年总共需办理复议案件66件，2024年总共需办理复议案件151件，同比增长128.79%。"),
    # T106: 较上一年度N件
    ("T106-versus-year-du",
     "以区政府为被告的案件共373件，案件量较上一年度285件增长30%。",
     "以区政府为被告的案件共373件，案件量较上一年度285件增长31%。"),
    # T106: a rate stated twice for one value, once without its base, takes the other's verdict
    ("T106-twin",
     "2024年新受理案件151件，同比增长128.78%。2023年总共需办理案件66件，2024年总共需办理案件151件，同比增长128.78%。",
     "2024年新受理案件151件，同比增长128.79%。2023年总共需办理案件66件，2024年总共需办理案件151件，同比增长128.79%。"),
    # T105: the change of a ratio follows from the changes of its two terms
    ("T105-ratio",
     "全年新收复议申请8745件，同比增长75.7%，新收诉讼案件3362件，同比下降3.9%，复议诉讼比值达2.6，同比增长76.5%。",
     "全年新收复议申请8745件，同比增长75.7%，新收诉讼案件3362件，同比下降3.9%，复议诉讼比值达2.6，同比增长82.8%。"),
    # T109: new + carried in = closed + carried out
    ("T109",
     "全年新收到政府信息公开申请78件，结转上年度办理3件。其中，答复75件，结转下年度继续办理3件。",
     "全年新收到政府信息公开申请78件，结转上年度办理3件。其中，答复78件，结转下年度继续办理3件。"),
    # T110: 增长了N倍 where the new value is N times the old one
    ("T110",
     "行政处罚类案件213件（交通支队84件，公安分局129件），较上一年该类案件量85件增长了2.5倍。",
     "行政处罚类案件213件（交通支队84件，公安分局129件），较上一年该类案件量85件增长了1.5倍。"),
]


@pytest.mark.parametrize("rule, bad, good", CASES, ids=[c[0] for c in CASES])
def test_bad_and_good(rule, bad, good):
    want = rule.split("-")[0]
    assert set(rules(bad)) == {want}, stats(bad)
    assert rules(good) == [], stats(good)


# Texts that must stay silent: the base is uncertain, or the figures check out.
SILENT = [
    # T101: siblings are no base of each other's shares (binjiang, tongzhou)
    ("T101-siblings", "与往年相比，治安类案件13件，占案件总数的22.0%；投诉类受理21件，占总数的35.6%；"
                      "征迁类新收6件，占总数的10.2%；其他各类案件新收19件，占案件总数的32.2%。"),
    # T101: shares with a subject of their own and no count (lishui)
    ("T101-subject-shares", "全年新收申请1541件，共办理申请1527件，其中予以公开占58.5%、不予公开占7.3%、"
                            "无法提供占28.9%，其他情况占5.2%。"),
    # T101: a compound 纠错化解率 adds every way of resolving (xuancheng)
    ("T101-compound-name", "全年审结案件304件，直接纠错69件，直接纠错率22.7%；调解、和解结案64件，调解和解率21.1%；"
                           "维持后通过制发意见书推动实质性化解15件。案件的综合纠错化解率48.7%。"),
    # T101: a share alone over an unstated whole says nothing
    ("T101-unstated-whole", "办理行政处罚案件120件，占全市的18%。"),
    # T101: one count explains only one share of two, and none says it is the whole
    ("T101-one-of-two", "办理案件100件，甲类30件，占30%，乙类20件，占25%。"),
    # T104: a list of parallel categories is not a breakdown of its first member (chifeng)
    ("T104-parallel", "从被申请人看，乡镇政府36件，县政府130件，县级部门252件，市级部门12件，其他8件。"),
    ("T104-parallel-first", "行政不作为类案件30件，信息公开类案件27件，行政确认类案件23件，其他类案件10件。"),
    # T104: parts after a list of siblings may break down their sum (tongzhou)
    ("T104-sibling-sum", "结果分别为撤销48件，责令履职10件，撤销并责令重做28件，确认违法150件。"
                         "其中强制类164件，处罚类24件，公开类22件，不作为类9件，其他类17件。"),
    ("T104-sibling-sum-2", "主要涉及区法院164件，三中院80件，四中院75件，高院40件，另有审判监督14件。"
                           "其中区政府作为共同被告的案件265件，单独被告的案件108件。"),
    # T104: a total with a total word still closes its list (全年办理…，其余…)
    # T105: a ratio the two counts do not give is about something else
    ("T105-other-ratio", "全年新收复议申请8745件，同比增长75.7%，新收诉讼案件3362件，同比下降3.9%，"
                         "复议诉讼比值达3.1，同比增长76.5%。"),
    # T109: a total may hold the carried-in cases
    ("T109-total", "全年共受理申请121件（其中本年度新收申请112件，上年结转申请9件），已答复119件，另2件结转下一年处理。"),
    ("T109-three-of-four", "全年新收申请78件，上年结转3件，答复75件。"),
    # T110: an increase that fits is silent, and so is a loose multiple
    ("T110-fits", "直接纠错236件，纠错率约为24%，较去年60件增长了近3倍。"),
    ("T110-loose", "受理案件300件，较上年60件增长了2倍。"),
]


@pytest.mark.parametrize("rule, text", SILENT, ids=[c[0] for c in SILENT])
def test_stays_silent(rule, text):
    assert stats(text) == []


def test_T101_share_alone_over_a_stated_total():
    assert rules("全年受理100件，其中甲类30件，占30%，乙类20件，占25%。") == ["T101"]


def test_T109_total_holding_carried_in_shows_one_side():
    (f,) = stats("全年共受理申请52件（含上年结转2件），办结40件，正在办理4件。")
    assert f.rule == "T109" and "52≠40+4=44" in f.computation


def test_T102_share_list_cut_off():
    assert rules("全年共受理矛盾纠纷141件，其中婚姻家庭纠纷50件，占35.4%，邻里纠纷30件，占21.3%。") == ["T102"]


def test_T101_shares_of_an_endless_sentence_stay_linear():
    import time
    text = "全年受理案件5000件，" + "，".join(f"甲{i}类{i % 90 + 10}件，占{(i % 90 + 10) / 50:.1f}%"
                                        for i in range(2000)) + "。"
    start = time.process_time()
    assert stats(text) == []
    assert time.process_time() - start < 30   # quadratic work would take minutes


def test_T104_residual_after_total_word_still_reported():
    text = "全年办理法律援助案件86件，民事案件52件，其余刑事案件30件。"
    assert rules(text) == ["T104"]


def test_T104_share_list_reported_once():
    text = ("全年收到申请130件，受理120件。受理的案件中，处罚类案件为60件，占案件总数的50%，许可类案件为30件，"
            "占案件总数的25%。强制类案件15件，确认类案件10件，其他类案件3件。")
    found = stats(text)
    assert [f.rule for f in found] == ["T104"]
    assert "118≠120" in found[0].computation


def test_T101_share_list_computation_names_the_whole():
    text = ("从申请事项看，处罚类共50件，占比50%；许可类30件，占比30%；公开类12件，占比14%；其他类8件，占比8%。")
    (f,) = stats(text)
    assert "12/100" in f.computation


def test_T203_T205_share_line_named_base_stated_earlier():
    text = ("一、案件情况\n全年新受理行政复议案件151件。\n二、申请事项\n具体情况见下表。\n"
            "申请事项 | 举报投诉 | 政府信息公开 | 行政处罚 | 终止调查\n"
            "数量 | 75件 | 16件 | 40件 | 4件\n"
            "占新受理数比例 | 49.66% | 10.59% | 26.49% | 2.64%\n")
    found = rules(text)
    assert "T202" not in found
    assert found.count("T203") == 3 and found.count("T205") == 1
