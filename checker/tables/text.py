"""A table against the text around it: its total, and each of its figures.

Total (table-text-total). A count line's 合计 — or, for a table without
one, the sum of its counts when its shares reveal that they were computed on
a total stated in the text — must equal that total:

    全年新受理行政复议案件151件 …  数量 | 75件 | 16件 | 40件 | 4件
                                  占新受理数比例 | 49.66% | …   (75/151, …)
    -> 75+16+40+4 = 135 ≠ 151

Without such a revelation a 合计 is compared with the introducing text only
when the table names its unit (75件, 数量（件）, 单位：件) and one count
there can be meant: the line's label is generic (数量) and one count of its
unit stands in the text, or its label's words (受理) pick out exactly one.
Any equal count in the text silences the line.

Figure (table-text-figure). A sentence in the same section that gives a
category's count (其中行政处罚类40件) must agree with the table's cell for
that category. The words before the count, once link words are removed
(其中, 的, 类, 案件, 为 …), must end with the category's label, and any other
word there must belong to the line's own label; with several count lines in
the table the line's label must appear in the clause. Catch-all categories
(其他) are never matched.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from checker.figures.quantities import unit_family
from checker.tables.context import introducing_paragraphs
from checker.tables.grid import GridCell, TLine, View
from checker.tables.values import bare_label, is_catch_all, is_generic, table_vocabulary

_GENERIC_TAILS = ("案件数量", "案件数", "数量", "件数", "人数", "次数", "个数", "数", "量", "情况")
_WEAK = ("案件", "行政", "数量", "情况", "工作", "全年", "全县", "全市", "全区", "合计", "总数", "共计")


@dataclass(frozen=True)
class TextTotalMismatch:
    line: TLine
    cells: tuple               # the table's total cell, or the parts that were summed
    value: Decimal
    quantity: object           # the Quantity in the text
    computation: str
    revealed: bool             # the shares were computed on the text's total


@dataclass(frozen=True)
class FigureMismatch:
    line: TLine
    cell: GridCell
    category: str
    quantity: object


def text_total_mismatches(view: View, context, shares) -> list[TextTotalMismatch]:
    out = []
    for line in view.count_lines():
        found = _line_total(view, line, context, shares)
        if found is not None:
            out.append(found)
    return out


def _line_total(view: View, line: TLine, context, shares) -> TextTotalMismatch | None:
    total = next((line.at(p) for p in view.positions if p.role == "total" and line.at(p) is not None), None)
    if total is not None and not total.value.exact:
        return None
    parts = [line.at(p) for p in view.positions if p.role == "plain"]
    known = len(parts) >= 2 and all(c is not None and (c.value.exact or c.value.kind == "dash") for c in parts)
    revealed = [r.denominator.quantity for v, _, r in shares
                if v is view and r is not None and r.numerator is line and r.denominator.source == "text"]
    if revealed:
        q = revealed[0]
        if total is not None:
            return _mismatch(line, (total,), total.value.value, q, total.value.shown, True)
        if known:
            return _mismatch(line, tuple(parts), _sum(parts), q, "+".join(_shown(c) for c in parts), True)
        return None
    if total is None:
        if not known or not any(is_catch_all(p.label) for p in view.positions if p.role == "plain"):
            return None
        cells, value, shown = tuple(parts), _sum(parts), "+".join(_shown(c) for c in parts)
    else:
        cells, value, shown = (total,), total.value.value, total.value.shown
    same_unit = [q for q in context if _unit_ok(line, view, q)]
    if any(q.value == value for q in same_unit):
        return None
    meant = _meant(line, same_unit)
    if len(meant) != 1:
        return None
    return _mismatch(line, cells, value, meant[0], shown, False)


def _mismatch(line, cells, value, q, shown, revealed) -> TextTotalMismatch | None:
    if value == q.value:
        return None
    left = shown if len(cells) == 1 else f"{shown} = {value}"
    return TextTotalMismatch(line, cells, value, q, f"{left} ≠ {q.number}", revealed)


def _sum(cells) -> Decimal:
    return sum((c.value.value for c in cells), Decimal(0))


def _shown(c: GridCell) -> str:
    return c.value.shown if c.value.numeric else "0"


def _unit_ok(line: TLine, view: View, q) -> bool:
    """Units agree. NOTE: a table that names no unit (no 件 in its cells, header or
    caption) is not compared: 全年开展执法检查35次 may introduce a table of cases."""
    unit = line.unit or (unit_family(view.table.unit) if view.table.unit and view.table.unit != "%" else "")
    return bool(unit) and unit_family(q.unit) == unit


def _meant(line: TLine, candidates) -> list:
    """The counts of the text the line's total can mean (其中… counts are parts, never meant)."""
    markers = table_vocabulary().part_markers
    candidates = [q for q in candidates if not q.before.startswith(markers)]
    if is_generic(line.label):
        return list(candidates)
    cue = measure_cue(line.label)
    return [q for q in candidates if cue_in(cue, q.label)]


def measure_cue(label: str) -> str:
    """The words of a line label that name what it counts: 受理数 -> 受理."""
    s = bare_label(label)
    for tail in _GENERIC_TAILS:
        if s.endswith(tail) and len(s) > len(tail):
            return s[:-len(tail)]
    return s


def cue_in(cue: str, text: str) -> bool:
    if not cue:
        return False
    if cue in text:
        return True
    grams = {cue[i:i + 2] for i in range(len(cue) - 1)} - set(_WEAK)
    return any(g in text for g in grams)


# -- the same figure in a sentence ------------------------------------------------

def figure_mismatches(doc, view: View, nearby) -> list[FigureMismatch]:
    lines = view.count_lines()
    about = _domains(_table_words(doc, view.table))
    said = _by_words(nearby)
    categories = {p.index: _strip_suffixes(bare_label(p.label)) for p in view.positions
                  if p.role == "plain" and not is_catch_all(p.label) and not is_generic(p.label)}
    out = []
    for line in lines:
        for p in view.positions:
            cell, category = line.at(p), categories.get(p.index, "")
            if cell is None or not cell.value.exact or len(category) < 2 or category not in said:
                continue
            found = [q for words, q in said.get(category, ())
                     if _says(doc, q, words, category, line, len(lines) == 1) and _same_population(doc, q, about)]
            if found and not any(q.value == cell.value.value for q in found):
                out.append(FigureMismatch(line, cell, bare_label(p.label), found[0]))
    return out


def _table_words(doc, table) -> str:
    """What a table says it is about: its caption, the text that introduces it, its labels."""
    # NOTE: the sentence that leads into it (…行政诉讼案件审结情况如下表：), not its whole paragraph
    intro = introducing_paragraphs(doc, table)
    parts = [_last_sentence(p.text) for p in ([table.caption] if table.caption else []) + intro[-1:]]
    parts += [c.text for c in table.rows[0]] if table.rows else []
    return " ".join(parts)


def _last_sentence(text: str) -> str:
    return text.rstrip("。").rsplit("。", 1)[-1]


def _domains(text: str) -> frozenset:
    return frozenset(d for d in table_vocabulary().domains if d in text)


def _same_population(doc, q, about: frozenset) -> bool:
    """复议 in the sentence, 诉讼 in the table: two populations; unknown on either side: maybe one."""
    if q.sentence is None:
        return True
    # NOTE: a sentence that names none (审结案件中，撤销10件…) is about what its paragraph named so far
    # (at most the 400 characters before it: a paragraph may be a whole 10 MB line)
    start = max(q.sentence.paragraph.span.start, q.start - 400)
    said = _domains(q.sentence.text) or _domains(doc.text[start:q.end])
    return not (about and said) or bool(about & said)


def _by_words(quantities, longest: int = 24) -> dict:
    """Every ending of the words before each count -> (words, count): a category
    is looked up by the words it must end, not compared with every count."""
    out: dict = {}
    for q in quantities:
        words = _strip_suffixes(q.before)
        for k in range(2, min(len(words), longest) + 1):
            out.setdefault(words[-k:], []).append((words, q))
    return out


def _says(doc, q, words: str, category: str, line: TLine, single: bool) -> bool:
    if line.unit and unit_family(q.unit) != line.unit:
        return False
    prefix = _strip_prefixes(words[:-len(category)])
    own = bare_label(line.label)
    if prefix and prefix not in own:
        return False
    if single:
        return True
    cue = measure_cue(line.label)
    return bool(cue) and cue in doc.text[q.clause_start:q.end]


def _strip_suffixes(text: str) -> str:
    words = table_vocabulary().link_suffixes
    changed = True
    while changed:
        changed = False
        for w in words:
            if text.endswith(w) and len(text) > len(w):
                text, changed = text[:-len(w)], True
                break
    return text


def _strip_prefixes(text: str) -> str:
    words = table_vocabulary().link_prefixes
    changed = True
    while changed and text:
        changed = False
        for w in words:
            if text.startswith(w):
                text, changed = text[len(w):], True
                break
    return text
