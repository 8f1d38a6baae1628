"""`reportlint parse`: the outline reportlint reads from one report."""
from __future__ import annotations

import click

from checker.cli import options


@click.command()
@click.argument("path")
@options.output_format(("tree", "json"), "tree", "tree for people, json for programs.")
def parse(path, fmt):
    """Show the outline reportlint reads from one report."""
    from checker.document.outline import build
    from checker.document.reading import read_path
    from checker.formatters.outline_format import format_json, format_tree
    source = read_path(path)
    doc = build(source.text, path)
    click.echo((format_json if fmt == "json" else format_tree)(doc), nl=False)
