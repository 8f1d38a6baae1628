"""Output formatters: rule-agnostic, each turns findings into one string.

A formatter is a function `format(findings, sources, options) -> str` where
`sources` maps a path to its text (for source lines and snippets) and
`options` carries lang, colour and the rules (for SARIF/HTML help). A formatter
module may also offer `chunks(...)` with the same arguments, yielding the same
text in pieces: the CLI then writes them as they come (`pieces()`).

Layer 6. May import: the engine modules (baseline, for fingerprints) and every
layer before them; not checker.cli.
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


def _module(name: str):
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}_format")


def get(name: str):
    return _module(name).format


def pieces(name: str):
    """The formatter as a function yielding its text in pieces (one piece when the
    formatter has no `chunks`)."""
    module = _module(name)
    if hasattr(module, "chunks"):
        return module.chunks
    return lambda findings, sources, options: iter((module.format(findings, sources, options),))
