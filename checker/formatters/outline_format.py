"""`reportlint parse` output: the outline as a readable tree or as JSON."""
from __future__ import annotations

import json


def _section_json(section) -> dict:
    h = section.heading
    return {"kind": section.kind, "heading": (h.marker + h.text), "line": h.span.line,
            "numeral": h.numeral, "malformed": h.malformed is not None,
            "tables": [{"line": t.span.line, "rows": t.n_rows, "columns": t.n_columns} for t in section.tables],
            "children": [_section_json(c) for c in section.children]}


def to_json(doc) -> dict:
    closing = None
    if doc.closing:
        c = doc.closing
        closing = {"organisations": list(c.organisations), "date": c.date, "line": c.span.line}
    return {"title": doc.title.text if doc.title else None,
            "kind": doc.report_kind,
            "report_year": doc.report_year,
            "published": doc.metadata.published,
            "sections": [_section_json(s) for s in doc.sections],
            "closing": closing}


def format_json(doc) -> str:
    return json.dumps(to_json(doc), ensure_ascii=False, indent=2) + "\n"


def _one_line(text: str) -> str:
    """A title broken over two lines, shown on one."""
    return "".join(part.strip() for part in text.splitlines())


_TREE = {
    "zh": {"title": "标题：{}", "none": "（无）", "published": "发布日期：{}", "debris": "网页栏目信息：{}行",
           "cover": "报送函：第{}行", "preamble": "导语：{}段，第{}行", "kind": "报告类型：{}",
           "year": "报告年度：{}年", "malformed": "序号有误：{}", "paragraphs": "（{}段）", "table": "表格{}行×{}列",
           "closing": "落款：第{}行：{}；成文日期{}", "no_closing": "落款：（无）"},
    "en": {"title": "title: {}", "none": "(none)", "published": "published: {}", "debris": "page debris: {} line(s)",
           "cover": "cover letter: line {}", "preamble": "preamble: {} paragraph(s), line {}", "kind": "kind: {}",
           "year": "report year: {}", "malformed": "malformed: {}", "paragraphs": "({} ¶)", "table": "table {}×{}",
           "closing": "closing: line {}: {}; date {}", "no_closing": "closing: (none)"},
}


def format_tree(doc, lang: str = "zh") -> str:
    """The outline as an indented tree, its labels in `lang` (zh or en)."""
    w = _TREE["en" if lang == "en" else "zh"]
    out = [f"{doc.path}"]
    out.append("  " + w["title"].format(_one_line(doc.title.text) if doc.title else w["none"]))
    if doc.metadata.published:
        out.append("  " + w["published"].format(doc.metadata.published))
    if doc.metadata.debris:
        out.append("  " + w["debris"].format(len(doc.metadata.debris)))
    if doc.cover_letter:
        out.append("  " + w["cover"].format(doc.cover_letter[0].span.line))
    if doc.preamble:
        out.append("  " + w["preamble"].format(len(doc.preamble), doc.preamble[0].span.line))
    out.append("  " + w["kind"].format(doc.report_kind))
    if doc.report_year:
        out.append("  " + w["year"].format(doc.report_year))

    def walk(section, depth):
        h = section.heading
        flag = f"  [{w['malformed'].format(h.malformed)}]" if h.malformed else ""
        kind = f"  <{section.kind}>" if depth == 1 else ""
        out.append(f"{'  ' * depth}{h.span.line:>4}  {h.marker}{h.text}{kind}{flag}"
                   f"  {w['paragraphs'].format(len(section.paragraphs))}")
        for t in section.tables:
            caption = f" — {t.caption.text[:30]}" if t.caption else ""
            out.append(f"{'  ' * (depth + 1)}{t.span.line:>4}  [{w['table'].format(t.n_rows, t.n_columns)}]{caption}")
        for child in section.children:
            walk(child, depth + 1)

    for s in doc.sections:
        walk(s, 1)
    if doc.closing:
        c = doc.closing
        out.append("  " + w["closing"].format(c.span.line, " / ".join(c.organisations) or "-",
                                              c.date or c.date_text or "-"))
    else:
        out.append("  " + w["no_closing"])
    return "\n".join(out) + "\n"
