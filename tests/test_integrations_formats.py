"""CI output: GitHub workflow commands, JSON, text and --output."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import EXAMPLES
from checker.findings import Finding
from checker.formatters import Options, get
from checker.formatters.github_format import escape_data, escape_property

DEFECTIVE = EXAMPLES / "defective-2020.txt"
CLEAN = EXAMPLES / "clean-2023.txt"
COMMAND = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),"
                     r"endColumn=(\d+),title=([A-Z]\d{3})::(.+)$")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd)


def test_github_annotations_match_the_json_findings():
    out = run("check", "--format", "github", DEFECTIVE)
    assert out.returncode == 1
    data = json.loads(run("check", "--format", "json", DEFECTIVE).stdout)
    lines = out.stdout.splitlines()
    assert len(lines) == len(data)
    for line, f in zip(lines, data):
        m = COMMAND.match(line)
        assert m, line
        kind, path, l, c, el, ec, title, message = m.groups()
        assert kind == {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
        assert (path, int(l), int(c), int(el), int(ec), title) == \
               (str(DEFECTIVE), f["line"], f["column"], f["end_line"], f["end_column"], f["rule"])
        assert message.startswith(f["message"].replace("%", "%25"))


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    f = Finding(path="dir,1/a:b.txt", line=2, column=3, end_line=2, end_column=5, rule="T101",
                name="rate", category="statistics", severity="info", message="率 100%\n不对")
    out = get("github")([f], {}, Options())
    assert out == ("::notice file=dir%2C1/a%3Ab.txt,line=2,col=3,endLine=2,endColumn=5,title=T101::"
                   "率 100%25%0A不对\n")


def test_clean_report_gives_no_annotations_and_exit_0():
    proc = run("check", "--format", "github", CLEAN)
    assert proc.returncode == 0 and proc.stdout == ""


def test_output_file_receives_the_report_and_stdout_stays_empty(tmp_path):
    for fmt in ("json", "github", "text", "sarif"):
        out = tmp_path / f"out.{fmt}"
        proc = run("check", "--format", fmt, "--output", out, DEFECTIVE)
        assert proc.returncode == 1 and proc.stdout == ""
        body = out.read_text(encoding="utf-8")
        assert body and "\x1b[" not in body  # never colour in a file
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    proc = run("check", "--output", tmp_path / "missing-dir" / "x.json", DEFECTIVE)
    assert proc.returncode == 2 and "cannot write" in proc.stderr


def test_unreadable_file_is_reported_and_the_others_still_linted(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"%PDF-1.7 binary")
    proc = run("check", "--format", "json", bad, DEFECTIVE)
    assert proc.returncode == 2
    assert "scan.txt: not a text file" in proc.stderr
    assert {f["path"] for f in json.loads(proc.stdout)} == {str(DEFECTIVE)}


def test_json_output_is_byte_for_byte_the_standard_indented_json():
    from checker.config import Config
    from checker.linter import lint_text
    text = (EXAMPLES / "defective-2020.txt").read_text(encoding="utf-8") + "\n引号\"与\\反斜杠\t制表符\u2028\n"
    findings = lint_text(text, Config())
    assert findings
    out = get("json")(findings, {}, Options())
    assert out == json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2) + "\n"
    assert get("json")([], {}, Options()) == "[]\n"
