"""Read a PDF report: its text layer, as a reader reads the pages.

    pypdf (layout mode: each line where it stands on the page, indentation kept)
      → the pages one after another: Source.original, what positions refer to
      → running headers, footers and page numbers dropped (— 3 —, - 3 -, 第3页 共8页,
        a title or line that repeats at the top or bottom of most pages)
      → lines wrapped at the margin joined into their paragraphs, across page breaks
        too (checker.document.unwrap); table rows (cells apart by wide gaps) kept as
        tab-separated rows, which the outline reads as a Table
      → Source.text, what is linted, with an OffsetMap back to the pages

NOTE: pypdf was chosen over pdfminer.six and pdfplumber (see CHANGELOG): it reads
Chinese CID fonts through their CMaps as well, is 3-4× faster on report pages,
is pure Python with no binary dependency, and bounds decompression and nesting
itself (pypdf.Configuration: streams, arrays, page trees), which is what a
decompression bomb or a self-referencing object tree needs. BSD-3-Clause.
"""
from __future__ import annotations

import io
import re
from collections import Counter

from checker.boundedio import read_file
from checker.errors import ReportlintError

MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_PAGES = 500
MAX_TEXT = 20 * 1024 * 1024
MIN_CHARS_PER_PAGE = 20   # less text than this on average: a scan, not a text layer

_PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d{1,4}\s*页(?:\s*(?:[/，,]\s*)?共\s*\d{1,4}\s*页)?$"
                          r"|^\d{1,4}\s*/\s*\d{1,4}$|^(?:page|Page)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$")
_DIGITS = re.compile(r"\d+")
_TITLE_WORDS = re.compile(r"报告|总结|情况|年报|统计|数据")


def read_pdf(path: str):
    from checker.document.reading import Source
    from checker.document.unwrap import lines_of, rebuild, wrap_width
    pages = _page_texts(path, read_file(path, MAX_PDF_BYTES))
    original, page_lines = _join_pages(pages)
    lines = lines_of(original)
    _relative_indents(lines, page_lines)
    _drop_running_lines(original, lines, page_lines)
    text, offsets = rebuild(original, lines, wrap_width(original, lines))
    return Source(path, text, "utf-8", False, "\n", original=original, offsets=offsets,
                  pages=tuple(page_lines))


def _page_texts(path: str, data: bytes) -> list[str]:
    try:
        import pypdf
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - a broken installation
        raise ReportlintError(f"{path}: reading PDF needs the pypdf package (pip install pypdf)") from None
    import logging
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)  # NOTE: its warnings are not ours to print
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReportlintError(f"{path}: 加密的 PDF，需要密码才能读取；请另存为未加密的 PDF 或 .docx")
        if len(reader.pages) > MAX_PAGES:
            raise ReportlintError(f"{path}: {len(reader.pages)} pages, more than the {MAX_PAGES}-page limit")
        texts, total = [], 0
        for page in reader.pages:
            text = page.extract_text(extraction_mode="layout") or ""
            total += len(text)
            if total > MAX_TEXT:
                raise ReportlintError(f"{path}: more than {MAX_TEXT // (1024 * 1024)} MB of text; not read")
            texts.append(text)
    except ReportlintError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, NotImplementedError, AssertionError) as err:
        raise ReportlintError(f"{path}: not a readable PDF ({type(err).__name__}: {str(err)[:80]})") from None
    except Exception as err:  # a dependency error (an AES-encrypted file without `cryptography`)
        raise ReportlintError(f"{path}: cannot read this PDF ({type(err).__name__}: {str(err)[:80]})") from None
    if sum(len("".join(t.split())) for t in texts) < MIN_CHARS_PER_PAGE * max(1, len(texts)):
        raise ReportlintError(f"{path}: 没有文本层（扫描件），请先 OCR 或另存为 .docx "
                              f"(no text layer: a scan; run OCR or save it as .docx)")
    return texts


def _join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The pages' text, one after the other, and the 1-based line where each page starts."""
    out, starts, line = [], [], 1
    for text in pages:
        body = "\n".join(ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        body = body.strip("\n") + "\n"
        starts.append(line)
        line += body.count("\n")
        out.append(body)
    return "".join(out), starts


def _page_of(line_no: int, page_lines: list[int]) -> int:
    import bisect
    return bisect.bisect_right(page_lines, line_no) - 1


def _by_page(lines, page_lines: list[int]) -> list[list]:
    pages: list[list] = [[] for _ in page_lines]
    for n, ln in enumerate(lines, 1):
        pages[_page_of(n, page_lines)].append(ln)
    return pages


def _relative_indents(lines, page_lines: list[int]) -> None:
    """Indentation measured from each page's own left margin (odd and even pages of an
    official document have mirrored margins)."""
    for page in _by_page(lines, page_lines):
        body = [ln for ln in page if ln.end > ln.body_start]
        margin = Counter(ln.indent for ln in body).most_common(1)[0][0] if body else 0
        margin = min([margin] + [ln.indent for ln in body])
        for ln in page:
            ln.indent = max(0, ln.indent - margin)


def _drop_running_lines(text: str, lines, page_lines: list[int]) -> None:
    """Mark page numbers and headers or footers repeated on most pages as dropped."""
    pages = [[ln for ln in page if ln.end > ln.body_start] for page in _by_page(lines, page_lines)]
    edges = [page[:2] + page[-2:] for page in pages]
    seen = Counter()
    for edge in edges:
        seen.update({_shape(text, ln) for ln in edge})
    many = max(2, (len(pages) + 1) // 2)
    for k, edge in enumerate(edges):
        dropped: set = set()
        for ln in edge:
            shape = _shape(text, ln)
            if _PAGE_NUMBER.match(text[ln.body_start:ln.end].strip()):
                ln.drop = True
            elif len(pages) >= 2 and seen[shape] >= many and shape not in dropped:
                # NOTE: the first page's title often repeats as the later pages' running header:
                # there only a line that stands twice at the top (header, then title) is dropped
                if k > 0 or sum(_shape(text, o) == shape for o in pages[0]) > 1 \
                        or not _TITLE_WORDS.search(text[ln.body_start:ln.end]):
                    ln.drop = True
                    dropped.add(shape)


def _shape(text: str, ln) -> str:
    """A line with its numbers blurred: the same running header on every page."""
    return _DIGITS.sub("#", "".join(text[ln.body_start:ln.end].split()))
