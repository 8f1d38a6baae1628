"""`reportlint parse`: the outline reportlint reads from one report."""
from __future__ import annotations

import click

from checker.cli import options


@click.command()
@click.argument("path")
@options.output_format(("tree", "json", "text"), "tree",
                       "tree: the outline; json: the outline for programs; text: the text as reportlint "
                       "read it (what a PDF or web page became).")
@options.no_unwrap
@options.settings
def parse(path, fmt, no_unwrap, lang, config_path):
    """Show the outline reportlint reads from one report, or the text it read."""
    from checker.document.reading import read_path
    source = read_path(path, not no_unwrap)
    if fmt == "text":
        click.echo(source.text, nl=False)
        return
    from checker.document.outline import build
    from checker.formatters.outline_format import format_json, format_tree
    doc = build(source.text, path)
    if fmt == "json":
        click.echo(format_json(doc), nl=False)
        return
    from checker.config import resolve
    click.echo(format_tree(doc, resolve(config_path, {"lang": lang}).lang), nl=False)
