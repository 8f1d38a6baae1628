"""The 政府信息公开工作年度报告 profile (issue 24): report kinds as profiles, the six parts,
the mandated tables read however they were copied, their identities (one finding per
wrong cell), the text against the tables, the year, the deadline and the basis.

Rule ids in the test ids: `pytest -k T301` runs a rule's cases.
"""
from __future__ import annotations

import collections
import json
import subprocess
import sys

import pytest
import yaml

from checker.config import Config
from checker.document.outline import build
from checker.linter import lint_text

from conftest import EXAMPLES, FIXTURES, ROOT

ZWGK = FIXTURES / "zwgk"
TABLE3 = yaml.safe_load((ZWGK / "table3.yaml").read_text(encoding="utf-8"))
TITLE = "某县财政局2023年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
LEAVES = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def findings(text: str, *rules: str, **config):
    return [f for f in lint_text(text, Config(select=rules, **config)) if f.rule in rules]


def ids(found) -> list:
    return sorted(f.rule for f in found)


# -- profiles --------------------------------------------------------------------------

def test_profiles_are_data():
    from checker.document.profiles import pack_kinds, profile
    z, f = profile("zwgk"), profile("fzzf")
    assert z.parts == ("overview", "proactive", "requests", "review", "problems", "matters") and z.since == 2019
    assert z.deadline["levels"]["department"] == "02-01" and z.deadline["late_from"] == "04-01"
    assert f.parts == () and f.deadline == {"late_from": "04-01", "levels": {"county_department": "03-01"}}
    assert pack_kinds() == {"zwgk": ("zwgk",)} and z.tables == "zwgk-tables.yaml"


def test_a_profiles_pack_runs_only_on_its_kind():
    from checker.rules import load_rules
    rules = {r.id: r for r in load_rules()}
    assert all(r.kinds == ("zwgk",) for r in rules.values() if r.file.endswith("zwgk.yaml"))
    assert rules["S101"].kinds == ("fzzf",) and rules["P101"].kinds == ()
    fzzf = (EXAMPLES / "zwgk-defective-2023.txt").read_text(encoding="utf-8")
    assert not [f for f in lint_text(fzzf, Config(kind="fzzf")) if f.rule in rules and rules[f.rule].file.endswith("zwgk.yaml")]


def run(*args):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT)


def test_rules_kind_lists_the_profiles_rule_set():
    listed = run("rules", "--kind", "zwgk").stdout
    assert "T301" in listed and "S120" in listed and "P101" in listed and "S101" not in listed
    assert "T301" not in run("rules", "--kind", "fzzf").stdout


@pytest.mark.parametrize("level", ["department", "government", "county_department", "default"])
def test_levels_come_from_the_profiles(tmp_path, level):
    (tmp_path / "cfg.yaml").write_text(f"level: {level}\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("某县财政局2023年政府信息公开工作年度报告\n发布时间：2024-02-15\n", encoding="utf-8")
    out = run("check", "--no-cache", "--config", str(tmp_path / "cfg.yaml"), "--select", "M104", str(tmp_path / "r.txt"))
    assert out.returncode in (0, 1), out.stderr
    assert ("M104" in out.stdout) == (level in ("department", "county_department", "default"))


def test_an_unknown_level_is_refused(tmp_path):
    (tmp_path / "cfg.yaml").write_text("level: ministry\n", encoding="utf-8")
    out = run("check", "--config", str(tmp_path / "cfg.yaml"), str(EXAMPLES / "zwgk-clean-2023.txt"))
    assert out.returncode == 2 and "department" in out.stderr


# -- parts (S120–S122) ------------------------------------------------------------------

def report(parts: list[str], year: int = 2023, closing: bool = True) -> str:
    body = "\n\n".join(f"{p}\n\n本部分正文。" for p in parts)
    end = "\n\n某县财政局\n2024年1月20日\n" if closing else "\n"
    return f"某县财政局{year}年政府信息公开工作年度报告\n\n{body}{end}"


SIX = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
       "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
VARIANTS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "五、政府信息公开工作存在的主要问题和改进情况",
            "六、其他需要报告的事项"]


@pytest.mark.parametrize("parts", [SIX, VARIANTS], ids=["format", "variants"])
def test_S120_S121_S122_six_parts_in_order_are_silent(parts):
    assert findings(report(parts), "S120", "S121", "S122", "S113") == []
    doc = build(report(parts))
    assert [s.kind for s in doc.sections] == ["achievements"] * 4 + ["problems", "other"]


def test_S120_a_missing_part_once_the_text_is_read_past_it():
    (f,) = findings(report(SIX[:3] + SIX[4:]), "S120")
    assert "第四部分" in f.message and f.expected == "四、政府信息公开行政复议、行政诉讼情况"
    assert findings(report(SIX[:3], closing=False), "S120") == []   # an excerpt: the rest may be past its cut
    assert findings(report(SIX[:3] + SIX[4:], year=2018), "S120") == []  # before the format


def test_S121_a_part_out_of_place():
    parts = [SIX[0], "二、收到和处理政府信息公开申请情况", "三、主动公开政府信息情况"] + SIX[3:]
    (f,) = findings(report(parts), "S121")
    assert f.quote.startswith("三、主动公开") and not findings(report(parts), "S122")


def test_S122_a_part_numbered_out_of_its_place():
    parts = SIX[:5] + ["七、其他需要报告的事项"]
    (f,) = findings(report(parts), "S122")
    assert (f.quote, f.expected) == ("七、", "六、")


def test_S113_is_for_the_years_before_the_format():
    text = report(SIX[:4])
    assert ids(findings(text, "S113", "S120")) == ["S120", "S120"]
    assert ids(findings(report(SIX[:4], year=2018), "S113", "S120")) == ["S113"]


def test_a_sentence_read_as_a_heading_names_no_part():
    from checker.document.profiles import part_of
    assert part_of("一，图解、视频解读较少；二是依申请公开答复文书的规范化水平有待提高", "zwgk") is None
    assert part_of("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "zwgk") == "review"


# -- 表三 read however it was copied (T301) --------------------------------------------

def _labels(rows):
    """Each row's labels as a copy prints them: a label the row above also has is merged."""
    out, last = [], []
    for path, _ in rows:
        out.append([p if k >= len(last) or last[k] != p or k == len(path) - 1 else "" for k, p in enumerate(path)])
        last = path
    return out


def render(rows, how: str) -> str:
    labels = _labels(rows)
    if how == "pipe":  # a web page's table copied with its | (examples/zwgk-*.txt)
        head = [f"| {CAPTION} | | | 申请人情况 | | | | | | |",
                "| | | | 自然人 | 法人或其他组织 | | | | | 总计 |",
                "| | | | | " + " | ".join(LEAVES) + " | |"]
        body = ["| " + " | ".join((lab + ["", "", ""])[:3] + [str(n) for n in nums]) + " |"
                for lab, (_, nums) in zip(labels, rows)]
        return "\n".join(head + body)
    if how == "tabs":  # Word: merged cells once, the lower part of a vertical merge empty
        head = [f"{CAPTION}\t申请人情况", "\t自然人\t法人或其他组织\t总计", "\t\t" + "\t".join(LEAVES) + "\t"]
        body = ["\t".join(lab + [str(n) for n in nums]) for lab, (_, nums) in zip(labels, rows)]
        return "\n".join(head + body)
    if how == "cells":  # a web page copied one cell a line, a | line after each (header cells broken)
        cells = [CAPTION, "申请人情况", "自然人", "法人或其他组织", "总计", "商业\n企业", "科研\n机构", "社会公益组织",
                 "法律服务机构", "其他"]
        for lab, (_, nums) in zip(labels, rows):
            cells += [x for x in lab if x] + [str(n) for n in nums]
        return "\n|\n".join(cells) + "\n|"
    if how == "cell-pipes":  # a web page copied as "cell |" lines, rows ended by a line of |
        lines = [f"{CAPTION} |", "申请人情况 |", "|||||||", "自然人 |", "法人或其他组织 |", "总计 |", "|||||||"]
        lines += [f"{x} |" for x in LEAVES] + ["|||||"]
        for lab, (_, nums) in zip(labels, rows):
            lines += [f"{x} |" for x in lab if x] + [f"{n} |" for n in nums] + ["||"]
        return "\n".join(lines)
    raise ValueError(how)


COPIES = ("pipe", "tabs", "cells", "cell-pipes")


def planted(case):
    rows = [(list(p), list(n)) for p, n in TABLE3["rows"]]
    rows[case["row"]][1][case["column"]] = case["value"]
    return rows


@pytest.mark.parametrize("how", COPIES)
def test_T301_table3_is_read_as_the_grid_whatever_the_copy(how):
    from checker.tables.mandated import grids
    doc = build(TITLE + render(TABLE3["rows"], how) + "\n")
    g = grids(doc, "zwgk")["requests"]
    assert not g.unread and len(g.rows) == len(TABLE3["rows"])
    assert g.columns == ("natural", "business", "research", "welfare", "lawyers", "other", "total")
    assert [g.value(r, "total") for r in ("new", "carried_in", "total", "carried_out")] == [50, 3, 51, 2]
    assert findings(TITLE + render(TABLE3["rows"], how) + "\n", "T301", "T201") == []
    assert not [s for s in doc.walk_sections() if s.heading.level == 1 and s.heading.text.startswith("本年新收")]


@pytest.mark.parametrize("how", COPIES)
@pytest.mark.parametrize("case", TABLE3["planted"], ids=lambda c: c["name"])
def test_T301_one_finding_at_the_wrong_cell(case, how):
    (f,) = findings(TITLE + render(planted(case), how) + "\n", "T301")
    assert f.quote == str(case["value"]) and f.expected == case["expected"]
    assert "≠" in f.computation and (case["breaks"] == 1 or f"另有{case['breaks'] - 1}个" in f.message)


def test_T301_a_break_no_single_cell_explains_is_reported_at_its_total():
    rows = planted(TABLE3["planted"][0])
    rows[3][1][0] = 6          # two wrong cells in the 自然人 column, each also off its row
    found = findings(TITLE + render(rows, "pipe") + "\n", "T301")
    assert sorted(f.quote for f in found) == ["19", "6"] and all(f.expected for f in found)
    rows = [(list(p), list(n)) for p, n in TABLE3["rows"]]
    rows[2][1][0], rows[2][1][1] = 19, 2     # the row still adds up; its two columns do not
    found = findings(TITLE + render(rows, "pipe") + "\n", "T301")
    assert [(f.quote, f.expected) for f in found] == [("42", None), ("6", None)]
    assert "“自然人”列" in found[0].message and "“商业企业”列" in found[1].message


def test_T301_an_unread_row_silences_its_identities():
    rows = [(list(p), list(n)) for p, n in TABLE3["rows"]]
    rows[4] = (rows[4][0], rows[4][1][:6])     # a cell lost in the copy
    rows[0][1][0] = 40                          # and a wrong cell elsewhere
    found = findings(TITLE + render(rows, "pipe") + "\n", "T301")
    assert [f.quote for f in found] == ["40"]    # only its row and its 新收 identity speak


def test_T301_a_misread_grid_says_nothing():
    rows = [(list(p), list(reversed(n))) for p, n in TABLE3["rows"]]   # every row's figures reversed
    assert findings(TITLE + render(rows, "pipe") + "\n", "T301") == []


# -- 表四: three blocks, each its own total (T301; T201 no longer adds them up) --------------

TABLE4 = """四、政府信息公开行政复议、行政诉讼情况

行政复议\t\t\t\t\t行政诉讼
结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉
\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计
{figures}
"""


@pytest.mark.parametrize("figures, quote", [
    ("1\t0\t0\t1\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0", None),
    ("1\t0\t0\t1\t2\t1\t0\t0\t0\t2\t0\t0\t0\t0\t0", "2"),
    ("1\t0\t0\t1\t3\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0", "3"),
])
def test_T301_table4_each_block_closes_alone(figures, quote):
    text = "某县财政局2023年政府信息公开工作年度报告\n\n" + TABLE4.format(figures=figures)
    found = findings(text, "T301", "T201")
    assert [f.quote for f in found] == ([quote] if quote else [])
    assert all(f.rule == "T301" for f in found)
    generic = findings(text, "T201", kind="fzzf")      # the generic rule reads the blocks apart too
    assert [f.quote for f in generic] == ([quote] if quote else [])


# -- 表二 (T302, T303, T306) ------------------------------------------------------------

def table2(made="3", repealed="1", in_force="12", regulations=("0", "0", "0"), enforcement="27",
           body="某县财政局") -> str:
    return (f"{body}2023年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条第（一）项\n"
            f"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | {' | '.join(regulations)} |\n"
            f"| 行政规范性文件 | {made} | {repealed} | {in_force} |\n第二十条第（六）项\n| 信息内容 | 本年处理决定数量 |\n"
            f"| 行政处罚 | 312 |\n| 行政强制 | {enforcement} |\n")


def test_T302_T303_T306_table2_is_silent_when_consistent():
    assert findings(table2(), "T302", "T303", "T306") == []
    assert findings(table2(made="5", repealed="2", in_force="3"), "T303") == []


def test_T302_a_negative_count():
    (f,) = findings(table2(enforcement="-2"), "T302")
    assert f.quote == "-2"


def test_T303_fewer_in_force_than_made_less_repealed():
    (f,) = findings(table2(made="5", repealed="0", in_force="3"), "T303")
    assert (f.quote, f.expected) == ("3", "≥5")


@pytest.mark.parametrize("body, fires", [("某县某镇人民政府", True), ("某市某区人民政府", True),
                                         ("青禾县市场监督管理局", True), ("某市人民政府", False),
                                         ("某省司法厅", False)])
def test_T306_rules_reported_by_a_body_that_makes_none(body, fires):
    found = findings(table2(regulations=("2", "0", "2"), body=body), "T306")
    assert bool(found) == fires


def test_T306_the_2019_columns_and_a_report_that_calls_itself_our_town():
    text = ("2023年政府信息公开工作年度报告\n\n一、总体情况\n\n我镇高度重视政府信息公开工作。\n\n二、主动公开政府信息情况\n\n"
            "第二十条第（一）项\n| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n| 规章 | 1 | 1 | 1 |\n"
            "| 规范性文件 | 2 | 2 | 9 |\n")
    (f,) = findings(text, "T306", "T303")
    assert f.rule == "T306"


# -- the text against the tables (T304, T305) ------------------------------------------

def test_T304_T305_the_examples():
    clean = (EXAMPLES / "zwgk-clean-2023.txt").read_text(encoding="utf-8")
    assert findings(clean, "T304", "T305") == []
    bad = (EXAMPLES / "zwgk-defective-2023.txt").read_text(encoding="utf-8")
    found = findings(bad, "T304", "T305")
    assert sorted((f.rule, f.quote) for f in found) == [("T304", "52件"), ("T304", "8件"), ("T305", "6.50%")]


def test_T304_a_count_about_another_year_or_agreeing_with_a_corrected_cell_is_not_a_defect():
    text = TITLE.replace("三、收到和处理", "一、总体情况\n\n2022年共收到政府信息公开申请40件。全年结转下年度继续办理2件。\n\n三、收到和处理")
    rows = planted(TABLE3["planted"][4])    # 结转下年度 总计 printed 3, should be 2
    assert findings(text + render(rows, "pipe") + "\n", "T304") == []


def test_T305_left_to_the_statistics_rules_when_the_sentence_states_the_whole():
    text = TITLE.replace("三、收到和处理", "一、总体情况\n\n全年办结申请51件，其中予以公开22件，占比40%。\n\n三、收到和处理")
    assert findings(text + render(TABLE3["rows"], "pipe") + "\n", "T305") == []


# -- year, deadline, basis (S123, M104, M105, W120, W121) ----------------------------------

@pytest.mark.parametrize("sentence, fires", [
    ("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。", True),
    ("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", False),
    ("现将本局2022年度政府信息公开工作情况报告如下。", True),
    ("现将本局2023年度政府信息公开工作情况报告如下。", False),
])
def test_S123_the_period_names_the_title_year(sentence, fires):
    text = f"某县财政局2023年政府信息公开工作年度报告\n\n{sentence}\n"
    assert bool(findings(text, "S123")) == fires


@pytest.mark.parametrize("title, published, fires", [
    ("某县财政局2023年政府信息公开工作年度报告", "2024-01-31", False),
    ("某县财政局2023年政府信息公开工作年度报告", "2024-02-01", True),
    ("某县人民政府办公室2023年政府信息公开工作年度报告", "2024-02-20", True),
    ("某县人民政府2023年政府信息公开工作年度报告", "2024-03-31", False),
    ("某县人民政府2023年政府信息公开工作年度报告", "2024-04-01", True),
    ("某县某镇人民政府2023年政府信息公开工作年度报告", "2024-03-10", False),
    ("某街道办事处2023年政府信息公开工作年度报告", "2024-03-10", False),
    ("2023年政府信息公开工作年度报告", "2024-03-10", False),
    ("某县财政局2018年政府信息公开工作年度报告", "2019-03-20", False),
    ("某县财政局2019年政府信息公开工作年度报告", "2020-02-03", True),
])
def test_M104_the_deadline_is_the_bodys(title, published, fires):
    found = findings(f"{title}\n发布时间：{published}\n", "M104", "M102")
    assert [f.rule for f in found] == (["M104"] if fires else [])


def test_M105_and_M102_keep_to_their_kinds():
    fzzf = "某县2020年法治政府建设情况报告\n发布时间：2021-03-15\n"
    assert findings(fzzf, "M102", "M104") == []                  # before 1 April: on time
    assert [f.rule for f in findings(fzzf.replace("03-15", "06-02"), "M102", "M104")] == ["M102"]
    bad = (EXAMPLES / "zwgk-defective-2023.txt").read_text(encoding="utf-8")
    (f,) = findings(bad, "M105", "M103")
    assert f.rule == "M105" and f.expected == "不晚于2024年1月31日"


@pytest.mark.parametrize("sentence, rule", [
    ("本报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）编制。", "W120"),
    ("本报告根据2008年5月1日起施行的《中华人民共和国政府信息公开条例》编制。", "W120"),
    ("本报告根据《中华人民共和国政府信息公开条例》（2007年4月5日国务院令第492号公布，2019年4月3日国务院令第711号修订）编制。", None),
    ("所有申请均在《条例》规定的15个工作日内予以答复。", "W121"),
    ("依申请公开的答复期限由原条例规定的15个工作日延长为20个工作日。", None),
    ("所有申请均在15个工作日内办结，平均用时6个工作日。", None),
])
def test_W120_W121_the_basis_after_2019(sentence, rule):
    text = f"某县财政局2023年政府信息公开工作年度报告\n\n{sentence}\n"
    assert ids(findings(text, "W120", "W121")) == ([rule] if rule else [])
    assert findings(text.replace("2023年", "2018年"), "W120", "W121") == []


# -- the examples, in every format -----------------------------------------------------

def test_the_clean_example_is_silent_and_its_sections_are_right():
    clean = (EXAMPLES / "zwgk-clean-2023.txt").read_text(encoding="utf-8")
    assert [f for f in lint_text(clean) if f.severity in ("error", "warning")] == []
    doc = build(clean)
    assert doc.report_kind == "zwgk" and doc.report_year == 2023
    assert [s.heading.marker + s.heading.text for s in doc.sections] == SIX


PLANTED = {("M104", "2024-03-15"), ("W120", "国务院令第492号"), ("S123", None), ("T304", "52件"), ("T304", "8件"),
           ("W121", "规定的15个工作日"), ("T303", "3"), ("T302", "-2"), ("T301", "3"), ("T301", "19"), ("S121", None),
           ("T305", "6.50%"), ("S120", None), ("M105", "2024年2月26日")}


def test_the_defective_example_has_its_planted_defects():
    bad = (EXAMPLES / "zwgk-defective-2023.txt").read_text(encoding="utf-8")
    found = [f for f in lint_text(bad) if f.severity in ("error", "warning")]
    got = {(f.rule, f.quote) for f in found}
    for rule, quote in PLANTED:
        assert any(r == rule and (quote is None or q == quote) for r, q in got), (rule, quote)
    assert sum(1 for f in found if f.rule == "T301") == 3
    mine = {f.rule for f in found}
    assert mine <= {r for r, _ in PLANTED} | {"T101", "T109"}   # the statistics rules on the text's own figures


def _rules_and_messages(path) -> collections.Counter:
    out = run("check", "--no-cache", "--format", "json", str(path))
    return collections.Counter((f["rule"], f["message"]) for f in json.loads(out.stdout))


@pytest.mark.parametrize("name", ["zwgk-clean-2023", "zwgk-defective-2023"])
def test_word_pdf_and_web_copies_give_the_same_findings(tmp_path, name):
    """The example typeset as Word (real tables, merged cells), as a PDF (tables drawn as
    grids: labels wrapped in their cells, header cells broken over lines) and as a saved
    web page (HTML tables with colspan and rowspan): the same findings as the text."""
    pytest.importorskip("docx")
    pytest.importorskip("reportlab")
    from zwgkdoc import docx_report, html_report, pdf_report
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    want = _rules_and_messages(EXAMPLES / f"{name}.txt")
    assert _rules_and_messages(docx_report(text, tmp_path / f"{name}.docx")) == want
    assert _rules_and_messages(pdf_report(text, tmp_path / f"{name}.pdf")) == want
    assert _rules_and_messages(html_report(text, tmp_path / f"{name}.html")) == want


def test_a_web_copy_of_a_township_report_is_silent():
    text = (ZWGK / "township-web-2022.txt").read_text(encoding="utf-8")
    assert [f for f in lint_text(text) if f.severity in ("error", "warning")] == []
    doc = build(text)
    assert [s.heading.marker + s.heading.text for s in doc.sections][:4] == SIX[:4]


@pytest.mark.parametrize("year, fires", [(2023, True), (2021, True), (2020, False)])
def test_W122_the_2019_table_after_2021(year, fires):
    text = (f"某县某镇人民政府{year}年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n第二十条第（一）项\n"
            "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n| 规范性文件 | 2 | 2 | 9 |\n")
    assert bool(findings(text, "W122")) == fires


@pytest.mark.parametrize("sentence", ["全年受理行政许可申请1256件。", "全年办理行政复议案件15件，行政诉讼案件9件。",
                                      "全年收到人大代表建议申请3件。"])
def test_T304_counts_of_other_work_are_not_the_tables(sentence):
    text = TITLE.replace("三、收到和处理", f"一、总体情况\n\n{sentence}\n\n三、收到和处理")
    assert findings(text + render(TABLE3["rows"], "pipe") + "\n\n" + TABLE4.format(
        figures="1\t0\t0\t1\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0"), "T304") == []


def test_a_county_governments_report_copied_from_word():
    """tests/fixtures/zwgk/county-gov-defective-2021.txt: a 县人民政府's own report (due by
    31 March), tables copied from Word as tab rows, （六）其他处理 without sub-rows (the 2019
    layout), with a wrong sub-row cell, a wrong 表四 block total, a wrong 行政诉讼 count and share
    in the text, the 2008 time limit and a late publication."""
    text = (ZWGK / "county-gov-defective-2021.txt").read_text(encoding="utf-8")
    found = {(f.rule, f.quote, f.expected) for f in lint_text(text) if f.severity in ("error", "warning")}
    assert found == {("M104", "2022-04-06", "不晚于2022年3月31日"), ("T304", "7件", None), ("T305", "45.00%", None),
                     ("W121", "法定的15个工作日", "20个工作日"), ("T301", "25", "23"), ("T301", "5", None)}
