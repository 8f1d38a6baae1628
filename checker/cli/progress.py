"""A progress bar on standard error, for long runs on a terminal only.

Shown when standard error is a terminal and there are at least MIN_FILES
files; never on a pipe, a file or a CI log (so never mixed into JSON or
SARIF, which go to standard output anyway). The bar erases itself at the
end.
"""
from __future__ import annotations

import os
import sys

MIN_FILES = 10
WIDTH = 30


def wanted(n_files: int, enabled: bool | None = None, stream=None) -> bool:
    """--progress forces the bar, --no-progress hides it; by default it is shown for
    MIN_FILES files or more on a terminal."""
    stream = stream or sys.stderr
    if enabled is not None:
        return enabled
    if n_files < MIN_FILES:
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Bar:
    def __init__(self, lang: str = "zh", stream=None):
        self.stream = stream or sys.stderr
        self.label = "检查" if lang == "zh" else "linting"
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        filled = WIDTH * done // max(total, 1)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (WIDTH + 30) + "\r")
            self.stream.flush()
