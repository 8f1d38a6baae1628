"""The `reportlint` command group and its error handling.

Each command lives in its own module (check, parse, rules, stats) and is
imported only when it runs, so `reportlint --help` and a one-file pre-commit
run pay only for what they use.
"""
from __future__ import annotations

import importlib
import os
import sys

import click

from checker.errors import ExitCode, ReportlintError

COMMANDS = {"check": "checker.cli.check", "parse": "checker.cli.parse",
            "rules": "checker.cli.rules", "stats": "checker.cli.stats"}


class LazyGroup(click.Group):
    """A group whose commands are imported from their modules on first use."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        module = COMMANDS.get(name)
        if module is None:
            return None
        return getattr(importlib.import_module(module), name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportlint")
def cli():
    """reportlint: find defects in 法治政府建设年度报告 before they are published."""


def main():
    _safe_streams()
    try:
        cli(standalone_mode=False, prog_name="reportlint")
    except ReportlintError as err:
        click.echo(f"reportlint: error: {err}", err=True)
        sys.exit(ExitCode.USAGE)
    except click.exceptions.Abort:
        sys.exit(130)
    except click.UsageError as err:
        if type(err).__name__ == "NoArgsIsHelpError":  # bare `reportlint`: its help (click ≥ 8.2)
            click.echo(err.ctx.get_help())
            sys.exit(ExitCode.OK)
        command = f" {err.ctx.info_name}" if err.ctx and err.ctx.parent else ""
        hint = f" (see reportlint{command} --help)"
        click.echo(f"reportlint: error: {_one_line(err.format_message())}{hint}", err=True)
        sys.exit(ExitCode.USAGE)
    except click.ClickException as err:
        click.echo(f"reportlint: error: {_one_line(err.format_message())}", err=True)
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


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _safe_streams() -> None:
    """Never fail on a character the terminal's encoding lacks (a GBK or ASCII console):
    it is written escaped instead."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):  # replaced or closed stream
            pass
