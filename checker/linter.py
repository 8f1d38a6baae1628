"""Run the selected rules over a Document and turn their hits into Findings."""
from __future__ import annotations

import os
import re
import string
import time

from checker.config import Config
from checker.errors import BudgetExceeded, ReportlintError
from checker.findings import SEVERITY_RANK, Finding, Hit, clip
from checker.rules import Rule, load_rules


class Context:
    """What a check may know besides the document: configuration and the rule."""
    __slots__ = ("config", "rule")

    def __init__(self, config: Config, rule: Rule | None = None):
        self.config = config
        self.rule = rule

    def report_year(self, doc) -> int | None:
        return self.config.report_year or doc.report_year

    def report_kind(self, doc) -> str:
        return doc.report_kind if self.config.kind == "auto" else self.config.kind

    @property
    def level(self) -> str:
        return self.config.level

    def rule_names(self) -> frozenset:
        """Every id, name and category of the rules known to this configuration (what a
        suppression comment may name)."""
        return frozenset(n for r in load_rules(tuple(self.config.rules)) for n in (r.id, r.name, r.category))

    def suggest(self, name: str) -> str | None:
        """The rule id or name `name` was probably meant to be (T1O1 → T101), or None."""
        from checker.rules import suggest
        return suggest(name, sorted(self.rule_names()))


class RuleError:
    __slots__ = ("rule", "path", "error")

    def __init__(self, rule: Rule, path: str, error: str):
        self.rule = rule
        self.path = path
        self.error = error

    def __str__(self):
        return f"{self.rule.file}:{self.rule.line}: rule {self.rule.id} failed on {self.path}: {self.error}"


class Result:
    __slots__ = ("findings", "errors")

    def __init__(self, findings: list[Finding] | None = None, errors: list[RuleError] | None = None):
        self.findings = findings if findings is not None else []
        self.errors = errors if errors is not None else []


def _matches(rule: Rule, names) -> bool:
    for n in names:
        if n in (rule.id, rule.name, rule.category) or (len(n) < 4 and n[:1].isupper() and rule.id.startswith(n)):
            return True
    return False


_SELECTED: dict = {}  # (rules, select, ignored) -> (rules, the selection): the same for every file of a run


def select_rules(config: Config, path: str = "") -> list[Rule]:
    rules = load_rules(tuple(config.rules))
    ignored = set(config.ignore) | config.ignored_for(path)
    # NOTE: keyed by the id of the (cached) rules tuple, which the entry keeps alive
    key = (id(rules), tuple(config.select), frozenset(ignored))
    found = _SELECTED.get(key)
    if found is None:
        if len(_SELECTED) > 64:
            _SELECTED.clear()
        found = _SELECTED[key] = (rules, _select(rules, config, ignored))
    return list(found[1])


def _select(rules, config: Config, ignored: set) -> list[Rule]:
    out = []
    for rule in rules:
        explicitly = _matches(rule, (s for s in config.select if s in (rule.id, rule.name)))
        if not (rule.enabled or explicitly):
            continue
        if config.select and not _matches(rule, config.select):
            continue
        if _matches(rule, ignored):
            continue
        out.append(rule)
    return out


class _Args(dict):
    def __missing__(self, key):
        return "{" + key + "}"


MAX_ARG = 60        # characters of a quoted value in a message
MAX_EXPECTED = 120  # characters of an expected text


def _bounded(value):
    return clip(value, MAX_ARG) if isinstance(value, str) else value


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_OPERATOR = re.compile(r"\s*([=≠<>≤≥+\-−×÷/])\s*")
_DIGIT_SPACE = re.compile(r"(?<=[\d%])[ \t]+(?=[\u3400-\u9fff（(])|(?<=[\u3400-\u9fff）)])[ \t]+(?=\d)")


def zh_dates(text: str) -> str:
    """ISO dates as a Chinese reader writes them: 2021-06-08 → 2021年6月8日."""
    return _ISO_DATE.sub(lambda m: f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日", text)


def zh_computation(text: str) -> str:
    """A computation in Chinese style: no spaces around operators or between a figure and
    Chinese words (430+800=1230≠1250, 总计3≠自然人3+法人或其他组织1=4), full-width ；."""
    text = _OPERATOR.sub(r"\1", zh_dates(text)).replace("; ", "；")
    return _DIGIT_SPACE.sub("", text)


def _in_language(value, lang: str):
    value = value.get(lang, value.get("zh")) if isinstance(value, dict) else value
    return zh_dates(value) if lang == "zh" and isinstance(value, str) else value


def render(template: str, args: dict, lang: str) -> str:
    values = _Args({k: _bounded(zh_computation(v) if lang == "zh" and k == "computation" and isinstance(v, str)
                                else _in_language(v, lang)) for k, v in args.items()})
    try:
        return string.Formatter().vformat(template, (), values)
    except (ValueError, IndexError, AttributeError):
        return template


def _severity(rule: Rule, config: Config) -> str:
    overrides = dict(config.severity)
    return overrides.get(rule.id) or overrides.get(rule.name) or rule.severity


_LANGUAGE_VIEWS = frozenset(("sentences", "quantities"))
_CPUS = os.cpu_count() or 1


def _reads_language(rule: Rule) -> bool:
    """Does the rule's check type declare that it reads sentences or figures (`needs`)?"""
    return not _LANGUAGE_VIEWS.isdisjoint(getattr(rule.checker, "needs", ()))


def run_rules(doc, rules: list[Rule], config: Config, release: bool = False, quotes: bool = True) -> Result:
    """Run `rules` over `doc`. The rules that read sentences or figures run first;
    with `release`, those views are dropped from `doc` once they have run (a
    caller that reads the Document afterwards leaves it off). Without `quotes`,
    findings carry no copy of their text (`quote` is ""; see findings.quote_of)."""
    result = Result()
    ctx = Context(config)
    n = len(doc.text)
    wall = time.perf_counter()
    deadline = time.process_time() + config.time_budget  # NOTE: CPU time: the same on a busy machine
    # NOTE: reading the CPU clock is a system call (some µs; ~120 a file), the wall clock is
    # not; the process cannot have used more CPU time than the wall time passed times the
    # number of CPUs, so the CPU clock is read only once that product nears the budget
    # (the same decisions, as if it were read before every rule)
    wall_before = wall + config.time_budget / (2 * _CPUS)
    # NOTE: findings are sorted below, so the order rules run in changes no output
    kind = ctx.report_kind(doc) if any(r.kinds for r in rules) else None
    readers, others = [], []  # NOTE: the readers first, each group in its given order
    for r in rules:
        if not r.kinds or kind in r.kinds:
            (readers if _reads_language(r) else others).append(r)
    rules = readers + others
    last_reader = len(readers) - 1
    for i, rule in enumerate(rules):
        if release and i == last_reader + 1 and last_reader >= 0:
            doc.release_language_views()
        # one pathological file must not stall a CI run
        if time.perf_counter() > wall_before and time.process_time() > deadline:
            result.errors.append(_out_of_time(rule, doc, config))
            break
        ctx.rule = rule
        try:
            hits = _checked(list(rule.checker.run(doc, rule.prepared, ctx)))
        except BudgetExceeded:  # raised inside the rule by the CLI's CPU timer (checker.cli.budget)
            result.errors.append(_out_of_time(rule, doc, config))
            break
        except Exception as err:  # a broken rule is reported, the others still run
            result.errors.append(RuleError(rule, doc.path, f"{type(err).__name__}: {err}"))
            continue
        severity = _severity(rule, config) if hits else None
        zh = config.lang == "zh"
        for hit in hits:
            start = max(0, min(hit.start, n))
            end = max(start, min(hit.end, n))
            a = doc.index.span(start, end)
            expected, computation = hit.expected, hit.computation
            if isinstance(computation, dict):
                computation = computation.get(config.lang) or computation.get("zh")
            if expected and zh:
                expected = zh_dates(expected)
            if computation and zh:
                computation = zh_computation(computation)
            result.findings.append(Finding(
                path=doc.path, line=a.line, column=a.column, end_line=a.end_line,
                end_column=a.end_column, rule=rule.id, name=rule.name, category=rule.category,
                severity=severity, message=render(rule.message[config.lang], hit.args, config.lang),
                expected=clip(expected, MAX_EXPECTED) if expected else expected, start=start, end=end, fixes=tuple(hit.fixes),
                quote=doc.text[start:end] if quotes else "", computation=computation))
    result.findings.sort(key=Finding.sort_key)
    return result


def _out_of_time(rule: Rule, doc, config: Config) -> RuleError:
    return RuleError(rule, doc.path, f"time budget of {config.time_budget:g} s (CPU) used up; "
                                     f"this and later rules skipped")


def _checked(hits: list) -> list:
    """A check type's hits, refused (as the rule's error) when one is not a Hit with offsets
    and string arguments: a plug-in's bug must name the rule, not crash a formatter."""
    for hit in hits:
        if not isinstance(hit, Hit) or type(hit.start) is not int or type(hit.end) is not int \
                or not isinstance(hit.args, dict) or not (hit.expected is None or isinstance(hit.expected, str)):
            raise TypeError(f"the check type yielded {hit!r}, not a Hit(start, end, args, expected)")
    return hits


def lint_document(doc, config: Config | None = None, keep_views: bool = True, quotes: bool = True) -> Result:
    """Lint `doc`; `keep_views=False` lets the run drop views it no longer needs
    (see run_rules) when the caller is done with the Document afterwards;
    `quotes=False` leaves the findings' quotes to be read from the source text
    (findings.quote_of), for a caller that keeps it (checker.cli.batch)."""
    config = config or Config()
    rules = select_rules(config, doc.path)
    result = run_rules(doc, rules, config, release=not keep_views, quotes=quotes)
    from checker.suppress import apply  # suppression comments (<!-- reportlint-disable … -->)
    result.findings = apply(doc, result.findings, rules, load_rules(tuple(config.rules)))
    return result


def lint_text(text: str, config: Config | None = None, path: str = "<text>") -> list[Finding]:
    """Lint report text; return findings sorted by position. Pure: no I/O."""
    from checker.document.outline import build
    result = lint_document(build(text, path), config)
    if result.errors:
        raise ReportlintError(str(result.errors[0]))
    return result.findings


def lint_path(path: str, config: Config | None = None) -> list[Finding]:
    """Read, decode and lint one file of any format the CLI reads (checker.document.reading);
    positions refer to the text as the reader sees it (Source.shown: a PDF's pages), quotes
    to the text as linted (a paragraph joined from wrapped lines reads whole)."""
    from checker.document.reading import read_path
    from checker.document.unwrap import relocate
    config = config or Config()
    source = read_path(path, config.unwrap)
    return relocate(lint_text(source.text, config, path), source)


def at_or_above(findings, level: str) -> bool:
    return any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level] for f in findings)
