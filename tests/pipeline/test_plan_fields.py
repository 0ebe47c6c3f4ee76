"""Plan fields when the title does not give them: region and level from a letterhead, a decree or
the units the clauses name; the period from the text; a title on two lines; which citations are parents."""
from __future__ import annotations

import pytest

from pipeline import process_bytes

_BODY = "一、主要任务\n建设示范点3个。\n"


def _plan(text: str):
    return process_bytes(text.encode("utf-8"), "p.txt").plan


@pytest.mark.parametrize("text, region, level", [
    # a letterhead opening a text whose lines were lost
    ("云江市工业和信息化局云江市城市管理局关于推进线路整治的通知各县（市、区）工信局：为推进整治，现通知如下。", "云江市", "city"),
    # a decree line names its issuer; a 直辖市 is province-level
    ("【引证码】CLI.1.23\n临港片区管理办法\n上海市人民政府令\n（第9号）\n第一章 总则\n第一条 为了推进建设，制定本办法。\n",
     "上海市", "provincial"),
    ("东坪高新区根治欠薪工作领导小组办公室工作联系函某电力公司：现将有关情况函告如下。", "东坪高新区", "district"),
])
def test_plan_fields_region_and_level_from_the_letterhead_or_decree(text, region, level):
    plan = _plan(text + _BODY)
    assert (plan.region, plan.level) == (region, level)


def test_plan_fields_a_title_broken_after_its_organ_and_about():
    plan = _plan("国务院关于2025年度\n青禾奖励的决定\n国发〔2025〕9号\n各省人民政府：\n" + _BODY)
    assert plan.title == "国务院关于2025年度青禾奖励的决定" and plan.doc_number == "国发〔2025〕9号"


@pytest.mark.parametrize("text, period", [
    ("西川省林场电网改造实施方案\n经排查，计划用3年时间（2024年至2026年）全面完成改造。\n", (2024, 2026)),
    # a notice whose lines were lost: the period of the plan it carries, from the text
    ("西川省林业局关于印发《西川省林场电网改造实施方案》的通知各市林业局：现印发给你们。"
     "计划利用三年时间（2024—2026年）完成改造。", (2024, 2026)),
])
def test_plan_fields_period_stated_only_in_the_text(text, period):
    plan = _plan(text + _BODY)
    assert (plan.period_start, plan.period_end) == period


def test_plan_fields_parents_not_reports_short_names_or_the_plan_itself():
    text = ("青禾省发展和改革委员会关于商请会签《青禾省煤炭储备建设方案（2024—2026年）》的函\n"
            "各有关单位：根据《青禾省能源发展规划》，按照《关于2024年防汛工作情况的总结报告》的批示，我委修改了"
            "《青禾省煤炭储备建设方案（2024—2026年）》（以下简称《方案》），对《方案》进行了完善，并落实"
            "《青禾省煤炭储备建设工作方案（2024—2026年）》要求。\n")
    plan = _plan(text + _BODY)
    assert [p.title for p in plan.parent_plans] == ["青禾省能源发展规划"]
    assert (plan.period_start, plan.period_end) == (2024, 2026)


def test_plan_fields_an_approval_of_a_request_has_the_requested_plan_as_parent():
    text = ("国务院关于青禾新区总体规划（2025—2035年）的批复\n国函〔2025〕9号\n青禾省人民政府：\n"
            "你们《关于呈报〈青禾新区总体规划（2025—2035年）〉的请示》收悉。现批复如下：\n")
    assert [p.title for p in _plan(text + _BODY).parent_plans] == ["青禾新区总体规划（2025—2035年）"]


def test_plan_fields_a_regulations_first_article_cites_its_parents():
    text = ("青禾市政务数据管理办法\n第一章 总则\n第一条 为了规范政务数据管理，根据《中华人民共和国数据安全法》"
            "《青禾省公共数据条例》等规定，结合本市实际，制定本办法。\n第二条 本办法适用于本市。\n")
    plan = _plan(text)
    assert [p.title for p in plan.parent_plans] == ["中华人民共和国数据安全法", "青禾省公共数据条例"]


@pytest.mark.parametrize("text, title", [
    ("东坪高新区根治欠薪工作领导小组办公室工作联系函某电力公司：现将有关情况函告如下。", "东坪高新区根治欠薪工作领导小组办公室工作联系函"),
    ("青禾省人民政府办公厅便函〔2025〕6号青禾省人民政府办公厅关于建立重点任务工作台账的预备通知省直有关部门：现通知如下。",
     "青禾省人民政府办公厅关于建立重点任务工作台账的预备通知"),
])
def test_plan_fields_a_letter_or_preliminary_notice_title_inside_a_flattened_text(text, title):
    assert _plan(text + _BODY).title == title


def test_plan_fields_a_notice_cites_what_it_implements_in_its_first_item():
    """No citation in the preamble: the first item's 根据《…》 is the parent, and a 3-character law counts."""
    text = ("青禾省人民政府办公厅关于建立工作台账的通知\n省直有关部门：现将有关要求通知如下：\n"
            "一、明确台账内容\n请各部门根据《青禾省人民政府办公厅关于印发重点任务分工方案的通知》（青政办发〔2025〕1号）"
            "和《电力法》填报，讨论《青禾省台账模板》。\n二、报送要求\n按月报送。\n")
    plan = _plan(text)
    assert [(p.title, p.doc_number) for p in plan.parent_plans] == [
        ("青禾省人民政府办公厅关于印发重点任务分工方案的通知", "青政办发〔2025〕1号"), ("电力法", None)]


def test_plan_fields_level_from_the_units_the_clauses_name():
    """A title, issuer and 文号 without a place: 省X厅 in every clause make the plan provincial."""
    text = ("防汛能力提升工作方案\n一、加强建设\n1.加大水利工程投入。（责任单位：省水利厅牵头，省财政厅配合）\n"
            "2.完善统计制度。（责任单位：省应急厅、省统计局）\n")
    plan = _plan(text)
    assert (plan.region, plan.level) == (None, "provincial")


def test_plan_fields_level_stays_unknown_when_the_units_disagree():
    text = ("防汛能力提升工作方案\n一、加强建设\n1.加大投入。（责任单位：省水利厅）\n2.完善制度。（责任单位：市应急局）\n")
    assert _plan(text).level == "unknown"


def test_plan_fields_a_garbled_year_is_flagged_and_never_a_period():
    """A mirrored page turns 2025 into 0402-like digits: a warning, no period, no deadline from it."""
    r = process_bytes("某区服务业发展行动方案（0402—0202年）\n一、目标\n到0202年，建成平台。\n".encode("utf-8"), "m.txt")
    assert (r.plan.period_start, r.plan.period_end) == (None, None) and r.milestones == []
    assert any(w.code == "other" and "garbled" in w.message for w in r.warnings)


def test_plan_fields_a_letter_cites_no_parent_it_does_not_say_it_implements():
    """A 工作联系函 reminds of a law the addressee did not follow (未按照《…》) and reports a notice
    issued (国务院印发《…》): neither is a plan it implements; 根据《…》 would be."""
    text = ("东坪高新区根治欠薪工作领导小组办公室工作联系函某电力公司：该项目因未按照《保障工资支付条例》落实管理，"
            "日前，国务院印发《关于开展冬季专项行动的通知》。根据《东坪高新区欠薪治理办法》，请你单位妥善解决。")
    assert [p.title for p in _plan(text + _BODY).parent_plans] == ["东坪高新区欠薪治理办法"]
