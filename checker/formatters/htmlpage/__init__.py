"""The pieces of the HTML report (`reportlint check --format html`).

`checker.formatters.html_format` assembles one self-contained page from:
    labels.py     the page's words in Chinese and English
    segments.py   report text cut into lines and highlight segments (overlaps allowed)
    fileview.py   one report: outline, highlighted text, findings list
    details.py    one finding's detail card (message, expected, computation, rule)
    summary.py    several reports: files x categories table and an SVG bar chart
    page.html / page.css / page.js   the template, inlined into every page

Nothing here touches the network: no external scripts, styles, fonts or images.
"""
from __future__ import annotations

import html
from functools import lru_cache
from importlib import resources

from checker.findings import encodable


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """The text of a template file shipped inside this package."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def esc(value) -> str:
    """Escape any value for HTML text or a double-quoted attribute (a file name's bytes
    that were not UTF-8 shown as \\xff)."""
    return html.escape(encodable("" if value is None else str(value)), quote=True)


SEVERITY_ORDER = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def icon(severity: str) -> str:
    """A severity icon (shape differs per severity, so colour is never the only cue)."""
    return f'<svg class="ico i-{esc(severity)}" aria-hidden="true"><use href="#i-{esc(severity)}"/></svg>'
