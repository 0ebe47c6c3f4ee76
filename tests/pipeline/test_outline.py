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
    ("2025年云江市国民经济和社会发展统计公报\n", "云江市", "city"),  # the year before the place
    ("云江市住房和城乡建设局\n关于印发《云江市工程建设项目联合验收规程》的通知\n", "云江市", "city"),  # 印发《 before it
    # 市中心区 of a topic is no district; the issuer's place is the region
    ("云江市行政审批局\n关于进一步规范市中心区市政设施审批事项的通知\n", "云江市", "city"),
])
def test_outline_region_and_level_when_the_title_names_no_place(text, region, level):
    r = process_bytes((text + "一、主要任务\n建设示范点3个。\n").encode("utf-8"), "r.txt")
    assert (r.plan.region, r.plan.level) == (region, level)


def test_outline_a_quoted_name_in_a_notice_title_is_part_of_the_plan_title():
    text = ("云江市人民政府办公室关于印发“无废城市”建设试点工作方案的通知\n"
            "“无废城市”建设试点工作方案\n为推进固体废物减量，制定本方案。\n一、主要任务\n建设示范项目3个。\n")
    r = process_bytes(text.encode("utf-8"), "q.txt")
    assert r.plan.title == "“无废城市”建设试点工作方案" and r.plan.parent_plans == []


DECREE = """南屏市人民政府令

 第 12 号   《南屏市河道管理办法》已经2026年5月10日市政府第20次常务会议通过，现予公布，自2026年7月1日起施行。

                                市  长   张某

                           2026年5月20日

南屏市河道管理办法第一章 总  则   第一条 为了加强河道管理，根据《东湖省河道管理条例》，制定本办法。
"""


def test_decree_is_titled_by_what_it_promulgates():
    """A decree (某政府令 第N号) is the 《X》 it promulgates: its title, number and issuer, and X is
    not its own parent."""
    p = process_bytes(DECREE.encode("utf-8"), "decree.txt").plan
    assert (p.title, p.doc_number, p.issuer, p.level) == (
        "南屏市河道管理办法", "南屏市人民政府令第12号", "南屏市人民政府", "city")
    assert [x.title for x in p.parent_plans] == ["东湖省河道管理条例"]


FLAT_OPINIONS = ("南屏市人民政府办公室关于加快发展养老服务业的实施意见南政办发〔2026〕7号各县（市、区）人民政府，"
                 "市政府各部门：为加快发展养老服务业，经市政府同意，现提出如下实施意见。一、总体要求到2028年，"
                 "全市养老机构床位达到1.2万张。")


def test_flat_title_with_its_number_after_it():
    """A text whose lines were lost: 关于…的实施意见 is a title, and the 文号 glued after it is its number."""
    p = process_bytes(FLAT_OPINIONS.encode("utf-8"), "flat.txt").plan
    assert (p.title, p.doc_number, p.issuer) == (
        "南屏市人民政府办公室关于加快发展养老服务业的实施意见", "南政办发〔2026〕7号", "南屏市人民政府办公室")


FLAT_COMPANY_NOTICE = ("普通事项国网东湖省电力有限公司文件东电发〔2026〕5号国网东湖省电力有限公司关于印发2026年配电网建设"
                       "工作计划的通知各市公司：为做好配电网建设，公司编制形成《国网东湖省电力有限公司2026年配电网建设工作计划》，"
                       "现予印发，请认真执行。一、工作目标全年新建配电线路120公里。")


def test_flat_notice_is_titled_by_the_plan_it_carries():
    """关于印发X的通知 with its lines lost is titled X, by X's fullest name in the text (the company's
    own), and the letterhead (…文件) glued before the 文号 is not part of it."""
    p = process_bytes(FLAT_COMPANY_NOTICE.encode("utf-8"), "flat_notice.txt").plan
    assert (p.title, p.doc_number, p.region, p.level) == (
        "国网东湖省电力有限公司2026年配电网建设工作计划", "东电发〔2026〕5号", "东湖省", "provincial")


def test_period_whose_range_sign_was_lost():
    """（20242026年）: two years glued by OCR are a period when the second follows the first."""
    text = "南屏市物流降本增效三年行动方案（20242026年）\n一、工作目标\n到2026年，全市物流总费用下降5%。\n"
    p = process_bytes(text.encode("utf-8"), "glued.txt").plan
    assert (p.period_start, p.period_end) == (2024, 2026)


def test_untitled_text_is_named_by_its_file():
    """No title found: the plan is named by the file's name, never by its full path."""
    text = "为做好有关工作，各单位要按照要求认真落实。\n"
    p = process_bytes(text.encode("utf-8"), "/data/crawl/某区养老服务工作安排.txt").plan
    assert p.title == "某区养老服务工作安排"


def test_standing_policy_takes_no_year_of_issue_as_its_period():
    """An 意见's 年底前 is a first step, not a one-year plan's deadline: no period from the year of
    issue (a 工作要点 with the same sentence is a one-year plan)."""
    body = "南政办发〔2026〕3号\n一、主要任务\n年底前，各县（市、区）建立融资担保工作机制。\n"
    opinions = process_bytes(("南屏市人民政府办公室关于发挥融资担保作用支持小微企业的指导意见\n" + body).encode("utf-8"), "o.txt")
    points = process_bytes(("南屏市融资担保工作要点\n" + body).encode("utf-8"), "p.txt")
    assert (opinions.plan.period_start, opinions.plan.period_end) == (None, None)
    assert (points.plan.period_start, points.plan.period_end) == (2026, 2026)


def test_outline_a_notices_doc_number_on_the_line_under_its_title():
    # An article page: the notice's title, then its 文号 alone on the next line. The 文号 gives
    # the year of issue, so a figure of the year before is a baseline, not a target.
    text = ("云江市人民政府办公室关于印发云江市物流降本工作方案的通知\n云政办发〔2025〕7号\n一、工作目标\n"
            "2024年全市实现社会物流总额8200亿元。\n")
    r = process_bytes(text.encode("utf-8"), "notice.txt")
    assert r.plan.doc_number == "云政办发〔2025〕7号"
    assert not r.targets and [t.kind for t in r.baselines] == ["baseline"]


def test_outline_a_cover_pages_title_broken_in_two():
    # A PDF's cover: the place and topic on one line, the period and kind on the next, the organs under it.
    text = ("西川省体育事业发展\n“十四五”规划\n西川省体育局\n目录\n一、发展基础\n"
            "二、发展目标\n到2025年，全省体育场地面积达到3000万平方米。\n")
    r = process_bytes(text.encode("utf-8"), "cover.pdf.txt")
    assert r.plan.title == "西川省体育事业发展“十四五”规划"
    assert (r.plan.level, r.plan.period_start, r.plan.period_end) == ("provincial", 2021, 2025)


def test_outline_a_notice_and_its_plan_both_broken_over_two_lines():
    text = ("云城办发〔2024〕3号\n云江市城市管理局\n关于印发《云江市建设工程告知承诺制\n审批管理办法（试行）》的通知\n"
            "各县（市、区）人民政府：\n现将《云江市建设工程告知承诺制审批管理办法（试行）》印发给你们，请遵照执行。\n"
            "云江市城市管理局\n2024年3月1日\n云江市建设工程告知承诺制\n审批管理办法（试行）\n第一条 为优化审批，制定本办法。\n")
    r = process_bytes(text.encode("utf-8"), "notice.pdf.txt")
    assert r.plan.title == "云江市建设工程告知承诺制审批管理办法（试行）"


def test_outline_a_disclosure_pages_header_fields_stay_apart():
    # 政府信息公开 header: each field on its own line; 成文日期 never runs into 名称 (…02-12名称 is no 2—12名).
    text = ("云江市工业和信息化局政府信息公开\n索引号：114403005907069935/2026-00020分类：\n"
            "发布机构：云江市工业和信息化局成文日期：2026-02-12\n"
            "名称：关于印发《云江市“人工智能+”先进制造业行动计划（2026-2027年）》的\n通知\n主题词：\n"
            "关于印发《云江市“人工智能+”先进制造业行\n动计划（2026-2027年）》的通知\n各有关单位：\n"
            "为深入贯彻落实相关文件精神，我局制定了《云\n江市“人工智能+“先进制造业行动计划（2026-2027年）》，现印发实施，"
            "请认真组织贯彻\n落实。\n云江市工业和信息化局\n2026年2月9日\n云江市“人工智能+“先进制造业行动计划（2026-2027年）\n"
            "为深入学习贯彻相关精神，制定本行动计划。\n一、总体要求\n到2027年，建成智能工厂30家。\n")
    r = process_bytes(text.encode("utf-8"), "page.pdf.txt")
    assert [(t.value, t.unit) for t in r.targets] == [(30, "家")]
