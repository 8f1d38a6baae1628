"""--fix and --diff: verified, atomic, encoding-preserving, idempotent fixes."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import EXAMPLES
from checker import fixer
from checker.cli import rewrite
from checker.config import Config
from checker.document.outline import build

DEFECTIVE = EXAMPLES / "defective-2020.txt"

RULE = """  - id: {id}
    name: {name}
    category: {category}
    severity: warning
    check: {check}
    params: {params}
    message: {{zh: "{name}", en: "{name}"}}
    description: a rule for the fixer tests
    source: tests
    examples: {{bad: ["{bad}"], good: ["{good}"]}}
"""
SEMICOLON_RULES = [dict(id="P901", name="test-mixed-semicolons", category="punctuation", check="consistency",
                        params='{pairs: [["；", ";"]], fix: true}', bad="甲；乙；丙;丁", good="甲；乙")]
STRUCTURE_RULES = [dict(id="P902", name="test-kind-changer", category="punctuation", check="consistency",
                        params='{pairs: [["成效", "问题"]], fix: true}', bad="成效成效问题", good="成效")]
STATISTICS_RULES = [dict(id="T901", name="test-statistics-fix", category="statistics", check="consistency",
                         params='{pairs: [["；", ";"]], fix: true}', bad="甲；乙；丙;丁", good="甲；乙")]
NUMERAL_RULES = [dict(id="P903", name="test-year-digits", category="punctuation", check="consistency",
                      params='{pairs: [["二〇二〇年", "2020年"]], fix: true}', bad="二〇二〇年二〇二〇年2020年",
                      good="2020年")]
NEW_FINDING_RULES = SEMICOLON_RULES + [dict(id="P904", name="test-no-fullwidth-semicolon", category="punctuation",
                                            check="pattern", params="{regex: '；'}", bad="甲；乙", good="甲乙")]

REPORT = """某县2023年法治政府建设情况报告

一、主要工作和成效

（一）加强组织领导。召开常务会议4次；专题研究法治建设2次；听取汇报3次;部署任务5项。

二、存在的问题

（一）执法队伍专业化程度不高。

三、下一步工作安排

（一）深化改革。

某县人民政府
2024年1月18日
"""


def write_rules(folder: Path, rules) -> Path:
    (folder / "test-rules.yaml").write_text("rules:\n" + "".join(RULE.format(**r) for r in rules), encoding="utf-8")
    config = folder / "test-config.yaml"
    config.write_text("rules: [test-rules.yaml]\n", encoding="utf-8")
    return config


def config_with(tmp_path, rules, **kw) -> Config:
    """Only the given test rules run, so the built-in packs cannot change what is fixed."""
    ids = tuple(r["id"] for r in rules)
    folder = tmp_path / "-".join(ids)  # NOTE: rule files are cached by path: one folder per set
    folder.mkdir(exist_ok=True)
    write_rules(folder, rules)
    return Config(rules=(str(folder / "test-rules.yaml"),), select=ids, **kw)


def only(rules) -> tuple:
    return ("--select", ",".join(r["id"] for r in rules))


def run(*args, cwd=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, input=stdin)


# -- the fixer itself ----------------------------------------------------------

def test_fix_applies_only_the_offered_edits(tmp_path):
    out = fixer.fix_text(REPORT, "r.txt", config_with(tmp_path, SEMICOLON_RULES))
    assert out.fixed == REPORT.replace("3次;部署", "3次；部署")
    assert [f.rule for f in out.applied] == ["P901"] and not out.dropped


def test_a_fix_that_changes_the_structure_is_dropped_and_reported(tmp_path):
    text = REPORT.replace("召开常务会议", "成效显著，召开常务会议，成效")  # 问题 only in a heading
    out = fixer.fix_text(text, "r.txt", config_with(tmp_path, STRUCTURE_RULES))
    assert out.fixed == text
    assert [(d.rule, d.reason) for d in out.dropped] == [("P902", "the fix would change the document's structure")]


def test_a_fix_that_introduces_a_finding_is_dropped(tmp_path):
    out = fixer.fix_text(REPORT, "r.txt", config_with(tmp_path, NEW_FINDING_RULES))
    assert out.fixed == REPORT
    (dropped,) = out.dropped
    assert dropped.rule == "P901" and "new P904 finding" in dropped.reason


def test_statistics_and_numbers_are_never_changed(tmp_path):
    out = fixer.fix_text(REPORT, "r.txt", config_with(tmp_path, STATISTICS_RULES))
    assert out.fixed == REPORT and "statistics" in out.dropped[0].reason
    text = REPORT.replace("召开常务会议", "二〇二〇年、二〇二〇年、2020年召开常务会议")
    out = fixer.fix_text(text, "r.txt", config_with(tmp_path, NUMERAL_RULES))
    assert out.fixed == text and out.dropped[0].reason == "the fix would change a number"


def test_overlapping_and_duplicate_fixes():
    assert fixer.apply_fixes("abcdef", [(1, 2, "X"), (1, 2, "X"), (4, 4, "Y")]) == "aXcdYef"
    assert fixer._overlaps([(1, 3, "x")], [(2, 4, "y")])
    assert not fixer._overlaps([(1, 2, "x")], [(2, 4, "y")])
    assert not fixer._overlaps([(1, 2, "x")], [(1, 2, "x")])


def test_built_in_fixes_keep_structure_and_statistics():
    text = DEFECTIVE.read_text(encoding="utf-8")
    out = fixer.fix_text(text, "d.txt")
    before, after = build(text, "d.txt"), build(out.fixed, "d.txt")
    assert fixer.structure(before) == fixer.structure(after)
    digits = lambda doc: [re.findall(r"\d+", p.text) for p in doc.paragraphs]
    assert digits(before) == digits(after)
    assert fixer.fix_text(out.fixed, "d.txt").fixed == out.fixed


# hypothesis: --fix twice changes nothing the second time -------------------

_MARKERS = st.sampled_from(["（{}）", "({})", "（{})", "{}、", "", "（）"])
_NUMS = st.sampled_from(["一", "二", "三", "四"])
_SENTENCE = st.builds(lambda n, sep, pct: f"完成事项{n}件{sep}占比{n}{pct}", st.integers(1, 999),
                      st.sampled_from(["；", ";", "，"]), st.sampled_from(["%", " %", "％"]))


@st.composite
def reports(draw):
    lines = ["某县2023年法治政府建设情况报告", ""]
    for i, title in enumerate(["主要工作和成效", "存在的问题", "下一步工作安排"]):
        marker = draw(st.sampled_from(["{}、", "", "{}."]))
        lines += [marker.format("一二三"[i]) + title, ""]
        for _ in range(draw(st.integers(0, 2))):
            sub = draw(_MARKERS).format(draw(_NUMS))
            body = "".join(draw(st.lists(_SENTENCE, min_size=1, max_size=3)))
            lines += [f"{sub}加强工作。{body}。", ""]
    lines += ["某县人民政府", "2024年1月18日"]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + newline


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=reports())
def test_fix_is_idempotent_and_keeps_structure_and_numbers(tmp_path, text):
    config = config_with(tmp_path, SEMICOLON_RULES)
    once = fixer.fix_text(text, "r.txt", config)
    twice = fixer.fix_text(once.fixed, "r.txt", config)
    assert twice.fixed == once.fixed
    before, after = build(text, "r.txt"), build(once.fixed, "r.txt")
    assert fixer.structure(before) == fixer.structure(after)
    assert [re.findall(r"\d+", p.text) for p in before.paragraphs] == \
           [re.findall(r"\d+", p.text) for p in after.paragraphs]
    assert once.fixed.count("\r\n") == text.count("\r\n") and once.fixed.count("\n") == text.count("\n")


# -- the command line --------------------------------------------------------

ENCODINGS = [("utf-8", b"", "\n"), ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("gb18030", b"", "\r\n"),
             ("utf-16-le", b"\xff\xfe", "\r\n")]


@pytest.mark.parametrize("encoding,bom,newline", ENCODINGS, ids=["utf8-lf", "utf8-bom-crlf", "gb18030-crlf", "utf16"])
def test_fix_keeps_encoding_bom_and_line_ends(tmp_path, encoding, bom, newline):
    config = write_rules(tmp_path, SEMICOLON_RULES)
    report = tmp_path / "r.txt"
    report.write_bytes(bom + REPORT.replace("\n", newline).encode(encoding))
    proc = run("check", "--fix", "--config", config, *only(SEMICOLON_RULES), report)
    assert "fixed 1 finding(s) in 1 file(s)" in proc.stderr, proc.stderr
    expected = REPORT.replace("3次;部署", "3次；部署").replace("\n", newline)
    assert report.read_bytes() == bom + expected.encode(encoding)
    again = run("check", "--fix", "--config", config, *only(SEMICOLON_RULES), report)
    assert "fixed" not in again.stderr and report.read_bytes() == bom + expected.encode(encoding)


def test_diff_previews_and_changes_nothing(tmp_path):
    config = write_rules(tmp_path, SEMICOLON_RULES)
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    proc = run("check", "--diff", "--config", config, *only(SEMICOLON_RULES), "r.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith("--- a/r.txt\n+++ b/r.txt\n@@")
    assert "-（一）加强组织领导。召开常务会议4次；专题研究法治建设2次；听取汇报3次;部署任务5项。" in proc.stdout
    assert "+（一）加强组织领导。召开常务会议4次；专题研究法治建设2次；听取汇报3次；部署任务5项。" in proc.stdout
    assert report.read_text(encoding="utf-8") == REPORT
    clean = run("check", "--diff", "--config", config, "--select", "P901", "-", stdin=REPORT.replace(";", "；"))
    assert clean.returncode == 0 and clean.stdout == ""


def test_fix_refuses_stdin_without_diff(tmp_path):
    proc = run("check", "--fix", "-", stdin=REPORT)
    assert proc.returncode == 2 and "--diff" in proc.stderr and proc.stdout == ""
    proc = run("check", "--fix", "--diff", "-", "--config", write_rules(tmp_path, SEMICOLON_RULES),
               *only(SEMICOLON_RULES), stdin=REPORT)
    assert proc.returncode == 1 and "--- a/<stdin>" in proc.stdout


def test_dropped_fixes_are_reported_on_stderr(tmp_path):
    config = write_rules(tmp_path, NEW_FINDING_RULES)
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    proc = run("check", "--fix", "--config", config, *only(NEW_FINDING_RULES), "r.txt", cwd=tmp_path)
    assert re.search(r"r\.txt:5:\d+: P901: fix not applied: the fix would introduce a new P904 finding", proc.stderr)
    assert report.read_text(encoding="utf-8") == REPORT


def test_read_only_file_is_reported_not_replaced(tmp_path):
    config = write_rules(tmp_path, SEMICOLON_RULES)
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    report.chmod(0o444)
    try:
        proc = run("check", "--fix", "--config", config, report)
        assert proc.returncode == 2 and "read-only file, not fixed" in proc.stderr
        assert report.read_text(encoding="utf-8") == REPORT
    finally:
        report.chmod(0o644)


def test_fix_keeps_permissions_and_symlinks(tmp_path):
    config = write_rules(tmp_path, SEMICOLON_RULES)
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    report.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    run("check", "--fix", "--config", config, link)
    assert link.is_symlink() and "3次；部署" in report.read_text(encoding="utf-8")
    assert (report.stat().st_mode & 0o777) == 0o640


def test_a_crash_mid_write_leaves_the_original_intact(tmp_path, monkeypatch):
    report = tmp_path / "r.txt"
    report.write_bytes(REPORT.encode("utf-8"))

    def crash(*args):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(rewrite, "_keep_owner", crash)  # after the new bytes were written
    with pytest.raises(KeyboardInterrupt):
        rewrite.write_fixed(str(report), "完全不同的内容\n".encode("utf-8") * 50, lambda: True)
    assert report.read_bytes() == REPORT.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]  # no temporary file left

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rewrite, "_keep_owner", lambda *args: None)
    monkeypatch.setattr(rewrite.os, "fsync", disk_full)
    from checker.errors import ReportlintError
    with pytest.raises(ReportlintError, match=r"No space left on device\); the file is unchanged"):
        rewrite.write_fixed(str(report), b"x", lambda: True)
    assert report.read_bytes() == REPORT.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


def test_word_files_are_never_rewritten(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in REPORT.splitlines():
        d.add_paragraph(line)
    path = tmp_path / "r.docx"
    d.save(path)
    before = path.read_bytes()
    config = write_rules(tmp_path, SEMICOLON_RULES)
    proc = run("check", "--fix", "--config", config, *only(SEMICOLON_RULES), path)
    assert "Word files are never rewritten" in proc.stderr and path.read_bytes() == before
    proc = run("check", "--diff", "--config", config, *only(SEMICOLON_RULES), path)
    assert "+（一）加强组织领导。召开常务会议4次；专题研究法治建设2次；听取汇报3次；部署任务5项。" in proc.stdout


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=reports())
def test_fix_with_every_built_in_rule_is_idempotent(tmp_path, text):
    write_rules(tmp_path, SEMICOLON_RULES)
    config = Config(rules=(str(tmp_path / "test-rules.yaml"),))
    once = fixer.fix_text(text, "r.txt", config)
    assert fixer.fix_text(once.fixed, "r.txt", config).fixed == once.fixed
    assert fixer.structure(build(text, "r.txt")) == fixer.structure(build(once.fixed, "r.txt"))
