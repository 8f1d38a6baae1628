"""Output formatters: rule-agnostic, each turns findings into one string.

A formatter is a function `format(findings, sources, options) -> str` where
`sources` maps a path to its text (for source lines and snippets) and
`options` carries lang, colour and the rules (for SARIF/HTML help).
"""
from __future__ import annotations

import importlib

FORMATS = ("text", "json", "sarif", "github", "html")


class Options:
    """What a formatter may need besides the findings: language, colour, the rules
    (for SARIF/HTML help) and, for HTML outlines, path -> Document."""

    def __init__(self, lang: str = "zh", color: bool = False, rules: tuple = (), docs: dict | None = None):
        self.lang = lang
        self.color = color
        self.rules = rules
        self.docs = {} if docs is None else docs

    def __repr__(self):
        return f"Options(lang={self.lang!r}, color={self.color!r}, rules=<{len(self.rules)}>, docs=<{len(self.docs)}>)"


def get(name: str):
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}_format").format
