"""Read any supported input into a Source: text files, stdin, Word documents."""
from __future__ import annotations

from checker.document.reading import Source, read_path


def read_any(path: str) -> Source:
    if path.lower().endswith(".docx"):
        from checker.document.docx import read_docx
        return read_docx(path)
    return read_path(path)
