"""--format sarif: valid SARIF 2.1.0 (checked against the official schema), rules, regions in characters."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"
DEFECTIVE = EXAMPLES / "defective-2020.txt"
CLEAN = EXAMPLES / "clean-2023.txt"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd)


def validate(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_the_shipped_schema_is_the_official_one():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_defective_report_gives_valid_sarif_with_rules_and_results(tmp_path):
    out = tmp_path / "report.sarif"
    proc = run("check", "--format", "sarif", "--output", out, DEFECTIVE)
    assert proc.returncode == 1 and proc.stdout == ""
    log = json.loads(out.read_text(encoding="utf-8"))
    validate(log)
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "reportlint" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert rules["S101"]["shortDescription"]["text"] and rules["S101"]["help"]["text"]
    results = run_["results"]
    assert results
    for res in results:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        assert res["partialFingerprints"]


def test_regions_count_characters_not_bytes(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(DEFECTIVE.read_text(encoding="utf-8"), encoding="utf-8")
    log = json.loads(run("check", "--format", "sarif", "r.txt", cwd=tmp_path).stdout)
    validate(log)
    json_findings = json.loads(run("check", "--format", "json", "r.txt", cwd=tmp_path).stdout)
    text = report.read_text(encoding="utf-8")
    results = log["runs"][0]["results"]
    assert len(results) == len(json_findings)
    for res, f in zip(results, json_findings):
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "r.txt"
        region = loc["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == \
               (f["line"], f["column"], f["end_line"], f["end_column"])
        # the character offset points at the quoted text (Chinese characters count one each)
        snippet = text[region["charOffset"]:region["charOffset"] + region["charLength"]]
        assert snippet == region.get("snippet", {}).get("text", "")


def test_info_is_a_note_and_non_ascii_paths_are_uris(tmp_path):
    report = tmp_path / "报告 2020.txt"
    report.write_text(DEFECTIVE.read_text(encoding="utf-8"), encoding="utf-8")
    log = json.loads(run("check", "--format", "sarif", "报告 2020.txt", cwd=tmp_path).stdout)
    validate(log)
    results = log["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == \
           {"%E6%8A%A5%E5%91%8A%202020.txt"}
    assert any(r["ruleId"] == "M101" and r["level"] == "note" for r in results)


def test_clean_report_gives_valid_sarif_without_results():
    proc = run("check", "--format", "sarif", CLEAN)
    assert proc.returncode == 0
    log = json.loads(proc.stdout)
    validate(log)
    assert log["runs"][0]["results"] == []


def test_safe_fixes_are_sarif_fixes(tmp_path):
    from test_fix import SEMICOLON_RULES, write_rules
    config = write_rules(tmp_path, SEMICOLON_RULES)
    report = tmp_path / "r.txt"
    report.write_text("甲；乙；丙;丁。\n", encoding="utf-8")
    log = json.loads(run("check", "--format", "sarif", "--config", config, "--select", "P901", report).stdout)
    validate(log)
    (res,) = log["runs"][0]["results"]
    repl = res["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert repl == {"deletedRegion": {"charOffset": 5, "charLength": 1}, "insertedContent": {"text": "；"}}
