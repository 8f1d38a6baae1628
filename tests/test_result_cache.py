"""The result cache: a hit gives the very findings (and output) a fresh lint gives; any change misses.

Every test points XDG_CACHE_HOME at its own temporary folder, so the user's
cache is never read or written.
"""
from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, FIXTURES, ROOT
from checker import linter
from checker.speed import result_cache
from checker.config import Config, resolve
from checker.cli.batch import run_files
from checker.findings import quote_of
from checker.rules import rule_inputs
from checker.speed.result_cache import ResultCache, context, open_cache, prune
from checker.rules import load_rules
from checker.cli.check import run_check

DEFECTIVE = EXAMPLES / "defective-2020.txt"
CLEAN = EXAMPLES / "clean-2023.txt"
EXTRA_RULE = """rules:
  - id: W901
    name: jiezhi-muqian
    category: terminology
    severity: warning
    check: substitution
    params: {swap: {%s: 截至目前}}
    message: {zh: "“{match}”应为“{expected}”", en: "{match} should be {expected}"}
    description: 截止 means a deadline; 截至 means up to.
    source: 现代汉语词典
    examples: {bad: ["%s，已完成。"], good: ["截至目前，已完成。"]}
"""


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    return home


def entries(home: Path) -> list[Path]:
    folder = home / "reportlint" / "results"
    return sorted(folder.glob("*.marshal")) if folder.is_dir() else []


class Counter:
    """Counts real lints (cache misses) by wrapping checker.linter.lint_document."""

    def __init__(self, monkeypatch):
        self.calls = 0
        real = linter.lint_document

        def counted(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)
        monkeypatch.setattr(linter, "lint_document", counted)


def cached(config):
    """The cache as the CLI opens it (keyed on the user rule files too)."""
    return open_cache(config, rule_inputs(tuple(config.rules)))


def lint(paths, config, counter=None):
    before = counter.calls if counter else 0
    results = run_files([str(p) for p in paths], config, jobs=1, cache=cached(config))
    misses = counter.calls - before if counter else None
    return [r.findings for r in results], misses


def check(capsys, *paths, **options) -> tuple[int, str]:
    options.setdefault("no_color", True)
    options.setdefault("jobs", 1)
    code = run_check(paths=tuple(str(p) for p in paths), **options)
    return code, capsys.readouterr().out


def test_a_hit_returns_the_same_findings_without_linting_again(cache_home, monkeypatch):
    counter = Counter(monkeypatch)
    config = Config()
    first, misses = lint([DEFECTIVE, CLEAN], config, counter)
    assert misses == 2 and len(entries(cache_home)) == 2
    again, misses = lint([DEFECTIVE, CLEAN], config, counter)
    assert misses == 0
    assert again == first and first[0], "the defective example has findings"
    fresh = run_files([str(DEFECTIVE)], config, jobs=1)[0].findings
    assert again[0] == fresh
    assert [f.fixes for f in again[0]] == [f.fixes for f in fresh]  # every field, not only the compared ones
    assert [f.quote for f in again[0]] == [f.quote for f in fresh]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_output_is_byte_identical_with_and_without_the_cache(cache_home, capsys, monkeypatch, fmt):
    monkeypatch.chdir(ROOT)
    paths = ("examples", "tests/fixtures")
    plain = check(capsys, *paths, fmt=fmt, no_cache=True)
    assert entries(cache_home) == []
    filling = check(capsys, *paths, fmt=fmt)
    assert entries(cache_home)
    counter = Counter(monkeypatch)
    warm = check(capsys, *paths, fmt=fmt)
    assert counter.calls == 0
    assert plain == filling == warm
    assert plain[0] == 1 and plain[1]


def test_any_change_of_the_text_is_a_miss(cache_home, tmp_path, monkeypatch):
    counter = Counter(monkeypatch)
    report = tmp_path / "r.txt"
    report.write_text(DEFECTIVE.read_text(encoding="utf-8"), encoding="utf-8")
    before, _ = lint([report], Config(), counter)
    report.write_text(DEFECTIVE.read_text(encoding="utf-8").replace("（四）", "（七）"), encoding="utf-8")
    after, misses = lint([report], Config(), counter)
    assert misses == 1 and after != before
    assert after == [run_files([str(report)], Config(), jobs=1)[0].findings]


def test_the_same_text_under_another_path_is_a_miss(cache_home, tmp_path, monkeypatch):
    counter = Counter(monkeypatch)
    for name in ("a.txt", "b.txt"):
        shutil.copy(DEFECTIVE, tmp_path / name)
    (a,), _ = lint([tmp_path / "a.txt"], Config(), counter)
    (b,), misses = lint([tmp_path / "b.txt"], Config(), counter)
    assert misses == 1 and {f.path for f in b} == {str(tmp_path / "b.txt")}
    assert [f.message for f in a] == [f.message for f in b]


@pytest.mark.parametrize("change", [
    {"select": ("numbering",)},
    {"ignore": ("N",)},
    {"lang": "en"},
    {"severity": (("N101", "info"),)},
    {"report_year": 2019},
    {"level": "county_department"},
    {"per_path_ignores": (("*.txt", ("numbering",)),)},
])
def test_any_change_of_the_config_is_a_miss(cache_home, monkeypatch, change):
    counter = Counter(monkeypatch)
    (base,), _ = lint([DEFECTIVE], Config(), counter)
    (changed,), misses = lint([DEFECTIVE], Config(**change), counter)
    assert misses == 1
    assert changed == run_files([str(DEFECTIVE)], Config(**change), jobs=1)[0].findings
    assert changed != base
    (_,), misses = lint([DEFECTIVE], Config(), counter)
    assert misses == 0  # the first config's entry is still there


def test_config_file_names_alone_do_not_miss(cache_home):
    assert context(Config()) == context(Config(sources=("a/.reportlint.yaml",)))
    assert context(Config()) != context(Config(time_budget=5.0))


def test_editing_an_extra_rule_file_is_a_miss(cache_home, tmp_path, monkeypatch):
    counter = Counter(monkeypatch)
    rules = tmp_path / "extra.yaml"
    rules.write_text(EXTRA_RULE % ("截止目前", "截止目前"), encoding="utf-8")
    (tmp_path / "cfg.yaml").write_text("rules: [extra.yaml]\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("截止目前，我县已完成清理。截止到目前，仍在推进。\n", encoding="utf-8")
    config = resolve(str(tmp_path / "cfg.yaml"), discover=False)
    (first,), _ = lint([report], config, counter)
    # NOTE: the CLI's findings carry no quote; it is read from the text (findings.quote_of)
    text = report.read_text(encoding="utf-8")
    assert [quote_of(f, {f.path: text}) for f in first if f.rule == "W901"] == ["截止目前"]
    rules.write_text(EXTRA_RULE % ("截止到目前", "截止到目前"), encoding="utf-8")
    load_rules.cache_clear()  # NOTE: this process remembers loaded rule files; a new run would not
    (second,), misses = lint([report], config, counter)
    assert misses == 1
    assert [quote_of(f, {f.path: text}) for f in second if f.rule == "W901"] == ["截止到目前"]


def _copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
    return dst


def _fingerprint_of(monkeypatch, code: Path, rules: Path | None = None):
    """Point checker.speed.fingerprint at a copy of the code (and rules); forget its memo."""
    from checker.speed import fingerprint
    real = fingerprint.data_dir
    monkeypatch.setattr(fingerprint, "package_dir", lambda: str(code))
    monkeypatch.setattr(fingerprint, "data_dir", lambda name: str(rules) if rules and name == "rules" else real(name))
    monkeypatch.setattr(fingerprint, "_memo", {})

    def fresh():
        fingerprint._memo.clear()  # NOTE: a new run; within one run the code cannot change
        return context(Config())
    return fresh


def test_shipped_rules_vocabularies_and_code_are_fingerprinted_by_content(cache_home, tmp_path, monkeypatch):
    from checker import resources
    rules = _copy_tree(Path(resources.data_dir("rules")), tmp_path / "rules")
    code = _copy_tree(Path(resources.package_dir()), tmp_path / "checker")
    fresh = _fingerprint_of(monkeypatch, code, rules)
    seen = {fresh()}

    def touched(path: Path) -> str:
        data = path.read_bytes()
        stat = path.stat()
        path.write_bytes(data[:-1] + (b"#" if data[-1:] != b"#" else b"%"))  # same size…
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))            # …same mtime
        digest = fresh()
        assert digest not in seen, path
        seen.add(digest)
        return digest

    touched(rules / "punctuation.yaml")
    touched(rules / "data" / "terms.yaml")
    touched(code / "linter.py")
    touched(code / "checks" / "pattern.py")
    (code / "checks" / "new_check.py").write_text('"""A new check type."""\n', encoding="utf-8")
    assert fresh() not in seen
    assert fresh() == fresh()  # stable while nothing changes


def test_an_installed_copy_is_fingerprinted_by_its_wheel_record(tmp_path, monkeypatch):
    site = tmp_path / "lib" / "site-packages"
    from checker import resources
    code = _copy_tree(Path(resources.package_dir()), site / "checker")
    record = site / "reportlint-9.9.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("checker/linter.py,sha256=aaaa,100\n", encoding="utf-8")
    fresh = _fingerprint_of(monkeypatch, code)
    before = fresh()
    (code / "linter.py").write_text("# edited by hand\n", encoding="utf-8")
    assert fresh() == before  # NOTE: installed files are not read one by one…
    record.write_text("checker/linter.py,sha256=bbbb,100\n", encoding="utf-8")  # …pip rewrites RECORD
    assert fresh() != before


def test_no_cache_neither_reads_nor_writes(cache_home, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    truth = check(capsys, "examples", fmt="json", no_cache=True)
    assert entries(cache_home) == []
    assert check(capsys, "examples", fmt="json") == truth
    for entry in entries(cache_home):  # every entry now claims a clean report
        key, names, _rows = marshal.loads(entry.read_bytes())
        entry.write_bytes(marshal.dumps((key, names, ())))
    stamps = {e: e.stat().st_mtime_ns for e in entries(cache_home)}
    assert check(capsys, "examples", fmt="json", no_cache=True) == truth
    monkeypatch.setenv("REPORTLINT_NO_CACHE", "1")
    assert check(capsys, "examples", fmt="json") == truth
    assert {e: e.stat().st_mtime_ns for e in entries(cache_home)} == stamps
    monkeypatch.delenv("REPORTLINT_NO_CACHE")
    code, out = check(capsys, "examples", fmt="json")
    assert (code, out) == (0, "[]\n"), "the forged entries are read when the cache is on"


def test_a_corrupt_or_foreign_entry_is_a_miss(cache_home, monkeypatch):
    counter = Counter(monkeypatch)
    truth, _ = lint([DEFECTIVE], Config(), counter)
    (entry,) = entries(cache_home)
    for damage in (b"", entry.read_bytes()[:40], b"\x00garbage", marshal.dumps(("other", (), ())),
                   marshal.dumps([1, 2, 3]), marshal.dumps((entry.stem, ("path",), (("a", "b"),)))):
        entry.write_bytes(damage)
        again, misses = lint([DEFECTIVE], Config(), counter)
        assert (again, misses) == (truth, 1)
        assert marshal.loads(entry.read_bytes())[0] == entry.stem  # rewritten whole


def test_rule_errors_and_unreadable_files_are_never_cached(cache_home, tmp_path, monkeypatch):
    results = run_files([str(DEFECTIVE), str(tmp_path / "missing.txt")], Config(time_budget=1e-9),
                        jobs=1, cache=cached(Config(time_budget=1e-9)))
    # the CPU timer may fire while parsing (the file's error) or in a rule (a rule error)
    assert any("time budget" in e for e in [results[0].error or "", *results[0].errors])
    assert results[1].error
    assert entries(cache_home) == []


@pytest.mark.parametrize("options", [{"fix": True, "diff": True}, {"fmt": "html"}])
def test_fix_diff_and_html_do_not_use_the_cache(cache_home, capsys, tmp_path, options):
    report = tmp_path / "r.txt"
    shutil.copy(DEFECTIVE, report)
    check(capsys, report, output=str(tmp_path / "out"), **options)
    assert entries(cache_home) == []


def test_stats_is_unaffected(cache_home, tmp_path):
    from checker.cli.configs import Configs
    from checker.cli.stats import _lint
    _lint((str(DEFECTIVE),), Configs(None, {}), 1)
    assert entries(cache_home) == []


def test_concurrent_parallel_runs_give_identical_output(cache_home, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))] + \
            [DEFECTIVE.read_text(encoding="utf-8")]
    for i, text in enumerate(texts):
        (folder / f"r{i:02d}.txt").write_text(text, encoding="utf-8")
    cmd = [sys.executable, "-m", "checker", "check", "--format", "json", "-j", "2", "reports"]
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    truth = subprocess.run(cmd + ["--no-cache"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert entries(cache_home) == [] and truth.stdout.count('"rule"') > 10
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              cwd=tmp_path) for _ in range(2)]
    outs = [p.communicate() for p in procs]
    assert [o for o, _ in outs] == [truth.stdout] * 2, [e for _, e in outs]
    assert len(entries(cache_home)) == len(texts)
    assert not list((cache_home / "reportlint" / "results").glob("*.tmp"))
    warm = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert (warm.returncode, warm.stdout) == (truth.returncode, truth.stdout)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_cache_folder_is_used_silently(cache_home, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    truth = check(capsys, "examples", fmt="json", no_cache=True)
    cache_home.mkdir()
    cache_home.chmod(0o500)
    try:
        assert check(capsys, "examples", fmt="json") == truth
        assert entries(cache_home) == []
    finally:
        cache_home.chmod(0o700)


def test_a_cache_that_cannot_be_written_still_serves_its_entries(cache_home, tmp_path, monkeypatch):
    counter = Counter(monkeypatch)
    report = tmp_path / "r.txt"
    shutil.copy(DEFECTIVE, report)
    truth, _ = lint([report, CLEAN], Config(), counter)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(os, "replace", denied)  # as in a read-only folder (which root could still write)
    monkeypatch.setattr(os, "utime", denied)
    report.write_text(DEFECTIVE.read_text(encoding="utf-8") + "\n附件：无\n", encoding="utf-8")
    (changed, clean), misses = lint([report, CLEAN], Config(), counter)
    assert misses == 1 and clean == truth[1]
    assert changed == run_files([str(report)], Config(), jobs=1)[0].findings
    assert len(entries(cache_home)) == 2 and not list(entries(cache_home)[0].parent.glob("*.tmp"))


def test_a_hit_on_an_old_entry_refreshes_its_age_for_pruning(cache_home):
    config = Config()
    lint([CLEAN], config)
    (entry,) = entries(cache_home)
    os.utime(entry, ns=(10**9, 10**9))
    lint([CLEAN], config)
    assert entry.stat().st_mtime_ns > 10**9


def test_an_unusable_cache_folder_is_ignored_silently(tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))  # cannot be created: a file is in the way
    monkeypatch.chdir(ROOT)
    truth = check(capsys, "examples", fmt="json", no_cache=True)
    assert check(capsys, "examples", fmt="json") == truth
    assert capsys.readouterr().err == ""
    cache = open_cache(Config())
    cache.put(cache.key("x", "text"), [])
    assert cache.writable is False  # one failed write stops the others


def test_no_home_means_no_cache(monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("REPORTLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda p: p)
    assert open_cache(Config()) is None
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/folder")
    assert open_cache(Config()) is None


def test_an_entry_others_may_write_is_not_trusted(cache_home, monkeypatch):
    counter = Counter(monkeypatch)
    truth, _ = lint([CLEAN], Config(), counter)
    (entry,) = entries(cache_home)
    assert entry.stat().st_mode & 0o777 == 0o600
    entry.chmod(0o666)
    assert lint([CLEAN], Config(), counter) == (truth, 1)
    entry.chmod(0o644)
    assert lint([CLEAN], Config(), counter) == (truth, 0)


def test_prune_keeps_the_newest_entries(cache_home):
    assert prune() == 0  # no folder yet
    from checker import usercache
    for i in range(12):
        usercache.write("results", f"{i:02d}.marshal", b"x")
    folder = cache_home / "reportlint" / "results"
    for i in range(12):
        os.utime(folder / f"{i:02d}.marshal", ns=(i * 10**9, i * 10**9))
    assert prune(limit=20, keep=5) == 0
    assert prune(limit=10, keep=5) == 7
    assert sorted(p.name for p in folder.iterdir()) == [f"{i:02d}.marshal" for i in range(7, 12)]


def test_a_put_prunes_only_rarely(cache_home, monkeypatch):
    calls = []
    monkeypatch.setattr(result_cache, "prune", lambda: calls.append(1))
    cache = ResultCache("ctx")
    keys = [cache.key(f"f{i}", "text") for i in range(600)]
    for key in keys:
        cache.put(key, [])
    assert len(calls) == sum(k.startswith("00") for k in keys) < 10


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_parallel_runs_serve_hits_here_and_send_only_misses_to_workers(cache_home, tmp_path, monkeypatch,
                                                                     start_method):
    if start_method == "fork" and sys.platform != "linux":
        pytest.skip("fork is used on Linux only")
    files = []
    for i, source in enumerate([DEFECTIVE, CLEAN, DEFECTIVE, CLEAN]):
        files.append(str(tmp_path / f"r{i}.txt"))
        shutil.copy(source, files[-1])
    config = Config()
    truth = [r.findings for r in run_files(files, config, jobs=1)]
    run_files(files[:2], config, jobs=1, cache=cached(config))  # two hits, two misses
    seen = []
    results = run_files(files + [str(tmp_path / "missing.txt")], config, jobs=2, cache=cached(config),
                        progress=lambda done, total: seen.append((done, total)), start_method=start_method)
    assert [r.findings for r in results[:4]] == truth
    assert results[4].error and [r.name for r in results] == files + [str(tmp_path / "missing.txt")]
    assert seen[-1] == (5, 5) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(entries(cache_home)) == 4
    from checker.cli import batch as jobs

    def no_pool(*args):
        raise AssertionError("a pool was started although every file hits")
    monkeypatch.setattr(jobs, "_executor", no_pool)
    again = run_files(files, config, jobs=2, cache=cached(config), start_method=start_method)
    assert [r.findings for r in again] == truth
