"""pre-commit: the hook manifest is valid, and the real `pre-commit try-repo` runs the hook
from this checkout in a temporary git repository: it fails on a defective report and
passes on a clean one.

try-repo installs the hook's package with pip into a fresh virtual environment, so it
needs the package index (PyPI): the test skips, saying why, when pre-commit, git, a git
checkout with the hook file committed, or the index is missing. It runs the hook at the
checkout's HEAD commit (as a user's `rev:` would), so the work tree's uncommitted changes
cannot break it.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from urllib.parse import urlparse

import pytest

from conftest import EXAMPLES, ROOT

pre_commit = pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[test]')")


def test_hook_manifest_is_valid_for_pre_commit():
    from pre_commit.clientlib import load_manifest
    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "reportlint" and hook["language"] == "python"
    assert hook["entry"].startswith("reportlint check")
    import re
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.txt", "docs/报告.md", "b.markdown", "c.docx", "d.pdf", "e.html"))
    assert not any(files.search(n) for n in ("setup.py", "a.txt.bak", "README.rst"))


def _git(*args, cwd, env=None):
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


def _index_reachable() -> bool:
    url = os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple/"
    parsed = urlparse(url)
    try:
        socket.create_connection((parsed.hostname, parsed.port or (443 if parsed.scheme == "https" else 80)),
                                 timeout=5).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        head = _git("rev-parse", "HEAD", cwd=ROOT).stdout.strip()
        _git("cat-file", "-e", f"{head}:.pre-commit-hooks.yaml", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("this checkout is not a git repository with .pre-commit-hooks.yaml committed at HEAD")
    if not _index_reachable():
        pytest.skip("the package index is unreachable: pre-commit cannot install the hook")
    work = tmp_path_factory.mktemp("precommit")
    repo = work / "reports"
    repo.mkdir()
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org", PRE_COMMIT_HOME=str(work / "cache"), NO_COLOR="1")
    env.pop("PRE_COMMIT", None)
    _git("init", "-q", ".", cwd=repo, env=env)
    (repo / "clean.txt").write_text(EXAMPLES.joinpath("clean-2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "defective.md").write_text(EXAMPLES.joinpath("defective-2020.txt").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    _git("add", ".", cwd=repo, env=env)
    return repo, head, env


def _try_repo(hook_repo, *files):
    repo, head, env = hook_repo
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "reportlint",
                           "--ref", head, "--color", "never", "--files", *files],
                          cwd=repo, env=env, capture_output=True, text=True, encoding="utf-8", timeout=900)


def test_pre_commit_hook_passes_on_a_clean_report(hook_repo):
    proc = _try_repo(hook_repo, "clean.txt")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_pre_commit_hook_fails_on_a_defective_report(hook_repo):
    proc = _try_repo(hook_repo, "defective.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "defective.md:" in proc.stdout and "S111" in proc.stdout


def test_the_readmes_local_hook_works_as_written(tmp_path):
    """The `repo: local` / `language: system` example of the README, copied from it, runs the
    reportlint on PATH: it fails on a defective report and passes on a clean one."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = readme.split("# .pre-commit-config.yaml: the reportlint on your PATH\n", 1)[1].split("```", 1)[0]
    repo = tmp_path / "repo"
    repo.mkdir()
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
               PRE_COMMIT_HOME=str(tmp_path / "pc-home"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    _git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    for name, source in (("clean.txt", "clean-2023.txt"), ("defective.txt", "defective-2020.txt")):
        shutil.copy(EXAMPLES / source, repo / name)
    _git("add", ".", cwd=repo, env=env)

    def hook(*files):
        return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", *files], cwd=repo, env=env,
                              capture_output=True, text=True)
    assert hook("clean.txt").returncode == 0
    failed = hook("defective.txt")
    assert failed.returncode == 1 and "T101" in failed.stdout
