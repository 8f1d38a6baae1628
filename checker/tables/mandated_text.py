"""What the text says of a mandated table's figures, judged against the table.

The claims are data (rules/data/zwgk-tables.yaml `text:`): a count of the text is a
claim when the words of its clause before it end like the claim's cue (全年新收政府信息
公开申请|52件, 其中予以公开|22件). The claim holds when the count is one of the claim's
values, each a sum of table cells; a cell the identities show to be wrong may also be
what it should have been (the text that agrees with the corrected cell is not a second
defect). A claim whose cells were not read says nothing; so does a count about another
year, an approximate one (约, 余) or one in a clause that says something else (`not`).

Shares (`shares:`): a percentage whose clause says 占 (占办结总数的43.14%), right after a
count the text claims (予以公开22件), is that count over one of the wholes, rounded to
the printed places; a share no whole explains is wrong. A sentence that states the whole
itself (办结51件，其中予以公开22件，占…) is left to the statistics rules (T101).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from checker.figures.quantities import quantities_of
from checker.figures.rounding import Verdict, judge
from checker.tables.identities import breaks
from checker.tables.mandated import grids, specs

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class Claim:
    quantity: object        # the text's count (figures.quantities.Quantity)
    claim: dict             # the spec entry
    values: tuple           # the figures it may be (Fractions)
    holds: bool


@dataclass(frozen=True)
class Share:
    quantity: object        # the percentage
    count: Claim            # the count it is a share of
    wholes: tuple           # the wholes tried (Fractions)
    verdict: str            # ok | wrong


@lru_cache(maxsize=4)
def _compiled(name: str) -> tuple:
    data = specs(name)
    out = []
    for c in data.get("text") or ():
        out.append(dict(c, _cue=re.compile(c["cue"]), _not=re.compile(c["not"]) if c.get("not") else None,
                        _sentence=re.compile(c["sentence"]) if c.get("sentence") else None,
                        _sentence_not=re.compile(c["sentence_not"]) if c.get("sentence_not") else None))
    return tuple(out)


def claims(doc, kind: str, year: int | None) -> list[Claim]:
    return doc.memo(f"tables.mandated_text.{kind}.{year}", lambda: _claims(doc, kind, year), language=True)


def _claims(doc, kind: str, year: int | None) -> list[Claim]:
    from checker.document.profiles import profile
    p = profile(kind)
    found = grids(doc, kind)
    if p is None or not p.tables or not found:
        return []
    accepted = _accepted(found)
    out = []
    for q in quantities_of(doc):
        if not q.is_count or q.bound is not None:
            continue
        before = q.before.rstrip(" \u3000")
        for c in _compiled(p.tables):
            if not c["_cue"].search(before) or (c["_not"] and c["_not"].search(before)):
                continue
            sentence = q.sentence.text if q.sentence is not None else ""
            if (c["_sentence"] and not c["_sentence"].search(sentence)) or \
                    (c["_sentence_not"] and c["_sentence_not"].search(sentence)) or _other_year(sentence, year):
                continue
            values = _values(found, accepted, c["values"])
            if values is None:
                break
            out.append(Claim(q, c, values, Fraction(q.value) in values))
            break
    return out


def _other_year(sentence: str, year: int | None) -> bool:
    years = {int(y) for y in _YEAR.findall(sentence)}
    return bool(years) and (year is None or any(y != year for y in years))


def _accepted(found: dict) -> dict:
    """{(table, row, column): {values}}: each read cell's figure, and what a broken
    identity says it should be (the corrected value of a wrong cell; for a total no
    single cell explains, the sum of its parts)."""
    out: dict = {}
    for tid, grid in found.items():
        for (r, c), cell in grid.cells.items():
            out[(tid, r, c)] = {Fraction(cell.value)}
        for b in breaks(grid):
            key = (tid, b.cell.row, b.cell.column)
            if b.expected is not None:
                out[key].add(b.expected)
            else:
                ident = b.identities[0]
                out[key].add(ident.total(ident.right))
    return out


def _values(found: dict, accepted: dict, exprs: list) -> tuple | None:
    """Every figure the sums of `exprs` may be, or None when a cell was not read."""
    out: set = set()
    for expr in exprs:
        sums = {Fraction(0)}
        for ref in expr:
            options = _cell_options(found, accepted, ref)
            if options is None:
                return None
            sums = {s + o for s in sums for o in options}
        out |= sums
    return tuple(sorted(out))


def _cell_options(found: dict, accepted: dict, ref: str):
    tid, row, col = ref.split(".")
    grid = found.get(tid)
    if grid is None:
        return None
    if (tid, row, col) in accepted:
        return accepted[(tid, row, col)]
    rows = grid.spec.get("rows") or {}
    members = [r for r in rows if rows[r].get("group") == row]
    present = [r for r in members if r in grid.rows]
    if members and present and len(present) == len(members) and not any(r in grid.unread for r in members):
        total = Fraction(0)
        for r in present:
            total += Fraction(grid.cells[(r, col)].value)
        return {total}
    if row in grid.rows and (tid, row, col) in accepted:
        return accepted[(tid, row, col)]
    return None


def shares(doc, kind: str, year: int | None) -> list[Share]:
    from checker.document.profiles import profile
    p = profile(kind)
    if p is None or not p.tables:
        return []
    spec = specs(p.tables).get("shares") or {}
    found = grids(doc, kind)
    counted = {c.quantity.start: c for c in claims(doc, kind, year)
               if c.claim["id"] in (spec.get("counts") or ()) and c.holds}
    if not counted:
        return []
    wholes = _values(found, _accepted(found), spec.get("wholes") or [])
    if not wholes:
        return []
    out = []
    qs = [q for q in quantities_of(doc)]
    for i, q in enumerate(qs):
        if q.kind != "percent" or "占" not in q.before or q.approx is not None:
            continue
        prev = qs[i - 1] if i > 0 else None
        if prev is None or prev.start not in counted or prev.sentence is not q.sentence:
            continue
        count = counted[prev.start]
        if any(o.is_count and o.sentence is q.sentence and Fraction(o.value) in wholes and o is not prev
               for o in qs):
            continue  # NOTE: the whole is stated in the sentence: the statistics rules judge the share
        ok = any(w > 0 and judge(Fraction(prev.value) * 100 / w, q.number) != Verdict.WRONG for w in wholes)
        out.append(Share(q, count, wholes, "ok" if ok else "wrong"))
    return out
