"""Read a Word .docx report into a Source: the text as the reader sees it.

One line per body paragraph, in document order, and one line per table row
(cells joined by a tab), so a finding's line is the paragraph number and
its column the character within it. Word's automatic list numbering is
rendered into the text (a heading Word numbers as （一） reads "（一）…"; see
checker.document.docx_numbering). Tracked insertions are read, tracked deletions are
not; manual line breaks inside a paragraph read as a space so that lines
stay paragraphs; page breaks read as nothing. Content controls (w:sdt) are
read through. python-docx is imported only for .docx input.
"""
from __future__ import annotations

import io
import zipfile

from checker.boundedio import read_file
from checker.errors import ReportlintError
from checker.document.reading import MAX_BYTES, Source

_SPACE_BREAK = str.maketrans({"\n": " ", "\r": " ", "\x0b": " ", "\x0c": ""})


def _part(document, reltype):
    try:
        return document.part.part_related_by(reltype).element
    except KeyError:
        return None


def _runs_text(p) -> str:
    """Text of the paragraph's runs, hyperlinks and insertions; not deletions or text boxes."""
    from docx.oxml.ns import qn
    out = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == qn("w:r"):
            for child in el:
                ctag = child.tag
                if ctag == qn("w:t"):
                    out.append(child.text or "")
                elif ctag in (qn("w:tab"), qn("w:ptab")):
                    out.append("\t")
                elif ctag in (qn("w:br"), qn("w:cr")):
                    out.append("" if child.get(qn("w:type")) in ("page", "column") else " ")
                elif ctag == qn("w:noBreakHyphen"):
                    out.append("-")
                elif ctag == qn("w:softHyphen"):
                    continue
                elif ctag == qn("w:sym"):
                    out.append(_sym(child))
        elif tag in (qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr")):
            continue
        elif tag in (qn("w:hyperlink"), qn("w:ins"), qn("w:moveTo"), qn("w:smartTag"),
                     qn("w:sdt"), qn("w:sdtContent"), qn("w:fldSimple"), qn("w:customXml")):
            stack.extend(reversed(list(el)))
    return "".join(out).translate(_SPACE_BREAK)


def _sym(el) -> str:
    from docx.oxml.ns import qn
    try:
        code = int(el.get(qn("w:char"), ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:  # a symbol-font private-use code: not readable text
        return ""
    return chr(code)


def _cell_text(tc, numbering) -> str:
    from docx.oxml.ns import qn
    parts = []
    for child in tc.iter(qn("w:p")):
        label = numbering.label(child)
        text = (label + _runs_text(child)).strip()
        if text:
            parts.append(text)
    return " ".join(parts).replace("\t", " ")


def _rows(tbl, numbering):
    from docx.oxml.ns import qn
    for tr in tbl.findall(qn("w:tr")):
        cells = []
        for tc in tr.iter(qn("w:tc")):
            if tc.getparent() is not tr and tc.getparent().tag != qn("w:sdtContent"):
                continue  # a nested table's cell: read as part of its outer cell
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
                cells.append("")  # the lower part of a vertically merged cell
                continue
            cells.append(_cell_text(tc, numbering))
        yield "\t".join(cells).rstrip("\t")


def _blocks(body, numbering):
    from docx.oxml.ns import qn
    for el in body:
        if el.tag == qn("w:p"):
            yield numbering.label(el) + _runs_text(el)
        elif el.tag == qn("w:tbl"):
            yield from _rows(el, numbering)
        elif el.tag == qn("w:sdt"):
            content = el.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, numbering)


MAX_PART = 64 * 1024 * 1024     # uncompressed bytes of one part of the package
MAX_PARTS = 256 * 1024 * 1024   # uncompressed bytes of all parts together


def _checked_package(path: str, data: bytes) -> None:
    """Refuse a package whose parts would decompress past the limits (a zip bomb) before
    any part is parsed: the limits apply to what the parts expand to, not to the file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as err:
        raise ReportlintError(f"{path}: not a readable Word .docx file ({type(err).__name__}: {err})") from None
    biggest = max((i.file_size for i in infos), default=0)
    if biggest > MAX_PART or sum(i.file_size for i in infos) > MAX_PARTS:
        raise ReportlintError(f"{path}: its parts expand to more than {MAX_PARTS // (1024 * 1024)} MB "
                              f"(one at most {MAX_PART // (1024 * 1024)} MB); not read")


def read_docx(path: str) -> Source:
    data = read_file(path, MAX_BYTES)
    _checked_package(path, data)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError
    from checker.document.docx_numbering import Numbering
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ReportlintError(f"{path}: not a readable Word .docx file ({type(err).__name__}: {err})") from None
    except Exception as err:  # lxml errors on a corrupt part
        raise ReportlintError(f"{path}: not a readable Word .docx file ({type(err).__name__})") from None
    numbering = Numbering(_part(document, RT.NUMBERING), _part(document, RT.STYLES))
    lines = list(_blocks(document.element.body, numbering))
    text = "\n".join(lines) + ("\n" if lines else "")
    if len(text) > MAX_BYTES:
        raise ReportlintError(f"{path}: the document's text is larger than the limit")
    return Source(path, text.replace("\x00", ""), "utf-8", False, "\n")
