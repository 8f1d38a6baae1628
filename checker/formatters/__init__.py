"""Output formatters: rule-agnostic, each turns findings into one string.

A formatter is a function `format(findings, sources, options) -> str` where
`sources` maps a path to its text (for source lines and snippets) and
`options` carries lang, colour and the rules (for SARIF/HTML help).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass
class Options:
    lang: str = "zh"
    color: bool = False
    rules: tuple = ()
    docs: dict = field(default_factory=dict)   # path -> Document, for HTML outlines


def get(name: str):
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}_format").format
