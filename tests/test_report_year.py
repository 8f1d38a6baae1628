"""S111 closing-year and S112 planning-year: the closing date and the plans against
the year reported on."""
from __future__ import annotations

import pytest

from conftest import rule_ids


def report(title_year: str, closing: str, plans: str = "深化行政执法体制改革。") -> str:
    return (f"某县{title_year}法治政府建设情况报告\n\n一、主要工作和成效\n\n召开常务会议4次。\n\n"
            f"二、下一步工作打算\n\n{plans}\n\n某县人民政府\n{closing}\n")


@pytest.mark.parametrize("closing, wrong", [
    ("2020年1月15日", True),     # before the year's work was done
    ("2020年9月30日", True),
    ("2020年10月8日", False),
    ("2020年12月20日", False),
    ("2021年3月5日", False),
    ("2019年12月1日", True),
    ("2022年1月3日", True),
])
def test_the_closing_date_falls_late_in_the_year_or_in_the_next(closing, wrong):
    assert ("S111" in rule_ids(report("2020年", closing))) is wrong


def test_a_year_read_off_the_closing_date_cannot_be_too_early_for_it():
    # no year in the title: the report year comes from the date (2020-08 -> 2020)
    assert "S111" not in rule_ids(report("", "2020年8月15日"))
    assert "S111" in rule_ids(report("", "2020年8月15日"), report_year=2020)


@pytest.mark.parametrize("plans, early", [
    ("2020年，我县将继续深化行政执法体制改革。", True),
    ("2021年，我县将继续深化行政执法体制改革。", False),
    ("持续巩固2020年以来的改革成果，力争再上台阶。", False),
])
def test_plans_for_the_report_year_are_copied_text(plans, early):
    assert ("S112" in rule_ids(report("2020年", "2021年1月15日", plans))) is early
