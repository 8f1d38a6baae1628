"""The `reportlint` console script: install the compiled-regex cache, then run the CLI.

Kept apart from checker.cli so the cache is in place before click and Lark
compile their own patterns; library users importing `checker` are unaffected.
"""
from __future__ import annotations


def main():
    from .recache import install
    install()
    from .cli import main as cli_main
    cli_main()
