"""Decoding input: encodings, BOMs, line ends, and input that is not text."""
from __future__ import annotations

import codecs

import pytest

from checker.errors import ReportlintError
from checker.document.reading import decode, encode

TEXT = "某县2020年法治政府建设情况报告\n一、主要工作\n"


@pytest.mark.parametrize("data,encoding,bom", [
    (TEXT.encode("utf-8"), "utf-8", False),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
    (TEXT.encode("gb18030"), "gb18030", False),
    (TEXT.encode("gbk"), "gb18030", False),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
])
def test_encodings_decode_to_the_same_text(data, encoding, bom):
    src = decode(data, "x.txt")
    assert src.text == TEXT
    assert (src.encoding, src.bom) == (encoding, bom)
    assert encode(src, src.text) == data


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_are_kept_and_detected(newline):
    src = decode(TEXT.replace("\n", newline).encode(), "x.txt")
    assert src.newline == newline
    assert src.text == TEXT.replace("\n", newline)


def test_empty_input_is_empty_text():
    assert decode(b"", "x.txt").text == ""


@pytest.mark.parametrize("data,word", [
    (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"abc\x00\x00def", "NUL"),
    (bytes(range(256)) * 4, "binary"),
])
def test_binary_input_is_refused_with_the_file_name(data, word):
    with pytest.raises(ReportlintError) as err:
        decode(data, "report.txt")
    assert "report.txt" in str(err.value) and word.lower() in str(err.value).lower()


def test_invalid_utf8_in_the_middle_is_refused_or_read_as_gb18030():
    data = "前文".encode() + b"\xff\xfe\xfa" + "后文".encode()
    try:
        src = decode(data, "x.txt")
    except ReportlintError as err:
        assert "x.txt" in str(err)
    else:
        assert src.encoding == "gb18030"
