"""Saved web pages (.html) as input: the article as a reader sees it (issue 19, point 3).

The fixture pages in tests/fixtures/html/ have the shapes of real Chinese government article
pages (navigation, breadcrumb, page clock, 发布时间/来源/浏览次数 line, 字体 大 中 小, share links,
footer, scripts, styles; table layouts, nested <div>s with inline styles, UTF-8 and GBK);
each `<name>.expected.txt` is the text written by hand. The heldout-* pages were written
after the reader and not tuned on (see the notes for the library comparison).
"""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import checker
from checker.config import Config
from checker.document.html import read_html
from checker.errors import ReportlintError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "html"
EXPECTED = sorted(p.name[: -len(".expected.txt")] for p in FIXTURES.glob("*.expected.txt"))
PAGES = sorted(p.stem for p in FIXTURES.glob("*.html"))
FURNITURE = ("当前位置", "您现在的位置", "您的位置", "分享到", "版权所有", "ICP备", "公网安备", "今天是",
             "浏览次数", "点击数", "访问量", "阅读：", "字体", "字号", "打印", "关闭窗口", "扫一扫", "上一篇",
             "相关文章", "网站标识码", "主办单位", "来源：")
SCRIPT_TEXT = ("function", "document.", "var ", "$(", "_hmt", "window.", "font-family", "{", "}", "<", ">")


def page(tmp_path, body: str, head: str = "", name: str = "page.html", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(f"<html><head>{head}</head><body>{body}</body></html>".encode(encoding))
    return str(path)


def lines_of(path) -> list[str]:
    return read_html(str(path)).text.splitlines()


# -- the fixture pages ------------------------------------------------------------

@pytest.mark.parametrize("name", EXPECTED)
def test_a_page_reads_as_its_hand_written_text(name):
    src = read_html(str(FIXTURES / f"{name}.html"))
    assert src.text == (FIXTURES / f"{name}.expected.txt").read_text(encoding="utf-8")
    assert (src.bom, src.newline) == (False, "\n")


@pytest.mark.parametrize("name", PAGES)
def test_no_page_furniture_or_script_text_is_read(name):
    text = read_html(str(FIXTURES / f"{name}.html")).text
    for word in FURNITURE + SCRIPT_TEXT:
        assert word not in text, (name, word)


@pytest.mark.parametrize("name, title, published", [
    ("yunxi-fzzf-2022", "云溪县2022年法治政府建设情况报告", "2023-03-28"),        # <meta name="PubDate">
    ("meiling-stats-table", "梅岭县2021年行政复议和行政应诉案件统计情况", "2022-01-20"),  # <meta name="publishdate">, <title>
    ("tongan-nested-div", "桐安区2020年法治政府建设年度报告", "2021-03-30"),      # article:published_time
    ("liuhe-report-gbk", "柳河市司法局2019年度法治政府建设工作情况报告", "2020-05-08"),  # 发布日期： line
    ("clean-2023", "青禾县2023年法治政府建设情况报告", "2024-01-25"),             # 发布时间： line
    ("heldout-single-br", "关于2020年度行政执法统计数据的公告", "2021-01-29"),      # 日期： line
    ("heldout-layout-gbk", "北川县司法局2020年度法治政府建设情况报告", "2021-03-18"),  # 时间： line, <h1> with <br>
])
def test_the_outline_reads_the_title_and_the_publication_date(name, title, published):
    doc = checker.parse_text(read_html(str(FIXTURES / f"{name}.html")).text)
    assert doc.title is not None and doc.title.text == title
    assert doc.metadata.published == published


def test_tables_are_read_as_tab_separated_rows():
    doc = checker.parse_text(read_html(str(FIXTURES / "yunxi-fzzf-2022.html")).text)
    assert len(doc.tables) == 1
    lines = lines_of(FIXTURES / "meiling-stats-table.html")
    # rowspan and colspan leave empty cells so that the columns stay aligned
    assert lines[4:7] == ["项目\t2021年\t\t2020年", "\t件数\t占比", "行政复议审结\t60\t100%\t52"]


def test_a_gbk_page_declared_gb2312_is_decoded_as_gb18030():
    src = read_html(str(FIXTURES / "liuhe-report-gbk.html"))
    assert src.encoding == "gb18030"
    assert "联系人：王喆" in src.text  # 喆 is in GBK, not in GB2312


def test_the_clean_page_lints_without_errors_or_warnings():
    text = read_html(str(FIXTURES / "yunxi-fzzf-2022.html")).text
    findings = checker.lint_text(text, Config())
    assert [f for f in findings if f.severity in ("error", "warning")] == []
    doc = checker.parse_text(text)
    assert doc.closing is not None and doc.report_year == 2022


@pytest.mark.parametrize("name", ["clean-2023", "defective-2020"])
def test_a_page_wrapping_an_example_reads_as_the_example(name):
    """The page's own heading and date line come first; the body is the .txt's lines. Where the
    .txt starts with page debris (a breadcrumb and a 发布时间 line), that debris is the page's
    furniture, read as the one date line."""
    read = lines_of(FIXTURES / f"{name}.html")
    txt_text = (ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8")
    txt = [line for line in txt_text.splitlines() if line.strip()]
    debris = checker.parse_text(txt_text).metadata
    txt = txt[len(debris.debris):]
    assert read[0] == txt[0]
    assert read[2:] == txt[1:]
    assert read[1].startswith("发布时间：")
    if debris.published:
        assert read[1] == f"发布时间：{debris.published}"


@pytest.mark.parametrize("name", ["clean-2023", "defective-2020"])
def test_a_wrapped_example_has_the_findings_of_the_example(name):
    """By rule and quoted text; page-debris (M101) differs only in which debris it quotes."""
    def findings(text):
        return Counter((f.rule, f.quote) for f in checker.lint_text(text, Config()) if f.rule != "M101")
    html = read_html(str(FIXTURES / f"{name}.html")).text
    txt = (ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8")
    assert findings(html) == findings(txt)


# -- publication dates --------------------------------------------------------------

ARTICLE = "<h1>某县2022年法治政府建设情况报告</h1>{info}<div class='content'><p>2022年，我县扎实推进法治政府建设，取得明显成效。</p><p>一、主要工作和成效</p></div>"


@pytest.mark.parametrize("head, info, date", [
    ('<meta name="PubDate" content="2023-03-10 08:00">', "", "2023-03-10"),
    ('<meta name="publishdate" content="2023/3/9">', "", "2023-03-09"),
    ('<meta property="article:published_time" content="2023-03-08T10:00:00+08:00">', "", "2023-03-08"),
    ("", "<div>发布时间：2023-03-07 09:12　来源：县司法局</div>", "2023-03-07"),
    ("", "<div><span>发布日期：2023年3月6日</span><span>浏览次数：12</span></div>", "2023-03-06"),
    ("", "<div>日期：2023.03.05</div>", "2023-03-05"),
    ("", "<table><tr><td>成文日期：</td><td>2023-01-04</td><td>发布日期：</td><td>2023-03-04</td></tr></table>", "2023-03-04"),
    ('<meta name="PubDate" content="">', "<p>发布时间：2023-03-03</p>", "2023-03-03"),
])
def test_the_publication_date_comes_from_a_meta_tag_or_a_line_near_the_heading(tmp_path, head, info, date):
    lines = lines_of(page(tmp_path, ARTICLE.format(info=info), head))
    assert lines[:2] == ["某县2022年法治政府建设情况报告", f"发布时间：{date}"]
    assert lines[2] == "2022年，我县扎实推进法治政府建设，取得明显成效。"


@pytest.mark.parametrize("info", [
    "",
    "<div>今天是：2023年3月2日 星期四</div>",
    "<div>成文日期：2023-01-04</div>",
    "<div>发布时间：2023-02-30</div>",  # no such day
])
def test_no_date_line_without_a_stated_publication_date(tmp_path, info):
    lines = lines_of(page(tmp_path, info + ARTICLE.format(info="")))
    assert not any(line.startswith("发布时间") for line in lines)
    assert lines[0] == "某县2022年法治政府建设情况报告"


# -- titles ---------------------------------------------------------------------

@pytest.mark.parametrize("title_tag, site, expected", [
    ("某县2022年法治政府建设情况报告_某县人民政府", "", "某县2022年法治政府建设情况报告"),
    ("某县人民政府--某县2022年法治政府建设情况报告", "", "某县2022年法治政府建设情况报告"),
    ("某县2022年法治政府建设情况报告 | 某县人民政府网", "", "某县2022年法治政府建设情况报告"),
    ("某县2022年法治政府建设情况报告-政务公开-某县门户网站", "", "某县2022年法治政府建设情况报告"),
    ("某县政务网 某县2022年法治政府建设情况报告", '<meta name="SiteName" content="某县政务网">',
     "某县2022年法治政府建设情况报告"),
    ("关于《实施纲要（2021—2025年）》的解读", "", "关于《实施纲要（2021—2025年）》的解读"),
])
def test_without_a_heading_the_title_is_the_title_tag_without_the_site_name(tmp_path, title_tag, site, expected):
    body = "<div class='nav'><a href='/'>首页</a></div><div><p>2022年，我县扎实推进法治政府建设，取得明显成效。</p></div>"
    lines = lines_of(page(tmp_path, body, f"<title>{title_tag}</title>{site}"))
    assert lines[0] == expected


def test_the_heading_nearest_the_article_is_the_title_and_a_repeated_heading_is_read_once(tmp_path):
    body = ("<div class='side'><h3>某县2021年法治政府建设情况报告</h3></div>"
            "<div class='art'><h1>某县2022年<br>法治政府建设情况报告</h1><div class='body'>"
            "<p align='center'><b>某县2022年法治政府建设情况报告</b></p>"
            "<p>2022年，我县扎实推进法治政府建设，取得明显成效。</p><p>一、主要工作和成效</p></div></div>")
    lines = lines_of(page(tmp_path, body, "<title>某县2022年法治政府建设情况报告_某县人民政府</title>"))
    assert lines == ["某县2022年法治政府建设情况报告", "2022年，我县扎实推进法治政府建设，取得明显成效。", "一、主要工作和成效"]


def test_a_title_tag_naming_only_the_site_gives_no_title_but_the_heading_before_the_article(tmp_path):
    body = ("<div class='crumb'>当前位置：首页 &gt; 法制动态</div><div class='biaoti'>某县2018年依法行政工作报告</div>"
            "<div>发布时间：2019年03月28日 点击：203</div><div class='zw'><p>2018年，我县依法行政工作取得新进展。</p></div>")
    assert lines_of(page(tmp_path, body, "<title>某县政府法制办公室</title>"))[:2] == [
        "某县2018年依法行政工作报告", "发布时间：2019-03-28"]
    plain = "<div class='zw'><p>2018年，我县依法行政工作取得新进展。</p></div>"
    assert lines_of(page(tmp_path, plain, "<title>某县人民政府</title>")) == ["2018年，我县依法行政工作取得新进展。"]
    assert lines_of(page(tmp_path, plain, "<title>加快建设法治政府_某县人民政府</title>"))[0] == "加快建设法治政府"


@pytest.mark.parametrize("line", [
    "时间：2023年3月10日上午9:00",            # a meeting's time, not the page's date
    "相关信息公开率达到100%。",
    "群众扫一扫二维码即可查询办理进度。",
    "关闭整治“散乱污”企业34家。",
    "主要工作和成效",
])
def test_report_sentences_that_share_words_with_page_furniture_are_kept(tmp_path, line):
    body = f"<div class='content'><p>2022年，我县扎实推进法治政府建设，取得明显成效。</p><p>{line}</p></div>"
    assert line in lines_of(page(tmp_path, body, "<title>某县2022年法治政府建设情况报告_某县人民政府</title>"))


def test_the_article_goes_on_below_a_wrapper_of_paragraphs_to_its_table_and_signature(tmp_path):
    paras = "".join(f"<p>第{i}段，我县扎实推进法治政府建设，取得明显成效，各项工作稳步推进。</p>" for i in range(8))
    body = ("<div class='nav'><a href='/'>首页</a><a href='/a'>政务公开</a><a href='/b'>政务服务</a></div>"
            "<div class='article'><h1>某县2022年法治政府建设情况报告</h1>"
            "<div class='info'>发布时间：2023-03-20 来源：某县司法局 浏览次数：1024 【字体：大 中 小】</div>"
            f"<div class='wrap'>{paras}</div><table border=1><tr><td>类别</td><td>件数</td></tr>"
            "<tr><td>维持</td><td>36</td></tr></table><p align=right>某县人民政府</p><p align=right>2023年3月20日</p>"
            "<div class='share'>分享到：<a>微信</a></div><div><a href='/1'>上一篇：某县2021年法治政府建设情况报告</a></div>"
            "</div><div class='footer'>版权所有：某县人民政府</div>")
    lines = lines_of(page(tmp_path, body, "<title>某县2022年法治政府建设情况报告_某县人民政府</title>"))
    assert lines[:2] == ["某县2022年法治政府建设情况报告", "发布时间：2023-03-20"]
    assert lines[-4:] == ["类别\t件数", "维持\t36", "某县人民政府", "2023年3月20日"]
    assert len(lines) == 2 + 8 + 4


# -- paragraphs and whitespace -------------------------------------------------------

BODY = "<div class='content'>{}</div><div class='footer'>版权所有：某县人民政府</div>"


@pytest.mark.parametrize("html, expected", [
    # runs of ASCII whitespace collapse; a line break between two CJK characters disappears
    ("<p>全年审结行政复议案件\n   50件，\n  其中维持36件。</p>", ["全年审结行政复议案件 50件，其中维持36件。"]),
    ("<p>Word  and\tPDF\nfiles。</p>", ["Word and PDF files。"]),
    # full-width spaces indent a paragraph and are kept; &nbsp; indentation is not
    ("<p>　　一、主要工作和成效</p><p>&nbsp;&nbsp;&nbsp;&nbsp;二、存在的问题</p>", ["　　一、主要工作和成效", "二、存在的问题"]),
    # <br><br> ends a paragraph; one <br> ends a short line, or joins a wrapped sentence
    ("　　第一段。<br><br>　　第二段，<br>　　第三段。", ["　　第一段。", "　　第二段，", "　　第三段。"]),
    ("全年共办理行政处罚案件268件，其中简易程序案件95件，<br>一般程序案件173件。", ["全年共办理行政处罚案件268件，其中简易程序案件95件，一般程序案件173件。"]),
    ("<p align='right'>某县人民政府<br>2023年3月20日</p>", ["某县人民政府", "2023年3月20日"]),
    # <div>s of text, nested; hidden elements, comments, scripts and styles are not read
    ("<div><div style='color:red'><span>甲，</span><font>乙。</font></div><div><br></div><div>丙。</div></div>",
     ["甲，乙。", "丙。"]),
    ("<p>看得见的。</p><p style='display: none'>看不见的。</p><p hidden>也看不见。</p><!-- <p>注释。</p> -->"
     "<script>var a = '脚本。';</script><style>p{}</style><p>zero\u200bwidth。</p>", ["看得见的。", "zerowidth。"]),
    # entities
    ("<p>A&amp;B，&lt;C&gt;，&#x4E2D;&#25991;。</p>", ["A&B，<C>，中文。"]),
])
def test_paragraphs_and_whitespace_read_as_a_browser_shows_them(tmp_path, html, expected):
    lines = lines_of(page(tmp_path, BODY.format(html), "<title>测试页面</title>"))
    assert lines[1:] == expected


def test_a_layout_table_is_read_as_paragraphs_and_a_table_of_figures_as_rows(tmp_path):
    body = ("<table><tr><td><a href='/'>首页</a></td><td><a href='/a'>政务公开</a></td></tr></table>"
            "<table><tr><td><p>　　全年办理行政复议案件40件，审结38件。</p><p>　　主要数据如下：</p>"
            "<table border=1><tr><th>指标</th><th>2019年</th></tr><tr><td>收到申请<br>（件）</td><td>40</td></tr>"
            "<tr><td>审结</td><td>38</td><td></td></tr></table></td></tr></table>")
    lines = lines_of(page(tmp_path, body, "<title>统计_某县</title>"))
    assert lines[1:] == ["　　全年办理行政复议案件40件，审结38件。", "　　主要数据如下：", "指标\t2019年",
                         "收到申请 （件）\t40", "审结\t38"]


# -- charsets -------------------------------------------------------------------

@pytest.mark.parametrize("head, encoding, expected", [
    ('<meta charset="gbk">', "gbk", "gb18030"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', "gbk", "gb18030"),
    ("", "gbk", "gb18030"),                          # undeclared: UTF-8 fails, GB18030 reads it
    ('<meta charset="gbk">', "utf-8", "utf-8"),     # declared wrongly: the bytes are UTF-8
    ("", "utf-8", "utf-8"),
    ('<meta charset="big5">', "big5", "big5hkscs"),
])
def test_the_charset_comes_from_the_page_then_utf8_then_gb18030(tmp_path, head, encoding, expected):
    text = "法治政府建設取得新成效。" if encoding == "big5" else "法治政府建设取得新成效。"
    src = read_html(page(tmp_path, f"<p>{text}</p>", head, encoding=encoding))
    assert src.encoding == expected
    assert text in src.text


def test_a_chinese_page_declared_latin1_is_read_in_its_own_charset(tmp_path):
    for encoding in ("utf-8", "gbk"):
        path = page(tmp_path, "<p>法治政府建设取得新成效。</p>", '<meta charset="iso-8859-1">', encoding=encoding)
        assert "法治政府建设取得新成效。" in read_html(path).text


def test_a_utf8_bom_wins_over_the_meta_tag(tmp_path):
    path = tmp_path / "bom.html"
    path.write_bytes(b"\xef\xbb\xbf" + '<meta charset="gbk"><p>法治政府建设取得新成效。</p>'.encode("utf-8"))
    src = read_html(str(path))
    assert (src.encoding, src.text) == ("utf-8", "法治政府建设取得新成效。\n")


# -- errors -------------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    b"", b"   \n\t", b"<html></html>", b"<html><head><title>x</title></head><body></body></html>",
    b"<div class='nav'><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a> <a href='/a'>\xe6\x94\xbf\xe5\x8a\xa1</a></div>",
    b"<script>document.write('\xe6\xad\xa3\xe6\x96\x87')</script>", b"%PDF-1.7\n\x00\x01\x02binary",
    b"\x00" * 100, b"<p" * 5000,
])
def test_a_page_without_an_article_is_one_line_naming_the_file(tmp_path, data):
    path = tmp_path / "empty.html"
    path.write_bytes(data)
    with pytest.raises(ReportlintError) as info:
        read_html(str(path))
    message = str(info.value)
    assert message.startswith(str(path) + ": ") and "\n" not in message


def test_missing_files_folders_and_oversized_pages_are_one_line_errors(tmp_path):
    for path, why in ((tmp_path / "none.html", "no such file"), (tmp_path, "is a directory")):
        with pytest.raises(ReportlintError, match=why):
            read_html(str(path))
    big = tmp_path / "big.html"
    with open(big, "wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)
    with pytest.raises(ReportlintError, match="larger than the 20 MB limit"):
        read_html(str(big))


def test_deeply_nested_and_unclosed_markup_is_read(tmp_path):
    deep = "<div>" * 200 + "法治政府建设取得新成效。" + "</div>" * 10
    assert "法治政府建设取得新成效。" in lines_of(page(tmp_path, deep))
    # NOTE: libxml2 drops what is nested deeper than 255 elements: then there is no article
    with pytest.raises(ReportlintError, match="no article text"):
        read_html(page(tmp_path, "<div>" * 5000 + "法治政府建设取得新成效。"))
    unclosed = "<table><tr><td><p>法治政府建设<b>取得新成效。<p>第二段，内容。<td>"
    assert lines_of(page(tmp_path, unclosed)) == ["法治政府建设取得新成效。", "第二段，内容。"]


def check_read(tmp_path, data: bytes) -> None:
    path = tmp_path / "fuzz.html"
    path.write_bytes(data)
    try:
        src = read_html(str(path))
    except ReportlintError as err:
        assert str(err).startswith(str(path) + ": ") and "\n" not in str(err)
        return
    assert isinstance(src.text, str) and src.text.endswith("\n") and "\x00" not in src.text
    assert all(line.strip() for line in src.text.splitlines())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_random_bytes_give_text_or_the_one_line_error(tmp_path, data):
    check_read(tmp_path, data)


TOKENS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<table>", "<tr>", "<td>", "</td>", "<th colspan=3>",
          "<td rowspan=99999>", "<script>", "</script>", "<style>", "<a href=x>", "</a>", "<h1>", "</h1>",
          "<title>", "</title>", "<meta charset=gbk>", '<meta name="PubDate" content="2023-13-45">',
          "发布时间：2023-03-01", "当前位置：首页", "法治政府建设，", "取得成效。", "　　", "&nbsp;", "&#0;",
          "&#xD800;", "\x00", "\x0b", " ", "\n", "<", ">", "<!--", "-->", "<?xml encoding='gbk'?>", "\ufeff"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(TOKENS), max_size=60), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_random_markup_gives_text_or_the_one_line_error(tmp_path, tokens, encoding):
    check_read(tmp_path, "".join(tokens).encode(encoding, "replace"))


def test_lxml_is_imported_only_when_a_page_is_read():
    code = ("import sys, checker.document.html, checker.document.reading; "
            "print('lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
