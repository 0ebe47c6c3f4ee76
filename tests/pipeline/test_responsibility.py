"""Responsibility clauses: shapes, roles and ranks, names, levels, non-clauses and broken parentheses."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import process_bytes
from pipeline.responsibility import (
    aliases,
    canonical_name,
    find_clauses,
    is_generic,
    parse_units,
    unit_level,
)
from pipeline.roles import first_listed_leads


def _triples(content: str) -> list[tuple[str, str, int]]:
    return [(r.name, r.role, r.rank) for r in parse_units(content)[0]]


@pytest.mark.parametrize("content, expected, open_list", [
    ("责任单位：市科技局、市财政局等",
     [("市科技局", "responsible", 1), ("市财政局", "responsible", 2)], True),
    ("责任部门：区商务局", [("区商务局", "responsible", 1)], False),
    ("牵头部门：市商务局", [("市商务局", "lead", 1)], False),
    ("主责单位：市教育局", [("市教育局", "lead", 1)], False),
    ("责任主体：各街道办事处", [("各街道办事处", "responsible", 1)], False),
    ("实施主体：区住建局、区城管局", [("区住建局", "responsible", 1), ("区城管局", "responsible", 2)], False),
    ("牵头单位：市商务局；配合单位：市发展改革委、市财政局",
     [("市商务局", "lead", 1), ("市发展改革委", "support", 2), ("市财政局", "support", 3)], False),
    ("牵头单位：市商务局，参与单位：市统计局", [("市商务局", "lead", 1), ("市统计局", "support", 2)], False),
    ("牵头单位：市商务局 协办单位：市税务局", [("市商务局", "lead", 1), ("市税务局", "support", 2)], False),
    ("责任单位：区科技局；责任配合单位：区财政局、区人社局",
     [("区科技局", "lead", 1), ("区财政局", "support", 2), ("区人社局", "support", 3)], False),
    ("责任单位：市民政局、市卫健委；配合部门：市财政局",
     [("市民政局", "lead", 1), ("市卫健委", "lead", 2), ("市财政局", "support", 3)], False),
    ("市卫生健康委牵头，市民政局、市医保局配合",
     [("市卫生健康委", "lead", 1), ("市民政局", "support", 2), ("市医保局", "support", 3)], False),
    ("市教育局负责", [("市教育局", "responsible", 1)], False),
    ("由市教育局牵头负责", [("市教育局", "lead", 1)], False),
    ("省商务厅会同省财政厅负责", [("省商务厅", "lead", 1), ("省财政厅", "support", 2)], False),
    ("市科技局、市工业和信息化局按职责分工负责",
     [("市科技局", "responsible", 1), ("市工业和信息化局", "responsible", 2)], False),
    ("各区（市）政府负责", [("各区（市）政府", "responsible", 1)], False),
    ("各有关部门按职责分工负责", [("各有关部门", "responsible", 1)], False),
    ("发展改革委、财政部、商务部等按职责分工负责",
     [("发展改革委", "responsible", 1), ("财政部", "responsible", 2), ("商务部", "responsible", 3)], True),
    ("发展改革委、财政部等和各省级人民政府负责",
     [("发展改革委", "responsible", 1), ("财政部", "responsible", 2), ("各省级人民政府", "responsible", 3)], True),
    ("市交通运输局（市港航局）、市财政局负责",
     [("市交通运输局（市港航局）", "responsible", 1), ("市财政局", "responsible", 2)], False),
    ("市工业和信息化局和市住房和城乡建设局负责",
     [("市工业和信息化局", "responsible", 1), ("市住房和城乡建设局", "responsible", 2)], False),
    ("人力资源社会保障部及各省级人民政府负责",
     [("人力资源社会保障部", "responsible", 1), ("各省级人民政府", "responsible", 2)], False),
    ("服务业各行业主管单位及相关部门负责", [("服务业各行业主管单位及相关部门", "responsible", 1)], False),
    ("责任单位：市商务局（牵头）、市财政局", [("市商务局", "lead", 1), ("市财政局", "support", 2)], False),
    ("责任单位：市财政局、市商务局（牵头）", [("市财政局", "support", 1), ("市商务局", "lead", 2)], False),
    ("市商务局、市财政局分别负责",
     [("市商务局", "responsible", 1), ("市财政局", "responsible", 2)], False),
    ("市商务局牵头，市有关部门和各区（市）政府按职责分工负责",
     [("市商务局", "lead", 1), ("市有关部门", "support", 2), ("各区（市）政府", "support", 3)], False),
    ("各省、自治区、直辖市人民政府负责", [("各省、自治区、直辖市人民政府", "responsible", 1)], False),
    ("市发展改革委等部门按职责分工负责", [("市发展改革委", "responsible", 1)], True),
    ("牵头单位:市商务局;配合单位:市财政局", [("市商务局", "lead", 1), ("市财政局", "support", 2)], False),
    ("各区(市)政府、市财政局负责", [("各区(市)政府", "responsible", 1), ("市财政局", "responsible", 2)], False),
    ("市商务局、各区负责", [("市商务局", "responsible", 1), ("各区", "responsible", 2)], False),
    ("各地区、各部门负责", [("各地区", "responsible", 1), ("各部门", "responsible", 2)], False),
    ("各县（市、区）人民政府负责", [("各县（市、区）人民政府", "responsible", 1)], False),
    ("市商务局负责，市财政局配合", [("市商务局", "lead", 1), ("市财政局", "support", 2)], False),
    # beside named units a bare 有关部门 is "and the others": the list is open, no unit
    ("国家发展改革委会同有关部门负责", [("国家发展改革委", "lead", 1)], True),
    ("市商务局牵头，有关部门配合", [("市商务局", "lead", 1)], True),
    ("有关部门负责", [("有关部门", "responsible", 1)], False),
    # groups separated by ， in one list, and 各区、市政府 as one owner
    ("责任单位：市发展改革委，市科技局、市财政局，各区、市政府",
     [("市发展改革委", "responsible", 1), ("市科技局", "responsible", 2), ("市财政局", "responsible", 3),
      ("各区、市政府", "responsible", 4)], False),
    # State Council short names of commissions and bodies that do not end like a bureau
    ("人民银行、银保监会、证监会负责",
     [("人民银行", "responsible", 1), ("银保监会", "responsible", 2), ("证监会", "responsible", 3)], False),
    ("商务部、供销合作总社等和各有关省级人民政府负责",
     [("商务部", "responsible", 1), ("供销合作总社", "responsible", 2), ("各有关省级人民政府", "responsible", 3)],
     True),
    ("发展改革委、财政部、商务部等相关部门按职责分工负责",
     [("发展改革委", "responsible", 1), ("财政部", "responsible", 2), ("商务部", "responsible", 3)], True),
    # State Council task division: 等国务院相关部门 closes the list; 国务院相关部门 beside named
    # units is "and the others", dropped; 及 joins the regions
    ("教育部、民政部等国务院相关部门及各地区按职责分工负责",
     [("教育部", "responsible", 1), ("民政部", "responsible", 2), ("各地区", "responsible", 3)], True),
    ("商务部牵头，国务院相关部门及各地区按职责分工负责",
     [("商务部", "lead", 1), ("各地区", "support", 2)], True),
    ("司法部牵头，国务院相关部门和单位按职责分工负责", [("司法部", "lead", 1)], True),
    ("省财政厅、省文化和旅游厅等省直有关部门按职责分工负责",
     [("省财政厅", "responsible", 1), ("省文化和旅游厅", "responsible", 2)], True),
    ("国务院相关部门按职责分工负责", [("国务院相关部门", "responsible", 1)], False),
    # a bank's regional branch is an owner
    ("省财政厅、人民银行某某分行按职责分工负责",
     [("省财政厅", "responsible", 1), ("人民银行某某分行", "responsible", 2)], False),
])
def test_responsibility_parse_units_roles_and_ranks(content, expected, open_list):
    responsibilities, is_open = parse_units(content)
    assert [(r.name, r.role, r.rank) for r in responsibilities] == expected
    assert is_open is open_list


@pytest.mark.parametrize("content, units", [
    ("责任单位：市科技局相关处、市商务局有关处室", ["市科学技术局", "市商务局"]),
    ("市财政局相关部负责", ["市财政局"]),
    ("责任单位：区发改局；配合单位：区市场监管局", ["区发展和改革局", "区市场监督管理局"]),
    ("市交通运输局（市港航局）负责", ["市交通运输局"]),
    ("各区(市)政府负责", ["各区（市）政府"]),
])
def test_responsibility_parse_units_canonical_units(content, units):
    assert [r.unit for r in parse_units(content)[0]] == units


@pytest.mark.parametrize("text, names", [
    ("加快发展现代物流。（责任单位：市商务局、市交通运输局）", ["市商务局", "市交通运输局"]),
    ("培育龙头企业10家（市工业和信息化局牵头，市财政局配合）。", ["市工业和信息化局", "市财政局"]),
    ("推进养老服务（市民政局负责），完善医疗服务（市卫生健康委负责）。", ["市民政局", "市卫生健康委"]),
    ("完善政策(牵头单位:市商务局;配合单位:市财政局)", ["市商务局", "市财政局"]),
    ("建设公共服务平台（各区（市）政府负责）。", ["各区（市）政府"]),
    ("推进工程建设（市住建局）。", ["市住建局"]),
    ("规划（2024—2026年）实施。（责任单位：区科技局）", ["区科技局"]),
    ("加强协调（市商务局牵头，市交通运输局（市港航局）配合）", ["市商务局", "市交通运输局（市港航局）"]),
])
def test_responsibility_find_clauses_offsets(text, names):
    matches = find_clauses(text)
    assert [r.name for m in matches for r in m.responsibilities] == names
    for m in matches:
        span = text[m.start:m.end]
        assert span[0] in "（(" and span[-1] in "）)"
        assert m.balanced
        assert all(r.name in span for r in m.responsibilities)


@pytest.mark.parametrize("text", [
    "实施方案（2024—2026年）",
    "本方案（以下简称“方案”）自印发之日起施行",
    "服务业增加值（含市商务局统计口径）持续增长",
    "（一）加快发展现代服务业",
    "(1)推进物流降本增效",
    "根据《关于加快发展的意见》（青政办字〔2023〕57号）",
    "投资规模（亿元）",
    "协调市交通运输局（市港航局）。",
    "确定一批企业（试点单位）。",
    "构建新发展格局（新格局）。",
    "建立健全机制（试行）",
    "由市商务局（牵头）推进",
    "（全部）",
    "（单位：亿元）",
    "增长较快（数据来源：市统计局）。",
    "覆盖面扩大（各类企业）。",
])
def test_responsibility_find_clauses_ignores_ordinary_parentheses(text):
    assert find_clauses(text) == []


@pytest.mark.parametrize("text, span, names", [
    ("加快建设。（责任单位：市商务局、市财政局", "（责任单位：市商务局、市财政局", ["市商务局", "市财政局"]),
    ("加快建设（责任单位：市商务局、市财政局。下一句", "（责任单位：市商务局、市财政局", ["市商务局", "市财政局"]),
    ("加快建设（责任单位：市商务局）、市财政局）。", "（责任单位：市商务局）、市财政局）", ["市商务局", "市财政局"]),
    ("加快建设（（责任单位：市商务局）", "（（责任单位：市商务局）", ["市商务局"]),
    ("加快建设（责任单位：各区（市政府）", "（责任单位：各区（市政府）", ["各区（市政府）"]),
    ("加快建设（责任单位：市商务局（牵头、市财政局）", "（责任单位：市商务局（牵头、市财政局）",
     ["市商务局", "市财政局"]),
    ("加快建设（市商务局牵头 下一项工作", "（市商务局牵头", ["市商务局"]),
])
def test_responsibility_find_clauses_recovers_unbalanced(text, span, names):
    matches = find_clauses(text)
    assert len(matches) == 1
    m = matches[0]
    assert text[m.start:m.end] == span
    assert [r.name for r in m.responsibilities] == names
    assert m.balanced is False


@pytest.mark.parametrize("text, open_list", [
    ("（责任单位：市科技局、市财政局等）", True),
    ("（市发展改革委、市商务局等按职责分工负责）", True),
    ("（市发展改革委、市商务局按职责分工负责）", False),
])
def test_responsibility_find_clauses_open_list(text, open_list):
    (m,) = find_clauses(text)
    assert m.open_list is open_list


@pytest.mark.parametrize("name, canonical", [
    ("区发改局", "区发展和改革局"),
    ("区发展改革局", "区发展和改革局"),
    ("市发改委", "市发展和改革委员会"),
    ("市发展改革委", "市发展和改革委员会"),
    ("发展改革委", "国家发展和改革委员会"),
    ("国家发展改革委", "国家发展和改革委员会"),
    ("市市场监管局", "市市场监督管理局"),
    ("区工信局", "区工业和信息化局"),
    ("市人社局", "市人力资源和社会保障局"),
    ("区人力资源社会保障局", "区人力资源和社会保障局"),
    ("人力资源社会保障部", "人力资源和社会保障部"),
    ("县住建局", "县住房和城乡建设局"),
    ("市文旅局", "市文化和旅游局"),
    ("市卫健委", "市卫生健康委员会"),
    ("区卫健局", "区卫生健康局"),
    ("市医保局", "市医疗保障局"),
    ("市自然资源局", "市自然资源局"),
    ("市自然资源和规划局", "市自然资源和规划局"),
    ("区交通局", "区交通运输局"),
    ("市应急局", "市应急管理局"),
    ("市投促局", "市投资促进局"),
    ("市城管局", "市城市管理局"),
    ("市国资委", "市国有资产监督管理委员会"),
    ("市政府", "市人民政府"),
    ("省科技厅", "省科学技术厅"),
    ("区商务局", "区商务局"),
    ("市科技局相关处", "市科学技术局"),
    ("市交通运输局(市港航局)", "市交通运输局"),
    ("高新区管委会", "高新区管理委员会"),
    ("市妇联", "市妇女联合会"),
])
def test_responsibility_canonical_name(name, canonical):
    assert canonical_name(name) == canonical


@pytest.mark.parametrize("name, level", [
    ("国家发展改革委", "national"),
    ("财政部", "national"),
    ("国务院国资委", "national"),
    ("省商务厅", "provincial"),
    ("各省级人民政府", "provincial"),
    ("各省、自治区、直辖市人民政府", "provincial"),
    ("市商务局", "city"),
    ("市市场监管局", "city"),
    ("杭州市商务局", "city"),
    ("市委宣传部", "city"),
    ("区商务局", "district"),
    ("县卫健局", "district"),
    ("各区（市）政府", "district"),
    ("各区市政府", "district"),
    ("山东省青岛市崂山区商务局", "district"),
    ("各街道办事处", "subdistrict"),
    ("某某镇人民政府", "subdistrict"),
    ("市场监管局", "unknown"),
    ("城市管理局", "unknown"),
    ("服务业各行业主管单位及相关部门", "unknown"),
])
def test_responsibility_unit_level(name, level):
    assert unit_level(name) == level


@pytest.mark.parametrize("name, generic", [
    ("各街道办事处", True),
    ("各区（市）政府", True),
    ("各有关部门", True),
    ("市有关部门", True),
    ("服务业各行业主管单位及相关部门", True),
    ("各省级人民政府", True),
    ("市商务局", False),
    ("市科技局相关处", False),
    ("财政部", False),
])
def test_responsibility_is_generic(name, generic):
    assert is_generic(name) is generic


@pytest.mark.parametrize("canonical, expected", [
    ("区发展和改革局", {"区发改局", "区发展改革局"}),
    ("市市场监督管理局", {"市市场监管局"}),
    ("市人民政府", {"市政府"}),
    ("国家发展和改革委员会", {"发展改革委", "国家发展改革委", "国家发改委"}),
    ("市商务局", set()),
])
def test_responsibility_aliases(canonical, expected):
    found = aliases(canonical)
    assert expected <= set(found)
    assert canonical not in found
    assert all(canonical_name(a) == canonical for a in found)


_ALPHABET = st.sampled_from(list("（）()：:；;，,、。等和及市区局委政府各牵头配合负责单位部门 \n12年"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=80) | st.text(max_size=60))
def test_responsibility_find_clauses_never_raises(text):
    previous_end = 0
    for m in find_clauses(text):
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= previous_end
        assert text[m.start] in "（("
        previous_end = m.end


@pytest.mark.parametrize("content, roles, basis", [
    ("责任单位：区商务局、区财政局", ["responsible", "responsible"], "unstated"),
    ("区商务局、区财政局", ["responsible", "responsible"], "unstated"),
    ("区商务局、区财政局按职责分工负责", ["responsible", "responsible"], "unstated"),
    ("区商务局、区财政局分别负责", ["responsible", "responsible"], "text"),
    ("区商务局牵头，区财政局配合", ["lead", "support"], "text"),
])
def test_responsibility_roles_only_where_the_text_gives_them(content, roles, basis):
    responsibilities, _ = parse_units(content)
    assert [r.role for r in responsibilities] == roles
    assert {r.basis for r in responsibilities} == {basis}


_LISTED = "西岭区促消费行动方案（2025—2027年）\n一、重点任务\n（一）开展促消费活动。开展促消费活动20场以上。（责任单位：区商务局、区财政局）\n{note}"


@pytest.mark.parametrize("note, roles", [
    ("", [("区商务局", "responsible"), ("区财政局", "responsible")]),
    ("注：责任单位中列第一位者为牵头单位。\n", [("区商务局", "lead"), ("区财政局", "support")]),
])
def test_responsibility_first_listed_leads_only_where_the_document_says_so(note, roles):
    r = process_bytes(_LISTED.format(note=note).encode("utf-8"), "listed.txt")
    got = [(x.unit, x.role) for x in r.actions[0].responsibilities]
    assert got == roles
    inferred = [w for w in r.warnings if w.code == "roles_inferred"]
    assert bool(inferred) == bool(note)
    if note:
        assert {x.basis for x in r.actions[0].responsibilities} == {"first_listed"}


def test_responsibility_first_listed_leads_on_request():
    r = first_listed_leads(process_bytes(_LISTED.format(note="").encode("utf-8"), "listed.txt"))
    assert [(x.role, x.basis) for x in r.actions[0].responsibilities] == [("lead", "first_listed"),
                                                                         ("support", "first_listed")]
    assert any(w.code == "roles_inferred" and "--first-listed-leads" in w.message for w in r.warnings)


def test_responsibility_a_clause_carrying_the_document_rule_is_read_and_applied():
    text = ("某市综合保税区发展实施方案（2025—2027年）\n一、主要任务\n1.拓展市场。推广试点。"
            "（市税务局、市财政局负责，排在第一位的部门为牵头部门，下同）\n2.提前适用政策。对入区企业实行新政策。"
            "（市商务局、市财政局负责）\n")
    r = process_bytes(text.encode("utf-8"), "rule.txt")
    assert [[(x.unit, x.role) for x in a.responsibilities] for a in r.actions] == [
        [("市税务局", "lead"), ("市财政局", "support")], [("市商务局", "lead"), ("市财政局", "support")]]


def test_responsibility_the_document_rule_after_a_full_stop_inside_the_clause():
    """State Council style: （A、B负责。列第一位者为牵头单位，下同）, then 等有关部门和单位 closing a list."""
    text = ("国务院关于促进某产业发展的若干意见\n一、支持企业\n（一）加大支持。落实政策。"
            "（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）\n（二）开展培训。扩大培训范围。"
            "（教育部、财政部等有关部门和单位负责）\n")
    r = process_bytes(text.encode("utf-8"), "rule.txt")
    assert [[(x.name, x.role) for x in a.responsibilities] for a in r.actions if a.responsibilities] == [
        [("人力资源社会保障部", "lead"), ("财政部", "support")], [("教育部", "lead"), ("财政部", "support")]]
    assert [a.open_list for a in r.actions if a.responsibilities] == [False, True]


def test_responsibility_each_paragraphs_clause_governs_its_own_paragraph():
    """Clauses in the middle of an item, one per paragraph or sentence, each own what precedes them."""
    text = ("东湖省数字政府建设实施方案（2025—2027年）\n二、主要任务\n（一）推进政务服务一网通办。"
            "2026年底前，实现高频事项网上可办率达到95%。（省大数据局牵头，各市政府配合）\n"
            "优化审批流程，压减办理环节。到2027年，承诺时限压缩至法定时限的40%。（省政务服务中心指导，各市政府负责落实。"
            "以下均需各市政府落实，不再列出）\n")
    r = process_bytes(text.encode("utf-8"), "para.txt")
    got = [(a.title, [(x.unit, x.role) for x in a.responsibilities]) for a in r.actions]
    assert got == [("推进政务服务一网通办", [("省大数据局", "lead"), ("各市政府", "support")]),
                   ("优化审批流程", [("省政务服务中心", "responsible"), ("各市政府", "responsible")])]
    assert [t.responsible_units for t in r.targets] == [["省大数据局", "各市政府"], ["省政务服务中心", "各市政府"]]


def test_bare_labels_of_a_task_table_flattened_into_text():
    """责任单位：A、B配合单位：C完成时限：… with no parentheses (a task table whose cells were run
    together): a clause from each label to the deadline's label, with the roles the labels give."""
    from pipeline.responsibility import find_clauses

    text = "完成平台部署及调试。责任单位：省大数据局、省民政厅配合单位：省财政厅完成时限：2026年10月31日"
    (clause,) = find_clauses(text)
    assert text[clause.start:clause.end] == "责任单位：省大数据局、省民政厅配合单位：省财政厅"
    assert [(r.unit, r.role) for r in clause.responsibilities] == [
        ("省大数据局", "lead"), ("省民政厅", "lead"), ("省财政厅", "support")]  # beside 配合, the owners lead
    assert find_clauses("各单位要明确责任单位：这是一句话里的冒号") == []


def test_a_shared_level_word_before_two_organs():
    """各市党委、政府: the level word is written once for both organs (各市党委 and 各市政府)."""
    from pipeline.unitlists import parse

    assert [u for u, _ in parse("省发展改革委、各县党委、政府按职责分工负责", strict=True).units] == [
        "省发展改革委", "各县党委", "各县政府"]
    assert [u for u, _ in parse("各区、市政府负责", strict=True).units] == ["各区、市政府"]


def test_inline_clauses_open_their_sentence_without_parentheses():
    """Work arrangements and minutes name owners inline: ``A牵头，B、C配合，……``, ``A牵头在…前完成``,
    ``A部组织，……``, ``A、B协同，……``; a 由 sentence, a slogan or a subject with 要 is no clause."""
    from pipeline.responsibility import find_clauses

    text = ("3.客户画像试点。统一数据口径。北湖中心牵头，东川、西岭、南屿公司配合，5月底前完成模型设计。"
            "松江公司牵头在8月底前完成推广。2.售电攻坚方面。市场部组织，各单位开展劳动竞赛。"
            "6.结算攻坚方面。技研所、运维部协同，提速结算。要协同推进，宣传部组织，各群团部门联动配合，"
            "各支部抓好落实。由北湖中心牵头，组织开展排查。坚持政府牵头、部门协同。安全部要组建团队。")
    got = [(text[c.start:c.end], [(r.name, r.role) for r in c.responsibilities]) for c in find_clauses(text)]
    assert got == [
        ("北湖中心牵头，东川、西岭、南屿公司配合",
         [("北湖中心", "lead"), ("东川公司", "support"), ("西岭公司", "support"), ("南屿公司", "support")]),
        ("松江公司牵头", [("松江公司", "lead")]),
        ("市场部组织", [("市场部", "responsible")]),
        ("技研所、运维部协同", [("技研所", "responsible"), ("运维部", "responsible")]),
        ("宣传部组织，各群团部门联动配合", [("宣传部", "lead"), ("各群团部门", "support")]),
    ]
    assert all(c.inline for c in find_clauses(text))
    assert find_clauses("（市商务局牵头，市财政局配合）")[0].inline is False


def test_shared_endings_of_short_names_are_expanded():
    """``东川、西岭公司`` writes 公司 once for both: 东川公司, 西岭公司; a unit after them is kept."""
    from pipeline.unitlists import parse

    assert [u for u, _ in parse("东川、西岭公司、北湖中心配合", strict=True).units] == [
        "东川公司", "西岭公司", "北湖中心"]
    assert [u for u, _ in parse("编制、人社部门按职责分工负责", strict=True).units] == ["编制部门", "人社部门"]
    assert parse("研究、制定政策负责", strict=True).bad  # no unit after the short words


def test_a_task_list_naming_a_service_provider_and_an_institute():
    """服务商 (a contracted provider) and an enterprise's 所 are owners in a task list; 场所/住所 are not."""
    from pipeline.responsibility import find_clauses
    from pipeline.unitnames import is_unit_name

    text = "完成组件部署。责任单位：服务商、北湖信通公司完成时限：2026年9月30日"
    (clause,) = find_clauses(text)
    assert [r.name for r in clause.responsibilities] == ["服务商", "北湖信通公司"]
    assert is_unit_name("技研所") and is_unit_name("城关供电所")
    assert not is_unit_name("经营场所") and not is_unit_name("固定住所")


def test_regions_concerned_close_a_list_like_departments_concerned():
    """State Council style: ``A及相关地区按职责分工负责``, ``A牵头，国务院相关部门及相关地区…``: the
    regions concerned are the generic 有关部门 (dropped, the list open); a named collective stays."""
    from pipeline.responsibility import find_clauses

    text = ("（一）推进改革。（审批改革办牵头，国务院相关部门及相关地区按职责分工负责）"
            "（二）优化服务。（商务部、海关总署等国务院相关部门及有关地区按职责分工负责）"
            "（三）开展试点。（市场监管总局及相关地区按职责分工负责）")
    got = [([(r.name, r.role) for r in c.responsibilities], c.open_list) for c in find_clauses(text)]
    assert got == [([("审批改革办", "lead")], True),
                   ([("商务部", "responsible"), ("海关总署", "responsible")], True),
                   ([("市场监管总局", "responsible")], True)]


def test_a_bare_label_after_a_colon_introducing_a_list():
    """A flattened task table: ``改造内容如下：责任单位：A、B完成时限：…`` opens at the colon."""
    from pipeline.responsibility import find_clauses

    text = "完成接口改造，改造内容具体如下：责任单位：服务商、北湖信通公司完成时限：2026年11月30日"
    (clause,) = find_clauses(text)
    assert text[clause.start:clause.end] == "责任单位：服务商、北湖信通公司"


def test_inline_clauses_are_not_read_out_of_reports_and_prepositions():
    """Prose that only looks like an inline clause: 牵头部门 (the noun), a past tense (牵头起草了),
    a phrase opened by 本次/对/会同/我委 or holding 由; an institute's 经 (经研所) is still a name."""
    from pipeline.responsibility import find_clauses

    for text in ("奖金用于对市公司牵头部门的奖励。", "根据部署，市发展改革委牵头起草了实施方案。",
                 "本次评议由市人社局牵头执考。", "年底前，会同市应急局牵头负责加固工程。",
                 "按照要求，我委牵头修改了办法。", "对意见不一致的由市财政局牵头召开协调会。"):
        assert [c for c in find_clauses(text) if c.inline] == [], text
    (clause,) = find_clauses("6.结算攻坚方面。经研所、运维部协同，统筹人员配置。")
    assert [r.name for r in clause.responsibilities] == ["经研所", "运维部"]


def test_a_label_run_on_to_a_caption_is_a_clause_only_before_a_deadline_label():
    """``……拓扑图责任单位：A、B完成时限：…`` (a task table's cell after a figure caption, no end mark)
    is a clause; a label inside a sentence with no deadline column after it is not."""
    from pipeline.responsibility import find_clauses

    text = "完成主站建设部署。图2 网络拓扑图责任单位：服务商、北湖信通公司完成时限：2026年11月30日"
    (clause,) = find_clauses(text)
    assert text[clause.start:clause.end] == "责任单位：服务商、北湖信通公司"
    assert find_clauses("各区要明确牵头单位：市商务局、市财政局") == []
