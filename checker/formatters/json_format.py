"""JSON: one array of findings with exactly the documented keys."""
from __future__ import annotations

import json


def format(findings, sources, options) -> str:
    return json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2) + "\n"
