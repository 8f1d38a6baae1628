"""Results stream file by file (issue 22): output order is the reported names' order, a
result is handed on before later files are linted, and the workers stay only a few
batches ahead, so memory does not grow with the number of files."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import batch
from checker.cli.batch import FileResult, iter_files
from checker.config import Config
from checker.formatters import FileReport, by_file, get, pieces, Options

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEFECTIVE = EXAMPLES / "defective-2020.txt"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd)


def _copies(tmp_path, n):
    paths = []
    for i in range(n):
        paths.append(str(tmp_path / f"r{i:03d}.txt"))
        shutil.copy(DEFECTIVE, paths[-1])
    return paths


def test_a_serial_run_hands_on_each_result_before_linting_the_next(tmp_path, monkeypatch):
    linted = []
    real = batch.lint_file
    monkeypatch.setattr(batch, "lint_file", lambda path, *a: linted.append(path) or real(path, *a))
    paths = _copies(tmp_path, 5)
    stream = iter_files([(p, 0) for p in paths], [Config()], jobs=1)
    first = next(stream)
    assert first.name == paths[0] and linted == paths[:1]
    assert [r.name for r in stream] == paths[1:]


class _Synchronous:
    """A stand-in for the process pool that runs each batch when asked and counts batches."""

    def __init__(self):
        self.submitted = 0

    def submit(self, fn, batch_):
        from concurrent.futures import Future
        self.submitted += 1
        future = Future()
        future.set_result([FileResult(path, path, findings=[]) for path, _ in batch_])
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


def test_a_parallel_run_keeps_the_workers_only_a_few_batches_ahead(monkeypatch):
    pool = _Synchronous()
    monkeypatch.setattr(batch, "_executor", lambda *a: pool)
    tasks = [(f"r{i:05d}.txt", 0) for i in range(10_000)]
    stream = iter_files(tasks, [Config()], jobs=2)
    assert next(stream).name == "r00000.txt"
    assert pool.submitted <= 2 * 4  # jobs × batches ahead, not 10,000 / batch size
    assert [r.name for r in stream] == [p for p, _ in tasks[1:]]


def test_the_output_follows_the_reported_names_whatever_the_order_named(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(DEFECTIVE, b)
    shutil.copy(DEFECTIVE, a)
    proc = run("check", "--no-cache", "--format", "json", str(b), str(a))
    paths = [f["path"] for f in json.loads(proc.stdout)]
    assert paths == sorted(paths) and set(paths) == {str(a), str(b)}


def test_sarif_lists_the_files_read_in_the_order_named(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(DEFECTIVE, b)
    shutil.copy(DEFECTIVE, a)
    proc = run("check", "--no-cache", "--format", "sarif", "b.txt", "a.txt", cwd=tmp_path)
    run_ = json.loads(proc.stdout)["runs"][0]
    assert [x["location"]["uri"] for x in run_["artifacts"]] == ["b.txt", "a.txt"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]]
    assert uris == sorted(uris) and set(uris) == {"a.txt", "b.txt"}


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "github", "html"])
def test_a_streamed_report_equals_the_whole_one(fmt):
    from checker import lint_text
    from checker.rules import load_rules
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
    findings = sorted((f for name, text in texts.items() for f in lint_text(text, path=name)),
                      key=lambda f: f.sort_key())
    options = Options(rules=load_rules())
    whole = get(fmt)(findings, texts, options)
    streamed = "".join(pieces(fmt)(iter(by_file(findings, texts)), options))
    assert streamed == whole and findings
    if fmt in ("json", "sarif"):
        json.loads(whole)


def test_sarif_with_no_findings_is_one_valid_log():
    out = get("sarif")([], {"a.txt": "正文。"}, Options())
    run_ = json.loads(out)["runs"][0]
    assert run_["results"] == [] and run_["artifacts"] == [{"location": {"uri": "a.txt"}}]


def test_file_reports_keep_the_findings_order_and_the_files_without_findings():
    from checker.findings import Finding
    f = lambda path, line: Finding(path=path, line=line, column=1, end_line=line, end_column=2,  # noqa: E731
                                   rule="X101", name="x", category="placeholder", severity="error",
                                   message="m", expected=None, start=0, end=1)
    reports = by_file([f("b", 1), f("b", 2), f("c", 1)], {"a": "甲", "b": "乙"})
    assert [(r.path, [x.line for x in r.findings], r.text, r.order) for r in reports] == [
        ("b", [1, 2], "乙", 1), ("c", [1], None, 2), ("a", [], "甲", 0)]
    assert isinstance(reports[0], FileReport)
