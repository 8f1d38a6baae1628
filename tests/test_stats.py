"""`reportlint stats`: per-file and per-rule tables in text, CSV and JSON."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from checker.cli import tally as st
from checker.cli.app import cli
from checker.config import Config
from checker.linter import lint_document, select_rules
from checker.document.outline import build
from checker.figures.quantities import quantities_of

GOOD = """某县2021年法治政府建设情况报告

2021年，我县坚持依法行政，法治政府建设取得新进展。现将有关情况报告如下。

一、主要工作和成效

（一）加强组织领导。县政府常务会议专题研究法治政府建设5次，县长切实履行推进法治建设第一责任人职责。

（二）严格行政执法。全年办理行政处罚案件860件，行政执法人员持证上岗。

二、存在的问题

个别部门依法行政意识不强，行政执法队伍专业化水平有待提高。

三、下一步工作打算

2022年，我县将继续深化行政执法体制改革，全面落实行政执法三项制度。

某县人民政府
2022年1月20日
"""

# the same report with the second section's numeral dropped and the title gone
BAD = GOOD.replace("某县2021年法治政府建设情况报告\n\n", "").replace("二、存在的问题", "存在的问题")


@pytest.fixture
def reports(tmp_path):
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-bad.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def run(*args):
    result = CliRunner().invoke(cli, ["stats", *map(str, args)])
    return result


def test_file_stats_count_sections_headings_and_findings():
    doc = build(GOOD, "good.txt")
    s = st.file_stats(doc, lint_document(doc, Config()).findings)
    assert (s.sections, s.headings, s.findings) == (3, 5, 0)
    assert s.parts == ("achievements", "problems", "next_steps")
    bad = build(BAD, "bad.txt")
    findings = lint_document(bad, Config()).findings
    b = st.file_stats(bad, findings)
    assert b.findings == len(findings) > 0
    assert sum(b.categories.values()) == sum(b.severities.values()) == b.findings
    assert b.sections == 2 and b.categories["numbering"] >= 1 and b.categories["structure"] >= 1


def test_rule_stats_list_every_rule_that_ran_with_counts_and_files():
    config = Config()
    docs = [build(GOOD, "good.txt"), build(BAD, "bad.txt"), build(BAD, "bad2.txt")]
    findings = [f for d in docs for f in lint_document(d, config).findings]
    rows = st.rule_stats(select_rules(config), findings)
    assert {r.rule for r in rows} >= {r.id for r in select_rules(config)}
    assert [r.findings for r in rows] == sorted((r.findings for r in rows), reverse=True)
    fired = [r for r in rows if r.findings]
    assert fired and all(r.files == 2 for r in fired)    # both bad copies, never the good one
    assert sum(r.findings for r in rows) == len(findings)


def test_figures_extracted_are_the_quantities_and_checked_is_unknown_not_made_up():
    doc = build(GOOD, "good.txt")
    extracted, checked = st.figure_counts(doc)
    assert extracted == len(quantities_of(doc)) == 2          # 5次 and 860件, not the years or dates
    assert checked is None
    s = st.file_stats(doc, [])
    assert (s.figures_extracted, s.figures_checked) == (extracted, None)
    assert s.as_json()["figures_checked"] is None


def test_text_table(reports):
    result = run(reports)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:6] == ["文件", "章节", "标题", "提取数字", "核对数字", "问题"]
    good = next(line for line in lines if "a-good.txt" in line)
    assert good.split()[1:3] == ["3", "5"] and good.split()[5] == "0"
    assert any(line.startswith("合计") for line in lines)
    assert "规则" in result.output and "N101" in result.output


def test_json_answers_which_reports_have_a_problem(reports):
    data = json.loads(run(reports, "--format", "json").output)
    assert set(data) == {"files", "rules"}
    by_path = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert by_path["a-good.txt"]["findings"] == 0
    assert by_path["b-bad.txt"]["category"]["numbering"] >= 1
    assert set(by_path["a-good.txt"]) == {"path", "sections", "headings", "parts", "figures_extracted",
                                          "figures_checked", "findings", "severity", "category"}
    only = json.loads(run(reports, "--format", "json", "--table", "rules", "--select", "numbering").output)
    assert set(only) == {"rules"} and all(r["category"] == "numbering" for r in only["rules"])


def test_csv_is_one_table_per_run(reports):
    rows = list(csv.DictReader(io.StringIO(run(reports, "--format", "csv").output)))
    assert [r["path"].rsplit("/", 1)[-1] for r in rows] == ["a-good.txt", "b-bad.txt"]
    assert rows[0]["findings"] == "0" and rows[0]["sections"] == "3"
    rules = list(csv.DictReader(io.StringIO(run(reports, "--format", "csv", "--table", "rules").output)))
    assert {"rule", "name", "category", "severity", "findings", "files"} == set(rules[0])
    both = run(reports, "--format", "csv", "--table", "both")
    assert both.exit_code == 2 and "one table" in both.output


def test_english_headers_and_unknown_figures_are_said_plainly(reports, monkeypatch):
    out = run(reports, "--lang", "en").output
    assert out.splitlines()[0].split()[:3] == ["file", "sections", "headings"]
    assert "— unknown" not in out  # the rate rules ran, so figures checked are counted
    out = run(reports, "--lang", "en", "--ignore", "statistics").output
    assert "— unknown" in out  # no rate rule ran: said plainly, not guessed
    from checker.figures import pairings
    monkeypatch.setattr(pairings, "figure_counts", lambda doc: (12, 4))
    out = run(reports, "--lang", "en").output
    assert "— unknown" not in out
    total = next(line for line in out.splitlines() if line.startswith("total"))
    assert total.split()[3:5] == ["24", "8"]


def test_unreadable_file_is_reported_and_the_others_still_counted(reports):
    (reports / "c-broken.txt").write_bytes(b"\x00\x01binary\x00")
    proc = subprocess.run([sys.executable, "-m", "checker", "stats", "--format", "json", str(reports)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 2
    assert "c-broken.txt" in proc.stderr
    assert len(json.loads(proc.stdout)["files"]) == 2


def test_output_file(reports, tmp_path):
    target = tmp_path / "stats.csv"
    assert run(reports, "--format", "csv", "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("path,sections,headings")


def test_parallel_run_gives_the_same_tables(reports):
    (reports / "c-copy.txt").write_text(BAD, encoding="utf-8")
    serial = run(reports, "--format", "json", "-j", "1").output
    assert json.loads(serial)["files"][2]["findings"] > 0
    assert run(reports, "--format", "json", "-j", "2").output == serial


def test_figures_checked_counts_consistent_and_inconsistent_rates():
    from checker.config import Config
    from checker.linter import lint_document
    from checker.document.outline import build
    from checker.figures.pairings import figure_counts
    text = ("一、主要工作\n全年受理矛盾纠纷200件，调解成功190件，调解成功率95%。"
            "全年收到行政复议申请40件，审结40件，其中撤销4件，直接纠错率12%。\n")
    doc = build(text)
    assert figure_counts(doc)[1] is None  # not linted yet: nothing is known
    lint_document(doc, Config())
    extracted, checked = figure_counts(doc)
    assert extracted >= 7 and checked >= 5  # both rates and the counts behind them
