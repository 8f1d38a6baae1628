"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=report.txt,line=3,col=1,endLine=3,endColumn=9,title=S101::message

error→`::error`, warning→`::warning`, info→`::notice`. Escaping follows the
workflow-command rules: in the message `%`, CR and LF are percent-encoded;
in property values also `:` and `,`.
"""
from __future__ import annotations

import os

from checker.formatters import printable, shown_path, whole

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def chunks(files, options):
    """One line per finding, as they come."""
    zh = options.lang == "zh"
    words = ("应为", "计算") if zh else ("expected", "computation")
    for file in files:
        for f in file.findings:
            props = [("file", shown_path(f.path.replace(os.sep, "/"))), ("line", f.line), ("col", f.column),
                     ("endLine", f.end_line), ("endColumn", f.end_column), ("title", f.rule)]
            head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
            extra = [f"{k}{'：' if zh else ': '}{v}" for k, v in zip(words, (f.expected, f.computation))
                     if v and v not in f.message]
            message = f.message + ((f"（{'；'.join(extra)}）" if zh else f" ({'; '.join(extra)})") if extra else "")
            yield f"::{COMMANDS[f.severity]} {head}::{escape_data(printable(message))}\n"


def format(findings, sources, options) -> str:
    """The whole output as one string (sources: path -> text)."""
    return whole(chunks, findings, sources, options)
