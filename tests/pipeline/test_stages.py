"""The stage registry chains: each stage accepts what the previous one returns."""
import inspect
import typing

from pipeline import STAGES, process_bytes
from pipeline.decode import decode


def test_stages_chain_types():
    previous = typing.get_type_hints(decode)["return"]
    for stage in STAGES:
        hints = typing.get_type_hints(stage)
        first = next(iter(inspect.signature(stage).parameters))
        assert hints[first] is previous, stage.__name__
        previous = hints["return"]


def test_stages_process_bytes_minimal_plan():
    text = "云江市测试行动方案（2025—2027年）\n一、主要目标\n到2027年，全市新增示范企业30家。\n"
    records = process_bytes(text.encode("utf-8"), "mini.txt")
    assert records.plan.period_end == 2027
    assert [(t.value, t.unit, t.kind, t.deadline) for t in records.targets] == [(30, "家", "increment", "2027-12-31")]


def test_stages_misprinted_validity_date_is_no_deadline():
    text = "南江市促进消费若干措施\n1、扩大消费。新增商户30家。\n本措施有效期至2027年11月37日。\n"
    records = process_bytes(text.encode("utf-8"), "bad-date.txt")
    assert [t.deadline for t in records.targets] == [None]


def test_stages_indicator_table_rows_are_targets_and_baselines():
    text = ("北坡区商贸发展规划（2024—2026年）\n一、主要指标\n指标\t单位\t2023年\t2026年\t属性\n"
            "1.社会消费品零售总额\t亿元\t420\t500以上\t预期性\n2.网络零售额占比（%）\t\t18.5\t≥25\t预期性\n")
    records = process_bytes(text.encode("utf-8"), "table.txt")
    got = [(t.metric, t.value, t.unit, t.comparator, t.kind, t.deadline) for t in records.amounts()]
    assert got == [
        ("社会消费品零售总额", 500, "亿元", "ge", "level", "2026-12-31"),
        ("网络零售额占比", 25, "%", "ge", "share", "2026-12-31"),
        ("社会消费品零售总额", 420, "亿元", "eq", "baseline", None),
        ("网络零售额占比", 18.5, "%", "eq", "baseline", None),
    ]


def test_stages_metric_before_a_colon():
    text = ("白石区商贸规划（2025—2027年）\n一、主要指标\n1.服务业增加值：达到500亿元。\n"
            "2.规上服务业企业：400家以上。\n")
    records = process_bytes(text.encode("utf-8"), "colon.txt")
    assert [(t.metric, t.value, t.comparator, t.evidence.text) for t in records.targets] == [
        ("服务业增加值", 500, "eq", "服务业增加值：达到500亿元"), ("规上服务业企业", 400, "ge", "规上服务业企业：400家以上")]
