"""Table recognition: pipe, tab and aligned-column rows become Table nodes."""
from __future__ import annotations

from checker.document.outline import build

PIPE = """一、主要工作
（一）行政复议。全年新受理行政复议案件120件，具体情况见下表：
| 类别 | 行政处罚 | 信息公开 | 其他 |
|---|---|---|---|
| 数量 | 60件 | 40件 | 20件 |
| 占比 | 50.00% | 33.33% | 16.67% |
其他工作正常开展。
"""


def test_pipe_table_with_markdown_separator_and_caption():
    doc = build(PIPE)
    (table,) = doc.tables
    assert (table.n_rows, table.n_columns) == (3, 4)
    assert [c.text for c in table.rows[1]] == ["数量", "60件", "40件", "20件"]
    assert table.caption and "见下表" in table.caption.text
    assert table.header_row and table.header_column
    cell = table.rows[1][1]
    assert doc.text[cell.span.start:cell.span.end] == "60件"
    section = doc.sections[0].children[0]
    assert section.tables == (table,)
    assert [p.text for p in section.paragraphs][-1] == "其他工作正常开展。"


def test_tab_separated_table_with_total_row_and_unit():
    text = "一、执法\n执法案件情况（单位：件）：\n类别\t数量\n简易程序\t430\n一般程序\t820\n合计\t1250\n"
    (table,) = build(text).tables
    assert table.n_rows == 4 and table.unit == "件"
    assert [r[0].text for r in table.rows] == ["类别", "简易程序", "一般程序", "合计"]


def test_aligned_columns_table():
    text = "一、调解\n表1 各乡镇调解情况\n乡镇      受理      成功      成功率\n东河镇    120       118       98.33%\n西岭乡    85        80        94.12%\n"
    (table,) = build(text).tables
    assert (table.n_rows, table.n_columns) == (3, 4)
    assert table.caption.text == "表1 各乡镇调解情况"


def test_a_lone_row_is_text_and_prose_is_not_a_table():
    doc = build("一、工作\n甲 | 乙 | 丙\n我县开展了工作。\n全年受理  120件，办结  118件，  办结率98.33%。\n")
    assert doc.tables == ()
    assert [p.text for p in doc.sections[0].paragraphs][0] == "甲 | 乙 | 丙"


def test_table_in_parse_json():
    from checker.formatters.outline_format import to_json
    data = to_json(build(PIPE))
    child = data["sections"][0]["children"][0]
    assert child["tables"] == [{"line": 3, "rows": 3, "columns": 4}]
