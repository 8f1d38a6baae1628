"""Hostile inputs and hostile neighbours (issue 23): nothing planted runs, nothing saved
is lost, nothing hangs. Each test names the reproduction it guards (F1…F26).

Tests that plant files as another user need root (chown); they are skipped otherwise,
and a twin planted with a mode others may write covers the same rule for any user.
"""
from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES

DEFECTIVE = EXAMPLES / "defective-2020.txt"
CLEAN = EXAMPLES / "clean-2023.txt"
ROOT_ONLY = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root (chown)")
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and signals")
OTHER_UID = 65534  # nobody


def run(*args, env=None, cwd=None, stdin=None, timeout=60, input=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", errors="replace", env=env, cwd=cwd, stdin=stdin,
                          timeout=timeout, input=input)


def cache_env(tmp_path, **extra):
    return dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "xdg"), **extra)


def cache_files(tmp_path) -> list[Path]:
    root = tmp_path / "xdg" / "reportlint"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


class Marker:
    """A pickle that, if ever loaded, leaves a file behind."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def one_error_line(proc, *needles):
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("reportlint: error:"), proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


# -- code execution and tampering ---------------------------------------------

def _plant_everywhere(tmp_path, make):
    """Run once to fill the cache, then replace every entry by `make(path)`."""
    env = cache_env(tmp_path)
    truth = run("check", "--format", "json", DEFECTIVE, env=env)
    entries = cache_files(tmp_path)
    assert {p.parent.name for p in entries} >= {"parser", "rules", "regex", "yaml", "results"}
    for entry in entries:
        entry.unlink()
        make(entry)
    return env, truth


@POSIX
def test_f1_f5_entries_others_may_write_are_never_loaded(tmp_path):
    marker = tmp_path / "pwned"

    def plant(entry):
        entry.write_bytes(pickle.dumps(Marker(marker)))
        entry.chmod(0o666)
    env, truth = _plant_everywhere(tmp_path, plant)
    again = run("check", "--format", "json", DEFECTIVE, env=env)
    assert not marker.exists() and again.stdout == truth.stdout


@ROOT_ONLY
def test_f1_f5_entries_of_another_user_are_never_loaded_nor_written(tmp_path):
    marker = tmp_path / "pwned"

    def plant(entry):
        entry.write_bytes(pickle.dumps(Marker(marker)))
        os.chown(entry, OTHER_UID, OTHER_UID)
    env, truth = _plant_everywhere(tmp_path, plant)
    again = run("check", "--format", "json", DEFECTIVE, env=env)
    assert not marker.exists() and again.stdout == truth.stdout
    # the whole cache folder is someone else's now: neither read nor written
    folder = tmp_path / "xdg" / "reportlint"
    os.chown(folder, OTHER_UID, OTHER_UID)
    before = {p: p.stat().st_mtime_ns for p in cache_files(tmp_path)}
    assert run("check", "--format", "json", DEFECTIVE, env=env).stdout == truth.stdout
    assert {p: p.stat().st_mtime_ns for p in cache_files(tmp_path)} == before


@POSIX
def test_f1_no_cache_turns_off_every_cache_including_the_parser(tmp_path):
    env = cache_env(tmp_path)
    for args, extra in ((("--no-cache",), {}), ((), {"REPORTLINT_NO_CACHE": "1"})):
        proc = run("check", *args, DEFECTIVE, env=dict(env, **extra))
        assert proc.returncode == 1 and not (tmp_path / "xdg").exists(), args


@POSIX
def test_f1_nothing_is_read_from_the_temporary_folder(tmp_path):
    import tempfile
    marker = tmp_path / "pwned"
    planted = Path(tempfile.gettempdir()) / "lark-report"
    existed = planted.exists()
    if not existed:
        planted.write_bytes(pickle.dumps(Marker(marker)))
    try:  # no usable cache folder: XDG_CACHE_HOME names a file
        (tmp_path / "file").write_text("x", encoding="utf-8")
        proc = run("check", DEFECTIVE, env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "file")))
        assert proc.returncode == 1 and not marker.exists()
    finally:
        if not existed:
            planted.unlink()


@POSIX
def test_f3_planted_symlinks_are_never_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    env, truth = _plant_everywhere(tmp_path, lambda entry: entry.symlink_to(victim))
    again = run("check", "--format", "json", DEFECTIVE, env=env)
    assert again.stdout == truth.stdout and victim.read_text(encoding="utf-8") == "precious\n"
    # the symlinks were replaced by entries, never written through
    assert all(not p.is_symlink() for p in cache_files(tmp_path))


@POSIX
def test_f6_f23_cache_files_are_private_and_only_where_they_belong(tmp_path):
    secret = tmp_path / "private-rules.yaml"
    secret.write_text("rules: []\n", encoding="utf-8")
    secret.chmod(0o600)
    (tmp_path / "cfg.yaml").write_text("rules: [private-rules.yaml]\n", encoding="utf-8")
    run("check", "--config", tmp_path / "cfg.yaml", DEFECTIVE, env=cache_env(tmp_path))
    root = tmp_path / "xdg" / "reportlint"
    assert cache_files(tmp_path)
    for path in [root, *root.rglob("*")]:
        want = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == want, path
    work = tmp_path / "work"
    work.mkdir()
    run("check", DEFECTIVE, cwd=work, env=dict(os.environ, XDG_CACHE_HOME="relative/cache", HOME=str(tmp_path)))
    assert list(work.iterdir()) == []  # a relative XDG_CACHE_HOME is ignored, not used in the working tree


RULE = """rules:
  - id: W951
    name: test-word
    category: terminology
    severity: warning
    check: substitution
    params: {swap: {%s: 正确}}
    message: {zh: "应为{expected}", en: "use {expected}"}
    description: test
    source: test
    examples: {bad: ["%s"], good: ["正确"]}
"""


@pytest.mark.parametrize("no_cache", [False, True])
def test_f21_a_same_size_edit_that_keeps_the_mtime_is_seen(tmp_path, no_cache):
    rules = tmp_path / "rules.yaml"
    (tmp_path / "cfg.yaml").write_text("rules: [rules.yaml]\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("报告里有甲乙。\n", encoding="utf-8")
    env = cache_env(tmp_path)
    args = ["check", "--format", "json", "--select", "W951", "--config", tmp_path / "cfg.yaml", report]
    args += ["--no-cache"] if no_cache else []
    found = []
    for word in ("甲乙", "丙丁"):
        rules.write_text(RULE % (word, word), encoding="utf-8")
        os.utime(rules, ns=(10**18, 10**18))
        found.append(len(json.loads(run(*args, env=env).stdout)))
    assert found == [1, 0]


# -- lost edits ---------------------------------------------------------------

SEMICOLON = """rules:
  - id: P951
    name: test-mixed-semicolons
    category: punctuation
    severity: warning
    check: consistency
    params: {pairs: [["；", ";"]], fix: true}
    message: {zh: "分号混用", en: "mixed semicolons"}
    description: test
    source: test
    examples: {bad: ["甲；乙；丙;丁"], good: ["甲；乙"]}
"""


def _fixable(tmp_path):
    (tmp_path / "rules.yaml").write_text(SEMICOLON, encoding="utf-8")
    (tmp_path / "cfg.yaml").write_text("rules: [rules.yaml]\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("一、工作情况\n我县推进法治建设；取得成效；持续推进;效果明显。\n", encoding="utf-8")
    return report, tmp_path / "cfg.yaml"


def test_f2_an_edit_saved_during_the_run_is_never_overwritten(tmp_path, monkeypatch, capsys):
    from checker.cli import check as check_cmd, rewrite
    report, cfg = _fixable(tmp_path)
    real = rewrite.write_fixed

    def edited_meanwhile(path, data, unchanged):
        report.write_text("一、工作情况\n有人刚刚保存了新的内容；又一句；再一句;\n", encoding="utf-8")
        return real(path, data, unchanged)
    monkeypatch.setattr(rewrite, "write_fixed", edited_meanwhile)
    code = check_cmd.run_check(paths=(str(report),), fix=True, config_path=str(cfg), no_cache=True)
    assert code == 2 and "changed while reportlint was running" in capsys.readouterr().err
    assert "有人刚刚保存了新的内容" in report.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@POSIX
def test_f4_hard_links_are_refused_and_owner_group_mode_kept(tmp_path):
    report, cfg = _fixable(tmp_path)
    os.link(report, tmp_path / "other-name.txt")
    proc = run("check", "--fix", "--config", cfg, report)
    assert "hard links" in proc.stderr and ";" in report.read_text(encoding="utf-8")
    (tmp_path / "other-name.txt").unlink()
    report.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(report, OTHER_UID, OTHER_UID)
    before = report.stat()
    run("check", "--fix", "--config", cfg, report)
    after = report.stat()
    assert ";" not in report.read_text(encoding="utf-8")
    assert (after.st_uid, after.st_gid, after.st_mode & 0o7777) == (before.st_uid, before.st_gid, 0o640)


@POSIX
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_f25_a_signal_during_the_write_leaves_no_temporary_file(tmp_path, signame):
    report = tmp_path / "r.txt"
    report.write_text("原文\n", encoding="utf-8")
    code = f"""
import os, signal
from checker.cli import rewrite
def fsync(fd):
    os.kill(os.getpid(), signal.{signame})
rewrite.os.fsync = fsync
rewrite.write_fixed({str(report)!r}, "新文".encode() * 100000, lambda: True)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == -getattr(signal, signame)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]
    assert report.read_text(encoding="utf-8") == "原文\n"


# -- hangs and blow-ups -------------------------------------------------------

def test_f7_output_is_linear_in_nested_marks(tmp_path):
    sizes = []
    for n in (1000, 2000):
        path = tmp_path / f"n{n}.txt"
        path.write_text("《" * n + "》" * n + "\n", encoding="utf-8")
        proc = run("check", "--no-cache", "--format", "json", path)
        sizes.append(len(proc.stdout))
        assert max(len(f["message"]) + len(f["expected"] or "") for f in json.loads(proc.stdout)) < 400
    assert sizes[1] < 2.5 * sizes[0]


def _docx_with(tmp_path, name, document_xml: bytes, numbering_xml: bytes | None = None):
    pytest.importorskip("docx")
    import docx
    base = tmp_path / "base.docx"
    docx.Document().save(base)
    out = tmp_path / name
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = document_xml
            elif item.filename == "word/numbering.xml" and numbering_xml is not None:
                data = numbering_xml
            dst.writestr(item, data)
    return out


def test_f8_a_docx_part_is_limited_by_what_it_expands_to(tmp_path):
    head = (b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
    bomb = _docx_with(tmp_path, "bomb.docx", head + b" " * (80 * 1024 * 1024) + b"</w:t></w:r></w:p></w:body></w:document>")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    start = time.process_time()
    one_error_line(run("check", "--no-cache", bomb), "bomb.docx", "MB")
    assert time.process_time() - start < 5


def test_f8_a_huge_numbering_start_renders_a_short_label():
    from checker.document.docx_numbering import _int, format_number
    assert _int("100000000", 1) == 32767
    assert len(format_number(100_000_000, "lowerLetter")) < 20
    assert len(format_number(32767, "lowerLetter")) < 2000


@POSIX
def test_f9_fifos_are_refused_wherever_they_are_named(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    one_error_line(run("check", "--no-cache", fifo, timeout=20), "pipe.txt", "FIFO")
    (tmp_path / "cfg.yaml").write_text("rules: [pipe.txt]\n", encoding="utf-8")
    one_error_line(run("check", "--no-cache", "--config", tmp_path / "cfg.yaml", DEFECTIVE, timeout=20), "FIFO")
    folder = tmp_path / "reports"
    folder.mkdir()
    os.mkfifo(folder / "a.txt")
    (folder / "b.txt").write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("check", "--no-cache", folder, timeout=20)
    assert proc.returncode == 2 and "FIFO" in proc.stderr


@POSIX
def test_f10_reading_stops_at_the_limit(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    one_error_line(run("check", "--no-cache", link, timeout=20), "device")
    yes = subprocess.Popen(["yes", "我县推进法治政府建设。"], stdout=subprocess.PIPE)
    try:
        proc = run("check", "--no-cache", "-", stdin=yes.stdout, timeout=60)
    finally:
        yes.kill()
        yes.wait()
    one_error_line(proc, "limit")


LOOP_CHECK = '''
import time
from checker.checks import CheckType, register

@register
class Spin(CheckType):
    name = "test-spin"
    def run(self, doc, p, ctx):
        while True:
            pass
        yield

@register
class Nap(CheckType):
    name = "test-nap"
    def run(self, doc, p, ctx):
        time.sleep(1.5)  # wall time, no CPU time
        return ()
'''


def _plugin_rule(check):
    return f"""rules:
  - id: X951
    name: test-plugin
    category: placeholder
    severity: warning
    check: {check}
    message: {{zh: "x", en: "x"}}
    description: test
    source: test
"""


@POSIX
def test_f11_f24_the_budget_is_cpu_time_and_stops_a_looping_plugin(tmp_path):
    sys.path.insert(0, str(tmp_path))
    (tmp_path / "spin_plugin.py").write_text(LOOP_CHECK, encoding="utf-8")
    try:
        import spin_plugin  # noqa: F401  (registers the check types)
        from checker.cli.batch import lint_file
        from checker.config import Config
        from checker.rules import load_rules
        for check, stops in (("test-spin", True), ("test-nap", False)):
            (tmp_path / f"{check}.yaml").write_text(_plugin_rule(check), encoding="utf-8")
            load_rules.cache_clear()
            config = Config(rules=(str(tmp_path / f"{check}.yaml"),), select=("X951",), time_budget=1.0)
            start = time.process_time()
            result = lint_file(str(CLEAN), config)
            used = time.process_time() - start
            assert any("time budget" in e for e in result.errors) == stops, (check, result.errors)
            assert used < 5
    finally:
        sys.path.remove(str(tmp_path))
        load_rules.cache_clear()


@pytest.mark.parametrize("text", [
    "<!-- reportlint-disable x " * 20_000,                     # unclosed comments on one line
    "<!--a-->" * 40 + "X",                                      # a comment line that is not one
    "受理" + "1" * 20_000 + "件，办结率" + "9" * 5_000 + "." + "5" * 5_000 + "%",  # giant numbers
])
def test_f11_f18_long_lines_and_giant_numbers_are_linear(tmp_path, text):
    path = tmp_path / "r.txt"
    path.write_text(text + "\n", encoding="utf-8")
    start = time.monotonic()
    proc = run("check", "--no-cache", "--format", "json", path)
    assert proc.returncode in (0, 1), proc.stderr
    assert "failed" not in proc.stderr and time.monotonic() - start < 30


def test_f11_parsing_past_the_budget_ends_the_file(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(DEFECTIVE.read_text(encoding="utf-8") * 400, encoding="utf-8")
    (tmp_path / "cfg.yaml").write_text("time_budget: 0.05\n", encoding="utf-8")
    proc = run("check", "--no-cache", "--config", tmp_path / "cfg.yaml", big)
    assert proc.returncode == 2 and "time budget" in proc.stderr


def test_f12_exclude_globs_match_in_linear_time():
    from checker.cli.files import Glob
    glob = Glob("*a*a*a*a*a*a*a*a*a*a*a*a*b")
    start = time.process_time()
    assert not glob.match("a" * 3000)
    assert time.process_time() - start < 2


def test_f13_yaml_alias_bombs_stop_with_one_line(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a%d' % (i - 1)] * 10)}]" for i in range(1, 9)]
    (tmp_path / "cfg.yaml").write_text("\n".join(lines) + "\nselect: [*a8]\n", encoding="utf-8")
    start = time.monotonic()
    one_error_line(run("check", "--no-cache", "--config", tmp_path / "cfg.yaml", CLEAN), "cfg.yaml")
    assert time.monotonic() - start < 20


# -- errors that should be clean --------------------------------------------

@pytest.mark.parametrize("encoding", ["gbk", "ascii", "latin-1"])
def test_f14_any_stdout_encoding(encoding):
    proc = run("check", "--no-cache", DEFECTIVE, env=dict(os.environ, PYTHONIOENCODING=encoding))
    assert proc.returncode == 1 and "internal error" not in proc.stderr and "M101" in proc.stdout


@POSIX
def test_f15_file_names_that_are_not_utf8(tmp_path):
    folder = os.fsencode(tmp_path)
    name = folder + b"/\xff\xfe-report.txt"
    with open(name, "wb") as fh:
        fh.write(DEFECTIVE.read_bytes())
    for fmt in ("json", "sarif"):
        proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-cache", "--format", fmt, name],
                              capture_output=True)
        data = json.loads(proc.stdout.decode("utf-8"))
        assert proc.returncode == 1 and data
        if fmt == "sarif":
            import jsonschema
            schema = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
            jsonschema.validate(data, schema)
            assert "%FF%FE-report.txt" in data["runs"][0]["results"][0]["locations"][0][
                "physicalLocation"]["artifactLocation"]["uri"]
        else:
            assert data[0]["path"].endswith("\\xff\\xfe-report.txt")


def test_f16_configuration_and_plugin_errors_name_file_line_and_rule(tmp_path):
    (tmp_path / "cfg.yaml").write_text("per_path_ignores:\n  '*.txt': [[S101]]\n", encoding="utf-8")
    one_error_line(run("check", "--no-cache", "--config", tmp_path / "cfg.yaml", CLEAN), "cfg.yaml:2", "per_path_ignores")
    (tmp_path / "rules.yaml").write_text(_plugin_rule("paired-marks").replace("    source: test\n", "    source: test\n    params: {pairs: 5}\n"), encoding="utf-8")
    (tmp_path / "cfg2.yaml").write_text("rules: [rules.yaml]\n", encoding="utf-8")
    one_error_line(run("check", "--no-cache", "--config", tmp_path / "cfg2.yaml", CLEAN), "rules.yaml", "X951")


def test_f16_a_plugin_that_yields_a_bad_hit_names_its_rule_and_output_stays_whole(tmp_path):
    from checker.checks import CheckType, register
    from checker.config import Config
    from checker.linter import lint_document
    from checker.document.outline import build
    from checker.rules import load_rules

    @register
    class Bad(CheckType):
        name = "test-bad-hit"

        def run(self, doc, p, ctx):
            yield ("not", "a", "hit")
    (tmp_path / "r.yaml").write_text(_plugin_rule("test-bad-hit"), encoding="utf-8")
    load_rules.cache_clear()
    try:
        result = lint_document(build(CLEAN.read_text(encoding="utf-8")), Config(rules=(str(tmp_path / "r.yaml"),)))
        assert [str(e) for e in result.errors if "X951" in str(e) and "not a Hit" in str(e)]
    finally:
        load_rules.cache_clear()


@pytest.mark.parametrize("setting", ["report_year: -5", "report_year: 100000000000000000000000",
                                     "time_budget: .nan", "time_budget: -1", "time_budget: 1e9"])
def test_f17_years_and_budgets_are_range_checked(tmp_path, setting):
    (tmp_path / "cfg.yaml").write_text(setting + "\n", encoding="utf-8")
    one_error_line(run("check", "--no-cache", "--config", tmp_path / "cfg.yaml", CLEAN), "cfg.yaml:1")


def test_f17_the_report_year_flag_is_range_checked():
    one_error_line(run("check", "--report-year", "-5", CLEAN), "--report-year")


@POSIX
def test_f19_closed_stdin_is_one_line():
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "-"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, close_fds=True, preexec_fn=lambda: os.close(0))
    one_error_line(proc, "stdin")


@POSIX
def test_f20_escape_sequences_never_reach_the_terminal(tmp_path):
    name = tmp_path / "a\x1b[2Jb.txt"
    name.write_text("一、工作情况\n\x1b]0;pwned\x07我县推进法治建设；取得成效;\x1b[2J。\n", encoding="utf-8")
    for fmt in ("text", "github"):
        proc = run("check", "--no-cache", "--format", fmt, name)
        assert proc.stdout and "\x1b" not in proc.stdout and "\x07" not in proc.stdout, fmt
        assert "\\x1b" in proc.stdout
    assert "\x1b" not in run("check", "--no-cache", name).stderr


@pytest.mark.parametrize("args", [("check", "--bogus", "x"), ("chek",), ("check",), ("check", "--format", "xml", "x"),
                                  ("stats", "--format", "csv", "--table", "both", str(EXAMPLES))])
def test_f26_usage_errors_are_one_line(args):
    one_error_line(run(*args))
