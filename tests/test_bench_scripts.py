"""The benchmark's helper scripts stay runnable (their figures are not asserted: speed
targets live in bench/, not in timed unit tests)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_stages_prints_every_stage_with_its_ceiling():
    out = _run("bench/stages.py", "--rounds", "1")
    assert re.search(r"budget per report: \d+\.\d\d ms at 5 MB/s", out)
    rows = re.findall(r"^(read \+ decode|\+ [^\d]+?)\s+(\d+\.\d\d)\s+(\d+\.\d)$", out, re.M)
    assert [name.split(" (")[0] for name, _, _ in rows] == [
        "read + decode", "+ Lark parse", "+ document model", "+ shared views", "+ all default rules"]


def test_profile_rules_lists_the_slowest_rules(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text((ROOT / "examples").glob("*.txt").__next__().read_text(encoding="utf-8"), encoding="utf-8")
    out = _run("bench/profile_rules.py", "--rounds", "1", "--top", "15", str(report))
    assert re.search(r"^1 reports; per report: build [\d.]+ ms, rules [\d.]+ ms$", out, re.M)
    rows = re.findall(r"^\s+([\d.]+) ms\s+[\d.]+%\s+[A-Z]\d{3}\s+[a-z-]+$", out, re.M)
    assert len(rows) == 15 and [float(x) for x in rows] == sorted((float(x) for x in rows), reverse=True)
