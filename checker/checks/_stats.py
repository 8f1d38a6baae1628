"""Helpers shared by the statistics check types (stat-*): vocabulary params."""
from __future__ import annotations

from pathlib import Path

from . import Param, ParamError

VOCABULARY = Param((str,), None, help="a rates.yaml of your own (default: the built-in vocabulary)")
VERDICT = Param((str,), "wrong", choices=("wrong", "truncated"),
                help="wrong: a value no pairing explains; truncated: cut off instead of rounded")


def check_vocabulary(params: dict, key: str = "vocabulary") -> str | None:
    path = params.get(key)
    if path is None:
        return None
    if not Path(path).is_file():
        raise ParamError(key, f"vocabulary file {path!r} does not exist")
    return str(Path(path).resolve())


def claim_args(claim, computation: str) -> dict:
    q = claim.quantity
    return {"name": claim.name, "printed": q.text.strip(), "computation": computation}
