"""Corpus statistics for `reportlint stats`: per file and per rule.

Per file: sections and headings found, figures extracted and checked by the
statistics work, findings by severity and by category. Per rule: findings and
the number of files they occur in. Formats: text (aligned columns), CSV, JSON.

Figures come from checker.figures.pairings.figure_counts, the one place that
asks the quantity extractor; a count it cannot give is None ("—" in text, empty in CSV, null in
JSON), never a made-up number.
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field

from checker.figures.pairings import figure_counts
from checker.findings import CATEGORIES, SEVERITIES


@dataclass
class FileStats:
    path: str
    sections: int                      # top-level sections (一、二、…)
    headings: int                      # headings at every level
    parts: tuple[str, ...]             # section kinds found: achievements, problems, …
    figures_extracted: int | None
    figures_checked: int | None
    severities: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)

    @property
    def findings(self) -> int:
        return sum(self.severities.values())

    def as_json(self) -> dict:
        return {"path": self.path, "sections": self.sections, "headings": self.headings,
                "parts": list(self.parts), "figures_extracted": self.figures_extracted,
                "figures_checked": self.figures_checked, "findings": self.findings,
                "severity": {s: self.severities[s] for s in SEVERITIES},
                "category": {c: self.categories[c] for c in CATEGORIES}}


@dataclass
class RuleStats:
    rule: str
    name: str
    category: str
    severity: str
    findings: int = 0
    files: int = 0
    title: dict | None = None  # the rule's display title {zh, en}, shown in the text table

    def as_json(self) -> dict:
        return {"rule": self.rule, "name": self.name, "category": self.category,
                "severity": self.severity, "findings": self.findings, "files": self.files}


def file_stats(doc, findings, figures=None) -> FileStats:
    extracted, checked = figures if figures is not None else figure_counts(doc)
    kinds = dict.fromkeys(s.kind for s in doc.sections if s.kind != "other")
    return FileStats(path=doc.path, sections=len(doc.sections), headings=len(doc.headings),
                     parts=tuple(kinds), figures_extracted=extracted, figures_checked=checked,
                     severities=Counter(f.severity for f in findings),
                     categories=Counter(f.category for f in findings))


def rule_stats(rules, findings) -> list[RuleStats]:
    """Every rule that ran, most findings first; rules that found nothing are listed too."""
    table = {r.id: RuleStats(r.id, r.name, r.category, r.severity, title=r.title) for r in rules}
    files: dict[str, set] = {}
    for f in findings:
        row = table.setdefault(f.rule, RuleStats(f.rule, f.name, f.category, f.severity))
        row.findings += 1
        files.setdefault(f.rule, set()).add(f.path)
    for rid, paths in files.items():
        table[rid].files = len(paths)
    return sorted(table.values(), key=lambda r: (-r.findings, r.rule))


# -- output ----------------------------------------------------------------

_TEXT = {
    "zh": {"file": "文件", "sections": "章节", "headings": "标题", "extracted": "提取数字",
           "checked": "核对数字", "findings": "问题", "total": "合计", "rule": "规则", "name": "名称",
           "category": "类别", "files": "文件数",
           "legend": "类别：S 结构  N 编号  T 统计  P 标点  D 日期  W 用语  X 占位符  M 元数据",
           "unknown": "— 未知：统计规则未运行，无法计数“核对数字”"},
    "en": {"file": "file", "sections": "sections", "headings": "headings", "extracted": "figures",
           "checked": "checked", "findings": "findings", "total": "total", "rule": "rule",
           "name": "name", "category": "category", "files": "files",
           "legend": "categories: S structure  N numbering  T statistics  P punctuation  D date  "
                     "W terminology  X placeholder  M metadata",
           "unknown": "— unknown: no rate rule ran, so figures checked cannot be counted"},
}
_SEV = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
        "en": {"error": "error", "warning": "warning", "info": "info"}}
_LETTER = {"structure": "S", "numbering": "N", "statistics": "T", "punctuation": "P",
           "date": "D", "terminology": "W", "placeholder": "X", "metadata": "M"}


def _num(value) -> str:
    return "—" if value is None else str(value)


def _width(s: str) -> int:
    from checker.formatters.text_format import display_width
    return display_width(s)


def _table(header: list[str], rows: list[list[str]], left: int = 1) -> list[str]:
    """Aligned columns; the first `left` columns are left-aligned, numbers right-aligned."""
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = []
    for r in [header, *rows]:
        cells = [c + " " * (w - _width(c)) if i < left else " " * (w - _width(c)) + c
                 for i, (c, w) in enumerate(zip(r, widths))]
        out.append("  ".join(cells).rstrip())
    return out


def _file_row(s: FileStats) -> list[str]:
    return ([s.path, str(s.sections), str(s.headings), _num(s.figures_extracted), _num(s.figures_checked),
             str(s.findings)] + [str(s.severities[x]) for x in SEVERITIES]
            + [str(s.categories[c]) for c in CATEGORIES])


def format_text(files, rules, lang: str = "zh", tables=("files", "rules")) -> str:
    t, sev = _TEXT.get(lang, _TEXT["zh"]), _SEV.get(lang, _SEV["zh"])
    out: list[str] = []
    if "files" in tables:
        header = ([t["file"], t["sections"], t["headings"], t["extracted"], t["checked"], t["findings"]]
                  + [sev[x] for x in SEVERITIES] + [_LETTER[c] for c in CATEGORIES])
        rows = [_file_row(s) for s in files]
        total = FileStats(t["total"], sum(s.sections for s in files), sum(s.headings for s in files), (),
                          _sum(s.figures_extracted for s in files), _sum(s.figures_checked for s in files),
                          sum((s.severities for s in files), Counter()),
                          sum((s.categories for s in files), Counter()))
        out += _table(header, rows + [_file_row(total)]) + [t["legend"]]
        if any(s.figures_extracted is None or s.figures_checked is None for s in files):
            out.append(t["unknown"])
    if "rules" in tables:
        if out:
            out.append("")
        header = [t["rule"], t["name"], t["category"], t["findings"], t["files"]]
        from checker.formatters.htmlpage.labels import Labels
        labels = Labels(lang)
        rows = [[r.rule, (r.title or {}).get(lang) or r.name if lang == "zh" else r.name,
                 labels.category(r.category), str(r.findings), str(r.files)] for r in rules]
        out += _table(header, rows, left=3)
    return "\n".join(out) + "\n"


def _sum(values):
    values = list(values)
    return None if not values or any(v is None for v in values) else sum(values)


def format_csv(files, rules, table: str = "files") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if table == "rules":
        w.writerow(["rule", "name", "category", "severity", "findings", "files"])
        w.writerows([r.rule, r.name, r.category, r.severity, r.findings, r.files] for r in rules)
        return buf.getvalue()
    w.writerow(["path", "sections", "headings", "parts", "figures_extracted", "figures_checked",
                "findings", *SEVERITIES, *CATEGORIES])
    for s in files:
        w.writerow([s.path, s.sections, s.headings, " ".join(s.parts),
                    "" if s.figures_extracted is None else s.figures_extracted,
                    "" if s.figures_checked is None else s.figures_checked, s.findings,
                    *(s.severities[x] for x in SEVERITIES), *(s.categories[c] for c in CATEGORIES)])
    return buf.getvalue()


def format_json(files, rules, tables=("files", "rules")) -> str:
    data = {}
    if "files" in tables:
        data["files"] = [s.as_json() for s in files]
    if "rules" in tables:
        data["rules"] = [r.as_json() for r in rules]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
