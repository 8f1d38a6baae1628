"""The `reportlint` command group and its error handling.

Each command lives in its own module (check, parse, rules, stats) and is
imported only when it runs, so `reportlint --help` and a one-file pre-commit
run pay only for what they use.
"""
from __future__ import annotations

import importlib
import os
import re
import sys

import click

from checker.errors import ExitCode, ReportlintError

COMMANDS = {"check": "checker.cli.check", "parse": "checker.cli.parse",
            "rules": "checker.cli.rules", "stats": "checker.cli.stats", "server": "checker.cli.server"}


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
        zh = _language() == "zh"
        hint = f"（用法见 reportlint{command} --help）" if zh else f" (see reportlint{command} --help)"
        message = _one_line(err.format_message())
        click.echo(f"reportlint: error: {_in_chinese(message) if zh else message}{hint}", err=True)
        sys.exit(ExitCode.USAGE)
    except click.ClickException as err:
        message = _one_line(err.format_message())
        click.echo(f"reportlint: error: {_in_chinese(message) if _language() == 'zh' else message}", err=True)
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


def _language() -> str:
    """The language of usage errors: --lang on the command line, else Chinese."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "zh"


# click's usage messages in Chinese (the users are Chinese civil servants); anything
# not listed is shown as click wrote it
_CHINESE = [
    (re.compile(r"^No such option:? '?([^'\s.]+)'?\.?(?: Did you mean '?([^'?]+)'?\?)?$"),
     lambda m: f"没有选项 {m[1]}" + (f"，是否为 {m[2]}？" if m[2] else "")),
    (re.compile(r"^No such command '([^']+)'\.?$"), lambda m: f"没有命令 {m[1]}"),
    (re.compile(r"^Missing argument '([^']+)'\.?$"), lambda m: f"缺少参数 {m[1]}"),
    (re.compile(r"^Missing option '([^']+)'\.?$"), lambda m: f"缺少选项 {m[1]}"),
    (re.compile(r"^Invalid value for '([^']+)': (.*)$"), lambda m: f"选项 {m[1]} 的值无效：{m[2]}"),
    (re.compile(r"^Option '([^']+)' requires an argument\.?$"), lambda m: f"选项 {m[1]} 需要一个值"),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)$"), lambda m: f"多余的参数：{m[1]}"),
]


def _in_chinese(message: str) -> str:
    for pattern, render in _CHINESE:
        m = pattern.match(message)
        if m:
            return render(m)
    return message


def _safe_streams() -> None:
    """Never fail on a character the terminal's encoding lacks (a GBK or ASCII console):
    it is written escaped instead."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):  # replaced or closed stream
            pass
