"""The whole a share names: 占收到申请的9.6%, 占受理案件总数的38%.

A share whose name says what it is a share of (收到申请, 受理案件) is a share of the count
stated for that base in its paragraph before its part (共收到行政复议申请63件, 立案受理15
件), not of whatever count stands nearest. The base words are the share's name without 占
and its endings (总数, 比例, 的 …) and without generic nouns (案件); each two-character
word of what is left (收到, 申请; 受理) must occur in the count's words, not negated (不予受理
is no 受理). Among several such counts the total-cued ones (共, 全年 …) are taken, and
the first of them is the whole when it is also the largest (a total stated, then broken
down: 共收到63件，其中市政府收到24件). A share whose named base no count before it carries
(审结150件 … 占全部收案的25%: 收案 is 收到, not stated) is not held to any other count. A short
form after a qualifier (全部收案) is read as the short form. Vocabulary: rules/data/totals.yaml
`named_base`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from checker.figures.quantities import Quantity, unit_family
from checker.figures.relations import has_cue

_NEGATED = ("不予", "未", "不")


@lru_cache(maxsize=1)
def _vocab() -> tuple:
    from checker.resources import vocab_path
    from checker.yamlio import load_yaml_file
    data = load_yaml_file(vocab_path("totals.yaml")).data["named_base"]
    endings = "|".join(map(re.escape, sorted(data["endings"], key=len, reverse=True)))
    return (re.compile(f"(?:{endings})+$"), tuple(sorted(data["generic"], key=len, reverse=True)),
            dict(data["abbreviations"]))


def base_words(name: str) -> tuple[str, ...]:
    """The words of the base a share's name names (占收到申请的 → 收到, 申请); () when it
    names none but a generic one (占总数的, 占比, 占案件总数的)."""
    endings, generic, short = _vocab()
    key = endings.sub("", name.removeprefix("占"))
    bare = key
    for word in generic:   # NOTE: 全部收案: a short form after a qualifier (generic words off, two characters kept)
        shorter = bare.replace(word, "")
        if len(shorter) >= 2:
            bare = shorter
    if key in short:
        key = short[key]
    elif bare in short:
        key = short[bare]
    for word in generic:
        key = key.replace(word, "")
    if len(key) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", key):
        return ()
    return tuple(key[i:i + 2] for i in range(0, len(key) - 1, 2)) if len(key) % 2 == 0 else (key,)


def named_whole(name: str, part: Quantity, counts: list[Quantity], totals) -> Quantity | None:
    """The count the share's name points to (see module doc), or None (see also `base_absent`)."""
    words = base_words(name)
    if not words:
        return None
    family = unit_family(part.unit)
    found = [c for c in counts if c is not part and c.end <= part.start and unit_family(c.unit) == family
             and c.value >= part.value and c.sentence.paragraph is part.sentence.paragraph
             and _names(c.label, words)]
    # NOTE: a cue other than the base's own words (共收到 … 63件, not 市政府收到 … 24件)
    others = tuple(t for t in totals if not any(t in w or w in t for w in words))
    pick = [c for c in found if has_cue(c.label, others)] or found
    if not pick:
        return None
    # the total stated first, then broken down: the first is the largest
    return pick[0] if pick[0].value == max(c.value for c in pick) else None


def base_absent(name: str, part: Quantity, counts: list[Quantity]) -> bool:
    """Does the share's name say what it is a share of (占全部收案的 → 收到) while no count
    before its part in the paragraph carries any of those words? Then the share is not held
    to another count (审结150件 … 占全部收案的25%: the cases received are not stated)."""
    words = base_words(name)
    if not words:
        return False
    return not any(w in c.label for c in counts if c is not part and c.end <= part.start
                   and c.sentence.paragraph is part.sentence.paragraph for w in words)


def _names(label: str, words: tuple[str, ...]) -> bool:
    at = 0
    for w in words:
        i = label.find(w, at)
        while i >= 0 and label[max(0, i - 2):i].endswith(_NEGATED):
            i = label.find(w, i + 1)
        if i < 0:
            return False
        at = i + len(w)
    return True
