"""Output formatters: rule-agnostic, each turns the findings of a run into text.

A formatter module offers `chunks(files, options)`: `files` is an iterable of
FileReport (one file's findings in output order and its text, for source lines and
snippets), read once, in output order; `options` carries lang, colour and the rules
(for SARIF/HTML help). It yields the output in pieces, which the CLI writes as they
come, so a run over 100,000 reports never holds them all (checker.cli.check).
`get(name)` gives the same as one string from (findings, sources), where `sources`
maps a path to its text.

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


class FileReport:
    """One file's part of the output: its name as reported, its findings in output order,
    its text (None when it could not be read) and its place among the files named (some
    listings follow the command line's order, not the output's)."""
    __slots__ = ("path", "findings", "text", "order")

    def __init__(self, path: str, findings: list, text: str | None, order: int = 0):
        self.path, self.findings, self.text, self.order = path, findings, text, order

    @property
    def sources(self) -> dict:
        """path -> text, for the helpers that read quotes and sentences (checker.findings.quote_of)."""
        return {self.path: self.text} if self.text is not None else {}


def by_file(findings, sources) -> list[FileReport]:
    """FileReports for findings (kept in their order, grouped by path in order of first
    appearance) and for the files of `sources` (path -> text) that have none."""
    reports: dict[str, FileReport] = {}
    order = {path: k for k, path in enumerate(sources)}
    for f in findings:
        report = reports.get(f.path)
        if report is None:
            if f.path not in order:  # a file without text comes after the files named
                order[f.path] = len(order)
            report = reports[f.path] = FileReport(f.path, [], sources.get(f.path), order[f.path])
        report.findings.append(f)
    rest = [FileReport(path, [], text, k) for k, (path, text) in enumerate(sources.items()) if path not in reports]
    return list(reports.values()) + rest


def whole(chunks, findings, sources, options) -> str:
    """A formatter's output as one string, from findings and path -> text."""
    return "".join(chunks(by_file(findings, sources), options))


def _module(name: str):
    if name not in FORMATS:
        raise KeyError(name)
    return importlib.import_module(f"{__name__}.{name}_format")


def get(name: str):
    """The formatter as one function (findings, sources, options) -> str."""
    return _module(name).format


def pieces(name: str):
    """The formatter as a function (files, options) yielding its text in pieces (see above)."""
    return _module(name).chunks
