"""表三 read from the stream of its part's cells (checker.tables.mandated): runs of figures,
each the row whose label stands around it, in the format's order.
"""
from __future__ import annotations

import re

from checker.tables.mandated_grid import Grid, column_order, find_labels, keyed_words, lines_of, put
from checker.tables.tokens import normalise


def read_rows(tid: str, spec: dict, toks: list) -> Grid | None:
    """表三: runs of figures, each the row whose label stands around it. The rows come
    in the format's order; a row's label starts at or above its figures' line and may
    end below it (a PDF that sets the figures on the first line of a wrapped label:
    2.其他法律行政 | 0 0 … | 法规禁止公开), so each run of figures is the row, after the
    last one read, whose label begins in the labels before the run (read on into the
    labels after it); of several, the one whose label begins last."""
    rows = spec["rows"]
    first_keys = [normalise(w) for w in rows[spec["first_row"]]["keys"]]
    start = next((i for i, t in enumerate(toks) if t.kind == "label" and any(w in t.plain for w in first_keys)),
                 None)
    if start is None:
        return None
    header = []
    for t in reversed(toks[:start]):
        if t.kind != "label" or t.barrier or len(header) >= 30:
            break
        header.insert(0, t)
    grid = Grid(tid, spec, columns=column_order(header, spec))
    windows, runs = [[]], []
    i = start
    while i < len(toks) and not toks[i].barrier:
        if toks[i].kind == "label":
            windows[-1].append(toks[i])
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j].kind in ("number", "dash"):
            j += 1
        runs.append(toks[i:j])
        windows.append([])
        i = j
    order = list(rows) + list(spec.get("row_groups") or {})
    keyed = keyed_words({**rows, **(spec.get("row_groups") or {})})
    not_words = {r: tuple(normalise(w) for w in rows[r].get("not") or ()) for r in rows}
    done = -1
    for n, values in enumerate(runs):
        rid = _row_around(windows[n], windows[n + 1], keyed, not_words, order, done, rows)
        if rid is None:
            continue
        if rid in rows:
            done = max(done, order.index(rid))
        put(grid, rid, values)
    grid.lines = lines_of(grid)
    return grid


_LABEL_START = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])")


def _row_around(before: list, after: list, keyed: list, not_words: dict, order: list, done: int, rows: dict):
    """The row a run of figures is (see _read_rows): a row after the last one read whose
    label begins in `before` (read on into `after`, up to the next numbered label), the
    one that begins last; when no label begins there, one that the label read on names
    (3.要求提供公开 | 0 … | 出版物). Group labels standing alone (（五）不予处理, set beside
    its sub-rows) are left out of the text; a group's own label is the row only when no
    row's is (（六）其他处理 of a copy without its sub-rows)."""
    group_words = {w: iid for w, iid, exact in keyed if iid not in rows and not exact}
    groups = [group_words[t.bare] for t in before if t.bare in group_words]
    before = [t for t in before if t.bare not in group_words]
    after = [t for t in after if t.bare not in group_words]
    cut = next((k for k, t in enumerate(after) if _LABEL_START.match(t.plain)), len(after))
    head = "".join(t.plain for t in before)
    text = head + "".join(t.plain for t in after[:cut])
    found = []
    for s, e, iid in find_labels(text, [k for k in keyed if not k[2]]):
        if iid in rows and not any(w in text[s:e + 8] for w in not_words.get(iid, ())):
            found.append((s, iid))
    offset = 0
    for tok in before:
        for word, iid, exact in keyed:
            if exact and tok.bare == word:
                found.append((offset, iid))
        offset += len(tok.plain)
    found = [(s, iid) for s, iid in found if order.index(iid) > done]
    leaves = [e for e in found if e[0] < len(head)] or found
    if leaves:
        return max(leaves, key=lambda e: (e[0], -order.index(e[1])))[1]
    return groups[-1] if groups else None
