"""Relations between quantities: which counts a printed rate is computed from.

A *rate claim* is a percentage with a name in front of it (调解成功率91.75%,
占…总办件量的18.31%, 同比下降42.68%, 缩减率61%). Its *chain* is the sentence
it stands in (plus the sentence before when its own has no counts or begins
with 其中): the clauses that talk about the same thing.

Names are linked to counts by cue words from rules/data/rates.yaml, not by
parsing: 纠错率 <- a count whose clause says 撤销/变更/纠错 over a count whose
clause says 审结/收到/受理. Every plausible pairing is computed exactly and
judged (checker.rounding); `evaluate_rate` reports a finding only when no
pairing is consistent:

  strong pairing   numerator and denominator both carry a cue of the rate
  weak pairing     any two counts of the same unit in the chain

Any consistent pairing, strong or weak, silences the claim. A pairing that
matches only when truncated is reported as truncation (weak ones only at two
or more printed decimals, where a coincidence is negligible). A claim is
called wrong only when it has strong pairings and none of them fits.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from .quantities import Quantity, unit_family
from .resources import vocab_path
from .rounding import Verdict, fmt, judge, percent
from .yamlio import load_yaml_file

NEGATIONS = ("不予", "未", "不", "无", "非", "没有")
_LINK = r"(?:均|已|分别|共|总体)?(?:为|达|达到|达到了|是|在|保持|保持在|稳定在|提升至|提升到|提高至|提高到|上升至|上升到|升至|高达|超|了)?"
_NAME_END = re.compile(r"([\u4e00-\u9fff]{1,16}?(?:率|满意度|知晓度|认可度|覆盖面|占比|比例|比重))" + _LINK + r"\s*$")
_SHARE = re.compile(r"占([\u4e00-\u9fff\w]{0,24}?)(?:的)?(?:比例|比重|比)?" + _LINK + r"\s*$")
MAX_COMBINE = 6


@dataclass(frozen=True)
class RateEntry:
    names: tuple
    numerator: tuple = ()
    complement: tuple = ()
    denominator: tuple = ()
    combine: bool = False
    bounded: bool = False


@dataclass(frozen=True)
class RateVocabulary:
    entries: tuple
    bounded: tuple
    totals: tuple
    compare: tuple
    increase: tuple
    decrease: tuple
    qualifiers: tuple = ()

    def entry_for(self, name: str) -> RateEntry | None:
        """The entry whose name ends `name`; None when a qualifier narrows it
        (按期办结率 when only 办结率 is listed)."""
        best, best_len = None, 0
        for entry in self.entries:
            for n in entry.names:
                if name.endswith(n) and len(n) > best_len:
                    best, best_len = entry, len(n)
        if best is not None and self.qualified(name[:-best_len]):
            return None
        return best

    def qualified(self, prefix: str) -> bool:
        return any(prefix.endswith(q) for q in self.qualifiers)

    def is_bounded(self, name: str) -> bool:
        return any(name.endswith(b) for b in self.bounded)


@lru_cache(maxsize=8)
def rate_vocabulary(path: str | None = None) -> RateVocabulary:
    data = load_yaml_file(Path(path) if path else vocab_path("rates.yaml")).data or {}
    entries = tuple(RateEntry(
        names=tuple(e["names"]), numerator=tuple(e.get("numerator") or ()),
        complement=tuple(e.get("complement") or ()), denominator=tuple(e.get("denominator") or ()),
        combine=bool(e.get("combine")), bounded=bool(e.get("bounded"))) for e in data.get("rates") or ())
    bounded = tuple(data.get("bounded") or ()) + tuple(n for e in entries if e.bounded for n in e.names)
    return RateVocabulary(entries, bounded, tuple(data.get("totals") or ()),
                          tuple(data.get("compare_words") or ()), tuple(data.get("increase_words") or ()),
                          tuple(data.get("decrease_words") or ()), tuple(data.get("qualifiers") or ()))


def has_cue(label: str, cues, aligned=None) -> str | None:
    """The first cue that occurs in `label` and is not negated (不予受理 is no 受理).

    `aligned(label, start, end)`, when given (checker.segment), must accept
    the occurrence: 审结 inside 一审结案 cuts across two words.
    """
    for cue in cues:
        i = label.find(cue)
        while i >= 0:
            negated = any(label.endswith(neg, 0, i) for neg in NEGATIONS) and cue[0] not in "未不无非"
            if not negated and (aligned is None or aligned(label, i, i + len(cue))):
                return cue
            i = label.find(cue, i + 1)
    return None


# -- claims -------------------------------------------------------------------

@dataclass(frozen=True)
class RateClaim:
    quantity: Quantity          # the percentage
    name: str                   # 调解成功率, 占比, 同比下降 …
    kind: str                   # rate | share | compare | change
    start: int                  # where the name begins (absolute offset)
    direction: int = 0          # compare/change: +1 increase, -1 decrease
    entry: RateEntry | None = None
    chain: tuple = field(default=(), repr=False)   # exact counts of the chain

    @property
    def end(self) -> int:
        return self.quantity.end


def rate_claims(doc, vocab: RateVocabulary) -> list[RateClaim]:
    """Every named percentage of `doc`, with the counts of its chain.

    Cached on the document per vocabulary: six rules read the same claims.
    """
    # NOTE: the Document is frozen; like functools.cached_property we keep the
    # cache in its instance __dict__, which frozen dataclasses leave writable.
    cache = doc.__dict__.setdefault("_rate_claims", {})
    if id(vocab) not in cache:
        cache[id(vocab)] = (vocab, _claims(doc, vocab))
    return cache[id(vocab)][1]


def _claims(doc, vocab: RateVocabulary) -> list[RateClaim]:
    chains = _chains(doc)
    out = []
    for q in doc.quantities:
        if q.kind != "percent":
            continue
        claim = _claim(doc, q, vocab, chains.get(q.sentence.span.start, ()))
        if claim is not None:
            out.append(claim)
    return out


def _chains(doc) -> dict:
    by_sentence: dict[int, list] = {}
    for q in doc.quantities:
        by_sentence.setdefault(q.sentence.span.start, []).append(q)
    chains, prev = {}, None
    for s in doc.sentences:
        own = [q for q in by_sentence.get(s.span.start, ()) if q.is_count]
        chain = own
        if prev is not None and prev.paragraph is s.paragraph and (not own or s.text.startswith("其中")):
            chain = [q for q in by_sentence.get(prev.span.start, ()) if q.is_count] + own
        chains[s.span.start] = tuple(chain)
        prev = s
    return chains


def _claim(doc, q: Quantity, vocab: RateVocabulary, chain) -> RateClaim | None:
    before = q.before
    for word in vocab.compare:
        i = before.rfind(word)
        if i >= 0:
            direction = _direction(before[i:], vocab)
            if direction:
                return RateClaim(q, before[i:], "compare", _start(doc, q, before[i:]), direction, None, chain)
    m = _SHARE.search(before)
    if m and (not _NAME_END.search(before) or before.rfind("占") > before.rfind("率")):
        return RateClaim(q, m.group(0).strip(), "share", _start(doc, q, m.group(0).strip()), 0, None, chain)
    m = _NAME_END.search(before)
    if m:
        name = m.group(1)
        direction = _direction(name, vocab) if name.endswith("率") else 0
        kind = "change" if direction and not vocab.entry_for(name) else "rate"
        if name.endswith(("占比", "比例", "比重")):
            kind = "share"
        return RateClaim(q, name, kind, _start(doc, q, name), direction, vocab.entry_for(name), chain)
    direction = _direction(before[-4:], vocab)
    if direction:
        word = before[-4:].strip()
        return RateClaim(q, word, "change", _start(doc, q, word), direction, None, chain)
    return None


def _direction(text: str, vocab: RateVocabulary) -> int:
    inc = max((text.rfind(w) for w in vocab.increase), default=-1)
    dec = max((text.rfind(w) for w in vocab.decrease), default=-1)
    if inc < 0 and dec < 0:
        return 0
    return 1 if inc > dec else -1


def _start(doc, q: Quantity, name: str) -> int:
    i = doc.text.rfind(name, q.clause_start, q.lead)
    return i if i >= 0 else q.start


# -- judging a rate against its counts ----------------------------------------

@dataclass(frozen=True)
class Pairing:
    parts: tuple                # numerator counts (added up)
    denominator: Quantity
    complement: bool            # rate = (d - n) / d
    strong: bool

    @property
    def exact(self) -> Fraction:
        n = sum(int(p.value) for p in self.parts)
        d = int(self.denominator.value)
        return percent(d - n if self.complement else n, d)

    def computation(self, decimals: int) -> str:
        n = "+".join(p.number for p in self.parts)
        if len(self.parts) > 1:
            n = f"({n})"
        d = self.denominator.number
        top = f"({d}-{n})" if self.complement else n
        return f"{top}/{d} = {fmt(self.exact, decimals)}%"


@dataclass(frozen=True)
class Evaluation:
    verdict: Verdict
    pairing: Pairing

    def computation(self, claim: RateClaim) -> str:
        return self.pairing.computation(claim.quantity.decimals)


def evaluate_rate(claim: RateClaim, vocab: RateVocabulary, aligned=None) -> Evaluation | None:
    """The verdict on a rate or share claim, or None when nothing can be said.

    `aligned`: an optional word-boundary test for cues (checker.segment).
    """
    if claim.kind not in ("rate", "share") or claim.quantity.value <= 0 or len(claim.chain) < 2:
        return None
    pairings = _pairings(claim, vocab, aligned)
    if not pairings:
        return None
    q = claim.quantity
    judged = [(judge(p.exact, q.number, q.approximate, q.bound), p) for p in pairings]
    if any(v is Verdict.OK for v, _ in judged):
        return None
    truncated = [p for v, p in judged if v is Verdict.TRUNCATED and (p.strong or q.decimals >= 2)]
    if truncated:
        return Evaluation(Verdict.TRUNCATED, truncated[0])
    strong = [p for p in pairings if p.strong]
    if not strong:
        return None
    target = Fraction(q.number)
    best = min(strong, key=lambda p: (abs(p.exact - target), -p.denominator.value))
    return Evaluation(Verdict.WRONG, best)


def _pairings(claim: RateClaim, vocab: RateVocabulary, aligned=None) -> list[Pairing]:
    counts = [c for c in claim.chain]
    bounded = claim.kind == "share" or vocab.is_bounded(claim.name) or (claim.entry and claim.entry.bounded)
    strong = _strong(claim, counts, vocab, aligned)
    seen = {(tuple(id(p) for p in s.parts), id(s.denominator), s.complement) for s in strong}
    weak = []
    for n, d in itertools.permutations(counts, 2):
        if _compatible((n,), d, bounded) and ((id(n),), id(d), False) not in seen:
            weak.append(Pairing((n,), d, False, False))
    return strong + weak


def _strong(claim: RateClaim, counts, vocab: RateVocabulary, aligned=None) -> list[Pairing]:
    if claim.kind == "share":
        return _share_pairings(claim, counts, vocab)
    entry = claim.entry or _stem_entry(claim.name, vocab)
    if entry is None:
        return []
    bounded = entry.bounded or vocab.is_bounded(claim.name)
    dens = [c for c in counts if has_cue(c.label, entry.denominator + vocab.totals, aligned)]
    nums = [c for c in counts if _numerator_cue(c.label, entry.numerator, claim.name, vocab, aligned)][:MAX_COMBINE]
    comps = [c for c in counts if has_cue(c.label, entry.complement, aligned)]
    groups = [(n,) for n in nums]
    if entry.combine and len(nums) > 1:
        groups += [g for k in range(2, len(nums) + 1) for g in itertools.combinations(nums, k)]
    out = []
    for d in dens:
        out += [Pairing(g, d, False, True) for g in groups if _compatible(g, d, bounded)]
        out += [Pairing((k,), d, True, True) for k in comps if _compatible((k,), d, True)]
    return out


def _numerator_cue(label: str, cues, name: str, vocab: RateVocabulary, aligned=None) -> bool:
    """A cue in the label, not narrowed by a qualifier the rate name lacks
    (按期办结1180件 is no numerator of 办结率, but is one of 按期办结率)."""
    cue = has_cue(label, cues, aligned)
    if cue is None:
        return False
    head = label[:label.find(cue)]
    return not any(head.endswith(q) and q not in name for q in vocab.qualifiers)


def _share_pairings(claim: RateClaim, counts, vocab: RateVocabulary) -> list[Pairing]:
    """占…的X%: the count just before 占 over a stated total before it."""
    before = [c for c in counts if c.end <= claim.start and c.sentence is claim.quantity.sentence]
    if not before:
        return []
    n = before[-1]
    whole = before[-2] if len(before) > 1 and n.before.startswith("其中") else None
    return [Pairing((n,), d, False, True) for d in before[:-1]
            if (d is whole or has_cue(d.label, vocab.totals)) and _compatible((n,), d, True)]


def _compatible(parts, d: Quantity, bounded: bool) -> bool:
    if any(p is d for p in parts) or d.value <= 0:
        return False
    family = unit_family(d.unit)
    if any(unit_family(p.unit) != family for p in parts):
        return False
    return not bounded or sum(p.value for p in parts) <= d.value


def _stem_entry(name: str, vocab: RateVocabulary) -> RateEntry | None:
    """For a rate name outside the vocabulary: 网办率 -> numerator cue 网办."""
    stem = name[:-1] if name.endswith("率") else ""
    if len(stem) < 2 or any(name.endswith(n) for e in vocab.entries for n in e.names):
        return None   # a listed name narrowed by a qualifier: no cue is safe
    cues = tuple(stem[-k:] for k in range(min(4, len(stem)), 1, -1))
    return RateEntry(names=(name,), numerator=cues, denominator=("受理", "收到", "办理", "应"))
