"""mandated-identity: the arithmetic a mandated table must close (the 政务公开 tables).

    check: mandated-identity
    params: {tables: [requests, review]}     # which of the profile's tables

The tables of the report kind's profile (rules/data/kinds.yaml `tables:`) are read by
their labels (checker.tables.mandated) and their identities judged
(checker.tables.identities): one hit per wrong cell — the cell that breaks the most
identities, each by the same amount — naming the first identity it breaks with its
numbers, how many others it breaks, and the value that would make them hold; a broken
identity no single cell explains is one hit at its total, without a value.

    本年新收 41 + 上年结转 2 = 43 ≠ 办理结果总计 42 + 结转下年度 2 = 44
"""
from __future__ import annotations

from checker.checks import CheckType, Param, register
from checker.findings import Hit


@register
class MandatedIdentity(CheckType):
    name = "mandated-identity"
    params = {"tables": Param((list,), ["requests", "review"], help="ids of the profile's tables")}

    def run(self, doc, p, ctx):
        from checker.tables.identities import breaks, cell_text, fmt_value, side_text, where_text
        from checker.tables.mandated import grids
        for tid, grid in grids(doc, ctx.report_kind(doc)).items():
            if tid not in p["tables"]:
                continue
            for b in breaks(grid):
                first = b.identities[0]
                tok = b.cell.token
                others = len(b.identities) - 1
                yield Hit(tok.start, tok.end, {
                    "table": grid.spec.get("name", tid), "cell": cell_text(grid, b.cell), "value": tok.shown,
                    "identity": first.name, "where": where_text(grid, first),
                    "left": side_text(grid, first, first.left), "right": side_text(grid, first, first.right),
                    "others": {"zh": f"；另有{others}个勾稽关系因此不成立", "en": f"; it breaks {others} more"}
                    if others else ""}, fmt_value(b.expected) if b.expected is not None else None,
                    computation=_computation(where_text(grid, first), side_text(grid, first, first.left),
                                             side_text(grid, first, first.right)))


def _computation(where: dict, left: str, right: str) -> dict:
    """The broken identity with its figures, in both languages (where：left ≠ right)."""
    return {"zh": f"{where['zh']}：{left} ≠ {right}", "en": f"{where['en']}: {left} ≠ {right}"}
