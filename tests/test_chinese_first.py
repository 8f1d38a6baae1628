"""Chinese first (issue 20): every rule speaks both languages, the catalogue, SARIF,
HTML, stats and parse speak the user's, Chinese messages read at a glance
(Chinese dates, no spaces around numbers, full-width colons, the computation apart),
and an unknown id in a suppression comment is reported (M902)."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES, FIXTURES
from checker.config import Config
from checker.errors import ReportlintError
from checker.findings import clip, clip_start
from checker.linter import lint_path, lint_text
from checker.rules import load_rule_file, load_rules

RULES = load_rules()
ALL = tuple(r.id for r in RULES)
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


# -- 2. messages a drafting team reads at a glance ---------------------------

QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"|‘[^’]*’")
ISO = re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)")
SPACE_BY_DIGIT = re.compile(r"\d[ \t\u00a0\u3000]|[ \t\u00a0\u3000]\d")


def style_faults(text: str) -> list[str]:
    """What a Chinese message must not have, outside the report's own words it quotes."""
    own = QUOTED.sub("“”", text)
    faults = []
    if ISO.search(text):
        faults.append("ISO date")
    if SPACE_BY_DIGIT.search(own):
        faults.append("space next to a digit")
    if ":" in own:
        faults.append("half-width colon")
    return faults


def test_style_faults_are_found():
    assert style_faults("2020 年度报告于 2021-06-02 公开：x") == ["ISO date", "space next to a digit"]
    assert style_faults("应为: 3") == ["space next to a digit", "half-width colon"]
    assert style_faults("多余的空格：“97.65 %”") == []


def _texts():
    for rule in RULES:
        for i, text in enumerate(rule.examples.get("bad", [])):
            yield f"{rule.id}-bad{i}", lambda text=text, lang="zh": lint_text(text, Config(lang=lang, select=ALL))
    for path in sorted(p for p in list(FIXTURES.rglob("*")) + list(EXAMPLES.rglob("*"))
                       if p.suffix in (".txt", ".md", ".html")):
        yield path.name, lambda path=path, lang="zh": lint_path(str(path), Config(lang=lang, select=ALL))


TEXTS = list(_texts())


def test_every_chinese_message_reads_at_a_glance():
    faults, rules_seen = [], set()
    for name, lint in TEXTS:
        for f in lint():
            rules_seen.add(f.rule)
            for field in ("message", "computation"):
                value = getattr(f, field)
                if value and style_faults(value):
                    faults.append(f"{name} {f.rule} {field}: {style_faults(value)}: {value}")
            if f.expected and (ISO.search(f.expected) or SPACE_BY_DIGIT.search(f.expected)):
                faults.append(f"{name} {f.rule} expected: ISO date or space: {f.expected}")
    assert len(rules_seen) >= len(RULES) - 5  # the scan reaches (nearly) every rule
    assert not faults, "\n".join(faults[:30])


def test_english_messages_keep_their_style():
    found = lint_text("全县受理矛盾纠纷3125件，调解成功3050件，调解成功率97.65%。\n", Config(lang="en", select=("T101",)))
    assert found[0].computation == "3050/3125 = 97.60%" and found[0].expected == "97.60%"
    assert found[0].message.isascii() or "调解成功率" in found[0].message


def test_a_computation_is_not_what_should_be_written(tmp_path):
    text = "全县受理矛盾纠纷3125件，调解成功3050件，调解成功率97.65%。\n"
    f, = lint_text(text, Config(select=("T101",)))
    assert f.expected == "97.60%" and f.computation == "3050/3125=97.60%"
    assert "3050" not in f.message
    table = next(r for r in RULES if r.id == "T201").examples["bad"][0]
    f, = [f for f in lint_text(table, Config(select=("T201",)))]
    assert f.expected is None and f.computation == "430+800=1230≠1250"
    report = tmp_path / "r.txt"
    report.write_text(text, encoding="utf-8")
    out = run("check", "--no-cache", "--select", "T101", report).stdout
    assert "应为：97.60%" in out and "计算：3050/3125=97.60%" in out
    concise = run("check", "--no-cache", "--select", "T101", "--output-format", "concise", report).stdout
    assert "（应为：97.60%；计算：3050/3125=97.60%）" in concise
    data = json.loads(run("check", "--no-cache", "--select", "T101", "--format", "json", report).stdout)
    assert data[0]["computation"] == "3050/3125=97.60%" and data[0]["expected"] == "97.60%"
    log = json.loads(run("check", "--no-cache", "--select", "T101", "--format", "sarif", report).stdout)
    result = log["runs"][0]["results"][0]
    assert result["properties"]["computation"] == "3050/3125=97.60%" and "计算：" in result["message"]["text"]
    html = run("check", "--no-cache", "--select", "T101", "--format", "html", report).stdout
    assert "3050/3125=97.60%" in html


def test_computations_are_written_without_spaces_in_chinese():
    from checker.linter import zh_computation
    assert zh_computation("(1+75.7%)/(1-3.9%) - 1 = 82.8%") == "(1+75.7%)/(1-3.9%)-1=82.8%"
    assert zh_computation("(12-8)/8 = 50.00%; (12-9)/9 = 33.33%") == "(12-8)/8=50.00%；(12-9)/9=33.33%"
    assert zh_computation("“予以公开”行：总计 3 ≠ 自然人 3 + 法人或其他组织 1 = 4") == \
        "“予以公开”行：总计3≠自然人3+法人或其他组织1=4"
    assert zh_computation("2021-06-08 = x") == "2021年6月8日=x"


def test_dates_in_chinese_messages_are_chinese():
    text = "某县2020年法治政府建设情况报告\n发布时间：2021-06-02\n"
    f, = lint_text(text, Config(select=("M102",)))
    assert f.message == "2020年度报告于2021年6月2日公开，晚于2021年4月1日的公开期限"
    assert f.expected == "2021年4月1日之前"
    f, = lint_text(text, Config(lang="en", select=("M102",)))
    assert "2021-06-02" in f.message


@pytest.mark.parametrize("rule, says", [
    ("W105", "2020年度的报告把党的十大当作现行指导，而当时最近召开的是党的十九大，应为党的十九大"),
    ("S112", "下一步工作安排写的是2020年的计划，而本报告是2020年度的，应安排下一年的工作"),
    ("S101", "报告缺少“存在的问题”部分：年度报告应写明工作成效、存在的问题和下一年度工作安排"),
])
def test_unclear_messages_are_rewritten(rule, says):
    text = next(r for r in RULES if r.id == rule).examples["bad"][0]
    assert any(says in f.message for f in lint_text(text, Config(select=(rule,))))


def test_quotes_are_cut_whole():
    assert clip("当前位置：首页 > 政务公开 > 法治政府建设", 20).endswith("…")
    assert clip("调解成功率达到了百分之九十九点七即99.70%并且", 20) == "调解成功率达到了百分之九十九点七即…"
    assert clip("短", 20) == "短"
    assert clip_start("确保政府信息公开工作落到实处行政诉讼120件", 12) == "…到实处行政诉讼120件"
    for text in ("一二三四五六七八九十一二三四五六七八12345.678%", "abc def ghi jkl mno pqr stu"):
        for limit in range(5, len(text)):
            shown = clip(text, limit)
            assert len(shown) <= limit and shown.endswith("…")
            head = shown[:-1]
            assert not (head[-1:].isalnum() and text[len(head)].isascii() and text[len(head)].isalnum()
                        and head[-1].isascii()), (limit, shown)
    debris = "当前位置：首页 > 政务公开 > 法治政府建设 > 年度报告 > 2020年\n某县2020年法治政府建设情况报告\n"
    f, = lint_text(debris, Config(select=("M101",)))
    quoted = re.search(r"“(.*)”", f.message).group(1)
    assert quoted.endswith("…") and not quoted.endswith("法治政…") and not quoted.endswith(">…")


# -- 3. an unknown id in a suppression comment -------------------------------

SUPPRESSED = "某县2023年法治政府建设情况报告\n\n<!-- reportlint-disable-next-line T1O1 -->\n一、主要工作和成效\n"


def test_an_unknown_suppression_id_is_reported_with_a_suggestion():
    found = lint_text(SUPPRESSED, Config(select=("M901", "M902")))
    f, = found
    assert f.rule == "M902" and f.line == 3 and SUPPRESSED.splitlines()[2][f.column - 1:f.end_column - 1] == "T1O1"
    assert "未知规则 T1O1，是否为 T101？" in f.message and f.expected == "T101"
    f, = lint_text(SUPPRESSED, Config(lang="en", select=("M901", "M902")))
    assert "unknown rule T1O1" in f.message and "did you mean T101?" in f.message
    f, = lint_text(SUPPRESSED.replace("T1O1", "Z999"), Config(select=("M902",)))
    assert "未知规则 Z999" in f.message and f.expected is None


def test_known_ids_names_and_categories_are_not_unknown():
    for key in ("S101", "missing-section", "structure", "S101,P105"):
        text = SUPPRESSED.replace("T1O1", key)
        assert not [f for f in lint_text(text, Config(select=("M902",)))]


def test_without_m902_an_unknown_id_is_still_an_unused_suppression():
    f, = lint_text(SUPPRESSED, Config(select=("M901",)))
    assert f.rule == "M901" and "T1O1" in f.message
