"""Text rules tuned on the field corpus (issue 18): layout spaces that are not slips,
spaces next to marks and after heading numerals, years that lost 年 or their dash,
list numbers fused onto figures, masked names and years, doubled words, traditional
characters, document-number brackets, terminology slips.

Each case is a short text of our own, with the rule id in the test id: a bad text
must get the rule (with the quoted span when given), its good twin must not.
"""
from __future__ import annotations

import pytest

from conftest import lint


def report(body: str, year: int = 2021, title: str | None = None) -> str:
    return f"{title or f'某县{year}年法治政府建设情况报告'}\n\n{body}\n"


def found(text: str, rule: str):
    return [f for f in lint(text, select=(rule,)) if f.rule == rule]


def quotes(text: str, rule: str) -> list[str]:
    return [f.quote for f in found(text, rule)]


BAD = [
    # P105: spaces around marks, after heading numerals, in numbers, lists in quotes
    ("P105", report("一、主要工作\n\n全年共受理案件438件 ,同比下降12%。"), "件 ,"),
    ("P105", report("一、主要工作\n\n落实行政许可和行政检查, 执法依据全部公开。"), ", 执"),
    ("P105", report("一、主要工作\n\n详见网站(www.example.gov.cn/a.html) 。"), ") 。"),
    ("P105", report("一、主要工作\n\n填表说明: 1.统计范围为全年。"), ": 1"),
    ("P105", report("一、 主要工作\n\n全年共受理案件12件。\n\n二、存在问题\n\n培训不足。"), "一、 主"),
    ("P105", report("一、主要工作\n\n全年办理行政处罚案件共2 8件。"), "2 8"),
    ("P105", report("一、主要工作\n\n推行“领导带学 集体研学 专题培训 个人自学”模式。"), "学 集"),
    ("P105", report("一、主要工作\n\n全面梳理权责事项,力 推 动 行 政 复议 化 解 争议,成效明显。"), "力 推"),
    # D101: year + month-day + 日 with 年 and 月 lost; 至 after a date
    ("D101", report("统计时限为201711日至1231日。"), "201711日"),
    ("D101", report("统计时限为201711日至1231日。"), "1231日"),
    ("D106", report("对照《法治政府建设实施纲要（20212025年）》推进工作。"), "20212025"),
    ("D107", report("制定《某县法治政府建设实施方案（2021—2021年）》。"), "2021—2021"),
    ("D107", report("制定《某县法治政府建设实施方案（2025—2021年）》。"), "2025—2021"),
    ("D108", report("对照《法治政府建设实施纲要（2015-2020）》推进工作。", 2020), "（2015-2020）"),
    ("D109", report("印发《某县法治政府建设实施方案（年）》。"), "（年）"),
    ("D110", report("2021我县共办理行政复议案件12件。"), "2021"),
    ("D110", report("今年收案较多，2023总共需办理复议案件6件。", 2023), "2023"),
    ("D110", report("2021，在县委的坚强领导下，我县法治建设取得新进展。"), "2021"),
    ("D111", report("其中：\n\n12020年，县政府新收申请188件。", 2020), "12020年"),
    # NOTE: three items in turn (two paragraphs opening 13个…, 26个… are ordinary sentences)
    ("N120", report("一、基本情况\n\n113个乡镇新收申请37件。\n\n2103个村建成公共法律服务室。\n\n325个部门完成清理。"), "113个"),
    ("N120", report("一、基本情况\n\n113个乡镇新收申请37件。\n\n2103个村建成公共法律服务室。\n\n325个部门完成清理。"), "2103个"),
    # X101: masked names and years, every occurrence
    ("X101", report("在20x1年度考评中排名第x，取得自x013年以来最好成绩。"), "20x1"),
    ("X101", report("在20x1年度考评中排名第x，取得自x013年以来最好成绩。"), "x013"),
    ("X101", report("在20x1年度考评中排名第x，取得自x013年以来最好成绩。"), "x"),
    ("X101", report("窗口地址位于*街*号，打造“*复议”品牌。"), "*"),
    ("X101", report("坚持以***新时代中国特色社会主义思想为指导。"), "***"),
    ("X101", report("深入贯彻 A总书记重要指示精神。"), "A"),
    ("X106", report("我县连续多 (略) 依法行政工作先进单位。"), "(略)"),
    ("X107", report("进一步健全制度制度，占已审结案件案件的0.61%。"), "制度"),
    ("X107", report("进一步健全制度制度，占已审结案件案件的0.61%。"), "案件"),
    ("X108", report("本年度共审查行政规范性文件共9件。"), "共审查行政规范性文件共"),
    # P112–P117: marks
    ("P112", report("按照《关于贯彻<中华人民共和国政府信息公开条例>的意见》编制。"), "<中华人民共和国政府信息公开条例>"),
    ("P113", report("印发《某县行政执法公示办法》（某政发[2020]11号）。"), "[2020]"),
    ("P113", report("依据《关于调整机构的通知》（某机编【2011】33号）。"), "【2011】"),
    ("P113", report("根据通知(国法复议(2017)72号)要求。"), "(2017)"),
    ("P114", report("不予公开信息数为0条.内容涵盖各类事项。"), "."),
    ("P114", report("复议诉讼比为 1.62.今年继续提升。"), "1.62."),
    ("P115", report("如有疑问，请与县政务公开办公室联系。（地址：某县人民路1号）。"), "。"),
    ("P116", report("利用“6.26国际禁毒日”开展宣传。"), "6.26"),
    ("P117", report("一、总体情况\n\n全年主动公开政府信息1250条，确保政府信息公开工作落到实处\n\n二、存在的问题\n\n公开不够全面。"),
     "处"),
    # W1xx
    ("W102", report("深入开展普法宣传，结合“七五”普法规划，采取多种形式。"), "“七五”普法"),
    ("W102", report("深入开展法制宣传教育，提高全民法治意识。", 2019), "法制宣传教育"),
    ("W106", report("落实《法治政府建设与责任落实督查工作规定》。"), "督查"),
    ("W106", report("深入学习贯彻习总书记重要讲话精神。"), "习总书记"),
    ("W106", report("深入学习全面依法治国新思路新理念新战略。"), "新思路新理念新战略"),
    ("W106", report("认真学习党的十九大历次全会精神。"), "十九大"),
    ("W106", report("为建设法治中国做出新贡献。"), "做出"),
    ("W108", report("取得显着成效，建立工作台帐，公示率均到达100%。"), "显着"),
    ("W108", report("取得显着成效，建立工作台帐，公示率均到达100%。"), "帐"),
    ("W108", report("取得显着成效，建立工作台帐，公示率均到达100%。"), "到达"),
    ("W108", report("群众可通过意见箱反应问题，实现一号登陆。"), "反应"),
    ("W108", report("群众可通过意见箱反应问题，实现一号登陆。"), "登陆"),
    ("W108", report("现将2020年行政执法工作总结发下：科学合理的设置栏目，极大程度的提高效率。"), "发下"),
    ("W108", report("现将2020年行政执法工作总结发下：科学合理的设置栏目，极大程度的提高效率。"), "合理的"),
    ("W108", report("上年转结政府信息公开申请0件。"), "转结"),
    ("W109", report("全县共办理行政处罚案件1250件，後续整改全部完成。"), "後"),
    ("W110", report("2020年，我縣深入推進法治政府建設，全麵加強黨的領導。", 2020, "某縣2020年法治政府建設情況報告"), None),
    ("W111", report("深入学习贯彻党的二十大和二十届中全会精神。", 2024), "二十届中全会"),
    ("W112", report("紧扣《法治政府建设实施纲要（2022—2025年）》要求。", 2025), None),
    ("W113", report("县政府深入学法治思想，坚持以新时代中国特色社会主义思想为指导。", 2022), "法治思想"),
    ("W113", report("县政府深入学法治思想，坚持以新时代中国特色社会主义思想为指导。", 2022), "新时代中国特色社会主义思想"),
    ("W114", report("2016年是五规划的开局之年。", 2016), "五"),
    ("X109", report("坚持以足彩app哪个是正规的新时代中国特色社会主义思想为指导。", 2023), None),
    ("P118", report("全年发布政务动态68余条，同比增长超过近50%。"), "68余"),
    ("P118", report("全年发布政务动态68余条，同比增长超过近50%。"), "超过近"),
]

GOOD = [
    # P105: layout spaces of real reports
    ("P105", report("一、主要工作\n\n目 录\n\n第一部分 某县司法局概况\n\n引 言\n\n本报告依据条例编制，全年受理案件12件。")),
    ("P105", "中共某县委 某县人民政府\n关于2021年度法治政府建设情况的报告\n\n全年共受理案件12件。\n"),
    ("P105", report("首页 新闻中心 信息公开 政务服务\n发布机构 区政府 发布时间 2022-03-27\n\n全年共受理案件12件。")),
    ("P105", report("一、主要工作\n\n（一）推动学法常态化，法治思维不断强化 多措并举，积极落实学法制度。")),
    ("P105", report("一、主要工作\n\n开展“学习民法典 护航美好生活”主题活动，序号1 25件。")),
    ("P105", report("一、主要工作\n\n• 有 效 性: 有效\n\n全年共受理案件12件。")),
    ("P105", report("一、主要工作\n\n本年度主要工作：全年共受理案件12件。\n\n二、存在问题\n\n一是培训不足。")),
    ("D101", report("热线电话:0578—2090823，邮编:323000。")),
    ("D101", report("统计期限自2017年1月1日至12月31日，整改时限压缩至45日。")),
    ("D106", report("对照《法治政府建设实施纲要（2021—2025年）》推进工作，热线20212025转1。")),
    ("D107", report("制定《某县法治政府建设实施方案（2021—2025年）》，2021年12月—2022年1月开展检查。")),
    ("D108", report("对照《法治政府建设实施纲要（2015—2020年）》推进工作，咨询电话（2015）。")),
    ("D109", report("印发《某县法治政府建设实施方案（2021—2025年）》，统计从业年限（年）。")),
    ("D110", report("2021年我县共办理案件2021件，培训2020余人次，使用2020版清单，2020、2021年连续获评先进，"
                    "ISO2015认证。")),
    ("D111", report("（1）2020年，县政府新收申请188件，12020元。", 2020)),
    ("N120", report("一、基本情况\n\n（1）13个乡镇新收申请37件。\n\n10月，召开会议。\n\n11月，开展检查。\n\n12个部门完成清理。")),
    ("N120", report("一、基本情况\n\n11月，召开推进会。\n\n23日，开展专项检查。")),
    ("X101", report("开展X光机安全检查，3×4个网格全覆盖，见附表A、B，获评第一批示范点，**加粗**强调。")),
    ("X106", report("策略得当，成效明显（附件略）。")),
    ("X107", report("班子成员常常研究研究工作，一步一步推进，人人学法，扎扎实实、方方面面抓落实，规范规范性文件审查。")),
    ("X108", report("公共法律服务中心共12家，共建共享项目共9个，中共某县委共召开会议5次，中华人民共和国共10部法律。")),
    ("P112", report("按照《关于贯彻〈中华人民共和国政府信息公开条例〉的意见》编制，办结率>95%且<100%。")),
    ("P113", report("印发《某县行政执法公示办法》（某政发〔2020〕11号），案件（2019）粤01行终123号已审结。")),
    ("P114", report("不予公开信息数为0条。比值为1.62，今年继续提升：1.统计范围为全年；2.数据截至年底。")),
    ("P115", report("如有疑问，请与县政务公开办公室联系（地址：某县人民路1号）。")),
    ("P116", report("利用“6·26”国际禁毒日开展宣传，办理时限1.5个工作日，增长2.5倍。")),
    ("P117", report("一、总体情况\n\n全年主动公开政府信息1250条，确保落实。\n\n第一部分 概况\n\n二、存在的问题\n\n公开不够全面，培训不足")),
    ("W102", report("圆满完成“七五”普法总结验收，全面启动“八五”普法规划。")),
    ("W102", report("深入开展法治宣传教育，“六五”法制宣传教育期间的经验得到推广。", 2019)),
    ("W101", report("深入开展法治宣传教育。", 2015)),
    ("W106", report("深入学习贯彻习近平总书记重要讲话精神和党的十九大和十九届历次全会精神，法院依法做出判决。")),
    ("W108", report("取得显著成效，建立工作台账，公示率均达到100%，到达现场，化学反应，登陆作战。")),
    ("W109", report("全县共办理行政处罚案件1250件，后续整改全部完成，编写乾隆年间地方志著作一部。")),
    ("W110", report("全县共办理行政处罚案件1250件，後续整改全部完成。")),
    ("W111", report("深入学习贯彻党的二十大和二十届三中全会精神，落实二十届中央委员会部署。", 2024)),
    ("W112", report("紧扣《法治政府建设实施纲要（2021—2025年）》和省政府《某省法治政府建设实施纲要（2022—2025年）》。",
                    2025)),
    ("W113", report("深入学习习近平法治思想，以习近平新时代中国特色社会主义思想为指导，树立法治思想观念。", 2022)),
    ("W114", report("2016年是“十三五”规划的开局之年，编制十三五规划纲要和五年规划。", 2016)),
    ("X109", report("开发“某县通”APP，下载安装量12万次，官网入口全面改版。", 2023)),
    ("P118", report("全年发布政务动态60余条，同比增长近50%，培训120余人次，发放资料1万余份，超过50%。")),
]


@pytest.mark.parametrize("rule, text, quote", BAD, ids=[f"{r}-bad-{i}" for i, (r, _, _) in enumerate(BAD)])
def test_the_slip_is_found(rule, text, quote):
    got = quotes(text, rule)
    assert got, f"{rule} missed its slip"
    if quote is not None:
        assert quote in got, f"{rule} quoted {got}, not {quote!r}"


@pytest.mark.parametrize("rule, text", GOOD, ids=[f"{r}-good-{i}" for i, (r, _) in enumerate(GOOD)])
def test_the_correct_text_stays_silent(rule, text):
    assert quotes(text, rule) == []


# -- finer points ------------------------------------------------------------------

def test_P105_a_consistent_space_after_heading_numerals_is_one_finding():
    text = report("一、主要工作\n\n1. 建立清单。\n\n2. 定期评议。\n\n3. 公开结果。")
    assert quotes(text, "P105") == ["1. 建"]


def test_P105_the_odd_spaced_heading_is_each_reported():
    text = report("一、主要工作\n\n1.建立清单。\n\n2. 定期评议。\n\n3.公开结果。\n\n4. 接受监督。")
    assert quotes(text, "P105") == ["2. 定", "4. 接"]


def test_P105_a_wrapped_sentence_line_is_running_text():
    # the second line has no comma of its own but carries on the sentence above it
    text = report("一、主要工作\n\n全县深入推进依法行政,进一步规范行政执法\n行为 全面落实三项制度。")
    assert quotes(text, "P105") == ["为 全"]


def test_P105_fixes_remove_the_space():
    f = found(report("一、主要工作\n\n全年共受理案件438件 ,同比下降12%。"), "P105")[0]
    assert f.expected == "件," and f.fixes and f.fixes[0][2] == ""


def test_D101_a_fused_full_date_keeps_its_day_mark_in_the_fix():
    f = found(report("统计期限自20171231日止。"), "D101")[0]
    assert (f.quote, f.expected) == ("20171231日", "2017年12月31日")


def test_D110_only_plausible_years_are_read():
    # 1960 is 61 years before the report: a number, not a lost 年
    assert quotes(report("全县共有1960户参加。2019我县启动改革。"), "D110") == ["2019"]


def test_W110_a_wholly_traditional_text_is_one_finding_and_W109_stays_silent():
    text = report("2020年，我縣深入推進法治政府建設，全麵加強黨的領導。縣政府常務會議專題研究。", 2020,
                  "某縣2020年法治政府建設情況報告")
    assert len(found(text, "W110")) == 1
    assert found(text, "W109") == []


def test_W109_reports_each_run_with_its_simplified_form():
    body = "推进區县體制改革，後续工作全部完成。" + "全县共办理行政处罚案件1250件，整改全部完成。" * 3
    got = found(report(body), "W109")
    assert [(f.quote, f.expected) for f in got] == [("區", "区"), ("體", "体"), ("後", "后")]


def test_X107_the_fix_removes_the_second_copy():
    f = found(report("健全制度制度。"), "X107")[0]
    assert f.quote == "制度" and f.fixes[0][2] == ""


def test_P103_a_consistently_half_width_text_is_silent_and_a_mix_is_one_finding():
    half = report("全年审结案件85件,维持61件,撤销9件,驳回15件;落实(试行)办法。")
    assert found(half, "P103") == []
    mixed = report("全年审结案件85件，维持61件，撤销9件,驳回15件，纠错率10.6%，落实“放管服”和\"谁执法谁普法\"。")
    got = found(mixed, "P103")
    assert len(got) == 2 and {f.quote for f in got} == {",", '"'}


def test_P105_the_one_style_finding_fixes_every_item_of_the_level():
    text = report("一、 主要工作\n\n全年共受理案件12件。\n\n二、 存在问题\n\n培训不足。")
    got = found(text, "P105")
    assert len(got) == 1 and len(got[0].fixes) == 2
