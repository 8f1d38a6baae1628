"""`reportlint stats PATH…`: lint a folder of reports (in parallel with -j) and tabulate per file and per rule.

NOTE: this module must not import checker.cli.app (cli imports this one at its
end), so its few options are declared here.
"""
from __future__ import annotations

import sys

import click

from checker.errors import ExitCode, ReportlintError

_TABLES = {"files": ("files",), "rules": ("rules",), "both": ("files", "rules")}


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.option("--table", type=click.Choice(["files", "rules", "both"]), default=None,
              help="Which table: per file, per rule, or both (default both; files for CSV).")
@click.option("--select", multiple=True, help="Only these rules (id, name, category or id prefix).")
@click.option("--ignore", multiple=True, help="Skip these rules (id, name, category or id prefix).")
@click.option("--report-year", type=int, default=None, help="The year reported on, when the text cannot tell.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the table to this file instead of standard output.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Lint N files at once (default: the number of CPUs).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Column names (default zh).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="A .reportlint.yaml (or pyproject.toml) to use after the project's own.")
def stats(paths, fmt, table, select, ignore, report_year, output, jobs, lang, config_path):
    """Findings, figures and sections per report and per rule, for a folder of reports."""
    from checker.cli import tally as st
    from checker.config import resolve
    from checker.linter import select_rules
    if fmt == "csv" and table == "both":
        raise click.UsageError("CSV holds one table: use --table files or --table rules")
    tables = _TABLES[table or ("files" if fmt == "csv" else "both")]
    config = resolve(config_path, {"select": _split(select), "ignore": _split(ignore),
                                   "lang": lang, "report_year": report_year})
    rules = select_rules(config)
    files, findings, errors = _lint(paths, config, jobs)
    by_rule = st.rule_stats(rules, findings)
    if fmt == "csv":
        text = st.format_csv(files, by_rule, tables[0])
    elif fmt == "json":
        text = st.format_json(files, by_rule, tables)
    else:
        text = st.format_text(files, by_rule, config.lang, tables)
    _write(text, output)
    for err in errors:
        click.echo(f"reportlint: error: {err}", err=True)
    sys.exit(ExitCode.USAGE if errors else ExitCode.OK)


def _lint(paths, config, jobs):
    """Per-file stats, all findings, and errors (a file that cannot be read is skipped).

    NOTE: linting runs through checker.cli.batch (in parallel with -j); the per-file
    counts need the Document, which run_files hands back (rebuilt in this
    process after a parallel run).
    """
    from checker.cli.files import exclude_base, expand
    from checker.cli.batch import run_files
    from checker.cli.tally import file_stats
    files, findings, errors = [], [], []
    for r in run_files(expand(paths, config.exclude, exclude_base(config)), config, jobs, keep_docs=True):
        if r.error:
            errors.append(r.error)
            continue
        files.append(file_stats(r.doc, r.findings, r.figures))
        findings.extend(r.findings)
        errors.extend(r.errors)
    return files, findings, errors


def _write(text: str, output) -> None:
    if not output:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as err:
        raise ReportlintError(f"{output}: cannot write ({err.strerror or err})") from None
