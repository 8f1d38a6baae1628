"""The package's shape: layer folders that follow the flow, imported only downwards.

    base modules → speed → document → figures → tables → checks → engine modules
    → formatters → cli → the package API

A module may import modules of its own layer and of the layers before it,
whether at module level or inside a function; the base modules import only
each other, and speed/ only them (every layer may use it: it never changes a
finding). See README, "Architecture".
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from checker import checks

PACKAGE = Path(__file__).resolve().parent.parent / "checker"

BASE = {"checker.version", "checker.errors", "checker.record", "checker.resources", "checker.yamlio",
        "checker.boundedio", "checker.usercache",
        "checker.findings", "checker.config"}
ENGINE = {"checker.rules", "checker.suppress", "checker.linter", "checker.baseline", "checker.fixer"}
FOLDERS = ("speed", "document", "figures", "tables", "checks", "formatters", "cli")
ORDER = ["base", "speed", "document", "figures", "tables", "checks", "engine", "formatters", "cli", "api"]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    if module in BASE:
        return "base"
    if module in ENGINE:
        return "engine"
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in FOLDERS:
        return parts[1]
    if module in ("checker", "checker.__main__"):
        return "api"
    raise AssertionError(f"{module} belongs to no layer: add it to a folder or to BASE/ENGINE")


def imports(path: Path) -> list[tuple[int, str]]:
    """Every checker module `path` imports, at module level or inside a function."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
            assert node.level == 0, f"{path}: relative import"
            for alias in node.names:  # `from checker.cli import options` imports a module
                sub = f"{node.module}.{alias.name}"
                where = PACKAGE.parent / sub.replace(".", "/")
                is_module = where.with_suffix(".py").exists() or (where / "__init__.py").exists()
                out.append((node.lineno, sub if is_module else node.module))
        elif isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names if a.name.startswith("checker"))
    return out


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer_and_a_docstring():
    for path in MODULES:
        layer(module_name(path))
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), f"{path} has no docstring"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_imports_follow_the_layer_order(path):
    here = layer(module_name(path))
    allowed = {"base"} if here == "base" else {"base", "speed"} if here == "speed" \
        else set(ORDER[:ORDER.index(here) + 1])
    for line, target in imports(path):
        if target == "checker":
            target = "checker.version" if here != "api" else "checker"
        assert layer(target) in allowed, f"{path.name}:{line}: {here} imports {target} ({layer(target)})"


@pytest.mark.parametrize("line, target", [
    ("from checker.checks import register", "checker.checks"),
    ("def f():\n    from checker.cli.app import main", "checker.cli.app"),
    ("from checker import cli", "checker.cli"),
    ("import checker.linter", "checker.linter"),
])
def test_the_layer_check_catches_an_import_against_the_order(line, target):
    bad = PACKAGE / "document" / "_probe_upward.py"
    bad.write_text(f'"""probe"""\n{line}\n', encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match=f"document imports {target}"):
            test_imports_follow_the_layer_order(bad)
    finally:
        bad.unlink()


def test_at_most_sixteen_flat_modules():
    assert len(list(PACKAGE.glob("*.py"))) <= 16


def test_every_check_module_is_named_after_its_check_type():
    for name, cls in checks.all_types().items():
        assert cls.__module__ == "checker.checks." + name.replace("-", "_"), (name, cls.__module__)
    public = {p.stem for p in (PACKAGE / "checks").glob("*.py") if not p.stem.startswith("_")}
    assert public == {n.replace("-", "_") for n in checks.all_types()}


def test_every_subpackage_ships():
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    conf = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = set(conf["tool"]["setuptools"]["packages"])
    for init in PACKAGE.rglob("__init__.py"):
        assert module_name(init) in shipped, module_name(init)
