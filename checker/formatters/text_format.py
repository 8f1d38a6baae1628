"""Human-readable text: a location line, the source line, a caret, a summary.

Colour is decided here only. Carets are aligned by display width: CJK and
other wide characters take two terminal columns.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from checker.formatters import printable, shown_path, whole

_LABELS = {"zh": {"error": "错误", "warning": "警告", "info": "提示", "expected": "应为", "computation": "计算",
                  "colon": "：", "sep": "；", "page": "（第{page}页第{line}行）",
                  "summary": "{files}个文件，{n}个问题（错误{error}，警告{warning}，提示{info}）",
                  "fixable": "，其中{n}个可用 --fix 自动修复（标 [*]）",
                  "paragraph": "（第{n}段{path}）", "in_line": "（{}：{}）",
                  "clean": "{files}个文件，未发现问题"},
           "en": {"error": "error", "warning": "warning", "info": "info", "expected": "expected",
                  "computation": "computation", "colon": ": ", "sep": "; ",
                  "page": " (page {page}, line {line})",
                  "summary": "{files} file(s), {n} finding(s) ({error} errors, {warning} warnings, {info} info)",
                  "fixable": "; {n} fixable with --fix (marked [*])",
                  "paragraph": " (paragraph {n}{path})", "in_line": " ({}: {})",
                  "clean": "{files} file(s), no findings"}}


_WIDTHS: dict = {}  # character -> terminal columns, filled as characters are met
# NOTE: blocks whose every character is East Asian Wide or Fullwidth (checked against
# unicodedata in the tests): the bulk of a Chinese line is counted by one C-speed pass
_WIDE = re.compile("[\u3000-\u303e\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]+")


def display_width(s: str) -> int:
    """Terminal columns of `s`: two for East Asian Wide and Fullwidth characters."""
    if s.isascii():
        return len(s)
    rest = _WIDE.sub("", s)
    n = 2 * (len(s) - len(rest))
    if rest.isascii():
        return n + len(rest)
    widths = _WIDTHS
    for ch in rest:
        w = widths.get(ch)
        if w is None:
            w = widths[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        n += w
    return n


def _colors(enabled: bool):
    if not enabled:
        return {k: "" for k in ("error", "warning", "info", "dim", "bold", "reset")}
    from colorama import Fore, Style
    return {"error": Fore.RED, "warning": Fore.YELLOW, "info": Fore.CYAN,
            "dim": Style.DIM, "bold": Style.BRIGHT, "reset": Style.RESET_ALL}


_LINE_END = re.compile(r"\r\n|\r|\n")  # the same line ends as checker.document.model.LineIndex
_CONTEXT = 40  # characters shown on each side of a span in a long line
_SPAN = 80     # characters of a long span shown (and underlined) from its start


def _window(line: str, column: int, end_column: int) -> tuple[str, int, int]:
    """Cut a long line to the span and some context; return it with the new columns."""
    if len(line) <= 2 * _CONTEXT + 40:
        return line, column, end_column
    end_column = min(end_column, column + _SPAN)
    start = max(0, column - 1 - _CONTEXT)
    stop = min(len(line), max(end_column - 1, column) + _CONTEXT)
    head = "..." if start > 0 else ""  # ASCII: "…" has an ambiguous terminal width
    tail = "..." if stop < len(line) else ""
    shift = start - len(head)
    return head + line[start:stop] + tail, column - shift, end_column - shift


_MARKERS = [re.compile(p) for p in (r"^[一二三四五六七八九十]{1,3}、", r"^[（(][一二三四五六七八九十]{1,3}[)）]",
                                    r"^\d{1,2}[.．]", r"^[（(]\d{1,2}[)）]")]


def _heading_path(lines: list[str], line_no: int) -> list[str]:
    """The headings a paragraph stands under (一、… › （二）…), read back from its line."""
    path, level = [], len(_MARKERS)
    for text in reversed(lines[:max(0, line_no - 1)]):
        t = text.strip()
        for k, marker in enumerate(_MARKERS[:level]):
            if marker.match(t):
                path.insert(0, t[:_CONTEXT // 2] + ("…" if len(t) > _CONTEXT // 2 else ""))
                level = k
                break
        if level == 0:
            break
    return path


def chunks(files, options):
    """The output in pieces, one per finding, then the summary (written as they
    come: a 10 MB file's findings never stand in memory as one string)."""
    labels = _LABELS.get(options.lang, _LABELS["zh"])
    c = _colors(options.color)
    counts: Counter = Counter()
    n_files = fixable = 0
    for file in files:
        n_files += file.text is not None
        counts.update(f.severity for f in file.findings)
        lines = _LINE_END.split(file.text or "") if file.findings else []  # NOTE: split once per file
        for f in file.findings:
            mark = " [*]" if options.fixable(f) else ""
            fixable += bool(mark)
            yield _finding(f, lines, mark, labels, c, options)
    n = sum(counts.values())
    if n:
        tail = labels["fixable"].format(n=fixable) if fixable and not options.fixing else ""
        yield labels["summary"].format(files=n_files, n=n, **{k: counts.get(k, 0) for k in ("error", "warning", "info")}) + tail + "\n"
    else:
        yield labels["clean"].format(files=n_files) + "\n"


def _finding(f, lines: list[str], mark: str, labels: dict, c: dict, options) -> str:
    sev = f"{c[f.severity]}{labels[f.severity]}{c['reset']}"
    where = labels["page"].format(page=f.page, line=f.page_line) if f.page is not None else ""
    if f.path.lower().endswith(".docx"):  # a Word user counts paragraphs under headings, not lines
        path = " › ".join(_heading_path(lines, f.line))
        where = labels["paragraph"].format(n=f.line, path=("，" if options.lang == "zh" else ", ") + path
                                           if path else "")
    out = [f"{c['bold']}{shown_path(f.path)}:{f.line}:{f.column}:{c['reset']}{where} {f.rule}{mark} {sev} "
           f"{printable(f.message)}"]
    if options.style == "concise":
        extra = [(labels["expected"], f.expected), (labels["computation"], f.computation)]
        extra = [f"{k}{labels['colon']}{printable(v)}" for k, v in extra if v]
        if not extra:
            return out[0] + "\n"
        joined = labels["sep"].join(extra)
        return out[0] + (f"（{joined}）" if options.lang == "zh" else f" ({joined})") + "\n"
    src = lines[f.line - 1] if 0 < f.line <= len(lines) else ""
    if src:
        end_col = f.end_column if f.end_line == f.line else len(src) + 1
        shown, column, end_col = _window(src.replace("\t", " "), f.column, end_col)
        head, span = printable(shown[:column - 1]), printable(shown[column - 1:end_col - 1])
        pad, width = display_width(head), max(1, display_width(span))
        shown = head + span + printable(shown[end_col - 1:])
        out.append(f"    {c['dim']}{shown}{c['reset']}")
        out.append(f"    {' ' * pad}{c[f.severity]}{'^' * width}{c['reset']}")
    if f.expected:
        out.append(f"    {labels['expected']}{labels['colon']}{printable(f.expected)}")
    if f.computation:
        out.append(f"    {labels['computation']}{labels['colon']}{printable(f.computation)}")
    out.append("")
    return "\n".join(out)


def format(findings, sources, options) -> str:
    """The whole output as one string (sources: path -> text)."""
    return whole(chunks, findings, sources, options)
