"""reportlint: a compliance linter for Chinese government annual reports.

Library API (pure, no printing):
    checker.lint_text(text, config=None) -> list[Finding]
    checker.lint_path(path, config=None) -> list[Finding]
    checker.parse_text(text) -> Document
"""
from __future__ import annotations

from checker.version import __version__

__all__ = ["lint_text", "lint_path", "parse_text", "__version__"]


def lint_text(text, config=None, path="<text>"):
    from checker.linter import lint_text as _lint
    return _lint(text, config, path)


def lint_path(path, config=None):
    from checker.linter import lint_path as _lint
    return _lint(path, config)


def parse_text(text, path="<text>"):
    from checker.document.outline import build
    return build(text, path)
