"""Rule packs: load YAML rule files, validate every rule, prepare its check.

A rule is data: id, name (kebab-case, for configuration), a display title
({zh, en}), category, severity, the check type it uses with its parameters, a
bilingual message, a bilingual description ({zh, en}) with its source, and
bad/good examples. Errors name the file, the line and the key.

A rule file of the user's own may give `description` as one string (shown in
either language) and leave out `title` (the name is shown); the shipped packs
(rules/*.yaml) must give both in both languages (`bilingual=True`).
"""
from __future__ import annotations

import contextlib
import re
from functools import lru_cache
from typing import Any

from checker import checks
from checker.config import report_kinds
from checker.errors import ReportlintError
from checker.findings import CATEGORIES, SEVERITIES
from checker.record import Record, set_field
from checker.resources import rule_pack_files
from checker.yamlio import Located, load_yaml_file

RULE_KEYS = {"id", "name", "title", "category", "severity", "check", "params", "message", "kinds",
             "description", "source", "examples", "enabled", "fixable"}
LANGS = ("zh", "en")
REQUIRED = ("id", "name", "category", "severity", "check", "message", "description")
_ID = re.compile(r"^[A-Z]\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PREFIX = {"structure": "S", "numbering": "N", "statistics": "T", "punctuation": "P",
           "date": "D", "terminology": "W", "placeholder": "X", "metadata": "M"}


class Rule(Record):
    """One validated rule; `enabled` False means opt-in (run only when selected);
    `kinds`, when not empty, the kinds of report it runs on (rules/data/kinds.yaml).
    `prepared` and `checker` (the check type's prepared parameters and instance)
    take no part in equality or repr."""
    __slots__ = ("id", "name", "category", "severity", "check", "params", "message", "description",
                 "source", "examples", "enabled", "kinds", "fix", "file", "line", "title", "prepared", "checker")
    _compare = __slots__[:16]
    _repr = _compare

    def __init__(self, id: str, name: str, category: str, severity: str, check: str, params: dict,
                 message: dict, description: dict | str, source: str = "", examples: dict | None = None,
                 enabled: bool = True, kinds: tuple = (), fix: str = "safe", file: str = "", line: int = 0,
                 title: dict | None = None, prepared: Any = None, checker: Any = None):
        if isinstance(description, str):
            description = {lang: description for lang in LANGS}
        set_field(self, "id", id)
        set_field(self, "name", name)
        set_field(self, "title", {lang: name for lang in LANGS} if title is None else title)
        set_field(self, "category", category)
        set_field(self, "severity", severity)
        set_field(self, "check", check)
        set_field(self, "params", params)
        set_field(self, "message", message)
        set_field(self, "description", description)
        set_field(self, "source", source)
        set_field(self, "examples", {} if examples is None else examples)
        set_field(self, "enabled", enabled)
        set_field(self, "kinds", kinds)
        set_field(self, "fix", fix)  # safe | unsafe: whether --fix applies its fixes without --unsafe-fixes
        set_field(self, "file", file)
        set_field(self, "line", line)
        set_field(self, "prepared", prepared)
        set_field(self, "checker", checker)

    def describe(self, lang: str) -> str:
        """The description in `lang` (zh or en)."""
        return self.description.get(lang) or self.description["zh"]

    def summary(self, lang: str) -> str:
        """The description's first line in `lang` (a pack writes its summary there)."""
        text = self.describe(lang).strip()
        return text.splitlines()[0] if text else self.titled(lang)

    def titled(self, lang: str) -> str:
        """The display title in `lang`: 表格合计与分项之和不符, Table total does not match its parts."""
        return self.title.get(lang) or self.title["zh"]


def _fail(loc: Located, path: tuple, rule_id: str | None, msg: str):
    who = f" rule {rule_id}:" if rule_id else ""
    key = ".".join(str(p) for p in path[2:] if not isinstance(p, int)) if len(path) > 2 else ""
    raise ReportlintError(f"{loc.where(*path)}:{who} {key + ': ' if key else ''}{msg}")


def _check_type(loc, path, rid, value, kind, name):
    if not isinstance(value, kind):
        _fail(loc, path, rid, f"{name} must be {kind.__name__ if isinstance(kind, type) else '/'.join(k.__name__ for k in kind)}")


def _bilingual(loc, path, rid, value, required: bool, key: str) -> dict:
    """{zh, en}, both non-empty strings; a plain string (both languages) only when not `required`."""
    if isinstance(value, str) and not required:
        if not value.strip():
            _fail(loc, path, rid, f"{key} must not be empty")
        return {lang: value.strip() for lang in LANGS}
    if not isinstance(value, dict) or set(value) != set(LANGS) or \
            not all(isinstance(value[k], str) and value[k].strip() for k in LANGS):
        _fail(loc, path, rid, f"{key} must have exactly the non-empty string keys zh and en"
                              + ("" if required else " (or be one string)"))
    return {lang: value[lang].strip() for lang in LANGS}


def parse_rule(loc: Located, i: int, raw: dict, pack_kinds: tuple = (), bilingual: bool = False) -> Rule:
    base = ("rules", i)
    if not isinstance(raw, dict):
        _fail(loc, base, None, "each rule must be a mapping")
    rid = raw.get("id") if isinstance(raw.get("id"), str) else None
    unknown = sorted(set(raw) - RULE_KEYS)
    if unknown:
        _fail(loc, base + (unknown[0],), rid, f"unknown key (allowed: {', '.join(sorted(RULE_KEYS))})")
    for key in REQUIRED:
        if key not in raw:
            _fail(loc, base, rid, f"missing required key {key!r}")
    for key in ("id", "name", "category", "severity", "check"):
        _check_type(loc, base + (key,), rid, raw[key], str, key)
    description = _bilingual(loc, base + ("description",), rid, raw["description"], bilingual, "description")
    title = _bilingual(loc, base + ("title",), rid, raw["title"], True, "title") if "title" in raw else None
    if bilingual and title is None:
        _fail(loc, base, rid, "missing required key 'title' ({zh: 中文名称, en: English title})")
    if not _ID.match(raw["id"]):
        _fail(loc, base + ("id",), rid, "id must be a capital letter and three digits, e.g. S101")
    if not _NAME.match(raw["name"]):
        _fail(loc, base + ("name",), rid, "name must be kebab-case")
    if raw["category"] not in CATEGORIES:
        _fail(loc, base + ("category",), rid, f"category must be one of {', '.join(CATEGORIES)}")
    if raw["severity"] not in SEVERITIES:
        _fail(loc, base + ("severity",), rid, f"severity must be one of {', '.join(SEVERITIES)}")
    if raw["id"][0] != _PREFIX[raw["category"]]:
        _fail(loc, base + ("id",), rid, f"a {raw['category']} rule id starts with {_PREFIX[raw['category']]}")
    msg = raw["message"]
    if not isinstance(msg, dict) or not all(isinstance(msg.get(k), str) for k in ("zh", "en")) \
            or set(msg) - {"zh", "en"}:
        _fail(loc, base + ("message",), rid, "message must have exactly the string keys zh and en")
    examples = raw.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"bad", "good"} or \
            not all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in examples.values()):
        _fail(loc, base + ("examples",), rid, "examples must map bad/good to lists of strings")
    for key, kind in (("source", str), ("enabled", bool), ("params", dict)):
        if key in raw:
            _check_type(loc, base + (key,), rid, raw[key], kind, key)
    # NOTE: a rule of a pack that a profile names (rules/data/kinds.yaml `packs:`) runs on
    # the kinds of those profiles unless it names its own
    kinds = raw.get("kinds", list(pack_kinds))
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        _fail(loc, base + ("kinds",), rid, "kinds must be a list of report kinds")
    known = report_kinds()
    for k in kinds:
        if k not in known:
            _fail(loc, base + ("kinds",), rid, f"unknown report kind {k!r} (known: {', '.join(known)})")
    fixable = raw.get("fixable", True)
    if fixable not in (True, False, "safe", "unsafe"):
        _fail(loc, base + ("fixable",), rid, "fixable must be true, false, safe or unsafe")
    fix = "unsafe" if fixable == "unsafe" else "safe" if fixable in (True, "safe") else "none"
    cls = _lookup(loc, base, rid, raw["check"])
    try:
        params = checks.validate_params(cls, raw.get("params") or {})
        instance = cls()
        prepared = instance.prepare(params)
    except checks.ParamError as err:
        _fail(loc, base + ("params", *err.key.split(".")), rid, str(err))
    except ReportlintError:
        raise
    except Exception as err:  # a plug-in's bug: name the rule that uses it
        _fail(loc, base + ("check",), rid, f"check type {raw['check']!r} failed to prepare "
                                          f"({type(err).__name__}: {err})")
    return Rule(id=raw["id"], name=raw["name"], category=raw["category"], severity=raw["severity"],
                check=raw["check"], params=raw.get("params") or {}, message=msg,
                description=description, source=raw.get("source", ""),
                examples=examples, enabled=raw.get("enabled", True), kinds=tuple(kinds), fix=fix, file=loc.source,
                line=loc.line(*base), title=title, prepared=prepared, checker=instance)


def _lookup(loc, base, rid, name):
    try:
        cls = checks.get(name)
    except LookupError as err:
        _fail(loc, base + ("check",), rid, str(err))
    if cls is None:
        known = ", ".join(sorted(checks.all_types()))
        _fail(loc, base + ("check",), rid, f"unknown check type {name!r} (known: {known})")
    return cls


def load_rule_file(path, bilingual: bool = False) -> list[Rule]:
    """The rules of one file; `bilingual`: every rule must have a title and a
    description in both languages (the shipped packs)."""
    loc = load_yaml_file(path)
    data = loc.data
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ReportlintError(f"{path}:1: a rule file is a mapping with a 'rules' list")
    # x-… keys hold YAML anchors shared by examples (as in docker-compose files)
    extra = sorted(k for k in set(data) - {"rules", "pack", "description"} if not str(k).startswith("x-"))
    if extra:
        raise ReportlintError(f"{loc.where(extra[0])}: {extra[0]}: unknown top-level key")
    from checker.document.profiles import pack_kinds
    owned = pack_kinds().get(data.get("pack"), ()) if isinstance(data.get("pack"), str) else ()
    return [parse_rule(loc, i, raw, owned, bilingual) for i, raw in enumerate(data["rules"])]


_SNAPSHOT = {"on": False}
_INPUTS: dict[tuple, tuple[str, ...]] = {}


def use_snapshot() -> None:
    """Keep the prepared rules in the user cache between runs (the CLI's choice; see rules_snapshot)."""
    _SNAPSHOT["on"] = True


@lru_cache(maxsize=8)
def load_rules(extra_files: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Built-in packs (rules/*.yaml, sorted) then extra files; ids must be unique."""
    from checker.speed.rules_snapshot import load
    rules, _INPUTS[extra_files] = load(extra_files, lambda: _load_rules(extra_files), snapshot=_SNAPSHOT["on"])
    return rules


def rule_inputs(extra_files: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The files outside the shipped rules folder read to make these rules: the extra
    rule files and the vocabularies they name (for caches keyed by what rules depend on).

    NOTE: a vocabulary already loaded in this process before the rules is not seen;
    in the CLI the rules are loaded first.
    """
    load_rules(extra_files)
    return _INPUTS.get(extra_files, ())


def _load_rules(extra_files: tuple[str, ...]) -> tuple[Rule, ...]:
    from checker.checks._util import trusted_patterns
    files = [(f, True) for f in rule_pack_files()] + [(p, False) for p in extra_files]
    seen: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    out = []
    for f, ours in files:
        with (trusted_patterns() if ours else contextlib.nullcontext()):
            loaded = load_rule_file(f, bilingual=ours)
        for rule in loaded:
            for table, key in ((seen, rule.id), (names, rule.name)):
                if key in table:
                    other = table[key]
                    raise ReportlintError(f"{rule.file}:{rule.line}: rule {rule.id}: duplicate "
                                          f"{'id' if table is seen else 'name'} {key!r} "
                                          f"(first defined at {other.file}:{other.line})")
                table[key] = rule
            out.append(rule)
    return tuple(out)


def check_names(config, rules=None) -> None:
    """Refuse a rule id, name or category the rules do not know, wherever the
    configuration names one (select, ignore, severity, per_path_ignores; file or flag):
    a typo must not run nothing and report 未发现问题."""
    rules = load_rules(tuple(config.rules)) if rules is None else rules
    known = {n for r in rules for n in (r.id, r.name, r.category)}
    named = [("select", n) for n in config.select] + [("ignore", n) for n in config.ignore]
    named += [("severity", n) for n, _ in config.severity]
    named += [("per_path_ignores", n) for entry in config.per_path_ignores for n in entry[1]]
    for key, name in named:
        if name in known or _is_prefix(name, rules):
            continue
        hint = suggest(name, sorted(known))
        zh = f"未知规则 {name}" + (f"，是否为 {hint}？" if hint else "（reportlint rules 列出全部规则）")
        en = f"unknown rule {name}" + (f"; did you mean {hint}?" if hint else " (see reportlint rules)")
        raise ReportlintError(f"{config.where(key, name)}: {zh if config.lang == 'zh' else en}")


def _is_prefix(name: str, rules) -> bool:
    """T, T1, P10: an id prefix (as --select accepts) that some rule id starts with."""
    return len(name) < 4 and name[:1].isupper() and any(r.id.startswith(name) for r in rules)


_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "i": "1"})


def suggest(name: str, known: list[str]) -> str | None:
    """The rule id or name `name` was probably meant to be (T1O1 → T101, statisticz → statistics)."""
    upper = name[:1].upper() + name[1:].translate(_LOOKALIKE)
    if upper in known:
        return upper
    import difflib
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return close[0] if close else None
