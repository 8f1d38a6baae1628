"""Writing a command's output: to standard output as it comes, or to a file."""
from __future__ import annotations

import sys

from checker.errors import ReportlintError


def write(text, output: str | None) -> None:
    """Write a string, or pieces of text as they come, to stdout or to the file `output`."""
    parts = (text,) if isinstance(text, str) else text
    if not output:
        put = sys.stdout.write
        for part in parts:
            put(part)
        sys.stdout.flush()
        return
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as fh:
            for part in parts:
                fh.write(part)
    except OSError as err:
        raise ReportlintError(f"{output}: cannot write ({err.strerror or err})") from None
