"""The command line: exit codes, formats, configuration, rule files, errors."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES

CLEAN = EXAMPLES / "clean-2023.txt"
DEFECTIVE = EXAMPLES / "defective-2020.txt"


def run(*args, cwd=None, stdin=None):
    proc = subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, input=stdin)
    return proc


def test_clean_example_exits_0_and_defective_exits_1():
    assert run("check", "--no-color", CLEAN).returncode == 0
    assert run("check", "--no-color", DEFECTIVE).returncode == 1


def test_json_findings_have_exactly_the_documented_keys():
    proc = run("check", "--format", "json", DEFECTIVE)
    data = json.loads(proc.stdout)
    assert data, "the defective example has findings"
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "name", "category",
            "severity", "message", "expected", "computation", "page"}
    for f in data:
        assert set(f) == keys and f["page"] is None  # page: PDF input only
        assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"])
    assert data == sorted(data, key=lambda f: (f["path"], f["line"], f["column"]))


def test_text_output_has_location_caret_and_summary():
    out = run("check", "--no-color", DEFECTIVE).stdout
    assert f"{DEFECTIVE}:" in out and "^" in out
    assert "个问题" in out.splitlines()[-1]
    en = run("check", "--no-color", "--lang", "en", DEFECTIVE).stdout
    assert "finding(s)" in en.splitlines()[-1]


def test_stdin_is_read_with_dash():
    proc = run("check", "--format", "json", "-", stdin=DEFECTIVE.read_text(encoding="utf-8"))
    assert proc.returncode == 1
    assert json.loads(proc.stdout)[0]["path"] == "<stdin>"


def test_fail_on_and_select_ignore():
    assert run("check", "--select", "M101", "--fail-on", "info", DEFECTIVE).returncode == 1
    assert run("check", "--select", "M101", DEFECTIVE).returncode == 0  # info is below error
    data = json.loads(run("check", "--format", "json", "--ignore", "metadata", DEFECTIVE).stdout)
    assert all(f["category"] != "metadata" for f in data)


def test_missing_path_and_empty_directory_exit_2(tmp_path):
    proc = run("check", tmp_path / "nope.txt")
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr
    proc = run("check", tmp_path)
    assert proc.returncode == 2 and "no report files" in proc.stderr


def test_binary_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    proc = run("check", bad)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "scan.txt" in proc.stderr


def test_parse_json_shape():
    data = json.loads(run("parse", "--format", "json", CLEAN).stdout)
    assert set(data) == {"title", "kind", "report_year", "published", "sections", "closing"}
    assert (data["kind"], data["report_year"]) == ("fzzf", 2023)
    assert [s["kind"] for s in data["sections"]] == ["achievements", "problems", "next_steps"]
    first = data["sections"][0]
    assert set(first) == {"kind", "heading", "line", "numeral", "malformed", "tables", "children"}
    assert first["heading"] == "一、主要工作和成效" and first["numeral"] == "一"
    assert data["closing"] == {"organisations": ["青禾县人民政府"], "date": "2024-01-18",
                               "line": data["closing"]["line"]}


def test_parse_tree_is_readable():
    out = run("parse", CLEAN).stdout
    assert "一、主要工作和成效" in out and "<achievements>" in out


def test_rules_lists_and_explains():
    out = run("rules").stdout
    assert "S101" in out and "missing-section" in out
    out = run("rules", "--explain", "S101").stdout
    assert "错误示例：" in out and "正确示例：" in out and "依据：" in out  # Chinese by default
    out = run("rules", "--lang", "en", "--explain", "S101").stdout
    assert "bad:" in out and "good:" in out and "source:" in out
    assert run("rules", "--explain", "Z999").returncode == 2


def test_a_new_rule_in_yaml_only(tmp_path):
    (tmp_path / "extra.yaml").write_text("""
rules:
  - id: W901
    name: jiezhi-muqian
    category: terminology
    severity: warning
    check: substitution
    params: {swap: {截止目前: 截至目前}}
    message: {zh: "“{match}”应为“{expected}”", en: "{match} should be {expected}"}
    description: 截止 means a deadline; 截至 means up to.
    source: 现代汉语词典
    examples: {bad: ["截止目前，已完成。"], good: ["截至目前，已完成。"]}
""", encoding="utf-8")
    (tmp_path / "cfg.yaml").write_text("rules: [extra.yaml]\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("截止目前，我县已完成清理。\n", encoding="utf-8")
    data = json.loads(run("check", "--format", "json", "--config", tmp_path / "cfg.yaml", report).stdout)
    hit = [f for f in data if f["rule"] == "W901"]
    assert hit and hit[0]["expected"] == "截至目前" and hit[0]["column"] == 1


BROKEN = [
    ("unknown key", "    colour: red\n", "colour"),
    ("bad regex", "    params: {regex: '(unclosed'}\n", "regex"),
    ("unknown check", None, "unknown check type"),
]


@pytest.mark.parametrize("label,extra,needle", BROKEN)
def test_broken_rule_files_name_file_line_and_key(tmp_path, label, extra, needle):
    check = "nonsense" if extra is None else "pattern"
    body = ("rules:\n  - id: X901\n    name: broken\n    category: placeholder\n    severity: info\n"
            f"    check: {check}\n    message: {{zh: a, en: b}}\n    description: d\n")
    if extra:
        body += extra
    (tmp_path / "bad.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "cfg.yaml").write_text("rules: [bad.yaml]\n", encoding="utf-8")
    proc = run("check", "--config", tmp_path / "cfg.yaml", CLEAN)
    assert proc.returncode == 2
    assert "bad.yaml:" in proc.stderr and needle in proc.stderr and "X901" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_yaml_that_constructs_python_objects_is_refused(tmp_path):
    (tmp_path / "cfg.yaml").write_text("select: !!python/object/apply:os.system ['echo hi']\n")
    proc = run("check", "--config", tmp_path / "cfg.yaml", CLEAN)
    assert proc.returncode == 2 and "cfg.yaml" in proc.stderr and "Traceback" not in proc.stderr


def test_project_config_is_found_walking_up(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("ignore: [metadata, structure]\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    report = sub / "r.txt"
    report.write_text(DEFECTIVE.read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(run("check", "--format", "json", "r.txt", cwd=sub).stdout)
    assert all(f["category"] not in ("metadata", "structure") for f in data)
    (tmp_path / "pyproject.toml").write_text("[tool.reportlint]\nselect = ['M101']\n")
    (tmp_path / ".reportlint.yaml").unlink()
    data = json.loads(run("check", "--format", "json", "r.txt", cwd=sub).stdout)
    assert {f["rule"] for f in data} == {"M101"}
