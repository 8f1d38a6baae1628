"""Reading one table cell or label: a count, a percentage, a dash, empty, or text.

    75        75件      1,250     ７５件     8.56万     +5 / -3     (counts)
    49.66%    49.66 ％   百分之五十  49.66 under a 占比（%） header    (percentages)
    —  -  /  无          a dash: zero where a count is expected, missing elsewhere
    ""                   empty: missing, or zero when a rule says so
    2023年  行政处罚      text

Numbers with a unit are read by the statistics extractor
(`checker.figures.quantities.extract`); a bare number (no unit, as most table cells
are) by `_BARE` here, which the extractor does not read on purpose. A unit
may also stand in a header: 数量（件）, 占比（%）, 单位：件. Labels are
classified here too (合计, 占比, 其中 …) from rules/data/tables.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cached_property, lru_cache

from checker.figures.quantities import FULLWIDTH, cn_number, extract
from checker.resources import vocab_path
from checker.yamlio import load_yaml_file

_SPACES = re.compile(r"[\s\u3000\u00a0]+")
# NOTE: a bare number in a cell (the extractor reads only numbers with a unit).
_BARE = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<mult>万亿|万|亿)?")
_MULT = {"万": 10 ** 4, "亿": 10 ** 8, "万亿": 10 ** 12}
_YEARISH = re.compile(r"^(?:19|20)\d{2}(?:年度?)(?:\d{1,2}月)?$|^\d{1,2}月(?:份)?$|^第.+|^(?:19|20)\d{2}[-/]\d{1,2}(?:[-/]\d{1,2})?$")
_BARE_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_SIGN = "+-－−"
_BRACKET_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^（()）]{1,6})\s*[)）]\s*$")
_UNIT_NOTE = re.compile(r"单位\s*[:：]\s*([^\s，,。；;)）]+)")


@dataclass(frozen=True)
class TableVocabulary:
    total_words: tuple
    subtotal_words: tuple
    total_prefixes: tuple
    share_words: tuple
    share_marker: str
    rate_endings: tuple
    part_markers: tuple
    catch_all: tuple
    dash_cells: frozenset
    generic_labels: frozenset
    link_suffixes: tuple
    link_prefixes: tuple
    other_time_words: tuple
    domains: tuple = ()


@lru_cache(maxsize=4)
def table_vocabulary() -> TableVocabulary:
    d = load_yaml_file(vocab_path("tables.yaml")).data or {}

    def t(key):
        return tuple(sorted(d.get(key) or (), key=len, reverse=True))

    return TableVocabulary(t("total_words"), t("subtotal_words"), t("total_prefixes"), t("share_words"),
                           d.get("share_marker") or "占", t("rate_endings"), t("part_markers"),
                           t("catch_all"), frozenset(d.get("dash_cells") or ()),
                           frozenset(d.get("generic_labels") or ()), t("link_suffixes"),
                           t("link_prefixes"), t("other_time_words"), t("domains"))


@dataclass(frozen=True)
class CellValue:
    kind: str                  # number | percent | dash | empty | text
    value: Decimal | None = None
    number: str = ""           # the numeral as printed, ASCII, without sign or 万: "49.66"
    multiplier: int = 1
    unit: str = ""             # 件, %, 万元 … ("" when none is printed or given)
    approx: bool = False
    negative: bool = False

    @property
    def numeric(self) -> bool:
        return self.kind in ("number", "percent")

    @property
    def decimals(self) -> int:
        return len(self.number.split(".")[1]) if "." in self.number else 0

    @cached_property
    def exact(self) -> bool:
        """A whole count as printed: no decimals, no 万, no approximation."""
        return self.kind == "number" and not self.approx and self.multiplier == 1 and self.decimals == 0

    @property
    def half_unit(self) -> Fraction:
        """Half a unit of the last printed place: the most rounding can move it."""
        return Fraction(self.multiplier, 2 * 10 ** self.decimals)

    @property
    def shown(self) -> str:
        """The figure for a computation: 75, -3, 8.56万, 49.66%."""
        sign = "-" if self.negative else ""
        mult = {v: k for k, v in _MULT.items()}.get(self.multiplier, "")
        return f"{sign}{self.number}{mult}{'%' if self.kind == 'percent' else ''}"


EMPTY = CellValue("empty")
TEXT = CellValue("text")


@lru_cache(maxsize=4096)
def read_cell(text: str, unit_hint: str | None = None) -> CellValue:
    """The value of one cell; `unit_hint` is the unit of its header (件, %).

    Cached: the values are frozen, and the cells of a table repeat (—, 0, 件)."""
    vocab = table_vocabulary()
    s = _SPACES.sub("", text or "")
    if not s:
        return EMPTY
    if s in vocab.dash_cells:
        return CellValue("dash", Decimal(0), "0", unit=unit_hint or "")
    s = s.translate(FULLWIDTH)
    if _YEARISH.match(s):
        return TEXT
    negative = False
    if len(s) > 1 and s[0] in _SIGN:
        negative, s = s[0] != "+", s[1:]
    s = _BRACKET_UNIT.sub(lambda m: m.group(1), s)   # 75（件） -> 75件
    value = _bare(s, unit_hint) or _with_unit(s, unit_hint)
    if value is None:
        return TEXT
    if negative:
        value = CellValue(value.kind, -value.value, value.number, value.multiplier, value.unit,
                          value.approx, True)
    return value


def _bare(s: str, unit_hint: str | None) -> CellValue | None:
    m = _BARE.fullmatch(s)
    if not m:
        return None
    number = m.group("num").replace(",", "")
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    mult = _MULT.get(m.group("mult") or "", 1)
    if unit_hint == "%":
        return None if mult != 1 else CellValue("percent", value, number, 1, "%")
    return CellValue("number", value * mult, number, mult, unit_hint or "")


def _with_unit(s: str, unit_hint: str | None) -> CellValue | None:
    found = extract(s)
    if len(found) != 1:
        return _chinese(s, unit_hint)
    q = found[0]
    if q.lead != 0 or q.end != len(s) or q.kind == "points":
        return None
    if q.kind == "percent":
        return CellValue("percent", q.value, q.number, 1, "%", q.approx is not None)
    if unit_hint == "%":
        return None
    return CellValue("number", q.value, q.number, q.multiplier, q.unit, q.approx is not None)


def _chinese(s: str, unit_hint: str | None) -> CellValue | None:
    """A Chinese numeral alone in a cell (十二), read like a bare number."""
    if not re.fullmatch(r"[零〇一二两三四五六七八九十百千万]+", s) or len(s) > 8:
        return None
    v = cn_number(s)
    if v is None:
        return None
    kind = "percent" if unit_hint == "%" else "number"
    return CellValue(kind, v, str(v), 1, "%" if kind == "percent" else unit_hint or "")


# -- labels ---------------------------------------------------------------------

@lru_cache(maxsize=1024)
def header_unit(label: str) -> str | None:
    """The unit a header or caption gives its cells: 数量（件） 件, 占比（%） %, 单位：件 件."""
    s = _SPACES.sub("", label or "").translate(FULLWIDTH)
    if not s:
        return None
    if s in ("%", "百分比") or s.endswith(("%", "百分比")):
        return "%"
    m = _BRACKET_UNIT.search(s) or _UNIT_NOTE.search(s)
    if m:
        unit = m.group(1)
        return "%" if "%" in unit else unit
    return None


@lru_cache(maxsize=1024)
def bare_label(label: str) -> str:
    """The label without spaces, a bracketed unit, or a trailing colon: 数量（件） -> 数量."""
    s = _SPACES.sub("", label or "").translate(FULLWIDTH)
    s = _BRACKET_UNIT.sub("", s).rstrip(":：")
    return s


@lru_cache(maxsize=1024)
def label_role(label: str) -> str:
    """total | subtotal | part-of (其中…) | share | rate | plain."""
    vocab = table_vocabulary()
    s = bare_label(label)
    if not s:
        return "share" if header_unit(label) == "%" else "plain"
    core = s
    for prefix in vocab.total_prefixes:
        if core.startswith(prefix) and len(core) > len(prefix):
            core = core[len(prefix):]
            break
    if core in vocab.subtotal_words:
        return "subtotal"
    if core in vocab.total_words:
        return "total"
    if s.startswith(vocab.part_markers):
        return "part-of"
    if _is_share(s, label, vocab):
        return "share"
    if s.endswith(vocab.rate_endings) or any(w in s for w in ("同比", "增减", "增幅", "降幅")):
        return "rate"
    return "plain"


def _is_share(s: str, raw: str, vocab: TableVocabulary) -> bool:
    """占比, 占受理数比例, 比例（%）, %: a share of a whole. 办结比例 is a rate of its row."""
    if s in vocab.share_words or s in ("%", "百分比") or (not s and header_unit(raw) == "%"):
        return True
    return vocab.share_marker in s and s.endswith(("比例", "比重", "比", "百分比"))


def looks_like_year(text: str) -> bool:
    """A bare 2023 in a header row is a year, not a count."""
    return bool(_BARE_YEAR.match(_SPACES.sub("", text or "").translate(FULLWIDTH)))


@lru_cache(maxsize=1024)
def is_catch_all(label: str) -> bool:
    return bare_label(label).startswith(table_vocabulary().catch_all)


@lru_cache(maxsize=1024)
def named_base(label: str) -> str:
    """What a share label says it is a share of: 占新受理数比例 -> 新受理; 占比 -> ""."""
    s = bare_label(label)
    marker = table_vocabulary().share_marker
    if marker not in s:
        return ""
    base = s[s.index(marker) + 1:]
    for end in ("的比例", "的比重", "比例", "比重", "百分比", "比"):
        if base.endswith(end):
            base = base[:-len(end)]
            break
    base = base.rstrip("的")
    for generic in ("总数", "总量", "合计", "总计", "全部", "总", "数", "量"):
        if base.endswith(generic):
            base = base[:-len(generic)]
            break
    return base


@lru_cache(maxsize=1024)
def is_generic(label: str) -> bool:
    return bare_label(label) in table_vocabulary().generic_labels or not bare_label(label)
