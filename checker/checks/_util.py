"""Helpers shared by check types: user regexes with a time bound, scope params."""
from __future__ import annotations

import regex

from . import Param, ParamError
from ..scope import valid_scope

REGEX_TIMEOUT = 2.0  # seconds per block: a catastrophic user pattern cannot stall a run
SCOPE = Param((str,), "document", help="document, title, preamble, headings, paragraphs, closing, debris, section:KIND")


def check_scope(params: dict, key: str = "scope") -> None:
    if not valid_scope(params[key]):
        raise ParamError(key, f"unknown scope {params[key]!r}")


def compile_user_regex(pattern: str, key: str, flags: int = 0):
    try:
        return regex.compile(pattern, flags | regex.V0)
    except (regex.error, TypeError, ValueError) as err:
        raise ParamError(key, f"regular expression does not compile: {err}") from None


def literal(words, key: str):
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise ParamError(key, "must be a non-empty list of strings")
    return regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))


def finditer(pattern, text: str):
    try:
        return list(pattern.finditer(text, timeout=REGEX_TIMEOUT))
    except TimeoutError:
        raise RuntimeError(f"pattern {pattern.pattern[:60]!r} took longer than {REGEX_TIMEOUT:g} s; "
                           f"simplify it (nested quantifiers?)") from None
