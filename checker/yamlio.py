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

import contextlib
import marshal
import os
import zlib

from checker.errors import ReportlintError

_SUFFIX = ".y3.marshal"  # the naming and data scheme; other names in the folder are stale
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


def load_yaml_file(path) -> Located:
    for reads in _reads:
        reads.append(os.path.abspath(path))
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


def cache_base() -> str | None:
    """reportlint's user cache folder, or None when REPORTLINT_NO_CACHE is set."""
    if os.environ.get("REPORTLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "reportlint")


def _cache_dir() -> str | None:
    base = cache_base()
    return None if base is None else os.path.join(base, "yaml")


def _cache_get(path):
    folder = _cache_dir()
    if folder is None:
        return None, None
    try:
        st = os.stat(path)
    except OSError:
        return None, None
    from checker.version import __version__
    where = os.path.abspath(path)
    ident = f"{where}|{st.st_size}|{st.st_mtime_ns}|{__version__}"
    # NOTE: the file is named by a cheap checksum of the source path alone, so an edited
    # source replaces its entry instead of adding one; the full identity (path, size,
    # mtime, version) stored inside is compared on load, so a stale entry or two paths
    # sharing a checksum can never read each other's data
    name = f"{zlib.crc32(where.encode()):08x}-{len(where)}{_SUFFIX}"
    key = (os.path.join(folder, name), ident)
    try:
        # NOTE: marshal.loads of the whole file: marshal.load(file) reads in tiny chunks
        # and costs several times more
        with open(key[0], "rb") as fh:
            stored, data, lines, source = marshal.loads(fh.read())
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
        return
    _prune(os.path.dirname(path))


def _prune(folder: str) -> None:
    """Keep the cache small: drop entries of older naming schemes, then the least recent.

    NOTE: runs only after a write (a new or edited YAML file), never on a warm run.
    """
    try:
        names = os.listdir(folder)
    except OSError:
        return
    ours = [n for n in names if n.endswith(_SUFFIX)]
    stale = [n for n in names if not n.endswith(_SUFFIX) and not n.endswith(".tmp")]
    if len(ours) > _MAX_ENTRIES:
        def age(name):
            try:
                return os.stat(os.path.join(folder, name)).st_mtime_ns
            except OSError:
                return 0
        ours.sort(key=age)
        stale += ours[:len(ours) - _MAX_ENTRIES]
    for name in stale:
        try:
            os.remove(os.path.join(folder, name))
        except OSError:
            pass
