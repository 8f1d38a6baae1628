"""Word .docx input: text as the reader sees it, Word's automatic numbering, tables, positions."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from checker.document.docx_numbering import format_number  # noqa: E402
from checker.document.docx import read_docx  # noqa: E402

LEVELS = """<w:abstractNum {ns} w:abstractNumId="{aid}">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="tab"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>"""


class Builder:
    """A .docx written with python-docx, with a Chinese multi-level list definition."""

    def __init__(self):
        self.doc = docx.Document()
        numbering = self.doc.part.numbering_part.element
        # NOTE: abstractNum elements must precede num elements in numbering.xml
        numbering.insert(0, parse_xml(LEVELS.format(ns=nsdecls("w"), aid=90)))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/></w:num>'))
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="92"><w:abstractNumId w:val="90"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'))

    def para(self, text="", level=None, num_id=91, style=None):
        p = self.doc.add_paragraph(text, style=style)
        if level is not None:
            numPr = p._p.get_or_add_pPr().get_or_add_numPr()
            numPr.get_or_add_ilvl().val = level
            numPr.get_or_add_numId().val = num_id
        return p

    def save(self, path):
        self.doc.save(path)
        return path


def report(b: Builder):
    b.para("某县2023年法治政府建设情况报告")
    b.para("2023年，我县深入推进法治政府建设。截止目前，各项任务总体完成。")
    b.para("主要工作和成效", 0)
    b.para("加强组织领导。县政府常务会议专题研究法治政府建设4次。", 1)
    b.para("完善制度建设", 2)
    b.para("清理规范性文件12件。", 3)
    b.para("清理部门文件3件。", 3)
    b.para("严格行政执法。全年办理行政处罚案件1250件。", 1)
    b.para("存在的问题", 0)
    b.para("执法队伍专业化程度不高。", 1)
    b.para("下一步工作安排", 0)
    b.para("深化行政执法体制改革。", 1)
    b.para("")
    b.para("某县人民政府")
    b.para("2024年1月18日")
    return b


def test_automatic_numbering_is_read_as_the_reader_sees_it(tmp_path):
    path = report(Builder()).save(tmp_path / "r.docx")
    lines = read_docx(str(path)).text.split("\n")
    assert lines[2:12] == ["一、主要工作和成效", "（一）加强组织领导。县政府常务会议专题研究法治政府建设4次。",
                           "1.完善制度建设", "（1）清理规范性文件12件。", "（2）清理部门文件3件。",
                           "（二）严格行政执法。全年办理行政处罚案件1250件。", "二、存在的问题",
                           "（一）执法队伍专业化程度不高。", "三、下一步工作安排", "（一）深化行政执法体制改革。"]


def test_the_library_reads_word_files_as_the_command_line_does(tmp_path):
    import checker
    path = report(Builder()).save(tmp_path / "r.docx")
    library = [(f.rule, f.line, f.column) for f in checker.lint_path(str(path))]
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--no-cache", str(path)],
                          capture_output=True, text=True, encoding="utf-8")
    assert library and library == [(f["rule"], f["line"], f["column"]) for f in json.loads(proc.stdout)]


def test_the_outline_of_a_word_report(tmp_path):
    path = report(Builder()).save(tmp_path / "r.docx")
    proc = subprocess.run([sys.executable, "-m", "checker", "parse", "--format", "json", str(path)],
                          capture_output=True, text=True, encoding="utf-8")
    data = json.loads(proc.stdout)
    assert [s["kind"] for s in data["sections"]] == ["achievements", "problems", "next_steps"]
    first = data["sections"][0]
    assert first["heading"] == "一、主要工作和成效" and first["numeral"] == "一" and not first["malformed"]
    assert first["children"][0]["heading"].startswith("（一）加强组织领导") and first["children"][0]["numeral"] == "一"
    assert data["closing"]["date"] == "2024-01-18"


def test_findings_point_at_paragraph_and_character(tmp_path):
    path = report(Builder()).save(tmp_path / "r.docx")
    (tmp_path / "rules.yaml").write_text("""rules:
  - id: W951
    name: test-jiezhi
    category: terminology
    severity: warning
    check: substitution
    params: {swap: {截止目前: 截至目前}}
    message: {zh: "应为{expected}", en: "use {expected}"}
    description: test
    source: test
    examples: {bad: ["截止目前"], good: ["截至目前"]}
  - id: W952
    name: test-wenjian
    category: terminology
    severity: warning
    check: pattern
    params: {regex: "部门文件"}
    message: {zh: "x", en: "x"}
    description: test
    source: test
    examples: {bad: ["部门文件"], good: ["文件"]}
""", encoding="utf-8")
    (tmp_path / "cfg.yaml").write_text("rules: [rules.yaml]\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--config",
                           str(tmp_path / "cfg.yaml"), "--select", "W951,W952", str(path)],
                          capture_output=True, text=True, encoding="utf-8")
    found = [(f["rule"], f["line"], f["column"]) for f in json.loads(proc.stdout)]
    # paragraph 2, character 20; paragraph 7 counts Word's "（2）" label as characters 1-3
    assert found == [("W951", 2, 20), ("W952", 7, 6)]


def test_start_override_style_numbering_and_restart(tmp_path):
    b = Builder()
    b.para("前言")
    b.para("重点任务", 0, num_id=92)      # this list instance starts at 三
    b.para("落实责任", 1, num_id=92)
    b.para("后续", 0, num_id=92)
    b.para("再次分项", 1, num_id=92)      # level 2 restarts under a new level 1
    styles = b.doc.styles.element
    styles.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="CnHeading2"><w:name w:val="Cn Heading 2"/>'
        f'<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="91"/></w:numPr></w:pPr></w:style>'))
    b.para("由样式编号", style="Cn Heading 2")
    lines = read_docx(str(b.save(tmp_path / "s.docx"))).text.split("\n")
    assert lines[:6] == ["前言", "三、重点任务", "（一）落实责任", "四、后续", "（一）再次分项", "（二）由样式编号"]


def test_tables_are_rows_of_text_and_tracked_changes_are_read(tmp_path):
    b = Builder()
    b.para("某县2023年法治政府建设情况报告")
    t = b.doc.add_table(rows=2, cols=3)
    for i, cells in enumerate([("项目", "件数", "占比"), ("行政复议", "58", "10%")]):
        for j, v in enumerate(cells):
            t.cell(i, j).text = v
    p = b.para("全年")
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'))
    p.add_run("内容").add_break()
    p.add_run("换行后")
    lines = read_docx(str(b.save(tmp_path / "t.docx"))).text.split("\n")
    assert lines[1:4] == ["项目\t件数\t占比", "行政复议\t58\t10%", "全年新增内容 换行后"]


def test_number_formats():
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 20)] == ["一", "十", "十一", "二十"]
    assert format_number(3, "chineseLegalSimplified") == "叁"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "decimalEnclosedCircle") == "④"
    assert format_number(12, "decimalFullWidth") == "１２"
    assert format_number(14, "upperRoman") == "XIV" and format_number(28, "lowerLetter") == "bb"


def test_broken_docx_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    proc = subprocess.run([sys.executable, "-m", "checker", "check", str(bad)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "bad.docx" in proc.stderr
    assert "Traceback" not in proc.stderr
