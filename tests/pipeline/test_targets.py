"""Target grammar, table-driven, in conventions beyond the seed's."""
import pytest

from pipeline.targets import BlockContext, find_targets

CTX = BlockContext(period_start=2025, period_end=2027)


def _one(text):
    found = [t for t in find_targets(text, CTX) if t.kind != "baseline"]
    return [(t.metric, t.value, t.value_max, t.unit, t.comparator, t.kind) for t in found]


@pytest.mark.parametrize("text, expected", [
    ("到2027年，全市数字经济核心产业增加值突破900亿元。", [("数字经济核心产业增加值", 900, None, "亿元", "gt", "level")]),
    ("规上企业营业收入年均增长9%以上。", [("规上企业营业收入", 9, None, "%", "ge", "growth_rate")]),
    ("新增高新技术企业一百二十家。", [("高新技术企业", 120, None, "家", "eq", "increment")]),
    ("培育链主企业3至5家。", [("链主企业", 3, 5, "家", "range", "count")]),
    ("建成两个国家级物流枢纽。", [("国家级物流枢纽", 2, None, "个", "eq", "count")]),
    ("研发经费投入强度提升至3.2%。", [("研发经费投入强度", 3.2, None, "%", "eq", "share")]),
    ("农村生活污水治理率提高5个百分点。", [("农村生活污水治理率", 5, None, "个百分点", "eq", "share")]),
    ("单位地区生产总值能耗控制在0.4吨标准煤以内。", [("单位地区生产总值能耗", 0.4, None, "吨标准煤", "le", "level")]),
    ("累计建成5G基站１２００个。".replace("１２００", "1200"), [("5G基站", 1200, None, "个", "eq", "cumulative")]),
    ("新培育省级、市级专精特新企业各20家。", [("省级专精特新企业", 20, None, "家", "eq", "count"),
                                              ("市级专精特新企业", 20, None, "家", "eq", "count")]),
    ("创建国家、省、市级示范街区1个、3个、8个。", [("国家级示范街区", 1, None, "个", "eq", "count"),
                                                 ("省级示范街区", 3, None, "个", "eq", "count"),
                                                 ("市级示范街区", 8, None, "个", "eq", "count")]),
    ("年营业收入过50亿元的企业达到12家。", [("年营业收入过50亿元的企业", 12, None, "家", "eq", "count")]),
])
def test_targets_grammar(text, expected):
    assert _one(text) == expected


@pytest.mark.parametrize("text", [
    "打造“1+2+N”产业体系，建设15分钟便民生活圈。",
    "新增5A级景区创建单位，培育中国500强企业。",
    "根据《某市行动方案》（某政办发〔2024〕3号）精神。",
    "经济总量居全省第3位。",
    "提供24小时不打烊服务。",
])
def test_targets_numbers_that_are_not_targets(text):
    assert _one(text) == []


def test_targets_history_is_baseline():
    found = find_targets("2024年全市实现服务业增加值820亿元，同比增长6%。", CTX)
    assert found and all(t.kind == "baseline" for t in found)


@pytest.mark.parametrize("text, deadline, rule", [
    ("2026年上半年，建成3个服务中心。", "2026-06-30", "explicit"),
    ("到2026年底，全市建成3个服务中心。", "2026-12-31", "explicit"),
    ("建成3个服务中心。", "2027-12-31", "plan_period"),
    ("2026年9月底前，建成3个服务中心。", "2026-09-30", "explicit"),
    ("到2026年第三季度，建成3个服务中心，新增5家企业。", "2026-09-30", "sentence"),
])
def test_targets_deadlines(text, deadline, rule):
    t = find_targets(text, CTX)[-1]
    assert (t.deadline, t.deadline_rule) == (deadline, rule)


def test_targets_recurrence_annual_not_average():
    annual, average = find_targets("每年举办展会5场，服务业增加值年均增长7%。", CTX)
    assert annual.recurrence == "annual"
    assert average.recurrence == "none" and average.kind == "growth_rate"


@pytest.mark.parametrize("text, metric, cmp", [
    ("到2026年，社区嵌入式服务设施实现全覆盖。", "社区嵌入式服务设施", "eq"),
    ("服务业增速不低于全省平均水平。", "服务业增速", "ge"),
    ("营商环境便利度保持全省前列。", "营商环境便利度", "eq"),
])
def test_targets_qualitative(text, metric, cmp):
    (t,) = find_targets(text, CTX)
    assert (t.metric, t.kind, t.comparator, t.value) == (metric, "qualitative", cmp, None)


@pytest.mark.parametrize("text, expected", [
    ("培育年营业收入超10亿元企业5家、超亿元企业30家。",
     [("年营业收入超10亿元企业", 5), ("超亿元企业", 30)]),
    ("培育形成1家集聚示范区、3家领军企业、5家两业融合重点单位。",
     [("集聚示范区", 1), ("领军企业", 3), ("两业融合重点单位", 5)]),
    ("全年财政预算投向15个攻势的专项资金达244亿元。", [("财政预算投向15个攻势的专项资金", 244)]),
    ("到2025年底前，全市首批100个示范社区全面建成。", [("示范社区", 100)]),
])
def test_targets_lists_and_qualifiers(text, expected):
    assert [(t.metric, t.value) for t in find_targets(text, CTX)] == expected


def test_targets_relative_with_a_margin():
    (t,) = find_targets("服务业增加值增速高于全市平均水平1个百分点。", CTX)
    assert (t.metric, t.value, t.unit, t.kind, t.relative_to) == ("服务业增加值增速", 1, "个百分点", "growth_rate", "全市平均水平")
