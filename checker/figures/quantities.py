"""Quantities: every number in a report that counts or measures something.

`extract(text)` finds them in one piece of text (offsets relative to it);
`find_quantities(doc)` runs it over `doc.sentences` and gives absolute
offsets, spans and the sentence; `quantities_of(doc)` keeps the result on the
document (`doc.memo("figures.quantities", …, language=True)`).

A quantity is a numeral followed by a unit or measure word (件 起 人 项 …,
rules/data/quantities.yaml), a percentage (%, ％, 百分之…) or 个百分点:

    Arabic with decimals and thousands separators   1,250件  91.75 %
    full-width digits                               ９６件
    Chinese numerals                                两次 三个 十期 一百二十项
    multipliers 万 / 亿                              8.56万件  11.47亿元
    approximation words, marked approximate         约97.8%  180余次  80%以上

Numbers without a unit (years 2020年, dates 5月12日, document numbers
〔2020〕14号, hotlines 12345热线), ordinals (第三次), list numerals (一是) and
numbers inside quotes or book titles (“1+4”, 《…10条措施》) are not quantities.
Each quantity keeps its label: the words of its clause that say what is
counted (`before` and `after` the number).
"""
from __future__ import annotations

import bisect
import re
from collections import namedtuple
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace

from checker.speed.prefilter import holds_place
from checker.resources import vocab_path
from checker.yamlio import load_yaml_file

FULLWIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_FULLWIDTH_CHARS = re.compile("[０-９．％]")
_FULLWIDTH_THOUSANDS = re.compile("(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_MULT = {"万亿": 10 ** 12, "千万": 10 ** 7, "百万": 10 ** 6, "万": 10 ** 4, "亿": 10 ** 8, "千": 10 ** 3}
# Quoted and bracketed stretches: “1+4”, 《…10条措施》, 〔2020〕, "无事不扰".
_QUOTE_PAIRS = {"“": "”", "‘": "’", "《": "》", "〔": "〕", "［": "］", "「": "」", "『": "』", "〈": "〉",
                "[": "]", '"': '"'}
_QUOTE_OPENERS = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")
# Clause breaks; an ASCII comma between digit groups (1,250) is a thousands separator.
_SPACES = " \u00a0\u2002\u3000"
CLAUSE_BREAK = re.compile(r"[，；;：:、。！？!?（）()]|(?<!\d),|,(?!\d{3}(?!\d))")
# A short aside in brackets without figures (含撤销、确认违法) is part of its clause: 其中纠错
# (含撤销、确认违法)29件 counts 纠错, and 乡镇(街道)政府11件 counts 乡镇政府.
ASIDE = re.compile(r"[（(][^（）()0-9\n。；;]{1,24}[）)]")


class Quantity(namedtuple("Quantity", (
        "value number multiplier unit kind start end approx bound before "
        "after clause_start clause_end lead sentence source shift index"),
        defaults=(None, None, "", "", 0, 0, 0, None, "", 0, None))):
    """One quantity. NOTE: an immutable named tuple rather than a frozen
    dataclass: reports hold thousands and construction is 5x cheaper."""
    # value: Decimal  number x multiplier; for % and 个百分点 the number itself
    # number: str  the numeral as an ASCII decimal string: "91.75", "120"
    # multiplier: int  1, 10**4 (万), 10**8 (亿) …
    # unit: str  件, %, 个百分点, 元 …
    # kind: str  count | percent | points
    # start: int
    # end: int
    # approx: str | None = None  the approximation word
    # bound: str | None = None  "min" (以上, 余), "max" (近, 不到), None
    # before: str = ""  clause text before the numeral (approximation word excluded)
    # after: str = ""  clause text after the quantity
    # clause_start: int = 0
    # clause_end: int = 0
    # lead: int = 0  where the quantity's words begin (an approximation word before it)
    # sentence: object = None  checker.document.language.Sentence (find_quantities)
    # source: str = ""  the text `start` and `end` point into, less `shift` (shared, not a copy)
    # shift: int = 0
    # index: object = None  the document's LineIndex (find_quantities), for `span`
    # NOTE: `text` and `span` are computed, not stored: a 10 MB file holds ~40,000 quantities
    __slots__ = ()

    @property
    def text(self) -> str:
        """As printed, numeral to unit (and a trailing 左右/以上)."""
        return self.source[self.start - self.shift:self.end - self.shift]

    @property
    def span(self):
        """checker.document.model.Span of the quantity (None without a document)."""
        return None if self.index is None else self.index.span(self.start, self.end)

    def __repr__(self):  # NOTE: not the whole source text
        return (f"Quantity(value={self.value!r}, text={self.text!r}, start={self.start}, end={self.end}, "
                f"unit={self.unit!r}, kind={self.kind!r}, before={self.before!r}, after={self.after!r})")

    @property
    def label(self) -> str:
        """The words that say what is counted: before + after.
        NOTE: computed, not stored: a 10 MB file holds tens of thousands of quantities."""
        return (self.before + self.after).strip()

    @property
    def approximate(self) -> bool:
        return self.approx is not None

    @property
    def decimals(self) -> int:
        return len(self.number) - self.number.index(".") - 1 if "." in self.number else 0

    @property
    def is_count(self) -> bool:
        """An exact whole count: no approximation, no 万/亿 rounding, no decimals."""
        return self.kind == "count" and self.approx is None and self.multiplier == 1 and "." not in self.number


# -- vocabulary --------------------------------------------------------------

class _Vocab(SimpleNamespace):
    """The quantity vocabulary, compiled (built once by vocabulary())."""
    pattern: re.Pattern
    families: dict
    continuous: frozenset
    not_unit_before: dict       # unit -> tuple of continuations
    not_after_chars: frozenset
    not_after_words: tuple
    not_after_chinese: frozenset  # only before a Chinese numeral (统一, but 工单8640件)
    approx_before: dict         # word -> bound
    approx_before_re: re.Pattern
    approx_inside: dict
    approx_after: dict
    approx_after_re: re.Pattern
    not_quantities: re.Pattern | None


@lru_cache(maxsize=1)
def vocabulary() -> _Vocab:
    data = load_yaml_file(vocab_path("quantities.yaml")).data
    units = sorted(set(data["units"]), key=lambda w: (-len(w), w))
    pattern = re.compile(
        r"(?=[0-9零〇一二两三四五六七八九十百])"   # NOTE: a cheap first-character test
        r"(?:百分之(?P<pctcn>百|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
        r"|(?:(?P<arabic>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?P<mult>万亿|千万|百万|万|亿|千)?"
        r"|(?P<cn>[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?))"
        r"(?P<inside>余|多)?"
        r"(?P<unit>[ \u00a0\u2002\u3000]?(?:" + _unit_alternatives(units) + "))?)")
    families = {}
    for family in data.get("unit_families") or []:
        for unit in family:
            families[unit] = family[0]
    words = data.get("not_quantities") or []
    before, after = data.get("approx_before") or {}, data.get("approx_after") or {}
    return _Vocab(
        pattern=pattern,
        families=families,
        continuous=frozenset(data.get("continuous") or ()),
        not_unit_before={k: tuple(v) for k, v in (data.get("not_unit_before") or {}).items()},
        not_after_chars=frozenset(w for w in data.get("not_after") or () if len(w) == 1),
        not_after_words=tuple(w for w in data.get("not_after") or () if len(w) > 1),
        not_after_chinese=frozenset(data.get("not_after_chinese") or ()),
        approx_before=dict(before),
        approx_before_re=re.compile("(?:" + _alternatives(before) + ")[" + _SPACES + "]*$"),
        approx_inside=dict(data.get("approx_inside") or {}),
        approx_after=dict(after),
        approx_after_re=re.compile(_alternatives(after)),
        not_quantities=re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))) if words else None,
    )


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"


def _unit_alternatives(units: list[str]) -> str:
    """Longer units first, then every one-character unit in a single class.

    NOTE: one character class instead of ~50 alternatives keeps the scan fast.
    """
    long = [u for u in units if len(u) > 1]
    single = "".join(re.escape(u) for u in units if len(u) == 1) + "%"
    return "|".join(map(re.escape, long)) + ("|" if long else "") + "[" + single + "]"


def unit_family(unit: str) -> str:
    """Units that count the same things share a family (件/起/宗, 人/名)."""
    return vocabulary().families.get(unit, unit)


def is_continuous(unit: str) -> bool:
    """元, 天, 吨 …: measures that need not be whole numbers."""
    return unit in vocabulary().continuous


# -- numerals ----------------------------------------------------------------

def cn_number(s: str) -> Decimal | None:
    """Value of a Chinese numeral: 一百二十 -> 120, 三千零五万 -> 30050000, 九十一点七五 -> 91.75.

    Strings of bare digits (二〇二〇, 三四) are years or ranges: None.
    """
    whole, _, frac = s.partition("点")
    if frac and not all(ch in _CN_DIGITS for ch in frac):
        return None
    if len(whole) > 1 and all(ch in _CN_DIGITS for ch in whole):
        return None
    total = section = number = 0
    for ch in whole:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (number or 1) * _CN_UNITS[ch]  # 十五: an implicit 一
            number = 0
        elif ch == "万":
            section = (section + number) * 10 ** 4
            number = 0
        elif ch == "亿":
            total = (total + section + number) * 10 ** 8
            section = number = 0
        else:
            return None
    value = Decimal(total + section + number)
    if frac:
        value += Decimal("0." + "".join(str(_CN_DIGITS[ch]) for ch in frac))
    return value


def _normalised(text: str) -> str:
    """ASCII digits, point and %, and ５，６２０ as 5,620 (between full-width digits a
    full-width comma groups thousands). NOTE: same length, so offsets hold; most texts
    have no full-width digits."""
    if not _FULLWIDTH_CHARS.search(text):
        return text
    return _FULLWIDTH_THOUSANDS.sub(",", text).translate(FULLWIDTH)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Each opening mark with the first closing mark of its kind after it, left to right,
    resuming after each span: what `“[^”]*”|《[^》]*》|…` finds, in linear time (the regex
    rescans to the end of the text from every unclosed mark)."""
    closers: dict[str, list[int]] = {}
    spans: list[tuple[int, int]] = []
    resume = 0
    for m in _QUOTE_OPENERS.finditer(text):
        start = m.start()
        if start < resume:
            continue
        close = _QUOTE_PAIRS[m.group()]
        at = closers.get(close)
        if at is None:
            at = closers[close] = [c.start() for c in re.finditer(re.escape(close), text)]
        k = bisect.bisect_right(at, start)
        if k < len(at):
            spans.append((start, at[k] + 1))
            resume = at[k] + 1
    return spans


def _masked(text: str, vocab: _Vocab) -> tuple[list[int], list[int]]:
    """Spans inside quotes, book titles, document-number brackets and fixed phrases,
    merged and sorted (starts, ends), so that a place is looked up, not scanned for."""
    spans = quoted_spans(text)
    if vocab.not_quantities is not None:
        spans.extend(m.span() for m in vocab.not_quantities.finditer(text))
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if ends and a < ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


# -- extraction --------------------------------------------------------------

def extract(text: str, base: int = 0, sentence=None, doc=None) -> list[Quantity]:
    """Every quantity in `text`; offsets are `base` + the offset in `text`.

    With `doc`, each quantity also gets its Span (and `sentence` is kept).
    """
    vocab = vocabulary()
    # NOTE: same length, so offsets hold; most sentences have no full-width digits
    norm = _normalised(text)
    masked = None
    raw = []
    for m in vocab.pattern.finditer(norm):
        if not (m.group("unit") or m.group("pctcn")):
            continue
        if masked is None:
            masked = _masked(norm, vocab)
        found = _read(norm, m, vocab, masked)
        if found is not None:
            raw.append(found)
    if not raw:
        return []
    breaks = _breaks(norm)
    clauses = [_clause(breaks, r[9], r[8], len(norm)) for r in raw]
    out = []
    # NOTE: with a document, offsets point into its text; without, into `text` (less `base`)
    source, shift, index = (doc.text, 0, doc.index) if doc is not None else (text, base, None)
    offsets: dict = {}

    def at(k: int) -> int:  # NOTE: one int object per offset: a 10 MB text holds ~40,000 quantities
        return offsets.setdefault(k, base + k)

    for i, (value, number, mult, unit, kind, approx, bound, start, end, lead) in enumerate(raw):
        ca, cb = clauses[i]
        # NOTE: a label stops at its neighbours: 由41项缩减为16项 gives 41 "由"
        # and 16 "缩减为", so the words of one count never name another.
        a = max(ca, raw[i - 1][8]) if i and clauses[i - 1][0] == ca else ca
        b = min(cb, raw[i + 1][9]) if i + 1 < len(raw) and clauses[i + 1][0] == ca else cb
        before, after = norm[a:lead].strip(), norm[end:b].strip()
        out.append(Quantity(
            value, number, mult, _UNITS.setdefault(unit, unit), kind, at(start), at(end), approx, bound,
            before, after, at(ca), at(cb), at(lead), sentence, source, shift, index))
    return out


def _breaks(norm: str) -> list[int]:
    """Offsets of the clause breaks of `norm`, less those of short asides in brackets."""
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(norm)]
    if "(" not in norm and "（" not in norm:
        return breaks
    inside = [m.span() for m in ASIDE.finditer(norm)]
    if not inside:
        return breaks
    return [b for b in breaks if not any(a <= b < e for a, e in inside)]


def clause_breaks(text: str, start: int, end: int) -> int:
    """Clause breaks between two offsets of `text`, a short aside in brackets not counted."""
    return len(CLAUSE_BREAK.findall(ASIDE.sub("", text[start:end])))


def linked(text: str, prev: "Quantity", nxt: "Quantity") -> bool:
    """Two exact counts of one family in consecutive clauses joined by a comma: items
    of one list (维持71件，驳回申请32件)."""
    if not (prev.is_count and nxt.is_count) or unit_family(nxt.unit) != unit_family(prev.unit):
        return False
    breaks = CLAUSE_BREAK.findall(text, prev.end, nxt.lead)
    return len(breaks) == 1 and breaks[0] in "，,、"


def runs(text: str, counts) -> list[list]:
    """The lists among `counts` (in reading order): maximal runs of linked counts, two or more."""
    out, run = [], []
    for c in counts:
        if run and linked(text, run[-1], c):
            run.append(c)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [c] if c.is_count else []
    if len(run) >= 2:
        out.append(run)
    return out


MAX_DIGITS = 24   # digits and point of the longest figure read (999,999,999,999,999.99999999)
_UNITS: dict = {}  # unit -> one shared string (件, 人, % …: a few dozen)


def _clause(breaks: list[int], lead: int, end: int, length: int) -> tuple[int, int]:
    i = bisect.bisect_left(breaks, lead)
    j = bisect.bisect_left(breaks, end)
    return (breaks[i - 1] + 1 if i else 0), (breaks[j] if j < len(breaks) else length)


def _read(norm: str, m: re.Match, vocab: _Vocab, masked):
    """(value, number, multiplier, unit, kind, approx, bound, start, end, lead) or None."""
    start, end = m.span()
    starts, ends = masked
    k = bisect.bisect_right(starts, start) - 1
    if k >= 0 and start < ends[k]:
        return None
    head = norm[max(0, start - 4):start].rstrip(_SPACES)
    if head and (head[-1] in vocab.not_after_chars or head.endswith(vocab.not_after_words)
                 or (m.group("cn") and head[-1] in vocab.not_after_chinese)):
        return None
    unit = (m.group("unit") or "").strip(_SPACES)
    if unit in vocab.not_unit_before and norm.startswith(vocab.not_unit_before[unit], end):
        return None
    parsed = _value(m, unit)
    if parsed is None:
        return None
    value, number, mult, kind = parsed
    if kind == "percent":
        unit = "%"
    approx = bound = None
    if m.group("inside"):
        approx, bound = m.group("inside"), vocab.approx_inside.get(m.group("inside"))
    after = vocab.approx_after_re.match(norm, end)
    if after:
        approx, bound, end = after.group(0), vocab.approx_after[after.group(0)], after.end()
    lead = start
    before = vocab.approx_before_re.search(norm, max(0, start - 8), start)
    if before:
        word = before.group(0).rstrip(_SPACES)
        approx, bound = word, vocab.approx_before[word] if bound is None else bound
        lead = before.start()
    return value, number, mult, unit, kind, approx, bound, start, end, lead


def _value(m: re.Match, unit: str):
    """(value, number string, multiplier, kind) or None."""
    if m.group("pctcn"):
        v = Decimal(100) if m.group("pctcn") == "百" else cn_number(m.group("pctcn"))
        return None if v is None else (v, str(v), 1, "percent")
    kind = "percent" if unit == "%" else "points" if unit == "个百分点" else "count"
    if m.group("arabic"):
        number = m.group("arabic").replace(",", "")
        if len(number) > MAX_DIGITS:  # NOTE: no report counts past 10^15 or to 12 decimals;
            return None               # such a run is data debris, and exact arithmetic on it is slow
        mult = _MULT[m.group("mult")] if m.group("mult") else 1
        if mult != 1 and kind != "count":
            return None
        return Decimal(number) * mult, number, mult, kind
    v = cn_number(m.group("cn"))
    if v is None:
        return None
    return v, str(v), 1, kind


def quantities_of(doc) -> tuple:
    """Every quantity of `doc`, in reading order (kept on the document; a language view)."""
    return doc.memo("figures.quantities", lambda: find_quantities(doc), language=True)


def find_quantities(doc) -> tuple[Quantity, ...]:
    """Quantities of every sentence of `doc`, with absolute offsets and spans.

    NOTE: one scan of the whole text first finds where a numeral with a unit
    stands; only the sentences holding one are read closely. Exact: sentences
    are verbatim slices of the text, and a numeral with its unit never reaches
    across a sentence's edge (punctuation, a line end or a heading marker's
    delimiter stands there), so a sentence has a candidate in the whole-text
    scan whenever it has one on its own.
    """
    vocab = vocabulary()
    text = doc.text
    norm = _normalised(text)
    starts = [m.start() for m in vocab.pattern.finditer(norm) if m.group("unit") or m.group("pctcn")]
    out = []
    for sentence in doc.sentences:
        if holds_place(starts, sentence.start, sentence.end):
            out.extend(extract(sentence.text, sentence.start, sentence, doc))
    return tuple(out)
