from collections import Counter

import pytest

from graph.model.build import build_graph
from schemas.graph import LABELS, RELATIONSHIP_TYPES
from schemas.ids import bureau_id, plan_id
from tests.graph.records_factory import (
    DOC_ID,
    PARENT_DOC_ID,
    PARENT_NUMBER,
    PARENT_TITLE,
    SECOND_PARENT_TITLE,
    TEXT,
    make_parent_records,
    make_records,
)

PROPS = {label.name: set(label.properties) for label in LABELS}


def _labels(G):
    return Counter(d["label"] for _, d in G.nodes(data=True))


def _types(G):
    return Counter(k for _, _, k in G.edges(keys=True))


def _one(G, u, v, type_):
    return G.edges[u, v, type_]


def test_build_counts_for_factory_records():
    G = build_graph([make_records()])
    assert _labels(G) == {"Plan": 3, "Section": 2, "Action": 3, "Target": 4, "Milestone": 2,
                          "Bureau": 5}
    assert _types(G) == {"IMPLEMENTS": 2, "HAS_SECTION": 2, "HAS_ACTION": 3, "HAS_TARGET": 4,
                         "HAS_MILESTONE": 2, "RESPONSIBLE_FOR": 7}
    assert G.graph["doc_ids"] == [DOC_ID]


def test_build_nodes_carry_label_properties_and_doc_id():
    G = build_graph([make_records()])
    for node, data in G.nodes(data=True):
        assert set(data) == PROPS[data["label"]] | {"label"}
        assert data["id"] == node
        placeholder = data["label"] == "Plan" and not data["in_corpus"]
        if data["label"] != "Bureau" and not placeholder:
            assert data["doc_id"] == DOC_ID
        for value in data.values():
            assert value is None or isinstance(value, (str, int, float, bool)) or (
                isinstance(value, list) and all(isinstance(v, str) for v in value))


def test_build_edges_are_keyed_by_type():
    G = build_graph([make_records()])
    for _, _, key, data in G.edges(keys=True, data=True):
        assert key == data["type"] and key in RELATIONSHIP_TYPES


def test_build_ids_deterministic_across_runs():
    first, second = build_graph([make_records()]), build_graph([make_records()])
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


def test_build_parent_placeholder_not_in_corpus():
    G = build_graph([make_records()])
    records = make_records()
    parent = G.nodes[plan_id(PARENT_TITLE, PARENT_NUMBER)]
    assert parent["in_corpus"] is False and parent["doc_id"] is None
    assert parent["issuer"] == "临江省人民政府"
    assert G.nodes[plan_id(SECOND_PARENT_TITLE, None)]["in_corpus"] is False
    assert _one(G, records.plan.id, plan_id(PARENT_TITLE, PARENT_NUMBER),
                "IMPLEMENTS")["doc_id"] == DOC_ID


@pytest.mark.parametrize("parent_first", [True, False])
def test_build_parent_in_corpus_merges_onto_one_node(parent_first):
    docs = [make_parent_records(), make_records()]
    G = build_graph(docs if parent_first else docs[::-1])
    pid = plan_id(PARENT_TITLE, PARENT_NUMBER)
    assert _labels(G)["Plan"] == 3
    assert G.nodes[pid]["in_corpus"] is True
    assert G.nodes[pid]["doc_id"] == PARENT_DOC_ID
    assert G.nodes[pid]["level"] == "provincial"
    assert G.has_edge(make_records().plan.id, pid, key="IMPLEMENTS")
    assert G.has_edge(pid, make_parent_records().sections[0].id, key="HAS_SECTION")


def test_build_responsible_edges_roles_and_ranks():
    records = make_records()
    G = build_graph([records])
    a1, a2, a3 = (a.id for a in records.actions)
    got = {(u, v): (d["role"], d["rank"], d["doc_id"])
           for u, v, k, d in G.edges(keys=True, data=True) if k == "RESPONSIBLE_FOR"}
    assert got == {
        (bureau_id("青川市", "市工业和信息化局"), a1): ("lead", 1, DOC_ID),
        (bureau_id("青川市", "市通信管理办公室"), a1): ("support", 2, DOC_ID),
        (bureau_id("青川市", "各区县人民政府"), a1): ("support", 3, DOC_ID),
        (bureau_id("青川市", "市发展和改革委员会"), a2): ("responsible", 1, DOC_ID),
        (bureau_id("青川市", "市大数据局"), a2): ("responsible", 2, DOC_ID),
        (bureau_id("青川市", "市工业和信息化局"), a3): ("responsible", 1, DOC_ID),
        # the 上云率 target has no action but names its owner
        (bureau_id("青川市", "市大数据局"), records.targets[2].id): ("responsible", 1, DOC_ID),
    }


def test_build_targets_attach_to_action_section_or_plan():
    records = make_records()
    G = build_graph([records])
    owners = {v: u for u, v, k in G.edges(keys=True) if k in ("HAS_TARGET", "HAS_MILESTONE")}
    t_plan, t_action, t_section, t_action3 = (t.id for t in records.targets)
    assert owners[t_plan] == records.plan.id
    assert owners[t_action] == records.actions[0].id
    assert owners[t_section] == records.sections[1].id  # deepest matching path
    assert owners[t_action3] == records.actions[2].id
    assert owners[records.milestones[1].id] == records.actions[1].id


def test_build_missing_section_falls_back_to_plan():
    records = make_records()
    records.actions[0].section_id = "section:missing"
    records.targets[2].section_path = ["不存在的标题"]
    G = build_graph([records])
    assert G.has_edge(records.plan.id, records.actions[0].id, key="HAS_ACTION")
    assert G.has_edge(records.plan.id, records.targets[2].id, key="HAS_TARGET")


def test_build_target_properties_flattened():
    records = make_records()
    G = build_graph([records])
    target = G.nodes[records.targets[0].id]
    ev = records.targets[0].evidence
    assert target["evidence"] == ev.text == TEXT[target["start"]:target["end"]]
    assert (target["normalized_value"], target["normalized_unit"]) == (8.0e10, "元")
    assert target["deadline"] == "2026-12-31"
    assert G.nodes[records.actions[0].id]["clause"] == records.actions[0].clause.text


def test_build_bureaus_shared_across_documents_merge_aliases():
    one, two = make_records(), make_records(doc_id="00000000000000ab")
    two.units[0].aliases = ["工信局"]
    two.plan.id = plan_id("另一方案", None)
    G = build_graph([one, two])
    bureau = G.nodes[bureau_id("青川市", "市工业和信息化局")]
    assert bureau["aliases"] == ["市工信局", "工信局"]
    assert _labels(G)["Bureau"] == 5
    assert G.graph["doc_ids"] == [DOC_ID, "00000000000000ab"]


def test_build_unlisted_unit_gets_bare_bureau():
    records = make_records()
    records.actions[2].responsibilities[0].unit = "市商务局"
    G = build_graph([records])
    node = G.nodes[bureau_id("青川市", "市商务局")]
    assert node["label"] == "Bureau" and node["canonical"] == "市商务局"
