"""Amounts that are no goals (norms, pilot scopes, eligibility, incentives, articles, words with 零,
durations) and baselines stated as what is now or was done; fictional sentences in the conventions
of real plans and policies."""
import pytest

from pipeline.targets import BlockContext, find_targets

CTX = BlockContext(period_start=2025, period_end=2027)


def _goals(text, ctx=CTX):
    return [(t.metric, t.value, t.unit) for t in find_targets(text, ctx) if t.kind != "baseline" and t.value is not None]


@pytest.mark.parametrize("text", [
    "原则上每3年修订1次专业目录。",                      # a revision cycle
    "培训补贴每人每年只能享受一次。",                      # a rule per person
    "每项任务至少明确2—3个阶段性目标。",                   # a rule per item
    "每队由1名领队、3名正式选手组成，每单位参会人员不超过2名。",  # per team, per unit
    "每条线路只能搭挂一条钢绞线。",
    "在全省范围内选择20个左右有条件的县开展试点。",          # a pilot's scope
    "推动职业院校在8个左右紧缺领域开展培训。",                # where an act takes place
    "对吸纳就业人数达到职工总数30%的企业，给予一次性奖补。",  # an incentive
    "新招用人员达到职工总数20%（超过200人的企业达到10%）的，可申请最高不超过200万元的贷款。",  # eligibility
    "对按时缴费的企业，可返还其上年度缴纳费用的40%。",      # money paid back
    "区科技部门每年遴选不超过5个创新示范园区。",              # the winners of a programme
    "对年营业收入5000万元以上，且纳入统计库的企业的，按营业收入的1%给予奖励。",  # a condition that goes on
    "上架30家以上服务商的60款以上产品（经备案的软件、硬件产品），且服务企业20家次以上的，给予平台奖励。",
    "租金补贴标准为每平方米每月25元。",                     # an incentive's rate
    "贴息比例不超过60%。",
    "对新三板挂牌企业分阶段奖励共计200万元。",
    "支持单户担保金额500万元及以下的小微企业。",             # a qualifier (及以下的)
    "打造一支懂技术、善经营的乡村人才队伍。",              # an article
    "建设一所面向全市产业需要的高水平技师学院。",
    "推动零部件企业与整车企业协同发展，实现零排放。",        # 零 is a word
    "见习期限为3—6个月，补贴期限最长12个月。",              # durations
    "门诊预约率=预约诊疗人次数/总诊疗人次数×100%。",          # a formula
    "污水处理费为每立方米2.4元左右。",                       # a price per unit
    "单个项目允许不超过五分之一的资金用于设备购置。",          # a permission
    "九台区打造秸秆利用新样板，七台河市发展新型产业。",        # places named with a numeral and 台
    "树牢三项意识，从四个方面落实工作职责。",                  # small counts that name parts
    "对同一10千伏线路的用户统一管理。",                        # a voltage class
    "违反本办法的，由主管部门责令改正，处5万元以上20万元以下的罚款。",  # a penalty
    "合作银行普惠贷款占全部贷款的比例不得低于70%，其中首贷户的占比不得低于30%。",  # obligations, no date
    "实施各项水利工程（全社会水利投资需求约2.6万亿元），其中重点工程投资需求约0.8万亿元。",  # needs
    "全市生态投入约需占同期地区生产总值的1.2%。",
    "规划期内预计可筹集污水处理费60亿元。",                    # a forecast
    "按照各试点医院年度耗材总用量的50%—60%确定采购量。",          # a basis of reckoning
    "按照30套部署规模测算费用。",
    "评审小组由各成员单位各派2名专家组成。",                      # a composition
    "在纺织、建材、造纸等9个重点行业开展节水诊断。",              # where an act takes place
    "对5个沿江城市开展回头看。",                                  # what an act is done to
    "加大对12个特色产业集群和35家龙头企业的扶持力度。",            # the objects of a task
    "推进3条货运专线的前期工作。",
    "加快推进甲线、乙线、丙线等3条专用线的投入使用。",
    "认真落实水利部、农业农村部等8个部门联合印发的《关于加强农村供水的意见》。",  # a document's issuers
    "推动单机容量20万千瓦以下燃煤机组有序退出。",                # a bound on the things named
    "单机容量60万千瓦以上（含）的机组要全部完成改造。",
    "城市人口密度控制在每平方公里0.8-1.2万人。",                  # a density per area (a norm)
    "12个设区的市要制定实施细则，各县须建立工作台账。",          # things given a duty
    "支持列入国家整县推进试点的30个县创建示范。",                  # a set already designated
    "其余4000吨/日熟料生产线须制定产能置换方案。",                  # an amount qualifying things given a duty
    "将前期确定的15个困难较多的县作为重点帮扶县。",
    "推进政务服务一窗受理、最多跑一次。",                          # a slogan
    "每年对辖区内食品生产企业进行100%全覆盖检查。",                # the coverage of an act
    "在各供电公司，检修、建设公司等11家单位的作业现场推广应用。",  # a list's count, the task's scope
])
def test_amounts_that_are_no_goals(text):
    assert _goals(text) == []


def test_a_bound_per_year_qualifies_the_things_counted():
    assert [(v, u) for _, v, u in _goals("到2027年，关闭全市5万吨/年及以下6处小煤矿，合计产能20万吨。")] == [
        (6, "处"), (20, "万吨")]


def test_counts_set_by_a_verb_before_a_duty_stay():
    assert [(v, u) for _, v, u in _goals("到2027年，新建30个口袋公园要因地制宜。")] == [(30, "个")]


def test_counts_described_by_what_they_have_stay():
    assert _goals("到2027年，打造8个具有全国影响力的产业集群，培育营收超百亿元的企业3家，建成3000个以上充电桩。") == [
        ("具有全国影响力的产业集群", 8, "个"), ("营收超百亿元的企业", 3, "家"), ("充电桩", 3000, "个")]


def test_counts_of_one_and_goals_per_place_stay():
    assert _goals("到2027年，建成一个区域物流枢纽，每个县建成2个综合服务中心。") == [
        ("区域物流枢纽", 1, "个"), ("综合服务中心", 2, "个")]


@pytest.mark.parametrize("text", [
    "全市现有充电桩3200个，其中公共充电桩1200个。",   # what is now
    "目前，全区养老床位达到4500张。",
    "评估组走访了12个县区，收集了300份问卷。",           # what was done (perfective 了)
    "近三年，全市累计引进亿元以上项目120个。",
    "全市已有省级以上园区8个，全市共有养老机构186家。",
    "全年共发生5级以上地震12次，造成3人死亡、15人受伤。",     # events and casualties
    "22名相关责任人员受到了党纪政纪处分。",
])
def test_what_is_now_or_was_done_is_a_baseline(text):
    found = [t for t in find_targets(text, CTX) if t.value is not None]
    assert found and all(t.kind == "baseline" for t in found)


def test_a_note_in_brackets_is_not_part_of_the_metric():
    assert _goals("到2027年，社会仓储能力（包括物流企业、商贸企业等）达到800万吨。") == [("社会仓储能力", 800, "万吨")]


def test_a_task_on_existing_things_is_not_history():
    assert _goals("到2027年，推动全市现有规上企业完成数字化改造300家。")[0][1] == 300


@pytest.mark.parametrize("text", [
    "线路长度超过1公里的耐张段至少接地2次。",      # how often, as a rule
    "每年调整1次专业设置。",                       # an act's frequency, not things counted
])
def test_times_as_a_rule_are_no_goals(text):
    assert _goals(text) == []


def test_events_held_a_number_of_times_stay():
    assert _goals("到2027年，每年举办2次人才交流会，开展金融对接活动12次以上。") == [
        ("人才交流会", 2, "次"), ("金融对接活动", 12, "次")]


def test_an_act_a_name_ends_with_is_counted_with_it():
    assert _goals("到2026年底，完成线路隐患整治120处。") == [("线路隐患整治", 120, "处")]


def _deadlines(text, ctx=CTX):
    return [(t.value, t.deadline, t.deadline_rule) for t in find_targets(text, ctx) if t.kind != "baseline"]


def test_a_signature_date_or_a_dated_noun_is_no_deadline():
    # the date a document was signed heads the paragraph: no deadline for the plan's goals
    signed = BlockContext(period_start=2025, period_end=2027)
    text = "云江市发展和改革委员会2025年7月23日\n全市应急储备能力达到600万吨。"
    assert _deadlines(text, signed) == [(600, "2027-12-31", "plan_period")]
    # 2025年实施的 names which measures; the plan's period end is the deadline
    assert _deadlines("将2025年实施的20项措施调整为30项措施。", signed)[-1][1:] == ("2027-12-31", "plan_period")
    # a deadline to the day is one when closed by 前
    assert _deadlines("2026年6月30日前，建成3个服务中心。")[0][1:] == ("2026-06-30", "explicit")


def test_a_year_before_the_year_of_issue_is_the_past_when_there_is_no_period():
    ctx = BlockContext(issued_year=2018)
    found = [t for t in find_targets("2016年全国新增创业孵化基地120家。", ctx) if t.value is not None]
    assert found and all(t.kind == "baseline" for t in found)
    assert _deadlines("到2020年，新增创业孵化基地150家。", ctx) == [(150, "2020-12-31", "explicit")]


def test_year_end_with_no_period_is_the_year_of_issue():
    ctx = BlockContext(issued_year=2026)
    assert _deadlines("年底前，建成数字乡村示范站8个。", ctx) == [(8, "2026-12-31", "explicit")]


@pytest.mark.parametrize("heading", ["现实基础", "主要成效", "工作进展", "发展现状"])
def test_amounts_in_a_background_section_are_baselines(heading):
    from pipeline import process_bytes

    text = (f"云江市数字经济发展行动方案（2025—2027年）\n一、{heading}\n全市数字经济核心产业增加值达到620亿元，"
            "建成5G基站1.2万个。\n二、主要目标\n到2027年，全市数字经济核心产业增加值突破1000亿元。\n")
    r = process_bytes(text.encode("utf-8"), "plan.txt")
    assert [(t.metric, t.value) for t in r.targets if t.kind != "baseline" and t.value is not None] == [
        ("数字经济核心产业增加值", 1000)]


def test_safety_goals_on_deaths_and_rates_per_population_stay():
    assert _goals("到2027年，道路交通事故死亡人数下降10%，孕产妇死亡率控制在10/10万以下，婴儿死亡率下降到4.5‰。") == [
        ("道路交通事故死亡人数", -10, "%"), ("孕产妇死亡率", 10, "/10万"), ("婴儿死亡率", 4.5, "‰")]


def test_a_must_not_fall_below_is_a_floor_and_the_object_of_jiang_is_the_metric():
    found = [(t.metric, t.value, t.comparator) for t in find_targets(
        "到2027年，合作机构担保业务占比不得低于80%，引导合作机构逐步将平均担保费率降至1%以下。", CTX)]
    assert found == [("合作机构担保业务占比", 80, "ge"), ("担保费率", 1, "le")]


def test_a_range_with_its_unit_written_twice_is_one_range():
    (t,) = find_targets("到2027年，药品集中采购量占比达到60%—70%。", CTX)
    assert (t.value, t.value_max, t.comparator) == (60, 70, "range")


def test_small_counts_set_by_a_verb_and_equipment_of_a_voltage_class_stay():
    assert _goals("到2027年，建设三个平台，新增五家企业，建成110千伏变电站3座。") == [
        ("平台", 3, "个"), ("企业", 5, "家"), ("110千伏变电站", 3, "座")]


def test_a_change_from_a_level_is_a_baseline_and_the_level_reached_a_target():
    found = [(t.metric, t.value, t.kind) for t in find_targets("到2027年，国控断面个数由760个增加到980个。", CTX)]
    assert found == [("国控断面个数", 760, "baseline"), ("国控断面个数", 980, "count")]
    # 理由 is a word, not the start of a change; 50处以上 is no penalty
    assert _goals("到2027年，线下无理由退货承诺单位达到300家，特色小店达50处以上。") == [
        ("线下无理由退货承诺单位", 300, "家"), ("特色小店", 50, "处")]



@pytest.mark.parametrize("text, deadline", [
    ("利用3至5年时间，全市应急储备能力达到600万吨。", "2026-12-31"),   # issued 2022: the last of five years
    ("计划用3年时间完成老旧电网改造120处。", "2024-12-31"),
    ("力争用两年时间，新增规上企业50家。", "2023-12-31"),
])
def test_years_counted_from_the_year_of_issue(text, deadline):
    assert _deadlines(text, BlockContext(issued_year=2022))[0][1:] == (deadline, "explicit")
