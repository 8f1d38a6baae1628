"""Scopes: the pieces of a Document a rule looks at.

Every text-level check type takes a `scope` parameter and walks
`blocks(doc, scope)`, which yields Paragraph-like blocks (text + span):

  document    title, cover letter, preamble, headings and body paragraphs
  title       the title line
  preamble    paragraphs before the first heading
  headings    the heading texts (marker excluded)
  paragraphs  body paragraphs
  closing     the signature and date block
  debris      page chrome lines (metadata)
  section:K   the headings and paragraphs of sections of kind K
"""
from __future__ import annotations

from checker.document.model import Paragraph

SCOPES = ("document", "title", "preamble", "headings", "paragraphs", "closing", "debris")
SECTION_KINDS = ("achievements", "problems", "next_steps", "responsibility", "profile", "other")


def valid_scope(scope: str) -> bool:
    if scope in SCOPES:
        return True
    return scope.startswith("section:") and scope.split(":", 1)[1] in SECTION_KINDS


def blocks(doc, scope: str):
    if scope == "document":
        return doc.content_blocks
    if scope == "title":
        return (doc.title,) if doc.title else ()
    if scope == "preamble":
        return doc.preamble
    if scope == "headings":
        return tuple(doc.heading_block(h) for h in doc.headings)
    if scope == "paragraphs":
        return doc.paragraphs
    if scope == "closing":
        c = doc.closing
        return (Paragraph(doc.text[c.span.start:c.span.end], c.span),) if c else ()
    if scope == "debris":
        return tuple(Paragraph(d.text, d.span) for d in doc.metadata.debris)
    kind = scope.split(":", 1)[1]
    out = []
    for top in doc.sections:
        if top.kind == kind:
            for s in top.walk():
                out.append(doc.heading_block(s.heading))
                out.extend(s.paragraphs)
    return tuple(out)


def first_line(doc) -> tuple[int, int]:
    """Offsets of the first non-blank line: where a finding about a missing part goes."""
    for line in doc.iter_lines():
        if line.kind != "blank":
            return line.span.start, line.span.end
    return 0, 0


def table_notes(doc) -> frozenset:
    """The line numbers of the notes under tables (说明： 1.… 2.…; checker.document.notes)."""
    return doc.memo_peek("document.table_notes", frozenset())
