"""`reportlint check`: read every file, lint it, format, choose the exit code."""
from __future__ import annotations

import os
import sys

import click

from .config import resolve
from .errors import ExitCode, ReportlintError
from .files import expand
from .linter import at_or_above, lint_document, select_rules


def _use_color(no_color: bool, output) -> bool:
    if no_color or output or os.environ.get("NO_COLOR") is not None:
        return False
    return sys.stdout.isatty()


def lint_one(path: str, config):
    from .outline import build
    from .sources import read_any
    source = read_any(path)
    name = "<stdin>" if path == "-" else path
    doc = build(source.text, name)
    return source, doc, lint_document(doc, config)


def run_check(paths, fmt, select, ignore, fail_on, output, no_color, lang, config_path,
              report_year) -> int:
    config = resolve(config_path, {"select": select, "ignore": ignore, "fail_on": fail_on,
                                   "lang": lang, "report_year": report_year})
    select_rules(config)  # load and validate every rule file before reading input
    files = expand(paths, config.exclude)
    findings, sources, docs, errors = [], {}, {}, []
    for path in files:
        source, doc, result = lint_one(path, config)
        sources[doc.path] = source.text
        docs[doc.path] = doc
        findings.extend(result.findings)
        errors.extend(result.errors)
    findings.sort(key=lambda f: f.sort_key())
    from .formatters import Options, get
    from .rules import load_rules
    options = Options(lang=config.lang, color=_use_color(no_color, output),
                      rules=load_rules(tuple(config.rules)), docs=docs)
    text = get(fmt)(findings, sources, options)
    _write(text, output)
    for err in errors:
        click.echo(f"reportlint: error: {err}", err=True)
    if errors:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if at_or_above(findings, config.fail_on) else ExitCode.OK


def _write(text: str, output) -> None:
    if not output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as err:
        raise ReportlintError(f"{output}: cannot write ({err.strerror or err})") from None
