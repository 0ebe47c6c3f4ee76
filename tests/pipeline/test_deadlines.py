"""Deadline phrases of every form in the conventions guide, and recurrence words."""
import pytest

from pipeline.deadlines import find_deadlines, recurrence_of


@pytest.mark.parametrize("text, date", [
    ("到2026年，", "2026-12-31"), ("到2026年底", "2026-12-31"), ("到2026年末", "2026-12-31"),
    ("2025年上半年，", "2025-06-30"), ("2025年下半年", "2025-12-31"), ("2025年底前", "2025-12-31"),
    ("2025年9月底前", "2025-09-30"), ("2024年2月底前", "2024-02-29"), ("2025年第三季度", "2025-09-30"),
    ("2026年一季度末", "2026-03-31"), ("2025年6月30日前", "2025-06-30"), ("截至2027年底", "2027-12-31"),
    ("力争到2027年", "2027-12-31"), ("2026 年 3 月", "2026-03-31"), ("2025年十二月底前", "2025-12-31"),
])
def test_deadlines_forms(text, date):
    (found,) = find_deadlines(text)
    assert found.date == date
    assert text[found.start:found.end].strip("，")


@pytest.mark.parametrize("text", ["比2024年增长30%", "较2023年提高", "（2024—2026年）", "2024-2026年",
                                  "2025年13月底前", "2025年2月30日前"])
def test_deadlines_not_deadlines(text):
    assert find_deadlines(text) == []


@pytest.mark.parametrize("text, recurrence", [
    ("每年新增企业10家", "annual"), ("每季度举办1场", "quarterly"), ("每月发布", "monthly"),
    ("年均增长8%", "none"), ("全年实现", "none"),
])
def test_deadlines_recurrence(text, recurrence):
    assert recurrence_of(text) == recurrence


@pytest.mark.parametrize("text, dates", [
    ("11月底前新增投产工程15项。", ["2022-11-30"]),  # the 底前 of a month is no 年底前
    ("力争10月底完成检修计划70%、11月底完成85%。", ["2022-10-31", "2022-11-30"]),  # 底 without 前
    ("于3月2日前报送。", ["2022-03-02"]),
])
def test_deadlines_month_without_year_is_the_year_of_issue(text, dates):
    assert [d.date for d in find_deadlines(text, 2022, 2022)] == dates
