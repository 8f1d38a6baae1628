"""Many files: -j output identical to -j 1, .gitignore-style excludes, progress bar, cheap start-up."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from checker.config import Config
from checker.cli.files import Excludes, expand
from checker.cli.batch import run_files

DEFECTIVE = EXAMPLES / "defective-2020.txt"
CLEAN = EXAMPLES / "clean-2023.txt"


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, env=env)


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    text = DEFECTIVE.read_text(encoding="utf-8")
    for i, variant in enumerate([text, CLEAN.read_text(encoding="utf-8"), text.replace("（四）", "（七）"),
                                 text.replace("3125件", "3,125件")]):
        (root / f"r{i}.txt").write_text(variant, encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "notes.md").write_text("<!-- reportlint-disable M101 -->\n" + text, encoding="utf-8")
    (root / "sub" / "gbk.txt").write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    return root


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "github"])
def test_jobs_output_is_identical_to_one_job_and_hash_seed_free(folder, fmt):
    outputs = set()
    for jobs, seed in (("1", "0"), ("3", "1"), ("2", "12345")):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = run("check", "--format", fmt, "--no-color", "-j", jobs, "reports", cwd=folder.parent, env=env)
        assert proc.returncode == 1, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_spawned_workers_give_the_serial_results(folder):
    files = expand([str(folder)])
    serial = run_files(files, Config(), jobs=1)
    spawned = run_files(files, Config(), jobs=2, start_method="spawn")
    assert [(r.name, r.findings, r.source.text) for r in serial] == \
           [(r.name, r.findings, r.source.text) for r in spawned]


def test_gitignore_style_excludes(tmp_path):
    for rel in ["a.txt", "drafts/b.txt", "x/drafts/c.txt", "archive/d.txt", "x/archive/e.txt", "old/f.txt",
                "old/g.md", "x/old/h.txt", "deep/tmp/more/i.txt", "keep.md", "other.md", "~$open.docx"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    patterns = ["drafts/", "/archive", "old/*.txt", "**/tmp/**", "*.md", "!keep.md", "# a comment"]
    found = [os.path.relpath(p, tmp_path).replace(os.sep, "/")
             for p in expand([str(tmp_path)], Excludes(patterns, str(tmp_path)))]
    assert sorted(found) == ["a.txt", "keep.md", "x/archive/e.txt", "x/old/h.txt"]


def test_excludes_come_from_the_project_config_relative_to_it(tmp_path):
    (tmp_path / ".reportlint.yaml").write_text("exclude: [/reports/old/, '*-draft.txt']\n", encoding="utf-8")
    for rel in ["reports/new.txt", "reports/old/x.txt", "reports/y-draft.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("check", "--format", "sarif", ".", cwd=tmp_path / "reports")
    uris = [a["location"]["uri"] for a in json.loads(proc.stdout)["runs"][0]["artifacts"]]
    assert uris == ["new.txt"]
    # a file named on the command line is linted even when a pattern matches it
    proc = run("check", "--format", "sarif", "old/x.txt", cwd=tmp_path / "reports")
    assert [a["location"]["uri"] for a in json.loads(proc.stdout)["runs"][0]["artifacts"]] == ["old/x.txt"]


def _with_tty_stderr(args, cwd):
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=slave, stdin=subprocess.DEVNULL, env=dict(os.environ, TERM="xterm"))
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read()
    proc.wait()
    os.close(master)
    return out.decode("utf-8"), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal_and_only_for_long_runs(tmp_path):
    for i in range(12):
        (tmp_path / f"r{i:02d}.txt").write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    out, err = _with_tty_stderr(["check", "--format", "json", "-j", "2", "."], tmp_path)
    assert json.loads(out) == [] and "\r" not in out
    assert "12/12" in err and "\r" in err
    piped = run("check", "--format", "json", ".", cwd=tmp_path)
    assert piped.stderr == "" and json.loads(piped.stdout) == []
    _, err = _with_tty_stderr(["check", "--format", "json", "--no-progress", "."], tmp_path)
    assert "12/12" not in err
    _, err = _with_tty_stderr(["check", "--format", "json", "r00.txt", "r01.txt"], tmp_path)
    assert "/2" not in err  # a short run draws nothing


def test_one_file_run_imports_only_what_it_uses(tmp_path):
    code = ("import sys, atexit\n"
            "def show():\n"
            "    heavy = ('docx', 'lxml', 'jsonschema', 'multiprocessing', 'concurrent', 'difflib')\n"
            "    mods = sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
            "                  or m.startswith('checker.formatters.') and m != 'checker.formatters.text_format')\n"
            "    sys.stderr.write('MODULES ' + ' '.join(mods) + '\\n')\n"
            "atexit.register(show)\n"
            f"sys.argv = ['reportlint', 'check', '--no-color', {str(CLEAN)!r}]\n"
            "from checker.cli.app import main\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    line = next(l for l in proc.stderr.splitlines() if l.startswith("MODULES"))
    assert line.strip() == "MODULES", line
