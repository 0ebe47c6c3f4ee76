"""Headings inside a line whose line breaks were lost (OCR, a page flattened into one line)."""
from __future__ import annotations

from pipeline import process_bytes
from pipeline.headings import Line, unflattened

# One line, as OCR leaves it: the annex title runs into 一、, a heading without an end mark into 1.
_FLAT = (
    "青川省人民政府办公厅关于印发青川省防汛能力提升工作方案的通知各市人民政府，省政府各部门：现将《青川省防汛能力提升工作方案》"
    "印发给你们，请结合本地、本部门实际认真贯彻落实。今年汛期全省上下高度重视，各项工作推进总体顺利并取得成效，"
    "下一步要立足于防大汛、抗大旱，从根本上提升水旱灾害防御能力，进一步明确分工、压实责任，切实做好防汛防台风各项工作。青川省人民政府办公厅2024年3月1日青川省防汛能力提升工作方案一、加强工程建设1.加大水利工程投入，"
    "新建扩建一批水库、闸坝工程，提高工程防洪减灾能力，统一、规范建设标准。（责任单位：省水利厅牵头，省发展改革委、省财政厅等部门分工负责）"
    "2.完善河道拦蓄工程，推进雨洪资源利用，形成较为完善的供水工程体系。（责任单位：省水利厅、省自然资源厅）二、健全工作机制"
    "1.总结汛期工作机制，推动工作制度化、规范化，提升统一指挥、统一调度水平。（责任单位：省应急厅牵头，省水利厅、省消防救援总队配合）"
    "2.建立全省统一的灾情统计报告制度，规范灾情核查和报送程序，提高统计数据质量。（责任单位：省应急厅、省统计局）"
    "三、强化基础保障1.加强防汛抗旱队伍建设，强化装备配备，开展汛前培训和实战演练，不断提升专业技术水平和应急处置能力，"
    "确保关键时刻拉得出、冲得上、打得赢。（责任单位：省应急厅牵头，省财政厅配合）"
    "2.加快应急管理信息化建设，提高监测预警能力，推动信息化、智能化手段在防汛调度中的应用，实现监测数据实时共享。"
    "（责任单位：省大数据局牵头，省应急厅、省水利厅配合）"
)


def test_headings_found_inside_a_flattened_line():
    records = process_bytes(_FLAT.encode("utf-8"), "flat.txt")
    assert [(s.marker, s.title) for s in records.sections] == [
        ("一、", "加强工程建设"), ("1.", "加大水利工程投入"), ("2.", "完善河道拦蓄工程"),
        ("二、", "健全工作机制"), ("1.", "总结汛期工作机制"), ("2.", "建立全省统一的灾情统计报告制度"),
        ("三、", "强化基础保障"), ("1.", "加强防汛抗旱队伍建设"), ("2.", "加快应急管理信息化建设"),
    ]
    owners = [[(r.name, r.role) for r in a.responsibilities] for a in records.actions if a.responsibilities]
    assert owners == [
        [("省水利厅", "lead"), ("省发展改革委", "support"), ("省财政厅", "support")],
        [("省水利厅", "responsible"), ("省自然资源厅", "responsible")],
        [("省应急厅", "lead"), ("省水利厅", "support"), ("省消防救援总队", "support")],
        [("省应急厅", "responsible"), ("省统计局", "responsible")],
        [("省应急厅", "lead"), ("省财政厅", "support")],
        [("省大数据局", "lead"), ("省应急厅", "support"), ("省水利厅", "support")],
    ]


def test_headings_a_long_paragraph_with_inline_numbers_stays_one_line():
    """统一、 唯一、 and a lone （一） inside prose are no headings: fewer than three markers that go on
    with their numbering after a sentence's end."""
    text = ("推进标准统一、规范管理，实现数据唯一、准确。" * 20 + "主要包括：（一）数据治理；其他事项另行通知。") * 2
    line = Line(0, len(text), text)
    assert unflattened(line) == [line]


def test_a_marker_after_a_date_in_a_flattened_task_list_opens_a_heading():
    """A flattened task table (a line of over 600 characters) ends each item with its deadline cell
    (完成时限：2026年9月30日) and the next item's （2） follows the date with no end mark: it still
    opens a heading; after a month (11月-12月) too."""
    from pipeline import process_bytes

    body = "".join(
        f"（{i}）{name}：按照总体部署完成{name}相关工作，做好过程管控和质量把关，确保按期完成并及时报送进展情况"
        f"以及存在的问题和下一步打算。" + "各单位要加强协调配合，落实专人负责，定期会商解决推进中的困难和问题，形成工作合力。" * 3 +
        f"责任单位：北湖信通公司完成时限：{date}"
        for i, (name, date) in enumerate([("资源申请", "2026年9月30日"), ("组件部署", "2026年11月-12月"),
                                          ("联调测试", "2026年12月31日")], 1))
    text = "北湖公司智能管控推广工作方案\n一、工作任务" + body + "二、工作要求加强领导。\n"
    r = process_bytes(text.encode("utf-8"), "flat_tasks.txt")
    assert [a.section_path for a in r.actions if a.responsibilities] == [
        ["工作任务", "资源申请"], ["工作任务", "组件部署"], ["工作任务", "联调测试"]]


def test_headings_a_heading_title_may_open_with_a_year():
    # 一、2025年主要目标 is a heading; a point or a comma before a digit (一.5, 一，2) is not one.
    text = ("云江市2025年工作要点\n一、2025年主要目标\n地区生产总值增长6%左右。\n二、重点任务\n（一）稳增长。年底前建成平台。\n"
            "三.5倍于上年的投入不是标题\n")
    r = process_bytes(text.encode("utf-8"), "p.txt")
    assert [(s.marker, s.title) for s in r.sections][:3] == [("一、", "2025年主要目标"), ("二、", "重点任务"), ("（一）", "稳增长")]
    assert len(r.sections) == 3
    assert r.targets[0].section_path == ["2025年主要目标"]
