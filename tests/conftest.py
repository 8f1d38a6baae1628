"""Shared fixtures: paths to the examples, our own fixtures, and the real corpus."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(os.environ.get("REPORTLINT_CORPUS", ROOT.parent / "shared" / "corpus"))


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
