"""The identities of a mandated table, and the cell each broken one points to.

An identity adds up cells on two sides (rules/data/zwgk-tables.yaml): for 表三, per
applicant column, 本年新收 + 上年结转 = 办理结果总计 + 结转下年度 and 总计 = （一）+（二）+ the
sub-rows of （三）…（六）; per row, 总计 = 自然人 + the five 法人或其他组织 columns; for 表四,
per block, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. An identity is judged only when
every cell in it was read as a whole number (a dash is zero).

One wrong cell breaks every identity it is in, each by the same amount (with the sign of
its side). So the broken identities are explained greedily by cells: the cell that sits
in the most broken identities, in none that holds, and whose error is the same amount in
each of them, is *the* wrong cell (with the value that would make them all hold); its
identities are then set aside and the next cell is looked for. A broken identity no
single cell explains (two wrong cells in it, or a wrong cell whose other identity was
not read) is reported on its own, at its total. A kind of identity that breaks in most
of the places it adds anything up (every row's 总计) tells of a grid read in another
order than it was printed: that kind says nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property


def _exact(value):
    """A cell's value as an int when it is whole (as it is when an identity is judged),
    else as a Fraction: the same number, but adding ints costs far less than Fractions."""
    n, d = value.as_integer_ratio()
    return n if d == 1 else Fraction(n, d)


@dataclass(frozen=True)
class Identity:
    name: dict                     # {zh, en}
    where: tuple                   # ("column", column id) | ("row", row id) | ("block", block id)
    left: tuple                    # ((label, (Cell, …)), …) each label's cells added up
    right: tuple

    def total(self, side) -> Fraction:
        return Fraction(sum(_exact(c.value) for _, cells in side for c in cells))

    # NOTE: the cells do not change once a grid is read, so residual and coefficients are
    # computed once per identity (breaks asks for them in loops over cells and identities)
    @cached_property
    def residual(self) -> Fraction:
        return self.total(self.left) - self.total(self.right)

    @property
    def holds(self) -> bool:
        return self.residual == 0

    @cached_property
    def _coefficients(self) -> dict:
        out: dict = {}
        for sign, side in ((1, self.left), (-1, self.right)):
            for _, cells in side:
                for c in cells:
                    out[id(c)] = out.get(id(c), 0) + sign
        return out

    def coefficient(self, cell) -> int:
        return self._coefficients.get(id(cell), 0)

    @property
    def cells(self) -> list:
        return [c for _, cells in self.left + self.right for c in cells]

    @property
    def anchor(self):
        """The cell a finding about this identity stands at: its first total."""
        return self.left[0][1][0] if len(self.left[0][1]) == 1 else self.cells[0]


@dataclass(frozen=True)
class Break:
    cell: object                   # the wrong cell (mandated.Cell), or the identity's anchor
    identities: tuple              # the broken identities it explains
    expected: Fraction | None      # the value that makes them hold (None: no single cell)


def identities(grid) -> list[Identity]:
    if grid.spec.get("layout") == "rows":
        return _requests(grid)
    if grid.spec.get("layout") == "blocks":
        return _review(grid)
    return []


def _members(grid, rid: str):
    """The cells that stand for row (or row group) `rid` in one column: a row, or the
    rows of a group (or the group's own row when the copy has no sub-rows); None when
    some of them were not read."""
    spec = grid.spec
    rows, groups = spec["rows"], spec.get("row_groups") or {}
    if rid in rows:
        return [rid] if rid in grid.rows else None
    members = [r for r in rows if rows[r].get("group") == rid]
    found = [r for r in members if r in grid.rows or r in grid.unread]
    if not found:
        return [rid] if rid in grid.rows and rid in groups else None
    if len(found) != len(members) or any(r in grid.unread for r in found):
        return None  # NOTE: a sub-row missing or unread: the group's sum is not known
    return found


def _requests(grid) -> list[Identity]:
    spec, out = grid.spec, []
    for ident in spec.get("row_identities") or ():
        sides = [[(r, _members(grid, r)) for r in ident[k]] for k in ("left", "right")]
        if any(m is None for side in sides for _, m in side):
            continue
        for col in grid.columns:
            left, right = ([(r, tuple(grid.cells[(m, col)] for m in ms)) for r, ms in side] for side in sides)
            out.append(Identity(ident["name"], ("column", col), tuple(left), tuple(right)))
    columns, col_groups = spec["columns"], spec.get("column_groups") or {}
    for ident in spec.get("column_identities") or ():
        def cols(cid):
            return [cid] if cid in columns else [c for c in grid.columns if columns[c].get("group") == cid]
        for row in grid.rows:
            left = tuple((c, tuple(grid.cells[(row, m)] for m in cols(c))) for c in ident["left"])
            right = tuple((c, tuple(grid.cells[(row, m)] for m in cols(c))) for c in ident["right"])
            if all(cells for _, cells in left + right):
                out.append(Identity(ident["name"], ("row", row), left, right))
    return out


def _review(grid) -> list[Identity]:
    out = []
    for ident in grid.spec.get("identities") or ():
        for block in grid.blocks:
            left = tuple((c, (grid.cells[(block, c)],)) for c in ident["left"])
            right = tuple((c, (grid.cells[(block, c)],)) for c in ident["right"])
            out.append(Identity(ident["name"], ("block", block), left, right))
    return out


def breaks(grid) -> list[Break]:
    """The wrong cells of `grid` and the broken identities each explains (see above).

    NOTE: kept on the grid (a document's grids are built once, then only read), since
    several rules ask for them."""
    found = grid.__dict__.get("_breaks")
    if found is None:
        found = grid.__dict__["_breaks"] = _breaks(grid)
    return list(found)


def _breaks(grid) -> list[Break]:
    idents = identities(grid)
    broken = [i for i in idents if not i.holds]
    misread = _misread(idents, broken) if broken else set()
    if misread:
        idents = [i for i in idents if i.where[0] not in misread]
        broken = [i for i in broken if i.where[0] not in misread]
    if not broken:
        return []
    holding = [i for i in idents if i.holds]
    residual = {id(i): i.residual for i in broken}
    out = []
    while True:
        best = _best_cell(broken, holding, residual)
        if best is None:
            break
        cell, mine, delta = best
        out.append(Break(cell, tuple(mine), Fraction(cell.value) - delta))
        for i in broken:
            residual[id(i)] -= i.coefficient(cell) * delta
        broken = [i for i in broken if i not in mine]
        holding += mine  # NOTE: set right by this cell: a later cell of it must be right
    out += [Break(i.anchor, (i,), None) for i in broken if residual[id(i)] != 0]
    return out


def _misread(idents, broken) -> set:
    """The kinds of identity (along columns, along rows, per block) that break in more than
    half of the places where they add up anything: a grid read in another order than it
    was printed (its columns shifted, its figures reversed), not that many wrong cells."""
    kinds: dict = {}
    for i in idents:
        if not any(c.value for c in i.cells):
            continue  # NOTE: a row of zeros holds whatever its order
        n, b = kinds.get(i.where[0], (0, 0))
        kinds[i.where[0]] = (n + 1, b + (i in broken))
    return {k for k, (n, b) in kinds.items() if n >= 3 and b * 2 > n}


def _best_cell(broken, holding, residual):
    """(cell, its broken identities, its error) for the cell whose correction sets right
    the most of them and worsens none, or None. A cell in an identity that holds is right
    (or its error is made up for); a cell must set one identity right and another at least
    nearer (a cell in one identity only, or two wrong cells of one row that balance, are
    not told apart: the identity is reported at its total).

    NOTE: each cell is tried with the error each of its identities points to; the one
    that sets right the most, then brings the most nearer, wins (two wrong cells in one
    column: each sets its row right and brings the column nearer)."""
    candidates: dict = {}
    for ident in broken:
        for c in ident.cells:
            candidates.setdefault(id(c), c)
    best, best_key = None, None
    for c in candidates.values():
        if any(i.coefficient(c) for i in holding):
            continue
        mine = [i for i in broken if i.coefficient(c)]
        for delta in {residual[id(i)] / i.coefficient(c) for i in mine}:
            after = [(abs(residual[id(i)]), abs(residual[id(i)] - i.coefficient(c) * delta)) for i in mine]
            if any(new > old for old, new in after):
                continue
            fixed = sum(1 for _, new in after if new == 0)
            nearer = sum(1 for old, new in after if 0 < new < old)
            if fixed == 0 or fixed + nearer < 2:
                continue
            key = (fixed, nearer, -c.token.start)
            if best_key is None or key > best_key:
                best, best_key = (c, [i for i, (_, new) in zip(mine, after) if new == 0], delta), key
    return best


# -- words for messages -------------------------------------------------------------

_ROWS = ("rows", "row_groups", "blocks", "columns", "column_groups")
_COLUMNS = ("columns", "column_groups", "rows", "row_groups", "blocks")


def name_of(grid, iid: str, keys: tuple = _ROWS) -> str:
    spec = grid.spec
    for key in keys:
        item = (spec.get(key) or {}).get(iid)
        if item is not None:
            return item.get("name", iid)
    return iid


def fmt_value(v) -> str:
    v = Fraction(v)
    return str(v.numerator) if v.denominator == 1 else format(float(v), "g")


def side_text(grid, ident: Identity, side) -> str:
    """One side of an identity with its figures: 本年新收 41 + 上年结转 2 = 43. Along a
    column the terms are rows; along a row or a block, columns."""
    keys = _ROWS if ident.where[0] == "column" else _COLUMNS
    parts = [(name_of(grid, label, keys), sum((Fraction(c.value) for c in cells), Fraction(0)))
             for label, cells in side]
    text = " + ".join(f"{n} {fmt_value(v)}" for n, v in parts)
    return text if len(parts) == 1 else f"{text} = {fmt_value(sum(v for _, v in parts))}"


def where_text(grid, ident: Identity) -> dict:
    kind, iid = ident.where
    name = name_of(grid, iid, _COLUMNS if kind == "column" else _ROWS)
    return {"column": {"zh": f"“{name}”列", "en": f"column {name}"},
            "row": {"zh": f"“{name}”行", "en": f"row {name}"},
            "block": {"zh": f"“{name}”", "en": name}}[kind]


def cell_text(grid, cell) -> dict:
    r, c = name_of(grid, cell.row, _ROWS), name_of(grid, cell.column, _COLUMNS)
    if grid.spec.get("layout") == "blocks":
        return {"zh": f"“{r}·{c}”", "en": f"{r}, {c}"}
    return {"zh": f"“{r}”行“{c}”列", "en": f"row {r}, column {c}"}
