"""Carried-over balances: what came in and what went out must be the same cases.

A report that states, in one paragraph, this year's new requests or cases, those
carried in from last year, those closed and those carried on to next year states
an identity (政府信息公开年度报告 表三: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度
继续办理; the same for 行政复议 and 诉讼 cases):

    新收到依申请公开政府信息78件，结转上年度办理3件。其中，答复…75件，…结转下年度继续办理3件。
    -> 78 + 3 = 81, but 75 + 3 = 78

Counts are sorted by the cue words of rules/data/totals.yaml (`flow`): carried
out (结转下年度, 正在办理, 未审结, 中止审理; several such counts may be summed), carried in (上年结转), closed (答复, 办结, 审结,
not negated) and new (新收, 收到, 受理, 合计). All four must be stated, as exact
counts of one unit family, within a few sentences. The balance is reported only
when no reading holds: new + in = closed + out, or — when the "new" count is a total,
not 新收 — it already holds the carried-in ones (共受理121件（其中新收112件，上年结转9件）). Closed cases are often listed by outcome only in part (撤回 is
not 答复), so the finding says the balance seems off, not that a figure is wrong.
"""
from __future__ import annotations

import itertools
from collections import namedtuple
from functools import lru_cache

from checker.figures.quantities import Quantity, unit_family
from checker.figures.relations import by_sentence, has_cue, load_vocabulary

ROLES = ("out", "in", "closed", "new")
_WINDOW = 3          # sentences of one paragraph a balance may span
_MAX_EACH = 3        # candidates per role


class FlowMismatch(namedtuple("FlowMismatch", "new carried_in closed carried_out")):
    # new, carried_in, closed, carried_out: Quantity
    __slots__ = ()

    @property
    def start(self) -> int:
        return min(q.lead for q in self)

    @property
    def end(self) -> int:
        return max(q.end for q in self)

    @property
    def computation(self) -> str:
        b = int(self.closed.value) + int(self.carried_out.value)
        out = f"{self.closed.number}+{self.carried_out.number} = {b}"
        if self.carried_in.before.startswith(("含", "其中", "包括")):   # 共受理52件（含上年结转2件）
            return f"{self.new.number} ≠ {out}"
        a = int(self.new.value) + int(self.carried_in.value)
        return f"{self.new.number}+{self.carried_in.number} = {a} ≠ {out}"


@lru_cache(maxsize=8)
def flow_cues(path: str | None = None) -> dict:
    data = load_vocabulary("totals.yaml", path).get("flow") or {}
    return {role: tuple(data.get(key) or ()) for role, key in
            (("out", "carried_out"), ("in", "carried_in"), ("closed", "closed"), ("new", "new"))}


def role_of(q: Quantity, cues: dict) -> str | None:
    """The first role whose cues the count's words carry (carried out before carried
    in: 本年度结转下年度 holds 年度结转)."""
    for role in ROLES:
        if has_cue(q.label, cues[role]):
            return role
    return None


def flow_mismatches(doc, cues: dict) -> list[FlowMismatch]:
    by_start = by_sentence(doc)
    # NOTE: each count's role once (not once per window it falls in); a report that states
    # no count of one of the four roles has no balance to check
    roles = {id(q): r for qs in by_start.values() for q in qs if q.is_count
             for r in (role_of(q, cues),) if r is not None}
    if len(set(roles.values())) < len(ROLES):
        return []
    out, reported = [], set()
    paragraph, window = None, []
    for s in doc.sentences:
        if s.paragraph is not paragraph:
            paragraph, window = s.paragraph, []
        window = (window + [s])[-_WINDOW:]
        counts = [q for w in window for q in by_start.get(w.start, ()) if id(q) in roles]
        found = _balance(counts, roles)
        if found is not None and not reported & {id(q) for q in found}:
            reported.update(id(q) for q in found)
            out.append(found)
    return out


def _balance(counts: list[Quantity], roles: dict) -> FlowMismatch | None:
    for family in dict.fromkeys(unit_family(q.unit) for q in counts):
        found = _balance_of([q for q in counts if unit_family(q.unit) == family], roles)
        if found is not None:
            return found
    return None


def _values(counts: list[Quantity]) -> list[int]:
    """Each count's value, and their sum when there are several."""
    values = [int(q.value) for q in counts]
    return values + [sum(values)] if len(values) > 1 else values


def _balance_of(counts: list[Quantity], roles_of: dict) -> FlowMismatch | None:
    roles: dict[str, list] = {r: [] for r in ROLES}
    for q in counts:
        role = roles_of[id(q)]
        if len(roles[role]) < _MAX_EACH:
            roles[role].append(q)
    if not all(roles.values()):
        return None
    # NOTE: cases still open may be told in parts (另有12件正在办理，8件中止审理): their sum is
    # the carry-over too, and likewise closed cases told by outcome
    closed = _values(roles["closed"])
    carried_out = _values(roles["out"])
    for new, i in itertools.product(roles["new"], roles["in"]):
        n, i = int(new.value), int(i.value)
        for c, o in itertools.product(closed, carried_out):
            # NOTE: a total (共受理121件) may hold the carried-in cases; a count of new ones (新收) may not
            if n + i == c + o or (n == c + o and "新" not in new.label):
                return None
    return FlowMismatch(roles["new"][0], roles["in"][0], roles["closed"][0], roles["out"][0])
