"""Report profiles: what a report of one kind must be (rules/data/kinds.yaml).

A profile names the kind's required parts and their order (`parts`; the words of each
part's heading and the section kind it counts as are in rules/data/sections.yaml,
`parts:`), its publication deadline (`deadline`), its rule packs (`packs`) and the
tables its format mandates (`tables`). The 法治政府建设 profile names no parts: its
sections are read with the generic keywords (checker.document.outline.classify).

    profile("zwgk").parts        ("overview", "proactive", …)
    part_of("五、存在的主要问题和改进情况", "zwgk")   -> "problems"
    parts(doc, "zwgk")           [PartMatch(section, "overview", 1), …]  (top-level parts)

Everything is data read once; nothing here depends on the linter or the checks.
"""
from __future__ import annotations

import re
from collections import namedtuple
from functools import lru_cache

from checker.document.hant import simplified
from checker.resources import vocab_path


class Profile(namedtuple("Profile", "id name parts since deadline packs tables places")):
    # id: str                 fzzf | zwgk | …
    # name: dict              {zh, en}
    # parts: tuple[str, ...]  required parts, in order (empty: none)
    # since: int | None       the first report year the parts are required for
    # deadline: dict | None   {late_from, levels, since, bodies}
    # packs: tuple[str, ...]  rule packs of this kind alone
    # tables: str | None      the mandated tables' file in rules/data
    # places: dict            level of the place the body serves -> regex on its name
    __slots__ = ()


class Part(namedtuple("Part", "id name kind keywords")):
    # id: str; name: {zh, en}; kind: a section kind; keywords: tuple[str, ...]
    __slots__ = ()


class PartMatch(namedtuple("PartMatch", "section part index")):
    # section: Section (top level); part: str (its id); index: 1-based place in the profile
    __slots__ = ()


def _load(name: str):
    from checker.yamlio import load_yaml_file
    return load_yaml_file(vocab_path(name)).data or {}


@lru_cache(maxsize=1)
def profiles() -> dict:
    """{kind id: Profile} for every kind of rules/data/kinds.yaml."""
    out = {}
    for k in _load("kinds.yaml")["kinds"]:
        parts = k.get("parts") or {}
        out[k["id"]] = Profile(k["id"], k.get("name") or {"zh": k["id"], "en": k["id"]},
                               tuple(parts.get("order") or ()), parts.get("since"), k.get("deadline"),
                               tuple(k.get("packs") or ()), k.get("tables"), k.get("places") or {})
    return out


def profile(kind: str | None) -> Profile | None:
    return profiles().get(kind) if kind else None


@lru_cache(maxsize=1)
def part_table() -> dict:
    """{part id: Part} from rules/data/sections.yaml."""
    data = _load("sections.yaml").get("parts") or {}
    return {pid: Part(pid, p["name"], p.get("kind", "other"), tuple(p.get("keywords") or ()))
            for pid, p in data.items()}


def pack_kinds() -> dict:
    """{pack name: (kind, …)}: the kinds whose profile names the pack."""
    out: dict = {}
    for p in profiles().values():
        for pack in p.packs:
            out.setdefault(pack, []).append(p.id)
    return {k: tuple(v) for k, v in out.items()}


_SPACES = re.compile(r"[\s\u3000]+")
_SENTENCE = re.compile(r"[。；;！？]")
_PART_HEADING = 40     # characters: a part's heading is short (四、因政府信息公开工作被申请行政复议、提起行政诉讼情况)


def _plain(text: str) -> str:
    return _SPACES.sub("", simplified(text)).replace("(", "（").replace(")", "）")


def parts_named(heading_text: str, kind: str) -> list[str]:
    """Every part of `kind`'s profile a heading names, the one whose word ends last first."""
    p = profile(kind)
    if p is None or not p.parts:
        return []
    text, table = _plain(heading_text), part_table()
    if len(text) > _PART_HEADING or _SENTENCE.search(text):
        return []  # NOTE: a sentence read as a heading (一，图解、视频解读较少；二是依申请公开…) names no part
    found = []
    for pid in p.parts:
        part = table.get(pid)
        ends = [text.rfind(w) + len(w) for w in (part.keywords if part else ()) if w in text]
        if ends:
            found.append((max(ends), pid))
    return [pid for _, pid in sorted(found, key=lambda e: -e[0])]


def part_of(heading_text: str, kind: str) -> str | None:
    named = parts_named(heading_text, kind)
    return named[0] if named else None


def parts(doc, kind: str) -> list:
    """The top-level sections of `doc` that are parts of `kind`'s profile, in reading order."""
    p = profile(kind)
    if p is None or not p.parts:
        return []
    out = []
    for s in doc.sections:
        pid = part_of(s.heading.text, kind)
        if pid is not None:
            out.append(PartMatch(s, pid, p.parts.index(pid) + 1))
    return out


def section_kinds(sections, kind: str) -> tuple | None:
    """The sections with the kinds their profile's parts give them (a 政务公开 report's
    五、存在的主要问题及改进情况 is its problems part), or None when the profile names no
    parts or changes nothing. A top-level section that names no part keeps its kind."""
    p = profile(kind)
    if p is None or not p.parts:
        return None
    table, out, changed = part_table(), [], False
    for s in sections:
        pid = part_of(s.heading.text, kind)
        new = table[pid].kind if pid in table else s.kind
        if new == "problems" and s.kind == "next_steps":
            new = s.kind  # NOTE: 存在的主要问题和下步工作措施 names both; the generic words keep it a plan
        if new != s.kind:
            s, changed = _retyped(s, new), True
        out.append(s)
    return tuple(out) if changed else None


def _retyped(section, kind: str):
    return section._replace(kind=kind, children=tuple(_retyped(c, kind) for c in section.children))


# -- the body that reports ------------------------------------------------------------

_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?|[〇○零一二三四五六七八九]{4}\s*年度?")
_SUBJECT = re.compile(r"政府信息公开|政务公开|信息公开|法治政府|依法行政|法治建设")
_LEAD = re.compile(r"^(?:关于|關於)")
_SELF = re.compile(r"(?:我|本)(镇|乡|街道|街)(?![长道路办])")


def body_name(doc) -> str:
    """The name of the body that reports: the title's words before its year, or between
    the year and the subject (某县市场监督管理局2023年…, 2023年某县人民政府…), or the
    signature; "" when neither names one."""
    names = [_body_in_title(doc.title.text)] if doc.title is not None else []
    if doc.closing is not None and doc.closing.organisations:
        names.append(doc.closing.organisations[-1])
    return "".join(next((n for n in names if n), "").split())


def _body_in_title(title: str) -> str:
    text = _LEAD.sub("", "".join(simplified(title).split()))
    m = _YEAR.search(text)
    before = text[:m.start()] if m else ""
    if before:
        return before
    rest = text[m.end():] if m else text
    s = _SUBJECT.search(rest)
    return rest[:s.start()] if s else ""


def body_level(doc, patterns: dict) -> str:
    """The first level of `patterns` (level -> regex) whose pattern the body's name
    matches (rules/data/kinds.yaml `bodies:`, `places:`), else default. A text whose
    body has no name but that speaks of itself as 我镇/本乡/我街道 in its opening is a
    township's (`township`, when the patterns have it)."""
    name = body_name(doc)
    for level, pattern in patterns.items():
        if name and re.search(pattern, name):
            return level
    if not name and "township" in patterns:
        opening = "".join(b.text for b in doc.content_blocks[:4])[:600]
        if _SELF.search(opening):
            return "township"
    return "default"
