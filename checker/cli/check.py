"""`reportlint check`: expand paths, lint (in parallel), fix, filter, format, exit code.

    paths --expand/excludes--> files --batch--> per-file results (lint or fix)
          --write fixes / diff--> --baseline--> sort --> formatter --> exit code

A file that cannot be read is reported on standard error (exit code 2) and
the others are still linted.
"""
from __future__ import annotations

import os
import sys

import click

from checker.cli import options
from checker.cli.output import write as write_output
from checker.errors import ReportlintError
from checker.formatters import FORMATS



@click.command()
@options.paths_argument
@options.output_format(FORMATS, "text",
                       "text for people, json, sarif (code scanning), github (Actions annotations), html.")
@options.output_file
@options.no_color
@options.select
@options.ignore
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default error).")
@options.report_year
@options.kind
@options.no_unwrap
@options.jobs
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Record today's findings in FILE (and report nothing).")
@click.option("--fix", is_flag=True, help="Apply safe mechanical fixes in place (verified, atomic).")
@click.option("--diff", is_flag=True, help="Show the fixes --fix would make as a unified diff; change nothing.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Let --fix and --diff also renumber headings (a renumbering can hide a deleted part).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still for errors).")
@click.option("--output-format", "style", type=click.Choice(["full", "concise"]), default="full",
              show_default=True, help="Text output: full (with the source line) or concise (one line a finding).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on standard error (default: only for 10+ files on a terminal).")
@click.option("--no-gitignore", is_flag=True,
              help="Lint files that .gitignore excludes too (walked folders only).")
@click.option("--no-cache", is_flag=True,
              help="Use no cache at all: neither the results of unchanged files nor the start-up caches.")
@options.settings
def check(paths, select, ignore, **kwargs):
    """Lint reports: files, directories (*.txt, *.md, *.docx, *.pdf, *.html) or - for stdin."""
    sys.exit(run_check(paths=paths, select=options.split_ids(select), ignore=options.split_ids(ignore),
                       **kwargs))


class CheckOptions:
    """The options of one `reportlint check` run (the CLI's flags).

    NOTE: a plain class, not a dataclass: a dataclass costs ~2 ms of every start-up."""

    def __init__(self, paths: tuple, fmt: str = "text", select: tuple = (), ignore: tuple = (),
                 fail_on: str | None = None, output: str | None = None, no_color: bool = False,
                 lang: str | None = None, config_path: str | None = None, report_year: int | None = None,
                 kind: str | None = None, no_unwrap: bool = False, no_gitignore: bool = False,
                 unsafe_fixes: bool = False, exit_zero: bool = False, style: str = "full",
                 jobs: int | None = None, baseline: str | None = None, write_baseline: str | None = None,
                 fix: bool = False, diff: bool = False, progress: bool | None = None, no_cache: bool = False):
        self.paths, self.fmt, self.select, self.ignore = paths, fmt, select, ignore
        self.fail_on, self.output, self.no_color, self.lang = fail_on, output, no_color, lang
        self.config_path, self.report_year, self.jobs = config_path, report_year, jobs
        self.kind, self.no_unwrap, self.no_gitignore = kind, no_unwrap, no_gitignore
        self.unsafe_fixes, self.exit_zero, self.style = unsafe_fixes, exit_zero, style
        self.baseline, self.write_baseline = baseline, write_baseline
        self.fix, self.diff, self.progress, self.no_cache = fix, diff, progress, no_cache


def _use_color(no_color: bool, output) -> bool:
    if no_color or output or os.environ.get("NO_COLOR") is not None:
        return False
    return sys.stdout.isatty()


def run_check(**kwargs) -> int:
    from checker import usercache
    opts = CheckOptions(**kwargs)
    with usercache.disabled(opts.no_cache):  # every cache, here and in the -j workers
        return _run(opts)


def _run(opts: CheckOptions) -> int:
    if opts.fix and not opts.diff and "-" in opts.paths:
        raise ReportlintError("--fix cannot rewrite standard input; use --diff to see the fixes")
    if (opts.fix or opts.diff) and (opts.baseline or opts.write_baseline):
        raise ReportlintError("--fix/--diff cannot be combined with --baseline/--write-baseline")
    from checker.cli.configs import Configs
    from checker.cli.files import expand_all
    from checker.cli.outcome import Outcome
    configs = Configs(opts.config_path, {"select": opts.select, "ignore": opts.ignore, "fail_on": opts.fail_on,
                                         "lang": opts.lang, "report_year": opts.report_year, "kind": opts.kind,
                                         "unwrap": False if opts.no_unwrap else None})
    config = configs.for_folder(os.getcwd())  # NOTE: the run's language and output settings
    _validated(config)
    outcome = Outcome(opts, [])  # NOTE: a broken baseline fails here, before the work
    files = expand_all(opts.paths, configs, gitignore=not opts.no_gitignore)
    groups = configs.groups(files)
    for group_config, _ in groups:
        _validated(group_config)
    outcome.fail_on = [c.fail_on for c, _ in groups]
    results = _lint_all(files, groups, opts)
    if opts.diff:
        write_output(outcome.diff_chunks(results), opts.output)
    elif opts.write_baseline:
        for _ in outcome.reports(results, {}):
            pass
    else:
        write_output(_format(outcome, results, config, opts, [c for c, _ in groups]), opts.output)
    return outcome.finish()


def _validated(config) -> None:
    """Load and check every rule file, and every rule id the configuration names, before
    any input is read (a typo in a rule id must not run nothing and pass)."""
    from checker.linter import select_rules
    from checker.rules import check_names
    select_rules(config)
    check_names(config)


def _result_cache(config, opts, mode):
    """The result cache, unless --no-cache, --fix/--diff or HTML (they need each Document)."""
    from checker import usercache
    if not usercache.enabled() or mode or opts.fmt == "html":
        return None
    from checker.rules import rule_inputs
    from checker.speed.result_cache import open_cache  # NOTE: imported only when the cache is on
    return open_cache(config, rule_inputs(tuple(config.rules)))


def _lint_all(files, groups, opts):
    """(order, group, FileResult) for every file, in output order (by the name reported, as
    findings are sorted), one at a time as the files are linted."""
    from checker.cli.batch import iter_files
    from checker.cli.progress import Bar, wanted
    mode = "diff" if opts.diff else "fix" if opts.fix else None
    if mode and opts.unsafe_fixes:
        mode += "-unsafe"
    group_of = [0] * len(files)
    for g, (_, indices) in enumerate(groups):
        for i in indices:
            group_of[i] = g
    order = sorted(range(len(files)), key=lambda i: "<stdin>" if files[i] == "-" else files[i])
    configs = [c for c, _ in groups]
    caches = [_result_cache(c, opts, mode) for c in configs]
    bar = Bar(configs[0].lang) if groups and wanted(len(files), opts.progress) else None
    try:
        stream = iter_files([(files[i], group_of[i]) for i in order], configs, opts.jobs, mode,
                            keep_docs=opts.fmt == "html", progress=bar, caches=caches)
        for i, r in zip(order, stream):
            yield i, group_of[i], r
    finally:
        if bar:
            bar.close()


def _format(outcome, results, config, opts, configs=()):
    """The report as pieces of text (see checker.formatters.pieces), made as the results
    come; the rules of every configuration used are described (SARIF, HTML)."""
    from checker.formatters import Options, pieces
    from checker.rules import load_rules
    rules = {r.id: r for c in (config, *configs) for r in load_rules(tuple(c.rules))}
    docs: dict = {}  # NOTE: filled as the results come; only the HTML page keeps Documents
    options = Options(lang=config.lang, color=_use_color(opts.no_color, opts.output),
                      rules=tuple(rules.values()), docs=docs, style=opts.style,
                      unsafe_fixes=opts.unsafe_fixes, fixing=opts.fix)
    return pieces(opts.fmt)(outcome.reports(results, docs), options)
