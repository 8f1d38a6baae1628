#!/usr/bin/env python3
"""Where one report's time goes: the cumulative cost of each stage of the pipeline,
in process, per report, against the budget a throughput target allows.

    python bench/stages.py              # the benchmark's reports (examples + corpus)
    python bench/stages.py --rounds 20  # more rounds: steadier minima

Each stage includes the ones above it (a floor: no later stage can make the whole
faster than it), and each figure is the best of several rounds over the same
reports, so a busy host inflates it less. The budget column is what 5 MB/s (the
issue-8 target) and 2 MB/s leave for one report of the mean size.
"""
from __future__ import annotations

import argparse
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from run import sources  # noqa: E402  (bench/run.py: the same corpora)

from checker.config import Config  # noqa: E402
from checker.linter import lint_document  # noqa: E402
from checker.document.model import LineIndex  # noqa: E402
from checker.document.outline import build  # noqa: E402
from checker.figures.quantities import quantities_of  # noqa: E402
from checker.document.parser import _lark  # noqa: E402
from checker.document.reading import decode  # noqa: E402


def _stages(config: Config):
    """(name, function of the report's bytes) for each cumulative stage."""
    def read(data):
        return decode(data).text

    def lark_parse(data):
        text = read(data)
        LineIndex(text)
        _lark().parse(text)

    def model(data):
        return build(read(data))

    def views(data):
        doc = model(data)
        doc.sentences, quantities_of(doc), doc.enumerations  # noqa: B018  (computed on first use)
        return doc

    def lint(data):
        lint_document(model(data), config, keep_views=False, quotes=False)

    return [("read + decode", read), ("+ Lark parse (line tokens)", lark_parse),
            ("+ document model (outline)", model), ("+ shared views (sentences, figures, lists)", views),
            ("+ all default rules (= check)", lint)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    reports = [t.encode("utf-8") for t in sources()]
    mean_kb = sum(map(len, reports)) / len(reports) / 1024
    config = Config()
    stages = _stages(config)
    for _, fn in stages:  # warm: Lark tables, vocabularies, compiled patterns
        for data in reports:
            fn(data)
    print(f"{len(reports)} reports, mean {mean_kb:.1f} KB; best of {args.rounds} rounds")
    print(f"budget per report: {mean_kb * 1.024 / 5:.2f} ms at 5 MB/s, {mean_kb * 1.024 / 2:.2f} ms at 2 MB/s")
    print(f"{'stage (cumulative)':<44} {'ms/report':>9} {'ceiling MB/s':>12}")
    for name, fn in stages:
        best = min(_round(fn, reports) for _ in range(args.rounds))
        ms = best * 1000 / len(reports)
        print(f"{name:<44} {ms:9.2f} {mean_kb * 1.024 / ms:12.1f}")
    return 0


def _round(fn, reports) -> float:
    t = time.perf_counter()
    for data in reports:
        fn(data)
    return time.perf_counter() - t


if __name__ == "__main__":
    sys.exit(main())
