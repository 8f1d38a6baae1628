"""--write-baseline and --baseline: only new findings, stable when the text moves."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLES
from checker.baseline import keys, normalise
from checker.findings import Finding

DEFECTIVE = EXAMPLES / "defective-2020.txt"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd)


def findings(*args, cwd):
    proc = run("check", "--format", "json", *args, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout)


def setup(tmp_path):
    report = tmp_path / "reports" / "r.txt"
    report.parent.mkdir()
    text = DEFECTIVE.read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    proc = run("check", "--write-baseline", "baseline.json", "reports", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "" and "wrote" in proc.stderr
    return report, text


def test_baseline_hides_known_findings(tmp_path):
    report, _ = setup(tmp_path)
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["findings"]
    assert all(set(e) == {"path", "rule", "quote", "sentence", "occurrence"} for e in data["findings"])
    assert {e["path"] for e in data["findings"]} == {"reports/r.txt"}
    assert all("line" not in e for e in data["findings"])
    code, found = findings("--baseline", "baseline.json", "reports", cwd=tmp_path)
    assert code == 0 and found == []


def test_a_version_1_baseline_is_still_read(tmp_path):
    report, _ = setup(tmp_path)
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    data["version"] = 1
    for e in data["findings"]:
        del e["sentence"]
    (tmp_path / "baseline.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, found = findings("--baseline", "baseline.json", "reports", cwd=tmp_path)
    assert code == 0 and found == []


def test_an_edit_above_a_baselined_finding_does_not_resurrect_it(tmp_path):
    report, text = setup(tmp_path)
    before = len(findings("reports", cwd=tmp_path)[1])
    # two new lines of harmless text near the top shift every later finding down
    lines = text.split("\n")
    title = next(i for i, l in enumerate(lines) if "法治政府建设情况报告" in l)
    lines[title + 1:title + 1] = ["", "（本报告经县政府常务会议审议通过。）"]
    report.write_text("\n".join(lines), encoding="utf-8")
    shifted = findings("reports", cwd=tmp_path)[1]
    assert len(shifted) == before
    code, found = findings("--baseline", "baseline.json", "reports", cwd=tmp_path)
    assert found == [] and code == 0


def test_a_new_defect_is_reported_through_the_baseline(tmp_path):
    report, text = setup(tmp_path)
    report.write_text(text.replace("三、下一步工作打算", "五、下一步工作打算"), encoding="utf-8")
    code, found = findings("--baseline", "baseline.json", "reports", cwd=tmp_path)
    assert found and code == 1
    assert all(f["line"] == 26 for f in found), found


def test_baseline_works_from_another_directory(tmp_path):
    setup(tmp_path)
    code, found = findings("--baseline", "../baseline.json", "r.txt", cwd=tmp_path / "reports")
    assert found == [] and code == 0


def test_broken_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    proc = run("check", "--baseline", tmp_path / "b.json", DEFECTIVE)
    assert proc.returncode == 2 and "b.json:1: baseline is not valid JSON" in proc.stderr
    proc = run("check", "--baseline", tmp_path / "none.json", DEFECTIVE)
    assert proc.returncode == 2 and "--write-baseline" in proc.stderr


def _f(rule, quote, start):
    return Finding(path="a.txt", line=start, column=1, end_line=start, end_column=2, rule=rule, name="n",
                   category="c", severity="error", message="m", start=start, end=start + 1, quote=quote)


def test_fingerprints_count_occurrences_in_position_order_and_normalise_text():
    fs = [_f("P101", "（ 一 ）", 50), _f("P101", "(一)", 10), _f("P101", "（一）", 30)]
    assert normalise("（ 一 ）") == "(一)"
    assert [k[-1] for k in keys(fs)] == [2, 0, 1]
    assert len({k for k in keys(fs)}) == 3
