"""Traditional characters read as simplified ones, one for one.

The outline's vocabularies (title words, section keywords, report kinds, the leaders'
duty) are simplified. A report published in traditional characters is read through
`simplified(text)`, which maps each traditional character to its simplified form and
keeps every other character, so offsets into the copy are offsets into the text.

The map is OpenCC's character table (TSCharacters, the first simplified form of each
traditional character whose form is one character), from opencc-python-reimplemented,
the library the traditional-script check converts phrases with: one source for both.
NOTE: text that GB2312 can encode holds no traditional character (GB2312 is the
simplified set), so most text is returned as it is without loading the table.
"""
from __future__ import annotations

import os
from functools import lru_cache


@lru_cache(maxsize=1)
def table() -> dict:
    try:
        import opencc
    except ImportError:  # pragma: no cover - a broken installation: read as it is
        return {}
    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    out = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                hant, _, hans = line.rstrip("\n").partition("\t")
                first = hans.split(" ")[0] if hans else ""
                if len(hant) == 1 and len(first) == 1 and hant != first:
                    out[ord(hant)] = first
    except OSError:  # NOTE: a broken installation without the dictionary: read as it is
        return {}
    return out


def simplified(text: str) -> str:
    """`text` with its traditional characters simplified (same length, same offsets)."""
    try:
        text.encode("gb2312")
        return text
    except UnicodeEncodeError:
        return text.translate(table())
