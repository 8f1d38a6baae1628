"""Every output format, over examples, fixtures and the corpora, byte for byte as recorded
in tests/golden.json (tests/golden.py). A change of output made on purpose is recorded with
`python tests/golden.py --update`; to see what changed, write both versions' outputs with
`python tests/golden.py --write DIR` and diff the folders."""
from __future__ import annotations

import json

from golden import GOLDEN, changed, digests


def test_every_output_format_is_byte_identical_to_the_record():
    found = digests()
    assert {"examples/json", "fixtures/sarif", "field/text", "heldout/html"} <= set(found)
    assert changed(found, json.loads(GOLDEN.read_text(encoding="utf-8"))) == []
