"""Totals and their parts: 共收应诉案件137件，一审结案108件，未结29件.

Parts are the counts of consecutive clauses (joined by ， or 、, one count
each, same unit family) that follow either

* a part marker (其中, 审理结果为 … from rules/data/totals.yaml), or
* the first member of a partition whose members, all listed, cover the
  whole (简易程序 + 一般程序, 受理 + 不予受理, 结案 + 未结).

The candidate totals are the earlier counts of the same unit in the
sentence (and in the sentence before, when this one begins with 其中).
Parts are consistent when the sum of their first k (k >= 2) equals any
candidate: a list may trail into counts that are not parts, and may
belong to any earlier total (审结 rather than 收到). Two cases are reported:

* a complete partition whose sum differs from the total just before it;
* parts whose list ends in the rest (其他纠纷20件, 其余15件), so it is complete,
  that add up to something else than the total just before them;
* marked parts whose first two already exceed every candidate total, or all of
  them when they are named alike (县政府文件…，县政府办公室文件…，部门文件…).

Parts that add up to less than the total are otherwise left alone: 其中
often lists only some of the cases. Sentences that mention carried-over
cases (结转, 上年) are skipped: their parts may add up to more.
"""
from __future__ import annotations

import itertools
from collections import namedtuple
from functools import cached_property, lru_cache

from checker.figures.quantities import CLAUSE_BREAK, Quantity, linked, runs, unit_family
from checker.figures.relations import by_sentence, has_cue, load_vocabulary


class TotalsVocabulary:
    """Part markers, partitions and exclusive outcomes (rules/data/totals.yaml)."""

    def __init__(self, markers: tuple, partitions: tuple, skip_words: tuple, disjoint: tuple = (),
                 overlap_words: tuple = (), residual_words: tuple = (), total_words: tuple = ()):
        self.total_words = total_words
        self.markers = markers
        self.partitions = partitions
        self.skip_words = skip_words
        self.disjoint = disjoint
        self.overlap_words = overlap_words
        self.residual_words = residual_words

    @cached_property
    def members(self) -> tuple:
        """Every member of every partition and set of exclusive outcomes."""
        return tuple(sorted({m for f in self.partitions + self.disjoint for m in f}))


@lru_cache(maxsize=8)
def totals_vocabulary(path: str | None = None) -> TotalsVocabulary:
    data = load_vocabulary("totals.yaml", path)
    return TotalsVocabulary(tuple(data.get("part_markers") or ()),
                            tuple(tuple(p) for p in data.get("partitions") or ()),
                            tuple(data.get("skip_words") or ()),
                            tuple(tuple(p) for p in data.get("disjoint") or ()),
                            tuple(data.get("overlap_words") or ()),
                            tuple(data.get("residual_words") or ()),
                            tuple(data.get("total_words") or ()))


class PartsMismatch(namedtuple("PartsMismatch", "total parts kind")):
    # total: Quantity
    # parts: tuple
    # kind: str  partition | exceeds | residual
    __slots__ = ()

    @property
    def sum(self) -> int:
        return sum(int(p.value) for p in self.parts)

    @property
    def computation(self) -> str:
        sign = ">" if self.sum > self.total.value else "≠"
        return f"{'+'.join(p.number for p in self.parts)} = {self.sum} {sign} {self.total.number}"

    @property
    def start(self) -> int:
        return min(self.total.lead, self.parts[0].lead)

    @property
    def end(self) -> int:
        return self.parts[-1].end


def parts_mismatches(doc, vocab: TotalsVocabulary) -> list[PartsMismatch]:
    out, prev = [], None
    by_start = by_sentence(doc)
    for s in doc.sentences:
        qs = by_start.get(s.start)
        if qs:
            earlier = []
            if prev is not None and prev.paragraph is s.paragraph and s.text.startswith("其中"):
                earlier = by_start.get(prev.start, [])
            text = s.text + (prev.text if earlier else "")
            if not any(w in text for w in vocab.skip_words):
                out.extend(_sentence(doc, qs, earlier, vocab))
        prev = s
    return out


def _sentence(doc, qs: list[Quantity], earlier: list[Quantity], vocab: TotalsVocabulary):
    used: set[int] = set()
    rest = any(w in q.before for q in qs for w in vocab.residual_words)
    for i, q in enumerate(qs):
        if id(q) in used or not q.is_count:
            continue
        marked = q.before.startswith(vocab.markers)
        run = None
        if not (marked or has_cue(q.label, vocab.members)):
            # NOTE: …86件，民事案件52件，其余30件: a list that ends in the rest needs no marker
            run = _run(doc, qs, i, vocab.markers) if rest else None
            if not (run and _up_to_residual(run, vocab.residual_words)):
                continue
        run = run or _run(doc, qs, i, vocab.markers)
        # NOTE: the totals a list may belong to stand within a few dozen counts before it; a
        # wider look would make one endless sentence (a 10 MB line) quadratic
        before = qs[max(0, i - _REACH):i]
        if len(before) < _REACH:
            before = earlier[len(before) - _REACH:] + before
        family = unit_family(q.unit)
        same = [c for c in before if c.kind == "count" and unit_family(c.unit) == family]
        if same and not same[-1].is_count:
            continue   # the nearest total is approximate (共1500余人，其中…): it may be the one
        candidates = [c for c in same if c.is_count]
        if len(run) >= 2 and not candidates and not marked and not has_cue(q.label, vocab.total_words):
            # NOTE: 行政不作为类案件30件，信息公开类案件27件…，其他类案件10件 with no total in
            # reach: the first item is one of the list, not the total of the items after it
            used.update(id(p) for p in run)
            continue
        if len(run) < 2 or not candidates:
            continue
        marked = marked or _all_in_family(run[:2], vocab.disjoint)
        # NOTE: a list of siblings before the parts (撤销48件，责令履职10件，确认违法150件。其中…)
        # may be what they break down: its sum is one more total they may add up to
        sums = _chain_sums(doc, [c for c in same if c.end <= q.lead])
        found = _judge(run, candidates, marked, vocab, sums)
        used.update(id(p) for p in run)
        if found is not None:
            yield found


_REACH = 40   # counts before a list that may be its total


def _all_in_family(parts, families) -> bool:
    """The parts name different members of one set of exclusive outcomes."""
    return any(_members(parts, f) is not None for f in families)


def _run(doc, qs: list[Quantity], i: int, markers: tuple = ()) -> list[Quantity]:
    """qs[i] and the counts of the clauses that follow it, one per clause, up to a
    count that a part marker opens (共120件，其中…: the parts are a list of their own)."""
    run = [qs[i]]
    for nxt in qs[i + 1:]:
        if not _linked(doc, run[-1], nxt) or (markers and nxt.before.startswith(markers)):
            break
        run.append(nxt)
    return run


def _linked(doc, prev: Quantity, nxt: Quantity) -> bool:
    return linked(doc.text, prev, nxt)


def _chain_sums(doc, counts: list[Quantity]) -> set:
    """Sums of the lists (two or more linked counts) among `counts`."""
    return {sum(int(x.value) for x in run) for run in runs(doc.text, counts)}


def _judge(run, candidates, marked: bool, vocab: TotalsVocabulary, extra: set = frozenset()) -> PartsMismatch | None:
    values = {int(c.value) for c in candidates} | set(extra)
    sums = list(itertools.accumulate(int(p.value) for p in run))[1:]   # the first k >= 2 parts
    if any(s in values for s in sums):
        return None
    nearest = candidates[-1]
    for family in vocab.partitions:
        k = len(family)
        head = run[:k]
        if len(head) == k and _covers(head, family):
            if not marked and not _adjacent(nearest, head[0]):
                return None
            return PartsMismatch(nearest, tuple(head), "partition")
    if any(w in p.label for p in run[1:] for w in vocab.overlap_words) or \
            any(w in run[0].label.removeprefix("其中") for w in vocab.overlap_words):
        return None   # parts that may overlap can exceed the total
    if marked and sums[0] > max(values):
        return PartsMismatch(nearest, tuple(run), "exceeds")
    if marked and len(run) >= 3 and _parallel(run) and sums[-1] > max(values):
        return PartsMismatch(nearest, tuple(run), "exceeds")   # 县政府文件21件，…文件18件，部门文件10件
    complete = _up_to_residual(run, vocab.residual_words)
    if complete and (marked or _adjacent(nearest, run[0])) and _rest_of(complete[-1], nearest, vocab.residual_words):
        return PartsMismatch(nearest, complete, "residual")   # …，其他纠纷20件: nothing is left out
    if _all_in_family(run, vocab.disjoint) and sums[-1] > max(values):
        return PartsMismatch(nearest, tuple(run), "exceeds")   # exclusive outcomes, all of them
    return None


def _parallel(run) -> bool:
    """Parts named alike (县政府文件, 县政府办公室文件, 部门文件): one list, every item a part,
    unlike a trailing count of something else (…撤销18件，办结45件)."""
    return len({p.before[-2:] for p in run}) == 1 and all(len(p.before) >= 3 for p in run)


def _up_to_residual(run, words) -> tuple:
    """The parts up to one that names the rest (其他纠纷20件, 其余15件), or ()."""
    for k, p in enumerate(run[1:], 2):
        if p.before.startswith(words):
            return tuple(run[:k])
    return ()


def _rest_of(part: Quantity, total: Quantity, words) -> bool:
    """其余30件, or a rest that names what the total counts (其他纠纷 of 矛盾纠纷): 其他法律
    服务工作者 after 律师120人 is another kind of thing, not the rest of the lawyers."""
    word = next(w for w in words if part.before.startswith(w))
    noun = part.before[len(word):].lstrip("的")
    if not noun:
        return True
    label = total.label
    return any(noun[k:k + 2] in label for k in range(len(noun) - 1))


def _covers(parts, family) -> bool:
    """Each member of the partition names exactly one of the parts."""
    seen = _members(parts, family)
    return seen is not None and len(seen) == len(family)


def _members(parts, family) -> list | None:
    """The distinct member each part names (longest first), or None."""
    members = sorted(family, key=lambda w: (-len(w), w))
    seen = []
    for p in parts:
        hit = next((m for m in members if has_cue(p.label, (m,)) == m), None)
        if hit is None or hit in seen:
            return None
        seen.append(hit)
    return seen


def _adjacent(total: Quantity, first: Quantity) -> bool:
    """The total sits in the clause right before the first part."""
    return total.sentence is first.sentence and total.clause_end + 1 >= first.clause_start
