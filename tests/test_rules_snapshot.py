"""The prepared-rules snapshot behind the CLI: same findings, and never stale."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from checker.speed import rules_snapshot
from checker.yamlio import load_yaml_file

RULE = """
rules:
  - id: T902
    name: rate-mismatch-custom
    category: statistics
    severity: error
    check: stat-rate
    params: {report: wrong, vocabulary: VOCAB}
    message: {zh: "{name}{printed}：{computation}", en: "{name} {printed}: {computation}"}
    description: T101 with a vocabulary of the user's.
    source: GB/T 8170-2008
"""
VOCAB = "rates:\n  - names: [{name}]\n    numerator: [整改]\n    denominator: [排查, 发现]\n    bounded: true\n"


ENTRY = [sys.executable, "-c", "from checker.cli.entry import main; main()"]
def cli(env, *args, cwd=None, results_cache=False):
    """Run the CLI; without `results_cache` the result cache is left out (this is about the
    rules): its folder is taken by a plain file, which the user cache never uses."""
    if not results_cache and env.get("XDG_CACHE_HOME"):
        mine = os.path.join(env["XDG_CACHE_HOME"], "reportlint")
        os.makedirs(mine, mode=0o700, exist_ok=True)
        with open(os.path.join(mine, "results"), "a", encoding="utf-8"):
            pass
    cmd = ENTRY + ["check", "--format", "json", *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)


def snapshots(cache):
    return sorted((cache / "reportlint" / "rules").glob("*.snapshot"))


def test_cli_output_is_identical_with_and_without_the_snapshot(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    cold = cli(env, EXAMPLES)
    assert snapshots(tmp_path / "cache"), "the first run writes a snapshot"
    warm = cli(env, EXAMPLES)
    fresh = cli(dict(env, REPORTLINT_NO_CACHE="1"), EXAMPLES)
    assert cold.stdout == warm.stdout == fresh.stdout and json.loads(cold.stdout)
    assert cold.returncode == warm.returncode == fresh.returncode


@pytest.mark.parametrize("results_cache", [False, True], ids=["snapshot", "snapshot+results"])
def test_an_edited_user_vocabulary_is_seen_through_the_snapshot(tmp_path, results_cache):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    vocab = tmp_path / "rates.yaml"
    vocab.write_text(VOCAB.format(name="整改率"), encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULE.replace("VOCAB", str(vocab)), encoding="utf-8")
    (tmp_path / ".reportlint.yaml").write_text("rules: [rules.yaml]\nselect: [T902]\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("排查隐患120处，整改112处，整改率95%。\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("排查隐患120处，整改112处，销号率95%。\n", encoding="utf-8")
    first = json.loads(cli(env, "r.txt", "s.txt", cwd=tmp_path, results_cache=results_cache).stdout)
    assert [f["path"] for f in first] == ["r.txt"]
    vocab.write_text(VOCAB.format(name="销号率"), encoding="utf-8")
    second = json.loads(cli(env, "r.txt", "s.txt", cwd=tmp_path, results_cache=results_cache).stdout)
    assert [f["path"] for f in second] == ["s.txt"]


def _build(counter, path):
    def build():
        counter.append(1)
        return ("rules", load_yaml_file(path).data)
    return build


def test_snapshot_is_used_until_a_file_it_read_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = tmp_path / "words.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    built: list = []
    fresh = rules_snapshot.load(("x",), _build(built, data))
    assert fresh == (("rules", {"a": 1}), (str(data),))
    assert rules_snapshot.load(("x",), _build(built, data)) == fresh and len(built) == 1
    data.write_text("a: 22\n", encoding="utf-8")
    assert rules_snapshot.load(("x",), _build(built, data))[0] == ("rules", {"a": 22})
    assert len(built) == 2


def test_a_damaged_or_writable_by_others_snapshot_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    data = tmp_path / "words.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    built: list = []
    rules_snapshot.load((), _build(built, data))
    (snap,) = snapshots(tmp_path / "cache")
    assert snap.stat().st_mode & 0o077 == 0
    snap.chmod(0o666)
    assert rules_snapshot.load((), _build(built, data))[0] == ("rules", {"a": 1}) and len(built) == 2
    snap.write_bytes(b"\x00garbage")
    assert rules_snapshot.load((), _build(built, data))[0] == ("rules", {"a": 1}) and len(built) == 3


def test_no_snapshot_when_caches_are_off(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    data = tmp_path / "words.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    rules_snapshot.load((), _build([], data))
    rules_snapshot.load((), _build([], data), snapshot=False)
    assert not (tmp_path / "cache" / "reportlint").exists()


def test_rule_inputs_name_the_user_files_the_rules_were_made_from(tmp_path):
    from checker.rules import rule_inputs
    vocab = tmp_path / "rates.yaml"
    vocab.write_text(VOCAB.format(name="整改率"), encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULE.replace("VOCAB", str(vocab)), encoding="utf-8")
    assert rule_inputs((str(tmp_path / "rules.yaml"),)) == (str(tmp_path / "rates.yaml"), str(tmp_path / "rules.yaml"))
    assert rule_inputs(()) == ()
