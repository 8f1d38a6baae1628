"""PDF reports and text pasted from PDFs (issue 19): read as a reader reads them, linted
exactly as the plain text, findings placed on the page."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import EXAMPLES

pdfdoc = pytest.importorskip("pdfdoc")  # reportlab, a test dependency
import checker  # noqa: E402
from checker.config import Config  # noqa: E402
from checker.document.outline import build  # noqa: E402
from checker.document.reading import read_path  # noqa: E402
from checker.errors import ReportlintError  # noqa: E402

CLEAN, DEFECTIVE = EXAMPLES / "clean-2023.txt", EXAMPLES / "defective-2020.txt"


def run(*args):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8")


def by_rule_and_quote(findings) -> list[tuple[str, str]]:
    """Findings compared as a reader would: the rule and the words (line breaks aside)."""
    return sorted((f.rule, "".join(f.quote.split())) for f in findings)


def outline(path) -> list[tuple]:
    doc = build(read_path(str(path)).text)
    return [(s.kind, s.heading.marker + s.heading.text, len(s.children)) for s in doc.sections]


@pytest.mark.parametrize("example", [CLEAN, DEFECTIVE], ids=lambda p: p.stem)
def test_an_example_typeset_as_pdf_gives_the_findings_of_its_text(tmp_path, example):
    pdf = pdfdoc.typeset(example.read_text(encoding="utf-8"), tmp_path / f"{example.stem}.pdf",
                         header="青禾县人民政府文件")
    assert by_rule_and_quote(checker.lint_path(str(pdf))) == by_rule_and_quote(checker.lint_path(str(example)))
    assert outline(pdf) == outline(example)


def test_the_clean_example_as_pdf_has_no_error_or_warning(tmp_path):
    pdf = pdfdoc.typeset(CLEAN.read_text(encoding="utf-8"), tmp_path / "clean.pdf")
    assert [f for f in checker.lint_path(str(pdf)) if f.severity != "info"] == []


def test_running_headers_page_numbers_and_wraps_are_undone(tmp_path):
    text = ("某县2022年法治政府建设情况报告\n"
            + "全县共调处矛盾纠纷326件，调解成功率为百分之九十八，涉及《中华人民共和国行政复议法》的案件有12件。" * 3 + "\n"
            + "一、主要工作和成效\n" + "推进依法行政，完善制度建设，规范行政执法行为，提升行政效能。" * 30 + "\n")
    pdf = pdfdoc.typeset(text, tmp_path / "r.pdf", header="某县2022年法治政府建设情况报告")
    source = read_path(str(pdf))
    assert len(source.pages) >= 2
    read = source.text
    assert "— 1 —" not in read and "— 2 —" not in read
    assert read.count("某县2022年法治政府建设情况报告") == 1   # the title, not the running header
    assert "矛盾纠纷326件" in read and "《中华人民共和国行政复议法》" in read  # numbers and marks whole again
    assert read.splitlines()[1].startswith("全县共调处") and read.splitlines()[2] == "一、主要工作和成效"


def test_a_table_becomes_a_table(tmp_path):
    text = "某县2022年法治政府建设情况报告\n一、主要工作和成效\n全年办理行政复议案件情况如下表：\n"
    table = [["类别", "收案", "结案"], ["行政处罚", "30", "28"], ["信息公开", "12", "12"], ["合计", "42", "40"]]
    pdf = pdfdoc.typeset(text, tmp_path / "t.pdf", table=table)
    doc = build(read_path(str(pdf)).text)
    assert len(doc.tables) == 1 and doc.tables[0].n_rows == 4 and doc.tables[0].n_columns == 3


def test_findings_name_page_and_line_on_the_page(tmp_path):
    text = "某县2022年法治政府建设情况报告\n" + "依法行政工作稳步推进。" * 60 + "\n截止目前，各项任务总体完成。\n"
    pdf = pdfdoc.typeset(text, tmp_path / "r.pdf")
    data = json.loads(run("check", "--no-cache", "--format", "json", pdf).stdout)
    (found,) = [f for f in data if f["rule"] == "W106"]
    assert found["page"] == 2 and 1 <= found["line"] <= 22
    text_out = run("check", "--no-cache", "--select", "W106", pdf).stdout
    assert f"（第2页第{found['line']}行）" in text_out
    sarif = json.loads(run("check", "--no-cache", "--select", "W106", "--format", "sarif", pdf).stdout)
    assert sarif["runs"][0]["results"][0]["properties"]["page"] == 2
    plain = json.loads(run("check", "--no-cache", "--format", "json", DEFECTIVE).stdout)
    assert all(f["page"] is None for f in plain)


def test_a_scan_an_encrypted_and_a_broken_pdf_are_one_line(tmp_path):
    from reportlab.pdfgen import canvas
    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    for _ in range(2):
        c.rect(50, 50, 400, 600, fill=1)
        c.showPage()
    c.save()
    locked = pdfdoc.typeset(CLEAN.read_text(encoding="utf-8"), tmp_path / "locked.pdf", encrypt="secret")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer <<>>\n%%EOF")
    stub = tmp_path / "stub.pdf"
    stub.write_bytes(b"%PDF")  # pypdf would warn on stderr: never shown
    for path, words in ((scan, "没有文本层"), (locked, "密码"), (broken, "broken.pdf"), (stub, "stub.pdf")):
        proc = run("check", "--no-cache", path)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 2 and len(lines) == 1 and words in lines[0], proc.stderr
        assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_old_word_and_wps_files_are_one_line(tmp_path, suffix):
    old = tmp_path / f"r{suffix}"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    proc = run("check", old)
    assert proc.returncode == 2 and ".docx" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=400), st.booleans())
def test_random_bytes_named_pdf_are_text_or_one_error(tmp_path_factory, data, header):
    path = tmp_path_factory.mktemp("pdf") / "x.pdf"
    path.write_bytes((b"%PDF-1.4\n" if header else b"") + data)
    try:
        read_path(str(path))
    except ReportlintError as err:
        assert "\n" not in str(err)


def _hard_wrapped(text: str, width: int = 28) -> str:
    out = []
    for line in text.splitlines():
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out) + "\n"


def test_text_pasted_from_a_pdf_is_joined_and_findings_point_at_its_lines(tmp_path):
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(_hard_wrapped(DEFECTIVE.read_text(encoding="utf-8")), encoding="utf-8")
    assert by_rule_and_quote(checker.lint_path(str(pasted))) == by_rule_and_quote(checker.lint_path(str(DEFECTIVE)))
    lines = pasted.read_text(encoding="utf-8").splitlines()
    for f in checker.lint_path(str(pasted)):
        if f.line == f.end_line and f.rule in ("T101", "D101", "W102"):
            assert lines[f.line - 1][f.column - 1:f.end_column - 1] in f.quote
    off = checker.lint_path(str(pasted), Config(unwrap=False))
    assert {f.rule for f in off} != {f.rule for f in checker.lint_path(str(pasted))}
    assert "T101" in run("check", "--no-cache", pasted).stdout
    assert "--no-unwrap" in run("check", "--help").stdout


def test_parse_shows_the_text_as_read(tmp_path):
    pdf = pdfdoc.typeset(CLEAN.read_text(encoding="utf-8"), tmp_path / "clean.pdf")
    shown = run("parse", "--format", "text", pdf).stdout
    want = [line.strip() for line in CLEAN.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert shown.splitlines() == want


def test_a_report_whose_line_breaks_were_lost_is_split_at_its_headings(tmp_path):
    body = "我县深入推进依法行政，各项工作取得明显成效。" * 10
    fused = ("某县2022年法治政府建设情况报告" + body + "一、加强组织领导。" + body + "（一）健全机制。" + body
             + "二、存在的问题。" + "执法队伍建设有待加强。" * 5)
    path = tmp_path / "fused.txt"
    path.write_text(fused + "\n", encoding="utf-8")
    doc = build(read_path(str(path)).text)
    assert [s.heading.marker for s in doc.sections] == ["一、", "二、"]
    assert [c.heading.marker for c in doc.sections[0].children] == ["（一）"]
    inline = "第一句。一、二季度各有安排。" * 30  # a numeral after 、 is a count, never a heading
    path.write_text(inline + "\n", encoding="utf-8")
    assert read_path(str(path)).text == inline + "\n"
    short = tmp_path / "short.txt"  # an ordinary paragraph line with one inline 一、 stays as it is
    short.write_text("正文第一段。\n会议要求：做好三件事。一、加强学习。二、狠抓落实。\n结尾。\n", encoding="utf-8")
    assert read_path(str(short)).text == short.read_text(encoding="utf-8")
