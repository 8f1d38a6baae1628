"""One report's view: its outline, its text with every finding highlighted,
and the list of its findings (each with a hidden detail card).

DOM ids are built from numbers only (view k, finding i, line n), never from
report text: `v{k}` view, `f{k}-{i}` a finding's marker, `f{k}-L{n}` a line,
`d{k}-{i}` a detail card.
"""
from __future__ import annotations

from collections import Counter

from checker.formatters.htmlpage import SEVERITY_ORDER, SEVERITY_RANK, esc, icon
from checker.formatters.htmlpage.details import detail_html, hover_text, shorten
from checker.formatters.htmlpage.segments import cut


def worst(severities) -> str | None:
    return max(severities, key=lambda s: SEVERITY_RANK.get(s, 0), default=None)


def counts_html(findings, labels) -> str:
    counts = Counter(f.severity for f in findings)
    if not findings:
        return f'<span class="count none">{esc(labels["no_findings"])}</span>'
    return "".join(f'<span class="count s-{s}">{icon(s)}{esc(labels.severity(s))} {counts[s]}</span>'
                   for s in SEVERITY_ORDER if counts[s])


# -- outline -------------------------------------------------------------

def _inside(f, ranges) -> bool:
    return any(a <= f.start < b or f.start == a for a, b in ranges)


def _badge(findings, ranges) -> str:
    inside = [f for f in findings if _inside(f, ranges)]
    if not inside:
        return ""
    sev = worst(f.severity for f in inside)
    return f' <span class="badge s-{sev}">{icon(sev)}{len(inside)}</span>'


def _entry(k, label: str, line: int, ranges, findings, css: str = "", children: str = "") -> str:
    return (f'<li class="{css}"><a href="#f{k}-L{line}">{esc(shorten(label, 40))}</a>'
            f'{_badge(findings, ranges)}{children}</li>')


def _section(k, section, findings) -> str:
    h = section.heading
    kids = "".join(_section(k, c, findings) for c in section.children)
    kids = f"<ul>{kids}</ul>" if kids else ""
    css = "malformed" if h.malformed else ""
    span = section.span
    return _entry(k, h.marker + h.text, span.line, [(span.start, span.end)], findings, css, kids)


def _group(k, label, blocks, findings, css="part") -> str:
    """Several blocks (debris lines, cover letter paragraphs…) as one outline entry."""
    ranges = [(b.span.start, b.span.end) for b in blocks]
    return _entry(k, label, blocks[0].span.line, ranges, findings, css)


def outline_html(doc, k: int, findings, labels) -> str:
    if doc is None:
        return f'<p class="muted">{esc(labels["no_outline"])}</p>'
    items = []
    if doc.metadata.debris:
        items.append(_group(k, labels["debris"], doc.metadata.debris, findings))
    if doc.title:
        items.append(_group(k, doc.title.text, [doc.title], findings, "part doc-title"))
    for key, paras in (("cover", doc.cover_letter), ("preamble", doc.preamble)):
        if paras:
            items.append(_group(k, labels[key], paras, findings))
    items.extend(_section(k, s, findings) for s in doc.sections)
    if doc.closing:
        items.append(_group(k, labels["closing"], [doc.closing], findings))
    if doc.trailing:
        items.append(_group(k, labels["trailing"], doc.trailing, findings))
    if not doc.sections:
        items.append(f'<li class="muted">{esc(labels["no_outline"])}</li>')
    return f'<ul class="tree">{"".join(items)}</ul>'


# -- text ----------------------------------------------------------------

def _piece_html(text: str, piece, findings, hovers) -> str:
    chunk = esc(text[piece.start:piece.end])
    if not piece.covers:
        return chunk
    sev = worst(findings[i].severity for i in piece.covers)
    ids = " ".join(str(i) for i in piece.covers)
    title = esc("\n\n".join(hovers[i] for i in piece.covers))
    return f'<mark class="hl s-{sev}" data-f="{ids}" title="{title}">{chunk}</mark>'


def _marker_html(k: int, i: int, finding, hover: str) -> str:
    return (f'<a class="mk s-{esc(finding.severity)}" id="f{k}-{i}" data-f="{i}" href="#f{k}-{i}" '
            f'title="{esc(hover)}">{icon(finding.severity)}</a>')


def text_html(text: str, k: int, findings, labels) -> str:
    if not text:
        return f'<p class="muted">{esc(labels["empty_text"])}</p>'
    hovers = [hover_text(f, labels) for f in findings]
    out = []
    for line in cut(text, [(f.start, f.end) for f in findings]):
        parts = [_marker_html(k, v, findings[v], hovers[v]) if kind == "marker"
                 else _piece_html(text, v, findings, hovers) for kind, v in line.items]
        out.append(f'<div class="ln" id="f{k}-L{line.number}" data-n="{line.number}">{"".join(parts)}</div>')
    return "".join(out)


# -- findings list -------------------------------------------------------

def list_html(k: int, findings, rules: dict, labels) -> str:
    if not findings:
        return f'<p class="muted">{esc(labels["no_findings"])}</p>'
    items = []
    for i, f in enumerate(findings):
        items.append(
            f'<li class="fi s-{esc(f.severity)}" data-i="{i}" data-sev="{esc(f.severity)}" '
            f'data-cat="{esc(f.category)}"><a href="#f{k}-{i}" data-f="{i}">{icon(f.severity)}'
            f'<span class="loc">{f.line}:{f.column}</span><span class="rid">{esc(f.rule)}</span>'
            f'<span class="msg">{esc(f.message)}</span></a>'
            f'{detail_html(f, f"d{k}-{i}", rules.get(f.rule), labels)}</li>')
    return f'<ol class="flist">{"".join(items)}</ol>'


def _side(k: int, findings, rules: dict, labels) -> str:
    """The detail panel (filled by the page's script) above the findings list."""
    n = len(findings)
    shown = (f'<span class="shown" data-total="{n}" data-template="{esc(labels["shown"])}">'
             f'{esc(labels.fmt("shown", shown=n, total=n))}</span>')
    hint = f'<p class="hint">{esc(labels["pick"])}</p>' if findings else ""
    panel = (f'<div class="panel" hidden><button type="button" class="close" aria-label="{esc(labels["close"])}">'
             f'×</button><div class="panel-body"></div></div>')
    return (f'<div class="side">{panel}<details class="list" open><summary>{esc(labels["list"])} {shown}'
            f'</summary>{hint}{list_html(k, findings, rules, labels)}</details></div>')


def file_view(k: int, path: str, text: str, doc, findings, rules: dict, labels) -> str:
    """The <section> for one report; `findings` are that report's, sorted by position."""
    head = f'<header class="file-head"><h2>{esc(path)}</h2><p class="counts">{counts_html(findings, labels)}</p></header>'
    outline = (f'<details class="outline" open><summary>{esc(labels["outline"])}</summary>'
               f'{outline_html(doc, k, findings, labels)}</details>')
    body = (f'<article class="text" lang="zh-CN" aria-label="{esc(labels["text"])}">'
            f'{text_html(text, k, findings, labels)}</article>')
    return (f'<section class="view file" id="v{k}" data-k="{k}">\n{head}\n'
            f'<div class="cols">\n{outline}\n{_side(k, findings, rules, labels)}\n{body}\n</div>\n</section>')
