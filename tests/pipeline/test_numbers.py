"""Amounts with units: numerals, scales, ranges; numbers that are labels are not amounts."""
import pytest

from pipeline import process_bytes
from pipeline.numbers import find_quantities


@pytest.mark.parametrize("text, value, value_max, unit, normalized", [
    ("300亿元", 300, None, "亿元", 3e10), ("1.1万亿元", 1.1, None, "万亿元", 1.1e12),
    ("1500万人次", 1500, None, "万人次", 1.5e7), ("三十家", 30, None, "家", 30),
    ("一百二十个", 120, None, "个", 120), ("2—3家", 2, 3, "家", 2), ("2~3家", 2, 3, "家", 2),
    ("2至3家", 2, 3, "家", 2), ("1,200家", 1200, None, "家", 1200), ("8.5%", 8.5, None, "%", 8.5),
    ("2个百分点", 2, None, "个百分点", 2), ("5000万元", 5000, None, "万元", 5e7),
    ("0.4吨标准煤", 0.4, None, "吨标准煤", 0.4), ("3.5万平方米", 3.5, None, "万平方米", 35000),
])
def test_numbers_amounts(text, value, value_max, unit, normalized):
    (q,) = find_quantities(text)
    assert (q.value, q.value_max, q.unit) == (value, value_max, unit)
    assert q.normalized == pytest.approx(normalized)


@pytest.mark.parametrize("text", ["第3位", "前10名", "5A级景区", "500强", "24小时便利店", "15分钟生活圈",
                                  "一站式服务", "一批项目", "二期工程", "〔2023〕57号", "2024年",
                                  "“十四五”", "一是"])
def test_numbers_labels_are_not_amounts(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["年产能}650万吨", "替代量达到S00万吨标准煤", "面积|120公顷"])
def test_numbers_ocr_garbled_values_are_not_amounts(text):
    """Digits glued to a stray bracket or bar, or a run of zeros a lost digit leaves: unreadable."""
    assert find_quantities(text) == []


def test_numbers_zero_point_values_stay():
    assert [(q.value, q.unit) for q in find_quantities("控制在0.5吨以内，保留0.05%")] == [(0.5, "吨"), (0.05, "%")]


def test_numbers_durations_after_a_setting_verb():
    assert [q.value for q in find_quantities("整体通关时间压缩至30小时、1.2小时以内")] == [30, 1.2]


@pytest.mark.parametrize("text, value, unit", [
    ("风机平均无故障运行时间达到6000小时以上", 6000, "小时"),
    ("储能电池使用寿命超过12000h", 12000, "h"),
])
def test_numbers_a_duration_that_is_the_goal(text, value, unit):
    # The span of operation or of life is the metric: its figure is an amount with no setting verb.
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, unit)]


def test_numbers_a_duration_without_a_goal_is_no_amount():
    assert find_quantities("开展为期40小时的培训") == []


def test_numbers_a_bare_hundred_or_thousand_a_verb_sets():
    # 开放百个应用场景: 百 alone is a hundred when a verb sets it and a counter follows; 百强 is a rank.
    assert [(q.value, q.unit) for q in find_quantities("开放百个应用场景，推广千个示范应用")] == [(100, "个"), (1000, "个")]
    assert find_quantities("培育百强企业") == []
    # 百场景 is a slogan's word: segment's words keep the amount out of it (BlockContext.inside_word)
    r = process_bytes("云江市数字行动方案（2026—2027年）\n一、目标\n到2027年，形成百场景格局。\n".encode("utf-8"), "p.txt")
    assert [t.value for t in r.targets if t.value is not None] == []


def test_numbers_half_a_month_after_a_listed_duration():
    got = [(q.value, q.unit) for q in find_quantities("分别压缩至2个月、半个月，上半个月召开")]
    assert got == [(2, "个月"), (0.5, "个月")]
