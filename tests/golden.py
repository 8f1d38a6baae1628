#!/usr/bin/env python3
"""Golden outputs: the digest of `reportlint check` in every output format over the examples,
the test fixtures and the corpora, so that a change meant to alter no output (speed work,
refactoring) is proved to alter none (tests/test_output_golden.py).

    python tests/golden.py              # compare with tests/golden.json; name what changed
    python tests/golden.py --update     # after a change of output made on purpose
    python tests/golden.py --write DIR  # the outputs themselves, to diff two versions

Each group of inputs is checked once per format in one process, as a user runs it: the first
format fills a private result cache, the others read it (HTML lints again: it needs the
documents), so both paths are compared. The shared corpus is compared when it is there.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden.json"
GROUPS = {"examples": "examples", "fixtures": "tests/fixtures", "field": "corpus/field",
          "heldout": "corpus/heldout", "shared": "../shared/corpus"}
FORMATS = {"json": ["--format", "json"], "text": ["--format", "text"],
           "concise": ["--format", "text", "--output-format", "concise"], "sarif": ["--format", "sarif"],
           "github": ["--format", "github"], "html": ["--format", "html"]}


def outputs(groups=GROUPS, formats=FORMATS):
    """Yield (group, format, output bytes, exit code) for every group that exists."""
    with tempfile.TemporaryDirectory(prefix="reportlint-golden-") as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": tmp, "NO_COLOR": "1"}
        for group, folder in groups.items():
            if not (ROOT / folder).is_dir():
                continue
            for fmt, args in formats.items():
                proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-progress", "-j", "2",
                                       *args, folder], cwd=ROOT, env=env,
                                      capture_output=True, timeout=900)
                if proc.returncode not in (0, 1):
                    raise SystemExit(f"{group}/{fmt}: exit {proc.returncode}: {proc.stderr.decode()[-2000:]}")
                yield group, fmt, proc.stdout, proc.returncode


def digests() -> dict:
    return {f"{g}/{f}": f"{hashlib.sha256(out).hexdigest()} exit {code}" for g, f, out, code in outputs()}


def changed(found: dict, golden: dict) -> list[str]:
    """The group/format pairs whose output differs (a group absent here is not compared)."""
    return sorted(k for k in found if golden.get(k) != found[k])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--write", metavar="DIR")
    args = ap.parse_args()
    if args.write:
        out = Path(args.write)
        out.mkdir(parents=True, exist_ok=True)
        for g, f, data, _ in outputs():
            (out / f"{g}.{f}").write_bytes(data)
        return 0
    found = digests()
    if args.update:
        kept = {k: v for k, v in json.loads(GOLDEN.read_text()).items() if k not in found} if GOLDEN.exists() else {}
        GOLDEN.write_text(json.dumps({**kept, **found}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return 0
    diff = changed(found, json.loads(GOLDEN.read_text(encoding="utf-8")))
    print("\n".join(diff) or "all outputs as recorded")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
