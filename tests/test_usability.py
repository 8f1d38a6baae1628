"""Fit for its users (issue 20): no silent passes, Chinese first, configuration that works
from anywhere, .gitignore respected."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

CLEAN, DEFECTIVE = EXAMPLES / "clean-2023.txt", EXAMPLES / "defective-2020.txt"


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=env)


def one_line(proc) -> str:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1, proc.stderr
    return lines[0]


@pytest.mark.parametrize("args, where, hint", [
    (("--select", "T1O1"), "--select", "是否为 T101"),
    (("--select", "Z999"), "--select", "未知规则 Z999"),
    (("--ignore", "statisticz"), "--ignore", "是否为 statistics"),
    (("--select", "T101,stray-spaec"), "--select", "是否为 stray-space"),
])
def test_a_typo_in_a_rule_id_exits_2_with_a_suggestion(args, where, hint):
    line = one_line(run("check", "--no-cache", *args, CLEAN))
    assert where in line and hint in line


def test_typos_in_the_configuration_name_file_and_line(tmp_path):
    (tmp_path / "cfg.yaml").write_text("select: [T101]\nseverity: {S1O2: error}\n", encoding="utf-8")
    line = one_line(run("check", "--no-cache", "--config", tmp_path / "cfg.yaml", CLEAN))
    assert "cfg.yaml:2" in line and "S102" in line
    (tmp_path / "cfg.yaml").write_text("per_path_ignores:\n  '*.txt': [numberng]\n", encoding="utf-8")
    assert "是否为 numbering" in one_line(run("check", "--no-cache", "--config", tmp_path / "cfg.yaml", CLEAN))
    (tmp_path / "cfg.yaml").write_text("ignore: [T1]\nselect: [P10, W]\n", encoding="utf-8")  # prefixes are fine
    assert run("check", "--no-cache", "--config", tmp_path / "cfg.yaml", CLEAN).returncode == 0


def test_english_when_asked():
    line = one_line(run("check", "--no-cache", "--lang", "en", "--select", "T1O1", CLEAN))
    assert "unknown rule T1O1; did you mean T101?" in line


@pytest.mark.parametrize("args, words", [
    (("check", "--bogus", "x"), "没有选项 --bogus"),
    (("chek",), "没有命令 chek"),
    (("check",), "缺少参数"),
    (("check", "--format", "xml", "x"), "选项 --format 的值无效"),
])
def test_usage_errors_are_one_line_in_chinese(args, words):
    assert words in one_line(run(*args))


def test_the_configuration_is_found_from_the_linted_file(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "r.txt").write_text(DEFECTIVE.read_text(encoding="utf-8"), encoding="utf-8")
    (sub / ".reportlint.yaml").write_text("select: [W102]\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    rules = {f["rule"] for f in json.loads(run("check", "--no-cache", "--format", "json", sub / "r.txt",
                                                cwd=elsewhere).stdout)}
    assert rules == {"W102"}


def test_per_path_ignores_and_exclude_are_relative_to_their_file(tmp_path):
    project = tmp_path / "project"
    (project / "drafts").mkdir(parents=True)
    (project / "final").mkdir()
    for folder in ("drafts", "final"):
        (project / folder / "r.txt").write_text(DEFECTIVE.read_text(encoding="utf-8"), encoding="utf-8")
    (project / ".reportlint.yaml").write_text(
        "per_path_ignores:\n  'drafts/*.txt': [numbering]\nexclude: [final/]\n", encoding="utf-8")
    for cwd in (project, project / "drafts", tmp_path):
        data = json.loads(run("check", "--no-cache", "--format", "json", project, cwd=cwd).stdout)
        assert {Path(f["path"]).parent.name for f in data} == {"drafts"}, cwd
        assert not [f for f in data if f["category"] == "numbering"], cwd


def test_the_users_own_configuration_comes_first(tmp_path):
    home = tmp_path / "xdg"
    (home / "reportlint").mkdir(parents=True)
    (home / "reportlint" / "config.yaml").write_text("select: [W102]\n", encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(home))
    data = json.loads(run("check", "--no-cache", "--format", "json", DEFECTIVE, cwd=tmp_path, env=env).stdout)
    assert {f["rule"] for f in data} == {"W102"}
    (tmp_path / ".reportlint.yaml").write_text("select: [D101]\n", encoding="utf-8")  # a project overrides it
    report = tmp_path / "r.txt"
    report.write_text(DEFECTIVE.read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(run("check", "--no-cache", "--format", "json", report, cwd=tmp_path, env=env).stdout)
    assert {f["rule"] for f in data} == {"D101"}


def test_gitignored_files_are_skipped_when_walking(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git" / "info").mkdir(parents=True)
    (repo / "build").mkdir()
    (repo / "reports" / "old").mkdir(parents=True)
    for name in ("reports/a.txt", "reports/keep.txt", "reports/old/b.txt", "build/c.txt", "reports/x.txt"):
        (repo / name).write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    (repo / ".gitignore").write_text("build/\n*.txt\n!keep.txt\n", encoding="utf-8")
    (repo / "reports" / ".gitignore").write_text("!a.txt\nold/\n", encoding="utf-8")
    (repo / ".git" / "info" / "exclude").write_text("x.txt\n", encoding="utf-8")
    from checker.cli.files import expand
    found = {Path(p).relative_to(repo).as_posix() for p in expand([str(repo)], gitignore=True)}
    assert found == {"reports/a.txt", "reports/keep.txt"}
    everything = {Path(p).relative_to(repo).as_posix() for p in expand([str(repo)], gitignore=False)}
    assert len(everything) == 5
    assert run("check", "--no-cache", repo).stdout.startswith("2个文件")
    assert run("check", "--no-cache", "--no-gitignore", repo).stdout.startswith("5个文件")
    assert run("check", "--no-cache", repo / "build" / "c.txt").returncode == 0  # named files are always linted


def test_glob_agrees_with_pathspec_on_gitignore_patterns():
    pathspec = pytest.importorskip("pathspec")
    from checker.cli.files import Excludes
    patterns = ["*.txt", "/top.md", "a/*.md", "**/tmp/**", "docs/**/draft?.txt", "[ab]*.md", "!keep.txt",
                "old/", "x/**/y.txt", "*.t[x]t"]
    paths = ["a.txt", "top.md", "sub/top.md", "a/b.md", "a/c/b.md", "q/tmp/z.txt", "docs/draft1.txt",
             "docs/v/w/draft2.txt", "b.md", "c.md", "keep.txt", "sub/keep.txt", "x/y.txt", "x/1/2/y.txt", "e.tXt"]
    for pattern in patterns:
        spec = pathspec.PathSpec.from_lines("gitignore", [pattern.lstrip("!")])
        ours = Excludes([pattern.lstrip("!")], "/r")
        for path in paths:
            want = spec.match_file(path)
            assert ours.excluded("/r/" + path, False) == want, (pattern, path)


def test_a_baseline_follows_the_text(tmp_path):
    report = tmp_path / "r.txt"
    head = "某县2023年法治政府建设情况报告\n一、主要工作和成效\n"
    report.write_text(head + "负责人为XX同志，全面推进依法行政。\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("check", "--no-cache", "--select", "X101", "--write-baseline", baseline, report).returncode == 0
    report.write_text(head + "联系电话XX，请及时更新。\n负责人为XX同志，全面推进依法行政。\n", encoding="utf-8")
    data = json.loads(run("check", "--no-cache", "--select", "X101", "--format", "json", "--baseline", baseline,
                          report).stdout)
    assert [f["line"] for f in data] == [3]  # the new copy, not the old one


def test_exit_zero_concise_output_and_the_fixable_mark():
    assert run("check", "--no-cache", "--exit-zero", DEFECTIVE).returncode == 0
    full = run("check", "--no-cache", DEFECTIVE).stdout
    concise = run("check", "--no-cache", "--output-format", "concise", DEFECTIVE).stdout.splitlines()
    assert all(line.startswith(str(DEFECTIVE)) for line in concise[:-1]) and "^" not in "".join(concise)
    assert len(concise) - 1 == full.count(f"{DEFECTIVE}:")
    marked = [line for line in concise[:-1] if "[*]" in line]
    assert marked and f"其中{len(marked)}个可用 --fix 自动修复" in concise[-1]
    assert not any(" N103" in line or " N101" in line for line in marked)  # renumbering: unsafe
    unsafe = run("check", "--no-cache", "--output-format", "concise", "--unsafe-fixes", DEFECTIVE).stdout
    assert unsafe.count("[*]") > len(marked) + 1


def test_unsafe_fixes_only_when_asked(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("某县2023年法治政府建设情况报告\n一、主要工作\n正文。\n三、存在的问题\n正文。\n", encoding="utf-8")
    run("check", "--no-cache", "--fix", report)
    assert "三、存在的问题" in report.read_text(encoding="utf-8")  # a renumbering is a guess
    run("check", "--no-cache", "--fix", "--unsafe-fixes", report)
    assert "二、存在的问题" in report.read_text(encoding="utf-8")


def test_progress_is_forced_and_hidden_on_request():
    from checker.cli.progress import wanted
    assert wanted(1, True) and not wanted(100, False)
