"""The `reportlint` console script: tune the process for a short run, turn on the
start-up caches, then run the CLI.

The compiled-regex cache (checker.speed.recache) and the prepared-rules snapshot
(checker.speed.rules_snapshot). Kept apart from checker.cli.app so the regex cache is in
place before click and Lark compile their own patterns; library users
importing `checker` are unaffected.
"""
from __future__ import annotations

import gc
import sys

# NOTE: CPython's cyclic GC runs a young-generation pass every 700 net container
# allocations; a run's start-up (importing click, Lark and our modules, loading
# the rules) makes ~30,000 of them that all stay alive, so ~45 passes find
# nothing and cost 13-25 ms of a ~250 ms pre-commit run (measured with
# gc.callbacks). A pass every 50,000 allocations still collects cyclic garbage
# on long runs: peak memory and time measured unchanged on 200 reports.
GC_THRESHOLD = 50_000


def main():
    gc.set_threshold(GC_THRESHOLD)
    from checker import usercache
    if "--no-cache" in sys.argv[1:]:  # NOTE: before any cache is read: the regex cache is next
        usercache.disable()
    from checker.speed.recache import install
    install()
    from checker.rules import use_snapshot
    use_snapshot()
    from checker.cli.app import main as cli_main
    cli_main()
