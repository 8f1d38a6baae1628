#!/usr/bin/env python3
"""CPU time of each rule over the benchmark's reports, in the order the linter runs them.

    python bench/profile_rules.py [--top 25] [--rounds 5] [FILE ...]

A shared view (sentences, figures, ...) is charged to the first rule that asks for it,
as in a real run. Each figure is the best of --rounds rounds (a busy host inflates it less).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import sources  # noqa: E402

from checker.config import Config  # noqa: E402
from checker.linter import Context, _reads_language, select_rules  # noqa: E402
from checker.document.outline import build  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    texts = [Path(f).read_text(encoding="utf-8") for f in args.files] or sources()
    config = Config()
    rules = sorted(select_rules(config), key=lambda r: not _reads_language(r))
    best: dict[str, float] = {}
    build_best = float("inf")
    for _ in range(args.rounds):
        spent = dict.fromkeys((r.id for r in rules), 0.0)
        built = 0.0
        for text in texts:
            a = time.process_time()
            doc = build(text)
            built += time.process_time() - a
            ctx = Context(config)
            for rule in rules:
                if rule.kinds and ctx.report_kind(doc) not in rule.kinds:
                    continue
                ctx.rule = rule
                a = time.process_time()
                list(rule.checker.run(doc, rule.prepared, ctx))
                spent[rule.id] += time.process_time() - a
        build_best = min(build_best, built)
        for rid, secs in spent.items():
            best[rid] = min(best.get(rid, float("inf")), secs)
    n = len(texts)
    total = sum(best.values())
    print(f"{n} reports; per report: build {build_best / n * 1000:.2f} ms, rules {total / n * 1000:.2f} ms")
    check_of = {r.id: r.check for r in rules}
    for rid, secs in sorted(best.items(), key=lambda kv: -kv[1])[:args.top]:
        print(f"  {secs / n * 1000:6.3f} ms  {secs / total * 100:4.1f}%  {rid:<6} {check_of[rid]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
