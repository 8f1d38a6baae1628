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
    level                   the reporting body: default | county_department | department |
                            government (the profiles' deadlines, rules/data/kinds.yaml)
    lang                    zh | en
    fail_on                 error | warning | info
    time_budget             CPU seconds one file may take before its remaining rules are skipped
    unwrap                  join hard-wrapped lines (text pasted from a PDF) before linting (true)
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
        "time_budget": (int, float), "unwrap": bool}
LEVELS = ("default", "county_department")
YEARS = (1990, 2100)       # a report year outside these is a typo
MAX_BUDGET = 86_400        # seconds: a day


class Config(Record):
    """The resolved configuration (see the module docstring); `sources` (the files it
    was read from) takes no part in equality."""
    __slots__ = ("select", "ignore", "severity", "rules", "per_path_ignores", "exclude", "report_year",
                 "level", "lang", "fail_on", "time_budget", "kind", "unwrap", "sources", "origins")
    _compare = __slots__[:-2]

    def __init__(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 severity: tuple[tuple[str, str], ...] = (), rules: tuple[str, ...] = (),
                 per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
                 exclude: tuple[str, ...] = (), report_year: int | None = None, level: str = "default",
                 lang: str = "zh", fail_on: str = "error", time_budget: float = 60.0,
                 kind: str = "auto", unwrap: bool = True, sources: tuple[str, ...] = (),
                 origins: tuple = ()):
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
        set_field(self, "unwrap", unwrap)
        set_field(self, "sources", sources)
        set_field(self, "origins", origins)  # ((key, rule id or name, where it was written), …)

    def where(self, key: str, name: str) -> str:
        """Where a rule id or name of `key` (select, ignore, severity, per_path_ignores) was
        written: file:line of a configuration file, or the command-line flag."""
        return next((w for k, n, w in self.origins if k == key and n == name), f"--{key.replace('_', '-')}")

    def ignored_for(self, path: str) -> set[str]:
        """The rules `per_path_ignores` turns off for `path`. A pattern is matched against the
        path relative to the folder of the configuration file that states it (the working
        directory for a pattern given without one), and against the file's name."""
        out: set[str] = set()
        absolute = os.path.abspath(path)
        for entry in self.per_path_ignores:
            pattern, names, base = entry if len(entry) == 3 else (*entry, ".")
            norm = os.path.relpath(absolute, base).replace(os.sep, "/")
            if fnmatch.fnmatch(norm, pattern) or fnmatch.fnmatch(os.path.basename(norm), pattern):
                out.update(names)
        return out


_ID_KEYS = ("select", "ignore", "severity", "per_path_ignores")


def _origins(key: str, value, where) -> tuple:
    """(key, rule id or name, file:line) for every id a configuration key names."""
    if key in ("select", "ignore"):
        return tuple((key, v, where(key, i)) for i, v in enumerate(value))
    if key == "severity":
        return tuple((key, rule, where(key, rule)) for rule in value)
    if key == "per_path_ignores":
        return tuple((key, n, where(key, glob)) for glob, names in value.items()
                     for n in (names if isinstance(names, list) else [names]))
    return ()


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
        if key in _ID_KEYS and isinstance(value, (list, dict)):
            out.setdefault("origins", ())
            out["origins"] += _origins(key, value, where)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
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
        if key == "level" and value not in report_levels():
            raise ReportlintError(f"{where(key)}: level: must be one of {', '.join(report_levels())}")
        if key == "severity":
            for rule, sev in value.items():
                if sev not in SEVERITIES:
                    raise ReportlintError(f"{where(key, rule)}: severity.{rule}: must be one of {', '.join(SEVERITIES)}")
            value = tuple(sorted(value.items()))
        elif key == "per_path_ignores":
            value = _per_path_ignores(value, lambda *k: where(key, *k), os.path.dirname(os.path.abspath(source)))
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


def report_levels() -> tuple[str, ...]:
    """The reporting bodies' levels the profiles' deadlines know (rules/data/kinds.yaml):
    default, county_department, department, government."""
    from checker.resources import vocab_path
    out = list(LEVELS)
    for k in load_yaml_file(vocab_path("kinds.yaml")).data["kinds"]:
        out += [lv for lv in ((k.get("deadline") or {}).get("levels") or {}) if lv not in out]
    return tuple(out)


def _per_path_ignores(value: dict, where, base: str) -> tuple:
    """{glob: id or [ids]} -> ((glob, (ids…), the folder the glob is relative to), …)."""
    out = []
    for glob, names in value.items():
        names = names if isinstance(names, list) else [names]
        if not isinstance(glob, str) or not glob or not all(isinstance(n, str) and n for n in names):
            raise ReportlintError(f"{where(glob)}: per_path_ignores: each entry is a glob with a rule id, "
                                  f"name or category, or a list of them")
        out.append((glob, tuple(names), base))
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


def user_config() -> str | None:
    """The user's own configuration: $XDG_CONFIG_HOME/reportlint/config.yaml
    (~/.config/reportlint/config.yaml), when it exists."""
    base = os.environ.get("XDG_CONFIG_HOME", "")
    if not os.path.isabs(base):
        home = os.path.expanduser("~")
        base = os.path.join(home, ".config") if os.path.isabs(home) else ""
    path = os.path.join(base, "reportlint", "config.yaml") if base else ""
    return path if path and os.path.isfile(path) else None


def find_project_config(start: str | None = None) -> str | None:
    """The nearest .reportlint.yaml, or pyproject.toml with [tool.reportlint], from
    `start` (a linted file's folder; the working directory by default) up to the root."""
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
            discover: bool = True, start: str | None = None) -> Config:
    """The configuration for files in the folder `start` (default: the working directory):
    defaults → the user's configuration → the nearest project configuration walking up
    from `start` → `config_path` (--config) → `overrides` (flags); later wins."""
    merged: dict = {}
    sources = []
    found = (user_config(), find_project_config(start)) if discover else ()
    origins: tuple = ()
    for path in (*found, config_path):
        if path:
            found = load_config_file(path)
            origins += found.pop("origins", ())
            merged.update(found)
            sources.append(str(path))
    for key, value in (overrides or {}).items():
        if value in (None, (), []):
            continue
        if key in ("select", "ignore"):
            value = tuple(value)
        merged[key] = value
    return Config(sources=tuple(sources), origins=origins, **merged)
