"""`reportlint server`: a language server, so an editor shows findings as you type.

Diagnostics for `.txt` and `.md` reports are published when a document is opened,
changed or saved; a finding with a safe fix offers it as a quick fix. The
configuration is the one the CLI would use for the file (its folder's). Runs over
stdio with pygls, an optional dependency: `pip install "reportlint[lsp]"`.

NOTE: LSP positions count UTF-16 code units by default; findings count Unicode
characters, so each column is converted on its line (they differ only past the
Basic Multilingual Plane, e.g. rare CJK extension characters).
"""
from __future__ import annotations

import os
import sys

import click

SUFFIXES = (".txt", ".md", ".markdown")


@click.command()
def server():
    """Run the language server on stdin/stdout (for editors; needs reportlint[lsp])."""
    try:
        from pygls.lsp.server import LanguageServer  # noqa: F401
    except ImportError:
        from checker.errors import ReportlintError
        raise ReportlintError('the language server needs pygls: pip install "reportlint[lsp]"') from None
    make_server().start_io()


def make_server():
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from checker.version import __version__
    ls = LanguageServer("reportlint", __version__)
    configs: dict = {}

    def lint(uri: str):
        doc = ls.workspace.get_text_document(uri)
        path = _path(uri)
        if not path.lower().endswith(SUFFIXES):
            return []
        return diagnostics(doc.source, path, _config(configs, path), types)

    def publish(uri: str) -> None:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=lint(uri)))

    @ls.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params):
        publish(params.text_document.uri)

    @ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params):
        publish(params.text_document.uri)

    @ls.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params):
        publish(params.text_document.uri)

    @ls.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(params):
        uri = params.text_document.uri
        return [a for d in lint(uri) if _overlaps(d.range, params.range) for a in _actions(uri, d, types)]

    return ls


def _path(uri: str) -> str:
    from urllib.parse import unquote, urlparse
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def _config(cache: dict, path: str):
    from checker.config import resolve
    folder = os.path.dirname(os.path.abspath(path))
    if folder not in cache:
        cache[folder] = resolve(start=folder)
    return cache[folder]


def diagnostics(text: str, path: str, config, types) -> list:
    """The findings of `text` as LSP diagnostics (the fixes of safe ones in their data)."""
    from checker.fixer import unsafe_rules
    from checker.linter import lint_document
    from checker.document.outline import build
    from checker.document.model import LineIndex
    result = lint_document(build(text, path), config)
    index, unsafe = LineIndex(text), unsafe_rules(config)
    severity = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
                "info": types.DiagnosticSeverity.Information}
    out = []

    def config_zh(f) -> bool:  # the message's own language
        return any("\u4e00" <= c <= "\u9fff" for c in f.message)

    for f in result.findings:
        fixes = [] if f.category == "statistics" or f.rule in unsafe else [
            {"range": _range(index, text, s, e), "text": new} for s, e, new in f.fixes]
        (sl, sc), (el, ec) = _range(index, text, f.start, f.end)
        out.append(types.Diagnostic(
            range=types.Range(types.Position(sl, sc), types.Position(el, ec)),
            message=f.message + (f"\n计算：{f.computation}" if f.computation and config_zh(f) else
                                 f"\ncomputation: {f.computation}" if f.computation else ""),
            severity=severity[f.severity], code=f.rule, source="reportlint",
            data={"fixes": fixes, "expected": f.expected, "computation": f.computation}))
    return out


def _range(index, text: str, start: int, end: int) -> tuple:
    """((line, character), (line, character)), 0-based, characters in UTF-16 code units."""
    a = index.span(start, max(start, end))
    return ((a.line - 1, _utf16(text, index, a.line, a.column)),
            (a.end_line - 1, _utf16(text, index, a.end_line, a.end_column)))


def _utf16(text: str, index, line: int, column: int) -> int:
    start = index.starts[line - 1]
    head = text[start:start + column - 1]
    return column - 1 + sum(1 for ch in head if ord(ch) > 0xFFFF)


def _overlaps(a, b) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and \
        (b.start.line, b.start.character) <= (a.end.line, a.end.character)


def _actions(uri: str, d, types) -> list:
    fixes = (d.data or {}).get("fixes") or []
    if not fixes:
        return []
    edits = [types.TextEdit(range=types.Range(types.Position(*f["range"][0]), types.Position(*f["range"][1])),
                            new_text=f["text"]) for f in fixes]
    title = f"reportlint: {d.code} " + ("修复" if any("\u4e00" <= c <= "\u9fff" for c in d.message) else "fix")
    return [types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[d],
                             edit=types.WorkspaceEdit(changes={uri: edits}), is_preferred=True)]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(server())
