"""Human-readable text: a location line, the source line, a caret, a summary.

Colour is decided here only. Carets are aligned by display width: CJK and
other wide characters take two terminal columns.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

_LABELS = {"zh": {"error": "错误", "warning": "警告", "info": "提示", "expected": "应为",
                  "summary": "{files} 个文件，{n} 个问题（错误 {error}，警告 {warning}，提示 {info}）",
                  "clean": "{files} 个文件，未发现问题"},
           "en": {"error": "error", "warning": "warning", "info": "info", "expected": "expected",
                  "summary": "{files} file(s), {n} finding(s) ({error} errors, {warning} warnings, {info} info)",
                  "clean": "{files} file(s), no findings"}}


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _colors(enabled: bool):
    if not enabled:
        return {k: "" for k in ("error", "warning", "info", "dim", "bold", "reset")}
    from colorama import Fore, Style
    return {"error": Fore.RED, "warning": Fore.YELLOW, "info": Fore.CYAN,
            "dim": Style.DIM, "bold": Style.BRIGHT, "reset": Style.RESET_ALL}


def _source_line(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def format(findings, sources, options) -> str:
    labels = _LABELS.get(options.lang, _LABELS["zh"])
    c = _colors(options.color)
    out = []
    for f in findings:
        sev = f"{c[f.severity]}{labels[f.severity]}{c['reset']}"
        out.append(f"{c['bold']}{f.path}:{f.line}:{f.column}:{c['reset']} {f.rule} {sev} {f.message}")
        src = _source_line(sources.get(f.path, ""), f.line)
        if src:
            shown = src.replace("\t", " ")
            pad = display_width(shown[:f.column - 1])
            end_col = f.end_column if f.end_line == f.line else len(shown) + 1
            width = max(1, display_width(shown[f.column - 1:end_col - 1]))
            out.append(f"    {c['dim']}{shown}{c['reset']}")
            out.append(f"    {' ' * pad}{c[f.severity]}{'^' * width}{c['reset']}")
        if f.expected:
            out.append(f"    {labels['expected']}: {f.expected}")
    counts = Counter(f.severity for f in findings)
    files = len(sources)
    if findings:
        out.append(labels["summary"].format(files=files, n=len(findings), **{k: counts.get(k, 0) for k in ("error", "warning", "info")}))
    else:
        out.append(labels["clean"].format(files=files))
    return "\n".join(out) + "\n"
