"""Cheap help for regex scans, read from each pattern's own parse tree.

Most of what the packs look for is absent from a given report (placeholders,
typos, outdated terms, stray punctuation), yet a regex that starts with a
lookbehind or a class makes `re` try its matcher at every character. Three
helps, each giving exactly the matches of a plain scan:

- a *gate*: `may_match(pattern, text, chars)` checks the literals the pattern
  cannot match without (`'大' in chars`, `'十九大' in text`, C-speed tests); a
  pattern whose literals are missing is not run at all;
- a *twin*: a pattern that opens with lookbehinds is compiled, from its tree,
  into an equivalent that takes its first character first, so that `re` skips
  ahead to the characters that can begin a match by itself;
- an *anchor scan*: a pattern with a literal it cannot match without, at most a
  few characters after the start of a match (`(?:(\\d{4})年)?(\\d{1,2})月`: 月 at
  most 7 characters in; one per alternative of an alternation), is tried only
  just before each occurrence of one (found by `str.find`), while those stay
  few; of several such sets, the one rarest in the text is used;
- a *first-character scan*: other patterns `re` cannot skip through are tried
  only where a match can begin, while those places stay few.

The facts are read from `re`'s own parser, so no rule declares them and a rule
can never be silenced wrongly: a construct the reader does not understand
yields "no help" (a plain scan). They are kept across CLI runs by
checker.speed.recache. A gate is read as a small and/or tree, then flattened into
clauses:

    ("lit", "十九大")            the text contains this string
    ("all", (r1, r2, ...))      every requirement holds (a sequence)
    ("any", (r1, r2, ...))      one of them holds (an alternation, a class)
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from checker.speed.recache import derived, parts_of, rebuild

try:  # NOTE: the stdlib's own regex parser (private, but stable since 3.11; sre_parse before)
    from re import _parser
    from re import _constants as _c
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _parser
    import sre_constants as _c

MAX_CLASS = 24     # a class of more characters than this is no useful requirement
MAX_NODES = 400    # a requirement tree larger than this costs more than it saves
MAX_FIRST = 64     # at most this many possible first characters for a first-character scan
MAX_REACH = 12     # an anchor at most this many characters after the start of a match
MAX_SETS = 6       # at most this many anchor sets to choose from
SPARSE = 64        # first-character scan only while its places stay under 1/SPARSE of the text
SHORT = 600        # a text shorter than this is scanned plainly: setting up costs more

_GATES: dict = {}
_FIRSTS: dict = {}
_TWINS: dict = {}
_ANCHORS: dict = {}
_OVERRUNS: dict = {}
_ANCHOR_OVERRUNS: dict = {}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def _remembered(table: dict, pattern, build, absent=None):
    """`build(pattern)` for a stdlib pattern, once per process; `absent` for anything else."""
    try:
        return table[pattern]
    except KeyError:
        pass
    except TypeError:  # an unhashable pattern-like object
        return absent
    value = build(pattern) if isinstance(pattern, re.Pattern) else absent
    table[pattern] = value
    return value


def gate_of(pattern):
    """The requirement of a compiled stdlib pattern as clauses (cached), or None.

    Every clause must hold; a clause `(chars, words)` holds when the text has one
    of the characters `chars` (a frozenset) or contains one of the strings `words`.
    """
    return _remembered(_GATES, pattern, lambda p: derived("prefilter-gate", p, _gate))


def _gate(pattern):
    tree = _read(pattern)
    return None if tree is None else tuple(_clause(c) for c in _cnf(tree))


def may_match(pattern, text: str, chars) -> bool:
    """False only when `pattern` certainly has no match in `text` (`chars` = set(text))."""
    gate = gate_of(pattern)
    if gate is None:
        return True
    for single, words in gate:
        if single.isdisjoint(chars) and not any(w in text for w in words):
            return False
    return True


def may_match_in(pattern, text: str) -> bool:
    """`may_match` for a short text whose set of characters is not at hand: each test a
    substring search (the same answers)."""
    gate = gate_of(pattern)
    if gate is None:
        return True
    for single, words in gate:
        if not any(w in text for w in words) and not any(c in text for c in single):
            return False
    return True


def finditer(pattern, text: str):
    """`pattern.finditer(text)` for a stdlib pattern: an anchor scan when it has an
    anchor, else its twin when it has one (`re` then skips ahead by itself), else
    trying only the places where a match can begin while they stay few (then a
    plain scan takes over)."""
    if len(text) >= SHORT:
        anchors = _anchor_of(pattern) if _ANCHOR_OVERRUNS.get(pattern, 0) < 2 else None
        if anchors is not None:
            return _anchored(pattern, anchors, text)
    fast = twin(pattern)
    first = _first_class(pattern) if fast is pattern and len(text) >= SHORT and _OVERRUNS.get(pattern, 0) < 2 \
        else None
    if first is None:
        return fast.finditer(text)
    return _sparse(pattern, first, text)


def holds_place(places: list, start: int, end: int) -> bool:
    """Does the sorted list `places` hold an offset in [start, end)? (For the
    whole-text scans that find which sentences or blocks need a close reading.)"""
    i = bisect_left(places, start)
    return i < len(places) and places[i] < end


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
            # a pattern whose places were too many twice is scanned plainly from then on
            _OVERRUNS[pattern] = _OVERRUNS.get(pattern, 0) + 1
            yield from twin(pattern).finditer(text, at)
            return
        m = match(text, at)
        if m is None:
            pos = at + 1
        else:
            yield m
            pos = m.end()


def _anchored(pattern, anchor_sets, text: str):
    """The matches of `pattern`, tried only at the places up to `reach` before
    each occurrence of an anchor of one set: the set with the fewest places in
    this text (`str.count`). Exact: a match starting at s holds an anchor of the
    set (of the alternative it matches) in [s, s + reach], so no match starts
    anywhere else; the places are tried in order, as `re` would."""
    count = text.count
    cost, anchors = min(((sum(count(w) * _width(r) for w, r in a), a) for a in anchor_sets), key=lambda ca: ca[0])
    if cost > len(text) // SPARSE:  # the anchors are common here: a plain scan
        _ANCHOR_OVERRUNS[pattern] = _ANCHOR_OVERRUNS.get(pattern, 0) + 1
        yield from twin(pattern).finditer(text)
        return
    places: set = set()
    find = text.find
    for word, reach in anchors:
        at = find(word)
        if _far(reach):  # NOTE: the match begins in the run of class characters before the word
            runs = [m.span() for m in _run_pattern(reach).finditer(text)]  # maximal, disjoint
            run_starts = [a for a, _z in runs]
            while at >= 0:
                i = bisect_right(run_starts, at) - 1  # the run holding `at` (or ending there), if any
                places.update(range(runs[i][0] if i >= 0 and runs[i][1] >= at else at, at + 1))
                at = find(word, at + 1)
            continue
        while at >= 0:
            if reach >= 0:
                places.update(range(max(0, at - reach), at + 1))
            else:  # a lookbehind's literal: the match begins right after it
                places.add(at - reach)
            at = find(word, at + 1)
    pos, match = 0, pattern.match
    for i in sorted(places):
        if i >= pos:
            m = match(text, i)
            if m is not None:
                yield m
                pos = m.end()


def _far(reach) -> bool:
    """Is this reach a class (a literal after a run of class characters), not a number?"""
    return type(reach) is str


def _width(reach) -> int:
    """How many places one occurrence of an anchor stands for, about (a run: a few)."""
    return 4 if _far(reach) else reach + 1 if reach >= 0 else 1


_RUNS: dict = {}


def _run_pattern(source: str):
    try:
        return _RUNS[source]
    except KeyError:
        found = _RUNS[source] = re.compile(source + "+")
        return found


def _anchor_of(pattern):
    """The anchor sets of a pattern (cached): ((literal, reach), ...) each, or None."""
    return _remembered(_ANCHORS, pattern, lambda p: derived("prefilter-anchor", p, _anchor_source))


def _anchor_source(pattern):
    """Sets of literals, each set holding one literal of every match at most
    MAX_REACH characters in (one per alternative of an alternation), with how
    far in each may stand; a literal of a lookbehind the match opens with stands
    just before it (reach -len: the match begins right after it). None when there
    are none, when `re` itself skips ahead to where a match can begin (the pattern
    opens with a literal or a class), or when every literal stands at the very
    start (or before it) and the twin skips ahead."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if tree.getwidth()[0] == 0:
            return None  # NOTE: empty matches: finditer's rules for them are not copied
        if _re_skips_ahead(tree):
            return None  # NOTE: `re` skips ahead in C, faster than trying places from Python
        found = _anchor_sets(tree.data, tree.state, 0)
        # NOTE: literals only at the start (or in a lookbehind just before it) help when
        # the twin cannot skip to where a match begins either
        if not any(_far(reach) or reach > 0 for one in found for _word, reach in one) and \
                _twin_parts(pattern) is not None:
            return None
    except Exception:  # noqa: BLE001 - unreadable: no anchor
        return None
    if not found:
        return None
    out = []
    for one in found[:MAX_SETS]:
        reaches: dict = {}
        for word, reach in one:
            if _far(reach):  # NOTE: a run's class: kept as it is (the same word may have several)
                reaches[(word, reach)] = reach
                continue
            key = (word, reach < 0)  # NOTE: a lookbehind's literal stands at -len(word) only
            reaches[key] = max(reach, reaches.get(key, reach))
        out.append(tuple(sorted(((w, r) for (w, _lb), r in reaches.items()), key=lambda wr: (wr[0], str(wr[1])))))
    return tuple(out)


def _anchor_sets(items, state, reach, run=frozenset()) -> list:
    """Anchor sets of a sequence whose match begins at most `reach` characters in.
    `run`: the class (pieces of one) of every character consumed before, or None once
    a part was not a class; past MAX_REACH a literal is still an anchor while `run`
    holds: the match then begins within the run of class characters just before it
    (its reach is the class, as regex source)."""
    out, k = [], 0
    while k < len(items):
        far = reach > MAX_REACH
        if far and run is None:
            break
        op, av = items[k]
        if op is _c.LITERAL:
            chars = []
            while k < len(items) and items[k][0] is _c.LITERAL:
                chars.append(chr(items[k][1]))
                k += 1
            word = "".join(chars)
            out.append([(word, "[" + "".join(sorted(run)) + "]" if far else reach)])
            reach += len(word)
            run = None if run is None else run | {re.escape(c) for c in word}
            continue
        if far:
            pass
        elif reach == 0 and op is _c.ASSERT and av[0] == -1:
            # NOTE: a lookbehind checked where the match begins: its literal ends there
            words = _literals(av[1])
            if words:
                out.append([(w, -len(w)) for w in words])
        else:
            out.extend(_item_anchor_sets(op, av, state, reach, run))
        reach += _parser.SubPattern(state, [(op, av)]).getwidth()[1]
        if run is not None:
            pieces = _class_of(op, av)
            run = None if pieces is None else run | pieces
        k += 1
    return out


def _class_of(op, av):
    """The class pieces of every character a part can consume (a zero-width part: none),
    or None when it is not made of literals and classes only."""
    if op is _c.LITERAL:
        return {re.escape(chr(av))}
    if op is _c.IN:
        found = _first_class_members(av)
        return None if found is None else set(found)
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return set()
    bodies = ([av[2]] if op in _REPEATS else [av[3]] if op is _c.SUBPATTERN and not av[1] and not av[2]
              else list(av[1]) if op is _c.BRANCH else None)
    if bodies is None:
        return None
    out: set = set()
    for body in bodies:
        for one in body.data:
            pieces = _class_of(*one)
            if pieces is None:
                return None
            out |= pieces
    return out


def _literals(sub) -> list | None:
    """The strings a part matches when it is a literal or an alternation of literals, else None."""
    items = list(sub.data)
    if items and all(op is _c.LITERAL for op, _av in items):
        return ["".join(chr(av) for _op, av in items)]
    if len(items) == 1 and items[0][0] is _c.IN:  # (?<=第|是) is parsed as a class
        found = _char_class(items[0][1])
        return None if found is None else [c for _lit, c in found[1]]
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        words = []
        for branch in items[0][1][1]:
            one = _literals(branch)
            if one is None:
                return None
            words += one
        return words
    return None


def _item_anchor_sets(op, av, state, reach, run=frozenset()) -> list:
    if op is _c.SUBPATTERN and not (av[1] & re.IGNORECASE):
        return _anchor_sets(av[3].data, state, reach, run)
    if op in _REPEATS and av[0] >= 1:   # the body's first round begins here
        return _anchor_sets(av[2].data, state, reach, run)
    if op is _c.BRANCH:
        first, longest = [], []
        for branch in av[1]:
            sets = _anchor_sets(branch.data, state, reach, run)
            if not sets:
                return []
            # NOTE: one set per alternative, chosen here: digits are everywhere in a report
            words = [s for s in sets if not all(w.isdigit() for w, _r in s)] or sets[:1]
            first.extend(words[0])
            # NOTE: and a second choice of the longest words (法治思想 rather than the 以 of
            # (?<=以)法治思想), often far rarer; the scan takes the set rarest in the text
            longest.extend(max(words, key=lambda s: min(len(w) for w, _r in s)))
        return [first] if longest == first else [first, longest]
    return []


def twin(pattern):
    """A faster twin of a stdlib pattern that opens with lookbehinds, or the pattern.

    `(?<![\\d.])\\d+年` makes `re` run its matcher at every character; its twin
    `\\d(?<![\\d.]\\d)\\d*年` takes the first character before the (widened)
    lookbehind, so `re` skips ahead to the characters that can begin a match:
    the same matches and groups, two to three times faster. Built from the parse
    tree and compiled directly; patterns of any other shape are used as they are.
    """
    return _remembered(_TWINS, pattern, _build_twin, absent=pattern)


def _build_twin(pattern):
    parts = derived("prefilter-twin", pattern, _twin_parts)
    if parts is None:
        return pattern
    try:
        return rebuild(parts)
    except Exception:  # noqa: BLE001 - a foreign entry: the pattern as it is
        return pattern


def _twin_parts(pattern):
    """The compiled form of the twin as plain data, or None.

    NOTE: plain data (checker.speed.recache.parts_of) so that it is kept across CLI
    runs: building a twin costs as much as compiling a pattern."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        return parts_of(tree, pattern.flags) if _hoist(tree) else None
    except Exception:  # noqa: BLE001 - any surprise: no twin
        return None


def _is_lookbehind(item) -> bool:
    op, av = item
    return op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] == -1


def _hoist(tree) -> bool:
    """Make `tree` (in place) open with the character a match begins with: move its
    leading lookbehinds after its first character, then, when it opens with an
    alternation whose alternatives begin with different classes, take one character
    of their union first (`_factored`). False when neither applies."""
    items = tree.data
    k = 0
    while k < len(items) and _is_lookbehind(items[k]):
        k += 1
    if k == len(items):
        return False
    if k:
        moved = _after_first(items[k], items[:k], tree.state)
        if moved is None:
            return False
        items = moved + items[k + 1:]
    factored = _factored(items[0], tree.state)
    if factored is not None:
        items = factored + items[1:]
    elif not k:
        return False
    tree.data = items
    tree.width = None
    return True


def _factored(item, state):
    """An alternation (bare or in a non-capturing group) whose every alternative opens
    with zero-width assertions and one character (a literal, a class, or the first round
    of a repeated one) as `[union](?:(?<=A1c1)rest1|(?<=A2c2)rest2…)`: `re` then skips
    ahead to the characters of the union by itself (a class first) instead of trying
    every alternative at every character. None when it does not apply or gains nothing
    (alternatives that all open with a literal already give `re` a prefix).

    NOTE: the same matches and groups: the union consumes the first character, and the
    alternative checks it again with a one-character lookbehind that also holds the
    alternative's own leading assertions (Ai: lookbehinds and lookaheads, evaluated, as
    before, where the character stands)."""
    op, av = item
    if op is _c.SUBPATTERN and av[0] is None and not av[1] and not av[2] and len(av[3].data) == 1:
        inner = _factored(av[3].data[0], state)
        return None if inner is None else [inner[0], (op, (None, 0, 0, _parser.SubPattern(state, inner[1:])))]
    if op is not _c.BRANCH or all(b.data and b.data[0][0] is _c.LITERAL for b in av[1]):
        return None
    union, branches = [], []
    for branch in av[1]:
        data = list(branch.data)
        k = 0
        while k < len(data) and data[k][0] in (_c.ASSERT, _c.ASSERT_NOT):
            k += 1
        peeled = _peel(data[k], state) if k < len(data) else None
        if peeled is None:
            return None
        first, rest = peeled
        members = [first] if first[0] is _c.LITERAL else list(first[1])
        if any(m[0] is _c.NEGATE for m in members):
            return None
        union.extend(m for m in members if m not in union)
        check = (_c.ASSERT, (-1, _parser.SubPattern(state, data[:k] + [first])))
        branches.append(_parser.SubPattern(state, [check] + rest + data[k + 1:]))
    return [(_c.IN, union), (_c.BRANCH, (av[0], branches))]


def _peel(item, state):
    """(the item a match of `item` begins with: one character, what follows it), or None:
    for a literal, a class, a repeat of one that matches at least once, a non-capturing
    group, or an alternation whose alternatives all begin with the same character."""
    op, av = item
    if op in (_c.LITERAL, _c.IN):
        return item, []
    if op in _REPEATS and av[0] >= 1 and len(av[2].data) == 1 and av[2].data[0][0] in (_c.LITERAL, _c.IN):
        low, high, body = av
        high = high if high == _c.MAXREPEAT else high - 1
        return body.data[0], ([(op, (low - 1, high, body))] if high else [])
    if op is _c.SUBPATTERN and av[0] is None and not av[1] and not av[2] and av[3].data:
        peeled = _peel(av[3].data[0], state)
        return None if peeled is None else (peeled[0], peeled[1] + list(av[3].data[1:]))
    if op is _c.BRANCH:
        peeled = [_peel(b.data[0], state) if b.data else None for b in av[1]]
        if any(p is None for p in peeled) or any(p[0] != peeled[0][0] for p in peeled):
            return None
        rests = [_parser.SubPattern(state, p[1] + list(b.data[1:])) for p, b in zip(peeled, av[1])]
        return peeled[0][0], [(_c.BRANCH, (av[0], rests))]
    return None


def _after_first(item, lookbehinds, state):
    """`item` with the lookbehinds placed right after its first character, or None.

    A lookbehind checked before character c holds exactly when the same
    lookbehind widened by c holds after it (c was just matched there).
    """
    op, av = item
    if op in (_c.LITERAL, _c.IN):
        return [item] + _widened(lookbehinds, item, state)
    if op in _REPEATS and av[0] >= 1 and len(av[2].data) == 1 and av[2].data[0][0] in (_c.LITERAL, _c.IN):
        low, high, body = av
        first = body.data[0]
        high = high if high == _c.MAXREPEAT else high - 1
        rest = [(op, (low - 1, high, body))] if high else []
        return [first] + _widened(lookbehinds, first, state) + rest
    if op is _c.SUBPATTERN and not av[1] and not av[2] and av[3].data:
        group, add, remove, body = av
        inner = _after_first(body.data[0], lookbehinds, state)
        if inner is None:
            return None
        return [(op, (group, add, remove, _parser.SubPattern(state, inner + list(body.data[1:]))))]
    if op is _c.BRANCH and not any(_has_group(body) for _op, (_d, body) in lookbehinds):
        branches = []
        for branch in av[1]:  # NOTE: each alternative gets its own copy of the lookbehinds
            inner = _after_first(branch.data[0], lookbehinds, state) if branch.data else None
            if inner is None:
                return None
            branches.append(_parser.SubPattern(state, inner + list(branch.data[1:])))
        return [(op, (av[0], branches))]
    return None


def _has_group(sub) -> bool:
    """Does this part hold a capturing group (which may not be copied)?"""
    for op, av in sub.data:
        if op is _c.SUBPATTERN and av[0] is not None:
            return True
        for part in (av if isinstance(av, (tuple, list)) else ()):
            if isinstance(part, _parser.SubPattern) and _has_group(part):
                return True
            if isinstance(part, list) and any(isinstance(x, _parser.SubPattern) and _has_group(x) for x in part):
                return True
    return False


def _widened(lookbehinds, first, state):
    return [(op, (-1, _parser.SubPattern(state, list(body.data) + [first]))) for op, (_d, body) in lookbehinds]


def _first_class(pattern):
    return _remembered(_FIRSTS, pattern, _build_first_class)


def _build_first_class(pattern):
    source = derived("prefilter-first", pattern, _first_source)
    return re.compile(source) if source else None


def _first_source(pattern) -> str | None:
    """A class of the characters a match can begin with, as regex source, or None."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if _re_skips_ahead(tree):
            return None
        chars, nullable = _first_of(list(tree))
    except Exception:  # noqa: BLE001 - unreadable: plain scan
        return None
    if chars and not nullable and len(chars) <= MAX_FIRST:
        return "[" + "".join(sorted(chars)) + "]"
    return None


def _re_skips_ahead(tree) -> bool:
    """Does `re` itself skip to where a match can begin? It does when the pattern
    opens with a literal, a class, or an alternation of literals (sre_compile's
    prefix and charset); a first-character scan in Python would only cost more."""
    items = tree.data
    while items and items[0][0] is _c.SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3].data
    if not items:
        return False
    op, av = items[0]
    if op in (_c.LITERAL, _c.IN):
        return True
    return op is _c.BRANCH and all(b.data and b.data[0][0] is _c.LITERAL for b in av[1])


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
        tree = _parser.parse(pattern.pattern, pattern.flags)
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
