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


def format_tree(doc) -> str:
    out = [f"{doc.path}"]
    out.append(f"  title: {_one_line(doc.title.text) if doc.title else '(none)'}")
    if doc.metadata.published:
        out.append(f"  published: {doc.metadata.published}")
    if doc.metadata.debris:
        out.append(f"  page debris: {len(doc.metadata.debris)} line(s)")
    if doc.cover_letter:
        out.append(f"  cover letter: line {doc.cover_letter[0].span.line}")
    if doc.preamble:
        out.append(f"  preamble: {len(doc.preamble)} paragraph(s), line {doc.preamble[0].span.line}")
    out.append(f"  kind: {doc.report_kind}")
    if doc.report_year:
        out.append(f"  report year: {doc.report_year}")

    def walk(section, depth):
        h = section.heading
        flag = f"  [malformed: {h.malformed}]" if h.malformed else ""
        kind = f"  <{section.kind}>" if depth == 1 else ""
        out.append(f"{'  ' * depth}{h.span.line:>4}  {h.marker}{h.text}{kind}{flag}"
                   f"  ({len(section.paragraphs)} ¶)")
        for t in section.tables:
            caption = f" — {t.caption.text[:30]}" if t.caption else ""
            out.append(f"{'  ' * (depth + 1)}{t.span.line:>4}  [table {t.n_rows}×{t.n_columns}]{caption}")
        for child in section.children:
            walk(child, depth + 1)

    for s in doc.sections:
        walk(s, 1)
    if doc.closing:
        c = doc.closing
        out.append(f"  closing: line {c.span.line}: {' / '.join(c.organisations) or '-'}; "
                   f"date {c.date or c.date_text or '-'}")
    else:
        out.append("  closing: (none)")
    return "\n".join(out) + "\n"
