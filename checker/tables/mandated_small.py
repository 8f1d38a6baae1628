"""表四 (one row of figures in labelled blocks) and 表二 (small captioned grids) read from
the stream of their part's cells (checker.tables.mandated).
"""
from __future__ import annotations

from checker.tables.mandated_grid import Cell, Grid, find_labels, keyed_words, lines_of, row_of
from checker.tables.tokens import normalise


def read_review(tid: str, spec: dict, toks: list) -> Grid | None:
    blocks, columns = spec["blocks"], spec["columns"]
    first_num = next((i for i, t in enumerate(toks) if t.kind in ("number", "dash")), None)
    if first_num is None:
        return None
    header = [t for t in toks[:first_num] if t.kind == "label" and not t.barrier]
    text = "".join(t.plain for t in header)
    found = find_labels(text, keyed_words({**blocks, **columns}))
    block_first: dict = {}
    leaf_first: dict = {}
    for s, _, iid in found:
        (block_first if iid in blocks else leaf_first).setdefault(iid, s)
    # NOTE: as for 表三, the header's order only when it names every column whole
    leaves = tuple(sorted(leaf_first, key=leaf_first.get)) if len(leaf_first) == len(columns) else tuple(columns)
    order = tuple(sorted(block_first, key=block_first.get)) if len(block_first) == len(blocks) else tuple(blocks)
    j = first_num
    while j < len(toks) and toks[j].kind in ("number", "dash"):
        j += 1
    values = toks[first_num:j]
    if len(values) != len(order) * len(leaves) or any(v.value is None for v in values):
        return None
    grid = Grid(tid, spec, columns=leaves, blocks=order)
    for b, block in enumerate(order):
        grid.rows.append(block)
        for k, leaf in enumerate(leaves):
            grid.cells[(block, leaf)] = Cell(block, leaf, values[b * len(leaves) + k])
    grid.lines = lines_of(grid)
    return grid


# -- 表二: small grids of items ----------------------------------------------------

def read_small(tid: str, spec: dict, toks: list) -> Grid | None:
    """Small grids, each under its caption (第二十条第（一）项) and its own header row; a row
    is a run of labels naming one of `rows` followed by one figure per column."""
    rows = spec["rows"]
    row_keys = keyed_words(rows)
    not_words = {r: tuple(normalise(w) for w in rows[r].get("not") or ()) for r in rows}
    captions = [(normalise(c), tuple(cols)) for c, cols in (spec.get("captions") or {}).items()]
    old_words = [normalise(w) for w in (spec.get("outdated") or {}).get("words") or ()]
    grid = Grid(tid, spec)
    grid.outdated = [t for t in toks if t.kind == "label" and not t.barrier and any(w in t.plain for w in old_words)]
    caption, header, current, run = None, [], None, []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.barrier:
            run, i = [], i + 1
            continue
        if t.kind == "label":
            found = next((cols for c, cols in captions if c in t.plain), None)
            if found is not None:
                caption, header, current, run = found, [], None, []
            elif row_of([t], row_keys, not_words) is None and current is None and not run:
                header.append(t)
            else:
                run.append(t)
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j].kind in ("number", "dash"):
            j += 1
        values = toks[i:j]
        rid = row_of(run, row_keys, not_words) if run else None
        if current is None:
            current = _item_columns(header, spec, caption)
        if rid is not None and current and len(values) == len(current) \
                and all(v.value is not None for v in values):
            if rid not in grid.rows:
                grid.rows.append(rid)
            for cid, tok in zip(current, values):
                grid.cells.setdefault((rid, cid), Cell(rid, cid, tok))
        elif rid is not None and values:
            # NOTE: another format's columns (2019: 本年新制作, 本年增/减 …): the figures are
            # kept for what holds whatever the columns (a township has no 规章), never summed
            grid.loose.setdefault(rid, list(values))
        run, i = [], j
    grid.lines = lines_of(grid)
    return grid


def _item_columns(header: list, spec: dict, caption) -> tuple:
    """The columns of one small grid: as its header names them whole, in its order; or, a
    header broken over lines (本年 / 制发 / 件数), the caption's columns in the format's
    order when the header holds a word of each (`fragments`); () when neither."""
    columns = spec["columns"]
    text = "".join(t.plain for t in header)
    first: dict = {}
    for s, _, iid in find_labels(text, keyed_words(columns)):
        first.setdefault(iid, s)
    if first and (caption is None or set(first) == set(caption)):
        return tuple(sorted(first, key=first.get))
    if caption and all(any(normalise(w) in text for w in columns[c].get("fragments") or ()) for c in caption):
        return caption
    return ()
