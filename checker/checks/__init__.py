"""The registry of check types.

A check type is a small class in one module of this package, registered with
`@register`. It declares its parameters (validated when a rule is loaded),
prepares them once, and yields Hits for a Document; it never prints, reads
files or decides severity. Third parties add check types through the
entry-point group ``reportlint.checks`` (each entry point names a CheckType
subclass); they are looked up only when a rule names a type not built in.

Layer 4. May import: checker.document, checker.figures, checker.tables,
checker.speed and the base modules; not the engine modules (rules, linter …),
which load the checks.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Any, ClassVar, Iterable

from checker.record import Record, set_field

REGISTRY: dict[str, type["CheckType"]] = {}
_loaded = {"builtin": False, "entry_points": False}


class ParamError(ValueError):
    """A bad rule parameter: `key` names it (dotted), the message says why."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


class Param(Record):
    """A declared parameter: accepted Python types after YAML loading, default, choices,
    and for a number its least value."""
    __slots__ = ("types", "default", "required", "choices", "help", "minimum")

    def __init__(self, types: tuple, default: Any = None, required: bool = False,
                 choices: tuple | None = None, help: str = "", minimum: int | None = None):
        set_field(self, "types", types)
        set_field(self, "default", default)
        set_field(self, "required", required)
        set_field(self, "choices", choices)
        set_field(self, "help", help)
        set_field(self, "minimum", minimum)


class CheckType:
    """Base class: subclasses set `name`, `params`, and implement `run`."""
    name: ClassVar[str] = ""
    params: ClassVar[dict[str, Param]] = {}
    # NOTE: the language views `run` reads (doc.sentences, quantities_of(doc) and what derives
    # from them): rules that name one run first and the views are released after them
    # (checker.linter.run_rules); a rule reading a view it does not name still works,
    # only slower (the view is rebuilt), and tests/test_views.py catches it
    needs: ClassVar[tuple[str, ...]] = ()
    # NOTE: a check type that tells several kinds of defect apart (gap / repeat, early /
    # stale, wrong / truncated) lists them here, and each rule picks one with its `report`
    # parameter (default: the first), so that every kind has its own rule id and severity;
    # `register` declares the parameter
    reports: ClassVar[tuple[str, ...]] = ()

    def prepare(self, params: dict) -> Any:
        """Turn validated parameters into what `run` uses (compiled patterns…)."""
        return params

    def run(self, doc, prepared, context) -> Iterable:
        raise NotImplementedError


def register(cls: type[CheckType]) -> type[CheckType]:
    if not cls.name:
        raise TypeError(f"{cls.__name__} has no check type name")
    if cls.reports:
        cls.params = {**cls.params, "report": Param((str,), cls.reports[0], choices=cls.reports,
                                                    help="which kind of defect this rule reports")}
    REGISTRY[cls.name] = cls
    return cls


def _load_builtin() -> None:
    if _loaded["builtin"]:
        return
    _loaded["builtin"] = True
    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")


def _load_entry_points() -> None:
    if _loaded["entry_points"]:
        return
    _loaded["entry_points"] = True
    from importlib.metadata import entry_points
    for ep in entry_points(group="reportlint.checks"):
        try:
            cls = ep.load()
        except Exception as err:  # a broken plugin must not hide the built-ins
            raise LookupError(f"entry point {ep.name!r} ({ep.value}) failed to load: {err}") from None
        if isinstance(cls, type) and issubclass(cls, CheckType):
            REGISTRY.setdefault(cls.name or ep.name, cls)


def get(name: str) -> type[CheckType] | None:
    _load_builtin()
    if name not in REGISTRY:
        _load_entry_points()
    return REGISTRY.get(name)


def all_types() -> dict[str, type[CheckType]]:
    _load_builtin()
    return dict(REGISTRY)


def validate_params(cls: type[CheckType], params: dict) -> dict:
    """Check keys and types against the declared schema; fill defaults."""
    if not isinstance(params, dict):
        raise ParamError("params", "must be a mapping")
    unknown = sorted(set(params) - set(cls.params))
    if unknown:
        raise ParamError(unknown[0], f"unknown parameter for check type {cls.name!r} "
                                     f"(known: {', '.join(sorted(cls.params)) or 'none'})")
    out = {}
    for key, spec in cls.params.items():
        if key not in params:
            if spec.required:
                raise ParamError(key, f"required by check type {cls.name!r}")
            out[key] = spec.default
            continue
        value = params[key]
        if spec.types and not isinstance(value, spec.types) or isinstance(value, bool) and bool not in spec.types:
            names = "/".join(t.__name__ for t in spec.types)
            raise ParamError(key, f"must be {names}, not {type(value).__name__}")
        if spec.choices is not None and value not in spec.choices:
            raise ParamError(key, f"must be one of {', '.join(map(str, spec.choices))}")
        if spec.minimum is not None and value < spec.minimum:
            raise ParamError(key, f"must be at least {spec.minimum}")
        out[key] = value
    return out
