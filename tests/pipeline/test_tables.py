"""Tab-separated indicator tables (pipeline.tables): fictional rows, read by hand."""
from pipeline.tables import find_indicator_targets

TABLE = ("指标\t单位\t2020年\t2025年\t年均增长\t属性\n"
         "地区生产总值\t亿元\t820\t1000\t4%\t预期性\n"
         "森林覆盖率\t%\t41.5\t43\t1.5个百分点\t约束性\n"
         "单位地区生产总值能耗\t吨标准煤/万元\t0.52\t0.45\t-2.9%\t约束性\n")


def _read(start, end):
    return [(t.metric, t.value, t.unit, t.kind, t.deadline) for t in find_indicator_targets(TABLE, start, end)]


def test_tables_base_year_is_a_baseline_even_without_a_period():
    for start, end in ((None, None), (2021, 2025)):
        got = _read(start, end)
        assert [g[:2] for g in got if g[3] == "baseline"] == [
            ("地区生产总值", 820), ("森林覆盖率", 41.5), ("单位地区生产总值能耗", 0.52)]


def test_tables_change_cells_carry_their_own_unit_and_sign():
    got = [g for g in _read(None, None) if g[3] != "baseline"]
    assert got == [
        ("地区生产总值", 1000, "亿元", "level", "2025-12-31"),
        ("地区生产总值", 4, "%", "growth_rate", "2025-12-31"),
        ("森林覆盖率", 43, "%", "share", "2025-12-31"),
        ("森林覆盖率", 1.5, "个百分点", "share", "2025-12-31"),
        ("单位地区生产总值能耗", 0.45, "吨标准煤/万元", "level", "2025-12-31"),
        ("单位地区生产总值能耗", -2.9, "%", "growth_rate", "2025-12-31"),
    ]
