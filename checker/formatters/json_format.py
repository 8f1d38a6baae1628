"""JSON: one array of findings with exactly the documented keys."""
from __future__ import annotations

import json
from json.encoder import encode_basestring

from checker.formatters import shown_path


def format(findings, sources, options) -> str:
    return "".join(chunks(findings, sources, options))


def chunks(findings, sources, options):
    """The output in pieces, one per finding (written as they come: a 10 MB file's
    tens of thousands of findings never stand in memory as one string)."""
    if not findings:
        yield "[]\n"
        return
    sep = "[\n"
    for f in findings:
        row = f.as_json()
        row["path"] = shown_path(row["path"])
        yield sep + _row(row)
        sep = ",\n"
    yield "\n]\n"


def _row(row: dict) -> str:
    """One finding as `json.dumps(..., ensure_ascii=False, indent=2)` lays it out
    inside the array. NOTE: written directly because the indenting encoder is pure
    Python (a third of a second for 10,000 findings); the values are flat."""
    return "  {\n" + ",\n".join(f"    {encode_basestring(k)}: {_value(v)}" for k, v in row.items()) + "\n  }"


def _value(v) -> str:
    if isinstance(v, str):
        return encode_basestring(v)
    if v is None:
        return "null"
    if type(v) is int:
        return str(v)
    return json.dumps(v, ensure_ascii=False)
