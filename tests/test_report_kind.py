"""Report kinds (rules/data/kinds.yaml): read from the title, overridable, and rules of
one kind run only on reports of that kind."""
from __future__ import annotations

import subprocess
import sys

import pytest

from checker.config import Config
from checker.document.outline import build
from checker.linter import lint_text

FUYI = """2023年行政复议、行政应诉案件统计分析报告

一、基本情况
全年收到行政复议申请84件，受理68件。

某市司法局
2024年1月20日
"""
FZZF = FUYI.replace("行政复议、行政应诉案件统计分析报告", "法治政府建设情况报告")


@pytest.mark.parametrize("title, kind", [
    ("某县2023年法治政府建设情况报告", "fzzf"),
    ("某县2015年依法行政工作报告", "fzzf"),
    ("某县人民政府办公室2022年政府信息公开工作年度报告", "zwgk"),
    ("珠海市2017年行政复议、应诉工作分析报告", "fuyi"),
    ("2019年全国行政复议、行政应诉案件统计数据", "fuyi"),
    ("广州市司法局2019年度行政执法数据", "zhifa"),
    ("某县2023年工作总结", "fzzf"),  # no kind named: the default
])
def test_the_kind_is_read_from_the_title(title, kind):
    assert build(f"{title}\n\n一、工作情况\n正文。\n").report_kind == kind


def test_without_a_title_the_opening_lines_tell():
    text = "现将本机关2022年政府信息公开工作年度报告如下。\n一、总体情况\n正文。\n"
    assert build(text).report_kind == "zwgk"


def test_rules_of_one_kind_run_only_on_it():
    rules = ("S101", "S102", "S108")
    assert not {f.rule for f in lint_text(FUYI, Config(select=rules))}
    assert {"S101", "S102"} <= {f.rule for f in lint_text(FZZF, Config(select=rules))}
    assert {"S101", "S102"} <= {f.rule for f in lint_text(FUYI, Config(select=rules, kind="fzzf"))}


def run(*args):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, encoding="utf-8")


def test_kind_flag_rules_listing_and_parse(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(FUYI, encoding="utf-8")
    assert "S102" not in run("check", "--no-cache", str(report)).stdout
    assert "S102" in run("check", "--no-cache", "--kind", "fzzf", str(report)).stdout
    listed = run("rules", "--kind", "fuyi").stdout
    assert "S102" not in listed and "P101" in listed and "S102" in run("rules").stdout
    assert '"kind": "fuyi"' in run("parse", "--format", "json", str(report)).stdout
    assert "适用报告类型：fzzf" in run("rules", "--explain", "S102").stdout
    assert "kinds: fzzf" in run("rules", "--lang", "en", "--explain", "S102").stdout


def test_unknown_kinds_are_errors(tmp_path):
    (tmp_path / "cfg.yaml").write_text("kind: fzfz\n", encoding="utf-8")
    proc = run("check", "--config", str(tmp_path / "cfg.yaml"), str(tmp_path))
    assert proc.returncode == 2 and "cfg.yaml:1" in proc.stderr and "kind" in proc.stderr
    (tmp_path / "rules.yaml").write_text("""rules:
  - id: W951
    name: test-kind
    category: terminology
    severity: warning
    check: substitution
    kinds: [fzfz]
    params: {swap: {截止目前: 截至目前}}
    message: {zh: x, en: x}
    description: test
""", encoding="utf-8")
    (tmp_path / "cfg2.yaml").write_text("rules: [rules.yaml]\n", encoding="utf-8")
    proc = run("check", "--config", str(tmp_path / "cfg2.yaml"), str(tmp_path))
    assert proc.returncode == 2 and "rules.yaml:7" in proc.stderr and "W951" in proc.stderr and "fzfz" in proc.stderr
