"""Locate the data shipped with reportlint (grammar, rule packs, vocabularies).

Installed from a wheel they live inside the package (checker/grammar,
checker/rules); in a source checkout they are the top-level folders.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    for candidate in (_HERE / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} is missing from the installation")


def grammar_path() -> Path:
    return data_dir("grammar") / "report.lark"


def rules_dir() -> Path:
    return data_dir("rules")


def vocab_path(name: str) -> Path:
    return data_dir("rules") / "data" / name
