#!/usr/bin/env python3
"""How long reading a 20-page report PDF takes (issue 19: under 2 s of CPU on one core).

    python bench/pdf_read.py [--pages 20]

The report is the examples typeset the way official documents are (tests/pdfdoc.py:
GB/T 9704, 28 characters a line, 22 lines a page, a footer page number), repeated to
the page count. Reading means pypdf's extraction, dropping running lines and joining
wrapped lines (checker.document.reading.read_path); the best of five runs, CPU time.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=20)
    args = ap.parse_args()
    import pdfdoc
    from checker.document.reading import read_path
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt")))
    lines_per_copy = sum(len(line) // 28 + 1 for line in text.splitlines() if line.strip())
    copies = max(1, args.pages * pdfdoc.PER_PAGE // lines_per_copy + 1)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = pdfdoc.typeset(text * copies, Path(tmp) / "report.pdf")
        pages = len(read_path(str(pdf)).pages)
        best = min(_cpu(lambda: read_path(str(pdf))) for _ in range(5))
    verdict = "met" if best < 2.0 else "MISSED"
    print(f"{pages}-page PDF read in {best:.3f} s CPU ({best / pages * 1000:.1f} ms a page); "
          f"target < 2 s for 20 pages: {verdict}")
    return 0


def _cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


if __name__ == "__main__":
    sys.exit(main())
