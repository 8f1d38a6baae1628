"""Reading and decoding input: bytes -> text, remembering how to write it back.

`read_path` is the one entry point for every format (the CLI, `checker.lint_path`
and `--fix` all read through it): plain text and Markdown are decoded here, a
Word .docx is read by checker.document.docx.

Positions everywhere refer to the decoded text exactly as read (line ends kept),
so nothing here normalises characters; normalisation for matching happens in
the checks that need it.
"""
from __future__ import annotations

import codecs
import sys

from checker.boundedio import read_bounded, read_file
from checker.errors import ReportlintError
from checker.record import Record, set_field

MAX_BYTES = 20 * 1024 * 1024  # documented limit (README, "Safety")


class Source(Record):
    """Decoded text and how it was stored (encoding, BOM, newline), to write fixes back alike.

    `text` is what is linted. When it was derived (a PDF's pages, hard-wrapped text joined
    into paragraphs), `original` is the text as the reader sees it, `offsets` maps offsets
    of `text` into it (checker.document.unwrap.OffsetMap), and for a PDF `pages` holds the
    line of `original` where each page starts. Findings are placed in `shown`."""
    __slots__ = ("path", "text", "encoding", "bom", "newline", "original", "offsets", "pages")

    def __init__(self, path: str, text: str, encoding: str = "utf-8", bom: bool = False,
                 newline: str = "\n", original: str | None = None, offsets=None, pages: tuple = ()):
        set_field(self, "path", path)
        set_field(self, "text", text)
        set_field(self, "encoding", encoding)
        set_field(self, "bom", bom)
        set_field(self, "newline", newline)
        set_field(self, "original", original)
        set_field(self, "offsets", offsets)
        set_field(self, "pages", pages)

    @property
    def shown(self) -> str:
        """The text positions refer to: the original when `text` was derived from it."""
        return self.text if self.original is None else self.original


_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (a .docx? use the .docx suffix)",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old MS Office document",
}


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary data (NUL bytes)"
    return None


def _newline(text: str) -> str:
    i = text.find("\n")
    j = text.find("\r")
    if j >= 0 and (i < 0 or j < i):
        return "\r\n" if text[j:j + 2] == "\r\n" else "\r"
    return "\n"


def decode(data: bytes, path: str = "<stdin>") -> Source:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, or GB18030; else raise."""
    if len(data) > MAX_BYTES:
        raise ReportlintError(f"{path}: file is larger than the {MAX_BYTES // (1024 * 1024)} MB limit")
    kind = _binary_kind(data)
    if kind:
        raise ReportlintError(f"{path}: not a text file ({kind})")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as err:
                raise ReportlintError(f"{path}: invalid {enc} after its byte-order mark at byte {err.start + len(bom)}") from None
            return _checked(Source(path, text, enc, True, _newline(text)))
    try:
        text = data.decode("utf-8")
        return _checked(Source(path, text, "utf-8", False, _newline(text)))
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ReportlintError(
            f"{path}: cannot decode as UTF-8 (bad byte at {utf8_error.start}) or GB18030") from None
    if not _mostly_cjk_or_ascii(text):
        raise ReportlintError(
            f"{path}: cannot decode as UTF-8 (bad byte at {utf8_error.start}); not GB18030 text either")
    return _checked(Source(path, text, "gb18030", False, _newline(text)))


def _mostly_cjk_or_ascii(text: str) -> bool:
    """GB18030 decodes almost any bytes; accept it only when the result reads as text."""
    if not text:
        return True
    good = sum(1 for ch in text if ch.isascii() or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return good / len(text) > 0.9


def _checked(src: Source) -> Source:
    if "\x00" in src.text:
        raise ReportlintError(f"{src.path}: not a text file (NUL characters)")
    return src


OLD_OFFICE = (".doc", ".wps", ".et", ".dps", ".xls", ".ppt")
HTML = (".html", ".htm", ".shtml", ".xhtml")


def read_path(path: str, unwrap: bool = True) -> Source:
    """Read any supported input: a text file, Markdown, standard input (-), a Word .docx,
    a PDF, a saved web page. With `unwrap`, hard-wrapped text (pasted from a PDF) is
    joined into paragraphs (checker.document.unwrap); positions still refer to its lines."""
    lower = path.lower()
    if lower.endswith(".docx"):
        from checker.document.docx import read_docx
        return read_docx(path)
    if lower.endswith(".pdf"):
        from checker.document.pdf import read_pdf
        return read_pdf(path)
    if lower.endswith(HTML):
        from checker.document.html import read_html
        return read_html(path)
    if lower.endswith(OLD_OFFICE):
        raise ReportlintError(f"{path}: 旧版 Word/WPS 格式无法读取，请另存为 .docx "
                              f"(an old Word/WPS file: save it as .docx)")
    source = read_text(path)
    return unwrapped(source) if unwrap else source


def unwrapped(source: Source) -> Source:
    """The source with hard-wrapped lines joined, when its text is hard-wrapped."""
    from checker.document.unwrap import unwrap
    joined = unwrap(source.text)
    if joined is None:
        return source
    text, offsets = joined
    return Source(source.path, text, source.encoding, source.bom, source.newline, original=source.text,
                  offsets=offsets)


def read_text(path: str) -> Source:
    """Read and decode a text file, or standard input for -; bounded (MAX_BYTES) before
    anything is allocated, and only a regular file (checker.boundedio)."""
    if path == "-":
        return decode(_read_stdin(), "<stdin>")
    return decode(read_file(path, MAX_BYTES), path)


def _read_stdin() -> bytes:
    too_large = f"<stdin>: input is larger than the {MAX_BYTES // (1024 * 1024)} MB limit"
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, ValueError, OSError):  # closed, or replaced by an object without a descriptor
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise ReportlintError("<stdin>: standard input is closed") from None
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ReportlintError(too_large)
        return data
    return read_bounded(fd, MAX_BYTES, too_large)


def encode(src: Source, text: str) -> bytes:
    """Encode fixed text the way the original was stored (encoding, BOM)."""
    data = text.encode(src.encoding)
    if src.bom:
        bom = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE,
               "utf-16-be": codecs.BOM_UTF16_BE}[src.encoding]
        data = bom + data
    return data
