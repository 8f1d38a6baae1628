"""Shares of a whole (占…的26%, 占比31%): which count is the part, which the whole.

The printed share is a part over a whole. Reports name the whole loosely
(占总数, 占案件总数, 占比), so the whole is inferred, and only when the text
leaves no doubt is a share called wrong:

part    the count of the share's own clause (行政处罚类112件占26%), or of the clause
        just before when the share's clause says nothing else (…112件，占案件总数的26%).
        A share whose clause names something of its own (其中予以公开或部分公开占58.5%)
        has no part in the text.
        A count with a share of its own is a part of a list: never the whole of
        another share (工商投诉举报类受理21件，占总数的35.6% is no base of the next item).
whole   every exact count of the paragraph before the part that is no part itself,
        and the sum of a list's parts when the list is complete (its last item is
        the rest, 其他类130件, or its shares add up to 100%).
list    the shares of one paragraph with parts (checker.figures.share_lists checks
        that a complete list adds up to its whole). The whole that explains most of them
        (rounded or cut off), when it explains two or more and more than half, is the
        list's whole: a share it does not explain is reported against it.
alone   a share outside such a list is judged only against a whole stated before its
        part with a total cue (共, 受理 …), or the total its 其中 breaks down
        (…一审案件434件。其中…87件，占诉讼案件的21.75%).
no part only a truncation can be shown: two or more decimals, a small whole in the
        chain, no n/whole that rounds to the share and one that is cut off to it
        (受理34件。其中…占总量的94.11%: 32/34 = 94.118%).

Any candidate whole that gives the printed share, stated anywhere in the share's
sentence or paragraph, silences it: one consistent reading is enough.
"""
from __future__ import annotations

import bisect
import re
from collections import namedtuple
from fractions import Fraction

from checker.figures.named_bases import base_absent, named_whole
from checker.figures.quantities import ASIDE, CLAUSE_BREAK, Quantity, clause_breaks, quantities_of, unit_family
from checker.figures.relations import RateVocabulary, has_cue, rate_claims
from checker.figures.rounding import Verdict, fmt, judge, percent, to_fraction

# A share's clause that names nothing before 占: its part is in the clause before.
_SUBJECTLESS = re.compile(r"(?:其中|均|分别|各|约|共|合计|并|且|则|)[\s,，]*")
# whole × the last printed unit / 100: the chance that some n/whole is cut off to a printed
# share by accident; above it a cut-off match proves nothing
MAX_NO_PART_GRAIN = Fraction(1, 20)


class Whole(namedtuple("Whole", "value shown quantity parts")):
    # value: int
    # shown: str  the count as printed, or 1113（各项之和） for the parts added up
    # quantity: Quantity | None  the stated count (None for a sum of parts)
    # parts: tuple = ()  the parts of a complete list (a sum)
    __slots__ = ()


class ShareVerdict(namedtuple("ShareVerdict", "verdict part whole numerator")):
    # verdict: Verdict  TRUNCATED or WRONG
    # part: Quantity | None
    # whole: Whole
    # numerator: int  the part's value, or the whole count that is cut off to the share
    __slots__ = ()

    def computation(self, decimals: int) -> str:
        n = self.part.number if self.part is not None else str(self.numerator)
        return f"{n}/{self.whole.shown} = {fmt(percent(self.numerator, self.whole.value), decimals)}%"


class ShareList(namedtuple("ShareList", "claims parts whole complete")):
    # claims: tuple  the share claims of a paragraph that have parts, in order
    # parts: tuple  their parts (Quantity), in order
    # whole: Whole | None  the whole that explains most of them (see module doc)
    # complete: bool  the last part is the rest (其他), or the shares add up to 100%
    __slots__ = ()


class ShareAnalysis(namedtuple("ShareAnalysis", "verdicts lists considered")):
    # verdicts: dict  claim.start -> ShareVerdict (only shares found wrong or cut off)
    # lists: tuple  ShareList per paragraph
    # considered: dict  claim.start -> the quantities a verdict was computed from
    __slots__ = ()


def share_analysis(doc, vocab: RateVocabulary) -> ShareAnalysis:
    """The shares of `doc` judged (cached per vocabulary; T101, T102 and T104 read it)."""
    cache = doc.memo("figures.shares", dict, language=True)
    if id(vocab) not in cache:
        cache[id(vocab)] = (vocab, _analyse(doc, vocab))
    return cache[id(vocab)][1]


# -- parts --------------------------------------------------------------------

def part_of(doc, claim, counts: list[Quantity]) -> Quantity | None:
    """The count a share is a share of (see module doc), or None."""
    text = doc.text
    sentence = claim.quantity.sentence
    begin = _clause_start(text, sentence.start, claim.start)
    inside = [c for c in counts if c.start >= begin and c.end <= claim.start]
    if inside:
        return inside[-1]
    if not _SUBJECTLESS.fullmatch(text[begin:claim.start].strip()):
        return None
    before = [c for c in counts if c.end <= begin and c.start >= sentence.start]
    if before and clause_breaks(text, before[-1].end, begin) == 1:
        return before[-1]
    return None


def _clause_start(text: str, floor: int, at: int) -> int:
    floor = max(floor, at - _CLAUSE_MAX)   # NOTE: bounded, so an endless sentence stays linear
    for k in range(at, floor, -1):
        if CLAUSE_BREAK.match(text, k - 1) and not _inside_aside(text, k - 1, floor):
            return k
    return floor


_CLAUSE_MAX = 120   # characters a clause reaches back from its share


def _inside_aside(text: str, i: int, floor: int) -> bool:
    for m in ASIDE.finditer(text, max(floor, i - 26), min(len(text), i + 26)):
        if m.start() <= i < m.end():
            return True
    return False


# -- the analysis ---------------------------------------------------------------

def _analyse(doc, vocab: RateVocabulary) -> ShareAnalysis:
    claims = [c for c in rate_claims(doc, vocab) if c.kind == "share" and c.quantity.value > 0]
    if not claims:
        return ShareAnalysis({}, (), {})
    by_paragraph: dict[int, list] = {}
    for q in quantities_of(doc):
        if q.is_count and q.value > 0:
            by_paragraph.setdefault(q.sentence.paragraph.span.start, []).append(q)
    starts = {k: [q.start for q in qs] for k, qs in by_paragraph.items()}
    parts = {}
    for c in claims:
        key = c.quantity.sentence.paragraph.span.start
        p = part_of(doc, c, _window(by_paragraph.get(key, []), starts.get(key, []), c.start, 0))
        if p is not None:
            parts[c.start] = p
    part_ids = {id(p) for p in parts.values()}
    verdicts, considered, lists, split = {}, {}, [], {}
    groups: dict[int, list] = {}
    for c in claims:
        groups.setdefault(c.quantity.sentence.paragraph.span.start, []).append(c)
    for key, group in groups.items():
        counts, at = by_paragraph.get(key, []), starts.get(key, [])
        # NOTE: a list is a few dozen shares at most; an endless paragraph is cut into such lists
        # and each share looks at the counts within _REACH of its part, so the work stays linear
        with_part = [c for c in group if c.start in parts]
        chunks = [with_part[k:k + _MAX_LIST] for k in range(0, len(with_part), _MAX_LIST)] or [[]]
        by_claim = {}
        for chunk in chunks:
            near = {id(q): q for c in chunk for q in _window(counts, at, parts[c.start].start, _REACH)
                    if id(q) not in part_ids}
            share_list = _share_list(chunk, parts, list(near.values()), vocab)
            if share_list.claims:
                lists.append(share_list)
            by_claim.update((c.start, share_list) for c in chunk)
        for c in group:
            p = parts.get(c.start)
            if p is None:
                found = _judge_no_part(c, part_ids, vocab, _near_chain(c, c.quantity, split))
            else:
                share_list = by_claim[c.start]
                before = _window(counts, at, p.start, 0)
                near = [q for q in before if id(q) not in part_ids] + \
                    [q for q in _window(counts, at, p.start, _REACH)[len(before):] if id(q) not in part_ids]
                named = named_whole(c.name, p, before, vocab.totals)
                if named is None and base_absent(c.name, p, before):
                    continue   # NOTE: 占全部收案的25% after 审结150件: the base it names is not stated
                found = _judge(c, p, near, share_list, part_ids, vocab, share_list.parts, split, named)
            if found is not None:
                verdict, seen = found
                considered[c.start] = seen
                if verdict is not None:
                    verdicts[c.start] = verdict
    return ShareAnalysis(verdicts, tuple(lists), considered)


_REACH = 40       # counts before (and after) a part that may be its whole or silence it
_MAX_LIST = 30    # shares judged as one list


def _window(counts: list, starts: list, at: int, after: int) -> list:
    """The counts within _REACH before offset `at`, and `after` more after it."""
    i = bisect.bisect_left(starts, at)
    return counts[max(0, i - _REACH):i + after]


def _wholes_before(part: Quantity, counts: list[Quantity]) -> list[Whole]:
    family = unit_family(part.unit)
    return [Whole(int(c.value), c.number, c, ()) for c in counts
            if c.end <= part.start and unit_family(c.unit) == family and c.value >= part.value]


def _share_list(claims: list, parts: dict, counts: list[Quantity], vocab) -> ShareList:
    if not claims:
        return ShareList((), (), None, False)
    own = [parts[c.start] for c in claims]
    complete = _complete(claims, own)
    candidates: dict[int, Whole] = {}
    for p in own:
        for w in _wholes_before(p, counts):
            candidates.setdefault(w.value, w)
    if complete:   # NOTE: after the stated counts: an equal stated total is shown rather than the sum
        total = sum(int(p.value) for p in own)
        candidates.setdefault(total, Whole(total, f"{total}（各项之和）", None, tuple(own)))
    best, explained = None, 0
    for w in candidates.values():
        k = sum(1 for c, p in zip(claims, own) if p.value <= w.value and
                judge(percent(int(p.value), w.value), c.quantity.number, c.quantity.approximate,
                      c.quantity.bound) is not Verdict.WRONG)
        if k > explained:
            best, explained = w, k
    whole = best if explained >= 2 and 2 * explained > len(claims) else None
    return ShareList(tuple(claims), tuple(own), whole, complete)


def is_rest(q: Quantity) -> bool:
    """The count names the rest of a list (其他类130件, 其中其余15件)."""
    return q.before.removeprefix("其中").lstrip("，, ").startswith(_RESIDUAL)


def _complete(claims: list, own: list) -> bool:
    """The last part is the rest (其他类130件), or the shares add up to 100% within rounding."""
    if len(own) < 2:
        return False
    if is_rest(own[-1]):
        return True
    shares = [to_fraction(c.quantity.number) for c in claims]
    # NOTE: rounding could in theory move the sum by half a unit per share; in practice a list
    # of whole percentages that is complete adds up to within one point of 100%
    slack = min(Fraction(1), sum((Fraction(1, 2 * 10 ** c.quantity.decimals) for c in claims), Fraction(0)))
    return not any(c.quantity.approximate for c in claims) and abs(sum(shares) - 100) <= slack


_RESIDUAL = ("其他", "其它", "其余", "剩余")


def _judge(claim, part: Quantity, counts: list[Quantity], share_list: ShareList, part_ids: set, vocab,
           others=(), split=None, named: Quantity | None = None):
    """(ShareVerdict | None, considered) for a share with a part."""
    q = claim.quantity
    family = unit_family(part.unit)
    # NOTE: any count may silence, a part too: 其中A区200件，占20%，…。A区中调解50件，占25% is a
    # share of a part; only the wholes that convict must be no parts
    chain = _near_chain(claim, part, split)
    silencers = [Whole(int(c.value), c.number, c, ()) for c in list(counts) + chain + list(others)
                 if c is not part and unit_family(c.unit) == family and c.value >= part.value]
    if share_list.whole is not None and share_list.whole.quantity is None:
        silencers.append(share_list.whole)
    seen = (q, part, *(w.quantity for w in silencers if w.quantity is not None))
    n = int(part.value)
    verdicts = {v: judge(percent(n, v), q.number, q.approximate, q.bound)
                for v in {w.value for w in silencers} if v > 0}
    if any(v is Verdict.OK for v in verdicts.values()):
        return None, seen
    if named is not None:   # NOTE: the base the share names (占收到申请的): checker.figures.named_bases
        w = Whole(int(named.value), named.number, named, ())
        verdict = judge(percent(n, w.value), q.number, q.approximate, q.bound)
        if verdict is not Verdict.OK and _other_part(claim, part, w, chain):
            return None, seen   # 终止13件，其中…和解4件，撤回9件，占受理总数的17.8% (13/73)
        return (None if verdict is Verdict.OK else ShareVerdict(verdict, part, w, n)), seen + (named,)
    if share_list.whole is not None and share_list.whole.value >= part.value:
        w = share_list.whole
        verdict = judge(percent(int(part.value), w.value), q.number, q.approximate, q.bound)
        return (None if verdict is Verdict.OK else ShareVerdict(verdict, part, w, int(part.value))), seen
    strong = _stated_wholes(chain, part, part_ids, vocab)
    if not strong:
        return None, seen
    truncated = [w for w in strong if verdicts.get(w.value) is Verdict.TRUNCATED]
    if truncated:
        return ShareVerdict(Verdict.TRUNCATED, part, truncated[-1], int(part.value)), seen
    target = to_fraction(q.number)
    best = min(strong, key=lambda w: (abs(percent(int(part.value), w.value) - target), -w.value))
    return ShareVerdict(Verdict.WRONG, part, best, int(part.value)), seen


def _other_part(claim, part: Quantity, whole: Whole, chain: list) -> bool:
    """Does another count of the share's sentence, before it, give the printed share over
    the named whole? (The part read from the clause before may be one item of a list
    whose total the share is about.)"""
    q = claim.quantity
    family = unit_family(part.unit)
    return any(judge(percent(int(c.value), whole.value), q.number, q.approximate, q.bound) is Verdict.OK
               for c in chain if c is not part and c.sentence is q.sentence and c.end <= claim.start
               and unit_family(c.unit) == family and 0 < c.value <= whole.value)


def _near_chain(claim, part: Quantity, split: dict) -> list:
    """The counts of the claim's chain (checker.figures.relations) within _REACH of its part:
    those of the part's sentence before and after it, and the last of the sentences before."""
    chain = claim.chain
    if len(chain) <= 2 * _REACH:
        return list(chain)
    key = (id(chain), id(part.sentence))
    if key not in split:    # NOTE: the claims of one endless sentence share its chain: split it once
        own = [c for c in chain if c.sentence is part.sentence]
        split[key] = (own, [c.start for c in own], [c for c in chain if c.sentence is not part.sentence][-_REACH:])
    own, starts, earlier = split[key]
    return earlier + _window(own, starts, part.start, _REACH)


def _stated_wholes(chain: list, part: Quantity, part_ids: set, vocab) -> list[Whole]:
    """Wholes a share alone is held to: a total-cued count before its part in the
    sentence, the count a 其中 before the part breaks down, or — in a sentence that
    opens with 其中 — the total-cued counts of the sentence before."""
    family = unit_family(part.unit)

    def fits(c):
        return id(c) not in part_ids and c is not part and unit_family(c.unit) == family and c.value >= part.value

    own = [c for c in chain if c.sentence is part.sentence and c.end <= part.start]
    earlier = [c for c in chain if c.sentence is not part.sentence]
    out = [c for c in own if fits(c) and has_cue(c.label, vocab.totals)]
    if part.before.startswith("其中") and own and fits(own[-1]):
        out.append(own[-1])
    if part.sentence.text.startswith("其中") and not own:
        out += [c for c in earlier if fits(c) and has_cue(c.label, vocab.totals)]
    unique = {id(c): c for c in out}
    return [Whole(int(c.value), c.number, c, ()) for c in unique.values()]


def _judge_no_part(claim, part_ids: set, vocab, chain: list):
    """A share whose part is not in the text: only an evident cut-off (see module doc)."""
    q = claim.quantity
    if q.decimals < 2 or q.approximate or q.bound:
        return None
    wholes = [c for c in chain if id(c) not in part_ids and c.value > 0]
    if not wholes:
        return None
    unit = Fraction(1, 10 ** q.decimals)
    found = None
    for c in wholes:
        w = int(c.value)
        n = int(to_fraction(q.number) * w / 100)
        for k in (n - 1, n, n + 1, n + 2):
            if not 0 <= k <= w:
                continue
            v = judge(percent(k, w), q.number)
            if v is Verdict.OK:
                return None, (q, c)
            if v is Verdict.TRUNCATED and w * unit / 100 <= MAX_NO_PART_GRAIN and has_cue(c.label, vocab.totals) \
                    and found is None:
                found = ShareVerdict(Verdict.TRUNCATED, None, Whole(w, c.number, c, ()), k)
    return found, (q, *wholes)
