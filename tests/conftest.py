"""Shared fixtures: paths to the examples, our own fixtures, and the real corpus."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(os.environ.get("REPORTLINT_CORPUS", ROOT.parent / "shared" / "corpus"))
_USER_CACHE_HOME: list = []


def pytest_configure(config):
    """The suite never reads or fills the user's cache (~/.cache/reportlint).

    NOTE: one temporary XDG_CACHE_HOME for the whole session, set before
    collection (which already loads the rules), so the YAML, grammar and
    result caches stay warm from test to test; tests that need an empty
    cache set their own.
    """
    import tempfile
    temporary = tempfile.mkdtemp(prefix="reportlint-test-cache-")
    _USER_CACHE_HOME.append((os.environ.get("XDG_CACHE_HOME"), temporary))
    os.environ["XDG_CACHE_HOME"] = temporary


def pytest_unconfigure(config):
    import shutil
    if not _USER_CACHE_HOME:
        return
    previous, temporary = _USER_CACHE_HOME.pop()
    shutil.rmtree(temporary, ignore_errors=True)
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real-report corpus not present at {CORPUS}")
    return CORPUS


def lint(text: str, **config):
    from checker.config import Config
    from checker.linter import lint_text
    return lint_text(text, Config(**config))


def rule_ids(text: str, **config) -> list[str]:
    return [f.rule for f in lint(text, **config)]
