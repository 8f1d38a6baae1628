"""Locate the data shipped with reportlint (grammar, rule packs, vocabularies).

Installed from a wheel they live inside the package (checker/grammar,
checker/rules); in a source checkout they are the top-level folders.
Paths are plain strings. NOTE: no pathlib on the start-up path: it pulls in
urllib.parse and ipaddress, ~5 ms of every run that nothing else needs.
"""
from __future__ import annotations

import os
from functools import lru_cache

_HERE = os.path.dirname(os.path.realpath(__file__))


def package_dir() -> str:
    """The checker package's own folder (its code, for the caches' keys)."""
    return _HERE


@lru_cache(maxsize=None)
def data_dir(name: str) -> str:
    for candidate in (os.path.join(_HERE, name), os.path.join(os.path.dirname(_HERE), name)):
        if os.path.isdir(candidate):
            return candidate
    raise FileNotFoundError(f"reportlint data folder {name!r} is missing from the installation")


def grammar_path() -> str:
    return os.path.join(data_dir("grammar"), "report.lark")


def rules_dir() -> str:
    return data_dir("rules")


def rule_pack_files() -> list[str]:
    """The shipped rule packs (rules/*.yaml), in name order."""
    folder = rules_dir()
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".yaml"))


def vocab_path(name: str) -> str:
    return os.path.join(data_dir("rules"), "data", name)
