"""Judging a rate claim against every plausible pairing of its counts.

  strong pairing   numerator and denominator both carry a cue of the rate
                   (rules/data/rates.yaml): 调解成功3050件 over 受理3125件
  weak pairing     any two counts of the same unit in the chain

Any consistent pairing, strong or weak, silences the claim. A pairing that
matches only when truncated is reported as truncation (a weak one only in
the plainest layout, where a coincidence is negligible: see _evident). A claim is
called wrong only when it has strong pairings and none of them fits; the
closest one is shown as the computation. Shares (占…的X%) are judged as parts
of a whole instead (checker.figures.shares).
"""
from __future__ import annotations

import itertools
import re
from collections import namedtuple
from fractions import Fraction

from checker.figures.quantities import Quantity, quantities_of, unit_family
from checker.figures.relations import RateClaim, RateEntry, RateVocabulary, has_cue, rate_claims
from checker.figures.rounding import Verdict, fmt, judge, percent
from checker.figures.shares import share_analysis

MAX_COMBINE = 6     # numerator counts added up at most (2**6 subsets)


class Pairing(namedtuple("Pairing", "parts denominator complement strong")):
    # parts: tuple  numerator counts (added up)
    # denominator: Quantity
    # complement: bool  rate = (d - n) / d
    # strong: bool
    __slots__ = ()

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


class Evaluation(namedtuple("Evaluation", "verdict pairing")):
    # verdict: Verdict
    # pairing: Pairing
    __slots__ = ()

    def computation(self, claim: RateClaim) -> str:
        return self.pairing.computation(claim.quantity.decimals)


_EVALUATIONS = "figures.rate_evaluations"


def evaluations(doc, vocab: RateVocabulary, aligned=None) -> list[tuple[RateClaim, Evaluation]]:
    """Every rate claim of `doc` with a verdict, cached on the document
    (T101 and T102 read the same verdicts)."""
    cache = doc.memo(_EVALUATIONS, dict, language=True)
    key = (id(vocab), aligned)
    if key not in cache:
        found, checked = [], set()
        shares = share_analysis(doc, vocab)
        for claim in rate_claims(doc, vocab):
            if claim.kind == "share":   # NOTE: judged as parts of a whole (checker.figures.shares)
                checked.update(q.start for q in shares.considered.get(claim.start, ()))
                verdict = shares.verdicts.get(claim.start)
                if verdict is not None:
                    found.append((claim, Evaluation(verdict.verdict, verdict)))
                continue
            pairings, result = _evaluate(claim, vocab, aligned)
            for p in pairings:  # every figure a verdict was computed from (for `reportlint stats`)
                checked.update(q.start for q in (claim.quantity, p.denominator, *p.parts))
            if result is not None:
                found.append((claim, result))
        cache[key] = (vocab, found, checked)
    return cache[key][1]


def figure_counts(doc) -> tuple[int | None, int | None]:
    """(figures extracted, figures checked) for one linted document; None where unknown.

    Extracted: the quantities checker.figures.quantities finds (counts, amounts,
    percentages; not years, dates or document numbers). Checked: the figures the
    rate checks recomputed (every rate tied to counts and the counts of each
    pairing considered, consistent or not), as `evaluations` kept them on the
    document while linting. None when no rate rule ran (statistics ignored).
    """
    extracted = len(quantities_of(doc))
    kept = doc.memo_peek(_EVALUATIONS)
    if not kept:
        return extracted, None
    seen: set[int] = set()
    for _vocab, _found, checked in kept.values():
        seen |= checked
    return extracted, len(seen)


def _evaluate(claim: RateClaim, vocab: RateVocabulary, aligned=None) -> tuple[list, Evaluation | None]:
    """The pairings considered, and the verdict (None when consistent or unsure)."""
    if claim.kind != "rate" or claim.quantity.value <= 0 or len(claim.chain) < 2:
        return [], None
    pairings = _pairings(claim, vocab, aligned)
    if not pairings:
        return [], None
    q = claim.quantity
    judged = [(judge(p.exact, q.number, q.approximate, q.bound), p) for p in pairings]
    if any(v is Verdict.OK for v, _ in judged):
        return pairings, None
    truncated = [p for v, p in judged if v is Verdict.TRUNCATED and (p.strong or _evident(p, claim))]
    if truncated:
        return pairings, Evaluation(Verdict.TRUNCATED, truncated[0])
    # NOTE: counts past a ；or 。 after the rate belong to the next claim (…办结率99.51%；受理
    # 5236件，办结5198件…), and a part listed after it (办结率100%，其中调解结案12件) is a
    # subset of what the rate counts: they may silence it, never convict it
    strong = [p for p in pairings if p.strong and not _past_the_clause(claim, p)
              and not _part_after(claim, p, vocab)]
    if not strong:
        return pairings, None
    target = Fraction(q.number)
    best = min(strong, key=lambda p: (abs(p.exact - target), -p.denominator.value))
    return pairings, Evaluation(Verdict.WRONG, best)


def _past_the_clause(claim: RateClaim, p: Pairing) -> bool:
    q = claim.quantity
    text, shift = q.source, q.shift
    return any(c.start > q.end and any(ch in _CLAIM_END for ch in text[q.end - shift:c.start - shift])
               for c in (p.denominator, *p.parts))


_CLAIM_END = "；;。！？!?"


def _part_after(claim: RateClaim, p: Pairing, vocab: RateVocabulary) -> bool:
    """A numerator after the rate that a part marker opens (其中…, 包括…)."""
    return any(c.start > claim.quantity.end and c.before.startswith(vocab.part_markers) for c in p.parts)


def _evident(p: Pairing, claim: RateClaim) -> bool:
    """A weak pairing is evidence of truncation only in the plainest layout:
    two or more printed decimals, the numerator the last count before the
    rate, the denominator before it (受理7123起，结案6536件，成功率91.75%)."""
    q = claim.quantity
    if q.decimals < 2 or p.complement or len(p.parts) != 1:
        return False
    before = [c for c in claim.chain if c.end <= claim.start and c.sentence is q.sentence]
    return bool(before) and p.parts[0] is before[-1] and p.denominator.end <= p.parts[0].start


def _pairings(claim: RateClaim, vocab: RateVocabulary, aligned=None) -> list[Pairing]:
    counts = [c for c in claim.chain]
    bounded = vocab.is_bounded(claim.name) or (claim.entry and claim.entry.bounded)
    strong = _strong(claim, counts, vocab, aligned)
    seen = {(tuple(id(p) for p in s.parts), id(s.denominator), s.complement) for s in strong}
    weak = []
    for n, d in itertools.permutations(counts, 2):
        if _compatible((n,), d, bounded) and ((id(n),), id(d), False) not in seen:
            weak.append(Pairing((n,), d, False, False))
    return strong + weak


def _strong(claim: RateClaim, counts, vocab: RateVocabulary, aligned=None) -> list[Pairing]:
    entry = claim.entry or _stem_entry(claim.name, vocab)
    if entry is None:
        return []
    bounded = entry.bounded or vocab.is_bounded(claim.name)
    # NOTE: an unlisted name's base must say it is the whole (共…) or name its object; so
    # must a base that only a generic word (全年…) offers to a narrowed name (合同审查率)
    totals = vocab.totals if claim.entry is not None else vocab.explicit_totals
    thing = _object_of(claim.name, entry) if claim.entry is not None else ""
    dens = [c for c in counts if has_cue(c.label, entry.denominator, aligned)
            or (has_cue(c.label, totals, aligned) and (not thing or thing in c.label))]
    # NOTE: the parts of a combined numerator may be narrower than its name (实质性化解15件 is one
    # part of a 综合化解率): for such a rate a qualified count is one more candidate, never less
    nums = [c for c in counts if (has_cue(c.label, entry.numerator, aligned) if entry.combine else
                                  _numerator_cue(c.label, entry.numerator, claim.name, vocab, aligned))][:MAX_COMBINE]
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
    narrower = tuple(q for q in vocab.qualifiers if q not in name)
    return not (narrower and label[:label.find(cue)].endswith(narrower))


def _compatible(parts, d: Quantity, bounded: bool) -> bool:
    if any(p is d for p in parts) or d.value <= 0:
        return False
    family = unit_family(d.unit)
    if any(unit_family(p.unit) != family for p in parts):
        return False
    return not bounded or sum(p.value for p in parts) <= d.value


def _object_of(name: str, entry: RateEntry) -> str:
    """What a name narrowed from its entry's counts: 合同 in 合同审查率 (审查率), less
    scope words (全县行政复议纠错率 narrows nothing)."""
    base = max((n for n in entry.names if name.endswith(n)), key=len, default=name)
    return _SCOPE_WORDS.sub("", name[:len(name) - len(base)]) if len(name) > len(base) else ""


_SCOPE_WORDS = re.compile(r"^(?:全年|全县|全市|全区|全镇|全乡|全省|我县|我市|我区|我镇|本年度|年度|全|的)+|的$")


def _stem_entry(name: str, vocab: RateVocabulary) -> RateEntry | None:
    """For a rate name outside the vocabulary: 网办率 -> numerator cue 网办."""
    stem = name[:-1] if name.endswith("率") else ""
    if len(stem) < 2 or any(name.endswith(n) for e in vocab.entries for n in e.names):
        return None   # a listed name narrowed by a qualifier: no cue is safe
    cues = tuple(stem[-k:] for k in range(min(4, len(stem)), 1, -1))
    thing = stem[:-2] if len(stem) >= 4 else ""   # 合同 of 合同审查率
    return RateEntry(names=(name,), numerator=cues,
                     denominator=("受理", "收到", "办理", "应") + ((thing,) if thing else ()))
