"""`reportlint stats PATH…`: lint a folder of reports (in parallel with -j) and
tabulate findings, figures and sections per file and per rule (checker.cli.tally)."""
from __future__ import annotations

import os
import sys

import click

from checker.cli import options
from checker.cli.output import write as write_output
from checker.errors import ExitCode

_TABLES = {"files": ("files",), "rules": ("rules",), "both": ("files", "rules")}


@click.command()
@options.paths_argument
@options.output_format(("text", "csv", "json"), "text", "text for people, csv or json for programs.")
@click.option("--table", type=click.Choice(["files", "rules", "both"]), default=None,
              help="Which table: per file, per rule, or both (default both; files for CSV).")
@options.rule_choice
@options.no_unwrap
@options.output_file
@options.jobs
@options.settings
def stats(paths, fmt, table, select, ignore, report_year, kind, no_unwrap, output, jobs, lang, config_path):
    """Findings, figures and sections per report and per rule, for a folder of reports."""
    from checker.cli import tally as st
    from checker.linter import select_rules
    if fmt == "csv" and table == "both":
        raise click.UsageError("CSV holds one table: use --table files or --table rules")
    tables = _TABLES[table or ("files" if fmt == "csv" else "both")]
    from checker.cli.configs import Configs
    from checker.rules import check_names
    configs = Configs(config_path, {"select": options.split_ids(select), "ignore": options.split_ids(ignore),
                                    "lang": lang, "report_year": report_year, "kind": kind,
                                    "unwrap": False if no_unwrap else None})
    config = configs.for_folder(os.getcwd())
    rules = select_rules(config)
    check_names(config)
    files, findings, errors = _lint(paths, configs, jobs)
    by_rule = st.rule_stats(rules, findings)
    if fmt == "csv":
        text = st.format_csv(files, by_rule, tables[0])
    elif fmt == "json":
        text = st.format_json(files, by_rule, tables)
    else:
        text = st.format_text(files, by_rule, config.lang, tables)
    write_output(text, output)
    for err in errors:
        click.echo(f"reportlint: error: {err}", err=True)
    sys.exit(ExitCode.USAGE if errors else ExitCode.OK)


def _lint(paths, configs, jobs):
    """Per-file stats, all findings, and errors (a file that cannot be read is skipped).

    NOTE: linting runs through checker.cli.batch (in parallel with -j); the per-file
    counts need the Document, which run_files hands back (rebuilt in this
    process after a parallel run).
    """
    from checker.cli.batch import run_files
    from checker.cli.files import expand_all
    from checker.cli.tally import file_stats
    from checker.linter import select_rules
    from checker.rules import check_names
    names = expand_all(paths, configs)
    results: list = [None] * len(names)
    for config, indices in configs.groups(names):
        select_rules(config)
        check_names(config)
        for i, r in zip(indices, run_files([names[i] for i in indices], config, jobs, keep_docs=True)):
            results[i] = r
    files, findings, errors = [], [], []
    for r in results:
        if r.error:
            errors.append(r.error)
            continue
        files.append(file_stats(r.doc, r.findings, r.figures))
        findings.extend(r.findings)
        errors.extend(r.errors)
    return files, findings, errors
