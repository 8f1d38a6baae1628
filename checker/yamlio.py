"""Safe YAML loading that remembers where each key was written.

Only PyYAML's safe loader is used (the C one when available): rule and config
files are data and can never construct Python objects.
"""
from __future__ import annotations

import yaml

from .errors import ReportlintError

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


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
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            k = key.value
            lines[path + (k,)] = key.start_mark.line + 1
            _record(value, path + (k,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _record(item, path + (i,), lines)


def load_yaml(text: str, source: str) -> Located:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[tuple, int] = {}
        if node is None:
            return Located(None, lines, source)
        _record(node, (), lines)
        data = loader.construct_document(node)
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
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as err:
        raise ReportlintError(f"{path}: cannot read ({err.strerror or err})") from None
    except UnicodeDecodeError:
        raise ReportlintError(f"{path}: not UTF-8 text") from None
    return load_yaml(text, str(path))
