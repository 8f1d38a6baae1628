"""The HTML report: segments for overlapping spans, escaping, completeness,
the statistics computation, the summary view, languages and self-containment.

Browser behaviour (clicking, scrolling, script safety in a real engine) is in
test_browser.py; here the page is checked as text and parsed HTML.
"""
from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.findings import Finding
from checker.formatters import Options
from checker.formatters.html_format import format as html_format
from checker.formatters.htmlpage.segments import cut, line_bounds
from checker.document.outline import build
from checker.rules import load_rules
from conftest import EXAMPLES

REPORT = """某县2021年法治政府建设情况报告

2021年，我县坚持依法行政，法治政府建设取得新进展。现将有关情况报告如下。

一、主要工作和成效

（一）加强组织领导。县政府常务会议专题研究法治政府建设5次，县长切实履行推进法治建设第一责任人职责。

（二）化解矛盾纠纷。全年受理行政调解案件4210起，调解成功3862起，调解成功率91.72%。

（三）示例代码。有人在网页中贴了<script>window.__pwned = 1</script>和<img src=x onerror="window.__pwned = 2">，以及 & "引号" 'apostrophe'。

二、存在的问题

个别部门依法行政意识不强，行政执法队伍专业化水平有待提高。

三、下一步工作打算

2022年，我县将继续深化行政执法体制改革，全面落实行政执法三项制度。

某县人民政府
2022年1月20日
"""


def make_finding(doc, start, end, rule="T101", severity="error", category="statistics",
                 message="调解成功率计算有误", expected=None, name="rate-mismatch", computation=None) -> Finding:
    a = doc.span(start, end)
    return Finding(path=doc.path, line=a.line, column=a.column, end_line=a.end_line,
                   end_column=a.end_column, rule=rule, name=name, category=category,
                   severity=severity, message=message, expected=expected, start=start, end=end,
                   quote=doc.text[start:end], computation=computation)


def sample(text: str = REPORT, path: str = "reports/sample-2021.txt"):
    """A document and hand-made findings: overlapping, nested, crossing a line, empty."""
    doc = build(text, path)
    rate = text.index("91.72%")
    script = text.index("<script>")
    findings = [
        make_finding(doc, rate, rate + 6, expected="91.73%", computation="3862/4210 = 91.73%"),
        make_finding(doc, rate - 5, rate + 6, rule="W101", severity="warning", category="terminology",
                     name="term", message="用语不规范"),
        make_finding(doc, script, script + 8, rule="X101", severity="info", category="placeholder",
                     name="markup", message="正文中有网页代码 <script>", expected="删除"),
        make_finding(doc, script + 4, script + 30, rule="P101", severity="warning", category="punctuation",
                     name="punct", message="标点"),
        make_finding(doc, text.index("二、存在"), text.index("二、存在"), rule="S105", severity="error",
                     category="structure", name="empty", message="空位置"),
        make_finding(doc, text.index("某县人民政府"), len(text.rstrip()), rule="S111", severity="info",
                     category="structure", name="closing", message="落款跨两行"),
    ]
    findings.sort(key=Finding.sort_key)
    return doc, findings


def render(docs_findings, lang="zh") -> str:
    sources = {doc.path: doc.text for doc, _ in docs_findings}
    findings = sorted((f for _, fs in docs_findings for f in fs), key=Finding.sort_key)
    options = Options(lang=lang, rules=load_rules(), docs={doc.path: doc for doc, _ in docs_findings})
    return html_format(findings, sources, options)


class Structure(HTMLParser):
    """Checks that every element closes in order, and collects ids and script tags."""
    VOID = {"meta", "br", "input", "img", "wbr", "use", "path", "circle", "rect", "link"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.errors, self.scripts = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        self.ids.extend(v for k, v in attrs if k == "id")
        self.scripts += tag == "script"
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.ids.extend(v for k, v in attrs if k == "id")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()


def text_of(page: str) -> str:
    """The report text as the page shows it (tags dropped, entities decoded)."""
    import html
    article = re.search(r'<article class="text".*?</article>', page, re.S).group(0)
    return html.unescape(re.sub(r"<[^>]+>", "", article))


def parse(page: str) -> Structure:
    p = Structure()
    p.feed(page)
    p.close()
    return p


# -- segments ---------------------------------------------------------------

def test_overlapping_spans_are_cut_into_pieces_that_know_their_findings():
    lines = cut("abcdef", [(0, 4), (2, 6), (2, 2)])
    items = lines[0].items
    pieces = [(p.start, p.end, p.covers) for kind, p in items if kind == "piece"]
    assert pieces == [(0, 2, (0,)), (2, 4, (0, 1)), (4, 6, (1,))]
    assert [v for kind, v in items if kind == "marker"] == [0, 1, 2]


def test_a_span_over_a_line_break_is_split_per_line_and_crlf_is_one_break():
    lines = cut("ab\r\ncd", [(1, 5)])
    assert [(ln.start, ln.end) for ln in lines] == [(0, 2), (4, 6)]
    assert [(p.start, p.end, p.covers) for ln in lines for kind, p in ln.items if kind == "piece"] == \
        [(0, 1, ()), (1, 2, (0,)), (4, 5, (0,)), (5, 6, ())]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n\r中", max_size=30), st.lists(st.tuples(st.integers(-2, 34), st.integers(-2, 34)),
                                                          max_size=6))
def test_pieces_rebuild_every_line_and_cover_exactly_the_spans(text, spans):
    n = len(text)
    clamped = [(max(0, min(a, n)), max(max(0, min(a, n)), min(b, n))) for a, b in spans]
    lines = cut(text, spans)
    assert [(ln.start, ln.end) for ln in lines] == line_bounds(text)
    markers = []
    for ln in lines:
        pieces = [v for kind, v in ln.items if kind == "piece"]
        markers += [v for kind, v in ln.items if kind == "marker"]
        assert "".join(text[p.start:p.end] for p in pieces) == text[ln.start:ln.end]
        for p in pieces:
            for off in range(p.start, p.end):
                assert set(p.covers) == {i for i, (a, b) in enumerate(clamped) if a <= off < b}
    assert sorted(markers) == list(range(len(spans)))


# -- the page ---------------------------------------------------------------

def test_every_finding_has_a_marker_a_list_item_and_a_detail_and_the_html_nests():
    doc, findings = sample()
    page = render([(doc, findings)])
    tree = parse(page)
    assert tree.errors == [] and tree.stack == []
    assert len(tree.ids) == len(set(tree.ids)), "ids are unique"
    for i in range(len(findings)):
        assert f"f0-{i}" in tree.ids and f"d0-{i}" in tree.ids
    assert page.count('<li class="fi ') == len(findings)
    # severity has a shape as well as a colour, and hovering a passage tells what is wrong there
    for i, f in enumerate(findings):
        marker = re.search(rf'<a class="mk s-(\w+)" id="f0-{i}"[^>]*title="([^"]*)">(.*?)</a>', page)
        assert marker.group(1) == f.severity and f'href="#i-{f.severity}"' in marker.group(3)
        assert f.message.replace("<", "&lt;").replace(">", "&gt;") in marker.group(2)
    assert 'title="警告 W101: 用语不规范' in page
    # the overlap of the rate finding and the wider terminology finding is one mark listing both
    assert re.search(r'<mark class="hl s-error" data-f="\d \d"[^>]*>91\.72%</mark>', page)


def test_report_text_is_escaped_and_the_only_script_is_the_page_s_own():
    doc, findings = sample()
    page = render([(doc, findings)])
    assert parse(page).scripts == 1
    shown = text_of(page)
    assert '<script>window.__pwned = 1</script>和<img src=x onerror="window.__pwned = 2">' in shown
    assert "<img src=x" not in page
    assert "正文中有网页代码 &lt;script&gt;" in page      # messages are escaped too
    evil = build("<b>x</b>", 'a"<b>.txt')
    page = render([(evil, [make_finding(evil, 0, 3, message="<i>m</i>")])])
    assert "<b>x" not in page and "<i>m" not in page and 'a"<b>' not in page


def test_statistics_findings_show_the_computation_and_the_printed_value():
    doc, findings = sample()
    zh = render([(doc, findings)])
    assert "3862/4210=91.73%，报告写91.72%" in zh
    assert "<dt>应为</dt><dd><span class=\"d-exp\">91.73%</span>" in zh  # what should be written, apart
    en = render([(doc, findings)], lang="en")
    assert "3862 / 4210 = 91.73%; the report says 91.72%" in en
    # an expected value without a computation is shown as the expected value alone
    assert "<dt>应为</dt><dd><span class=\"d-exp\">删除</span>" in zh


def test_rule_explanation_is_in_the_detail_card():
    doc = build(REPORT, "r.txt")
    rule = next(r for r in load_rules() if r.id == "S101")
    page = render([(doc, [make_finding(doc, 0, 4, rule="S101", category="structure", name=rule.name)])])
    assert rule.source and rule.source in page.replace("&quot;", '"')
    assert "规则说明" in page


def test_the_page_is_self_contained_and_its_csp_allows_only_its_own_script_and_style():
    doc, findings = sample()
    page = render([(doc, findings)])
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//|file:)""", page)
    assert "<link" not in page and "@import" not in page and "@font-face" not in page
    assert not re.search(r"url\((?!#)", page), "CSS/SVG url() only refers inside the page"
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    for tag in ("script", "style"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_one_file_has_no_summary_several_files_have_one_worst_first():
    doc, findings = sample()
    single = render([(doc, findings)])
    assert 'id="summary"' not in single and 'id="v0"' in single
    clean = build(REPORT, "reports/clean.txt")
    worse = build(REPORT, "reports/worse.txt")
    worse_findings = [make_finding(worse, 0, 2), make_finding(worse, 3, 5), make_finding(worse, 5, 6),
                      make_finding(worse, 6, 7, severity="info", category="date", rule="D101")]
    page = render([(clean, []), (doc, findings), (worse, worse_findings)])
    summary = page[page.index('id="summary"'):page.index('id="v0"')]
    order = re.findall(r'<a href="#v(\d)">', summary)
    assert order == ["2", "1", "0"]          # 3 errors, then 2 errors, then none
    assert "<svg class=\"chart\"" in summary and "<rect" in summary
    assert ">统计<" in summary and ">日期<" in summary


def test_english_page():
    doc, findings = sample()
    page = render([(doc, findings)], lang="en")
    assert '<html lang="en">' in page and ">Outline<" in page and "Findings" in page
    assert ">error<" in page and "问题列表" not in page
    assert '<html lang="zh-CN">' in render([(doc, findings)])


def test_clean_and_empty_inputs_render():
    doc = build("", "empty.txt")
    page = render([(doc, [])])
    assert "（空文件）" in page and "未发现问题" in page
    assert "没有检查任何文件" in html_format([], {}, Options())
    assert parse(page).errors == []


def test_cli_writes_the_page_for_the_examples(tmp_path):
    out = tmp_path / "report.html"
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "html", "--output",
                           str(out), str(EXAMPLES)], capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1, proc.stderr   # the defective example has errors
    page = out.read_text(encoding="utf-8")
    findings = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", str(EXAMPLES)],
                              capture_output=True, text=True, encoding="utf-8").stdout
    n = findings.count('"rule":')
    assert n and page.count('<li class="fi ') == n
    assert 'id="summary"' in page and parse(page).errors == []


def test_corpus_pages_show_every_finding(corpus):
    import json
    for path in sorted(corpus.glob("*.txt")):
        run = [sys.executable, "-m", "checker", "check", str(path)]
        data = json.loads(subprocess.run(run + ["--format", "json"], capture_output=True, text=True,
                                         encoding="utf-8").stdout)
        page = subprocess.run(run + ["--format", "html"], capture_output=True, text=True,
                              encoding="utf-8").stdout
        tree = parse(page)
        assert tree.errors == [], path.name
        assert sum(1 for i in tree.ids if re.fullmatch(r"f0-\d+", i)) == len(data), path.name


def test_templates_ship_in_the_wheel():
    import tomllib
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    conf = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "checker.formatters.htmlpage" in conf["packages"]
    shipped = conf["package-data"]["checker.formatters.htmlpage"]
    for name in ("page.html", "page.css", "page.js"):
        assert (root / "checker" / "formatters" / "htmlpage" / name).is_file()
        assert any(Path(name).match(pattern) for pattern in shipped)


@pytest.mark.parametrize("expected, quote, shown, shown_en", [
    ("6536/7123 = 91.76%", "91.75%", "6536/7123=91.76%，报告写91.75%", "6536 / 7123 = 91.76%; the report says 91.75%"),
    ("(79-10)/79 = 87.34%", "实质性化解率87.3%", "(79-10)/79=87.34%，报告写87.3%", None),
    ("3050/3125 = 97.60%", "调解成功率97.65 %", "3050/3125=97.60%，报告写97.65 %", None),
    ("108+29 = 137 ≠ 140", "共收应诉案件140件，一审结案108件，未结29件", "108+29=137≠140", "108 + 29 = 137 ≠ 140"),
    ("58 = 40+8+4", "58件", "58=40+8+4，报告写58件", None),
])
def test_computation_text(expected, quote, shown, shown_en):
    from checker.formatters.htmlpage.details import computation
    from checker.formatters.htmlpage.labels import Labels
    f = Finding("p", 1, 1, 1, 2, "T101", "x", "statistics", "error", "m", quote=quote, computation=expected)
    assert computation(f, Labels("zh")) == shown
    if shown_en:
        assert computation(f, Labels("en")) == shown_en
    # a finding without a computation shows none, whatever its expected value
    assert computation(Finding("p", 1, 1, 1, 2, "T101", "x", "statistics", "error", "m", expected=expected),
                       Labels("zh")) is None
