#!/usr/bin/env python3
"""Score reportlint against the hand triage of the field corpus (corpus/field).

Lints every ``<id>.txt`` in-process (once each) and sorts every finding by the
triage in ``<id>.gold.json`` (format: corpus/field/README.md):

  fp         same rule as a ``false_findings`` entry and overlapping its quote
             (the occurrence on the entry's line; a null quote: anywhere);
  tp         overlapping a ``findings`` defect whose kind fits the finding's
             category (KIND_TO_CATEGORY; kind "other" fits any; a null quote
             matches the category anywhere in the file);
  neutral    overlapping an ``uncertain`` or ``truncated`` entry (same rule
             when the entry names one; a null quote: that rule anywhere);
  untriaged  anything else.

A verdict that names the finding's rule (false_findings; uncertain or truncated
with a rule) wins over a match with a defect by category: a long-spanned
"part missing" finding on a truncated text does not find a typo on its line.  It
prints precision (per category and rule, errors and warnings apart), recall per
defect kind, findings per 10,000 characters, how often the title, report year
and sections are read right, and the same broken down by meta ``kind``.

    .venv/bin/python corpus/field_report.py [--field DIR] [--json] [-v] [--update-found]

tests/test_field_corpus.py imports the matching from here.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIELD = ROOT / "corpus" / "field"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import checker  # noqa: E402

KIND_TO_CATEGORY = {
    "missing_section": "structure", "structure": "structure", "numbering": "numbering",
    "rate": "statistics", "sum": "statistics", "reduction": "statistics", "statistics": "statistics",
    "date": "date", "bracket": "punctuation", "spacing": "punctuation", "punctuation": "punctuation",
    "anachronism": "terminology", "terminology": "terminology", "placeholder": "placeholder",
    "metadata": "metadata", "other": None,
}
NAMED_KINDS = ("numbering", "rate", "sum", "reduction", "statistics", "date", "bracket", "spacing",
               "punctuation", "placeholder", "anachronism", "terminology", "metadata")
SECTION_KINDS = ("achievements", "problems", "next_steps")
SEVERITIES = ("error", "warning", "info")
META_KINDS = ("fzzf", "fuyi", "zhifa", "zwgk")
GOLD_KEYS = {"title": (str, type(None)), "report_year": (int, type(None)), "sections": dict,
             "findings": list, "false_findings": list, "consistent_stats": list,
             "uncertain": list, "truncated": list}
ENTRY_KEYS = {"findings": ("kind", "quote", "expected", "note", "rule"),
              "false_findings": ("rule", "line", "quote", "why"),
              "consistent_stats": ("quote", "computation"),
              "uncertain": ("quote", "note"), "truncated": ("quote", "note")}
META_KEYS = ("id", "source", "title", "report_year", "level", "kind")
META_VALUES = {"level": ("province", "city", "county", "township", "department", "other"),
               "kind": (*META_KINDS, "other")}


# --- reading ---------------------------------------------------------------

def stems(field_dir: Path = FIELD) -> list[str]:
    return sorted(p.name[: -len(".gold.json")] for p in Path(field_dir).glob("*.gold.json"))


def read_json(path: Path) -> tuple[dict | None, str | None]:
    """(data, None), or (None, why it is unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        return None, f"{path.name}: {err}"
    return (data, None) if isinstance(data, dict) else (None, f"{path.name}: not a JSON object")


def validate(stem: str, field_dir: Path = FIELD) -> list[str]:
    """What is wrong with the gold and meta files of `stem` (format, required keys)."""
    field_dir = Path(field_dir)
    gold, err = read_json(field_dir / f"{stem}.gold.json")
    meta, err2 = read_json(field_dir / f"{stem}.meta.json")
    out = [e for e in (err, err2) if e]
    if not (field_dir / f"{stem}.txt").exists():
        out.append(f"{stem}.txt missing")
    if meta is not None:
        out += [f"meta: no {k!r}" for k in META_KEYS if k not in meta]
        if meta.get("id", stem) != stem:
            out.append(f"meta: id {meta['id']!r} is not the file stem")
        out += [f"meta: {k} {meta[k]!r} not one of {', '.join(v)}"
                for k, v in META_VALUES.items() if k in meta and meta[k] not in v]
    if gold is None:
        return out
    for key, types in GOLD_KEYS.items():
        if key not in gold:
            out.append(f"gold: no {key!r}")
        elif not isinstance(gold[key], types):
            out.append(f"gold: {key!r} has type {type(gold[key]).__name__}")
    sections = gold.get("sections") if isinstance(gold.get("sections"), dict) else {}
    out += [f"gold: sections has no {k!r}" for k in SECTION_KINDS if k not in sections]
    for part, keys in ENTRY_KEYS.items():
        entries = gold.get(part) if isinstance(gold.get(part), list) else []
        for n, entry in enumerate(entries):
            missing = [k for k in keys if not isinstance(entry, dict) or k not in entry]
            if missing:
                out.append(f"gold: {part}[{n}] lacks {', '.join(missing)}")
            elif part == "findings" and entry["kind"] not in KIND_TO_CATEGORY:
                out.append(f"gold: findings[{n}] has unknown kind {entry['kind']!r}")
    return out


# --- matching ----------------------------------------------------------------

Span = tuple[int, int]


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def occurrences(text: str, quote: str) -> list[Span]:
    """Every place `quote` occurs: exactly, else after NFKC when offsets still line up."""
    def scan(hay: str, needle: str) -> list[Span]:
        out, i = [], hay.find(needle)
        while needle and i >= 0:
            out.append((i, i + len(needle)))
            i = hay.find(needle, i + 1)
        return out
    found = scan(text, quote)
    norm = unicodedata.normalize("NFKC", text)
    if not found and len(norm) == len(text):
        found = [(a, a + len(quote)) for a, _ in scan(norm, unicodedata.normalize("NFKC", quote))]
    return found


def locate(text: str, quote: str, line: int | None = None) -> Span | None:
    """The span of `quote`: the first occurrence, or the one nearest `line`."""
    found = occurrences(text, quote)
    if not found or line is None:
        return found[0] if found else None

    def distance(s: Span) -> int:
        first, last = line_of(text, s[0]), line_of(text, s[1] - 1)
        return 0 if first <= line <= last else min(abs(first - line), abs(last - line))
    return min(found, key=distance)


def finding_span(f) -> Span:
    return f.start, max(f.end, f.start + 1)


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def fits(kind: str | None, category: str) -> bool:
    want = KIND_TO_CATEGORY.get(kind)
    return want is None or want == category


def heading_matches(got: str | None, want: str | None) -> bool:
    """Whitespace-insensitive containment either way; None only matches None."""
    if got is None or want is None:
        return got is None and want is None
    g, w = "".join(got.split()), "".join(want.split())
    return w in g or g in w


@dataclass
class Case:
    """One text with its triage, its findings and what each finding was judged."""
    id: str
    text: str
    meta: dict
    gold: dict
    findings: list
    verdicts: list[str] = field(default_factory=list)       # per finding: tp fp neutral untriaged
    found: list[list[int]] = field(default_factory=list)    # per gold defect: its tp findings
    silenced: list[list[int]] = field(default_factory=list)  # per false_findings entry: findings on it
    problems: list[str] = field(default_factory=list)       # triage errors (quotes not in the text)
    read: dict = field(default_factory=dict)                 # title/year/sections as the parser read them
    lint_error: str | None = None

    def untriaged(self, severities=("error", "warning")) -> list:
        return [f for f, v in zip(self.findings, self.verdicts) if v == "untriaged" and f.severity in severities]


def _entry_span(case: Case, part: str, n: int, entry: dict, line: int | None = None) -> Span | None:
    """Where an entry applies: its quote's span, the whole text for a null quote, None if lost."""
    quote = entry.get("quote")
    if quote is None:
        return (0, len(case.text) + 1)
    where = locate(case.text, quote, line)
    if where is None:
        case.problems.append(f"{case.id}: {part}[{n}] quote not in text: {quote!r}")
    elif line is not None and not line_of(case.text, where[0]) <= line <= line_of(case.text, where[1] - 1):
        case.problems.append(f"{case.id}: {part}[{n}] quote not on line {line}: {quote!r}")
    return where


def _read(doc) -> dict:
    """Title, year and the first heading of each kind, as the parser read them. A part that
    names the problems and the next steps together (存在问题及改进措施) is both, as S101 counts it."""
    from checker.document.outline import kinds_named
    heads: dict[str, str] = {}
    for s in doc.sections:
        heads.setdefault(s.kind, s.heading.marker + s.heading.text)
    for s in doc.sections:
        if s.kind in ("problems", "next_steps"):
            for kind in {"problems", "next_steps"} & kinds_named(s.heading.text):
                heads.setdefault(kind, s.heading.marker + s.heading.text)
    return {"title": doc.title.text if doc.title else None, "report_year": doc.report_year,
            "sections": {k: heads.get(k) for k in SECTION_KINDS}}


def judge(case: Case) -> Case:
    """Fill in verdicts, found, silenced and problems of `case`."""
    gold, spans = case.gold, [finding_span(f) for f in case.findings]

    def hits(where: Span | None, rule: str | None = None) -> list[int]:
        return [i for i, f in enumerate(case.findings)
                if where and (rule is None or f.rule == rule) and overlaps(spans[i], where)]

    for n, e in enumerate(gold.get("false_findings") or []):
        case.silenced.append(hits(_entry_span(case, "false_findings", n, e, e.get("line")), e.get("rule") or "?"))
    ruled, neutral = {i for s in case.silenced for i in s}, set()  # ruled: a verdict names the rule
    for part in ("uncertain", "truncated"):
        for n, e in enumerate(gold.get(part) or []):
            if e.get("rule"):
                ruled.update(hits(_entry_span(case, part, n, e), e["rule"]))
            elif e.get("quote") is not None:
                neutral.update(hits(_entry_span(case, part, n, e)))
    for n, e in enumerate(gold.get("findings") or []):
        case.found.append([i for i in hits(_entry_span(case, "findings", n, e, e.get("line")))
                           if i not in ruled and fits(e.get("kind"), case.findings[i].category)])
    for n, e in enumerate(gold.get("consistent_stats") or []):
        _entry_span(case, "consistent_stats", n, e)
    false, true = {i for s in case.silenced for i in s}, {i for s in case.found for i in s}
    case.verdicts = ["fp" if i in false else "tp" if i in true else "neutral" if i in ruled | neutral
                     else "untriaged" for i in range(len(case.findings))]
    return case


@cache
def evaluate(stem: str, field_dir: Path = FIELD) -> Case:
    """Lint and judge one text (cached: each text is linted once per process)."""
    field_dir = Path(field_dir)
    path = field_dir / f"{stem}.txt"
    text = path.read_text(encoding="utf-8")
    gold = read_json(field_dir / f"{stem}.gold.json")[0] or {}
    meta = read_json(field_dir / f"{stem}.meta.json")[0] or {}
    case = Case(stem, text, meta, gold, [])
    try:
        case.findings = checker.lint_path(str(path))
    except Exception as err:  # one broken text must not stop the report
        case.lint_error = f"{type(err).__name__}: {err}"
    from checker.document.reading import read_path  # NOTE: as the CLI reads it (hard-wrapped text joined)
    case.read = _read(checker.parse_text(read_path(str(path)).text, str(path)))
    return judge(case)


def read_right(case: Case) -> dict[str, bool]:
    g, r = case.gold, case.read
    out = {"title": heading_matches(r["title"], g.get("title")),
           "report_year": r["report_year"] == g.get("report_year")}
    want = g.get("sections") or {}
    for k in SECTION_KINDS:
        out[k] = heading_matches(r["sections"][k], want.get(k))
    out["sections"] = all(out[k] for k in SECTION_KINDS)
    return out


# --- tallies -------------------------------------------------------------------

def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def precision(cases: list[Case], key) -> dict:
    """{severity: {group: Counter(verdict)}} with key(finding) -> group (None to skip)."""
    out: dict = {s: {} for s in SEVERITIES}
    for c in cases:
        for f, v in zip(c.findings, c.verdicts):
            group = key(c, f)
            if group is not None:
                out[f.severity].setdefault(group, Counter())[v] += 1
    return out


def recall(cases: list[Case], key) -> dict:
    """{group: [found, total]} over gold defects, key(case, defect) -> group (None to skip)."""
    out: dict = {}
    for c in cases:
        for d, hits in zip(c.gold.get("findings") or [], c.found):
            if (group := key(c, d)) is not None:
                out.setdefault(group, [0, 0])[0] += bool(hits)
                out[group][1] += 1
    return out


def scope(kind: str | None) -> str | None:
    return "named" if kind in NAMED_KINDS else "other" if kind == "other" else None


def totals(counts: dict) -> Counter:
    return sum(counts.values(), Counter())


def compute(cases: list[Case]) -> dict:
    by_cat = precision(cases, lambda c, f: f.category)
    by_rule = precision(cases, lambda c, f: f.rule)
    chars = sum(len(c.text) for c in cases)
    sev = Counter(f.severity for c in cases for f in c.findings)
    rights = [read_right(c) for c in cases]
    meta = {}
    for mk in META_KINDS:
        sub = [c for c in cases if c.meta.get("kind") == mk]
        p = precision(sub, lambda c, f: "all")
        r = recall(sub, lambda c, d: scope(d.get("kind")))
        meta[mk] = {"texts": len(sub), "error": dict(p["error"].get("all", {})),
                    "warning": dict(p["warning"].get("all", {})),
                    "named": r.get("named", [0, 0]), "other": r.get("other", [0, 0])}
    return {
        "texts": len(cases), "chars": chars,
        "precision": {s: {"total": dict(totals(by_cat[s])),
                          "category": {k: dict(v) for k, v in sorted(by_cat[s].items())},
                          "rule": {k: dict(v) for k, v in sorted(by_rule[s].items())}} for s in SEVERITIES},
        "recall": {"kind": dict(sorted(recall(cases, lambda c, d: d.get("kind")).items())),
                   "scope": recall(cases, lambda c, d: scope(d.get("kind")))},
        "per_10k_chars": {s: round(1e4 * sev[s] / chars, 2) if chars else 0 for s in SEVERITIES},
        "read_right": {k: [sum(r[k] for r in rights), len(rights)]
                       for k in ("title", "report_year", *SECTION_KINDS, "sections")},
        "by_meta_kind": meta,
        "untriaged": [{"id": c.id, "line": f.line, "rule": f.rule, "severity": f.severity,
                       "message": f.message} for c in cases for f in c.untriaged(SEVERITIES)],
        "triage_errors": [p for c in cases for p in c.problems],
        "lint_errors": {c.id: c.lint_error for c in cases if c.lint_error},
    }


def prec(c: dict) -> str:
    return pct(c.get("tp", 0), c.get("tp", 0) + c.get("fp", 0))


def summary(r: dict) -> str:
    p, sc, rr = r["precision"], r["recall"]["scope"], r["read_right"]
    def ps(s):
        t = p[s]["total"]
        return f"{s}s precision {prec(t)} ({t.get('tp', 0)} tp, {t.get('fp', 0)} fp, {t.get('untriaged', 0)} untriaged)"
    named, other = sc.get("named", [0, 0]), sc.get("other", [0, 0])
    return (f"{ps('error')}; {ps('warning')}; recall named kinds {pct(*named)} ({named[0]}/{named[1]}), "
            f"other {pct(*other)} ({other[0]}/{other[1]}); title/year/sections right "
            + "/".join(pct(*rr[k]) for k in ("title", "report_year", "sections")) + f" of {r['texts']} texts")


# --- printing ---------------------------------------------------------------

def table(title: str, header: list[str], rows: list[list]) -> str:
    cells = [header] + [[str(x) for x in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    fmt = lambda row: "  ".join(x.ljust(w) if i == 0 else x.rjust(w)  # noqa: E731
                                for i, (x, w) in enumerate(zip(row, widths))).rstrip()
    return "\n".join([title, fmt(header), fmt(["-" * w for w in widths])] + [fmt(r) for r in cells[1:]]) + "\n"


def precision_rows(groups: dict) -> list[list]:
    return [[k, c.get("tp", 0), c.get("fp", 0), c.get("neutral", 0), c.get("untriaged", 0), prec(c)]
            for k, c in groups.items()]


def render(r: dict) -> str:
    head = ["", "tp", "fp", "neutral", "untriaged", "precision"]
    out = []
    for s in SEVERITIES:
        p = r["precision"][s]
        for group in ("category", "rule"):
            rows = precision_rows(p[group]) + [["all"] + precision_rows({"": p["total"]})[0][1:]]
            out.append(table(f"{s}s: precision per {group}", [group] + head[1:], rows))
    kinds = r["recall"]["kind"]
    rows = [[k, f, t, pct(f, t)] for k, (f, t) in kinds.items()]
    rows += [[f"[{k}]", f, t, pct(f, t)] for k, (f, t) in sorted(r["recall"]["scope"].items())]
    out.append(table("recall per defect kind", ["kind", "found", "defects", "recall"], rows))
    out.append(table(f"findings per 10,000 characters ({r['chars']} characters in {r['texts']} texts)",
                     ["severity", "per 10k"], [[s, r["per_10k_chars"][s]] for s in SEVERITIES]))
    out.append(table("read right", ["what", "right", "texts", "rate"],
                     [[k, a, b, pct(a, b)] for k, (a, b) in r["read_right"].items()]))
    rows = []
    for mk, m in r["by_meta_kind"].items():
        e, w = m["error"], m["warning"]
        rows.append([mk, m["texts"], prec(e), f"{e.get('tp', 0)}/{e.get('fp', 0)}", prec(w),
                     f"{w.get('tp', 0)}/{w.get('fp', 0)}", pct(*m["named"]), f"{m['named'][0]}/{m['named'][1]}",
                     pct(*m["other"]), f"{m['other'][0]}/{m['other'][1]}"])
    out.append(table("by meta kind", ["kind", "texts", "err prec", "tp/fp", "warn prec", "tp/fp",
                                      "recall named", "found", "recall other", "found"], rows))
    return "\n".join(out)


def verbose_lines(cases: list[Case]) -> list[str]:
    out = [f"untriaged  {c.id}:{f.line} {f.rule} {f.severity}: {f.message}"
           for c in cases for f in c.untriaged(SEVERITIES)]
    for c in cases:
        for d, hits in zip(c.gold.get("findings") or [], c.found):
            if not hits:
                out.append(f"missed     {c.id}: [{d.get('kind')}] {d.get('quote')!r} -> {d.get('expected')!r}")
    return out


# --- --update-found -------------------------------------------------------------

RANK = {s: i for i, s in enumerate(SEVERITIES)}


def update_found(cases: list[Case], field_dir: Path) -> list[str]:
    """Record the rule of newly found defects in the gold files; list lost ones."""
    out = []
    for c in cases:
        changed = False
        for d, hits in zip(c.gold.get("findings") or [], c.found):
            if d.get("rule") is None and hits:
                best = min(hits, key=lambda i: (RANK[c.findings[i].severity], i))
                d["rule"] = c.findings[best].rule
                changed = True
                out.append(f"now found  {c.id}: [{d.get('kind')}] {d.get('quote')!r} by {d['rule']}")
            elif d.get("rule") is not None and not hits:
                out.append(f"LOST       {c.id}: [{d.get('kind')}] {d.get('quote')!r} (was {d['rule']})")
        if changed:
            text = json.dumps(c.gold, ensure_ascii=False, indent=1) + "\n"
            (Path(field_dir) / f"{c.id}.gold.json").write_text(text, encoding="utf-8")
    return out


# --- the ratchet: what is known to fail today ---------------------------------

KNOWN = FIELD / "known.json"


def failures(cases: list[Case]) -> dict[str, list[str]]:
    """What the regression test would fail on today, by test (see tests/test_field_corpus.py)."""
    out: dict[str, list[str]] = {"false_findings": [], "untriaged": [], "report_year": [], "title": []}
    for c in cases:
        out["false_findings"] += [f"{c.id}#{n}" for n, hits in enumerate(c.silenced) if hits]
        if c.untriaged() or c.lint_error:
            out["untriaged"].append(c.id)
        right = read_right(c)
        out["report_year"] += [c.id] if not right["report_year"] else []
        out["title"] += [c.id] if not right["title"] else []
    return {k: sorted(v) for k, v in out.items()}


def read_known(path: Path = KNOWN) -> dict[str, set[str]]:
    data = read_json(path)[0] or {}
    return {k: set(v) for k, v in data.items()}


def write_known(cases: list[Case], path: Path = KNOWN) -> dict[str, list[str]]:
    known = failures(cases)
    path.write_text(json.dumps(known, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return known


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--field", type=Path, default=FIELD, help="folder of <id>.txt/.meta.json/.gold.json")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("-v", "--verbose", action="store_true", help="list untriaged findings and missed defects")
    ap.add_argument("--update-found", action="store_true",
                    help="write the rule of newly found defects into the gold files")
    ap.add_argument("--write-known", action="store_true",
                    help="record today's known failures (known.json) for the regression test's ratchet")
    args = ap.parse_args(argv)
    field_dir = args.field.resolve()
    cases = [evaluate(s, field_dir) for s in stems(field_dir)]
    if not cases:
        print(f"no *.gold.json in {field_dir}", file=sys.stderr)
        return 2
    report = compute(cases)
    report["file_problems"] = [p for s in stems(field_dir) for p in validate(s, field_dir)]
    report["summary"] = summary(report)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(render(report))
        notes = ([f"TRIAGE     {p}" for p in report["triage_errors"] + report["file_problems"]]
                 + [f"LINT FAIL  {k}: {v}" for k, v in report["lint_errors"].items()])
        if args.verbose:
            notes += verbose_lines(cases)
        print("\n".join(notes + [""]) if notes else "", end="")
    if args.update_found:
        print("\n".join(update_found(cases, field_dir)) or "no defect changed", file=sys.stderr)
    if args.write_known:
        before = read_known(field_dir / "known.json")
        known = write_known(cases, field_dir / "known.json")
        for key, items in known.items():
            fixed, new = before.get(key, set()) - set(items), set(items) - before.get(key, set())
            print(f"known {key}: {len(items)} ({len(fixed)} fixed, {len(new)} new)", file=sys.stderr)
    if not args.json:
        print(report["summary"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
