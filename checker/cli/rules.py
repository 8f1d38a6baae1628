"""`reportlint rules`: the catalogue of rules, one line each, or one in full,
in the user's language (--lang, default zh)."""
from __future__ import annotations

import click

from checker.cli import options

_WORDS = {
    "zh": {"rules": "条规则", "opt_in": "（需选用）", "category": "类别", "severity": "严重程度",
           "check": "检查类型", "kinds": "适用报告类型", "source": "依据", "message": "提示信息",
           "bad": "错误示例", "good": "正确示例", "name": "配置名", "no_rule": "没有规则 {key}（reportlint rules 列出全部规则）"},
    "en": {"rules": "rules", "opt_in": " (opt-in)", "category": "category", "severity": "severity",
           "check": "check", "kinds": "kinds", "source": "source", "message": "message",
           "bad": "bad", "good": "good", "name": "name", "no_rule": "no rule {key!r} (see `reportlint rules`)"},
}


@click.command()
@click.option("--explain", "explain", default=None, metavar="ID", help="Describe one rule in full.")
@options.kind
@options.settings
def rules(explain, kind, lang, config_path):
    """List every rule (that runs on one kind of report, with --kind), or explain one."""
    from checker.config import resolve
    config = resolve(config_path, {"lang": lang})
    click.echo(explain_rule(config, explain) if explain else list_rules(config, kind), nl=False)


def _labels(lang: str):
    from checker.formatters.htmlpage.labels import Labels
    return Labels(lang)


def _pad(text: str, width: int) -> str:
    from checker.formatters.text_format import display_width
    return text + " " * max(0, width - display_width(text))


def list_rules(config, kind: str | None = None) -> str:
    from checker.formatters.text_format import display_width
    from checker.rules import load_rules
    lang = "en" if config.lang == "en" else "zh"
    words, labels = _WORDS[lang], _labels(lang)
    rules = [r for r in load_rules(tuple(config.rules))
             if kind in (None, "auto") or not r.kinds or kind in r.kinds]
    rows = [(r.id, r.titled(lang), r.name, labels.category(r.category), labels.severity(r.severity),
             r.summary(lang) + ("" if r.enabled else words["opt_in"])) for r in rules]
    widths = [max((display_width(row[i]) for row in rows), default=0) for i in range(5)]
    out = ["  ".join(_pad(cell, w) for cell, w in zip(row[:5], widths)) + "  " + row[5] for row in rows]
    out.append(f"{len(rules)} {words['rules']}" if lang == "zh" else f"{len(rules)} rules")
    return "\n".join(out) + "\n"


def explain_rule(config, key: str) -> str:
    from checker.errors import ReportlintError
    from checker.rules import load_rules
    lang = "en" if config.lang == "en" else "zh"
    words, labels = _WORDS[lang], _labels(lang)
    colon = "：" if lang == "zh" else ": "
    rules = load_rules(tuple(config.rules))
    rule = next((r for r in rules if key in (r.id, r.name)), None)
    if rule is None:
        raise ReportlintError(words["no_rule"].format(key=key))
    only = f"   {words['kinds']}{colon}{', '.join(rule.kinds)}" if rule.kinds else ""
    out = [f"{rule.id} {rule.titled(lang)}（{rule.name}）" if lang == "zh" else f"{rule.id} {rule.name}: {rule.titled(lang)}",
           f"{words['category']}{colon}{labels.category(rule.category)}   "
           f"{words['severity']}{colon}{labels.severity(rule.severity)}   "
           f"{words['check']}{colon}{rule.check}{words['opt_in'] if not rule.enabled else ''}{only}", "",
           rule.describe(lang), ""]
    if rule.source:
        out += [f"{words['source']}{colon}{rule.source}", ""]
    if lang == "zh":
        out.append(f"{words['message']}{colon}{rule.message['zh']}")
    else:
        out.append(f"message (en): {rule.message['en']}")
        out.append(f"message (zh): {rule.message['zh']}")
    for kind in ("bad", "good"):
        for ex in rule.examples.get(kind, []):
            out.append("")
            out.append(f"{words[kind]}{colon.rstrip()}")
            out.extend("    " + line for line in ex.rstrip().splitlines())
    return "\n".join(out) + "\n"
