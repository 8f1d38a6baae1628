"""Chinese first (issue 20): every rule speaks both languages, and the catalogue,
SARIF, HTML, stats and parse speak the user's."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from checker.errors import ReportlintError
from checker.rules import load_rule_file, load_rules

RULES = load_rules()
HAN = re.compile(r"[\u4e00-\u9fff]")
DEFECTIVE = EXAMPLES / "defective-2020.txt"


def run(*args):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8")


# -- 1. both languages --------------------------------------------------------

@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_a_title_and_a_description_in_both_languages(rule):
    for lang in ("zh", "en"):
        assert rule.title.get(lang, "").strip(), f"{rule.id} has no {lang} title"
        assert rule.description.get(lang, "").strip(), f"{rule.id} has no {lang} description"
    assert HAN.search(rule.title["zh"]) and HAN.search(rule.description["zh"].splitlines()[0])
    assert rule.description["zh"] != rule.description["en"]
    assert rule.source.strip()


@pytest.mark.parametrize("body, needle", [
    ("    title: {zh: 标题, en: Title}\n    description: one string\n", "description"),
    ("    title: {zh: 标题, en: Title}\n    description: {zh: 中文}\n", "description"),
    ("    description: {zh: 中文, en: English}\n", "title"),
    ("    title: {zh: 标题}\n    description: {zh: 中文, en: English}\n", "title"),
])
def test_a_shipped_pack_must_be_bilingual(tmp_path, body, needle):
    path = tmp_path / "pack.yaml"
    path.write_text("rules:\n  - id: X901\n    name: x\n    category: placeholder\n    severity: info\n"
                    "    check: pattern\n    params: {regex: 'x'}\n    message: {zh: a, en: b}\n" + body,
                    encoding="utf-8")
    with pytest.raises(ReportlintError, match=needle):
        load_rule_file(path, bilingual=True)


def test_a_users_rule_file_may_give_one_description(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("rules:\n  - id: X901\n    name: x\n    category: placeholder\n    severity: info\n"
                    "    check: pattern\n    params: {regex: 'x'}\n    message: {zh: a, en: b}\n"
                    "    description: one text\n", encoding="utf-8")
    rule, = load_rule_file(path)
    assert rule.describe("zh") == rule.describe("en") == "one text" and rule.titled("zh") == "x"


def test_rules_explain_is_chinese_by_default():
    t101 = next(r for r in RULES if r.id == "T101")
    out = run("rules", "--explain", "T101").stdout
    assert t101.describe("zh").splitlines()[0] in out and t101.titled("zh") in out
    assert "依据：" in out and "错误示例：" in out and t101.describe("en").splitlines()[0] not in out
    en = run("rules", "--lang", "en", "--explain", "T101").stdout
    assert t101.describe("en").splitlines()[0] in en and "bad:" in en and "source:" in en


def test_the_rule_list_is_chinese_by_default():
    out = run("rules").stdout
    assert "比率与所列数据不符" in out and "rate-mismatch" in out and "统计" in out
    assert "rules" not in out.splitlines()[-1] and "条规则" in out.splitlines()[-1]
    assert "比率与所列数据不符" not in run("rules", "--lang", "en").stdout


def test_sarif_rules_speak_the_users_language():
    t101 = next(r for r in RULES if r.id == "T101")
    for lang in ("zh", "en"):
        log = json.loads(run("check", "--no-cache", "--format", "sarif", "--lang", lang, DEFECTIVE).stdout)
        rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
        assert rules["T101"]["fullDescription"]["text"] == t101.describe(lang)
        assert rules["T101"]["shortDescription"]["text"] == t101.titled(lang)
        assert rules["T101"]["help"]["text"].startswith(t101.describe(lang))


def test_html_stats_and_parse_speak_the_users_language(tmp_path):
    s101 = next(r for r in RULES if r.id == "S102")  # DEFECTIVE has no S101
    html = run("check", "--no-cache", "--format", "html", DEFECTIVE).stdout
    assert s101.describe("zh").splitlines()[0] in html and s101.titled("zh") in html
    html = run("check", "--no-cache", "--format", "html", "--lang", "en", DEFECTIVE).stdout
    assert s101.describe("en").splitlines()[0] in html
    stats = run("stats", "--table", "rules", DEFECTIVE).stdout
    assert s101.titled("zh") in stats and "结构" in stats
    tree = run("parse", DEFECTIVE).stdout
    assert "标题：" in tree and "报告年度：2020年" in tree and "落款" in tree
    assert "title:" in run("parse", "--lang", "en", DEFECTIVE).stdout
