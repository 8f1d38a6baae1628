"""The options the commands share, each declared once.

A command stacks the decorators it takes; the help text and the parameter name
are the same wherever an option appears.
"""
from __future__ import annotations

import click


def _stack(*options):
    def apply(f):
        for option in reversed(options):
            f = option(f)
        return f
    return apply


def split_ids(values) -> tuple[str, ...]:
    """--select T101,T102 --select P → ("T101", "T102", "P")."""
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


paths_argument = click.argument("paths", nargs=-1, required=True)

output_file = click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
    help="Write to this file instead of standard output.")

no_color = click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set).")

select = click.option(
    "--select", multiple=True,
    help="Only these rules (id, name, category or id prefix); repeatable or comma-separated.")

ignore = click.option("--ignore", multiple=True, help="Skip these rules (id, name, category or id prefix).")

report_year = click.option("--report-year", type=click.IntRange(1990, 2100), default=None,
                           help="The year reported on, when the text cannot tell.")

jobs = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
                    help="Lint N files at once (default: the number of CPUs); output is the same for any N.")

lang = click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                    help="Message language (default zh, or the config's lang).")

config_file = click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                           help="A .reportlint.yaml (or pyproject.toml) to use after the project's own.")

def _kinds():
    from checker.config import report_kinds
    return ["auto", *report_kinds()]


kind = click.option("--kind", type=click.Choice(_kinds()), default=None,
                    help="What the reports are (default auto: read from each title); "
                         "rules of one kind run only on reports of that kind.")

no_unwrap = click.option("--no-unwrap", is_flag=True,
                         help="Lint hard-wrapped text (pasted from a PDF) line by line, without joining "
                              "its lines into paragraphs.")

rule_choice = _stack(select, ignore, report_year, kind)
"""--select, --ignore, --report-year, --kind: which rules run, and on what."""

settings = _stack(lang, config_file)
"""--lang and --config: every command that shows rules or findings takes them."""


def output_format(choices: tuple[str, ...], default: str, help: str):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=True, help=help)
