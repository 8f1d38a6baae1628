#!/usr/bin/env python3
"""Time each phase and each rule on one file (default: a 10x concatenation of the examples).

    python bench/profile_rules.py [FILE]
"""
from __future__ import annotations

import sys
import time

from checker.config import Config
from checker.linter import select_rules
from checker.document.outline import build


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else None
    text = open(path, encoding="utf-8").read() if path else "\n\n".join(
        open(p, encoding="utf-8").read() for p in sorted(__import__("glob").glob("examples/*.txt"))) * 10
    t = time.perf_counter()
    build(text)  # warm: Lark tables, vocabularies
    t0 = time.perf_counter()
    doc = build(text)
    t1 = time.perf_counter()
    config = Config()
    rules = select_rules(config)
    from checker.linter import Context
    ctx = Context(config)
    times = []
    for rule in rules:
        ctx.rule = rule
        a = time.perf_counter()
        n = len(list(rule.checker.run(doc, rule.prepared, ctx)))
        times.append((time.perf_counter() - a, rule.id, rule.check, n))
    total = sum(x[0] for x in times)
    mb = len(text.encode()) / 1e6
    print(f"{mb:.2f} MB; first build {t0 - t:.3f}s; build {t1 - t0:.3f}s; rules {total:.3f}s; "
          f"{mb / (t1 - t0 + total):.2f} MB/s")
    for secs, rid, check, n in sorted(times, reverse=True)[:15]:
        print(f"  {secs:7.3f}s  {rid}  {check:<24} {n} hits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
