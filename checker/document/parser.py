"""Parse a report's text with the Lark line grammar into classified lines.

The grammar (grammar/report.lark) tokenises each line as a heading marker plus
text, page debris, or plain text. This module turns the parse tree into `Line`
records and `Heading` records with exact character spans; checker.document.outline
builds the document from them. Lark's parser is constructed on first use and its
LALR tables kept in the user cache; its lexer is LineLexer, one compiled regular
expression made of the grammar's own terminals.
"""
from __future__ import annotations

import io
import re
import sys
from sys import intern
from functools import lru_cache

from lark.lexer import Lexer, Token

from checker.document.model import Heading, Line, LineIndex
from checker.document.numerals import int_to_cn, numeral_value
from checker.resources import grammar_path

LEADING_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009"
_MARK = re.compile(r"^(?P<md>(?:#{1,6}[ \t]*)?(?:\*\*|__)?)(?:第(?P<part>[一二三四五六七八九十]{1,3})部分[ \t\u3000]*(?P<pdelim>[:：、．.]?)[ \t\u3000]*$|(?P<open>[(（]?)[ \t\u3000]*(?P<num>[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})?"
                   r"[ \t\u3000]*(?P<close>[)）]?)(?P<delim>[、.．,，]?)$)")


# NOTE: a comment's body holds no "-->", so a line splits into comments one way only
# (with `.*?` a line of forty comments and a stray character took exponential time)
_COMMENT_LINE = re.compile(r"^[ \t\u3000]*(?:<!--(?:(?!-->).)*-->[ \t\u3000]*)+$")


def grammar_text(possessive: bool = sys.version_info >= (3, 11)) -> str:
    """The Lark grammar. NOTE: its possessive repeats (`[...]*+`, Python 3.11+) only
    spare the regex engine backtracking that cannot succeed; without them (Python
    3.10) they are plain greedy repeats, which match the same (tests/test_parser.py)."""
    with open(grammar_path(), encoding="utf-8") as fh:
        grammar = fh.read()
    return grammar if possessive else grammar.replace("]*+", "]*")


def lark_order(terminals) -> list:
    """The terminals in the order Lark's own lexer tries them (lark.lexer.BasicLexer):
    by priority, then the longest possible match, the longest pattern, the name."""
    return sorted(terminals, key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name))


def line_classifier(terminals):
    """One compiled regular expression that reads a line as the grammar does: the first
    line-item terminal that matches at its start (in Lark's order), then TEXT for the
    rest of the line; or TEXT alone; or a run of line ends (_NL)."""
    items = [t for t in lark_order(terminals) if t.name not in ("TEXT", "_NL")]
    regexp = {t.name: t.pattern.to_regexp() for t in terminals}
    rest = regexp["TEXT"]
    line = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})(?P<{t.name}{_THEN_TEXT}>{rest})?" for t in items)
    return re.compile(f"(?P<_NL>{regexp['_NL']})|{line}|(?P<TEXT>{rest})")


_THEN_TEXT = "__TEXT"


class LineLexer(Lexer):
    """Lark's lexing of this grammar, one compiled regular expression run over the text in C.

    NOTE: in every parser state the grammar accepts either a line item, or after a
    heading marker its TEXT, or a line end; so Lark's contextual lexer reads each line
    as line_classifier does, only with a Python loop per token. tests/test_parser.py
    parses examples, fixtures, the field corpora and generated reports both ways and
    compares the trees."""

    def __init__(self, lexer_conf):
        self.pattern = line_classifier(lexer_conf.terminals)

    def lex(self, text: str):
        new = Token._future_new
        for m in self.pattern.finditer(text):
            name = m.lastgroup
            if not name.endswith(_THEN_TEXT):
                yield new(name, m.group(), m.start(), end_pos=m.end())
                continue
            first = name[:-len(_THEN_TEXT)]
            yield new(first, m.group(first), m.start(), end_pos=m.end(first))
            yield new("TEXT", m.group(name), m.start(name), end_pos=m.end())


_LARK_OPTIONS = dict(parser="lalr", lexer=LineLexer, maybe_placeholders=False)


@lru_cache(maxsize=1)
def _lark():
    """The parser. NOTE: building its LALR tables costs ~20 ms of every run, so the CLI
    keeps them in the user cache (checker.usercache: only the user's own files, which
    nobody else can have written, are read; Lark stores them as a pickle), named by the
    digest of the grammar, the options, Lark's version and the Python."""
    import lark
    from checker import usercache
    grammar = grammar_text()
    if not usercache.enabled():
        return lark.Lark(grammar, **_LARK_OPTIONS)
    name = usercache.digest("lark-2", grammar, repr(sorted(_LARK_OPTIONS.items())), lark.__version__,
                        usercache.interpreter()) + ".pickle"
    blob = usercache.read("parser", name)
    if blob is not None:
        try:
            return lark.Lark.load(io.BytesIO(blob))
        except Exception:  # NOTE: a damaged entry is rebuilt, never an error
            pass
    parser = lark.Lark(grammar, **_LARK_OPTIONS)
    out = io.BytesIO()
    parser.save(out)
    usercache.write("parser", name, out.getvalue())
    return parser


def parse_lines(text: str, index: LineIndex) -> tuple[list[Line], dict[int, Heading]]:
    """Classify each physical line; return the lines and the headings by line number."""
    tree = _lark().parse(text)
    kinds: dict[int, tuple[str, object]] = {}
    for item in tree.children:
        tokens = item.children
        first = tokens[0]
        line_no = index.position(first.start_pos)[0]
        kinds[line_no] = (item.data, tokens)
    lines: list[Line] = []
    headings: dict[int, Heading] = {}
    for i in range(len(index.starts)):
        start, stop = index.bounds(text, i)
        raw = text[start:stop]  # NOTE: read here, not kept (Line slices on use)
        span = index.span(start, stop)
        kind, tokens = kinds.get(i + 1, ("text", None))
        if kind == "heading":
            heading = _heading(tokens, index)
            if heading is not None:
                headings[i + 1] = heading
                lines.append(Line("heading", span, text))
                continue
            kind = "text"
        if not raw.strip(LEADING_SPACE + " ") or ("<!--" in raw and _COMMENT_LINE.match(raw)):
            kind = "blank"  # NOTE: a Markdown comment line (suppression comments) is invisible
        lines.append(Line(kind, span, text))
    return lines, headings


def _heading(tokens, index: LineIndex) -> Heading | None:
    mark_tok = tokens[0]
    mark_raw = str(mark_tok)
    lead = len(mark_raw) - len(mark_raw.lstrip(LEADING_SPACE))
    marker = mark_raw[lead:]
    m = _MARK.match(marker)
    if not m:
        return None
    if m.group("md"):
        marker = marker[len(m.group("md")):]
        lead += len(m.group("md"))
    start = mark_tok.start_pos + lead
    body = str(tokens[1]) if len(tokens) > 1 else ""
    body_start = tokens[1].start_pos if len(tokens) > 1 else mark_tok.end_pos
    # A heading that runs into its body ends at the first 。 (its body is a paragraph).
    cut = body.find("。")
    text = body[:cut + 1] if cut >= 0 else body.rstrip()
    bold = m.group("md")[-2:] if m.group("md").endswith(("**", "__")) else ""
    if bold and text.rstrip(LEADING_SPACE).endswith(bold):  # **（二）深化改革**: the text within
        text = text.rstrip(LEADING_SPACE)[:-2]
    level, malformed, fullwidth = _classify(mark_tok.type, m)
    num = m.group("num") or m.group("part")
    number = numeral_value(num) if num else None
    if m.group("part"):  # 第一部分： the marker is the words, the colon its delimiter
        delimiter = m.group("pdelim")
        marker = marker.rstrip(LEADING_SPACE + ":：、．.")
    else:
        delimiter = (m.group("open") + m.group("close")) or m.group("delim")
    # NOTE: markers, numerals and delimiters repeat from heading to heading: one string each
    return Heading(
        level=level, marker=intern(marker), numeral=num and intern(num), number=number,
        delimiter=intern(delimiter),
        malformed=malformed, text=text.strip(LEADING_SPACE),
        span=index.span(start, body_start + len(text)),
        marker_span=index.span(start, start + len(marker)),
        fullwidth=fullwidth,
        expected_marker=intern(expected_marker(level, number, fullwidth)),
    )


def _classify(token_type: str, m) -> tuple[int, str | None, bool | None]:
    if token_type == "PART":
        return 0, None, None
    opened, closed, delim = m.group("open"), m.group("close"), m.group("delim")
    fullwidth = (opened == "（") if opened else None
    if token_type == "H1":
        return 1, (None if delim == "、" else "wrong-delimiter"), None
    if token_type == "H1_MISSING":
        return 1, "missing-numeral", None
    if token_type == "H2":
        return 2, ("wrong-delimiter" if delim or (opened == "(") != (closed == ")") else None), fullwidth
    if token_type == "H3":
        return 3, (None if delim in (".", "．") else "wrong-delimiter"), None
    if token_type == "H4":
        return 4, ("wrong-delimiter" if delim or (opened == "(") != (closed == ")") else None), fullwidth
    return 2, "missing-numeral", fullwidth  # PAREN_EMPTY; outline may relevel it to 4


def expected_marker(level: int, number: int | None, fullwidth: bool | None = True) -> str:
    if number is None:
        number = 0
    if level == 0:
        return "第" + (int_to_cn(number) if number else "?") + "部分"
    if level in (1, 2):
        numeral = int_to_cn(number) if number else "?"
    else:
        numeral = str(number) if number else "?"
    if level == 1:
        return numeral + "、"
    if level == 3:
        return numeral + "."
    return ("（" + numeral + "）") if fullwidth is not False else ("(" + numeral + ")")
