"""A parent plan printed without its notice (no 文号) is still the plan its child cites."""
from graph.model.build import build_graph
from pipeline import process_bytes

PARENT = "南江市物流业提升行动方案（2025—2027年）\n一、主要目标\n到2027年，全市新增物流企业50家。\n"
CHILD = ("北坡区物流业提升行动方案（2025—2027年）\n为落实《南江市物流业提升行动方案(2025-2027年)》"
         "（南政办发〔2025〕3号）精神，制定本方案。\n一、主要目标\n到2027年，全区新增物流企业10家。\n")


def test_parent_link_by_title_when_the_parent_has_no_doc_number():
    parent = process_bytes(PARENT.encode("utf-8"), "parent.txt")
    child = process_bytes(CHILD.encode("utf-8"), "child.txt")
    assert child.plan.parent_plans[0].doc_number == "南政办发〔2025〕3号"
    G = build_graph([child, parent])
    (edge,) = [(u, v) for u, v, k in G.edges(keys=True) if k == "IMPLEMENTS"]
    assert edge == (child.plan.id, parent.plan.id)
    assert G.nodes[parent.plan.id]["in_corpus"] is True
