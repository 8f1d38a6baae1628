"""What `reportlint check` does with each file's result as it comes, in output order:
notes on standard error, fixes written, the baseline applied or recorded, the exit
status tallied; and the FileReport handed on to the formatter.

NOTE: nothing here keeps a file once it is passed on (the baseline being recorded
keeps fingerprints, the rest keeps counts), so memory does not grow with the
number of files.
"""
from __future__ import annotations

import click

from checker.errors import ExitCode, ReportlintError
from checker.formatters import FileReport


def note(msg: str) -> None:
    click.echo(f"reportlint: {msg}", err=True)


class Outcome:
    """The run's tally, filled while `reports` is read."""

    def __init__(self, opts, fail_on: list[str]):
        self.opts = opts
        self.fail_on = fail_on          # per configuration group
        self.status = ExitCode.OK       # 2 once a file could not be read or fixed
        self.rule_errors: list[str] = []
        self.failing = False            # a finding at or above its group's fail_on
        self.fixed = self.fixed_files = 0
        self.diffs = 0
        self.recorded: list[tuple] = []  # --write-baseline: fingerprints
        self.baseline = None
        if opts.baseline:
            from checker.baseline import Baseline
            self.baseline = Baseline(opts.baseline)

    def _linted(self, r) -> bool:
        """Was the file read and linted? A file that could not be is one line and exit 2;
        the rule errors of one that was are kept for the summary."""
        if r.error:
            note(f"error: {r.error}")
            self.status = ExitCode.USAGE
            return False
        self.rule_errors.extend(r.errors)
        return True

    def reports(self, results, docs: dict):
        """FileReports of (order, group, FileResult) in output order, for the formatter;
        with --html, each file's Document goes into `docs`."""
        from checker.linter import at_or_above
        for order, group, r in results:
            if not self._linted(r):
                continue
            text = r.source.shown
            if self.opts.fix:
                self._write_fix(r)
                text = r.fix.fixed if r.fix else r.source.text
            findings = sorted(r.findings, key=lambda f: f.sort_key())
            sources = {r.name: text}
            if self.opts.write_baseline:
                from checker.baseline import base_of, keys
                self.recorded.extend(keys(findings, base_of(self.opts.write_baseline), sources))
                continue
            if self.baseline is not None:
                findings = self.baseline.new(findings, sources)
            if r.doc is not None:
                docs[r.name] = r.doc
            self.failing = self.failing or at_or_above(findings, self.fail_on[group])
            yield FileReport(r.name, findings, text, order)

    def diff_chunks(self, results):
        """--diff: the unified diff of each file's fixes, in output order."""
        from checker.fixer import unified_diff
        for _, _, r in results:
            if not self._linted(r) or r.fix is None:
                continue
            _dropped(r)
            if r.fix.changed:
                self.diffs += 1
                yield unified_diff(r.name, r.fix.original, r.fix.fixed)

    def _write_fix(self, r) -> None:
        from checker.cli.rewrite import write_fixed
        from checker.document.reading import encode, read_path
        if r.fix is None:
            if r.path.lower().endswith(".docx"):
                note(f"{r.name}: Word files are never rewritten (--diff shows the fixes in their text)")
            elif r.source.original is not None:
                note(f"{r.name}: a PDF or web page is never rewritten; fix the document it was made from")
            return
        _dropped(r)
        if not r.fix.changed:
            return
        try:
            fresh = read_path(r.path)
            original = r.fix.original
            if fresh.text != original:
                raise ReportlintError(f"{r.path}: changed while reportlint was running; not fixed")
            write_fixed(r.path, encode(fresh, r.fix.fixed), lambda: read_path(r.path).text == original)
        except ReportlintError as err:
            note(f"error: {err}")
            self.status = ExitCode.USAGE
            return
        self.fixed += len(r.fix.applied)
        self.fixed_files += 1

    def finish(self) -> int:
        """After the output: the notes that close the run, and its exit code."""
        opts = self.opts
        if self.fixed:
            note(f"fixed {self.fixed} finding(s) in {self.fixed_files} file(s)")
        if opts.write_baseline:
            from checker.baseline import write_keys
            n = write_keys(opts.write_baseline, self.recorded)
            note(f"wrote {n} finding(s) to the baseline {opts.write_baseline}")
        for err in self.rule_errors:
            note(f"error: {err}")
        status = max(self.status, ExitCode.USAGE if self.rule_errors else ExitCode.OK)
        if opts.diff:
            return max(status, ExitCode.FINDINGS if self.diffs else ExitCode.OK)
        if status != ExitCode.OK or opts.write_baseline:
            return status
        return ExitCode.FINDINGS if self.failing and not opts.exit_zero else ExitCode.OK


def _dropped(r) -> None:
    for d in r.fix.dropped:
        note(f"{r.name}:{d.line}:{d.column}: {d.rule}: fix not applied: {d.reason}")
