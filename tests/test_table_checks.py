"""Table arithmetic (T201-T206): every case in both orientations and with every separator.

The cases live in fixtures/tables/cases.yaml: a table with an inconsistency
and its consistent twin. Each is rendered with | pipes, Markdown pipes, tabs,
aligned spaces (where the cells allow) and as a .docx table, as written and
transposed, and must give exactly the expected findings (rule, cell and
computation) — and none on the twin.
"""
from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
import yaml

from checker.config import Config
from checker.linter import lint_text
from checker.document.outline import build
from checker.tables.values import header_unit, label_role, named_base, read_cell

from conftest import FIXTURES

CASES = yaml.safe_load((FIXTURES / "tables" / "cases.yaml").read_text(encoding="utf-8"))
SEPARATORS = ("pipe", "markdown", "tab", "aligned", "docx")


def table_findings(text: str):
    return [f for f in lint_text(text, Config(select=("statistics",))) if f.rule.startswith("T2")]


# -- rendering -------------------------------------------------------------------

def transpose(rows):
    width = max(len(r) for r in rows)
    rows = [list(r) + [""] * (width - len(r)) for r in rows]
    return [list(col) for col in zip(*rows)]


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render(rows, how: str) -> str | None:
    if how == "pipe":
        return "\n".join(" | ".join(r) for r in rows)
    if how == "markdown":
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "|" + "---|" * len(rows[0]))
        return "\n".join(lines)
    if how == "tab":
        return "\n".join("\t".join(r) for r in rows)
    if how == "aligned":
        if any(len(r) < 3 or any(not c or " " in c for c in r) for r in rows):
            return None   # aligned columns cannot show an empty cell or a two-cell row
        widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
        return "\n".join("".join(c + " " * (widths[i] - width(c) + 4) for i, c in enumerate(r)).rstrip()
                         for r in rows)
    raise ValueError(how)


def docx_text(tmp_path, intro, rows) -> str:
    docx = pytest.importorskip("docx")
    from checker.document.docx import read_docx
    document = docx.Document()
    for line in intro:
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    path = tmp_path / "report.docx"
    document.save(str(path))
    return read_docx(str(path)).text


def variants():
    return [pytest.param(case, transposed, how, id=f"{case['name']}-{'side' if transposed else 'top'}-{how}")
            for case in CASES["cases"] for transposed in (False, True) for how in SEPARATORS
            if case.get("transpose", True) or not transposed]


def text_of(tmp_path, intro, rows, how):
    if how == "docx":
        return docx_text(tmp_path, intro, rows)
    body = render(rows, how)
    if body is None:
        pytest.skip("cells that aligned columns cannot show")
    return "\n".join(intro) + "\n" + body + "\n"


def expected_findings(text, expect, transposed):
    (table,) = build(text).tables
    out = set()
    for e in expect:
        r, c = e["at"]
        if transposed:
            r, c = c, r
        # NOTE: a case's `expected` is the finding's computation (Finding.computation), written
        # with spaces; Chinese output writes it without (430+800=1230≠1250)
        from checker.linter import zh_computation
        computation = e.get("expected")
        out.add((e["rule"], table.rows[r][c].span.start, computation and zh_computation(computation)))
    return out


# -- every case: the defect is found on its cell, the twin is silent ----------------

@pytest.mark.parametrize("case,transposed,how", variants())
def test_inconsistent_table_is_reported_on_its_cell(tmp_path, case, transposed, how):
    rows = transpose(case["bad"]["rows"]) if transposed else case["bad"]["rows"]
    text = text_of(tmp_path, case["intro"], rows, how)
    found = {(f.rule, f.start, f.computation) for f in table_findings(text)}
    assert found == expected_findings(text, case["bad"]["expect"], transposed)


@pytest.mark.parametrize("case,transposed,how", variants())
def test_consistent_twin_is_silent(tmp_path, case, transposed, how):
    rows = transpose(case["good"]["rows"]) if transposed else case["good"]["rows"]
    text = text_of(tmp_path, case.get("good_intro", case["intro"]), rows, how)
    assert build(text).tables, "the table was not recognised"
    assert [(f.rule, f.message) for f in table_findings(text)] == []


@pytest.mark.parametrize("case", CASES["quiet"], ids=lambda c: c["name"])
@pytest.mark.parametrize("transposed", (False, True), ids=("top", "side"))
@pytest.mark.parametrize("how", SEPARATORS)
def test_consistent_tables_stay_silent(tmp_path, case, transposed, how):
    rows = transpose(case["rows"]) if transposed else case["rows"]
    text = text_of(tmp_path, case["intro"], rows, how)
    assert build(text).tables
    assert [(f.rule, f.message) for f in table_findings(text)] == []


# -- messages --------------------------------------------------------------------

def test_message_names_the_cell_and_the_computation():
    case = next(c for c in CASES["cases"] if c["name"] == "shares-of-the-stated-total")
    text = "\n".join(case["intro"]) + "\n" + render(case["bad"]["rows"], "pipe") + "\n"
    by_rule = {}
    for f in table_findings(text):
        by_rule.setdefault(f.rule, f)
    assert by_rule["T203"].message == "表中“举报投诉处理”的占新受理数比例49.27%系截断而非四舍五入"
    assert (by_rule["T203"].expected, by_rule["T203"].computation) == ("49.28%", "68/138=49.28%")
    assert "129≠138" in by_rule["T205"].computation and "第2行" in by_rule["T205"].message
    en = [f for f in lint_text(text, Config(select=("T205",), lang="en"))]
    assert en and "stated on line 2" in en[0].message


def test_a_table_of_the_main_categories_need_not_reach_the_stated_total():
    case = next(c for c in CASES["cases"] if c["name"] == "shares-of-the-stated-total")
    intro = case["intro"][:-1] + [case["intro"][-1].replace("具体情况见下表", "主要类别见下表")]
    text = "\n".join(intro) + "\n" + render(case["bad"]["rows"], "pipe") + "\n"
    assert "T205" not in {f.rule for f in table_findings(text)}
    assert "T203" in {f.rule for f in table_findings(text)}   # its shares are still judged


def test_a_sentence_about_another_population_is_not_held_to_the_table():
    text = ("一、复议和应诉\n全年审结行政复议案件85件。审结案件中，维持48件，撤销10件，确认违法4件。\n"
            "全年审结行政诉讼案件54件。行政诉讼案件审结情况如下表：\n"
            "|结果|件数|\n|---|---|\n|驳回诉讼请求|29|\n|撤销|3|\n|确认违法|2|\n|撤诉|17|\n|其他|3|\n|合计|54|\n")
    assert "T206" not in {f.rule for f in table_findings(text)}
    # the same sentence about 诉讼 is held to it
    assert "T206" in {f.rule for f in table_findings(text.replace("审结案件中，", "诉讼审结案件中，"))}


def test_empty_part_is_missing_unless_the_rule_says_zero(tmp_path):
    from checker.checks import get
    text = "一、工作\n各所调解情况：\n项目\t东城所\t西城所\t南城所\t合计\n调解纠纷\t56\t\t37\t95\n"
    assert table_findings(text) == []      # an empty cell may be a number nobody filled in
    check = get("table-total")()
    hits = list(check.run(build(text), {"empty": "zero"}, None))
    assert [(h.expected, h.computation) for h in hits] == [(None, "56+0+37 = 93 ≠ 95")]


def test_total_cell_merged_across_label_columns():
    text = "一、执法\n办案情况：\n序号\t单位\t受理\t办结\n1\t东城所\t56\t50\n2\t西城所\t48\t45\n合计\t104\t96\n"
    (f,) = table_findings(text)
    assert (f.rule, f.quote, f.computation) == ("T201", "96", "50+45=95≠96")


def test_table_rows_are_not_read_as_sentences():
    """Figures in cells belong to the table checks, not to the sentence statistics."""
    case = next(c for c in CASES["cases"] if c["name"] == "share-against-total")
    text = "\n".join(case["bad"]["rows"][0]) + "\n" + render(case["bad"]["rows"], "pipe") + "\n"
    assert [f.rule for f in lint_text(text, Config(select=("statistics",))) if not f.rule.startswith("T2")] == []


# -- reading cells ------------------------------------------------------------------

@pytest.mark.parametrize("text,hint,kind,value,unit", [
    ("75", None, "number", "75", ""),
    ("75件", None, "number", "75", "件"),
    ("７５件", None, "number", "75", "件"),
    ("1,250", None, "number", "1250", ""),
    ("8.56万", None, "number", "85600", ""),
    ("75（件）", None, "number", "75", "件"),
    ("+20", None, "number", "20", ""),
    ("-5", None, "number", "-5", ""),
    ("49.66%", None, "percent", "49.66", "%"),
    ("49.66 ％", None, "percent", "49.66", "%"),
    ("４９．６６％", None, "percent", "49.66", "%"),
    ("49.66", "%", "percent", "49.66", "%"),
    ("75件", "%", "text", None, ""),
    ("百分之五十", None, "percent", "50", "%"),
    ("十二", None, "number", "12", ""),
    ("—", None, "dash", "0", ""),
    ("-", "件", "dash", "0", "件"),
    ("/", None, "dash", "0", ""),
    ("", None, "empty", None, ""),
    ("2023年", None, "text", None, ""),
    ("行政处罚", None, "text", None, ""),
    ("75件（含结转3件）", None, "text", None, ""),
])
def test_read_cell(text, hint, kind, value, unit):
    v = read_cell(text, hint)
    assert v.kind == kind
    assert v.value == (Decimal(value) if value is not None else None)
    assert v.unit == unit


def test_cell_decimals_and_rounding_unit():
    v = read_cell("8.56万")
    assert v.decimals == 2 and v.half_unit == 50 and not v.exact and v.shown == "8.56万"
    assert read_cell("75件").exact and read_cell("-5").shown == "-5"


@pytest.mark.parametrize("label,role", [
    ("合计", "total"), ("合  计", "total"), ("全年合计", "total"), ("总计（件）", "total"), ("小计", "subtotal"),
    ("其中：网上办理", "part-of"), ("占比", "share"), ("占新受理数比例", "share"), ("比例(%)", "share"),
    ("（%）", "share"), ("办结比例", "plain"), ("成功率", "rate"), ("同比增减", "rate"),
    ("受理总数", "plain"), ("行政处罚", "plain"),
])
def test_label_roles(label, role):
    assert label_role(label) == role


def test_units_and_bases_from_labels():
    assert header_unit("数量（件）") == "件" and header_unit("占比(%)") == "%"
    assert header_unit("执法案件情况（单位：件）") == "件" and header_unit("类别") is None
    assert named_base("占新受理数比例") == "新受理" and named_base("占比") == "" and named_base("占全市比例") == "全市"


# -- properties: consistent tables never fire; a wrong total always does -------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from checker.figures.rounding import fmt, percent  # noqa: E402

CATEGORIES = ["行政处罚", "行政许可", "行政强制", "行政确认", "政府信息公开", "行政征收", "行政给付", "其他"]


@st.composite
def tables(draw):
    n = draw(st.integers(2, 6))
    labels = draw(st.permutations(CATEGORIES))[:n]
    counts = draw(st.lists(st.integers(0, 600), min_size=n, max_size=n).filter(lambda c: sum(c) > 0))
    unit = draw(st.sampled_from(["", "件"]))
    decimals = draw(st.integers(0, 2))
    total, with_total, with_share = sum(counts), draw(st.booleans()), draw(st.booleans())

    def count(c):
        return "—" if c == 0 and draw(st.booleans()) else f"{c}{unit}"

    rows = [["类别"] + labels + (["合计"] if with_total else []),
            ["数量"] + [count(c) for c in counts] + ([f"{total}{unit}"] if with_total else [])]
    if with_share:
        rows.append(["占比"] + [fmt(percent(c, total), decimals) + "%" for c in counts]
                    + ([fmt(percent(total, total), decimals) + "%"] if with_total else []))
    intro = draw(st.sampled_from(["具体情况见下表：", f"全年共受理案件{total}件，具体情况见下表："]))
    return rows, intro, counts


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.booleans(), st.sampled_from(("pipe", "markdown", "tab", "aligned")))
def test_consistent_tables_never_fire(table, transposed, how):
    rows, intro, _ = table
    rows = transpose(rows) if transposed else rows
    body = render(rows, how)
    if body is None:
        return
    text = f"一、行政执法\n{intro}\n{body}\n"
    assert build(text).tables
    assert [(f.rule, f.message) for f in table_findings(text)] == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), st.integers(1, 9), st.booleans(), st.sampled_from(("pipe", "tab")))
def test_a_wrong_total_is_always_found(table, off, transposed, how):
    rows, _, counts = table
    if rows[0][-1] != "合计":
        rows = [r + [x] for r, x in zip(rows, ["合计", str(sum(counts))])][:2]
    rows = [list(r) for r in rows[:2]]
    rows[1][-1] = str(sum(counts) + off)
    rows = transpose(rows) if transposed else rows
    text = f"一、行政执法\n执法情况：\n{render(rows, how)}\n"
    assert "T201" in [f.rule for f in table_findings(text)]


# -- whole reports -------------------------------------------------------------------

REPORTS = FIXTURES / "tables"


def test_consistent_report_with_tables_has_no_statistics_findings():
    text = (REPORTS / "consistent-report.txt").read_text(encoding="utf-8")
    assert len(build(text).tables) == 4
    found = [f for f in lint_text(text, Config(select=("statistics",)))]
    assert [(f.rule, f.line, f.message) for f in found] == []


def test_defective_report_with_tables():
    text = (REPORTS / "defective-report.txt").read_text(encoding="utf-8")
    found = [(f.rule, f.line, f.quote, f.expected, f.computation) for f in table_findings(text)]
    assert found == [
        ("T201", 11, "1250", None, "430+800=1230≠1250"),
        ("T205", 16, "68件 | 23件 | 31件 | 7件", None, "68+23+31+7=129≠138"),
        ("T206", 16, "23件", None, "23≠25件"),
        ("T203", 17, "49.27%", "49.28%", "68/138=49.28%"),
        ("T203", 17, "16.66%", "16.67%", "23/138=16.67%"),
        ("T204", 21, "占比", None, "50.5%+30.2%+20.1%=100.8%≠100%"),
    ]


def test_docx_table_with_a_merged_total_cell(tmp_path):
    docx = pytest.importorskip("docx")
    from checker.document.docx import read_docx
    document = docx.Document()
    document.add_paragraph("一、行政执法")
    document.add_paragraph("全年受理行政许可申请104件，各所办理情况见下表：")
    rows = [["序号", "单位", "受理（件）", "办结（件）"], ["1", "东城所", "56", "50"], ["2", "西城所", "48", "45"],
            ["合计", "", "105", "95"]]
    table = document.add_table(rows=4, cols=4)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    table.cell(3, 0).merge(table.cell(3, 1)).text = "合计"      # Word: 合计 across 序号 and 单位
    path = tmp_path / "merged.docx"
    document.save(str(path))
    text = read_docx(str(path)).text
    assert "合计\t105\t95" in text
    found = sorted((f.rule, f.quote, f.computation) for f in table_findings(text))
    assert found == [("T201", "105", "56+48=104≠105"), ("T205", "105", "105≠104")]


TOKENS = ["", "0", "—", "-", "/", "75", "75件", "７５件", "1,250", "8.56万", "+5", "-3", "约75件", "180余件",
          "49.66%", "49.66 ％", "100%", "0.00%", "十二", "2023年", "合计", "小计", "总计", "占比", "占全市比例",
          "比例（%）", "其中：网上", "其他", "成功率", "同比增减", "序号", "行政处罚", "数量（件）", "单位：件"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=6), min_size=2, max_size=7),
       st.sampled_from(("pipe", "tab")), st.sampled_from(["", "全年受理案件151件，其中行政处罚75件。情况如下："]))
def test_any_table_is_read_without_error(rows, how, intro):
    rows = [r if len(r) >= 2 else r + ["1"] for r in rows]
    text = f"一、工作\n{intro}\n{render(rows, how)}\n"
    for f in table_findings(text):
        assert f.computation and "{" not in f.message
