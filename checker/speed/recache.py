"""A persistent cache of compiled regular expressions, for start-up.

NOTE: compiling patterns is most of reportlint's start-up: CPython parses and
compiles every `re` pattern in pure Python (sre_parse/sre_compile), and a run
compiles a few hundred (our rules and vocabularies, Lark's lexer, click). The
compiled form is a list of integers that `_sre.compile` turns into a pattern
object in microseconds. `install()` wraps `re._compile` so that a pattern seen
in an earlier run is built from that list, kept as marshal data (plain ints and
strings; `_sre` validates the code it is given) in the user cache
(checker.usercache: only the user's own files are read), in an entry named by
the exact interpreter version and SRE magic number. Anything
unexpected (another Python, a changed internal API) disables the cache and
leaves `re` untouched. The CLI installs it; the library API never does.
"""
from __future__ import annotations

import atexit
import marshal
import re
import sys
from array import array

from checker import usercache

_state = {"installed": False}
_MAX_ENTRIES = 1000
_CODE_TYPE = "I"  # SRE code words are 32-bit (SRE_CODE)


def _internals():
    try:
        import _sre
        try:
            from re import _compiler, _parser
        except ImportError:  # Python 3.10
            import sre_compile as _compiler
            import sre_parse as _parser
        return _sre, _compiler, _parser
    except ImportError:  # pragma: no cover - not CPython
        return None


_KIND = "regex"


def _entry_name(_sre) -> str | None:
    if not usercache.enabled() or sys.implementation.name != "cpython":
        return None
    return usercache.digest("regex-3", usercache.interpreter(), _sre.MAGIC) + ".marshal"


def parts_of(tree, flags: int, pattern: str | None = None) -> tuple | None:
    """The arguments `_sre.compile` needs for a pattern parsed by `re`'s parser, as
    `re._compiler.compile` computes them, in plain data (marshal can keep them);
    None where this interpreter's SRE code does not fit."""
    parts = _internals()
    if parts is None or array(_CODE_TYPE).itemsize != getattr(parts[0], "CODESIZE", 0):
        return None
    # NOTE: the code travels as packed bytes: marshal reads one bytes object far faster
    # than a list of thousands of int objects
    code = array(_CODE_TYPE, [int(c) for c in parts[1]._code(tree, flags)]).tobytes()
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (pattern, int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, tuple(indexgroup))


def rebuild(parts):
    """The pattern object from `parts_of`'s data (`_sre` validates the code it is given)."""
    import _sre
    pattern, flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


def install() -> None:
    if _state["installed"]:
        return
    _state["installed"] = True
    parts = _internals()
    name = _entry_name(parts[0]) if parts else None
    if name is None:
        return
    _sre, _, _parser = parts
    if array(_CODE_TYPE).itemsize != getattr(_sre, "CODESIZE", 0):
        return
    blob = usercache.read(_KIND, name)
    try:
        table = marshal.loads(blob) if blob is not None else {}
        if not isinstance(table, dict):
            table = {}
    except (EOFError, ValueError, TypeError):
        table = {}
    built: dict = {}
    added: dict = {}
    used: set = set()
    _state.update(table=table, added=added, used=used)
    original = re._compile

    def _compile(pattern, flags):
        if type(pattern) is not str or flags & re.DEBUG:
            return original(pattern, flags)
        key = (pattern, int(flags))
        compiled = built.get(key)
        if compiled is not None:
            return compiled
        args = table.get(key)
        if args is not None:
            try:
                compiled = rebuild(args)
            except Exception:  # a stale or foreign entry: compile normally
                compiled = None
        if compiled is None:
            compiled = original(pattern, flags)
            try:
                added[key] = parts_of(_parser.parse(pattern, int(flags)), int(flags), pattern)
            except Exception:
                pass
        built[key] = compiled
        return compiled

    # NOTE: re.Pattern pickles as a call of re._compile, found by name: the wrapper takes
    # its name so that patterns stay picklable (and unpickle with plain re elsewhere)
    _compile.__module__, _compile.__qualname__ = "re", "_compile"
    re._compile = _compile

    def _save():
        if not added:
            return
        merged = dict(table)
        merged.update(added)
        if len(merged) > _MAX_ENTRIES:  # patterns made from data: keep this run's only
            merged = {k: v for k, v in merged.items() if k in built or k in used}
        try:
            usercache.write(_KIND, name, marshal.dumps(merged))
        except ValueError:
            pass

    atexit.register(_save)


def derived(name: str, pattern, compute):
    """`compute(pattern)`, remembered across runs of the CLI for a compiled `re` pattern.

    For facts read from a pattern's parse tree (checker.speed.prefilter: the literals a
    match needs, the characters it can begin with), which cost as much as
    compiling it. The value must be plain data (marshal: tuples, frozensets,
    strings, None...); anything else is computed every run. Kept under `name`
    and the digest of the file `compute` is defined in, so an edit of that code
    never reads an old value. Without install() (the library),
    simply `compute(pattern)`.
    """
    table = _state.get("table")
    if table is None or type(pattern) is not re.Pattern or type(pattern.pattern) is not str:
        return compute(pattern)
    kind = _kind(name, compute)
    if kind is None:
        return compute(pattern)
    key = (kind, pattern.pattern, pattern.flags)
    _state["used"].add(key)
    try:
        return table[key]
    except KeyError:
        pass
    added = _state["added"]
    if key in added:
        return added[key]
    value = compute(pattern)
    try:
        marshal.dumps(value)
    except ValueError:
        return value
    added[key] = value
    return value


def _kind(name: str, compute) -> str | None:
    code = getattr(compute, "__code__", None)
    kinds = _state.setdefault("kinds", {})
    try:
        return kinds[name, code]
    except KeyError:
        pass
    try:
        kind = f"{name}|{code.co_filename}|{usercache.file_digest(code.co_filename)}"
    except AttributeError:
        kind = None
    kinds[name, code] = kind
    return kind
