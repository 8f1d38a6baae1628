"""Safe YAML loading that remembers where each key was written.

Only PyYAML's safe loader is used (the C one when available): rule and config
files are data and can never construct Python objects.

Parsed files are kept in the user cache (see `load_yaml_file`). YAML dates are
read as ISO strings, so all data is plain. Aliases are expanded at most to
MAX_NODES nodes (a "billion laughs" file stops with one line).
"""
from __future__ import annotations

import contextlib
import marshal
import os

from checker.boundedio import read_file
from checker.errors import ReportlintError

_MAX_ENTRIES = 256


def _loader():
    import yaml
    try:
        return yaml, yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - PyYAML built without libyaml
        return yaml, yaml.SafeLoader


class Located:
    """The loaded data plus the line of every key and item, by path."""

    def __init__(self, data, lines: dict[tuple, int], source: str):
        self.data = data
        self.lines = lines
        self.source = source

    def line(self, *path) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def where(self, *path) -> str:
        return f"{self.source}:{self.line(*path)}"


class _TooLarge(Exception):
    pass


def _record(node, path: tuple, lines: dict, budget: list):
    import yaml
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value
            lines[path + (k,)] = key.start_mark.line + 1
            _record(value, path + (k,), lines, budget)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record(item, path + (i,), lines, budget)


def _plain(value):
    """YAML timestamps become ISO strings, so every loaded value is plain data."""
    import datetime
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def load_yaml(text: str, source: str) -> Located:
    yaml, Loader = _loader()
    loader = Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[tuple, int] = {}
        if node is None:
            return Located(None, lines, source)
        _record(node, (), lines, [MAX_NODES])
        data = _plain(loader.construct_document(node))
    except (_TooLarge, RecursionError):
        raise ReportlintError(f"{source}: too large or too deeply nested once its aliases are expanded "
                              f"(more than {MAX_NODES:,} values)") from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = (err.problem or err.context or "invalid YAML").strip()
        raise ReportlintError(f"{source}{line}: invalid YAML: {problem}") from None
    except yaml.YAMLError as err:
        raise ReportlintError(f"{source}: invalid YAML: {str(err).splitlines()[0]}") from None
    except (ValueError, TypeError, OverflowError) as err:  # e.g. an impossible date 2020-13-01
        raise ReportlintError(f"{source}: invalid value in YAML: {err}") from None
    finally:
        loader.dispose()
    return Located(data, lines, source)


_reads: list[list] = []  # open recording() blocks: each collects the paths load_yaml_file reads


@contextlib.contextmanager
def recording():
    """Collect the absolute path of every file load_yaml_file reads within the block."""
    reads: list = []
    _reads.append(reads)
    try:
        yield reads
    finally:
        _reads.remove(reads)


MAX_YAML = 5 * 1024 * 1024    # a rule pack or configuration file larger than this is not one
MAX_NODES = 200_000           # YAML aliases may repeat a node; expanded, no more than this


def load_yaml_file(path) -> Located:
    for reads in _reads:
        reads.append(os.path.abspath(path))
    data = read_file(str(path), MAX_YAML, "YAML file")
    name = _cache_name(str(path), data)
    cached = _cache_get(name)
    if cached is not None:
        return cached
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ReportlintError(f"{path}: not UTF-8 text") from None
    loc = load_yaml(text, str(path))
    _cache_put(name, loc)
    return loc


# NOTE: start-up matters, so a parsed file is kept in the user cache (checker.usercache)
# as marshal data, named by the digest of its path as given (errors name it), its bytes
# and reportlint's version; a warm run neither parses YAML nor imports PyYAML. marshal
# holds plain data only, and the store reads only the user's own files.
_KIND = "yaml"
_FORMAT = "yaml-4"


def _cache_name(path: str, data: bytes) -> str | None:
    from checker import usercache
    if not usercache.enabled():
        return None
    from checker.version import __version__
    return usercache.digest(_FORMAT, __version__, path, data) + ".marshal"


def _cache_get(name: str | None) -> Located | None:
    if name is None:
        return None
    from checker import usercache
    blob = usercache.read(_KIND, name)
    if blob is None:
        return None
    try:
        stored, data, lines, source = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    return Located(data, lines, source) if stored == name else None


def _cache_put(name: str | None, loc: Located) -> None:
    if name is None:
        return
    from checker import usercache
    try:
        blob = marshal.dumps((name, loc.data, loc.lines, loc.source))
    except ValueError:  # pragma: no cover - load_yaml yields plain data only
        return
    if usercache.write(_KIND, name, blob):
        usercache.prune(_KIND, _MAX_ENTRIES, _MAX_ENTRIES * 3 // 4)
