"""The grid of a mandated table as read (checker.tables.mandated): its cells by row and
column, and the label helpers its readers share: the words of a row or column (rules/data/
zwgk-tables.yaml) found in a label, longest first, and a header's column order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.tables.tokens import Token, normalise


@dataclass(frozen=True)
class Cell:
    row: str
    column: str
    token: Token

    @property
    def value(self):
        return self.token.value


@dataclass
class Grid:
    table: str                     # requests | review | proactive
    spec: dict
    cells: dict = field(default_factory=dict)       # (row, column) -> Cell
    rows: list = field(default_factory=list)         # row ids found (with numbers), in order
    unread: set = field(default_factory=set)         # row ids named but not read
    columns: tuple = ()                               # column ids, in the order of the numbers
    lines: tuple = ()                                 # (start, end) of the text the table spans
    blocks: tuple = ()                                # review: block ids, in order
    loose: dict = field(default_factory=dict)        # items: row id -> numbers under columns not known
    outdated: list = field(default_factory=list)     # items: header cells of a superseded format

    def value(self, row: str, column: str):
        c = self.cells.get((row, column))
        return None if c is None else c.value


def keyed_words(spec_items: dict) -> list:
    """[(word, id, exact)] longest first."""
    out = []
    for iid, item in spec_items.items():
        out += [(normalise(w), iid, False) for w in item.get("keys") or ()]
        out += [(normalise(w), iid, True) for w in item.get("exact") or ()]
    return sorted(out, key=lambda e: -len(e[0]))


def find_labels(text: str, keyed: list, exact_ok: bool = True) -> list:
    """[(start, end, id)] of the words of `keyed` in `text`, longest first, not overlapping."""
    taken: list = []
    for word, iid, exact in keyed:
        if exact and not exact_ok:
            continue
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(s < end and start < e for s, e, _ in taken):
                taken.append((start, end, iid))
            start = text.find(word, end)
    return sorted(taken)


def row_of(run: list, keyed: list, not_words: dict) -> str | None:
    """The row a run of label tokens names: the label that ends last (an exact label,
    such as 3.其他, counts only as a whole token)."""
    best, best_end, offset = None, -1, 0
    for tok in run:
        text = tok.plain
        for s, e, iid in find_labels(text, [k for k in keyed if not k[2]]):
            if any(w in text for w in not_words.get(iid, ())):
                continue
            if offset + e > best_end:
                best, best_end = iid, offset + e
        bare = tok.bare
        for word, iid, exact in keyed:
            if exact and bare == word and offset + len(text) > best_end:
                best, best_end = iid, offset + len(text)
        offset += len(text)
    return best


def column_order(header: list, spec: dict) -> tuple:
    """The columns in the order the header names them when it names each whole; the
    format's order otherwise (no header, or one broken over lines: a PDF's 商业 / 企业)."""
    columns, groups = spec["columns"], spec.get("column_groups") or {}
    text = "".join(tok.plain for tok in header)
    first: dict = {}
    for s, _, iid in find_labels(text, keyed_words({**columns, **groups})):
        first.setdefault(iid, s)
    if any(c not in first for c in columns):
        return tuple(columns)

    def place(cid):
        g = columns[cid].get("group")
        if g is None:
            return (first[cid], 0)
        members = [first[m] for m in columns if columns[m].get("group") == g]
        return (min(members + ([first[g]] if g in first else [])), first[cid])

    return tuple(sorted(columns, key=place))


# -- 表三: rows of applicant columns ------------------------------------------------


def put(grid: Grid, rid: str, values: list) -> None:
    if rid in grid.unread:
        return
    if len(values) != len(grid.columns) or any(v.value is None for v in values):
        grid.unread.add(rid)
        drop(grid, rid)
        return
    if rid in grid.rows:
        if [grid.value(rid, c) for c in grid.columns] != [v.value for v in values]:
            grid.unread.add(rid)  # NOTE: named twice with other numbers: neither is trusted
            drop(grid, rid)
        return
    grid.rows.append(rid)
    for cid, tok in zip(grid.columns, values):
        grid.cells[(rid, cid)] = Cell(rid, cid, tok)


def drop(grid: Grid, rid: str) -> None:
    if rid in grid.rows:
        grid.rows.remove(rid)
    for key in [k for k in grid.cells if k[0] == rid]:
        del grid.cells[key]


def lines_of(grid: Grid) -> tuple:
    toks = [c.token for c in grid.cells.values()]
    return ((min(t.start for t in toks), max(t.end for t in toks)),) if toks else ()


# -- 表四: one row of blocks ------------------------------------------------------
