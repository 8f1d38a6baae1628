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
from checker.errors import ExitCode, ReportlintError
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


def _note(msg: str) -> None:
    click.echo(f"reportlint: {msg}", err=True)


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
    from checker.linter import at_or_above
    configs = Configs(opts.config_path, {"select": opts.select, "ignore": opts.ignore, "fail_on": opts.fail_on,
                                         "lang": opts.lang, "report_year": opts.report_year, "kind": opts.kind,
                                         "unwrap": False if opts.no_unwrap else None})
    config = configs.for_folder(os.getcwd())  # NOTE: the run's language and output settings
    _validated(config)
    if opts.baseline:
        from checker.baseline import load
        load(opts.baseline)  # a broken baseline fails before the work
    files = expand_all(opts.paths, configs, gitignore=not opts.no_gitignore)
    groups = configs.groups(files)
    results: list = [None] * len(files)
    for group_config, indices in groups:
        _validated(group_config)
        for i, r in zip(indices, _lint_all([files[i] for i in indices], group_config, opts)):
            results[i] = r
    status = ExitCode.OK
    for r in results:
        if r.error:
            _note(f"error: {r.error}")
            status = ExitCode.USAGE
    if opts.diff:
        return max(status, _report_diff(results, opts))
    if opts.fix:
        status = max(status, _write_fixes(results))
    findings = sorted((f for r in results for f in r.findings), key=lambda f: f.sort_key())
    if opts.write_baseline:
        from checker.baseline import write
        n = write(opts.write_baseline, findings, _sources(results))
        _note(f"wrote {n} finding(s) to the baseline {opts.write_baseline}")
        return max(status, _rule_errors(results))
    if opts.baseline:
        from checker.baseline import filter_new
        findings = filter_new(findings, opts.baseline, _sources(results))
    write_output(_format(findings, results, config, opts, [c for c, _ in groups]), opts.output)
    status = max(status, _rule_errors(results))
    if status != ExitCode.OK:
        return status
    kept = {id(f) for f in findings}
    failing = any(at_or_above([f for i in indices for f in results[i].findings if id(f) in kept], c.fail_on)
                  for c, indices in groups)
    return ExitCode.FINDINGS if failing and not opts.exit_zero else ExitCode.OK


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


def _lint_all(files, config, opts):
    from checker.cli.batch import run_files
    from checker.cli.progress import Bar, wanted
    mode = "diff" if opts.diff else "fix" if opts.fix else None
    if mode and opts.unsafe_fixes:
        mode += "-unsafe"
    cache = _result_cache(config, opts, mode)
    bar = Bar(config.lang) if wanted(len(files), opts.progress) else None
    try:
        return run_files(files, config, opts.jobs, mode, keep_docs=opts.fmt == "html", progress=bar,
                         cache=cache)
    finally:
        if bar:
            bar.close()


def _rule_errors(results) -> int:
    errors = [e for r in results for e in r.errors]
    for err in errors:
        _note(f"error: {err}")
    return ExitCode.USAGE if errors else ExitCode.OK


def _dropped(r) -> None:
    for d in r.fix.dropped:
        _note(f"{r.name}:{d.line}:{d.column}: {d.rule}: fix not applied: {d.reason}")


def _report_diff(results, opts) -> int:
    from checker.fixer import unified_diff
    chunks = []
    for r in results:
        if r.fix is None:
            continue
        _dropped(r)
        if r.fix.changed:
            chunks.append(unified_diff(r.name, r.fix.original, r.fix.fixed))
    write_output("".join(chunks), opts.output)
    return max(ExitCode.FINDINGS if chunks else ExitCode.OK, _rule_errors(results))


def _write_fixes(results) -> int:
    from checker.cli.rewrite import write_fixed
    from checker.document.reading import encode, read_path
    status, n_fixed, n_files = ExitCode.OK, 0, 0
    for r in results:
        if r.fix is None:
            if r.source is not None and r.path.lower().endswith(".docx"):
                _note(f"{r.name}: Word files are never rewritten (--diff shows the fixes in their text)")
            elif r.source is not None and r.source.original is not None:
                _note(f"{r.name}: a PDF or web page is never rewritten; fix the document it was made from")
            continue
        _dropped(r)
        if not r.fix.changed:
            continue
        try:
            fresh = read_path(r.path)
            original = r.fix.original
            if fresh.text != original:
                raise ReportlintError(f"{r.path}: changed while reportlint was running; not fixed")
            write_fixed(r.path, encode(fresh, r.fix.fixed), lambda: read_path(r.path).text == original)
        except ReportlintError as err:
            _note(f"error: {err}")
            status = ExitCode.USAGE
            continue
        n_fixed += len(r.fix.applied)
        n_files += 1
    if n_fixed:
        _note(f"fixed {n_fixed} finding(s) in {n_files} file(s)")
    return status


def _sources(results) -> dict:
    """path -> text of every file read (formatters and baselines read quotes from them)."""
    return {r.name: r.source.shown for r in results if r.source is not None}


def _format(findings, results, config, opts, configs=()):
    """The report as pieces of text (see checker.formatters.pieces); the rules of every
    configuration used are described (SARIF, HTML)."""
    from checker.formatters import Options, pieces
    from checker.rules import load_rules
    sources = _sources(results)
    if opts.fix:
        sources = {r.name: (r.fix.fixed if r.fix else r.source.text) for r in results if r.source is not None}
    docs = {r.name: r.doc for r in results if r.doc is not None}
    rules = {r.id: r for c in (config, *configs) for r in load_rules(tuple(c.rules))}
    options = Options(lang=config.lang, color=_use_color(opts.no_color, opts.output),
                      rules=tuple(rules.values()), docs=docs, style=opts.style,
                      unsafe_fixes=opts.unsafe_fixes, fixing=opts.fix)
    return pieces(opts.fmt)(findings, sources, options)
