"""One finding's detail card: message, place, quoted text, expected value or
the computation behind a statistics finding, and the rule's explanation.

Also the one-line hover text of a highlighted passage.
"""
from __future__ import annotations

import re

from checker.formatters.htmlpage import esc, icon

_QUOTE_MAX = 160
_OPERATOR = re.compile(r"\s*([/×÷*+=＝≠<>≤≥])\s*")
_SPACES = re.compile(r"\s+")
# NOTE: a run of digits with its optional sign, taken whole (searching for `digits%` from
# each digit of a long run was quadratic)
_FIGURE = re.compile(r"[0-9０-９][0-9０-９.,．]*(\s*[%％])?")


def shorten(text: str, limit: int = _QUOTE_MAX) -> str:
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _printed(quote: str) -> str:
    """The figure as the report prints it: the span's last percentage, else the span."""
    found = [m.group() for m in _FIGURE.finditer(quote) if m.group(1)]
    return _SPACES.sub(" ", found[-1]) if found else shorten(quote, 40)


def computation(finding, labels) -> str | None:
    """`6536/7123=91.76%，报告写91.75%`: a finding's computation (Finding.computation),
    with the printed figure when the computation does not already compare two sides;
    None when the finding has none.

    NOTE: the span covers the printed figure (a rate's span also covers its name:
    调解成功率91.75%), so both sides come from the finding and nothing is recomputed here.
    """
    expr = finding.computation
    if not expr:
        return None
    if labels.lang == "zh":
        from checker.linter import zh_computation
        expr = zh_computation(expr)
    else:
        expr = _SPACES.sub(" ", _OPERATOR.sub(lambda m: f" {'×' if m.group(1) == '*' else m.group(1)} ", expr)).strip()
    if any(op in expr for op in "≠<>≤≥") or not finding.quote.strip():
        return expr
    return labels.fmt("report_says", expr=expr, printed=_printed(finding.quote))


def hover_text(finding, labels) -> str:
    """Plain text for a title attribute: severity, rule, message, expected."""
    text = f"{labels.severity(finding.severity)} {finding.rule}: {finding.message}"
    colon = "：" if labels.lang == "zh" else ": "
    if finding.expected:
        text += f"\n{labels['expected']}{colon}{finding.expected}"
    calc = computation(finding, labels)
    if calc:
        text += f"\n{labels['computation']}{colon}{calc}"
    return text


def _row(term: str, value_html: str) -> str:
    return f"<dt>{esc(term)}</dt><dd>{value_html}</dd>"


def _rule_html(rule, labels) -> str:
    if rule is None:
        return ""
    text = rule.describe(labels.lang)
    parts = [f'<p class="d-desc">{esc(text)}</p>'] if text else []
    if rule.source:
        parts.append(f'<p class="d-src">{esc(labels["source"])}：{esc(rule.source)}</p>'
                     if labels.lang == "zh" else
                     f'<p class="d-src">{esc(labels["source"])}: {esc(rule.source)}</p>')
    return _row(labels["rule"], "".join(parts)) if parts else ""


def detail_html(finding, dom_id: str, rule, labels) -> str:
    """A hidden card the page's script shows in the detail panel."""
    f = finding
    head = (f'<p class="d-head s-{esc(f.severity)}">{icon(f.severity)}'
            f'<span class="d-sev">{esc(labels.severity(f.severity))}</span>'
            f'<span class="d-rule">{esc(f.rule)} {esc(rule.titled(labels.lang) if rule is not None else f.name)}</span>'
            f'<span class="d-cat">{esc(labels.category(f.category))}</span></p>')
    where = labels.fmt("at_page", page=f.page, line=f.page_line, column=f.column) if f.page is not None \
        else labels.fmt("at", line=f.line, column=f.column)
    rows = [_row(labels["location"], esc(where))]
    if f.quote.strip():
        rows.append(_row(labels["quote"], f'<q class="d-quote">{esc(shorten(f.quote))}</q>'))
    if f.expected:
        rows.append(_row(labels["expected"], f'<span class="d-exp">{esc(f.expected)}</span>'))
    calc = computation(f, labels)
    if calc:
        rows.append(_row(labels["computation"], f'<span class="d-calc">{esc(calc)}</span>'))
    rows.append(_rule_html(rule, labels))
    return (f'<div class="detail" id="{dom_id}" hidden>{head}'
            f'<p class="d-msg">{esc(f.message)}</p><dl>{"".join(rows)}</dl></div>')
