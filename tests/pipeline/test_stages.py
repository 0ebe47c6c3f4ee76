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
