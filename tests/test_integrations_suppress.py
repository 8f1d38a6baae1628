"""Suppression comments in Markdown sources, and the unused-suppression report (M901)."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import lint

HEAD = "当前位置：首页 > 政务公开\n"
BODY = """某县2023年法治政府建设情况报告

一、主要工作和成效

县政府常务会议专题研究法治政府建设4次。

某县人民政府
2024年1月20日
"""


def rules_at(text, **config):
    return sorted((f.rule, f.line) for f in lint(text, **config))


def test_disable_enable_region():
    plain = rules_at(HEAD + BODY)
    assert ("M101", 1) in plain
    text = "<!-- reportlint-disable M101 -->\n" + HEAD + "<!-- reportlint-enable -->\n" + BODY
    found = rules_at(text)
    assert not any(r == "M101" for r, _ in found)
    assert not any(r == "M901" for r, _ in found)  # the suppression was used


def test_comment_lines_do_not_change_the_outline():
    from checker.document.outline import build
    text = "<!-- reportlint-disable-next-line S102 -->\n" + BODY
    doc = build(text)
    assert doc.title and doc.title.text.startswith("某县2023年")
    assert [s.heading.text for s in doc.sections] == ["主要工作和成效"]


def test_disable_by_name_or_category_and_without_ids():
    for directive in ("page-debris", "metadata", ""):
        text = f"<!-- reportlint-disable {directive} -->\n" + HEAD + BODY
        assert not any(r == "M101" for r, _ in rules_at(text)), directive


def test_disable_next_line_skips_blank_lines_and_covers_only_that_line():
    text = BODY.replace("县政府常务会议", "<!-- reportlint-disable-next-line S102 -->\n\n县政府常务会议")
    base = [r for r in rules_at(BODY) if r[0] == "S102"]
    assert base, "S102 fires at the title of this text"
    assert ("S102", 1) in rules_at(text)   # the title line is not the next line: still reported
    assert ("M901", 5) in rules_at(text)    # … so the comment is unused
    text = "<!-- reportlint-disable-next-line S102 -->\n\n" + BODY
    found = rules_at(text)
    assert not any(r == "S102" for r, _ in found) and not any(r == "M901" for r, _ in found)


def test_unused_and_misspelt_ids_are_reported_at_the_id():
    text = "<!-- reportlint-disable-next-line M101, Z999 -->\n" + HEAD + BODY
    found = [f for f in lint(text) if f.rule in ("M901", "M902")]
    # a misspelt id is M902's (unknown id), no longer also an unused suppression
    assert [(f.rule, f.line, f.column, f.quote, f.severity) for f in found] == [("M902", 1, 41, "Z999", "warning")]
    found = [f for f in lint(text, ignore=("M902",)) if f.rule in ("M901", "M902")]
    assert [(f.rule, f.line, f.column, f.quote, f.severity) for f in found] == [("M901", 1, 41, "Z999", "info")]


def test_ids_of_rules_that_did_not_run_are_not_called_unused():
    text = "<!-- reportlint-disable S101 -->\n" + BODY
    assert ("M901", 1) not in rules_at(text, select=("M901", "M101"))  # S101 did not run
    assert ("M901", 1) not in rules_at(text)                           # S101 ran and was suppressed
    text = "<!-- reportlint-disable M102 -->\n" + BODY
    assert ("M901", 1) in rules_at(text)                               # M102 ran and found nothing


def test_markdown_file_on_the_command_line(tmp_path):
    report = tmp_path / "报告.md"
    report.write_text("<!-- reportlint-disable-next-line page-debris -->\n" + HEAD + BODY, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--fail-on", "info",
                           str(report)], capture_output=True, text=True, encoding="utf-8")
    rules = {f["rule"] for f in json.loads(proc.stdout)}
    assert "M101" not in rules and "M901" not in rules and "S101" in rules
