"""Outline: headings in every marker style, title, period, notice wrapper, 文号, parent plans."""
import pytest

from pipeline import process_bytes

CHAPTERS = """西川省数字经济发展规划（2025—2030年）
第一章 发展基础
2024年，全省数字经济规模达到1.2万亿元。
第二章 总体要求
第一节 发展目标
到2030年，全省数字经济核心产业增加值占地区生产总值比重达到12%。
第三章 重点任务
第一节 夯实数字基础设施
第一条 建设算力网络。建设省级算力枢纽节点3个。（省发展改革委、省通信管理局按职责分工负责）
"""

NOTICE = """南屏市人民政府办公室关于印发南屏市会展业提升行动计划(2026-2028年)的通知
南政办字〔2026〕4号
各县（市、区）人民政府，市政府各部门：
现将《南屏市会展业提升行动计划(2026-2028年)》印发给你们，请认真贯彻执行。
南屏市人民政府办公室
2026年1月9日
南屏市会展业提升行动计划
(2026-2028年)
为贯彻落实《东湖省会展业高质量发展若干措施》（东政发〔2025〕11号）和《南屏市国民经济和社会发展第十五个五年规划纲要》，制定本计划。
（一）做强品牌展会。每年举办品牌展会12场以上（市商务局负责）
（二）优化场馆布局
1、建设会展综合体2个。（市住建局牵头，市商务局配合）
(1)配套酒店客房新增3000间。
①提升周边交通。
"""


def test_outline_chapter_section_article_styles():
    r = process_bytes(CHAPTERS.encode("utf-8"), "chapters.txt")
    assert [(s.marker, s.depth) for s in r.sections] == [
        ("第一章", 1), ("第二章", 1), ("第一节", 2), ("第三章", 1), ("第一节", 2), ("第一条", 3)]
    assert r.sections[-1].path == ["重点任务", "夯实数字基础设施", "建设算力网络"]
    assert (r.plan.region, r.plan.level, r.plan.period_start, r.plan.period_end) == ("西川省", "provincial", 2025, 2030)
    assert [(t.value, t.unit, t.kind) for t in r.baselines] == [(1.2, "万亿元", "baseline")]  # 发展基础 is background
    assert all(t.kind != "baseline" for t in r.targets)


def test_outline_notice_wrapper_title_on_two_lines_and_parents():
    r = process_bytes(NOTICE.encode("utf-8"), "notice.txt")
    p = r.plan
    assert p.title == "南屏市会展业提升行动计划（2026-2028年）"
    assert (p.doc_number, p.issuer, p.issued_date) == ("南政办字〔2026〕4号", "南屏市人民政府办公室", "2026-01-09")
    assert (p.period_start, p.period_end, p.level) == (2026, 2028, "city")
    assert [(pp.title, pp.doc_number) for pp in p.parent_plans] == [
        ("东湖省会展业高质量发展若干措施", "东政发〔2025〕11号"),
        ("南屏市国民经济和社会发展第十五个五年规划纲要", None)]
    # （一） first, 1、 second, (1) third, ① fourth: depth by order of appearance
    assert [(s.marker, s.depth) for s in r.sections] == [
        ("（一）", 1), ("（二）", 1), ("1、", 2), ("（1）", 3), ("①", 4)]
    assert r.sections[0].title == "做强品牌展会"  # a heading that is the first sentence of its paragraph


@pytest.mark.parametrize("line, title", [
    ("（三）强化人才支撑。加快引进高层次人才。", "强化人才支撑"),
    ("（三）强化人才支撑，加快引进高层次人才和创新团队，完善人才服务体系，落实住房保障。", "强化人才支撑"),
    ("（三）强化人才支撑", "强化人才支撑"),
])
def test_outline_heading_title_forms(line, title):
    r = process_bytes(("某市行动方案（2025—2027年）\n" + line + "\n").encode("utf-8"), "h.txt")
    assert r.sections[0].title == title


def test_outline_section_deadline_and_heading_clause():
    text = ("白石区商贸规划（2025—2035年）\n一、主要目标\n（一）近期目标（到2027年）\n服务业增加值达到500亿元。\n"
            "（二）远期目标（到2035年）\n服务业增加值达到900亿元。\n二、重点任务\n（三）提升商贸能级（牵头单位：区商务局）\n"
            "1.建设商圈。建设特色商圈3个。\n")
    r = process_bytes(text.encode("utf-8"), "phases.txt")
    assert [s.title for s in r.sections][-2:] == ["提升商贸能级", "建设商圈"]
    got = [(t.value, t.deadline, t.deadline_rule, t.responsible_units) for t in r.targets]
    assert got == [(500, "2027-12-31", "section", []), (900, "2035-12-31", "section", []),
                   (3, "2035-12-31", "plan_period", ["区商务局"])]


# A mirror page of a district plan whose preamble cites its city's notice inside 《…》, in the
# seed's convention (fictional names and numbers).
CITED_NOTICE = """Copyright ? www.example-mirror.com. All Rights Reserved
來源: 2025-03-04 09:30:00
西嶺區加快發展現代商貿三年行動方案(2025—2027年)
為深入貫徹落實黨的二十大精神,落實臨江市人民政府辦公廳《關于印發<臨江市加快發展現代商貿三年行動方案(2024—2026年)>的通知(臨政辦字〔2024〕12號)》,結合西嶺區實際,制定本方案。
一、發展目標
到2027年,全區社會消費品零售總額突破300億元。(責任單位:區商務局)
"""


def test_outline_a_cited_notice_in_the_preamble_is_the_parent_not_the_wrapper():
    r = process_bytes(CITED_NOTICE.encode("utf-8"), "cited.txt")
    p = r.plan
    assert (p.title, p.region, p.level) == ("西岭区加快发展现代商贸三年行动方案（2025—2027年）", "西岭区", "district")
    assert (p.period_start, p.period_end, p.doc_number, p.issuer) == (2025, 2027, None, None)
    assert [(pp.title, pp.doc_number, pp.issuer) for pp in p.parent_plans] == [
        ("临江市加快发展现代商贸三年行动方案（2024—2026年）", "临政办字〔2024〕12号", "临江市人民政府办公厅")]
    assert [t.deadline for t in r.targets] == ["2027-12-31"]


@pytest.mark.parametrize("line, posted", [
    ("來源: 2025-03-04 09:30:00", "2025-03-04"),
    ("发布时间：2024年11月5日", "2024-11-05"),
    ("发布日期：2024/2/30", None),  # a misprinted date is no date
])
def test_outline_posted_date_from_the_page_header(line, posted):
    r = process_bytes((line + "\n某市行动方案（2025—2027年）\n一、目标\n建设平台3个。\n").encode("utf-8"), "p.txt")
    assert r.plan.posted_date == posted and r.plan.issued_date is None


@pytest.mark.parametrize("title, kind", [
    ("云江市2025年国民经济和社会发展统计公报", "bulletin"),
    ("市发展改革委负责人就《云江市消费提质行动方案》答记者问", "interpretation"),
    ("关于云江市2025年国民经济和社会发展计划执行情况的报告", "report"),
    ("云江市支持企业上市若干措施", "policy_measures"),
    ("云江市公共数据管理办法", "regulation"),
    ("关于港湾路工程方案设计讨论会纪要", "minutes"),
    ("云江市服务业提质三年行动方案（2025—2027年）", "plan"),
    ("关于召开全市安全生产工作会议的通知", "notice"),
    ("关于召开全市重点任务推进会议的预备通知", "notice"),  # not a plan for its 任务
    ("关于调整2026年工作安排的补充通知", "notice"),  # nor for its 安排
])
def test_outline_document_type_from_the_title(title, kind):
    r = process_bytes((title + "\n一、总体情况\n全年地区生产总值达到5000亿元。\n").encode("utf-8"), "t.txt")
    assert r.plan.doc_type == kind


def test_outline_a_bulletins_figures_are_observations_not_targets():
    text = ("云江市2025年国民经济和社会发展统计公报\n一、综合\n全年地区生产总值达到5230亿元，比上年增长5.1%。"
            "全市新增市场主体3.2万户。\n")
    r = process_bytes(text.encode("utf-8"), "bulletin.txt")
    assert not r.targets  # a bulletin sets no targets: its figures are what was reached
    assert r.baselines and all(t.kind == "baseline" and t.deadline is None for t in r.baselines)


def test_outline_the_title_inside_a_text_whose_lines_were_lost():
    text = ("云江市工业和信息化局文件云工信〔2025〕3号云江市工业和信息化局关于加强电力设施保护的通知各县（市、区）工信局："
            "为加强电力设施保护，现就有关事项通知如下。一、到2026年，完成线路隐患整治120处。")
    r = process_bytes(text.encode("utf-8"), "ocr.txt")
    assert r.plan.title == "云江市工业和信息化局关于加强电力设施保护的通知" and r.plan.doc_type == "notice"


@pytest.mark.parametrize("head, period", [
    ("西川省“十四五”现代服务业发展规划\n", (2021, 2025)),
    ("白石区现代服务业发展规划\n为推动发展，制定本规划。规划期为2025—2035年。\n", (2025, 2035)),
    ("青禾市人民政府办公室关于印发青禾市2026年消费提振工作要点的通知\n", (2026, 2026)),
    ("关于2026年部分节假日安排的通知\n", (None, None)),  # a notice has no period
])
def test_outline_period_from_the_title_the_text_or_the_year(head, period):
    r = process_bytes((head + "一、主要任务\n年底前，建成平台3个。\n").encode("utf-8"), "p.txt")
    assert (r.plan.period_start, r.plan.period_end) == period


@pytest.mark.parametrize("text, region, level", [
    ("东湖省商务厅关于印发东湖省家政服务提质行动方案的通知\n东商务字〔2025〕3号\n", "东湖省", "provincial"),
    ("家政服务提质行动方案\n鲁政办发〔2025〕3号\n", "山东省", "provincial"),  # from the 文号's prefix
    ("生态环境部、农业农村部有关司局负责同志就《农田面源治理方案》答记者问\n", "全国", "national"),
])
def test_outline_region_and_level_when_the_title_names_no_place(text, region, level):
    r = process_bytes((text + "一、主要任务\n建设示范点3个。\n").encode("utf-8"), "r.txt")
    assert (r.plan.region, r.plan.level) == (region, level)


def test_outline_a_quoted_name_in_a_notice_title_is_part_of_the_plan_title():
    text = ("云江市人民政府办公室关于印发“无废城市”建设试点工作方案的通知\n"
            "“无废城市”建设试点工作方案\n为推进固体废物减量，制定本方案。\n一、主要任务\n建设示范项目3个。\n")
    r = process_bytes(text.encode("utf-8"), "q.txt")
    assert r.plan.title == "“无废城市”建设试点工作方案" and r.plan.parent_plans == []
