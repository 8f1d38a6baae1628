"""Safe YAML loading that remembers where each key was written.

Only PyYAML's safe loader is used (the C one when available): rule and config
files are data and can never construct Python objects.

NOTE: start-up matters (a pre-commit run lints one file), so a parsed file is
kept in the user cache as `marshal` data keyed by path, size, mtime and
reportlint's version; a warm run neither parses YAML nor imports PyYAML.
marshal holds plain data only (no code, no objects), so a tampered cache file
cannot run anything. YAML dates are read as ISO strings, so all data is plain.
"""
from __future__ import annotations

import marshal
import os
import zlib

from .errors import ReportlintError

_CACHE_VERSION = b"yamlio-2"


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


def _record(node, path: tuple, lines: dict):
    import yaml
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value
            lines[path + (k,)] = key.start_mark.line + 1
            _record(value, path + (k,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record(item, path + (i,), lines)


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
        _record(node, (), lines)
        data = _plain(loader.construct_document(node))
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


def load_yaml_file(path) -> Located:
    cached, key = _cache_get(path)
    if cached is not None:
        return cached
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as err:
        raise ReportlintError(f"{path}: cannot read ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise ReportlintError(f"{path}: not UTF-8 text") from None
    loc = load_yaml(text, str(path))
    _cache_put(key, loc)
    return loc


def _cache_dir() -> str | None:
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "reportlint", "yaml")


def _cache_get(path):
    folder = _cache_dir()
    if folder is None:
        return None, None
    try:
        st = os.stat(path)
    except OSError:
        return None, None
    from . import __version__
    ident = f"{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}|{__version__}"
    # NOTE: a cheap checksum names the file; the full identity stored inside is compared
    # on load, so two paths that share a checksum can never read each other's data
    name = f"{zlib.crc32((_CACHE_VERSION.decode() + ident).encode()):08x}-{len(ident)}.marshal"
    key = (os.path.join(folder, name), ident)
    try:
        with open(key[0], "rb") as fh:
            stored, data, lines, source = marshal.load(fh)
        if stored != ident:
            return None, key
        return Located(data, lines, source), key
    except (OSError, EOFError, ValueError, TypeError):
        return None, key


def _cache_put(key, loc: Located) -> None:
    if key is None:
        return
    path, ident = key
    try:
        blob = marshal.dumps((ident, loc.data, loc.lines, loc.source))
    except ValueError:  # pragma: no cover - load_yaml yields plain data only
        return
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)  # atomic: parallel runs never see half a file
    except OSError:
        pass
