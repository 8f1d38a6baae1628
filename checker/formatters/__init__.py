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
import re

from checker.findings import encodable

FORMATS = ("text", "json", "sarif", "github", "html")


class Options:
    """What a formatter may need besides the findings: language, colour, the rules
    (for SARIF/HTML help) and, for HTML outlines, path -> Document."""

    def __init__(self, lang: str = "zh", color: bool = False, rules: tuple = (), docs: dict | None = None,
                 style: str = "full", unsafe_fixes: bool = False, fixing: bool = False):
        self.lang = lang
        self.color = color
        self.rules = rules
        self.docs = {} if docs is None else docs
        self.style = style                # text: full (source line and caret) or concise
        self.unsafe_fixes = unsafe_fixes  # --unsafe-fixes: renumbering fixes count as fixable
        self.fixing = fixing              # --fix ran: what is left was not fixed

    def fixable(self, finding) -> bool:
        """Would --fix repair this finding (with --unsafe-fixes, when it is a renumbering)?"""
        if not finding.fixes or finding.category == "statistics" or finding.path.lower().endswith(
                (".docx", ".pdf", ".html", ".htm", ".shtml", ".xhtml")):
            return False
        rule = next((r for r in self.rules if r.id == finding.rule), None)
        return rule is None or rule.fix == "safe" or (rule.fix == "unsafe" and self.unsafe_fixes)

    def __repr__(self):
        return f"Options(lang={self.lang!r}, color={self.color!r}, rules=<{len(self.rules)}>, docs=<{len(self.docs)}>)"


# C0 and C1 control characters and DEL, but tab and line ends: a report or a file name
# holding ESC]0;…BEL or ESC[2J must not retitle or clear the reader's terminal
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with control characters shown escaped (\\x1b), never emitted."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def shown_path(path: str) -> str:
    """A file name as text that any output can hold: bytes that were not UTF-8 (kept by
    Python as lone surrogates) shown as \\xff, control characters escaped."""
    return printable(encodable(path))


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
