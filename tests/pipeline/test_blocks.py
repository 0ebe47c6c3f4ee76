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
