"""Configuration: one merge order, later wins.

    built-in defaults
    -> project file found by walking up from the current directory
       (.reportlint.yaml, or [tool.reportlint] in pyproject.toml)
    -> the file given with --config
    -> command-line flags

Keys (all optional):
    select, ignore          rule ids, names or categories
    severity                {rule id or name: error|warning|info}
    rules                   extra rule files (paths relative to the config file)
    per_path_ignores        {glob: [ids, names or categories]}
    exclude                 globs of paths not to lint when walking directories
    report_year             the year reported on when the text cannot tell
    kind                    what the reports are: auto (read from each title) or a kind of
                            rules/data/kinds.yaml (fzzf, zwgk, fuyi, zhifa)
    level                   the reporting body: default | county_department
    lang                    zh | en
    fail_on                 error | warning | info
    time_budget             seconds one file may take before its remaining rules are skipped
"""
from __future__ import annotations

import fnmatch
import os

from checker.boundedio import read_file
from checker.errors import ReportlintError
from checker.findings import SEVERITIES
from checker.record import Record, set_field
from checker.yamlio import load_yaml_file

KEYS = {"select": list, "ignore": list, "severity": dict, "rules": list, "per_path_ignores": dict,
        "exclude": list, "report_year": int, "kind": str, "level": str, "lang": str, "fail_on": str,
        "time_budget": (int, float)}
LEVELS = ("default", "county_department")
YEARS = (1990, 2100)       # a report year outside these is a typo
MAX_BUDGET = 86_400        # seconds: a day


class Config(Record):
    """The resolved configuration (see the module docstring); `sources` (the files it
    was read from) takes no part in equality."""
    __slots__ = ("select", "ignore", "severity", "rules", "per_path_ignores", "exclude", "report_year",
                 "level", "lang", "fail_on", "time_budget", "kind", "sources")
    _compare = __slots__[:-1]

    def __init__(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 severity: tuple[tuple[str, str], ...] = (), rules: tuple[str, ...] = (),
                 per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
                 exclude: tuple[str, ...] = (), report_year: int | None = None, level: str = "default",
                 lang: str = "zh", fail_on: str = "error", time_budget: float = 60.0,
                 kind: str = "auto", sources: tuple[str, ...] = ()):
        set_field(self, "select", select)
        set_field(self, "ignore", ignore)
        set_field(self, "severity", severity)
        set_field(self, "rules", rules)
        set_field(self, "per_path_ignores", per_path_ignores)
        set_field(self, "exclude", exclude)
        set_field(self, "report_year", report_year)
        set_field(self, "level", level)
        set_field(self, "lang", lang)
        set_field(self, "fail_on", fail_on)
        set_field(self, "time_budget", time_budget)
        set_field(self, "kind", kind)
        set_field(self, "sources", sources)

    def ignored_for(self, path: str) -> set[str]:
        out: set[str] = set()
        norm = path.replace(os.sep, "/")
        for pattern, names in self.per_path_ignores:
            if fnmatch.fnmatch(norm, pattern) or fnmatch.fnmatch(os.path.basename(norm), pattern):
                out.update(names)
        return out


def _validate(data, source: str, where) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReportlintError(f"{source}:1: configuration must be a mapping")
    out = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ReportlintError(f"{where(key)}: {key}: unknown configuration key "
                                  f"(known: {', '.join(sorted(KEYS))})")
        kind = KEYS[key]
        if isinstance(value, str) and kind is list:
            value = [value]
        if not isinstance(value, kind) or isinstance(value, bool):
            names = "/".join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__
            raise ReportlintError(f"{where(key)}: {key}: must be a {names}")
        if key == "time_budget" and not 0 < value <= MAX_BUDGET:  # NOTE: also refuses NaN
            raise ReportlintError(f"{where(key)}: time_budget: must be a number of seconds "
                                  f"above 0 and at most {MAX_BUDGET}")
        if key == "report_year" and not YEARS[0] <= value <= YEARS[1]:
            raise ReportlintError(f"{where(key)}: report_year: must be a year from {YEARS[0]} to {YEARS[1]}")
        if key == "lang" and value not in ("zh", "en"):
            raise ReportlintError(f"{where(key)}: lang: must be zh or en")
        if key == "fail_on" and value not in SEVERITIES:
            raise ReportlintError(f"{where(key)}: fail_on: must be one of {', '.join(SEVERITIES)}")
        if key == "kind" and value not in ("auto",) + report_kinds():
            raise ReportlintError(f"{where(key)}: kind: must be auto or one of {', '.join(report_kinds())}")
        if key == "level" and value not in LEVELS:
            raise ReportlintError(f"{where(key)}: level: must be one of {', '.join(LEVELS)}")
        if key == "severity":
            for rule, sev in value.items():
                if sev not in SEVERITIES:
                    raise ReportlintError(f"{where(key, rule)}: severity.{rule}: must be one of {', '.join(SEVERITIES)}")
            value = tuple(sorted(value.items()))
        elif key == "per_path_ignores":
            value = _per_path_ignores(value, lambda *k: where(key, *k))
        elif key == "rules":
            base = os.path.dirname(os.path.abspath(source))
            value = tuple(os.path.realpath(os.path.join(base, p)) for p in value)
        elif kind is list:
            for i, v in enumerate(value):
                if not isinstance(v, str):
                    raise ReportlintError(f"{where(key, i)}: {key}[{i}]: must be a string")
            value = tuple(value)
        out[key] = value
    return out


def report_kinds() -> tuple[str, ...]:
    """The kinds of report rules/data/kinds.yaml knows (fzzf, zwgk, …)."""
    from checker.resources import vocab_path
    return tuple(k["id"] for k in load_yaml_file(vocab_path("kinds.yaml")).data["kinds"])


def _per_path_ignores(value: dict, where) -> tuple:
    """{glob: id or [ids]} -> ((glob, (ids…)), …), every part a string."""
    out = []
    for glob, names in value.items():
        names = names if isinstance(names, list) else [names]
        if not isinstance(glob, str) or not glob or not all(isinstance(n, str) and n for n in names):
            raise ReportlintError(f"{where(glob)}: per_path_ignores: each entry is a glob with a rule id, "
                                  f"name or category, or a list of them")
        out.append((glob, tuple(names)))
    return tuple(out)


def load_config_file(path) -> dict:
    path = str(path)
    if os.path.basename(path) == "pyproject.toml":
        return _from_pyproject(path) or {}
    loc = load_yaml_file(path)
    return _validate(loc.data, str(path), lambda *k: loc.where(*k))


def _from_pyproject(path: str) -> dict | None:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(read_file(path, 5 * 1024 * 1024, "pyproject.toml").decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ReportlintError(f"{path}: cannot read ({err})") from None
    section = data.get("tool", {}).get("reportlint")
    if section is None:
        return None
    return _validate(section, str(path), lambda *k: f"{path}: [tool.reportlint]")


def find_project_config(start: str | None = None) -> str | None:
    """The nearest .reportlint.yaml, or pyproject.toml with [tool.reportlint], from
    `start` (the working directory) up to the root."""
    folder = os.path.realpath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, ".reportlint.yaml")
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _from_pyproject(pyproject) is not None:
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def resolve(config_path: str | None = None, overrides: dict | None = None,
            discover: bool = True) -> Config:
    merged: dict = {}
    sources = []
    project = find_project_config() if discover else None
    for path in (project, config_path):
        if path:
            merged.update(load_config_file(path))
            sources.append(str(path))
    for key, value in (overrides or {}).items():
        if value in (None, (), []):
            continue
        if key in ("select", "ignore"):
            value = tuple(value)
        merged[key] = value
    return Config(sources=tuple(sources), **merged)
