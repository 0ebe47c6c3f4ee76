"""What a document's type allows of its amounts, end to end (fictional documents in real conventions):
a notice of its own or minutes keep only dated goals, a notice that carries a plan is that plan, a
text with no title that reports a press event is an interpretation."""
import pytest

from pipeline import process_bytes
from pipeline.doctype import doc_type


def _goals(text: str) -> list[tuple[str, float]]:
    r = process_bytes(text.encode("utf-8"), "doc.txt")
    return [(t.metric, t.value) for t in r.targets if t.kind != "baseline" and t.value is not None]


@pytest.mark.parametrize("text", [
    # a meeting notice: who attends is no goal
    "云江市人民政府办公室关于召开全市安全生产督导动员会议的通知\n各县（市、区）人民政府：\n"
    "请各单位确定1名联络员，每单位参会人员不超过3名。\n",
    # a decision on awards: what was awarded
    "云江市人民政府关于2025年度云江市科学技术奖励的决定\n"
    "市政府决定，授予36项成果市自然科学奖二等奖，授予5名外国专家市国际科技合作奖。\n",
    # a letter: a request, not a plan
    "云江市根治欠薪工作领导小组办公室关于督促解决工程欠薪问题的函\n"
    "请你单位指定专人妥善解决该项目欠薪12件。\n",
    # minutes: who met and what was said
    "关于滨江路市政道路工程方案设计讨论会的纪要\n会议邀请六位专家参加，听取了设计单位汇报。\n",
])
def test_a_notice_of_its_own_or_minutes_state_no_undated_goals(text):
    assert _goals(text) == []


def test_a_notice_keeps_a_goal_with_a_date_of_its_own():
    text = ("云江市工业和信息化局关于加强电力设施保护的通知\n各县（市、区）工信局：\n"
            "到2026年底，完成线路隐患整治120处。\n")
    assert _goals(text) == [("线路隐患整治", 120)]


def test_a_notice_that_carries_a_plan_is_that_plan():
    assert doc_type("关于印发《云江市老旧电网改造工作方案》的通知") == "plan"
    assert doc_type("关于印发云江市防汛工作分工方案的通知") == "plan"
    assert doc_type("关于印发《云江市公共数据管理办法》的通知") == "regulation"
    assert doc_type("关于下达《云江市2026年重点项目建设计划》的通知") == "plan"
    assert doc_type("关于召开全市防汛工作会议的通知") == "notice"
    assert doc_type("一图读懂《云江市数字经济行动方案》") == "interpretation"
    assert doc_type("2025年云江市经济运行情况") == "bulletin"
    assert doc_type("云江市供电公司关于成立团委的请示") == "notice"
    text = ("云江市发展和改革委员会关于印发《云江市老旧电网改造工作方案》的通知\n各县（市、区）发展改革局：\n"
            "现将方案印发给你们，请认真贯彻执行。\n云江市老旧电网改造工作方案\n一、主要任务\n改造升级林场电网45处。\n")
    assert _goals(text) == [("林场电网", 45)]


def test_a_text_without_a_title_reporting_a_press_event_is_an_interpretation():
    text = ("2025年3月4日，市政府新闻办举行新闻发布会，介绍营商环境评估有关情况。"
            "评估组选取18个典型县区，共收回问卷2300份，平均得分达到4.2分以上的条目有20个。\n")
    r = process_bytes(text.encode("utf-8"), "press.txt")
    assert all(t.kind == "baseline" for t in r.targets)


def test_the_day_of_an_event_is_no_deadline():
    text = ("云江市人民政府办公室关于做好江河防凌工作的通知\n各县（市、区）人民政府：\n"
            "2025年1月7日8时，江段出现首封，封河总长度4.6千米。请各地加强巡查。\n")
    assert _goals(text) == []


# A bulletin whose title was lost (a PDF page's title set in an image): issuer, date, then a year's
# results. Its figures are observations; a plan reviewing its past (发展基础) stays a plan.
_RESULTS = "".join(f"全年{name}{v}亿元，比上年增长{g}%。年末{name}余额{v * 3}亿元，比上年末增加{g}亿元。"
                   for name, v, g in [("工业增加值", 210, 4.1), ("建筑业增加值", 80, 3.2), ("零售额", 350, 5.5),
                                      ("货物进出口额", 120, 6.1), ("财政收入", 95, 2.2), ("存款", 900, 7.0)])


def test_a_bulletin_without_its_title_reads_as_one():
    text = "云江市统计局\n2025年3月20日\n一、综合\n初步核算，全年全市生产总值1329亿元，比上年增长4.0%。\n" + _RESULTS + "\n"
    r = process_bytes(text.encode("utf-8"), "bulletin.pdf.txt")
    assert r.plan.doc_type == "bulletin"
    assert not r.targets and len(r.baselines) >= 12


def test_a_plan_reviewing_its_past_stays_a_plan():
    review = "一、发展基础\n" + _RESULTS[:120] + "\n"
    goals = "".join(f"到2027年，{m}达到{v}亿元，力争突破{v + 20}亿元。" for m, v in
                    [("工业增加值", 300), ("零售额", 420), ("货物进出口额", 160), ("财政收入", 130)])
    text = "云江市商贸发展三年行动方案（2025—2027年）\n" + review + "二、发展目标\n" + goals + "\n"
    r = process_bytes(text.encode("utf-8"), "plan.txt")
    assert r.plan.doc_type == "plan" and len(_goals(text)) >= 4


def test_a_text_opening_on_a_press_event_is_an_interpretation():
    text = "国新办举行吹风会，介绍云江新区建设情况。\n一、总体情况\n新区累计引进项目120个。\n"
    r = process_bytes(text.encode("utf-8"), "press.txt")
    assert r.plan.doc_type == "interpretation" and not r.targets
