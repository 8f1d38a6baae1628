"""paired-marks: brackets, quotes and title marks that open and close in pairs.

    check: paired-marks
    params:
      pairs: [["《", "》"], ["“", "”"], ["‘", "’"], ["（", "）"], ["(", ")"], ["〔", "〕"], ["【", "】"]]
      report: unbalanced    # unbalanced: a mark without its partner, or two pairs crossed
                            # nested: a mark nested in the same mark (《…《…》…》 should use 〈〉),
                            # or an inner pair standing alone (〈决定〉 outside 《》 should be 《决定》)
      nest: {"《": ["〈", "〉"], "“": ["‘", "’"], "〈": ["《", "》"]}
      scope: document

Each block (title, cover letter, heading, paragraph) is checked on its own,
per GB/T 15834-2011. ( and （ close each other's partner: a mixed-width pair
is one hit at the closing mark, not two. Not reported: a list marker such as
"1）" or "a)" at the start of a clause, and a quotation running over several
paragraphs (GB/T 15834 4.1.3.x: each paragraph opens it, only the last closes).
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.checks._util import SCOPE, check_scope
from checker.findings import Hit
from checker.document.scope import blocks

DEFAULT_PAIRS = [["《", "》"], ["“", "”"], ["‘", "’"], ["（", "）"], ["(", ")"],
                 ["〔", "〕"], ["【", "】"], ["〈", "〉"]]
DEFAULT_NEST = {"《": ["〈", "〉"], "“": ["‘", "’"], "〈": ["《", "》"]}
SINGLE = {"〈": "《", "‘": "“"}   # the single marks, used only inside their double forms
WIDTH_TWINS = {"(": "（", "（": "(", ")": "）", "）": ")"}
_CLAUSE = set("。；;：:，,！？!?、\n")
_LIST_MARK = set("0123456789０１２３４５６７８９abcdefghijABCDEFGHIJ一二三四五六七八九十①②③④⑤⑥⑦⑧⑨⑩")
CONTEXT = 20  # characters of context shown with an unpaired mark


@register
class PairedMarks(CheckType):
    name = "paired-marks"
    reports = ("unbalanced", "nested")
    params = {
        "pairs": Param((list,), DEFAULT_PAIRS),
        "nest": Param((dict,), DEFAULT_NEST),
        "scope": SCOPE,
    }

    def prepare(self, params):
        check_scope(params)
        opens, closes = {}, {}
        for i, pair in enumerate(params["pairs"]):
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(c, str) and len(c) == 1 for c in pair)
                    and pair[0] != pair[1]):
                raise ParamError(f"pairs.{i}", "each pair is two different single characters [open, close]")
            opens[pair[0]], closes[pair[1]] = pair[1], pair[0]
        for mark, inner in params["nest"].items():
            if mark not in opens or not (isinstance(inner, list) and len(inner) == 2):
                raise ParamError(f"nest.{mark}", "maps an opening mark to the [open, close] used inside it")
        marks = re.compile("[" + "".join(re.escape(c) for c in list(opens) + list(closes)) + "]")
        return dict(params, opens=opens, closes=closes, marks=marks)

    def run(self, doc, p, ctx):
        scope, found = _problems(doc, p)
        wanted = _WANTED[p["report"]]
        for b, problems in zip(scope, found):
            for start, end, args, expected in problems:
                if args["kind"] in wanted:
                    shown = {k: v for k, v in args.items() if k != "kind"}
                    yield Hit(b.span.start + start, b.span.start + end, shown, expected)


def _problems(doc, p):
    """Every pairing problem of each block of the scope, whatever `report` asks for.

    NOTE: cached on the document per scope, pairs and nesting: the unbalanced and
    the nested rule read the same scan."""
    key = (p["scope"], tuple(p["opens"].items()), tuple((k, tuple(v)) for k, v in p["nest"].items()))
    cache = doc.memo("checks.paired_marks", dict)
    if key not in cache:
        scope = list(blocks(doc, p["scope"]))
        found = []
        for i, b in enumerate(scope):
            following = scope[i + 1].text.lstrip() if i + 1 < len(scope) else ""
            found.append(list(_scan(b.text, p, following)))
        _drop_wrapped_lines(scope, found, p["opens"])
        cache[key] = (scope, found)
    return cache[key]


def _drop_wrapped_lines(scope, found, opens) -> None:
    """A pair split by a hard line wrap (the next block starts on the very next line)
    is one pair: drop the last `unclosed` of a block and the matching first `unopened`
    of the next. NOTE: text copied from PDF often wraps lines inside a title mark."""
    for i in range(len(scope) - 1):
        if not found[i] or not found[i + 1]:  # NOTE: before the line numbers, which cost a lookup each
            continue
        open_ = [k for k, h in enumerate(found[i]) if h[2]["kind"] == "unclosed"]
        close = [k for k, h in enumerate(found[i + 1]) if h[2]["kind"] == "unopened"]
        if not (open_ and close) or scope[i + 1].span.line != scope[i].span.end_line + 1:
            continue
        if opens[found[i][open_[-1]][2]["mark"]] == found[i + 1][close[0]][2]["mark"]:
            del found[i][open_[-1]]
            del found[i + 1][close[0]]


_WANTED = {"unbalanced": ("unclosed", "unopened", "crossed", "width"), "nested": ("nested", "bare")}
_PROBLEM = {
    "unclosed": {"zh": "缺少与之配对的后半个标号", "en": "is never closed"},
    "unopened": {"zh": "缺少与之配对的前半个标号", "en": "closes a pair that was never opened"},
    "crossed": {"zh": "与另一对标号交叉", "en": "crosses another pair"},
    "width": {"zh": "与前半个标号全角半角不一致", "en": "does not match the width of its opening mark"},
    "nested": {"zh": "里面又套用了同一种标号，内层应改用", "en": "is nested in the same mark; the inner pair should be"},
    "bare": {"zh": "只用于套在外层标号之内，单独使用时应改用", "en": "belongs inside the outer marks only; standing alone it should be"},
}


# NOTE: the linter keeps the first 120 characters of an expected text; a deep nest must
# not copy its whole body once per level (quadratic in memory)
_EXPECTED_SPAN = 1000


def _scan(text: str, p, following: str):
    """Yield (start, end, args, expected) for every pairing problem in one block.
    Linear in the marks: open positions are kept per mark, crossed marks counted."""
    opens, closes, nest = p["opens"], p["closes"], p["nest"]
    stack: list[tuple[str, int]] = []
    where: dict[str, list[int]] = {}  # mark -> where each copy of it on the stack opened
    crossed: dict[str, int] = {}  # marks already reported as crossed: their late close is not news
    # NOTE: 《甲，《乙》 nests only if the outer 《 is closed; otherwise it is the unclosed one
    nested: list[tuple[int, tuple]] = []   # (where the outer mark opened, the hit)

    def pop():
        mark, at = stack.pop()
        where[mark].pop()
        return mark, at

    for found in p["marks"].finditer(text):
        i, ch = found.start(), found.group()
        if ch in opens:
            stack.append((ch, i))
            where.setdefault(ch, []).append(i)
        elif ch in closes:
            want = closes[ch]
            if stack and stack[-1][0] == want:
                mark, at = pop()
                outer = SINGLE.get(mark)
                if outer is not None and outer in opens and not where.get(outer) and not where[mark] and at + 1 < i:
                    # NOTE: 〈决定〉 with no 《 open: the single marks stand only inside the double ones
                    body = text[at + 1:min(i, at + 1 + _EXPECTED_SPAN)]
                    yield at, i + 1, _args("bare", mark, [outer, opens[outer]]), outer + body + opens[outer]
                # NOTE: only the nearest enclosing mark of the family counts: 《〈《》〉》 alternates
                if mark in nest and where[mark] and where[mark][-1] > (where.get(nest[mark][0]) or [-1])[-1]:
                    inner = nest[mark]
                    body = text[at + 1:min(i, at + 1 + _EXPECTED_SPAN)]
                    nested.append((where[mark][-1], (at, i + 1, _args("nested", mark, inner), inner[0] + body + inner[1])))
            elif stack and WIDTH_TWINS.get(stack[-1][0]) == want:
                mark, at = pop()
                yield i, i + 1, _args("width", ch), opens[mark]
            elif where.get(want):
                while stack and stack[-1][0] != want:
                    mark, at = pop()
                    crossed[mark] = crossed.get(mark, 0) + 1
                    yield at, i + 1, _args("crossed", mark), None
                pop()
            elif crossed.get(want):
                crossed[want] -= 1
            elif not _list_marker(text, i):
                yield _clause_start(text, i), i + 1, _args("unopened", ch), None
    unclosed = {at for _, at in stack}
    yield from (hit for outer, hit in nested if outer not in unclosed)
    for mark, at in stack:
        if mark == "“" and following.startswith("“"):
            continue  # a quotation that runs on into the next paragraph
        yield at, _clause_end(text, at), _args("unclosed", mark), None


def _args(problem: str, mark: str, inner=None) -> dict:
    what = dict(_PROBLEM[problem])
    if inner:
        what = {k: v + "“" + "".join(inner) + "”" for k, v in what.items()}
    return {"mark": mark, "problem": what, "kind": problem}


def _list_marker(text: str, i: int) -> bool:
    """`1）`, `a)`, `（二)`… at the start of a clause: an item marker, not a pair."""
    j = i
    while j > 0 and text[j - 1] in _LIST_MARK and i - j < 3:
        j -= 1
    return j < i and (j == 0 or text[j - 1] in _CLAUSE or text[j - 1].isspace())


def _clause_start(text: str, i: int) -> int:
    j = i
    while j > 0 and i - j < CONTEXT and text[j - 1] not in _CLAUSE:
        j -= 1
    return j


def _clause_end(text: str, i: int) -> int:
    j = i + 1
    while j < len(text) and j - i < CONTEXT and text[j] not in _CLAUSE:
        j += 1
    return j
