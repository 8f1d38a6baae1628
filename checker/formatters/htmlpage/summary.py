"""The summary view for several reports: a files x categories table (worst
files first) and an inline SVG bar chart of findings by category.
"""
from __future__ import annotations

from collections import Counter

from checker.findings import CATEGORIES
from checker.formatters.htmlpage import SEVERITY_ORDER, esc, icon
from checker.formatters.htmlpage.fileview import counts_html

_BAR_H, _GAP, _LABEL_W, _CHART_W = 20, 8, 84, 440


def breakable(path: str) -> str:
    """An escaped path that may wrap after each slash (narrow screens)."""
    return "/<wbr>".join(esc(part) for part in path.split("/"))


def rank_key(item):
    """Worst first: most errors, then warnings, then info, then path."""
    _, path, findings = item
    c = Counter(f.severity for f in findings)
    return (-c["error"], -c["warning"], -c["info"], path)


def table_html(files, categories, labels) -> str:
    head = "".join(f"<th>{esc(labels.category(c))}</th>" for c in categories)
    sev_head = "".join(f'<th class="s-{s}">{icon(s)}{esc(labels.severity(s))}</th>' for s in SEVERITY_ORDER)
    rows = []
    for k, path, findings in sorted(files, key=rank_key):
        by_sev = Counter(f.severity for f in findings)
        by_cat = Counter(f.category for f in findings)
        sev_cells = "".join(f'<td class="n{" z" if not by_sev[s] else ""}">{by_sev[s]}</td>' for s in SEVERITY_ORDER)
        cat_cells = "".join(f'<td class="n{" z" if not by_cat[c] else ""}">{by_cat[c]}</td>' for c in categories)
        rows.append(f'<tr><th scope="row"><a href="#v{k}">{breakable(path)}</a></th>'
                    f'<td class="n total">{len(findings)}</td>{sev_cells}{cat_cells}</tr>')
    return (f'<div class="table-wrap"><table class="matrix"><caption>{esc(labels["worst_first"])}</caption>'
            f'<thead><tr><th>{esc(labels["file"])}</th><th>{esc(labels["total"])}</th>{sev_head}{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _patterns() -> str:
    # NOTE: warning and info bars carry a pattern as well as a colour, so the
    # chart can be read without telling red from orange.
    return ('<defs><pattern id="p-warning" width="6" height="6" patternUnits="userSpaceOnUse" '
            'patternTransform="rotate(45)"><rect width="6" height="6" class="c-warning"/>'
            '<rect width="2" height="6" fill="#fff" fill-opacity=".55"/></pattern>'
            '<pattern id="p-info" width="6" height="6" patternUnits="userSpaceOnUse">'
            '<rect width="6" height="6" class="c-info"/><circle cx="3" cy="3" r="1.3" fill="#fff" fill-opacity=".7"/>'
            '</pattern></defs>')


def chart_svg(all_findings, categories, labels) -> str:
    by_cat = {c: Counter(f.severity for f in all_findings if f.category == c) for c in categories}
    top = max((sum(v.values()) for v in by_cat.values()), default=0) or 1
    scale = (_CHART_W - _LABEL_W - 50) / top
    height = len(categories) * (_BAR_H + _GAP) + _GAP
    bars = []
    for row, cat in enumerate(categories):
        y = _GAP + row * (_BAR_H + _GAP)
        x = _LABEL_W
        name = esc(labels.category(cat))
        bars.append(f'<text x="{_LABEL_W - 8}" y="{y + _BAR_H * 0.7:.1f}" text-anchor="end" class="lbl">{name}</text>')
        for sev in SEVERITY_ORDER:
            n = by_cat[cat][sev]
            if not n:
                continue
            w = n * scale
            paint = 'class="c-error"' if sev == "error" else f'fill="url(#p-{sev})"'
            bars.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{_BAR_H}" {paint}>'
                        f'<title>{name} · {esc(labels.severity(sev))}: {n}</title></rect>')
            x += w
        bars.append(f'<text x="{x + 6:.1f}" y="{y + _BAR_H * 0.7:.1f}" class="num">{sum(by_cat[cat].values())}</text>')
    return (f'<svg class="chart" viewBox="0 0 {_CHART_W} {height}" role="img" '
            f'aria-label="{esc(labels["chart_caption"])}">{_patterns()}{"".join(bars)}</svg>')


def summary_view(files, labels) -> str:
    """`files` is [(k, path, findings)] in input order."""
    every = [f for _, _, fs in files for f in fs]
    present = Counter(f.category for f in every)
    categories = [c for c in CATEGORIES if present[c]] or list(CATEGORIES)
    headline = esc(labels.fmt("files_count", files=len(files), n=len(every)))
    return f"""<section class="view summary" id="summary">
<header class="file-head"><h2>{esc(labels["summary"])}</h2><p class="counts">{headline} {counts_html(every, labels)}</p></header>
{table_html(files, categories, labels)}
<figure class="chart-box"><figcaption>{esc(labels["chart"])}</figcaption>{chart_svg(every, categories, labels)}
<p class="legend">{"".join(f'<span class="key k-{s}"></span>{esc(labels.severity(s))} ' for s in SEVERITY_ORDER)}</p></figure>
</section>"""
