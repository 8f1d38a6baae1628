"""The `reportlint` console script: turn on the start-up caches, then run the CLI.

The compiled-regex cache (checker.recache) and the prepared-rules snapshot
(checker.rules_snapshot). Kept apart from checker.cli so the regex cache is in
place before click and Lark compile their own patterns; library users
importing `checker` are unaffected.
"""
from __future__ import annotations


def main():
    from .recache import install
    install()
    from .rules import use_snapshot
    use_snapshot()
    from .cli import main as cli_main
    cli_main()
