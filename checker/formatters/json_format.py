"""JSON: one array of findings with exactly the documented keys."""
from __future__ import annotations

import json
from json.encoder import encode_basestring

from checker.formatters import shown_path, whole


def chunks(files, options):
    """The output in pieces, one per finding (written as they come: a 10 MB file's
    tens of thousands of findings never stand in memory as one string)."""
    sep = "[\n"
    for file in files:
        for f in file.findings:
            row = f.as_json()
            row["path"] = shown_path(row["path"])
            yield sep + _row(row)
            sep = ",\n"
    yield "[]\n" if sep == "[\n" else "\n]\n"


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


def format(findings, sources, options) -> str:
    """The whole output as one string (sources: path -> text)."""
    return whole(chunks, findings, sources, options)
