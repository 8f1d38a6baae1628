"""Cheap pre-tests for regex scans: the literal text every match must contain.

Most of what the packs look for is absent from a given report (placeholders,
typos, outdated terms, stray punctuation), yet a regex that starts with a
lookbehind or a class makes `re` try its matcher at every character. Before a
scan, `may_match(pattern, text, chars)` checks the literals the pattern cannot
match without — `'大' in chars`, `'十九大' in text`, C-speed tests — and a
pattern whose literals are missing is not run at all.

When the literals are there, `finditer(pattern, text)` still avoids a full
scan where it can: the characters a match can begin with are read from the
pattern too (lookbehinds consume nothing), their few places are found with one
class scan, and the pattern is tried only there — same matches, same order.

The literals are read from the pattern's own parse tree (`re`'s parser), so no
rule needs to declare them and a rule can never be silenced wrongly: a
construct the reader does not understand yields "no requirement" (always run).
The requirement is read as a small and/or tree, then flattened into clauses:

    ("lit", "十九大")            the text contains this string
    ("all", (r1, r2, ...))      every requirement holds (a sequence)
    ("any", (r1, r2, ...))      one of them holds (an alternation, a class)
"""
from __future__ import annotations

import re

try:  # NOTE: the stdlib's own regex parser (private, but stable since 3.11; sre_parse before)
    from re import _parser as _sre
    from re import _constants as _c
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre
    import sre_constants as _c

MAX_CLASS = 24     # a class of more characters than this is no useful requirement
MAX_NODES = 400    # a requirement tree larger than this costs more than it saves
MAX_FIRST = 64     # at most this many possible first characters for a first-character scan
SPARSE = 32        # first-character scan only while its places stay under 1/SPARSE of the text
SHORT = 600        # a text shorter than this is scanned plainly: setting up costs more

_GATES: dict = {}
_FIRSTS: dict = {}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def gate_of(pattern):
    """The requirement of a compiled stdlib pattern as clauses (cached), or None.

    Every clause must hold; a clause `(chars, words)` holds when the text has one
    of the characters `chars` (a frozenset) or contains one of the strings `words`.
    """
    try:
        return _GATES[pattern]
    except KeyError:
        pass
    except TypeError:  # an unhashable pattern-like object
        return None
    tree = _read(pattern) if isinstance(pattern, re.Pattern) else None
    gate = None if tree is None else tuple(_clause(c) for c in _cnf(tree))
    _GATES[pattern] = gate
    return gate


def may_match(pattern, text: str, chars) -> bool:
    """False only when `pattern` certainly has no match in `text` (`chars` = set(text))."""
    gate = gate_of(pattern)
    if gate is None:
        return True
    for single, words in gate:
        if single.isdisjoint(chars) and not any(w in text for w in words):
            return False
    return True


def finditer(pattern, text: str):
    """`pattern.finditer(text)` for a stdlib pattern, trying only the places where
    a match can begin while they stay few (then a plain scan takes over)."""
    first = _first_class(pattern) if len(text) >= SHORT else None
    if first is None:
        return pattern.finditer(text)
    return _sparse(pattern, first, text)


def _sparse(pattern, first, text: str):
    pos, budget = 0, len(text) // SPARSE
    search, match = first.search, pattern.match
    while True:
        place = search(text, pos)
        if place is None:
            return
        at = place.start()
        budget -= 1
        if budget < 0:  # NOTE: no match can begin before `at`, so finditer from there is the same
            yield from pattern.finditer(text, at)
            return
        m = match(text, at)
        if m is None:
            pos = at + 1
        else:
            yield m
            pos = m.end()


def _first_class(pattern):
    try:
        return _FIRSTS[pattern]
    except KeyError:
        pass
    first = None
    if isinstance(pattern, re.Pattern) and not pattern.flags & re.IGNORECASE:
        try:
            chars, nullable = _first_of(list(_sre.parse(pattern.pattern, pattern.flags)))
        except Exception:  # noqa: BLE001 - unreadable: plain scan
            chars, nullable = None, True
        if chars and not nullable and len(chars) <= MAX_FIRST:
            first = re.compile("[" + "".join(sorted(chars)) + "]")
    _FIRSTS[pattern] = first
    return first


def _first_of(items):
    """(the class pieces a match of this sequence can begin with, can it be empty);
    (None, _) when any character may begin it."""
    out = set()
    for op, av in items:
        chars, nullable = _first_item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s"}


def _first_item(op, av):
    if op is _c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is _c.IN:
        return _first_class_members(av), False
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set(), True          # zero width: the next item begins the match
    if op is _c.SUBPATTERN:
        return _first_of(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first_of(list(av))
    if op in _REPEATS:
        low, _high, body = av
        chars, nullable = _first_of(list(body))
        return chars, nullable or low == 0
    if op is _c.BRANCH:
        out, empty = set(), False
        for branch in av[1]:
            chars, nullable = _first_of(list(branch))
            if chars is None:
                return None, False
            out |= chars
            empty = empty or nullable
        return out, empty
    return None, False              # any character, \w, a back reference


def _first_class_members(members):
    """A class's members as pieces of a class (a, a-z, \\d); None if negated or too wide."""
    out = set()
    for op, av in members:
        if op is _c.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.add(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            return None
    return out


def _cnf(node) -> list[tuple[str, ...]]:
    """The tree as clauses (each: one of these strings occurs). An alternation of
    sequences keeps one clause per alternative — the weaker, cheaper test."""
    kind, value = node
    if kind == "lit":
        return [(value,)]
    if kind == "all":
        return [c for n in value for c in _cnf(n)]
    merged = []
    for n in value:
        merged.extend(min(_cnf(n), key=_weakness))
    return [tuple(dict.fromkeys(merged))]


def _weakness(clause) -> tuple[int, int]:
    """Fewer and longer strings make a stronger test."""
    return -min(len(s) for s in clause), len(clause)


def _clause(strings) -> tuple[frozenset, tuple[str, ...]]:
    return frozenset(s for s in strings if len(s) == 1), tuple(s for s in strings if len(s) > 1)


def _read(pattern):
    if pattern.flags & re.IGNORECASE:
        return None  # NOTE: case variants would need expanding; such patterns are rare here
    try:
        tree = _sre.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unreadable pattern simply gets no gate
        return None
    gate = _sequence(list(tree))
    return gate if gate is not None and _size(gate) <= MAX_NODES else None


def _sequence(items):
    """Requirements of consecutive items: runs of literals become one string."""
    found, run = [], []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(("lit", "".join(run)))
            run = []
        need = _item(op, av)
        if need is not None:
            found.append(need)
    if run:
        found.append(("lit", "".join(run)))
    if not found:
        return None
    return found[0] if len(found) == 1 else ("all", tuple(found))


def _item(op, av):
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op in _REPEATS:
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is _c.BRANCH:
        options = [_sequence(list(b)) for b in av[1]]
        if any(o is None for o in options):
            return None  # one alternative needs nothing, so the whole needs nothing
        return ("any", tuple(options))
    if op is _c.IN:
        return _char_class(av)
    return None  # ANY, lookarounds, anchors, back references, negated literals


def _char_class(members):
    chars = []
    for op, av in members:
        if op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\d \s \w), a wide range
            return None
    if not chars or len(chars) > MAX_CLASS:
        return None
    return ("any", tuple(("lit", c) for c in chars))


def _size(node) -> int:
    kind, value = node
    return 1 if kind == "lit" else 1 + sum(_size(n) for n in value)
