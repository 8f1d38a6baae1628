"""Shared by the formulation and law-citation checks: the two vocabularies, the
near-miss matcher, and the context words that turn a citation into history.

rules/data/formulations.yaml holds the official formulations (规范提法) with their
period and source; rules/data/laws.yaml the national laws and major administrative
regulations with their dates. Both are read once per process (prepare) and kept in
the prepared rules.

The near-miss matcher works on the Chinese characters of a text only (punctuation,
digits and spaces are dropped, so 、 for ， or a quotation mark never counts), and
finds windows one edit away from a target: each target of L characters is cut into
two halves; a window one edit away holds one half exactly (pigeonhole), so the halves
are looked up with str.find and only the windows around a hit are compared.
NOTE: measured against rapidfuzz (partial_ratio_alignment per paragraph and target)
in /work/notes/formulations.md: the same findings on the field corpus, 20–40 times
faster, and no compiled dependency.
"""
from __future__ import annotations

import datetime as dt
import re
from array import array
from bisect import bisect_right
from collections import namedtuple

from checker.checks import ParamError
from checker.checks._timeline import load_table, parse_date

HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff]+")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
MIN_FUZZY = 6         # a target shorter than this is never matched approximately
# NOTE: an edit in the first or last two characters of a short target makes another phrase
# more often than a misquote (以述法推动法治建设第一责任人职责落地: 推动 is the sentence's verb);
# from this length an edit anywhere but the very first or last character counts, and a
# substituted first or last character too
LONG = 12
# NOTE: adding or dropping one of these is a paraphrase, not a misquote (把权力关进制度笼子里)
FUNCTION_CHARS = frozenset("的地之和与及并等")
SENTENCE_END = re.compile(r"[。！？；!?;\n]")
PUNCTUATION = re.compile(r"[，。；：！？、,.;:!?（）()《》“”\n]")

FORMULATION_KEYS = {"text", "forms", "allow", "wrong", "items", "regex", "group", "from", "until",
                    "grace_years", "early", "fuzzy", "source"}
LAW_KEYS = {"title", "enacted", "title_from", "revised", "in_force", "repealed", "by", "source"}
PREFIX = "中华人民共和国"


class Formulation(namedtuple("Formulation",
                             "text forms allow wrong items regex group start until grace early fuzzy source")):
    # text: str, forms/allow/wrong/items: tuple[str], regex: str | None, group: str | None,
    # start: dt.date, until: dt.date | None, grace: int, early: bool, fuzzy: bool, source: str
    __slots__ = ()

    def stale_in(self, year: int) -> bool:
        """Is this formula out of date in a report on `year`?"""
        if self.until is None:
            return False
        return dt.date(year, 12, 31) > self.until.replace(year=self.until.year + self.grace)

    def current_in(self, year: int) -> bool:
        end = dt.date(year, 12, 31)
        return self.start <= end and not self.stale_in(year)


class Law(namedtuple("Law", "title short enacted revised in_force repealed by source kind title_from")):
    # title: str (official), short: str (without 中华人民共和国), enacted/in_force/repealed: dt.date | None,
    # title_from: dt.date | None (an earlier law of the same title: 国家安全法 of 1993),
    # revised: tuple[dt.date], by: str | None, source: str, kind: "law" | "regulation"
    __slots__ = ()


def han(text: str) -> str:
    """The Chinese characters of `text`, in order. NOTE: a long text in slices: one
    substitution over a whole 10 MB report held a piece for every run between its
    characters (~40 MB) before joining them."""
    if len(text) <= _SLICE:
        return HAN.sub("", text)
    return "".join(HAN.sub("", text[i:i + _SLICE]) for i in range(0, len(text), _SLICE))


_SLICE = 1 << 16


# --- loading ---------------------------------------------------------------------------

def _strings(value, key: str, where: str) -> tuple:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ParamError("table", f"{where}: `{key}` must be a list of strings")
    return tuple(value)


_CLASS = re.compile(r"\[([^\[\]]+)\]")


def expand(words) -> tuple:
    """Each word with one [字字字] class written out as one word per character
    (依法治[省市县]委员会 → 依法治省委员会, 依法治市委员会, 依法治县委员会)."""
    out = []
    for w in words:
        m = _CLASS.search(w)
        if m:
            out.extend(w[:m.start()] + c + w[m.end():] for c in m.group(1))
        else:
            out.append(w)
    return tuple(out)


def _date(value, key: str, where: str):
    try:
        return parse_date(value, key)
    except ParamError as err:
        raise ParamError("table", f"{where}: {key}: {err}") from None


def load_formulations(name: str = "formulations.yaml"):
    """(formulations, defer patterns) from rules/data/NAME; a bad entry stops the load."""
    loc = load_table(name)
    raw = loc.data.get("formulations")
    if not isinstance(raw, list) or not raw:
        raise ParamError("table", f"{loc.source}: needs a non-empty `formulations` list")
    out = []
    for i, e in enumerate(raw):
        where = loc.where("formulations", i)
        if not isinstance(e, dict):
            raise ParamError("table", f"{where}: each entry is a mapping")
        unknown = sorted(set(e) - FORMULATION_KEYS)
        if unknown:
            raise ParamError("table", f"{where}: unknown key {unknown[0]!r}")
        if not isinstance(e.get("text"), str) or not e["text"].strip():
            raise ParamError("table", f"{where}: `text` is required")
        if not isinstance(e.get("source"), str) or not e["source"].strip():
            raise ParamError("table", f"{where}: `source` is required")
        start = _date(e.get("from"), "from", where)
        until = _date(e["until"], "until", where) if e.get("until") is not None else None
        if until is not None and until < start:
            raise ParamError("table", f"{where}: `until` is before `from`")
        grace = e.get("grace_years", 0)
        if not isinstance(grace, int) or isinstance(grace, bool) or grace < 0:
            raise ParamError("table", f"{where}: grace_years must be a whole number of years")
        regex = e.get("regex")
        if regex is not None:
            try:
                re.compile(regex)
            except re.error as err:
                raise ParamError("table", f"{where}: regex does not compile: {err}") from None
        out.append(Formulation(e["text"], _strings(e.get("forms"), "forms", where),
                               expand(_strings(e.get("allow"), "allow", where)), _strings(e.get("wrong"), "wrong", where),
                               _strings(e.get("items"), "items", where), regex, e.get("group"), start, until,
                               grace, e.get("early", True) is not False,
                               e.get("fuzzy", True) is not False and regex is None, e["source"].strip()))
    defer = _strings(loc.data.get("defer"), "defer", loc.source)
    for d in defer:
        try:
            re.compile(d)
        except re.error as err:
            raise ParamError("table", f"{loc.source}: defer {d!r} does not compile: {err}") from None
    return tuple(out), defer


def load_laws(name: str = "laws.yaml"):
    """(laws and regulations, as_of date) from rules/data/NAME."""
    loc = load_table(name)
    as_of = _date(loc.data.get("as_of"), "as_of", loc.source)
    out = []
    for part, kind in (("laws", "law"), ("regulations", "regulation")):
        raw = loc.data.get(part)
        if not isinstance(raw, list) or not raw:
            raise ParamError("table", f"{loc.source}: needs a non-empty `{part}` list")
        for i, e in enumerate(raw):
            where = loc.where(part, i)
            if not isinstance(e, dict):
                raise ParamError("table", f"{where}: each entry is a mapping")
            unknown = sorted(set(e) - LAW_KEYS)
            if unknown:
                raise ParamError("table", f"{where}: unknown key {unknown[0]!r}")
            title = e.get("title")
            if not isinstance(title, str) or not title.strip() or not isinstance(e.get("source"), str) \
                    or not e["source"].strip():
                raise ParamError("table", f"{where}: `title` and `source` are required")
            enacted = _date(e.get("enacted"), "enacted", where)
            revised = tuple(_date(d, "revised", where) for d in (e.get("revised") or ()))
            in_force = _date(e["in_force"], "in_force", where) if e.get("in_force") is not None else None
            repealed = _date(e["repealed"], "repealed", where) if e.get("repealed") is not None else None
            if any(d < enacted for d in revised) or list(revised) != sorted(revised):
                raise ParamError("table", f"{where}: `revised` must be in order and after `enacted`")
            if repealed is not None and repealed < enacted:
                raise ParamError("table", f"{where}: `repealed` is before `enacted`")
            if (repealed is None) != (e.get("by") is None):
                raise ParamError("table", f"{where}: `repealed` and `by` go together")
            short = title[len(PREFIX):] if title.startswith(PREFIX) else title
            title_from = _date(e["title_from"], "title_from", where) if e.get("title_from") is not None else None
            if title_from is not None and title_from > enacted:
                raise ParamError("table", f"{where}: `title_from` is after `enacted`")
            out.append(Law(title, short, enacted, revised, in_force, repealed, e.get("by"), e["source"].strip(), kind,
                           title_from))
    return tuple(out), as_of


def dated_term_patterns() -> tuple:
    """The patterns of rules/data/terms.yaml (W101/W102 judge those spans; the formulation
    rules leave them alone so that one slip gives one finding)."""
    loc = load_table("terms.yaml")
    out = []
    for e in loc.data.get("terms") or ():
        if isinstance(e, dict) and isinstance(e.get("term"), str):
            pattern = e.get("regex") or re.escape(e["term"])
            try:
                out.append(re.compile(pattern))
            except re.error:  # pragma: no cover - terms.yaml is validated by its own rules
                continue
    return tuple(out)


def overlaps_pattern(patterns, text: str, start: int, end: int) -> bool:
    """Does any of `patterns` match `text` across [start, end)?"""
    lo, hi = max(0, start - 40), min(len(text), end + 40)
    for p in patterns:
        for m in p.finditer(text, lo, hi):
            if m.start() < end and start < m.end():
                return True
    return False


# --- sentences and history ---------------------------------------------------------------

SENTENCE_REACH = 300   # NOTE: a "sentence" never reaches further: a text without full stops stays linear


def first_of_overlapping(hits) -> list:
    """One hit per stretch of text: of overlapping hits, the first and longest."""
    kept, end = [], -1
    for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if h.start >= end:
            kept.append(h)
            end = h.end
    return kept


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of `text` around [start, end): from after the last 。！？；or line break
    before it to the next one after it (at most SENTENCE_REACH characters either way)."""
    lo, hi = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    a = lo
    for m in SENTENCE_END.finditer(text, lo, start):
        a = m.end()
    m = SENTENCE_END.search(text, end, hi)
    return a, (m.end() if m else hi)


# --- near misses ------------------------------------------------------------------------

class Target(namedtuple("Target", "chars expected entry marks")):
    # chars: str (Chinese characters of a form), expected: str (the form as written), entry: int,
    # marks: frozenset (the punctuation marks the form has: 、 in a list formula)
    __slots__ = ()


class NearMatcher:
    """Windows of a text one edit away from a target (see the module's docstring)."""

    def __init__(self, targets, exact):
        # targets: Target records (fuzzy forms of MIN_FUZZY characters or more);
        # exact: the character strings never reported (every form, allow and wrong entry)
        self.targets = tuple(targets)
        self.exact = frozenset(exact)
        self.exact_list = tuple(sorted(self.exact, key=len, reverse=True))
        pieces: dict[str, list] = {}
        for t in self.targets:
            half = len(t.chars) // 2
            pieces.setdefault(t.chars[:half], []).append((t, 0))
            pieces.setdefault(t.chars[half:], []).append((t, half))
        self.pieces = tuple((p, tuple(v), frozenset(p)) for p, v in pieces.items())
        self.chars = frozenset(c for t in self.targets for c in t.chars)

    def find(self, skeleton: str, present=None):
        """Yield (start, end, target) in skeleton coordinates: windows one edit away from a
        target that are not themselves a known form, nor part of an exact occurrence of one.
        `present`: the set of characters of the text, when known (pieces it lacks are skipped)."""
        if present is None:
            present = frozenset(skeleton)
        found = []
        size = len(skeleton)
        for piece, owners, need in self.pieces:
            if not need <= present:
                continue   # NOTE: a character of the piece is not in the text at all
            i = skeleton.find(piece)
            while i >= 0:
                for t, offset in owners:
                    chars = t.chars
                    n = len(chars)
                    if offset:   # the right half: the window ends after the piece
                        end = i + len(piece)
                        cands = ((end - n + 1, end), (end - n, end), (end - n - 1, end))
                    else:        # the left half: the window starts at the piece
                        if skeleton.startswith(chars, i):
                            continue   # NOTE: the target itself, as most hits are
                        cands = ((i, i + n - 1), (i, i + n), (i, i + n + 1))
                    long = n >= LONG
                    for s, e in cands:
                        if s < 0 or e > size:
                            continue
                        # NOTE: cheap test first: the window's ends are the target's (a long
                        # target may have its very first or last character substituted)
                        if skeleton[s] != chars[0] and not (long and skeleton[s + 1] == chars[1]):
                            continue
                        if skeleton[e - 1] != chars[-1] and not (long and skeleton[e - 2] == chars[-2]):
                            continue
                        if one_edit(skeleton[s:e], chars):
                            found.append((s, e, t))
                i = skeleton.find(piece, i + 1)
        if not found:
            return
        covered = sorted(self._exact_spans(skeleton))
        starts = [a for a, _ in covered]
        reach, far = [], -1   # reach[k]: the furthest end of covered[0..k]
        for _, b in covered:
            far = max(far, b)
            reach.append(far)
        seen = set()
        for s, e, t in found:
            if (s, e, t.expected) in seen or skeleton[s:e] in self.exact:
                continue
            seen.add((s, e, t.expected))
            k = bisect_right(starts, s) - 1
            if k >= 0 and reach[k] >= e:
                continue   # NOTE: part of a longer listed wording
            yield s, e, t

    def _exact_spans(self, skeleton: str) -> list:
        out = []
        for x in self.exact_list:
            i = skeleton.find(x)
            while i >= 0:
                out.append((i, i + len(x)))
                i = skeleton.find(x, i + 1)
        return out


def one_edit(window: str, target: str) -> bool:
    """Is `window` exactly one edit (substitution, insertion, deletion) away from `target`,
    with the edit inside the target (its first and last characters kept; a long target may
    have them substituted), and not the addition or removal of a function character?"""
    lw, lt = len(window), len(target)
    if window == target or abs(lw - lt) > 1:
        return False
    i = 0
    n = min(lw, lt)
    while i < n and window[i] == target[i]:
        i += 1
    if lw == lt:
        if window[i + 1:] != target[i + 1:]:
            return False
        return lt >= LONG or 2 <= i <= lt - 3
    if lw > lt:   # one character added at i
        if window[i + 1:] != target[i:]:
            return False
        extra = window[i]
    else:         # one character dropped at i
        if window[i:] != target[i + 1:]:
            return False
        extra = target[i]
    if i == 0 or i >= min(lw, lt):   # at the edge: a different phrase, not a misquote
        return False
    if lt < LONG and not 2 <= i <= lt - 2:
        return False
    return extra not in FUNCTION_CHARS


class Skeleton:
    """The Chinese characters of a text, and (on demand) where each one is in it."""

    def __init__(self, text: str):
        self.text = text
        self.chars = han(text)
        self._runs = None

    def offset(self, i: int) -> int:
        """The text offset of skeleton character i (i == len: the end of the text).
        NOTE: kept as the runs of Chinese characters (where each starts in the skeleton and
        in the text, two arrays of machine integers), made once on the first look-up: a
        text with no finding never pays for it, and a 10 MB text costs a few MB, not the
        ~130 MB of one int object for every character."""
        if self._runs is None:
            sk, tx, n = array("q"), array("q"), 0
            for m in _HAN_RUN.finditer(self.text):
                sk.append(n)
                tx.append(m.start())
                n += m.end() - m.start()
            self._runs = (sk, tx, n)
        sk, tx, n = self._runs
        if i >= n:
            return len(self.text)
        k = bisect_right(sk, i) - 1
        return tx[k] + (i - sk[k])

    def span(self, s: int, e: int) -> tuple[int, int]:
        return self.offset(s), self.offset(e - 1) + 1
