"""Blocks: one action per clause when clauses close the sentences of a paragraph."""
from __future__ import annotations

from pipeline import process_bytes

_STATE_COUNCIL_STYLE = """青禾市数字政府建设实施方案
一、主要任务
（一）优化政务服务。推进事项标准化，编制统一的办事指南。（市政务服务局负责）推动高频事项网上办理，实现网上可办（市大数据局牵头，各有关部门、各区政府配合）。建设一体化平台，到2026年，建成统一身份认证体系。（市大数据局、市财政局按职责分工负责）
（二）强化数据共享。完善共享目录，开展数据治理。（市大数据局会同有关部门负责）
"""


def _owners(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    records = process_bytes(text.encode("utf-8"), "blocks.txt")
    return [(a.title, [(r.name, r.role) for r in a.responsibilities]) for a in records.actions if a.responsibilities]


def test_blocks_split_a_paragraph_at_each_clause_closing_a_sentence():
    """A clause after a 。 closes the sentences before it, one before a 。 its own sentence: each is
    an action of its own, never one action holding every unit of the paragraph."""
    owners = [units for _, units in _owners(_STATE_COUNCIL_STYLE)]
    assert owners == [
        [("市政务服务局", "responsible")],
        [("市大数据局", "lead"), ("各有关部门", "support"), ("各区政府", "support")],
        [("市大数据局", "responsible"), ("市财政局", "responsible")],
        [("市大数据局", "lead")],
    ]


def test_blocks_one_clause_closing_a_paragraph_keeps_one_action():
    text = "青禾市行动方案\n一、主要任务\n（一）优化服务。推进事项标准化。编制办事指南。（市政务服务局负责）\n"
    assert _owners(text) == [("优化服务", [("市政务服务局", "responsible")])]


def test_blocks_a_task_table_with_lead_and_support_columns():
    """序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限: one action per row, roles from the columns."""
    text = ("青禾市营商环境重点任务分工方案\n一、重点任务分工\n"
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
            "1\t建成企业服务平台\t市大数据局\t市财政局、市商务局\t2025年6月底前\n"
            "2\t出台信用修复办法\t市发展改革委\t\t2025年12月底前\n")
    owners = _owners(text)
    assert owners == [
        ("建成企业服务平台", [("市大数据局", "lead"), ("市财政局", "support"), ("市商务局", "support")]),
        ("出台信用修复办法", [("市发展改革委", "responsible")]),
    ]


def test_blocks_a_duty_column_named_responsibility_division():
    text = ("青禾市营商环境重点任务分工方案\n一、重点任务分工\n序号\t重点任务\t责任分工\n"
            "1\t优化审批流程\t市政务服务局、市司法局按职责分工负责\n")
    assert _owners(text) == [("优化审批流程", [("市政务服务局", "responsible"), ("市司法局", "responsible")])]


def test_blocks_a_marked_clause_closes_its_text_where_the_full_stop_was_lost():
    """Flattened pages lose 。 before a clause: a clause with a role verb still closes what precedes it."""
    text = ("西岭省减排行动方案（2025—2027年）\n（一）调整产业结构。到2027年，示范项目达到30个以上（省生态环境厅牵头）"
            "提升园区水平。推动园区优化提升（省工业和信息化厅牵头，省发展改革委配合）加快搬迁改造。\n")
    r = process_bytes(text.encode("utf-8"), "flat.txt")
    got = [[(x.unit, x.role) for x in a.responsibilities] for a in r.actions if a.responsibilities]
    assert got == [[("省生态环境厅", "lead")], [("省工业和信息化厅", "lead"), ("省发展和改革委员会", "support")]]


def test_blocks_split_a_heading_at_each_inline_clause():
    """Minutes without parentheses: ``……方面。A部牵头，……。B部组织，……`` under one heading are two
    actions, each with its own owner; the targets after each clause are its own, not masked."""
    text = ("青禾供电公司月度例会纪要\n二、抓好年末攻坚\n4.工程建设方面。工程部牵头，加快前期工作，"
            "2026年11月底前新增投产12项工程。规划部组织，做好配网提升规划。\n5.检修方面。运维部牵头，"
            "2026年10月底前完成检修项目30项。\n")
    r = process_bytes(text.encode("utf-8"), "minutes.txt")
    assert [[(x.name, x.role) for x in a.responsibilities] for a in r.actions if a.responsibilities] == [
        [("工程部", "lead")], [("规划部", "responsible")], [("运维部", "lead")]]
    assert [(t.value, t.responsible_units) for t in r.targets] == [(12, ["工程部"]), (30, ["运维部"])]
