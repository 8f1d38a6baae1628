"""`reportlint rules`: the catalogue of rules, one line each, or one in full."""
from __future__ import annotations

import click

from checker.cli import options


@click.command()
@click.option("--explain", "explain", default=None, metavar="ID", help="Describe one rule in full.")
@options.kind
@options.settings
def rules(explain, kind, lang, config_path):
    """List every rule (that runs on one kind of report, with --kind), or explain one."""
    from checker.config import resolve
    config = resolve(config_path, {"lang": lang})
    click.echo(explain_rule(config, explain) if explain else list_rules(config, kind), nl=False)


def list_rules(config, kind: str | None = None) -> str:
    from checker.rules import load_rules
    rules = [r for r in load_rules(tuple(config.rules))
             if kind in (None, "auto") or not r.kinds or kind in r.kinds]
    out = []
    for r in rules:
        first = r.description.strip().splitlines()[0] if r.description.strip() else ""
        opt = "" if r.enabled else " (opt-in)"
        out.append(f"{r.id}  {r.name:<32} {r.category:<12} {r.severity:<8} {first}{opt}")
    out.append(f"{len(rules)} rules")
    return "\n".join(out) + "\n"


def explain_rule(config, key: str) -> str:
    from checker.errors import ReportlintError
    from checker.rules import load_rules
    rules = load_rules(tuple(config.rules))
    rule = next((r for r in rules if key in (r.id, r.name)), None)
    if rule is None:
        raise ReportlintError(f"no rule {key!r} (see `reportlint rules`)")
    only = f"   kinds: {', '.join(rule.kinds)}" if rule.kinds else ""
    out = [f"{rule.id} {rule.name}", f"category: {rule.category}   severity: {rule.severity}   "
           f"check: {rule.check}{'   (opt-in)' if not rule.enabled else ''}{only}", "",
           rule.description.strip(), ""]
    if rule.source:
        out += [f"source: {rule.source}", ""]
    out.append(f"message (zh): {rule.message['zh']}")
    out.append(f"message (en): {rule.message['en']}")
    for kind in ("bad", "good"):
        for ex in rule.examples.get(kind, []):
            out.append("")
            out.append(f"{kind}:")
            out.extend("    " + line for line in ex.rstrip().splitlines())
    return "\n".join(out) + "\n"
