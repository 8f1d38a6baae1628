"""Helpers shared by check types: rule regexes, their time bound, scope params.

Patterns from rule files a user wrote are compiled with the `regex` library
and run with a time bound, so a catastrophic pattern cannot hang a run.
NOTE: patterns from the rule packs shipped with reportlint are ours, tested
and fuzzed; they are compiled with the standard `re` when it accepts them
(`re` patterns compile several times faster, and the CLI's compiled-regex
cache makes that nearly free), falling back to `regex` for syntax only it
knows (\\p{Han}). `rules.load_rules` marks the shipped packs as trusted.
"""
from __future__ import annotations

import contextlib
import contextvars
import re
from bisect import bisect_right

from checker.checks import Param, ParamError
from checker.speed.prefilter import finditer as first_char_finditer, may_match, may_match_in
from checker.document.scope import blocks, valid_scope

REGEX_TIMEOUT = 2.0  # seconds per block: a catastrophic user pattern cannot stall a run
SCOPE = Param((str,), "document", help="document, title, preamble, headings, paragraphs, closing, debris, section:KIND")
_TRUSTED = contextvars.ContextVar("reportlint_trusted_patterns", default=False)


@contextlib.contextmanager
def trusted_patterns():
    """Within this block, patterns come from reportlint's own rule packs."""
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


def check_scope(params: dict, key: str = "scope") -> None:
    if not valid_scope(params[key]):
        raise ParamError(key, f"unknown scope {params[key]!r}")


def compile_user_regex(pattern: str, key: str, flags: int = 0):
    if _TRUSTED.get():
        try:
            return re.compile(pattern, flags)
        except (re.error, TypeError, ValueError):
            pass
    import regex
    try:
        return regex.compile(pattern, flags | regex.V0)
    except (regex.error, TypeError, ValueError) as err:
        raise ParamError(key, f"regular expression does not compile: {err}") from None


def literal(words, key: str):
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise ParamError(key, "must be a non-empty list of strings")
    return compile_user_regex("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), key)


def finditer(pattern, text: str):
    if isinstance(pattern, re.Pattern):  # a shipped pattern: no time bound needed
        return first_char_finditer(pattern, text)
    try:
        return list(pattern.finditer(text, timeout=REGEX_TIMEOUT))
    except TimeoutError:
        raise RuntimeError(f"pattern {pattern.pattern[:60]!r} took longer than {REGEX_TIMEOUT:g} s; "
                           f"simplify it (nested quantifiers?)") from None


_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
_ANCHOR = re.compile(r"(?<!\\)[\^$]|\\[AZbB]")


_ANCHORED: dict = {}


def _anchored(pattern) -> bool:
    """Does the pattern depend on where a block starts or ends (^, $, \\A, \\Z, \\b)?"""
    try:
        return _ANCHORED[pattern]
    except KeyError:
        found = _ANCHORED[pattern] = bool(_ANCHOR.search(_CLASS.sub("", pattern.pattern)))
        return found


def joined_scope(doc, scope: str):
    """The scope's blocks joined by newlines, each block's start in the joined text, and
    the set of characters of the whole document (for the gates in checker.speed.prefilter:
    NOTE: a superset of the scope's own, so a gate may let a scan run but never skips
    one wrongly, and it is built once per document rather than once per scope)."""
    cache = doc.memo("checks.joined_scopes", dict)
    if scope not in cache:
        chars = doc.memo("checks.characters", lambda: frozenset(doc.text))
        parts, starts, pos = [], [], 0
        found = blocks(doc, scope)
        for b in found:
            starts.append(pos)
            parts.append(b.text)
            pos += len(b.text) + 1
        text = "\n".join(parts)
        cache[scope] = (text, starts, found, chars)
    return cache[scope]


def block_at(starts: list, offset: int) -> int:
    """The index of the block holding `offset` of a joined scope text (`starts` from joined_scope)."""
    return bisect_right(starts, offset) - 1


def may_occur(doc, scope: str, pattern) -> bool:
    """False when `pattern` certainly has no match in the scope (checker.speed.prefilter gates)."""
    text, _starts, _found, chars = joined_scope(doc, scope)
    return may_match(pattern, text, chars)


def scan(doc, scope: str, pattern):
    """Yield (block, match, start, end) with start/end inside block.text, for every match.

    NOTE: one regex pass over the scope's joined text instead of one call per block
    (a report has hundreds of blocks and the packs hundreds of patterns); a match
    that would cross a block boundary is dropped. Patterns that anchor on block
    edges (^ $ \\A \\Z \\b) still run block by block.
    """
    text, starts, found, chars = joined_scope(doc, scope)
    if not may_match(pattern, text, chars):
        return
    if _anchored(pattern):
        for b in found:
            if not may_match_in(pattern, b.text):  # NOTE: most blocks lack what the pattern needs
                continue
            for m in finditer(pattern, b.text):
                yield b, m, m.start(), m.end()
        return
    for m in finditer(pattern, text):
        i = block_at(starts, m.start())
        b = found[i]
        a = m.start() - starts[i]
        if m.end() - starts[i] <= len(b.text):
            yield b, m, a, m.end() - starts[i]


_COMPARED = re.compile(r"[≠<>≤≥]")


def answer(computation: str | None) -> str | None:
    """What should be written, read off a computation: the result of `3050/3125 = 97.60%`
    (97.60%); None for one that compares two sides (`430+800 = 1230 ≠ 1250`: which side
    is wrong is not known) or lists several tries (`…; …`)."""
    if not computation or _COMPARED.search(computation) or ";" in computation or "=" not in computation:
        return None
    value = computation.rsplit("=", 1)[1].strip()
    return value.split("，")[0].strip() or None
