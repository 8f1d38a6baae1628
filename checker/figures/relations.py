"""Relations between quantities: which counts a printed rate is about.

A *rate claim* is a percentage with a name in front of it (调解成功率91.75%,
占…总办件量的18.31%, 同比下降42.68%, 缩减率61%). Its *chain* is the sentence
it stands in (plus the sentence before when its own has no counts or begins
with 其中): the clauses that talk about the same thing.

Names are linked to counts by cue words from rules/data/rates.yaml, not by
parsing: 纠错率 <- a count whose clause says 撤销/变更/纠错 over a count whose
clause says 审结/收到/受理. checker.figures.pairings judges every plausible pairing;
checker.figures.changes and checker.figures.totals handle changes and sums.
"""
from __future__ import annotations

import re
from collections import namedtuple
from functools import cached_property, lru_cache

from checker.figures.quantities import Quantity, quantities_of, runs, unit_family
from checker.resources import vocab_path
from checker.yamlio import load_yaml_file

NEGATIONS = ("不予", "未", "不", "无", "非", "没有")
_LINK = r"(?:均|已|分别|共|总体)?(?:为|达|达到|达到了|是|在|保持|保持在|稳定在|提升至|提升到|提高至|提高到|上升至|上升到|升至|高达|超|了)?"
_NAME_END = re.compile(r"([\u4e00-\u9fff]{1,16}?(?:率|满意度|知晓度|认可度|覆盖面|占比|比例|比重))" + _LINK + r"\s*$")
_RATE_WORD = re.compile(r"率|占比|比例|比重")
# NOTE: the lookbehinds skip a start that follows one of the words: the run found is the
# same (a start after a word never begins the leftmost run), and a long run of the words
# costs linear time instead of quadratic.
_TAIL_LINK = re.compile(r"(?<![了为达约])(?<!幅度)(?<!达到)(?<!分别)(?:了|幅度为|幅度|为|达到|达|约为|约|分别)+$")
_SHARE = re.compile(r"占([\u4e00-\u9fff\w]{0,24}?)(?:的)?(?:比例|比重|比)?" + _LINK + r"\s*$")


class RateEntry(namedtuple("RateEntry", (
        "names numerator complement denominator combine bounded"), defaults=((), (), (), False, False))):
    # names: tuple
    # numerator: tuple = ()
    # complement: tuple = ()
    # denominator: tuple = ()
    # combine: bool = False
    # bounded: bool = False
    __slots__ = ()


class RateVocabulary:
    """Rate names and the cue words of their counts (rules/data/rates.yaml)."""

    def __init__(self, entries: tuple, bounded: tuple, totals: tuple, compare: tuple, increase: tuple,
                 decrease: tuple, qualifiers: tuple = (), explicit_totals: tuple = (), part_markers: tuple = (),
                 delta_words: tuple = ()):
        self.delta_words = delta_words
        self.explicit_totals = explicit_totals
        self.part_markers = part_markers
        self.entries = entries
        self.bounded = bounded
        self.totals = totals
        self.compare = compare
        self.increase = increase
        self.decrease = decrease
        self.qualifiers = qualifiers

    def entry_for(self, name: str) -> RateEntry | None:
        """The entry whose name ends `name`, longest first; None when a
        qualifier narrows it (按期办结率 when only 办结率 is listed)."""
        by_name = self.by_name
        for k in range(len(name)):
            entry = by_name.get(name[k:])
            if entry is not None:
                return None if self.qualified(name[:k]) else entry
        return None

    @cached_property
    def by_name(self) -> dict:
        out: dict = {}
        for entry in self.entries:
            for n in entry.names:
                out.setdefault(n, entry)    # the first entry naming it wins
        return out

    @cached_property
    def patterns(self) -> dict:
        def alt(words):
            return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or "(?!)"
        moves = self.increase + self.decrease
        return {"compare": re.compile(alt(self.compare)),
                "direction": re.compile(alt(moves)),
                "tail": re.compile(f"^.{{0,4}}?({alt(moves)})$")}

    def qualified(self, prefix: str) -> bool:
        return prefix.endswith(self.qualifiers) if self.qualifiers else False

    def is_bounded(self, name: str) -> bool:
        return name.endswith(self.bounded) if self.bounded else False


def load_vocabulary(name: str, path: str | None = None) -> dict:
    """The built-in rules/data/`name`, extended by the user's file at `path`.

    Lists are joined (the user's items first, so their rate entries win
    ties); a user file holds only what it adds.
    """
    data = dict(load_yaml_file(vocab_path(name)).data or {})
    if path:
        extra = load_yaml_file(path).data or {}
        if not isinstance(extra, dict):
            raise ValueError(f"{path}: a vocabulary file is a mapping")
        for key, value in extra.items():
            if not isinstance(value, list):
                raise ValueError(f"{path}: {key} must be a list")
            data[key] = value + list(data.get(key) or [])
    return data


@lru_cache(maxsize=8)
def rate_vocabulary(path: str | None = None) -> RateVocabulary:
    data = load_vocabulary("rates.yaml", path)
    for e in data.get("rates") or ():
        if not (isinstance(e, dict) and isinstance(e.get("names"), list) and e["names"]):
            raise ValueError(f"{path or 'rates.yaml'}: every rate entry needs a list of names")
    entries = tuple(RateEntry(
        names=tuple(e["names"]), numerator=tuple(e.get("numerator") or ()),
        complement=tuple(e.get("complement") or ()), denominator=tuple(e.get("denominator") or ()),
        combine=bool(e.get("combine")), bounded=bool(e.get("bounded"))) for e in data.get("rates") or ())
    bounded = tuple(data.get("bounded") or ()) + tuple(n for e in entries if e.bounded for n in e.names)
    return RateVocabulary(entries, bounded, tuple(data.get("totals") or ()),
                          tuple(data.get("compare_words") or ()), tuple(data.get("increase_words") or ()),
                          tuple(data.get("decrease_words") or ()), tuple(data.get("qualifiers") or ()),
                          tuple(data.get("explicit_totals") or ()), tuple(data.get("part_markers") or ()),
                          tuple(data.get("delta_words") or ()))


def has_cue(label: str, cues, aligned=None) -> str | None:
    """A cue that occurs in `label` and is not negated (不予受理 is no 受理):
    the earliest occurrence, the longest cue at that place.

    `aligned(label, start, end)`, when given (checker.document.segment), must accept
    the occurrence: 审结 inside 一审结案 cuts across two words.
    """
    if not label:
        return None
    for m in _cue_pattern(tuple(cues)).finditer(label):
        cue, i = m.group(1), m.start()
        negated = cue[0] not in "未不无非" and label.endswith(NEGATIONS, 0, i)
        if not negated and (aligned is None or aligned(label, i, i + len(cue))):
            return cue
    return None


@lru_cache(maxsize=256)
def _cue_pattern(cues: tuple) -> re.Pattern:
    # NOTE: a lookahead so that overlapping occurrences are all tried
    # (不予受理受理: the second 受理 counts).
    alternatives = "|".join(re.escape(c) for c in sorted(set(cues), key=lambda w: (-len(w), w))) or "(?!)"
    return re.compile(f"(?=({alternatives}))")


# -- claims -------------------------------------------------------------------

class RateClaim(namedtuple("RateClaim", (
        "quantity name kind start direction entry chain"), defaults=(0, None, ()))):
    # quantity: Quantity  the percentage
    # name: str  调解成功率, 占比, 同比下降 …
    # kind: str  rate | share | compare | change
    # start: int  where the name begins (absolute offset)
    # direction: int = 0  compare/change: +1 increase, -1 decrease
    # entry: RateEntry | None = None
    # chain: tuple = ()  exact counts of the chain
    __slots__ = ()

    @property
    def end(self) -> int:
        return self.quantity.end


def rate_claims(doc, vocab: RateVocabulary) -> list[RateClaim]:
    """Every named percentage of `doc`, with the counts of its chain.

    Cached on the document per vocabulary: six rules read the same claims.
    """
    cache = doc.memo("figures.rate_claims", dict, language=True)
    if id(vocab) not in cache:
        cache[id(vocab)] = (vocab, _claims(doc, vocab))
    return cache[id(vocab)][1]


def _claims(doc, vocab: RateVocabulary) -> list[RateClaim]:
    chains = _chains(doc)
    out = []
    for q in quantities_of(doc):
        if q.kind != "percent":
            continue
        claim = _claim(doc, q, vocab, chains.get(q.sentence.start, ()))
        if claim is not None:
            out.append(claim)
    return out


def by_sentence(doc) -> dict[int, list]:
    """The quantities of each sentence, keyed by the sentence's start offset (cached)."""
    return doc.memo("figures.quantities_by_sentence", lambda: _by_sentence(doc), language=True)


def _by_sentence(doc) -> dict[int, list]:
    out: dict[int, list] = {}
    for q in quantities_of(doc):
        out.setdefault(q.sentence.start, []).append(q)
    return out


def _chains(doc) -> dict:
    by_start = by_sentence(doc)
    chains, prev, stated = {}, None, {}
    wholes: dict = {}
    for s in doc.sentences:
        own = [q for q in by_start.get(s.start, ()) if q.is_count]
        wholes[s.start] = _list_wholes(doc, own, stated)
        chain = wholes[s.start] + own
        if prev is not None and prev.paragraph is s.paragraph and (not own or s.text.startswith("其中")):
            chain = wholes[prev.start] + [q for q in by_start.get(prev.start, ()) if q.is_count] + chain
        chains[s.start] = tuple(dict.fromkeys(chain))
        for q in own:
            stated[int(q.value)] = q
        prev = s
    return chains


def _list_wholes(doc, own: list, stated: dict) -> list:
    """Counts stated before a sentence that one of its lists adds up to exactly (全区共受理
    176件 … 维持71件，驳回32件，…，纠错27件): the whole the list breaks down, which a rate
    after it may be taken of. Three or more items: an equal sum is then no coincidence."""
    out = []
    for run in runs(doc.text, own):
        whole = stated.get(sum(int(q.value) for q in run)) if len(run) >= 3 else None
        if whole is not None and unit_family(whole.unit) == unit_family(run[0].unit):
            out.append(whole)
    return out


def _claim(doc, q: Quantity, vocab: RateVocabulary, chain) -> RateClaim | None:
    before = q.before
    found = list(vocab.patterns["compare"].finditer(before))
    if found:
        i, end = found[-1].span()
        direction = _tail_direction(before[end:], vocab)
        if not direction or _RATE_WORD.search(before[:i]):
            return None   # no direction, or the change of a rate (败诉率同比下降5%)
        return RateClaim(q, before[i:], "compare", _start(doc, q, before[i:]), direction, None, chain)
    m = _SHARE.search(before)
    if m and (not _NAME_END.search(before) or before.rfind("占") > before.rfind("率")):
        return RateClaim(q, m.group(0).strip(), "share", _start(doc, q, m.group(0).strip()), 0, None, chain)
    m = _NAME_END.search(before)
    if m:
        name = m.group(1)
        if name.startswith("年") and m.start(1) and before[m.start(1) - 1].isdigit():
            name = name.lstrip("年度")   # 2019年直接纠错率: the year is no part of the name
        direction = _direction(name, vocab) if name.endswith("率") else 0
        kind = "change" if direction and not vocab.entry_for(name) else "rate"
        if name.endswith(("占比", "比重")) or (name.endswith("比例") and "占" in before):
            kind = "share"      # NOTE: a bare 比例 may be a ratio above 100% (复议与诉讼案件比例)
        return RateClaim(q, name, kind, _start(doc, q, name), direction, vocab.entry_for(name), chain)
    if _LINK_ONLY.fullmatch(before.strip()):
        lead = _share_lead(doc, q)
        if lead is not None:   # 占受理案件数比例最高，达92.71%: the name is the clause before
            return RateClaim(q, lead[1], "share", lead[0], 0, None, chain)
    word = before[-6:]
    direction = _tail_direction(word, vocab)
    if direction and not _RATE_WORD.search(before):
        word = word.strip()
        return RateClaim(q, word, "change", _start(doc, q, word), direction, None, chain)
    return None


_LINK_ONLY = re.compile(r"(?:均|分别)?(?:为|达|达到|高达|约为|约|是)?")
_SHARE_LEAD = re.compile(r"占[\u4e00-\u9fff]{0,24}?(?:比例|比重|比)(?:最高|最大|最多|较高|较大|居首|第一)?$")


def _share_lead(doc, q: Quantity) -> tuple[int, str] | None:
    """(start, name) of a share named in the clause before `q`'s (占…比例最高，达92.71%)."""
    end = q.clause_start - 1
    if end <= q.sentence.start or doc.text[end] not in "，,":
        return None
    begin = max(q.sentence.start, end - 40)
    m = _SHARE_LEAD.search(doc.text, begin, end)
    if m is None or re.search(r"[，,；;：:。]", doc.text[m.start():end]):
        return None
    return m.start(), m.group(0)


def _tail_direction(tail: str, vocab: RateVocabulary) -> int:
    """+1/-1 when `tail` ends with a direction word (下降, 增长了, 上升幅度为 …)."""
    m = vocab.patterns["tail"].match(_TAIL_LINK.sub("", tail))
    if m is None:
        return 0
    return 1 if m.group(1) in vocab.increase else -1


def _direction(text: str, vocab: RateVocabulary) -> int:
    """The direction of the last direction word in `text` (0: none)."""
    found = list(vocab.patterns["direction"].finditer(text))
    if not found:
        return 0
    return 1 if found[-1].group(0) in vocab.increase else -1


def _start(doc, q: Quantity, name: str) -> int:
    i = doc.text.rfind(name, q.clause_start, q.lead)
    return i if i >= 0 else q.start
