"""The `reportlint` command line: check, parse, rules.

Heavy modules are imported inside the commands, so `reportlint --help` and a
one-file pre-commit run pay only for what they use.
"""
from __future__ import annotations

import os
import sys

import click

from checker.errors import ExitCode, ReportlintError


def _lang_option(f):
    return click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                        help="Message language (default zh, or the config's lang).")(f)


def _config_option(f):
    return click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                        help="A .reportlint.yaml (or pyproject.toml) to use after the project's own.")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportlint")
def cli():
    """reportlint: find defects in 法治政府建设年度报告 before they are published."""


def _output_options(f):
    options = [
        click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "html"]),
                     default="text", show_default=True,
                     help="text for people, json, sarif (code scanning), github (Actions annotations), html."),
        click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
                     help="Write the report to this file instead of standard output."),
        click.option("--no-color", is_flag=True, help="No colour (also when NO_COLOR is set)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _ci_options(f):
    options = [
        click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Lint N files at once (default: the number of CPUs); output is the same for any N."),
        click.option("--baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                     help="Report only findings not recorded in this baseline file."),
        click.option("--write-baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                     help="Record today's findings in FILE (and report nothing)."),
        click.option("--fix", is_flag=True, help="Apply safe mechanical fixes in place (verified, atomic)."),
        click.option("--diff", is_flag=True, help="Show the fixes --fix would make as a unified diff; change nothing."),
        click.option("--progress/--no-progress", default=None,
                     help="Progress bar on standard error (default: only for 10+ files on a terminal)."),
        click.option("--no-cache", is_flag=True,
                     help="Neither read nor write the result cache (unchanged files are otherwise not linted again)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_output_options
@click.option("--select", multiple=True, help="Only these rules (id, name, category or id prefix); repeatable or comma-separated.")
@click.option("--ignore", multiple=True, help="Skip these rules (id, name, category or id prefix).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default error).")
@click.option("--report-year", type=int, default=None, help="The year reported on, when the text cannot tell.")
@_ci_options
@_lang_option
@_config_option
def check(paths, select, ignore, **options):
    """Lint reports: files, directories (*.txt, *.md, *.docx) or - for stdin."""
    from checker.cli.check import run_check
    code = run_check(paths=paths, select=_split(select), ignore=_split(ignore), **options)
    sys.exit(code)


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["tree", "json"]), default="tree", show_default=True)
def parse(path, fmt):
    """Show the outline reportlint reads from one report."""
    from checker.document.outline import build
    from checker.formatters.outline_format import format_json, format_tree
    from checker.document.reading import read_path
    source = read_path(path)
    doc = build(source.text, path)
    click.echo((format_json if fmt == "json" else format_tree)(doc), nl=False)


@cli.command()
@click.option("--explain", "explain", default=None, metavar="ID", help="Describe one rule in full.")
@_lang_option
@_config_option
def rules(explain, lang, config_path):
    """List every rule, or explain one."""
    from checker.cli.catalogue import explain_rule, list_rules
    from checker.config import resolve
    config = resolve(config_path, {"lang": lang})
    click.echo(explain_rule(config, explain) if explain else list_rules(config), nl=False)

from checker.cli.stats import stats  # noqa: E402
cli.add_command(stats)


def _split(values) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def main():
    try:
        cli(standalone_mode=False)
    except ReportlintError as err:
        click.echo(f"reportlint: error: {err}", err=True)
        sys.exit(ExitCode.USAGE)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(ExitCode.USAGE)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as err:  # never a traceback for users; REPORTLINT_DEBUG=1 shows it
        if os.environ.get("REPORTLINT_DEBUG"):
            raise
        click.echo(f"reportlint: internal error: {type(err).__name__}: {err} "
                   f"(set REPORTLINT_DEBUG=1 for details)", err=True)
        sys.exit(ExitCode.USAGE)


if __name__ == "__main__":
    main()
