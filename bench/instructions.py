#!/usr/bin/env python3
"""Instructions per report, counted by valgrind: a measure that does not drift with the
load of a shared machine (CPU time does, by ±30 %), for judging a change A/B.

    python bench/instructions.py              # the benchmark's reports, linted in process
    python bench/instructions.py --stage parse  # only up to a stage: read, parse, model, check
    python bench/instructions.py FILE ...

Each report is linted once to warm the process (vocabularies, compiled patterns), then the
set is linted again under count; the count of a run that stops before the second pass is
subtracted, so start-up is not charged. Needs valgrind (Debian: apt install valgrind);
a run takes about a minute.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = r"""
import sys
from pathlib import Path
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[3:]]
stage, counted = sys.argv[1], sys.argv[2] == "1"
from checker.config import Config
from checker.document.outline import build
from checker.document.parser import _lark
from checker.linter import lint_document
config = Config()

def once(text):
    if stage == "parse":
        _lark().parse(text)
    elif stage == "model":
        build(text)
    else:
        lint_document(build(text), config)

for text in texts:
    once(text)
if counted:
    for text in texts:
        once(text)
"""


def count(python: str, stage: str, files: list[str], counted: bool) -> int:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(PROGRAM)
    try:
        env = {**os.environ, "REPORTLINT_NO_CACHE": "1", "PYTHONHASHSEED": "0"}
        proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python,
                               fh.name, stage, "1" if counted else "0", *files],
                              capture_output=True, text=True, env=env, cwd=ROOT)
    finally:
        os.unlink(fh.name)
    found = re.search(r"Collected\s*:\s*(\d+)", proc.stderr)
    if proc.returncode != 0 or not found:
        raise SystemExit(f"valgrind failed ({proc.returncode}): {proc.stderr[-600:]}")
    return int(found.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--stage", choices=("parse", "model", "check"), default="check")
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args()
    files = args.files
    if not files:
        sys.path.insert(0, str(ROOT / "bench"))
        from run import CORPUS
        files = [str(p) for p in sorted(ROOT.glob("examples/*.txt"))]
        files += [str(p) for p in sorted(CORPUS.glob("*.txt"))] if CORPUS.is_dir() else []
    files = [str(Path(f).resolve()) for f in files]
    total = count(args.python, args.stage, files, True) - count(args.python, args.stage, files, False)
    size = sum(Path(f).stat().st_size for f in files)
    print(f"{args.stage}: {total / len(files) / 1e6:.2f} M instructions a report "
          f"({len(files)} reports, {size / len(files) / 1024:.1f} KB each; {total / size:.0f} a byte)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
