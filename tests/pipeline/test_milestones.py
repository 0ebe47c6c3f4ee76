"""Milestones: dated deliverables without a number."""
import pytest

from pipeline import process_bytes


@pytest.mark.parametrize("text, milestones", [
    # a one-year plan: 年底前 and 上半年 name no year, the plan's year is theirs
    ("青禾市2026年消费提振工作要点\n一、重点任务\n（一）完善政策。年底前，出台促进消费的若干措施。上半年，建成消费监测平台。\n",
     [("2026-12-31", "出台促进消费的若干措施"), ("2026-06-30", "建成消费监测平台")]),
    # the deliverable first, its deadline after it
    ("青禾市数字政府建设方案（2025—2027年）\n一、任务\n（一）健全制度。各区制定实施细则，于2025年12月31日前报送市政府办公室。\n",
     [("2025-12-31", "各区制定实施细则，报送市政府办公室")]),
])
def test_milestones_without_a_year_or_dated_after_the_deliverable(text, milestones):
    r = process_bytes(text.encode("utf-8"), "m.txt")
    assert [(m.deadline, m.description) for m in r.milestones] == milestones


def _milestones(text: str) -> list[tuple[str, str, str]]:
    r = process_bytes(text.encode("utf-8"), "m.txt")
    return [(m.deadline, m.deadline_rule, m.description) for m in r.milestones]


def test_milestones_undated_sentences_under_a_dated_heading_take_its_date():
    """三、时间安排 / （一）摸底排查（2025年5月底前）。…: each sentence that delivers something is a
    milestone by its heading's date (rule ``section``); a recurring duty or a count is not."""
    text = ("青禾市线路整治工作方案\n三、时间安排\n（一）摸底排查（2025年5月底前）。由市供电公司牵头，对辖区线路进行排查，"
            "形成隐患清单。各区每月报送排查进度。\n（二）现场复核（2025年6月底前）。完成整治任务清单编制。复核线路12条。\n")
    assert _milestones(text) == [
        ("2025-05-31", "section", "由市供电公司牵头，对辖区线路进行排查，形成隐患清单"),
        ("2025-06-30", "section", "完成整治任务清单编制"),
    ]


def test_milestones_a_dated_goal_without_a_number_and_a_manner_before_the_submission():
    text = ("青禾市数据共享实施方案（2025—2027年）\n一、主要目标\n到2026年，建成统一的数据共享平台。"
            "到2027年，服务水平明显提升，主要指标如下：\n二、任务\n（一）健全制度。各区制定数据目录，"
            "于2025年6月30日前以书面形式报送市大数据局。\n")
    assert _milestones(text) == [
        ("2026-12-31", "explicit", "建成统一的数据共享平台"),
        ("2025-06-30", "explicit", "各区制定数据目录，以书面形式报送市大数据局"),
    ]


def test_milestones_a_date_without_a_year_is_the_year_of_issue_and_the_deliverable_named_again():
    """A notice's 于3月2日前 is in the year of its 文号; ……要建立联系人清单。联系人清单于…前报送: the
    deliverable is the previous sentence's."""
    text = ("青禾省人民政府办公厅关于建立工作台账的通知\n青政办字〔2025〕6号\n省直有关部门：\n"
            "一、明确台账内容\n请各部门填写《重点任务完成计划表》，于3月2日前经本单位主要负责同志审阅后，以PDF格式发至指定邮箱。\n"
            "二、建立联系机制\n各部门要建立日常工作联系人清单。联系人清单于3月31日前以传真形式报送省政府办公厅。\n")
    assert _milestones(text) == [
        ("2025-03-02", "explicit", "请各部门填写《重点任务完成计划表》，经本单位主要负责同志审阅后，以PDF格式发至指定邮箱"),
        ("2025-03-31", "explicit", "各部门要建立日常工作联系人清单，以传真形式报送省政府办公厅"),
    ]


def test_milestones_a_quoted_name_is_no_amount_and_proposing_or_rolling_out_delivers():
    """“三项制度” counts nothing: a dated deliverable naming it is a milestone; 研究提出 and 全面推行 deliver
    as 出台 does. A real amount still makes it a target's business, not a milestone's."""
    text = ("青禾市优化营商环境实施方案（2025—2027年）\n一、任务\n（一）规范执法。各区要于2025年6月底前制定全面推行“三项制度”的实施方案。"
            "2025年9月底前研究提出新一批下放的审批事项。到2026年，在各园区全面推行企业服务专员制度。2025年底前新建服务驿站3个。\n")
    assert _milestones(text) == [
        ("2025-06-30", "explicit", "制定全面推行“三项制度”的实施方案"),
        ("2025-09-30", "explicit", "研究提出新一批下放的审批事项"),
        ("2026-12-31", "explicit", "在各园区全面推行企业服务专员制度"),
    ]


def test_milestones_the_clauses_before_a_qualitative_goal():
    # 到2026年，建成X平台，基本形成Y体系: the platform is a milestone, the system a qualitative goal.
    text = "云江市数字经济发展行动方案（2024—2026年）\n一、发展目标\n到2026年，建成全市一体化算力平台，基本形成协同调度体系。\n"
    r = process_bytes(text.encode("utf-8"), "m.txt")
    assert [(m.deadline, m.description) for m in r.milestones] == [("2026-12-31", "建成全市一体化算力平台")]
    assert [t.kind for t in r.targets] == ["qualitative"]


def test_milestones_task_items_closed_by_a_deadline_label():
    """A task table flattened into text: each item closed by 完成时限：DATE is a milestone, named by
    the item's title, or by what follows the date when it delivers; 9月31日 is the month's last day
    (with a warning), 11月-12月 ends with December, 11月30日 takes the year the labels state."""
    text = ("青禾省电力公司智能巡检推广工作方案\n三、工作任务（一）平台部署（1）算力申请：提出服务器配置需求，由省信息公司配合完成申请。"
            "责任单位：省信息公司完成时限：2025年9月31日（2）巡检组件部署：由服务商完成组件部署及调试。责任单位：服务商完成时限：2025年9月30日"
            "（二）设备购置（1）终端购置：按照先试点、后推广的原则分批采购。责任单位：服务商完成时限：11月30日完成终端到货调试。"
            "（三）推广应用（1）应用培训依托实训基地组织集中培训。责任单位：省培训中心完成时限：2025年11月-12月\n")
    r = process_bytes(text.encode("utf-8"), "m.txt")
    assert [(m.deadline, m.description) for m in r.milestones] == [
        ("2025-09-30", "算力申请"), ("2025-09-30", "巡检组件部署"), ("2025-11-30", "完成终端到货调试"),
        ("2025-12-31", "应用培训依托实训基地组织集中培训"),
    ]
    assert [w.message for w in r.warnings if w.code == "bad_date"] == [
        "a date that does not exist: a task's deadline, read as the last day of its month"]


def test_milestones_an_amount_after_the_deliverable_or_before_its_verb():
    """The number check is per clause: a later clause's amount (a target's business) cuts the
    deliverable there; an amount before the verb is its subject's; an ordinal counts nothing.
    A count right after the verb is a target, not a milestone."""
    text = ("青禾市减污降碳行动方案（2025—2027年）\n一、任务\n（一）推进清洁生产。2025年底前，制定青禾市清洁生产审核实施办法，"
            "在化工等8个重点行业开展强制性审核。2025年底前，年运量达到100万吨以上的企业要制定专用线建设计划。"
            "2025年10月底前，全市10蒸吨及以下燃煤锅炉全部完成淘汰。2025年12月底前完成第一批绿色工厂认定工作。"
            "2026年底前新建充电站12座。\n")
    assert _milestones(text) == [
        ("2025-12-31", "explicit", "制定青禾市清洁生产审核实施办法"),
        ("2025-12-31", "explicit", "年运量达到100万吨以上的企业要制定专用线建设计划"),
        ("2025-10-31", "explicit", "全市10蒸吨及以下燃煤锅炉全部完成淘汰"),
        ("2025-12-31", "explicit", "完成第一批绿色工厂认定工作"),
    ]


def test_milestones_two_dates_respectively_two_deliverables():
    text = ("青禾市生态环境保护规划（2026—2030年）\n九、实施评估\n要在2028年底和2030年底，分别对规划执行情况进行中期评估和终期考核，"
            "评估结果向社会公布。\n")
    assert _milestones(text) == [
        ("2028-12-31", "explicit", "对规划执行情况进行中期评估"),
        ("2030-12-31", "explicit", "对规划执行情况进行终期考核"),
    ]


def test_milestones_a_step_after_its_subject_and_a_description_cut_at_a_new_subject():
    """原则上于…完成 names what is done before the date, back to the last ；; 该项工作于…完成 points to
    the item's title; a description stops at a clause with a new subject (……，各区要……)."""
    text = ("青禾市配套学校整治工作方案（2025—2026年）\n三、工作措施\n1.全面排查。各区对配套学校进行排查，建立台账。该项工作于2025年4月底前完成。\n"
            "2.分类整改。对于需要办理移交手续的，原则上于2025年6月底前完成；对于需要回收、置换的，原则上于2025年9月底前完成。\n"
            "3.推广应用。市教育局要在2025年3月底前完成试点验证，各区要按照试点做法，在2025年6月底前完成推广。\n")
    assert _milestones(text) == [
        ("2025-04-30", "explicit", "全面排查完成"),
        ("2025-06-30", "explicit", "对于需要办理移交手续的，原则上完成"),
        ("2025-09-30", "explicit", "对于需要回收、置换的，原则上完成"),
        ("2025-03-31", "explicit", "完成试点验证"),
        ("2025-06-30", "explicit", "完成推广"),
    ]


def test_milestones_not_from_signatures_history_attributes_slogans_or_yearly_duties():
    text = ("青禾市老旧车辆淘汰工作方案（2025—2026年）\n一、背景\n2024年7月，市政府印发《青禾市大气污染防治条例实施办法》。"
            "2024年底，市生态环境局组织完成了排放清单编制工作。\n二、任务\n（一）淘汰老旧车辆。2026年底前，基本淘汰2010年底前注册的老旧柴油货车。"
            "落实“年底前全面完成”的工作要求。每年6月底前，各区报送淘汰进度。\n青禾市生态环境局\n2025年3月4日印发\n")
    assert _milestones(text) == [("2026-12-31", "explicit", "基本淘汰2010年底前注册的老旧柴油货车")]


def test_milestones_a_dated_step_of_a_qualitative_goal_and_a_year_carried_in_its_sentence():
    """年底前实现……全覆盖 is a milestone even where the goal grammar reads a qualitative goal; 12月底前
    after 2026年6月底前 is of 2026; a notice with no period dates its 年底前 by its year of issue."""
    text = ("青禾市医保服务便民实施方案（2025—2027年）\n一、任务\n（一）推进跨区结算。2026年6月底前制定统一的门诊费用跨区结算政策，"
            "12月底前实现门诊费用跨区直接结算。2025年底前实现街道医保服务站全覆盖。\n")
    assert _milestones(text) == [
        ("2026-06-30", "explicit", "制定统一的门诊费用跨区结算政策"),
        ("2026-12-31", "explicit", "实现门诊费用跨区直接结算"),
        ("2025-12-31", "explicit", "实现街道医保服务站全覆盖"),
    ]
    notice = ("青禾市数据局关于推进数据共享的通知\n青数字〔2025〕3号\n各区数据局：\n一、年底前建成全市数据共享交换平台。\n"
              "二、6月完成共享目录编制。\n")
    assert [(d, desc) for d, _, desc in _milestones(notice)] == [
        ("2025-12-31", "建成全市数据共享交换平台"), ("2025-06-30", "完成共享目录编制")]


def test_milestones_a_dated_heading_when_nothing_under_it_delivers():
    """（三）集中整治及验收（2026年底前）: the heading is the milestone when its sentences are duties
    that recur (每月, 季度通报)."""
    text = ("青禾市线路整治工作方案\n三、时间安排\n（三）集中整治及验收（2026年底前）。每月25日前报送整治计划。整治验收情况实行季度通报。\n")
    assert _milestones(text) == [("2026-12-31", "section", "集中整治及验收")]


def test_milestones_a_quarter_without_a_year_a_document_submitted_and_a_step_of_its_own():
    """In a one-year plan 一季度 is its first quarter; 将X表报送Y delivers X (a meeting's receipt does
    not); an aside's numbers count nothing; a clause opening a new step (，提出……) ends the deliverable,
    what a step yields (，形成……报告) does not."""
    text = ("青禾市2026年计量工作要点\n一、任务\n（一）规范巡视。设备责任人一季度完成巡视计划的制定。"
            "请各单位于6月10日前，将盖章后的任务分解表报送市计量所。3月底前发布新一代采集系统（采集系统2.0）建设标准。\n"
            "（二）总结推广。市计量所将于9月底前组织对试点工作进行验收总结，提出在全市推广试点成果的意见。"
            "12月底前，各区对试点情况进行评估总结，形成试点工作总结报告报送市计量所。\n")
    assert [(d, desc) for d, _, desc in _milestones(text)] == [
        ("2026-03-31", "完成巡视计划的制定"),
        ("2026-06-10", "将盖章后的任务分解表报送市计量所"),
        ("2026-03-31", "发布新一代采集系统（采集系统2.0）建设标准"),
        ("2026-09-30", "组织对试点工作进行验收总结"),
        ("2026-12-31", "各区对试点情况进行评估总结，形成试点工作总结报告报送市计量所"),
    ]


def test_milestones_a_year_end_without_before_and_a_step_ended_by_a_semicolon():
    """确保年底开工 in a one-year plan is its year's end (纳入年底考核 is no date); a ； ends a step;
    纳入 delivers."""
    text = ("青禾市2026年电网建设工作要点\n一、任务\n（一）加快工程建设。力争东岭变11月建成投产，西河变确保年底开工；强化受阻协调攻坚。"
            "把工程进度纳入年底绩效考核体系。3月底前，全市重点用户全部纳入负荷监测平台。\n")
    assert [(d, desc) for d, _, desc in _milestones(text)] == [
        ("2026-11-30", "力争东岭变建成投产"),
        ("2026-12-31", "西河变确保开工"),
        ("2026-03-31", "全市重点用户全部纳入负荷监测平台"),
    ]


def test_milestones_not_from_a_state_described_a_title_date_or_a_range():
    """到2030年，X基本齐全，……: a goal's state, not a step; a date inside a 《title》 is the title's;
    （2026年至2028年） ends a period. 对……进行总结，形成……报告 is a step whose deliverable follows."""
    text = ("青禾市装备产业发展方案（2026—2030年）\n一、目标\n到2030年，装备品类基本齐全，重点产品实现协同发展。\n"
            "二、任务\n（一）编制报告。市统计局编制《青禾市2026年上半年装备产业分析报告》，现予印发。"
            "计划用3年时间（2026年至2028年）全面完成改造升级。试点区县要于2027年12月底前，对本地区试点情况进行总结，"
            "形成试点工作总结报告。\n")
    assert [(d, desc) for d, _, desc in _milestones(text)] == [
        ("2027-12-31", "对本地区试点情况进行总结，形成试点工作总结报告")]


def test_milestones_a_half_year_before_the_date_of_issue_and_a_step_after_a_clause():
    """A notice with no period issued in August: its 上半年 is the past, its 年底前 still ahead; a
    submission's step starts after the clause that closes the item before it."""
    text = ("青禾市工业和信息化局关于做好电网用户设施管理的通知\n青工信〔2025〕9号\n各区工信局：\n"
            "一、工作情况\n上半年，各区均制定整治工作计划。\n二、工作要求\n加快推进隐患整改。（各区工信局负责）"
            "各区要认真落实本通知各项要求，研究制定整改方案，相关落实情况年底前报市工信局。\n"
            "青禾市工业和信息化局\n2025年8月12日\n")
    r = process_bytes(text.encode("utf-8"), "m.txt")
    assert r.plan.issued_date == "2025-08-12"
    assert [(m.deadline, m.description) for m in r.milestones] == [
        ("2025-12-31", "各区要认真落实本通知各项要求，研究制定整改方案，相关落实情况，报市工信局")]


@pytest.mark.parametrize("step, milestone", [
    ("2025年秋季学期起，全面推行课后延时服务。", ("2025-09-01", "全面推行课后延时服务")),   # a school term's start
    ("自2026年3月起，全面推行告知承诺制审批。", ("2026-03-01", "全面推行告知承诺制审批")),   # a month's first day
    ("自2026年3月起，每年开展服务评估。", None),        # a standing rule that starts then
    ("本办法自2026年1月1日起施行。", None),              # an effective date delivers nothing
])
def test_milestones_a_step_dated_by_its_start(step, milestone):
    text = f"云江市教育提质行动方案（2025—2027年）\n一、重点任务\n（一）完善制度。{step}\n"
    r = process_bytes(text.encode("utf-8"), "m.txt")
    assert [(m.deadline, m.description) for m in r.milestones] == ([milestone] if milestone else [])
