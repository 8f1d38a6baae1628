"""mandated-items: the figures of a mandated table that are wrong by themselves.

    check: mandated-items
    params: {report: negative}      # negative | in-force

negative: a count or an amount below zero in any of the profile's tables (a count of
documents, decisions, requests or cases cannot be negative).
in-force: 表二's documents in force at the end of the year are at least those made during
it less those repealed during it (现行有效 ≥ 本年制发 − 本年废止): the documents made this year
and still in force are all counted in force.
regulations: a body of a place listed in `places` (township, county: the profile's
`places`, read off the body's name) reports 规章 in 表二 (any figure above zero, in the
2021 format's columns or the 2019 one's): only the governments of provinces and of
districted cities make 规章 (立法法第九十三条).
format: 表二 with the headers of the 2019 trial format (本年新制作, 对外公开总数量, 本年增/减 …)
in a report on a year the 2021 format covers (the spec's `outdated`).
"""
from __future__ import annotations

from checker.checks import CheckType, Param, register
from checker.findings import Hit


@register
class MandatedItems(CheckType):
    name = "mandated-items"
    reports = ("negative", "in-force", "regulations", "format")
    params = {"places": Param((list,), ["township", "county"],
                              help="regulations: the places whose bodies make no 规章 (the profile's `places`)")}

    def run(self, doc, p, ctx):
        from checker.tables.identities import cell_text, fmt_value, name_of
        from checker.tables.mandated import grids
        found = grids(doc, ctx.report_kind(doc))
        if p["report"] == "negative":
            for tid, grid in found.items():
                for cell in grid.cells.values():
                    tok = cell.token
                    if tok.kind == "number" and tok.value is not None and tok.value < 0:
                        yield Hit(tok.start, tok.end, {"table": grid.spec.get("name", tid),
                                                       "cell": cell_text(grid, cell), "value": tok.shown}, "0")
            return
        grid = found.get("proactive")
        if grid is None:
            return
        if p["report"] == "regulations":
            yield from _regulations(doc, ctx, grid, p["places"])
            return
        if p["report"] == "format":
            from checker.checks._year import stated_year
            since = (grid.spec.get("outdated") or {}).get("since")
            year = stated_year(doc, ctx)
            if grid.outdated and since is not None and year is not None and year >= since:
                tok = grid.outdated[0]
                yield Hit(tok.start, tok.end, {"year": year, "text": tok.shown, "since": since})
            return
        for row in grid.rows:
            made, repealed, in_force = (grid.cells.get((row, c)) for c in ("made", "repealed", "in_force"))
            if made is None or repealed is None or in_force is None:
                continue
            if any(c.value < 0 for c in (made, repealed, in_force)):
                continue  # NOTE: the negative figure is the finding
            least = made.value - repealed.value
            if in_force.value < least:
                tok = in_force.token
                yield Hit(tok.start, tok.end, {
                    "table": grid.spec.get("name", "proactive"), "row": name_of(grid, row),
                    "in_force": fmt_value(in_force.value), "made": fmt_value(made.value),
                    "repealed": fmt_value(repealed.value), "least": fmt_value(least)}, f"≥{fmt_value(least)}")


def _regulations(doc, ctx, grid, places):
    from checker.document.profiles import body_level, profile
    p = profile(ctx.report_kind(doc))
    level = body_level(doc, p.places) if p and p.places else "default"
    if level not in places:
        return
    toks = [c.token for (r, _), c in grid.cells.items() if r == "regulations"] + list(grid.loose.get("regulations", ()))
    first = next((t for t in sorted(toks, key=lambda t: t.start) if t.value is not None and t.value > 0), None)
    if first is not None:
        yield Hit(first.start, first.end, {"value": first.shown,
                                           "level": {"township": {"zh": "乡镇（街道）", "en": "township"},
                                                     "county": {"zh": "县级", "en": "county-level"}}[level]}, "0")
