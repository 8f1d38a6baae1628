"""The line grammar and the outline builder: headings, sections, title, closing."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from checker.document.outline import build, classify
from checker.document.parser import grammar_text


def headings(text):
    return [(h.level, h.numeral, h.malformed, h.text) for h in build(text).headings]


@pytest.mark.parametrize("line,level,numeral,malformed", [
    ("一、主要工作", 1, "一", None),
    ("十一、其他工作", 1, "十一", None),
    ("二十三、其他工作", 1, "二十三", None),
    ("（一）加强领导", 2, "一", None),
    ("(一)加强领导", 2, "一", None),
    ("1.完善制度", 3, "1", None),
    ("1．完善制度", 3, "1", None),
    ("12.完善制度", 3, "12", None),
    ("（1）健全机制", 4, "1", None),
    ("(1)健全机制", 4, "1", None),
    ("、存在的问题", 1, None, "missing-numeral"),
    ("()领导干部", 2, None, "missing-numeral"),
    ("（）领导干部", 2, None, "missing-numeral"),
    ("一.主要工作", 1, "一", "wrong-delimiter"),
    ("一，主要工作", 1, "一", "wrong-delimiter"),
    ("1、完善制度", 3, "1", "wrong-delimiter"),
    ("(一)、加强领导", 2, "一", "wrong-delimiter"),
    ("（1）、健全机制", 4, "1", "wrong-delimiter"),
    ("　　（一）加强领导", 2, "一", None),
    ("## 一、主要工作", 1, "一", None),
])
def test_heading_forms(line, level, numeral, malformed):
    found = headings("标题\n\n" + line + "\n正文。\n")
    assert found and found[0][:3] == (level, numeral, malformed)


@pytest.mark.parametrize("line", [
    "1.2万亿元的投资全部到位。", "2019年是关键之年。", "一是加强领导。", "12345热线受理诉求。",
    "三、四个部门联合开展检查。", "十八大以来成效显著。",
])
def test_body_lines_are_not_headings(line):
    assert headings("标题\n\n" + line + "\n") == []


def test_markdown_bold_headings():
    doc = build("**一、主要工作和成效**\n\n正文。\n\n## **（一）深化“放管服”改革**\n\n正文。\n\n__二、存在的问题__\n")
    assert [(h.level, h.text, h.marker) for h in doc.headings] == [
        (1, "主要工作和成效", "一、"), (2, "深化“放管服”改革", "（一）"), (1, "存在的问题", "二、")]
    assert [s.kind for s in doc.sections] == ["achievements", "problems"]


def test_heading_that_runs_into_its_body_ends_at_the_first_full_stop():
    doc = build("（一）加强组织领导。我县成立了领导小组。\n")
    h = doc.headings[0]
    assert h.text == "加强组织领导。"
    assert doc.sections[0].paragraphs[0].text == "我县成立了领导小组。"
    assert doc.text[h.span.start:h.span.end] == "（一）加强组织领导。"


def test_sections_nest_by_level_and_restart():
    doc = build("一、甲\n（一）子一\n1.孙\n（二）子二\n二、乙\n（一）子\n")
    assert [s.heading.text for s in doc.sections] == ["甲", "乙"]
    assert [c.heading.text for c in doc.sections[0].children] == ["子一", "子二"]
    assert doc.sections[0].children[0].children[0].heading.level == 3


def test_empty_parens_under_a_third_level_heading_become_fourth_level():
    doc = build("一、甲\n1.子\n()孙\n")
    assert doc.headings[-1].level == 4


@pytest.mark.parametrize("after, level", [
    ("（五）戊\n", 2),          # the next （五）: this was the （四）
    ("1.子\n", 2),             # it has a 1. of its own: a （一）-level heading
    ("(2)孙\n", 4),            # the next (2): this was the (1)
    ("", 2),                   # nothing decides: the （三） above it has a sibling to follow
])
def test_a_nameless_paren_after_a_numbered_list_takes_its_level_from_what_follows(after, level):
    doc = build("一、甲\n（三）丙\n1.子\n2.丑\n（）丁\n" + after)
    nameless = next(h for h in doc.headings if h.text == "丁")
    assert nameless.level == level


@pytest.mark.parametrize("heading,kind", [
    ("主要内容", "achievements"), ("2020年法治政府建设工作开展情况", "achievements"),
    ("推进法治政府建设的主要举措和成效", "achievements"), ("存在困难", "problems"),
    ("存在的问题及建议", "problems"), ("法治政府建设存在的不足与问题", "problems"),
    ("当前法治政府建设工作存在问题的对策打算", "next_steps"),
    ("下一步法治政府建设的工作思路", "next_steps"), ("下一步工作安排", "next_steps"),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "responsibility"),
    ("附件", "other"),
    # a heading that opens with an action verb names a measure, not a problem
    ("坚持问题导向，深入推进依法行政", "other"), ("推动解决群众急难愁盼问题", "other"),
    ("2021年聚焦企业群众急难愁盼问题", "other"), ("存在的短板弱项", "problems"),
    ("存在的问题和下一步工作打算", "next_steps"),
])
def test_section_kinds(heading, kind):
    assert classify(heading) == kind


def test_unnamed_parts_before_the_problems_are_achievements():
    doc = build("某县2021年法治政府建设情况报告\n\n一、持续深化“放管服”改革\n正文。\n\n"
                "二、坚持问题导向，推进严格规范公正文明执法\n正文。\n\n三、存在的问题\n正文。\n\n"
                "四、下一步工作打算\n正文。\n\n五、附件\n正文。\n")
    assert [s.kind for s in doc.sections] == ["achievements", "achievements", "problems", "next_steps", "other"]
    assert [c.kind for c in doc.sections[0].children] == []
    # with no problems or next-steps part at all (an excerpt, a report of the year's work
    # only), the parts named by topic report the work done
    doc = build("某县2021年法治政府建设情况报告\n\n一、持续深化“放管服”改革\n正文。\n")
    assert [s.kind for s in doc.sections] == ["achievements"]


def test_title_debris_publication_date_and_closing():
    text = ("当前位置：首页 > 信息公开\n发布时间：2021-03-02 浏览次数：12\n\n"
            "某县2020年法治政府建设情况报告\n\n2020年，我县依法行政。\n\n一、主要工作\n正文。\n\n"
            "中共某县委员会\n某县人民政府\n2021年1月15日\n\n扫一扫在手机打开当前页\n")
    doc = build(text)
    assert doc.title.text == "某县2020年法治政府建设情况报告"
    assert doc.metadata.published == "2021-03-02"
    assert len(doc.metadata.debris) == 3
    assert doc.closing.organisations == ("中共某县委员会", "某县人民政府")
    assert doc.closing.date == "2021-01-15"
    assert doc.report_year == 2020
    assert [p.text for p in doc.preamble] == ["2020年，我县依法行政。"]


def test_fullwidth_digits_name_the_year_and_the_dates():
    text = ("发布时间：２０２１年３月２日\n\n某县２０２０年法治政府建设情况报告\n\n一、主要工作\n正文。\n\n"
            "某县人民政府\n２０２１年１月１５日\n")
    doc = build(text)
    assert doc.report_year == 2020
    assert doc.closing.date == "2021-01-15" and doc.closing.date_text == "２０２１年１月１５日"
    assert doc.metadata.published == "2021-03-02"
    assert text[doc.metadata.published_span.start:doc.metadata.published_span.end] == "２０２１年３月２"


@pytest.mark.parametrize("closing, iso", [
    ("二〇二一年一月十五日", "2021-01-15"), ("二○二二年十二月三十一日", "2022-12-31"),
    ("二〇二二年四月二十日", "2022-04-20"), ("二〇二一年二月三十日", None),
])
def test_closing_dates_in_chinese_numerals(closing, iso):
    doc = build(f"二〇二〇年度法治政府建设情况报告\n\n一、主要工作\n正文。\n\n某县人民政府\n{closing}\n")
    assert doc.closing.date_text == closing and doc.closing.date == iso
    assert doc.report_year == 2020


def test_a_date_above_the_signature():
    text = "某县2021年法治政府建设情况报告\n\n一、主要工作\n正文。\n\n2022年1月15日\n某县司法局\n"
    doc = build(text)
    assert doc.closing.organisations == ("某县司法局",) and doc.closing.date == "2022-01-15"
    assert text[doc.closing.span.start:doc.closing.span.end] == "2022年1月15日\n某县司法局"
    assert doc.sections[0].paragraphs[-1].text == "正文。"


def test_key_and_value_on_separate_lines():
    doc = build("发布日期:\n2020-05-12\n信息名称:\n关于2019年度法治政府建设情况的报告\n"
                "关于2019年度法治政府建设情况的报告\n\n一、工作情况\n正文。\n")
    assert doc.metadata.published == "2020-05-12"
    assert doc.title.text == "关于2019年度法治政府建设情况的报告"


def test_cover_letter_and_its_signature():
    doc = build("某市人民政府:\n\n现将我市2019年度法治政府建设情况报告予以呈报，请审阅。\n\n某市人民政府\n"
                "2020年3月12日\n\n2019年度法治政府建设情况报告\n\n一、工作情况\n正文。\n")
    assert doc.cover_letter[0].text == "某市人民政府:"
    assert doc.closing.date == "2020-03-12"
    assert doc.title.text == "2019年度法治政府建设情况报告"


@pytest.mark.parametrize("front, title", [
    ("# 某县2021年法治政府建设情况报告\n", "某县2021年法治政府建设情况报告"),              # Markdown
    ("**某县2021年法治政府建设情况报告**\n", "某县2021年法治政府建设情况报告"),
    ("某县2021年度\n法治政府建设情况报告\n", "某县2021年度\n法治政府建设情况报告"),      # broken in two
    ("某市人民政府：\n\n现将我县2021年法治政府建设情况报告如下。\n\n某县2021年法治政府建设情况报告\n",
     "某县2021年法治政府建设情况报告"),                                                 # addressee, no formula
    ("某市人民政府：\n\n现将报告随文呈报，请审阅。\n\n特此报告。\n\n附件：某县2021年法治政府建设情况报告\n\n"
     "某县人民政府\n2022年2月16日\n\n某县2021年法治政府建设情况报告\n", "某县2021年法治政府建设情况报告"),
    ("分享到：\n某县2021年法治政府建设情况报告\n", "某县2021年法治政府建设情况报告"),           # a button, no value
    ("字号：[ 大 中 小 ]　　打印本页\n某县2021年法治政府建设情况报告\n", "某县2021年法治政府建设情况报告"),
])
def test_title_variants(front, title):
    text = front + "\n2021年，我县深入推进依法行政。\n\n一、主要工作和成效\n正文。\n"
    doc = build(text)
    assert doc.title.text == title
    assert text[doc.title.span.start:doc.title.span.end] == title
    assert doc.report_year == 2021


def test_a_cover_letters_signature_is_the_closing_when_the_report_has_none():
    doc = build("某市人民政府：\n\n现将报告随文呈报，请审阅。\n\n特此报告。\n\n某县人民政府\n2022年2月16日\n\n"
                "某县2021年法治政府建设情况报告\n\n一、主要工作和成效\n正文。\n")
    assert doc.closing.organisations == ("某县人民政府",) and doc.closing.date == "2022-02-16"
    assert [p.text for p in doc.cover_letter][-1] == "特此报告。"


def test_report_with_no_headings_and_no_title():
    doc = build("今年我们做了很多工作。\n明年继续努力。\n")
    assert doc.sections == () and doc.title is None
    assert len(doc.preamble) == 2


def test_empty_input():
    doc = build("")
    assert doc.sections == () and doc.title is None and doc.closing is None


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_are_characters_in_the_original_text(newline):
    text = newline.join(["标题２０２０年法治政府建设报告", "", "一、主要工作", "（一）甲。正文"]) + newline
    doc = build(text)
    h = doc.headings[1]
    assert (h.span.line, h.span.column) == (4, 1)
    assert text[h.span.start:h.span.end] == "（一）甲。"


FRAGMENTS = st.sampled_from(["一、", "（一）", "(", ")", "1.", "（1）", "、", "()", "一是", "。", "\n", "\r\n",
                             "2020年", "发布时间：", "当前位置：", "某县人民政府", "2021年1月5日", "　", "#", "%"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40))
def test_parser_never_raises(parts):
    text = "".join(parts)
    doc = build(text)
    for h in doc.headings:
        assert 0 <= h.span.start <= h.span.end <= len(text)


ROW_FRAGMENTS = st.sampled_from(["|", "｜", "\t", " | ", "\n", "\r\n", "指标", "2020", "一、", "（1）", "　", "—"])


@pytest.fixture(scope="module")
def lexers():
    import sys
    from lark import Lark
    from checker.document.parser import grammar_text
    if sys.version_info < (3, 11):
        pytest.skip("possessive repeats need Python 3.11")
    make = lambda g: Lark(g, parser="lalr", lexer="contextual", maybe_placeholders=False)  # noqa: E731
    return make(grammar_text(possessive=True)), make(grammar_text(possessive=False))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(ROW_FRAGMENTS, FRAGMENTS, st.text(max_size=6)), max_size=40))
def test_possessive_repeats_match_as_plain_greedy_ones(lexers, parts):
    # the grammar as shipped, and as Python 3.10 reads it: the same tokens
    text = "".join(parts)
    tokens = [[(t.type, t.start_pos, t.end_pos) for t in lark.lex(text)] for lark in lexers]
    assert tokens[0] == tokens[1]
    assert "]*+" in grammar_text() and "]*+" not in grammar_text(possessive=False)


def test_a_wrapped_line_ending_in_zhengfu_is_not_a_masthead():
    doc = build("某县2020年法治政府建设情况报告\n\n现将《某县2020年度法治政府\n建设情况报告》予以呈报。\n\n一、主要工作\n正文。\n")
    assert [p.text for p in doc.preamble] == ["现将《某县2020年度法治政府", "建设情况报告》予以呈报。"]


def test_impossible_yaml_date_is_a_clear_error(tmp_path):
    import pytest
    from checker.errors import ReportlintError
    from checker.yamlio import load_yaml_file
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - when: 2020-13-01\n", encoding="utf-8")
    with pytest.raises(ReportlintError, match="bad.yaml"):
        load_yaml_file(bad)


# -- the line classifier against Lark's own lexer (issue 22) --------------------------

@pytest.fixture(scope="module")
def reference_lark():
    """The grammar parsed as Lark parses it by itself: its contextual lexer, no cache."""
    from lark import Lark
    return Lark(grammar_text(), parser="lalr", lexer="contextual", maybe_placeholders=False)


def _tree(tree):
    return [(item.data, [(t.type, str(t), t.start_pos, t.end_pos) for t in item.children])
            for item in tree.children]


def _real_texts():
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    for folder, pattern in (("examples", "*"), ("tests/fixtures", "**/*"), ("corpus/field", "*.txt"),
                            ("corpus/heldout", "*.txt")):
        for path in sorted((root / folder).glob(pattern)):
            if path.suffix in (".txt", ".md") and path.is_file():
                yield path.read_text(encoding="utf-8", errors="replace")


def test_line_classifier_gives_larks_own_parse_on_every_real_text(reference_lark):
    from checker.document.parser import _lark
    texts = list(_real_texts())
    assert len(texts) > 200
    for text in texts:
        assert _tree(_lark().parse(text)) == _tree(reference_lark.parse(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(ROW_FRAGMENTS, FRAGMENTS, st.sampled_from(
    ["第一部分", "第二部分：", "二．", "三,", "（  ）", "**", "__", "## ", "> ", "ICP备", "索 引 号", "/a/b/",
     "相关链接", "信息公开", "附件：", "十一、", "1、", "2，“", "3.5%", "（2）、"]), st.text(max_size=6)), max_size=50))
def test_line_classifier_gives_larks_own_parse_on_generated_reports(reference_lark, parts):
    from checker.document.parser import _lark
    text = "".join(parts)
    assert _tree(_lark().parse(text)) == _tree(reference_lark.parse(text))
