import pytest

from graph.answers.similarity import (
    common_words,
    content_similarity,
    kinds_compatible,
    metric_similarity,
    normalize_metric,
    units_compatible,
)


@pytest.mark.parametrize("metric, expected", [
    ("全区服务业增加值", "服务业增加值"),
    ("规上服务业企业总数", "规上服务业企业"),
    ("规上服务业企业数量", "规上服务业企业"),
    ("社会消费品零售总额", "社会消费品零售"),
    ("游客接待量", "游客接待"),
    ("服务业增加值占全区生产总值比重", "服务业增加值占生产总值比重"),
    ("服务业增加值占地区生产总值比重", "服务业增加值占生产总值比重"),
    ("区财政每年安排服务业发展专项资金", "财政每年安排服务业发展资金"),  # a fund is a fund
    ("新增省级服务业集聚区", "省级服务业集聚区"),
    ("“一核两带”服务业空间布局", "一核两带服务业空间布局"),
    ("区域性国际消费中心城市", "区域性国际消费中心城市"),  # 区 of 区域 is not a scope
    ("市场主体数量", "市场主体"),
    ("托位", "托位"),
])
def test_similarity_normalize_metric(metric, expected):
    assert normalize_metric(metric) == expected


# (child, parent, same goal?) at the thresholds compare uses: score >= 0.5 and content >= 0.6
@pytest.mark.parametrize("a, b, same", [
    ("规上服务业企业总数", "规上服务业企业数量", True),
    ("高新技术企业数量", "高新技术企业", True),
    ("游客接待量", "接待游客", True),
    ("全区物流业增加值", "物流业增加值", True),
    ("区财政每年安排服务业发展专项资金", "市财政每年安排服务业发展引导资金", True),
    ("服务业增加值占全区生产总值比重", "服务业增加值占地区生产总值比重", True),
    ("促消费活动", "国际性展会", False),          # only the verb 举办 in common
    ("促消费活动", "招商活动", False),            # only the generic head 活动
    ("规上服务业企业总数", "高新技术企业", False),  # only 企业
    ("A级物流企业数量", "高新技术企业数量", False),
    ("服务业增加值", "物流业增加值", False),        # only the generic 增加值
    ("服务业增加值", "产业增加值", False),
    ("服务业综合实力", "街道综合养老服务中心", False),
    ("“一核两带”服务业空间布局", "现代服务业体系", False),
    ("社会消费品零售总额", "促消费活动", False),
])
def test_similarity_metric_pairs(a, b, same):
    passes = metric_similarity(a, b) >= 0.5 and content_similarity(a, b) >= 0.6
    assert passes is same, (metric_similarity(a, b), content_similarity(a, b))


def test_similarity_is_symmetric_and_bounded():
    pairs = [("游客接待量", "接待游客"), ("促消费活动", "招商活动"), ("托位", "新增托位")]
    for a, b in pairs:
        assert metric_similarity(a, b) == metric_similarity(b, a)
        assert 0.0 <= metric_similarity(a, b) <= 1.0
    assert metric_similarity("", "托位") == 0.0


def test_similarity_common_words_longest_first():
    assert common_words("区财政每年安排服务业发展专项资金", "市财政投入服务业发展资金") == [
        "服务业发展资金", "财政"]
    assert common_words("促消费活动", "国际性展会") == []


@pytest.mark.parametrize("child, parent, strong, ok", [
    ("growth_rate", "growth_rate", False, True),
    ("growth_rate", "level", True, False),       # a rate never pairs with a level
    ("share", "growth_rate", True, False),
    ("share", "share", False, True),
    ("count", "increment", True, True),
    ("count", "increment", False, False),       # amounts of other kinds need a strong metric
    ("cumulative", "count", True, True),
    ("level", "count", True, True),
    ("qualitative", "qualitative", False, True),
    ("qualitative", "level", True, False),
    ("baseline", "baseline", True, False),      # history never aligns
])
def test_similarity_kinds_compatible(child, parent, strong, ok):
    assert kinds_compatible(child, parent, strong) is ok


@pytest.mark.parametrize("child, parent, expected", [
    ("元", "元", "same"),                # 亿元 and 万亿元 both normalise to 元
    ("人次", "人次", "same"),
    ("%", "%", "same"),
    ("%", "ratio", "percent"),
    ("家", "个", "measure"),
    ("百分点", "%", None),               # a change in points is not a level in %
    ("元", "%", None),
    ("人次", "元", None),
    (None, None, "same"),                # qualitative targets
    (None, "家", None),
])
def test_similarity_units_compatible(child, parent, expected):
    assert units_compatible(child, parent) == expected
