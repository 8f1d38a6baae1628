"""stat-repeat: the same count stated twice in one report with different values.

    check: stat-repeat
    params:
      min_label: 6                     # characters of label needed to call two counts the same
      skip_kinds: [problems, next_steps]
      skip_words: [以来, 累计, 近年, 计划, 将]

全年共收到行政复议申请58件 … (later) 收到行政复议申请56件: one of them is
wrong. Two counts are "the same" only when the words of their clauses
(scope words such as 全年, 全县, 共 removed) are identical and long enough
to name one thing, their units agree, and neither sentence speaks of other
years, half-years, quarters, cumulative totals or plans, or names a department,
court or township before the count in its paragraph (县市场监管局…收到行政复议申请12件
is a part). Short labels (审结, 回复) name different
things in different places and are never compared.
"""
from __future__ import annotations

import re

from checker.checks import CheckType, Param, ParamError, register
from checker.findings import Hit
from checker.document.scope import SECTION_KINDS

_SCOPE = re.compile(r"^(?:全年|今年|本年度|本年|年内|全县|全市|全区|全镇|全省|我县|我市|我区|我镇|共计|共|累计|"
                    r"合计|其中|另|并|已|均|先后|总计|一年来|截至目前|截至年底)+")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


@register
class StatRepeat(CheckType):
    name = "stat-repeat"
    needs = ("sentences", "quantities")
    params = {
        "min_label": Param((int,), 6, minimum=2, help="label characters needed to call two counts the same"),
        "skip_kinds": Param((list,), ["problems", "next_steps"]),
        "skip_words": Param((list,), ["以来", "累计", "近年", "历年", "同期", "上年", "去年", "明年",
                                      "计划", "将", "力争", "目标", "预计", "分别", "上半年", "下半年",
                                      "季度"]),
        "skip_subjects": Param((list,), ["局", "委员会", "办公室", "法院", "检察院", "司法所", "中心", "大队",
                                         "支队", "镇", "乡", "街道", "部门", "单位", "公司", "学校"],
                               help="a sentence naming one of these speaks of a part, not the whole"),
    }

    def prepare(self, params):
        for i, kind in enumerate(params["skip_kinds"]):
            if kind not in SECTION_KINDS:
                raise ParamError(f"skip_kinds.{i}", f"unknown section kind {kind!r}")
        return params

    def run(self, doc, p, ctx):
        from checker.figures.quantities import quantities_of, unit_family  # NOTE: lazy, so loading the registry stays cheap
        skipped = set(p["skip_kinds"])
        year = ctx.report_year(doc)
        words = _any_of(p["skip_words"])
        subjects = _any_of(p["skip_subjects"])
        plain: dict = {}
        seen: dict = {}
        first_subject: dict = {}
        for q in quantities_of(doc):
            if not q.is_count or doc.kind_at(q.start) in skipped:
                continue
            s = q.sentence
            if s.start not in plain:
                plain[s.start] = _plain_sentence(s.text, words, year)
            # NOTE: a paragraph that opens with its subject (区信访局全面推行…。全年受理…) speaks of
            # that body in every sentence (where its first subject word stands: found once per
            # paragraph, not searched again for every count of a long one)
            para = s.paragraph.span.start
            if para not in first_subject:
                m = subjects.search(doc.text, para, s.paragraph.span.end)
                first_subject[para] = m.start() if m else None
            if not plain[s.start] or (first_subject[para] is not None and first_subject[para] < q.start):
                continue
            # NOTE: 案件1462件中抽查… names the same cases as 案件1426件: 中 opens a selection
            after = "" if q.after.startswith("中") else q.after
            key = (_SCOPE.sub("", q.before) + "|" + after, unit_family(q.unit))
            if len(key[0]) - 1 < p["min_label"]:
                continue
            first = seen.setdefault(key, q)
            if first is not q and first.value != q.value and first.sentence is not q.sentence:
                label = key[0].replace("|", "…").strip("…")
                yield Hit(q.start, q.end, {"label": label, "value": q.text, "first": first.text,
                                           "line": first.span.line},
                          f"{first.text}")


def _any_of(words) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _plain_sentence(text: str, words: re.Pattern, year) -> bool:
    """No other years, cumulative spans or plans in the sentence."""
    if words.search(text):
        return False
    return all(year is not None and int(y) == year for y in _YEAR.findall(text))
