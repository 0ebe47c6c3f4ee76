"""Indicator tables flattened into text, and formula lines: fictional tables, read by hand."""
import pytest

from pipeline import process_bytes
from pipeline.flat_tables import find_flat_tables, formula_spans

#: A fictional table printed as one run: header, then rows whose base and target values are glued.
ONE_RUN = ("专栏1 主要指标序号指　标2020年2025年年均增长属性"
           "1地区生产总值（亿元）820.51000＞4%预期性"
           "2单位地区生产总值能耗（吨标准煤/万元）0.520.45-2.9%约束性"
           "3森林覆盖率（%）41.5＞431.5个百分点约束性")


def _read(text, start=2021, end=2025):
    found = find_flat_tables(text, start, end)
    return [(t.metric, t.value, t.unit, t.comparator, t.kind, t.deadline) for t in found.targets], found


def test_flat_tables_split_glued_columns_by_the_change_column():
    got, found = _read(ONE_RUN)
    assert [g for g in got if g[4] != "baseline"] == [
        ("地区生产总值", 1000, "亿元", "eq", "level", "2025-12-31"),
        ("地区生产总值年均增长", 4, "%", "eq", "growth_rate", "2025-12-31"),
        ("单位地区生产总值能耗", 0.45, "吨标准煤/万元", "eq", "level", "2025-12-31"),
        ("单位地区生产总值能耗年均增长", -2.9, "%", "eq", "growth_rate", "2025-12-31"),
        ("森林覆盖率", 43, "%", "gt", "share", "2025-12-31"),
        ("森林覆盖率年均增长", 1.5, "个百分点", "eq", "share", "2025-12-31"),
    ]
    # The 2020 column is a baseline, never a target.
    assert [(g[0], g[1]) for g in got if g[4] == "baseline"] == [
        ("地区生产总值", 820.5), ("单位地区生产总值能耗", 0.52), ("森林覆盖率", 41.5)]
    assert found.unread == []
    for t in found.targets:  # offsets point at the digits of each cell, even where glued
        assert float(ONE_RUN[t.start:t.end].lstrip("-")) == abs(t.value)


def test_flat_tables_rows_on_their_own_lines_and_an_uncertain_split():
    text = ("专栏2 民生指标\n指标2020年2025年\n"
            "城镇新增就业人数（万人）12.515\n"        # 12.5|15 or 12.51|5: no change column to tell
            "每千人口医疗卫生机构床位数（张）6.27.0\n")  # only 6.2|7.0 is two numbers
    got, found = _read(text)
    assert [g for g in got if g[4] != "baseline"] == [
        ("每千人口医疗卫生机构床位数", 7.0, "张", "eq", "count", "2025-12-31")]  # kinds as in pipeline.tables
    assert [text[a:b] for a, b in found.unread] == ["城镇新增就业人数（万人）12.515"]


@pytest.mark.parametrize("sep", ["\n", " "])
def test_flat_tables_unit_column_one_cell_per_line_or_spaced(sep):
    cells = ["指标", "单位", "2020年", "2025年", "年均增长（%）", "属性",
             "1.地区生产总值", "亿元", "820.5", "1000", "4", "预期性",
             "2.研发经费投入强度", "%", "2.1", "2.5", "—", "预期性",
             "3.城镇调查失业率", "%", "5.2", "<5.5", "—", "预期性"]
    got, found = _read("主要指标\n" + sep.join(cells) + "\n")
    assert [g for g in got if g[4] != "baseline"] == [
        ("地区生产总值", 1000, "亿元", "eq", "level", "2025-12-31"),
        ("地区生产总值年均增长", 4, "%", "eq", "growth_rate", "2025-12-31"),
        ("研发经费投入强度", 2.5, "%", "eq", "share", "2025-12-31"),
        ("城镇调查失业率", 5.5, "%", "lt", "share", "2025-12-31"),
    ]
    assert found.unread == []


def test_flat_tables_next_row_number_glued_to_a_percent():
    text = ("专栏 主要指标 指标2015年2020年2020年比2015年增长"
            "1工业用水量（亿立方米）50.245.2-10%2城市污水处理率（%）85＞905个百分点")
    got, found = _read(text, 2016, 2020)
    assert [(g[0], g[1], g[2]) for g in got if g[4] != "baseline"] == [
        ("工业用水量", 45.2, "亿立方米"), ("工业用水量2020年比2015年增长", -10, "%"),
        ("城市污水处理率", 90, "%"), ("城市污水处理率2020年比2015年增长", 5, "个百分点")]


def test_flat_tables_history_columns_are_baselines():
    text = "附表 上期规划指标完成情况指标2015年2020年年均增长粮食产量（万吨）120125.01%"
    got, _ = _read(text, 2021, 2025)
    assert got and all(g[4] == "baseline" for g in got)


@pytest.mark.parametrize("line, formula", [
    ("计算方法：回收利用量/生活垃圾产生总量×100%。", True),
    ("2.指标计算公式：达标天数÷监测总天数×100%", True),
    ("考核指标：城市污水处理率/全部污水量×100%", True),
    ("到2025年，城市污水处理率达到95%。", False),
])
def test_flat_tables_formula_lines(line, formula):
    assert bool(formula_spans(line)) is formula


PLAN = ("某市环境保护“十四五”规划\n一、主要目标\n" + ONE_RUN + "\n"
        "专栏2 民生指标\n指标2020年2025年\n城镇新增就业人数（万人）12.515\n"
        "二、指标说明\n1.生活垃圾回收利用率\n计算方法：回收利用量/生活垃圾产生总量×100%。\n").encode("utf-8")


def test_flat_tables_notes_after_a_table_are_not_targets():
    text = ("专栏1 主要指标 指标2020年2025年年均增长工业增加值（亿元）200250＞4%"
            "注：①2020年工业增加值为200亿元，按可比价计算，统计口径由120家企业调整为150家。"
            "三、重点任务 到2025年，新增规上工业企业30家。")
    found = find_flat_tables(text, 2021, 2025)
    (a, b), = found.formulas
    assert text[a:b].startswith("注：") and text[b:].startswith("三、")
    records = process_bytes(("某县工业发展规划（2021—2025年）\n" + text + "\n").encode("utf-8"))
    got = sorted(t.value for t in records.targets if t.kind != "baseline")
    assert got == [4, 30, 250]


def test_flat_tables_a_target_beside_a_formula_is_kept():
    line = "到2025年，城市污水集中收集率（收集量/排放总量×100%）达到70%。"
    (a, b), = formula_spans(line)
    assert line[a:b] == "/排放总量×100%"
    records = process_bytes(("某市排水规划（2023—2025年）\n一、主要目标\n" + line + "\n").encode("utf-8"))
    assert [t.value for t in records.targets if t.kind != "baseline"] == [70]


def test_flat_tables_in_the_pipeline():
    records = process_bytes(PLAN, "plan.txt")
    got = {(t.metric, t.value, t.unit) for t in records.targets if t.kind != "baseline"}
    assert ("地区生产总值", 1000, "亿元") in got and ("森林覆盖率", 43, "%") in got
    assert not any(t.value in (100, 605, 431) or "（" in t.metric for t in records.targets)
    assert not any("回收利用" in t.metric for t in records.targets)  # the formula line
    glued = [w for w in records.warnings if w.code == "glued_values"]
    assert len(glued) == 1 and glued[0].text == "城镇新增就业人数（万人）12.515"
    text = PLAN.decode("utf-8")
    for t in records.targets:
        assert text[t.evidence.orig_start:t.evidence.orig_end] == t.evidence.orig_text


def test_flat_tables_numbered_notes_under_a_note_line_set_no_targets():
    text = ("某市养老服务考核办法（2024—2026年）\n一、考核指标\n1.护理型床位占比\n"
            "计算方法：护理型床位数/床位总数×100%。\n"
            "二、工作要求\n到2026年，护理型床位占比达到60%。\n"
            "注：\n1.各区应采用全部考核指标。\n2.标记的12个指标为市级监测指标，其中8个指标自动生成。\n"
            "3.服务时长不超过24小时的按日计算。\n")
    records = process_bytes(text.encode("utf-8"))
    assert [t.value for t in records.targets if t.kind != "baseline"] == [60]


#: A fictional 主要指标 table as a PDF's text layer prints it: one text line per printed line, a
#: row's values (2020年 base, 2025年 target) and its attribute on the middle line of its name or
#: on a line of their own between the name's halves, a group label (产业发展) and a page number
#: (12) between rows.
LINED = ("某县农业农村现代化“十四五”主要指标\n"
         "指标2020年2025年属性\n"
         "高标准农田建设面积（万亩）12 20约束性\n"
         "农产品加工企业营业收\n"
         "5 8预期性\n"
         "入（亿元）\n"
         "产业发展\n"
         "农村集体经济年收入\n"
         "超过十万元的行政村占比60 80预期性\n"
         "（%）\n"
         "12\n"
         "乡村旅游接待游客（万人\n"
         "120 ≥200预期性\n"
         "次）\n"
         "农村生活垃圾处理率（%）90 100约束性\n")
LINED_TARGETS = [
    ("高标准农田建设面积", 20, "万亩", "eq", "2025-12-31"),
    ("农产品加工企业营业收入", 8, "亿元", "eq", "2025-12-31"),
    ("农村集体经济年收入超过十万元的行政村占比", 80, "%", "eq", "2025-12-31"),
    ("乡村旅游接待游客", 200, "万人次", "ge", "2025-12-31"),
    ("农村生活垃圾处理率", 100, "%", "eq", "2025-12-31"),
]


def test_flat_tables_rows_broken_over_lines():
    found = find_flat_tables(LINED, 2021, 2025)
    got = [(t.metric, t.value, t.unit, t.comparator, t.deadline) for t in found.targets if t.kind != "baseline"]
    assert got == LINED_TARGETS  # the label and the page number name no metric
    # the 2020 column is a baseline, never a target
    assert [(t.metric, t.value) for t in found.targets if t.kind == "baseline"] == [
        (m, v) for (m, _, _, _, _), v in zip(LINED_TARGETS, (12, 5, 60, 120, 90))]
    for t in found.targets:  # offsets point at each cell
        assert LINED[t.start:t.end].lstrip("≥") == f"{t.value:g}"


def test_flat_tables_rows_broken_over_lines_in_the_pipeline():
    text = ("某县农业农村现代化发展规划（2021—2025年）\n二、发展目标\n" + LINED +
            "三、主要任务\n（一）提升粮食生产能力。建设一批旱涝保收的农田，\n完善灌溉设施。\n")
    records = process_bytes(text.encode("utf-8"), "plan.txt")
    got = sorted((t.metric, t.value, t.unit) for t in records.targets if t.kind != "baseline")
    assert got == sorted((m, v, u) for m, v, u, _, _ in LINED_TARGETS)
    for t in records.targets:
        assert text[t.evidence.orig_start:t.evidence.orig_end] == t.evidence.orig_text


def test_lined_tables_keep_their_line_breaks_but_prose_is_joined():
    from pipeline.lines import lined_tables
    text = LINED + "三、主要任务\n建设一批旱涝保收的高标准农田，完善\n灌溉设施。\n"
    (a, b), = lined_tables(text)
    assert text[a:].startswith("指标2020年") and text[:b].endswith("100约束性")
    # a header with a single row closed by an attribute word is no table of broken lines
    assert lined_tables("指标2025年属性\n森林覆盖率（%）45约束性\n") == []


def test_flat_tables_rows_broken_over_lines_with_a_unit_column():
    text = ("指标单位2020年2025年属性\n"
            "城乡居民人均可支配收\n"
            "万元3.2 4.5预期性\n"
            "入\n"
            "生态环境\n"
            "林木绿化率%40 42约束性\n")
    got = [(t.metric, t.value, t.unit, t.kind) for t in find_flat_tables(text, 2021, 2025).targets]
    assert got == [("城乡居民人均可支配收入", 3.2, "万元", "baseline"), ("城乡居民人均可支配收入", 4.5, "万元", "level"),
                   ("林木绿化率", 40, "%", "baseline"), ("林木绿化率", 42, "%", "share")]


def test_lined_tables_one_after_another_are_read_apart():
    from pipeline.lines import lined_tables
    one = "指标2025年属性\n某项示例指标名称\n≥5约束性\n其余部分\n另一示例指标（%）90预期性\n"
    text = one * 50
    assert len(lined_tables(text)) == 50  # each scan stops at the next header
    found = find_flat_tables(text, 2021, 2025)
    assert [(t.metric, t.value) for t in found.targets][:2] == [("某项示例指标名称其余部分", 5), ("另一示例指标", 90)]
    assert len(found.targets) == 100
