"""P111 run-on-heading: a lost 。 between a heading and its body."""
from __future__ import annotations

from conftest import lint

STYLE = ("一、主要工作\n\n（一）加强组织领导。我县成立了领导小组。\n\n（二）规范行政决策。全年审查决策事项15项。\n\n"
         "（三）{third}\n\n二、存在的问题\n\n一是学法不够深入。个别干部法治意识不强。\n\n二是执法力量不足。乡镇执法人员偏少。\n\n"
         "三是{item}\n")


def p111(text):
    return [f for f in lint(text, select=("P111",))]


def test_heading_that_swallows_its_body_is_reported_at_the_glued_opener():
    text = STYLE.format(third="强化执法监督县检察院积极履行法律监督职责，全年纠正违法行为12件。", item="备案审查质量不高。")
    (f,) = p111(text)
    assert f.expected == "强化执法监督。县检察院"
    assert text[f.start:f.end].endswith("县检察院")


def test_enumeration_item_that_swallows_its_body():
    text = STYLE.format(third="强化执法监督。县检察院积极履行职责。", item="制定年度学法计划根据上级安排部署，结合我县实际组织全体干部集中学习。")
    (f,) = p111(text)
    assert f.expected == "制定年度学法计划。根据"


def test_twins_with_the_full_stop_stay_silent():
    text = STYLE.format(third="强化执法监督。县检察院积极履行法律监督职责，全年纠正违法行为12件。",
                        item="制定年度学法计划。根据上级安排部署，结合我县实际组织全体干部集中学习。")
    assert p111(text) == []


def test_documents_written_as_running_prose_stay_silent():
    prose = ("一、主要工作\n\n（一）我县坚持把法治政府建设摆在突出位置，县政府常务会议专题研究4次。\n\n"
             "（二）全年审查重大行政决策事项15项，严格按照法定程序组织论证。\n\n"
             "（三）持续加强行政执法监督县检察院积极履行法律监督职责，全年纠正违法行为12件。\n")
    assert p111(prose) == []
