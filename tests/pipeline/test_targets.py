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


def _metrics(text, ctx=CTX):
    return [(t.metric, t.value) for t in find_targets(text, ctx) if t.kind != "baseline"]


# Metric phrases a reader accepts: the noun phrase naming what is measured (conventions of the seed).
@pytest.mark.parametrize("text, expected", [
    ("到2027年，推出精品研学线路不少于8条。", [("精品研学线路", 8)]),  # the build verb is not the name
    ("到2027年，引进咨询服务总部企业分支机构在本区落户3—4家。", [("咨询服务总部企业分支机构", 3)]),
    ("到2027年，绿色金融法人机构落户不少于2家。", [("绿色金融法人机构", 2)]),
    ("到2027年，3条街区达到省级示范步行街标准。", [("达到省级示范步行街标准的街区", 3)]),
    ("到2027年，推动不少于6家企业在境内外上市。", [("在境内外上市的企业", 6)]),
    ("区财政每年安排文旅发展专项资金3000万元。", [("文旅发展专项资金", 3000)]),
    ("每年培训家政服务人员2000人次。", [("培训家政服务人员", 2000)]),  # the act is what is counted
    ("到2027年，数字经济增加值突破300亿元，比重达到40%。", [("数字经济增加值", 300), ("数字经济增加值比重", 40)]),
    ("到2027年，生产性服务业增加值突破500亿元，占服务业增加值比重达60%。",
     [("生产性服务业增加值", 500), ("生产性服务业增加值占服务业增加值比重", 60)]),
    ("到2027年，新增主导制定地方标准10项、团体标准20项。", [("主导制定地方标准", 10), ("主导制定团体标准", 20)]),
    ("到2027年，参与制定的地方标准达到30项、团体标准达到50项。",
     [("参与制定的地方标准", 30), ("参与制定的团体标准", 50)]),
    ("到2027年，新培育文化创意企业、科技服务示范企业各12家。",
     [("文化创意企业", 12), ("科技服务示范企业", 12)]),  # two whole names: no head added twice
    ("到2027年，限额以上批发、零售企业分别达到120家、300家。",
     [("限额以上批发企业", 120), ("限额以上零售企业", 300)]),
    ("到2027年，完成数字化改造项目15个。", [("数字化改造项目", 15)]),  # 改造 after 化 is a noun
    ("到2027年，开展线上线下融合促销活动30次以上。", [("线上线下融合促销活动", 30)]),
])
def test_targets_metric_is_the_noun_phrase_measured(text, expected):
    assert _metrics(text) == expected


@pytest.mark.parametrize("text", [
    "推动临海路、滨河路和望江路三条特色商业街贯通。",  # the count sums up the names listed
    "建立“1357”（一个中心、三项机制、五个平台、七项保障）工作体系，到2027年取得实效。",
    "到2027年，推进智慧养老服务网络全覆盖。",  # a task, not a state to reach
])
def test_targets_numbers_in_names_and_tasks_are_not_targets(text):
    assert [t for t in find_targets(text, CTX) if t.kind != "baseline"] == []


@pytest.mark.parametrize("text, recurrences", [
    ("每年新引进亿元以上项目3个，总部企业2家。", ["annual", "annual"]),  # no verb of its own
    ("每年引进品牌首店20家以上，举办促消费活动30场以上。", ["annual", "annual"]),  # an event
    ("每年培训从业人员5万人次以上，建设实训基地15个。", ["annual", "none"]),  # a stock of its own
    ("每季度举办促销活动1次以上，全县接待游客达到650万人次。", ["quarterly", "none"]),  # a level
])
def test_targets_a_leading_recurrence_governs_later_clauses_without_their_own(text, recurrences):
    assert [t.recurrence for t in find_targets(text, CTX) if t.kind != "baseline"] == recurrences


GOALS = BlockContext(period_start=2025, period_end=2027, goal_section=True)


@pytest.mark.parametrize("text, metrics", [
    ("到2027年，国内一流数字产业体系和开放创新生态有效形成。", ["国内一流数字产业体系", "开放创新生态"]),
    ("到2027年，基本建成与省会地位相匹配的区域金融聚集区。", ["区域金融聚集区"]),
    ("到2027年，滨海特色的康养旅游目的地基本建成。", ["滨海特色的康养旅游目的地"]),
    ("到2027年，形成以平台为支撑，“一廊”引领、“两区”联动，数字赋能的现代服务业发展新格局。",
     ["现代服务业发展新格局"]),
    ("到2027年，构建优质高效、充满活力的现代服务业体系。", ["现代服务业体系"]),
])
def test_targets_qualitative_goals_named_by_their_head(text, metrics):
    assert [t.metric for t in find_targets(text, GOALS) if t.kind == "qualitative"] == metrics


@pytest.mark.parametrize("text, expected", [
    ("到2027年，智能算力规模达到10EFLOPS以上。", [("智能算力规模", 10, "EFLOPS", "level")]),
    ("到2027年，单机算力达到100PFlops。", [("单机算力", 100, "PFlops", "level")]),
    ("到2027年，数据存储容量达到5EB。", [("数据存储容量", 5, "EB", "level")]),
    ("到2027年，区域环境噪声控制在55dB以内。", [("区域环境噪声", 55, "dB", "level")]),
    ("到2027年，污水处理能力达到500立方米/小时。", [("污水处理能力", 500, "立方米/小时", "level")]),
    ("到2027年，数字经济规模达到万亿级。", [("数字经济规模", 1, "万亿元", "level")]),  # a magnitude reached
    ("到2027年，软件业营业收入迈上5000亿级台阶。", [("软件业营业收入", 5000, "亿元", "level")]),
    ("到2027年，培育壮大30家以上数字经济龙头企业。", [("数字经济龙头企业", 30, "家", "count")]),  # two verbs
])
def test_targets_technical_units_magnitudes_and_two_verbs(text, expected):
    got = [(t.metric, t.value, t.unit, t.kind) for t in find_targets(text, CTX) if t.kind != "baseline"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # ratios: the fixed term is the unit, the value the number the text states
    ("到2027年，全市公共卫生人员与常住人口比例达到1∶4000。", [("公共卫生人员与常住人口比例", 4000, "1:", "eq")]),
    ("到2027年，床位医护比达到1:1.2。", [("床位医护比", 1.2, "1:", "eq")]),
    ("上午8:30召开推进会，新增学校3所。", [("学校", 3, "所", "eq")]),  # a time of day is no ratio
    # shares written first or as fractions: the metric is the things that do it
    ("到2027年，全省50%以上的文化馆具备数字服务能力。", [("具备数字服务能力的文化馆", 50, "%", "ge")]),
    ("到2027年，县域内三分之一的乡镇建成示范站。", [("建成示范站的乡镇", 1, "/3", "eq")]),
    ("到2027年，1/3以上的村实现集中供水。", [("集中供水的村", 1, "/3", "ge")]),
    ("到2027年，新建住宅实现100%全装修交付。", [("新建住宅全装修交付", 100, "%", "eq")]),
    # …without 的: a place list may stand for the noun, an adverb goes with the predicate
    ("到2027年，60%以上市、县完成老旧管网改造。", [("完成老旧管网改造的市、县", 60, "%", "ge")]),
    ("到2027年，40%以上县（市、区）基本建成垃圾分类示范县。", [("基本建成垃圾分类示范县的县（市、区）", 40, "%", "ge")]),
    ("到2027年，95%以上社区卫生服务站有规范的信息系统。", [("有规范的信息系统的社区卫生服务站", 95, "%", "ge")]),
    ("到2027年，85%的省级重点保护野生植物和珍稀古树名木得到保护。",
     [("得到保护的省级重点保护野生植物和珍稀古树名木", 85, "%", "eq")]),
    # 完成 N things' act: the things that complete it
    ("到2027年，完成3万户农村住房的抗震改造任务。", [("完成抗震改造任务的农村住房", 3, "万户", "eq")]),
    ("到2027年，完成120个老旧小区的综合整治。", [("完成综合整治的老旧小区", 120, "个", "eq")]),
    # a share phased over years: each year's share of the things after the last
    ("开展绿色机关创建行动，2026年60%以上、2027年85%以上乡镇机关达到节约型机关标准。", [
        ("达到节约型机关标准的乡镇机关", 60, "%", "ge"), ("达到节约型机关标准的乡镇机关", 85, "%", "ge")]),
    # a list of examples closed by 等: the count is of the noun after it
    ("到2027年，实现不动产登记、社保转移等30项高频事项跨省通办。", [("跨省通办的高频事项", 30, "项", "eq")]),
    ("到2027年，推动40项事项全程网办。", [("全程网办的事项", 40, "项", "eq")]),
    # a property after the product the clause before names
    ("到2027年，研发高端AI芯片，能效比超过5TOPS/W。", [("高端AI芯片能效比", 5, "TOPS/W", "gt")]),
    # a second verb before the number
    ("到2027年，培育推广200个人工智能应用场景，形成50个数字文化产品。",
     [("人工智能应用场景", 200, "个", "eq"), ("数字文化产品", 50, "个", "eq")]),
])
def test_targets_ratios_fractions_shares_first_and_properties(text, expected):
    got = [(t.metric, t.value, t.unit, t.comparator) for t in find_targets(text, CTX) if t.kind != "baseline"]
    assert got == expected


def test_targets_fractions_and_ratios_normalize():
    (frac,) = find_targets("到2027年，三分之一的乡镇建成示范站。", CTX)
    (ratio,) = find_targets("到2027年，师生比不高于1∶20。", CTX)
    assert (round(frac.normalized_value, 2), frac.normalized_unit, frac.kind) == (33.33, "%", "share")
    assert (ratio.normalized_value, ratio.comparator) == (0.05, "le")


@pytest.mark.parametrize("text, expected", [
    ("到2027年，小麦播种、收割机械化率均达到90%。", [("小麦播种机械化率", 90), ("小麦收割机械化率", 90)]),
    ("到2027年，玉米种植、收获机械化率分别达到85%和70%。", [("玉米种植机械化率", 85), ("玉米收获机械化率", 70)]),
])
def test_targets_a_list_with_a_shared_prefix_and_head(text, expected):
    assert _metrics(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("到2027年，建立80个“双师型”教师实训基地。", [("“双师型”教师实训基地", 80)]),  # a quoted word inside
    ("到2027年，建设20所示范性职业学校和60个骨干专业（群）。", [("示范性职业学校", 20), ("骨干专业（群）", 60)]),
    ("到2027年，促消费活动累计参与超200万人次。", [("促消费活动累计参与", 200)]),  # 参与 ends in 与 and stays
])
def test_targets_names_written_after_the_number(text, expected):
    assert _metrics(text) == expected


@pytest.mark.parametrize("text", [
    "到2026年，建设三位一体的综合服务体系。",  # 三位 inside 三位一体 is not "3 persons"
    "大力发展高山滑雪、跳台滑雪、冬季两项、速度滑冰、冰球、冰壶等各类冰雪体育赛事。",  # not "2 items"
])
def test_targets_an_amount_inside_a_word_is_part_of_that_word(text):
    """With segment's words an amount that is a piece of one longer word is dropped; an amount
    that is its own words stays (a test that can fail: without words, each gives a target)."""
    from pipeline import trace
    from pipeline.decode import decode

    assert find_targets(text, CTX)  # the grammar alone reads an amount here
    assert trace(decode(text.encode("utf-8"), "<test>"))["extract"].targets == []
    kept = trace(decode("到2025年，新增规上企业40家，两项指标达到全省前列。".encode("utf-8"), "<test>"))["extract"]
    assert [(t.value, t.unit) for t in kept.targets][:1] == [(40.0, "家")]


def test_targets_minutes_month_deadlines_take_the_year_of_issue():
    """Minutes of a monthly meeting (no period): X月底 is a month of the year of issue, each amount
    takes the phrase before it, and a clause with only a date for a name takes the last metric."""
    found = find_targets("运检部牵头，力争10月底完成年度检修计划70%、11月底完成85%。", BlockContext(issued_year=2022))
    assert [(t.metric, t.value, t.deadline) for t in found] == [
        ("完成年度检修计划", 70, "2022-10-31"), ("完成年度检修计划", 85, "2022-11-30")]


@pytest.mark.parametrize("text, expected", [
    ("到2027年，全省煤炭消费总量压减6%以上。", [(-6, "%", "le", "growth_rate")]),  # a cut is a negative rate
    ("到2027年，煤炭消费占能源消费比重下降5个百分点。", [(-5, "个百分点", "eq", "share")]),
    ("到2027年，平均供电煤耗低于300克/千瓦时。", [(300, "克/千瓦时", "lt", "level")]),  # an intensity
    ("到2027年，供热平均能耗下降到14千克标煤/平方米左右。", [(14, "千克标煤/平方米", "approx", "level")]),
    ("到2027年，已建成专用线的，绿色运输方式比例达到80%以上。", [(80, "%", "ge", "share")]),  # a group, no past
])
def test_targets_falls_intensities_and_groups_named_by_what_they_have(text, expected):
    got = [(t.value, t.unit, t.comparator, t.kind) for t in find_targets(text, CTX) if t.kind != "baseline"]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("到2027年，全市单位工业增加值用水量比2024年下降12%。", [("单位工业增加值用水量比2024年下降", -12)]),
    ("到2027年，重点行业挥发性有机物排放量较2023年降低8%以上。", [("重点行业挥发性有机物排放量较2023年降低", -8)]),
    # one base year shared by a list: each name keeps it and the verb
    ("到2027年，实现医疗机构单位面积能耗、人均综合能耗、人均用水量分别比2024年下降2.5%、3%、3.5%。", [
        ("医疗机构单位面积能耗比2024年下降", -2.5), ("人均综合能耗比2024年下降", -3), ("人均用水量比2024年下降", -3.5)]),
    ("到2027年，学校单位面积能耗和人均综合能耗分别比2024年下降4%。", [("学校单位面积能耗比2024年下降", -4)]),
])
def test_targets_a_change_against_a_base_year_keeps_it_in_its_name(text, expected):
    assert [(t.metric, t.value) for t in find_targets(text, CTX) if t.kind != "baseline"] == expected


@pytest.mark.parametrize("text, expected", [
    # a share of a reference: what is kept within it, 占, the reference, 比例
    ("确保年底前把逾期账款控制在当月营业收入的20%以内。", [("逾期账款占当月营业收入比例", 20, "%")]),
    # the share of a plan done keeps its verb
    ("9月底前累计完成年度投资计划75%。", [("完成年度投资计划", 75, "%")]),
    # an act before the number counts the noun after it
    ("年底前新增投产12项工程。", [("投产工程", 12, "项")]),
    # an unreadable amount before a list's next item: the next metric starts after it
    ("到2027年，退出炼钢产能}420万吨、炼铁产能380万吨。", [("炼铁产能", 380, "万吨")]),
    # a list of counts after a goal verb is no framework's label; the items share the last one's tail
    ("年内完成2项国标、3项行标、9项企标修订工作。", [("国标修订", 2, "项"), ("行标修订", 3, "项"), ("企标修订", 9, "项")]),
    ("到2027年，建设4个园区、6个创新平台。", [("园区", 4, "个"), ("创新平台", 6, "个")]),
    # a rate's definition in brackets after its share sets no goal; seconds are a duration
    ("到2027年，故障抢修及时率达到98%以上（城区抢修时间不超过45分钟，农村不超过90分钟）。", [("故障抢修及时率", 98, "%")]),
    ("到2027年，政务平台访问响应时间不超过2秒。", [("政务平台访问响应时间", 2, "秒")]),
    # a clause naming only places states the metric before for them
    ("到2027年，实行告知承诺的事项达到80项以上，综合保税区和自贸试验区力争达到120项。",
     [("实行告知承诺的事项", 80, "项"), ("综合保税区和自贸试验区实行告知承诺的事项", 120, "项")]),
    ("到2027年，新能源公交车占比达到60%（烟台、潍坊达到80%）。", [("新能源公交车占比", 60, "%"), ("烟台、潍坊新能源公交车占比", 80, "%")]),
    ("到2027年，新增示范区5个。", [("示范区", 5, "个")]),
    ("做到设备到货抽检100%。", [("设备到货抽检", 100, "%")]),
    # a clause raising a rate names the next clause's amount
    ("推进餐厨垃圾集中收运，提高餐厨垃圾资源化利用率，2027年达到70%以上。", [("餐厨垃圾资源化利用率", 70, "%")]),
    # a rate 在 a level; 立方 as 立方米
    ("确保全年项目开工率在95%以上。", [("项目开工率", 95, "%")]),
    ("到2027年，再生水利用量达到3亿立方。", [("再生水利用量", 3, "亿立方")]),
    # a count of things closed keeps the act; a clause with only the act is the last metric's
    ("到2027年，关闭全市1万吨/年及以下12处砖瓦窑。", [("关闭砖瓦窑", 12, "处")]),
    ("到2027年，关停退出低效燃煤锅炉300台，其中2025年关停退出120台。",
     [("关停退出低效燃煤锅炉", 300, "台"), ("关停退出低效燃煤锅炉", 120, "台")]),
    # a clause naming a group (…的，) gives the share after it its owner
    ("到2027年，已接入管网的，工业企业污水集中处理比例达到95%以上。", [("已接入管网的工业企业污水集中处理比例", 95, "%")]),
    # a clause cutting time limits names the amounts after it; half a month after a listed duration
    ("年底前将专利变更、转让业务办理时限压缩一半，分别减至2个月、半个月。",
     [("专利变更业务办理时限", 2, "个月"), ("专利转让业务办理时限", 0.5, "个月")]),
    # things listed after 完成 that complete one act written after the last
    ("年底前完成12座历史文化名镇、30处历史文化名村保护规划编制报批工作。",
     [("完成保护规划编制报批的历史文化名镇", 12, "座"), ("完成保护规划编制报批的历史文化名村", 30, "处")]),
    # a bare ratio of a change is the total the clause before controls
    ("推进制革和电镀行业重金属排放总量控制，削减比例较2024年不低于12%。",
     [("制革和电镀行业重金属排放总量削减比例较2024年", 12, "%")]),
    # where the things counted are built names them too
    ("到2027年，在山区县建设20个光伏示范项目。", [("山区县光伏示范项目", 20, "个")]),
    # works forming a capacity stay in its name
    ("到2027年，污泥干化等处置工程形成处置能力1200吨/日。", [("污泥干化等处置工程形成处置能力", 1200, "吨/日")]),
    # a total of what the clause before counted is theirs
    ("到2027年，关闭落后砖瓦窑6处，合计产能300万块。", [("关闭落后砖瓦窑", 6, "处"), ("关闭落后砖瓦窑合计产能", 300, "万块")]),
])
def test_targets_shares_of_a_reference_of_a_plan_done_acts_counted_and_totals(text, expected):
    assert [(t.metric, t.value, t.unit) for t in find_targets(text, CTX) if t.kind != "baseline"] == expected
