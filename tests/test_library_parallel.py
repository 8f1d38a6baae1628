"""The README's example of calling `checker.lint_text` from a process pool runs as
written, and gives what the library gives in one process."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import checker
from checker.config import Config

ROOT = Path(__file__).resolve().parent.parent


def _example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- parallel-example[^>]*-->\n```python\n(.*?)```", readme, re.S)
    assert m, "README lost its parallel example"
    return m.group(1)


def test_the_readme_parallel_example_runs_and_matches_one_process(tmp_path):
    script = tmp_path / "parallel.py"
    script.write_text(_example(), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    paths = sorted((ROOT / "examples").glob("*.txt"))
    assert len(lines) == len(paths) > 0
    for line, path in zip(lines, paths):
        found = checker.lint_text(path.read_text(encoding="utf-8"), Config(), path=str(path.relative_to(ROOT)))
        errors = sum(f.severity == "error" for f in found)
        assert line == f"{path.relative_to(ROOT)}: {len(found)} findings, {errors} errors"


def test_findings_pickle_unchanged():
    import pickle
    text = (ROOT / "examples" / "defective-2020.txt").read_text(encoding="utf-8")
    found = checker.lint_text(text)
    assert found and pickle.loads(pickle.dumps(found)) == found
