"""HTML: one self-contained page for reviewers (`--format html --output report.html`).

Per report: the outline beside the text, every finding highlighted at its
exact character span (overlaps allowed), severity by colour and icon, a
findings list that jumps to each span, a detail card with the message, the
expected value or the computation, and the rule's explanation; filters by
category and severity. Several reports get a summary view first.

NOTE: the page is built from escaped text only, and a Content-Security-Policy
allows nothing but the page's own inline style and script (by hash): no
network, no external files, and a `<script>` in a report can never run.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from string import Template

from checker.findings import CATEGORIES
from checker.formatters import whole
from checker.formatters.htmlpage import SEVERITY_ORDER, asset, esc, icon
from checker.formatters.htmlpage.fileview import file_view
from checker.formatters.htmlpage.labels import Labels
from checker.formatters.htmlpage.summary import summary_view


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("reportlint")
    except Exception:  # not installed (a source checkout on sys.path)
        return ""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _csp(style: str, script: str) -> str:
    return (f"default-src 'none'; style-src {_hash(style)}; script-src {_hash(script)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _group(findings, sources):
    """[(k, path, findings)] in input order; paths with findings but no text come last."""
    paths = list(sources) + [p for p in dict.fromkeys(f.path for f in findings) if p not in sources]
    by_path: dict[str, list] = {p: [] for p in paths}
    for f in findings:
        by_path[f.path].append(f)
    return [(k, p, sorted(by_path[p], key=lambda f: (f.start, f.end, f.rule))) for k, p in enumerate(paths)]


def _nav(files, with_summary: bool, labels) -> str:
    links = [f'<a href="#summary">{esc(labels["summary"])}</a>'] if with_summary else []
    for k, path, findings in files:
        name = path.replace("\\", "/").rsplit("/", 1)[-1] or path
        links.append(f'<a href="#v{k}" title="{esc(path)}">{esc(name)} <small>{len(findings)}</small></a>')
    return "".join(links)


def _filters(findings, labels) -> str:
    cats = Counter(f.category for f in findings)
    sevs = Counter(f.severity for f in findings)

    def box(kind, value, text, n, extra=""):
        return (f'<label><input type="checkbox" data-filter="{kind}" value="{esc(value)}" checked>'
                f'{extra}{esc(text)} <small>{n}</small></label>')

    sev_boxes = "".join(box("sev", s, labels.severity(s), sevs[s], icon(s)) for s in SEVERITY_ORDER)
    cat_boxes = "".join(box("cat", c, labels.category(c), cats[c]) for c in CATEGORIES if cats[c])
    return (f'<details class="filters"><summary>{esc(labels["filters"])}</summary><div class="drop">'
            f'<fieldset><legend>{esc(labels["severity"])}</legend>{sev_boxes}</fieldset>'
            f'<fieldset><legend>{esc(labels["category"])}</legend>{cat_boxes or "—"}</fieldset></div></details>')


def chunks(files, options):
    """The page, in one piece: it shows every report at once (not for a national corpus)."""
    reports = sorted(files, key=lambda r: r.order)
    findings = [f for r in sorted(reports, key=lambda r: r.path) for f in r.findings]
    yield _page(findings, {r.path: r.text for r in reports if r.text is not None}, options)


def _page(findings, sources, options) -> str:
    labels = Labels(options.lang)
    rules = {r.id: r for r in options.rules}
    docs = options.docs or {}
    files = _group(findings, sources)
    views = []
    if len(files) > 1:
        views.append(summary_view(files, labels))
    for k, path, fs in files:
        views.append(file_view(k, path, sources.get(path, ""), docs.get(path), fs, rules, labels))
    if not files:
        views.append(f'<section class="view" id="empty"><p class="muted">{esc(labels["no_files"])}</p></section>')
    style, script = asset("page.css"), asset("page.js")
    return Template(asset("page.html")).substitute(
        lang="en" if labels.lang == "en" else "zh-CN", csp=_csp(style, script), version=esc(_version()),
        title=esc(labels["title"]), style=style, script=script, files_label=esc(labels["files"]),
        nav=_nav(files, len(files) > 1, labels), filters=_filters(findings, labels), views="\n".join(views))


def format(findings, sources, options) -> str:
    """The whole output as one string (sources: path -> text)."""
    return whole(chunks, findings, sources, options)
