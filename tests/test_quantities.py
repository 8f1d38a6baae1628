"""Quantity extraction: what is a quantity, its value, unit, label and span."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from checker.document.outline import build
from checker.figures.quantities import cn_number, extract, quantities_of, unit_family


def one(text: str):
    found = extract(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def values(text: str) -> list[Decimal]:
    return [q.value for q in extract(text)]


# -- what counts -----------------------------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("审结79件", Decimal(79), "件"),
    ("受理行政调解案件7123起", Decimal(7123), "起"),
    ("共办理行政处罚案件1,250件", Decimal(1250), "件"),
    ("收到申请９６件", Decimal(96), "件"),
    ("受理申请５，６２０件", Decimal(5620), "件"),        # a full-width comma between full-width digits
    ("平均每个部门3.5名", Decimal("3.5"), "名"),
    ("召开两次会议", Decimal(2), "次"),
    ("下设三个协调小组", Decimal(3), "个"),
    ("共开展十期培训", Decimal(10), "期"),
    ("清理规章一百二十项", Decimal(120), "项"),
    ("累计办理惠企政策8.56万件", Decimal(85600), "件"),
    ("享受惠企资金11.47亿元", Decimal(1147000000), "元"),
    ("参加培训600人次", Decimal(600), "人次"),
    ("列席会议20 次", Decimal(20), "次"),
    ("受理热线工单8640件", Decimal(8640), "件"),     # 单 forms words only with Chinese numerals
    ("这3个问题", Decimal(3), "个"),
])
def test_counts(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (value, unit, "count")


@pytest.mark.parametrize("text, value", [
    ("调解成功率91.75%", Decimal("91.75")),
    ("调解成功率91.75 %", Decimal("91.75")),
    ("满意率９８．５％", Decimal("98.5")),
    ("满意率百分之九十一点七五", Decimal("91.75")),
    ("办结率百分之百", Decimal(100)),
])
def test_percentages(text, value):
    q = one(text)
    assert (q.value, q.kind, q.unit) == (value, "percent", "%")


def test_percentage_points_are_their_own_kind():
    q = one("纠错率较上年下降2.3个百分点")
    assert (q.value, q.kind) == (Decimal("2.3"), "points")


@pytest.mark.parametrize("text, word, bound", [
    ("调解成功率约97.8%", "约", None),
    ("调解成功率约为97.8%", "约为", None),
    ("共有600余人次参加", "余", "min"),
    ("自然人信息2000多条", "多", "min"),
    ("学习近30次", "近", "max"),
    ("平均3.5名左右", "左右", None),
    ("满意度达90%以上", "以上", "min"),
    ("超过300件", "超过", "min"),
    ("不到20人", "不到", "max"),
    ("至少5名", "至少", "min"),
])
def test_approximation_words(text, word, bound):
    q = one(text)
    assert q.approximate and q.approx == word and q.bound == bound
    assert not q.is_count


def test_exact_counts_are_counts():
    assert one("审结79件").is_count
    assert not one("8.56万件").is_count       # rounded to 万
    assert not one("3.5名").is_count


# -- what does not count ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "2020年，我县法治政府建设取得新进展",
    "2021年1月15日",
    "丹政发〔2020〕14号",
    "国办发〔2018〕37号",
    "建立12345热线交办制",
    "创新“1+4”集成治理服务模式",
    "全面落实“三项制度”",
    "落实行政执法三项制度",
    "第三次全体会议",
    "一是推进依法行政",
    "印发《关于提供法律服务的10条措施》",
    "十九届四中全会精神",
    "省委十三届七次全会",
    "利用“4.8”司法日宣传",
    "实现“一件事”一次性告知",
    "统一受理，进一步规范",
    "唯一窗口，单一渠道，其中之一",
    "“十四五”规划开局之年",
])
def test_not_quantities(text):
    assert extract(text) == []


def test_year_next_to_a_count():
    assert values("2019年全市有2000家工贸企业") == [Decimal(2000)]


# -- labels, spans, sentences -------------------------------------------------------

def test_label_before_and_after():
    q = one("收到84件行政复议申请")
    assert (q.before, q.after, q.label) == ("收到", "行政复议申请", "收到行政复议申请")


def test_labels_stop_at_neighbours():
    a, b = extract("行政审批事项由120项缩减为84项")
    assert a.before == "行政审批事项由" and b.before == "缩减为"


def test_labels_stop_at_clause_breaks():
    qs = extract("审结52件，其中维持40件、撤销8件；驳回4件")
    assert [q.before for q in qs] == ["审结", "其中维持", "撤销", "驳回"]


def test_thousands_comma_is_not_a_clause_break():
    qs = extract("受理3,125件,调解成功3,050件")
    assert [q.value for q in qs] == [3125, 3050]
    assert qs[1].before == "调解成功"


def test_spans_and_sentences_in_a_document():
    text = "某县2020年法治政府建设情况报告\n\n全县受理矛盾纠纷3125件，调解成功3050件。全年审结52件。\n"
    doc = build(text)
    qs = quantities_of(doc)
    assert [doc.text[q.start:q.end] for q in qs] == ["3125件", "3050件", "52件"]
    assert qs[0].span.line == 3 and qs[0].span.column == 9
    assert qs[0].sentence is qs[1].sentence is not qs[2].sentence
    assert "3125" in qs[0].sentence.text


def test_unit_families():
    assert unit_family("起") == unit_family("件") == unit_family("宗")
    assert unit_family("名") == unit_family("人")
    assert unit_family("项") != unit_family("件")


# -- Chinese numerals round-trip ------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def _section(x: int) -> str:
    out, zero = "", False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = x // unit_value % 10
        if d == 0:
            zero = zero or bool(out)
        else:
            out += ("零" if zero else "") + _DIGITS[d] + unit
            zero = False
    return out


def to_chinese(n: int) -> str:
    """Written the way reports write it: 10010 一万零一十, 100000 十万, 100010000 一亿零一万."""
    out, gap = "", False
    for group, unit in ((n // 10 ** 8, "亿"), (n // 10 ** 4 % 10 ** 4, "万"), (n % 10 ** 4, "")):
        if group == 0:
            gap = gap or bool(out)
            continue
        if out and (gap or group < 1000):
            out += "零"
        out += _section(group) + unit
        gap = False
    return out[1:] if out.startswith("一十") else out


@pytest.mark.parametrize("n, text", [(10, "十"), (15, "十五"), (110, "一百一十"), (105, "一百零五"),
                                     (10010, "一万零一十"), (100000, "十万"), (100010000, "一亿零一万")])
def test_writer(n, text):
    assert to_chinese(n) == text


@given(st.integers(min_value=1, max_value=10 ** 12 - 1))
@settings(max_examples=400)
def test_chinese_integers_round_trip(n):
    text = to_chinese(n)
    assert cn_number(text) == n
    assert values(f"全年共办理{text}件，") == [n]


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=99))
def test_chinese_percentages_round_trip(whole, hundredths):
    frac = f"{hundredths:02d}".rstrip("0")
    text = "百分之" + (to_chinese(whole) if whole else "零") + ("点" + "".join(_DIGITS[int(d)] for d in frac) if frac else "")
    expected = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
    assert values(f"满意率为{text}，") == [expected]


@given(st.integers(min_value=0, max_value=10 ** 9), st.integers(min_value=0, max_value=99))
def test_arabic_numbers_round_trip(n, cents):
    assert values(f"共办理{n}件，") == [n]
    assert values(f"共办理{n:,}件，") == [n]
    assert values(f"纠错率{n % 100}.{cents:02d}%。") == [Decimal(f"{n % 100}.{cents:02d}")]
    wide = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert values(f"共办理{wide}件，") == [n]


@given(st.text(max_size=80))
def test_never_crashes(text):
    for q in extract(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.clause_start <= q.lead <= q.start


_PIECES = ["受理", "案件", "1,250", "12", "三", "十", "百分之九十", "91.75", "％", "%", "件", "人", "万元", " ",
           "余", "约", "。", "，", "、", "\n", "\r\n", "一、", "（一）", "1.", "2.5", "“", "”", "《", "》", "第", "年", "１２"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_the_whole_text_scan_skips_only_sentences_without_quantities(pieces):
    doc = build("某县2020年法治政府建设情况报告\n\n" + "".join(pieces))
    one_by_one = tuple(q for s in doc.sentences for q in extract(s.text, s.span.start, s, doc))
    assert quantities_of(doc) == one_by_one
