"""The parsed-YAML cache: warm runs skip PyYAML, edits invalidate, nothing unsafe is loaded."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import EXAMPLES
from checker.yamlio import load_yaml_file


def test_cached_load_equals_fresh_load_and_edits_invalidate(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    f = tmp_path / "r.yaml"
    f.write_text("a: 1\nwhen: 2020-10-26\nitems: [x, y]\n", encoding="utf-8")
    first = load_yaml_file(f)
    assert first.data == {"a": 1, "when": "2020-10-26", "items": ["x", "y"]}
    assert list((tmp_path / "cache" / "reportlint" / "yaml").iterdir())
    again = load_yaml_file(f)
    assert (again.data, again.lines) == (first.data, first.lines)
    f.write_text("a: 22\n", encoding="utf-8")
    os.utime(f, ns=(1, 1))
    assert load_yaml_file(f).data == {"a": 22}


def test_a_corrupt_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    f = tmp_path / "r.yaml"
    f.write_text("a: 1\n", encoding="utf-8")
    load_yaml_file(f)
    for entry in (tmp_path / "cache" / "reportlint" / "yaml").iterdir():
        entry.write_bytes(b"\x00garbage")
    assert load_yaml_file(f).data == {"a": 1}


def test_a_warm_run_does_not_import_pyyaml(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    code = ("import sys; sys.argv=['reportlint','check',%r]\n"
            "from checker.cli.app import cli\n"
            "try: cli(standalone_mode=False)\nexcept SystemExit: pass\n"
            "print('yaml' in sys.modules)") % str(EXAMPLES / "clean-2023.txt")
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert cold.stdout.strip().endswith("True")
    assert warm.stdout.strip().endswith("False"), warm.stderr


def test_an_edit_that_keeps_size_and_modification_time_is_seen(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    f = tmp_path / "r.yaml"
    f.write_text("a: 1\n", encoding="utf-8")
    assert load_yaml_file(f).data == {"a": 1}
    f.write_text("a: 2\n", encoding="utf-8")  # same size
    os.utime(f, ns=(1, 1))
    first = load_yaml_file(f).data
    f.write_text("a: 3\n", encoding="utf-8")
    os.utime(f, ns=(1, 1))                     # same size, same mtime
    assert (first, load_yaml_file(f).data) == ({"a": 2}, {"a": 3})


def test_the_cache_folder_is_bounded(tmp_path, monkeypatch):
    from checker import yamlio
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(yamlio, "_MAX_ENTRIES", 5)
    for i in range(8):
        f = tmp_path / f"r{i}.yaml"
        f.write_text(f"a: {i}\n", encoding="utf-8")
        load_yaml_file(f)
    assert 3 <= len(list((tmp_path / "cache" / "reportlint" / "yaml").iterdir())) <= 5
