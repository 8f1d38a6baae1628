"""Mechanisms added so that reportlint generalises to reports it was not tuned on (the
held-out corpus, corpus/heldout): the page's title read from its 标题 field or its headline,
link bars and newspaper source lines as chrome, text injected by copying sites, a first
subheading run into its heading, named share bases, counts without their measure word,
ASCII quotes, cited titles without 书名号, renamed ministries, and a few date, typo and
punctuation slips.

Each case is a short text of our own, with the rule id in the test id: a bad text must get
the rule (with the quoted span when given), its good twin must not.
"""
from __future__ import annotations

import pytest

import checker
from conftest import lint


def report(body: str, year: int = 2021, title: str | None = None) -> str:
    return f"{title or f'某县{year}年法治政府建设情况报告'}\n\n{body}\n"


def gk(body: str, year: int = 2021) -> str:
    return report(body, year, f"某县{year}年政府信息公开工作年度报告")


def found(text: str, rule: str):
    return [f for f in lint(text, select=(rule,)) if f.rule == rule]


def quotes(text: str, rule: str) -> list[str]:
    return [f.quote for f in found(text, rule)]


BAD = [
    # M120: text put into the report by a copying site or a compromised page
    ("M120", report("全年共收到行政复议申请16件。【更多公文素材 ,微信:abcd1234】"), "【更多公文素材 ,微信:abcd1234】"),
    ("M120", report("落实第一资料之家—每日更新www.example.com责任人职责。"), "www.example.com"),
    ("M120", report("按照省、市abcbet体育_abcbet官网@:做好年度报告编制工作。"), "abcbet体育_abcbet官网@:"),
    ("M120", report("全年共收到行政复议申请16件。\n\n真人电子游艺平台\n\n立案受理15件。"), "真人电子游艺平台"),
    # P117: a paragraph that stops on a percentage; the body after a heading's colon
    ("P117", report("一、主要工作\n\n全年受理4955件，占收案总数的79.9%\n\n二、存在问题\n\n培训不足。"), "%"),
    ("P117", gk("一、总体情况\n(一)主动公开情况:本机关利用公告栏、电子屏等主动更新政府信息27次\n(二)依申请公开情况。全年收到申请0件。"), "次"),
    # P119: straight ASCII quotes around Chinese words
    ("P119", gk("结合\"大走访大落实\"活动，宣传解读\"创业富民30条\"等政策。"), "\"大走访大落实\""),
    ("P119", gk("结合\"大走访大落实\"活动，宣传解读\"创业富民30条\"等政策。"), "\"创业富民30条\""),
    # P120: the first subheading run into its heading
    ("P120", report("一、全市办理行政复议案件情况 (一)行政复议案件受理情况\n\n收到申请32件。\n\n"
                    "(二)行政复议申请事项分类\n\n行政处罚8件。"), " (一)"),
    # P121: a cited document title without 书名号
    ("P121", report("根据关于做好2021年全国行政复议案件统计分析工作的通知要求，现报告如下。"),
     "关于做好2021年全国行政复议案件统计分析工作的通知"),
    ("P121", gk("根据条例规定，国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》"
                "的通知(国办公开办函〔2021〕30号)要求编制本报告。"), None),
    # P122: a short title without 书名号
    ("P122", gk("本报告根据《中华人民共和国政府信息公开条例》(以下简称条例)编制。"), "条例"),
    ("P122", gk("本报告根据《中华人民共和国政府信息公开条例》(以下简称“条例”)编制。"), "“条例”"),
    # P102: a single title mark standing alone, or inside itself
    ("P102", report("落实党的十八届四中全会〈决定〉重要举措。"), "〈决定〉"),
    ("P102", report("印发《关于印发〈某县贯彻〈决定〉方案〉的通知》。"), "〈决定〉"),
    # P123: a telephone number with a dash
    ("P123", gk("如有疑问请联系县政务公开办（联系电话：0825—2223915）。"), "0825—2223915"),
    # P126: a range of dates joined by a hyphen
    ("P126", gk("本报告统计期限为2021年1月1日-12月31日。"), "-"),
    # P124: a malformed e-mail address
    ("P124", gk("如有疑问请发送电子邮件至386114195@.qq.com。"), "386114195@.qq.com"),
    # D101: a month and day whose 日 was lost before 止/起
    ("D101", gk("本报告统计期限为2021年1月1日至12月31止。"), "12月31"),
    ("D101", gk("新规定自2021年3月1起施行。"), "3月1"),
    # W106: 做出…决定; W108: 模版
    ("W106", report("县政府责令限期重新做出行政处理决定2件。"), "做出"),
    ("W108", gk("在门户网站开设政策解读专题模版。"), "模版"),
    # W102: a ministry renamed by a State Council reform, named as current
    ("W102", report("根据交通部有关文件规定，推进审批改革。", 2019), "交通部"),
    ("W102", report("按照国土资源部部署开展执法检查。", 2020), "国土资源部"),
    # T101: a share judged against the base it names
    ("T101", report("全年共收到行政复议申请63件，其中市政府收到24件。经审查，立案受理45件，占收到申请的71.4%；"
                    "不予受理12件，占收到申请的19%；作其他处理6件，占收到申请的9.6%。"), None),
    ("T101", report("共收到行政复议申请16件，立案受理15件。经过审理，维持5件，占受理案件总数的38%；"
                    "撤销、变更6件，占受案总数的46%。"), None),
    # T111: a count without its measure word
    ("T111", report("居前三位的是：行政处罚2100，占收到申请总数的33.9%；行政不作为490件，占7.9%。"), "2100"),
    ("T111", report("被诉行政案件共计6件，现其中4案件已审结。"), "4"),
    # P125: no comma between the basis and the subject
    ("P125", gk("根据《中华人民共和国政府信息公开条例》规定县政府办公室编制了本报告。"), "规定"),
    # W108: 确实 for 切实
    ("W108", report("简化办事流程，确实保证群众办事只跑一次。"), "确实"),
    # M121: the government's website given a commercial address
    ("M121", gk("报告电子版可在某市政府门户网站(http://www.example.com)下载。"), None),
    # X105: a classification mark above the title (the document's header)
    ("X105", "秘密★1年\n某县2020年法治政府建设情况报告\n\n全年召开常务会议4次。\n", "秘密★"),
    # X110: a count of the template left blank
    ("X110", gk("通过门户网站发布信息1250条，通过微信公众号编辑发布信息条。"), "条"),
]

GOOD = [
    ("M120", report("全年共收到行政复议申请16件，详见县政府门户网站（www.example.gov.cn）。【复议、应诉】")),
    ("M120", report("查处违规电子游艺场所3家，开展“扫黄打非”专项行动。")),
    ("P105", report("全年共收到行政复议申请16件。【更多公文素材 ,微信:abcd1234】")),
    ("P117", report("一、主要工作\n\n全年受理4955件，占收案总数的79.9%。\n\n二、存在问题\n\n培训不足。")),
    ("P117", gk("一、总体情况\n(一)主动公开情况:本机关主动更新政府信息27次。\n(二)依申请公开情况。全年收到申请0件。")),
    ("P119", gk("结合“大走访大落实”活动，宣传解读“创业富民30条”等政策，网址见<a href=\"x.html\">。")),
    ("P120", report("一、全市办理行政复议案件情况\n\n(一)行政复议案件受理情况\n\n适用《条例》第二十条第(一)项。\n\n"
                    "(二)行政复议申请事项分类\n\n行政处罚8件。")),
    ("N105", report("一、全市办理行政复议案件情况 (一)行政复议案件受理情况\n\n收到申请32件。\n\n"
                    "(二)行政复议申请事项分类\n\n行政处罚8件。")),
    ("P121", report("根据《关于做好2021年全国行政复议案件统计分析工作的通知》要求，现报告如下。")),
    ("P121", gk("根据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
                "(国办公开办函〔2021〕30号)要求编制本报告。")),
    ("P122", gk("本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)编制。")),
    ("P123", gk("如有疑问请联系县政务公开办（联系电话：0825-2223915），规划期为2016—2020年。")),
    ("P102", report("印发《关于印发〈某县贯彻《决定》方案〉的通知》，推进“‘放管服’改革”。")),
    ("P122", gk("推行决策、执行、管理、服务、结果公开(以下简称“五公开”)。")),
    ("P124", gk("如有疑问请发送电子邮件至386114195@qq.com。")),
    ("P126", gk("本报告统计期限为2021年1月1日至12月31日，咨询电话0825-2223915，2021年1月1日—12月31日。")),
    ("D101", gk("本报告统计期限为2021年1月1日至12月31日止，3月1日起施行，12月起草。")),
    ("W106", report("县政府责令限期重新作出行政处理决定2件，做出表率。")),
    ("W102", report("2007年被交通部评为先进单位，原国土资源部的职责已划入自然资源部，交通部门加强执法。", 2019)),
    ("W102", report("根据交通部有关文件规定，推进审批改革。", 2008)),
    ("T101", report("全年共收到行政复议申请63件，其中市政府收到24件。经审查，立案受理45件，占收到申请的71.4%；"
                    "不予受理12件，占收到申请的19%；作其他处理6件，占收到申请的9.5%。")),
    ("T101", report("共收到行政复议申请16件，立案受理15件。经过审理，维持5件，占受理案件总数的33%；"
                    "撤销、变更6件，占受案总数的40%。")),
    ("T111", report("居前三位的是：行政处罚2100件，占收到申请总数的33.9%；截至2020，占比持续下降，2020案件总量下降。")),
    ("X110", gk("通过门户网站发布信息1250条，通过微信公众号编辑发布信息36条，信息条目分类清晰。")),
    ("P125", gk("根据《中华人民共和国政府信息公开条例》规定，县政府办公室编制了本报告。根据《条例》规定编制本报告。")),
    ("W108", report("简化办事流程，切实保证群众办事只跑一次，这一做法确实有效，正确实施。")),
    ("M121", gk("报告电子版可在某市政府门户网站(http://www.example.gov.cn)下载，也可关注“某市发布”(www.example.com)。")),
    # T101: the share is of the list's total (13/73), not of its last item over the named base
    ("T101", report("全年受理复议案件73件。作出终止决定13件，其中经调解达成和解协议的4件，申请人撤回申请的9件，"
                    "占案件受理总数的17.8%。")),
    # P119: a text that mixes both forms is P103's
    ("P119", gk("坚持“无事不扰”，落实\"谁执法谁普法\"责任制。")),
]


@pytest.mark.parametrize("rule, text, quote", BAD, ids=[f"{r}-bad-{i}" for i, (r, _, _) in enumerate(BAD)])
def test_the_slip_is_found(rule, text, quote):
    got = found(text, rule)
    assert got, f"{rule} silent on {text!r}"
    if quote is not None:
        assert quote in [f.quote for f in got], [f.quote for f in got]


@pytest.mark.parametrize("rule, text", GOOD, ids=[f"{r}-good-{i}" for i, (r, _) in enumerate(GOOD)])
def test_the_correct_text_stays_silent(rule, text):
    assert found(text, rule) == []


# -- the title as the page gives it ------------------------------------------------------

LINK_BAR = ("打开适老化模式 | 无障碍 | 设为首页 | 加入收藏\n政府信息公开年报\n当前位置: 网站首页 >> 政府信息公开\n"
            "某州卫生健康委2025年政府信息公开工作年度报告\n发布日期:2026-01-15 作者: 来源:办公室\n\n"
            "一、总体情况\n\n全年主动公开政府信息120条。\n")


def test_S107_S114_a_link_bar_of_cells_is_chrome_not_the_title():
    doc = checker.parse_text(LINK_BAR)
    assert doc.title.text == "某州卫生健康委2025年政府信息公开工作年度报告"
    assert not {"S107", "S114"} & {f.rule for f in lint(LINK_BAR)}
    assert any(f.rule == "M101" and "打开适老化模式" in f.quote for f in lint(LINK_BAR))


TITLE_ROW = ("| 标题: | 某镇人民政府2025年度法治政府建设情况报告 | ||\n|---|---|---|---|\n"
             "| 索引号: | 11370305/2026-1 | 文号: | |\n| 发文日期: | 2026-01-06 | 发布机构: | 某镇人民政府 |\n"
             "2025年，某镇人民政府深入推进法治政府建设。现将有关情况报告如下：\n一、主要工作\n(一)强化组织领导\n"
             "全年召开专题会议4次。\n")


def test_S106_S115_the_title_in_the_page_title_field_is_the_title():
    doc = checker.parse_text(TITLE_ROW)
    assert doc.title is not None and doc.title.text == "某镇人民政府2025年度法治政府建设情况报告"
    assert not {"S106", "S115"} & {f.rule for f in lint(TITLE_ROW)}


HEADLINE = ("去年依法办结行政复议案件29.3万件\n\n发布时间:2024-04-28 02:36:39 来源: 某报\n\n"
            "  本报北京4月1日电 日前发布的某部2023年法治政府建设年度报告显示，全国新收行政复议案件31.5万件。\n\n"
            "  《 某某日报 》( 2024年04月02日 07 版)\n\n(责编:张三、李四)\n")


def test_S106_S107_a_news_headline_above_the_stamp_stands_in_for_the_title():
    doc = checker.parse_text(HEADLINE)
    assert doc.title is not None and doc.title.text == "去年依法办结行政复议案件29.3万件"
    rules = {f.rule for f in lint(HEADLINE)}
    assert not {"S106", "S107", "S114"} & rules


def test_M101_D104_a_newspaper_source_line_is_chrome():
    findings = lint(HEADLINE)
    assert not [f for f in findings if f.rule == "D104"]
    assert any(f.rule == "M101" and "某某日报" in f.quote for f in findings)


def test_S106_a_column_label_above_the_title_is_not_part_of_it():
    text = ("计划规划\n\n关于2018年度全省法治政府建设工作情况的报告\n\n发布时间: 2019-04-12 15:53:49\n\n"
            "2018年，全省深入推进法治政府建设。现将有关情况报告如下。\n")
    assert checker.parse_text(text).title.text == "关于2018年度全省法治政府建设工作情况的报告"


def test_S106_a_table_caption_under_the_title_is_not_part_of_it():
    text = ("某区市场监督管理局2022年行政执法年度数据统计公示\n\n(表1)行政许可实施情况统计表\n\n"
            "序号\t单位\t受理\n1\t某区市场监管局\t8131\n")
    assert checker.parse_text(text).title.text == "某区市场监督管理局2022年行政执法年度数据统计公示"


def test_S106_a_short_first_line_without_a_stamp_under_it_is_not_a_headline():
    text = "工作动态\n\n全年共收到行政复议申请16件，立案受理15件。\n"
    assert checker.parse_text(text).title is None


def test_M101_a_list_of_links_after_the_text_is_chrome():
    text = report("一、主要工作\n\n全年共受理复议案件73件，维护了社会稳定。\n"
                  "某区将建社区服务中心\n项目计划2020年投用     从某网获悉\n生态城厚植投资兴业土壤\n"
                  "马克思主义指引中国成功走上康庄大道")
    debris = [f for f in lint(text) if f.rule == "M101"]
    assert debris and "某区将建社区服务中心" in debris[-1].quote


def test_M101_a_signature_after_the_text_is_not_a_list_of_links():
    text = report("一、主要工作\n\n全年共受理复议案件73件，维护了社会稳定。\n中共某县委员会\n某县人民政府\n某县司法局")
    assert not [f for f in lint(text) if f.rule == "M101"]


def test_P119_the_fix_suggests_chinese_quotes():
    f = found(gk("结合\"大走访\"活动开展宣传。"), "P119")[0]
    assert f.expected == "“大走访”"
