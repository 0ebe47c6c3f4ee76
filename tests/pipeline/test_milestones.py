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
