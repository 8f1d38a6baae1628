"""Front matter, page chrome, structure and numbering as real published pages show them
(issue 18): the title after page chrome, a table of contents, the report year, report
kinds, the parts of a report and when a missing one is beyond doubt, notes under tables,
headings that lost their numeral. Every case is a short text of our own; the rule id is
in the test id (pytest -k S101)."""
from __future__ import annotations

import pytest

from conftest import lint, rule_ids
from checker.document.outline import build

BODY = ("2020年，我县坚持依法行政，法治政府建设取得新进展。\n\n一、主要工作和成效\n\n"
        "县政府常务会议专题研究法治政府建设4次，县长切实履行推进法治建设第一责任人职责。\n\n")
WHOLE = BODY + ("二、存在的问题\n\n个别部门依法行政意识不强。\n\n三、下一步工作打算\n\n"
                "2021年，我县将继续深化行政执法体制改革。\n\n某县人民政府\n2021年1月20日\n")
TITLE = "某县2020年法治政府建设情况报告"


MISSING = "报告缺少“{}”部分：年度报告应写明工作成效、存在的问题和下一年度工作安排"

def rules_on(text: str, *ids: str, **config) -> list[str]:
    return [f.rule for f in lint(text, select=ids, **config)]


# -- page chrome and the title ---------------------------------------------------------

CHROME = ("今天是：2019年10月31日 星期三 农历十月初七\n工作报告\n您所在的位置：政务公开 > 工作报告\n"
          "登录 注册 退出\n首页 新闻中心 信息公开 政务服务 政民互动 专题专栏\n"
          "  • 索 引 号：123456/2021-00048\n  • 发布机构：某县人民政府\n  • 有 效 性：有效\n")


@pytest.mark.parametrize("rule", ["S106", "S107"])
def test_S106_S107_the_title_after_lines_of_page_chrome(rule):
    text = CHROME + TITLE + "\n来源：司法局 发布时间：2021-03-29 11:30\n\n" + WHOLE
    assert rule not in rule_ids(text)
    assert build(text).title.text == TITLE


def test_M101_page_chrome_is_reported_once_and_no_text_rule_looks_inside_it():
    text = CHROME + TITLE + "\n来源：司法局 发布时间：2021-03-29 11:30\n字体：【大 中 小】\n\n" + WHOLE
    found = lint(text)
    assert [f.rule for f in found if f.line <= 9 and f.rule != "M101"] == []   # no P105 in 索 引 号
    assert sum(f.rule == "M101" for f in found) >= 1
    doc = build(text)
    assert all("2019年10月31日" not in p.text for p in doc.preamble)


def test_S106_the_article_title_is_the_last_one_before_the_body():
    text = ("当前位置：首页 > 年报\n某镇2020年政府信息公开工作年度报告\n日期：2021-01-29\n分享：\n\n"
            "某镇政府信息公开工作年度报告\n\n2020年，某镇严格按照条例规定公开政府信息。\n\n一、总体情况\n\n正文。\n")
    doc = build(text)
    assert doc.title.text == "某镇政府信息公开工作年度报告"
    assert doc.metadata.published == "2021-01-29"


@pytest.mark.parametrize("head, title", [
    ("某县人民政府\n\n关于2020年度法治政府建设情况的报告\n", "某县人民政府关于2020年度法治政府建设情况的报告"),
    ("某县人民政府\n关于2020年度法治政府建设情况暨\n2021年工作安排的报告\n",
     "某县人民政府关于2020年度法治政府建设情况暨2021年工作安排的报告"),
    ("某市城市管理局2017年度\n行政执法数据\n", "某市城市管理局2017年度行政执法数据"),
    ("某市2022年度行政复议行政应诉案件\n办理情况统计分析报告\n", "某市2022年度行政复议行政应诉案件办理情况统计分析报告"),
    ("全市行政复议工作总结\n", "全市行政复议工作总结"),
    ("某市商务局2020年度行政执法统计年报\n", "某市商务局2020年度行政执法统计年报"),
    ("某市教育局2017年度法治政府\n建設情況報告\n", "某市教育局2017年度法治政府建設情況報告"),
])
def test_S106_titles_set_over_lines_and_titles_of_statistics_reports(head, title):
    doc = build(head + "\n" + BODY)
    assert "".join(doc.title.text.split()) == title


def test_S106_a_document_header_is_not_the_title_nor_page_chrome():
    text = "某委〔2026〕17号 签发人：张三 李四\n中共某县委 某县人民政府\n关于2025年度法治政府建设工作情况的报告\n" + BODY
    doc = build(text)
    assert "".join(doc.title.text.split()) == "中共某县委某县人民政府关于2025年度法治政府建设工作情况的报告"
    assert [getattr(d, "role", "") for d in doc.metadata.debris] == ["header"]
    assert "M101" not in rule_ids(text) and "P105" not in rule_ids(text)


def test_S106_a_table_caption_or_a_line_apart_is_not_the_title():
    doc = build("中华人民共和国司法部\n政府信息公开\n2019年全国行政复议案件统计数据\n来源：官网 发布时间：2020-09-29\n"
                "表1：各省受理行政复议案件情况\n省份 | 数量 | 省份 | 数量\n广东 | 31392 | 河北 | 7040\n")
    assert doc.title.text == "2019年全国行政复议案件统计数据"
    assert doc.report_kind == "fuyi"


# -- a table of contents ----------------------------------------------------------------

TOC = ("某局2016年度行政执法数据\n目 录\n第一部分 某局概况\n一、部门主要职能\n二、部门法定执法职责\n"
       "第二部分 某局2016年度行政执法数据表\n一、行政处罚实施情况统计表\n二、行政许可实施情况统计表\n"
       "第一部分 某局概况\n一、某局主要职能\n某局是区政府主管城市管理的工作部门。\n"
       "第二部分 某局2016年度行政执法数据表\n一、行政处罚实施情况统计表\n| 警告 | 罚款 |\n| 3 | 5 |\n")


def test_S105_M101_a_table_of_contents_is_neither_headings_nor_chrome():
    found = rule_ids(TOC)
    assert "S105" not in found and "M101" not in found and "X104" not in found
    doc = build(TOC)
    assert [s.heading.marker for s in doc.sections] == ["第一部分", "第二部分"]
    assert [s.kind for s in doc.sections] == ["profile", "achievements"]
    assert doc.title.text == "某局2016年度行政执法数据"


def test_N103_parts_number_their_own_sequence():
    text = "第一部分 概况\n一、职能\n正文。\n二、职责\n正文。\n第三部分 数据\n一、统计表\n正文。\n"
    assert [f.expected for f in lint(text, select=("N103",))] == ["第二部分"]
    assert "N107" not in rule_ids(text)


# -- the report year ---------------------------------------------------------------------

@pytest.mark.parametrize("text, year, basis", [
    ("今天是：2019年10月31日 星期三\n" + TITLE + "\n\n" + BODY, 2020, "title"),
    ("天津市某区人民政府 2019年12月3日星期二\n无障碍 简体| 繁体\n" + TITLE + "\n\n" + BODY, 2020, "title"),
    ("县司法局关于2021-2025年度行政复议工作总结报告\n\n正文。\n", 2025, "title"),
    ("某局法治政府建设自查报告(2016-2020)\n\n正文。\n", 2020, "title"),
    ("根据《纲要(2023—2027年)》要求，2023年，某街道深入推进法治建设。\n\n一、主要举措\n\n正文。\n",
     2023, "preamble"),
    ("本报告所列数据统计期限为2021年1月1日至2021年12月31日。\n\n一、总体情况\n\n正文。\n", 2021, "period"),
    ("一、案件办理情况\n\n2024年新受理行政复议案件151件。\n", 2024, "body"),
    ("一、主要工作\n\n正文。\n\n某县人民政府\n2021年1月20日\n", 2020, "closing"),
])
def test_S111_the_report_year_and_what_it_was_read_from(text, year, basis):
    from checker.document.language import report_year_basis
    assert report_year_basis(build(text)) == (year, basis)


def test_M102_S111_a_year_guessed_from_the_body_says_nothing():
    text = ("发布时间：2023-06-21\n\n一、案件办理情况\n\n2020年全市新收行政复议申请5件。\n\n"
            "某市司法局\n2019年1月20日\n")
    assert not {"M102", "S111"} & set(rule_ids(text, kind="fzzf"))
    stated = "某市2020年法治政府建设情况报告\n" + text
    assert {"M102", "S111"} <= set(rule_ids(stated))


def test_M102_the_writing_date_is_not_the_publication_date():
    text = "发文机关 某省人民政府 成文日期 2021年04月04日\n" + TITLE + "\n\n" + WHOLE
    assert build(text).metadata.published is None
    assert "M102" not in rule_ids(text)


# -- report kinds --------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("2021年度行政執法統計年報\n\n一、行政處罰實施情況\n\n正文。\n", "zhifa"),
    ("2023年，某区法治政府建设工作取得显著成就。\n\n一、行政复议案件情况\n\n区政府收到行政复议申请1113件。"
     "行政复议案件类型多样，行政复议纠错率为10%。\n", "fuyi"),
    ("一、总体情况\n\n本年度报告根据《中华人民共和国政府信息公开条例》编制。政府信息公开工作有序推进。\n", "zwgk"),
])
def test_S102_the_kind_from_a_traditional_title_or_the_words_of_the_opening(text, kind):
    assert build(text).report_kind == kind


# -- the parts of a report: S101, S102, S109, S113 ----------------------------------------

def test_S101_parts_named_by_topic_are_the_achievements():
    text = TITLE + "\n\n" + "一、依法全面履行政府职能\n\n（一）深化行政审批制度改革。取消审批事项5项。\n\n" \
        "二、坚持高位推动，不断健全依法行政工作体系\n\n正文。\n"
    doc = build(text)
    assert [s.kind for s in doc.sections] == ["achievements", "achievements"]


def test_S101_an_excerpt_cut_after_its_achievements_is_not_missing_its_other_parts():
    assert "S101" not in rule_ids(TITLE + "\n\n" + BODY)


def test_S101_a_part_missing_before_one_that_is_there_or_in_a_whole_text():
    skipped = TITLE + "\n\n" + BODY + "二、下一步工作打算\n\n2021年，我县将继续深化改革。\n"
    assert [f.message for f in lint(skipped, select=("S101",))] == [MISSING.format("存在的问题")]
    whole = TITLE + "\n\n" + BODY + "某县人民政府\n2021年1月20日\n"
    assert sorted(f.message for f in lint(whole, select=("S101",))) == \
        [MISSING.format("下一步工作安排"), MISSING.format("存在的问题")]
    assert "S101" not in rule_ids(TITLE + "\n\n" + WHOLE)


def test_S101_problems_stated_in_a_subsection_count():
    text = TITLE + "\n\n" + BODY + "二、下一步工作打算\n\n（一）存在的不足\n\n意识不强。\n\n（二）工作安排\n\n深化改革。\n" \
        "\n某县人民政府\n2021年1月20日\n"
    assert "S101" not in rule_ids(text)


@pytest.mark.parametrize("duty, fires", [
    ("县长主持召开县政府常务会议，专题研究法治政府建设4次。", False),
    ("县委、县政府主要负责同志带头述法。", False),
    ("黨政主要負責人履行法治建設第一責任人職責。", False),
    ("全县召开法治政府建设会议4次。", True),
])
def test_S102_the_leaders_duty_in_other_words(duty, fires):
    text = (TITLE + "\n\n一、主要工作和成效\n\n" + duty + "\n\n二、存在的问题\n\n意识不强。\n\n三、下一步工作打算\n\n"
            "深化改革。\n\n某县人民政府\n2021年1月20日\n")
    assert ("S102" in rule_ids(text)) is fires


def test_S102_only_for_whole_texts_on_2019_or_later():
    text = ("一、主要工作和成效\n\n全县召开法治政府建设会议4次。\n\n二、存在的问题\n\n意识不强。\n\n"
            "三、下一步工作打算\n\n深化改革。\n\n某县人民政府\n{date}\n")
    assert "S102" not in rule_ids("某县2017年法治政府建设情况报告\n\n" + text.format(date="2018年1月20日"))
    assert "S102" not in rule_ids("某县2020年法治政府建设情况报告\n\n" + text.split("某县人民政府")[0])
    assert "S102" in rule_ids("某县2020年法治政府建设情况报告\n\n" + text.format(date="2021年1月20日"))


def test_S109_only_where_the_report_visibly_ends():
    assert "S109" not in rule_ids(TITLE + "\n\n" + BODY)          # cut after the achievements
    ended = TITLE + "\n\n" + BODY + "二、存在的问题和下一步工作打算\n\n意识不强。2021年将深化改革。\n"
    assert "S109" in rule_ids(ended)
    assert "S109" not in rule_ids(ended + "\n某县人民政府\n2021年1月20日\n")


def test_S113_a_whole_disclosure_report_without_its_problems_part():
    head = "某镇2018年政府信息公开工作年度报告\n\n一、主动公开政府信息的情况\n\n全年主动公开信息120条。\n\n"
    end = "某县某镇人民政府\n2019年1月20日\n"
    assert "S113" in rule_ids(head + end)
    assert "S113" not in rule_ids(head)                                  # an excerpt
    assert "S113" not in rule_ids(head + "二、存在的主要问题及改进情况\n\n更新不够及时。\n\n" + end)


# -- empty sections: S105 ---------------------------------------------------------------

@pytest.mark.parametrize("text, fires", [
    ("一、主要工作\n\n（一）行政执法主体\n\n1.本级行政机关：某县林业局\n\n2.二级单位：某县执法大队\n\n"
     "（二）执法岗位\n\n设置岗位8个。\n", False),
    ("（三）推行重大执法决定法制审核制度\n\n1.重大执法决定法制审核全覆盖。\n\n2.成立法制审核机构，由法律顾问参与。"
     "审核案件12件。\n", False),
    ("二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 |\n| 规章 | 2 |\n\n三、其他\n\n无。\n", False),
    ("一、2022年主要措施\n\n一、加强组织领导\n\n召开会议4次。\n", False),
    ("一、执法主体\n\n（一）名称和数量。\n\n某局。\n\n（二）其他需要说明的情况。\n\n二、执法情况\n\n正文。\n", True),
])
def test_S105_items_tables_and_mis_numbered_parts_are_not_empty_sections(text, fires):
    assert ("S105" in rule_ids(text)) is fires


# -- notes under tables and lost numerals: N101, N102, N105, N107, X104 ----------------------

NOTES = ("一、行政许可实施情况\n\n| 申请数量 | 受理数量 |\n| 5 | 5 |\n\n说明：\n\n"
         "1、“申请数量”的统计范围为统计年度1月1日至12月31日期间收到的申请数量。\n\n"
         "2、“受理数量”为作出受理决定的数量。\n\n二、行政处罚实施情况\n\n| 警告 | 罚款 |\n| 1 | 2 |\n\n"
         "填表说明：1.统计范围为2021年度1月1日至12月31日。\n2.“申请数量”的统计范围为统计年度1月1日至12月31日期间收到的申请数量。\n")


@pytest.mark.parametrize("rule", ["N102", "N105", "N107", "X104", "S105"])
def test_N102_N105_N107_X104_notes_under_a_table_are_a_list_not_headings(rule):
    assert rule not in rule_ids(NOTES)


def test_N102_numbered_headings_outside_notes_still_count():
    assert "N102" in rule_ids("一、主要工作\n\n1、加强组织领导\n\n召开会议4次。\n\n2、规范执法\n\n正文。\n")


def test_N101_a_part_heading_that_lost_its_numeral():
    text = ("一、基本情况\n\n2020年是实施方案收官之年。\n\n主要工作\n\n（一）党政主要负责人履行第一责任人职责\n\n"
            "区委书记切实履行职责。\n")
    found = lint(text, select=("N101",))
    assert [(f.line, f.expected) for f in found] == [(5, "二、")]
    under_part = "第一部分 行政执法总体情况\n行政执法信息情况\n根据方案组建执法队伍。\n二、行政执法情况综述\n正文。\n"
    assert [(f.rule, f.expected) for f in lint(under_part, select=("N101", "N105"))] == [("N101", "一、")]


def test_N101_a_short_line_that_names_no_part_stays_text():
    text = "一、基本情况\n\n2020年是实施方案收官之年。\n\n坚持党的领导\n\n（一）加强领导\n\n正文。\n"
    assert "N101" not in rule_ids(text)


# -- the title names the body: S114 --------------------------------------------------------

@pytest.mark.parametrize("title, fires", [
    ("2021年度行政执法统计年报", True),
    ("2015年政府信息公开工作年度报告", True),
    ("法治政府建设情况年度报告", True),
    ("某街2021年政府信息公开工作年度报告", False),
    ("關於2021年度法治政府建設情況的報告", False),          # 关于…: the body is in the masthead
    ("2019年全国行政复议案件统计数据", False),
    ("某县人民政府2020年法治政府建设情况报告", False),
])
def test_S114_the_title_names_the_body_that_reports(title, fires):
    assert ("S114" in rules_on(title + "\n\n一、主要工作\n\n正文。\n", "S114")) is fires


def test_M101_a_publisher_and_date_stamp_and_a_title_with_a_dun_hao():
    text = ("登录 注册 退出\n【复议、应诉】2020年度某省行政复议和行政应诉案件数据统计\n"
            "栏目：某省司法厅-通知公告 发布时间：2020-12-30 加入收藏\n"
            "【复议、应诉】2020年度某省行政复议和行政应诉案件数据统计\n某省政务公开办  2021/3/26\n\n"
            "按照通知要求，我厅对2020年全省行政复议案件进行了统计。\n\n一、基本情况\n\n正文。\n")
    doc = build(text)
    assert doc.title.span.line == 4
    assert [d.span.line for d in doc.metadata.debris] == [1, 2, 3, 5]
    assert doc.metadata.published == "2020-12-30"
    assert "P105" not in rule_ids(text)


def test_S106_a_label_above_the_title_takes_no_value():
    text = "更新时间：\n某区人民政府办公室\n2020年政府信息公开工作年度报告\n根据条例规定编制本报告。\n一、总体情况\n正文。\n"
    assert "".join(build(text).title.text.split()) == "某区人民政府办公室2020年政府信息公开工作年度报告"


# -- a title run into the text, page markers of document-sharing sites: S115, S106, M101 ----

@pytest.mark.parametrize("line, title", [
    ("某县人民政府关于2020年度法治政府建设情况的报告2020年，我县坚持依法行政，取得新进展。",
     "某县人民政府关于2020年度法治政府建设情况的报告"),
    ("某某之家—资源每日更新www.example.com某省人民政府关于2023年度法治政府建设情况的报告2023年，省政府坚持依法行政。",
     "某省人民政府关于2023年度法治政府建设情况的报告"),
])
def test_S115_S106_a_title_run_into_the_first_sentence(line, title):
    text = line + "\n一、主要工作和成效\n正文。\n"
    assert build(text).title.text == title
    found = rule_ids(text)
    assert "S115" in found and "S106" not in found


def test_S115_a_sentence_citing_a_report_is_not_a_title():
    text = "根据《关于做好2021年度政府信息公开工作年度报告编制工作的通知》要求编制本报告，现予公布。\n一、总体情况\n正文。\n"
    assert build(text).title is None
    assert "S115" not in rule_ids(text)


def test_M101_N102_page_markers_of_a_document_sharing_site():
    long = "全市行政复议案件审结率达到百分之九十以上，行政复议的公信力不断提升，群众满意度持续上升，复议案件纠错率为百分之十"
    text = ("某市行政复议工作分析报告.docx\n"
            f"1、某市2017年行政复议工作分析报告根据通知要求，现将有关情况报告如下：{long}\n"
            f"2、经开庭审理的案件实现案结事了。{long}\n3、复议决定书网上公开。\n")
    found = lint(text)
    assert "N102" not in [f.rule for f in found]
    assert sorted(f.line for f in found if f.rule == "M101") == [1, 3, 4]
