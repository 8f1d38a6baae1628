"""Exit codes and the one exception type that the CLI turns into a one-line error."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2  # usage, input, rule or config errors


class ReportlintError(Exception):
    """An error the user can fix: printed as one line, exit code 2."""


class BudgetExceeded(BaseException):
    """A file used up its time budget (CPU seconds) while being read, parsed or linted.

    NOTE: a BaseException, so that the `except Exception` around each rule (a broken rule
    is reported and the others run) cannot swallow it and run on past the budget."""
