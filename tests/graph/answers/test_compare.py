import io
import json
from pathlib import Path

import pytest

from graph.answers.compare import (
    add_comparison,
    compare_plans,
    find_parent_pairs,
    pair_score,
)
from graph.answers.counterparts import level_of, name_core
from graph.model.build import build_graph
from graph.render.compare_report import write_comparison
from graph.store.load import load_graph, partition
from pipeline import process_file
from schemas.compare import Comparison
from schemas.errors import UnknownFormat, ValidationFailed
from schemas.ids import bureau_id, plan_id, titles_match
from schemas.records import Normalized, ParentPlan, Target
from tests.graph.records_factory import evidence, make_parent_records, make_records

FIXTURES = Path(__file__).parents[2] / "fixtures" / "compare"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plans():
    return process_file(FIXTURES / "district_plan.txt"), process_file(FIXTURES / "city_plan.txt")


@pytest.fixture(scope="module")
def comparison(plans):
    return compare_plans(*plans)


def _by_quote(targets, quote):
    """The one extracted target whose evidence is the quote, inside it, or around it."""
    found = [t for t in targets if t.kind != "baseline" and quote in t.evidence.sentence
             and (quote in t.evidence.text or t.evidence.text in quote)]
    assert len(found) == 1, (quote, [t.evidence.text for t in found])
    return found[0].id


def _expected_pairs(plans):
    child, parent = plans
    return {(_by_quote(child.targets, a["child_quote"]),
             _by_quote(parent.targets, a["parent_quote"])): a for a in EXPECTED["alignments"]}


def test_compare_fixture_precision_and_recall(plans, comparison):
    expected = _expected_pairs(plans)
    found = {(a.child.id, a.parent.id) for a in comparison.alignments}
    correct = found & set(expected)
    precision, recall = len(correct) / len(found), len(correct) / len(expected)
    assert (precision, recall) == (1.0, 1.0), (found - set(expected), set(expected) - found)


def test_compare_fixture_values_deadlines_and_ambition(plans, comparison):
    expected = _expected_pairs(plans)
    for a in comparison.alignments:
        e = expected[a.child.id, a.parent.id]
        assert a.deadline_offset_years == e["deadline_offset_years"], a.reason
        assert a.value_ambition == (e["ambition"] or "n/a"), a.child.evidence
        comparable = e.get("comparable", True)
        assert (a.rate_difference is not None) is comparable
        assert (a.ratio is not None) is (not comparable)
        # ambition also reads a deadline brought forward as higher (层层加码)
        if a.value_ambition in ("same", "n/a") and a.deadline_offset_years:
            assert a.ambition == ("higher" if a.deadline_offset_years < 0 else "lower")
        else:
            assert a.ambition == a.value_ambition
        assert a.reason and 0.5 <= a.score <= 1.0


def test_compare_fixture_units_normalised(comparison):
    by_metric = {a.child.metric: a for a in comparison.alignments if a.child.kind == "level"}
    assert by_metric["服务业增加值"].ratio == pytest.approx(900e8 / 1.1e12, rel=1e-4)  # 亿元 vs 万亿元
    assert by_metric["游客接待量"].ratio == pytest.approx(1200e4 / 1.5e8, rel=1e-4)   # 万人次 vs 亿人次
    rates = {a.child.metric: a.rate_difference for a in comparison.alignments
             if a.child.kind == "growth_rate"}
    assert rates["物流业增加值"] == pytest.approx(1.0)
    assert rates["服务业增加值"] == pytest.approx(1.0)


def test_compare_fixture_parent_only_and_child_only(plans, comparison):
    child, parent = plans
    assert {t.id for t in comparison.parent_only} == {
        _by_quote(parent.targets, x["quote"]) for x in EXPECTED["parent_only"]}
    assert {t.id for t in comparison.child_only} == {
        _by_quote(child.targets, x["quote"]) for x in EXPECTED["child_only"]}


def test_compare_fixture_trap_not_paired(plans, comparison):
    child, parent = plans
    found = {(a.child.id, a.parent.id) for a in comparison.alignments}
    for trap in EXPECTED["must_not_pair"]:
        pair = (_by_quote(child.targets, trap["child_quote"]),
                _by_quote(parent.targets, trap["parent_quote"]))
        assert pair not in found


def test_compare_fixture_counterparts(comparison):
    found = {(x.child, x.parent) for x in comparison.counterparts}
    assert found == {(x["child"], x["parent"]) for x in EXPECTED["counterparts"]}
    basis = {x.child: x for x in comparison.counterparts}
    assert basis["区金融工作中心"].basis == "aligned_work" and basis["区金融工作中心"].via
    assert basis["区商务局"].basis == "name"
    assert basis["区卫生健康局"].basis == "name"  # 局 and 委员会 are both agency types


def test_compare_fixture_summary(comparison):
    s = comparison.summary
    assert (s.aligned, s.parent_only, s.child_only) == (13, 8, 6)
    assert s.higher + s.lower + s.same <= s.aligned
    assert s.coverage == pytest.approx(13 / s.parent_targets, abs=1e-4)


def _target(metric, kind, unit, norm_unit, value=1.0, recurrence="none", comparator="eq"):
    text = f"{metric}{value}{unit or ''}"
    return Target(id=f"target:x:{metric}{kind}", metric=metric, value=value, unit=unit,
                  normalized=Normalized(value=value, unit=norm_unit), kind=kind,
                  recurrence=recurrence, comparator=comparator, evidence=evidence(text, text))


@pytest.mark.parametrize("child, parent, paired", [
    (_target("物流业增加值", "growth_rate", "%", "%"), _target("物流业增加值", "level", "亿元", "元"), False),
    (_target("旅游收入", "level", "亿元", "元"), _target("旅游收入", "level", "万亿元", "元"), True),
    (_target("举办展会", "count", "场", "场", recurrence="annual"),
     _target("举办展会", "count", "场", "场"), False),  # annual with annual only
    (_target("促消费活动", "count", "场", "场"), _target("招商活动", "count", "场", "场"), False),
    (_target("高新技术企业数量", "count", "家", "家"), _target("高新技术企业", "increment", "家", "家"), True),
    (_target("企业上云率", "share", "%", "%"), _target("企业上云率", "share", "个百分点", "百分点"), False),
    (_target("街道综合养老服务中心", "qualitative", None, None),
     _target("街道综合养老服务中心全覆盖", "qualitative", None, None), True),
])
def test_compare_pair_score_kind_unit_recurrence(child, parent, paired):
    assert (pair_score(child, parent) is not None) is paired


def test_compare_cap_reads_lower_as_higher():
    cap = _target("单位生产总值能耗", "share", "%", "%", value=3.0, comparator="le")
    child = _target("单位生产总值能耗", "share", "%", "%", value=2.5, comparator="le")
    records = make_records()
    parent_records = make_parent_records()
    child_docs = records.model_copy(update={"targets": [child]})
    parent_docs = parent_records.model_copy(update={"targets": [cap]})
    (a,) = compare_plans(child_docs, parent_docs).alignments
    assert a.rate_difference == pytest.approx(-0.5) and a.ambition == "higher"


def test_compare_add_comparison_edges(plans, comparison):
    G = build_graph(list(plans))
    H = add_comparison(G, comparison)
    assert not any(d["type"] in ("ALIGNS_WITH", "COUNTERPART_OF") for *_, d in G.edges(data=True))
    a = comparison.alignments[0]
    edge = H.edges[a.child.id, a.parent.id, "ALIGNS_WITH"]
    assert edge["type"] == "ALIGNS_WITH" and edge["score"] == a.score and edge["reason"] == a.reason
    assert {"ratio", "ambition", "deadline_offset_years"} <= set(edge)
    # Each end is its own government's bureau: the district's 区金融工作中心, the city's 市地方金融管理局.
    assert H.has_edge(bureau_id("西岭区", "区金融工作中心"), bureau_id("临江市", "市地方金融管理局"),
                      key="COUNTERPART_OF")
    aligned = [e for e in H.edges(keys=True) if e[2] == "ALIGNS_WITH"]
    assert len(aligned) == len(comparison.alignments)


def test_compare_add_comparison_partitions_for_loading(plans, comparison):
    H = add_comparison(build_graph(list(plans)), comparison)
    order, parts = partition(H)
    later = parts[order[-1]]
    assert sum(len(v) for (t, *_), v in later.edges.items() if t == "ALIGNS_WITH") == 13
    assert len(parts[None].edges[("COUNTERPART_OF", "Bureau", "Bureau")]) == 13


def test_compare_add_comparison_unknown_target(plans, comparison):
    G = build_graph([plans[0]])  # the parent's targets are missing
    with pytest.raises(ValidationFailed, match=r"alignments\.0\.parent\.id"):
        add_comparison(G, comparison)


def test_compare_find_parent_pairs_by_number_and_title():
    child, parent = make_records(), make_parent_records()
    assert find_parent_pairs([child, parent]) == [(child, parent)]
    # by title: no 文号 on the citation, another width, spaces and quotes
    cited = ParentPlan(title=" 临江省数字经济发展\"十四五\"规划 ")
    plan = child.plan.model_copy(update={"parent_plans": [cited]})
    by_title = child.model_copy(update={"plan": plan})
    assert find_parent_pairs([parent, by_title]) == [(by_title, parent)]
    assert find_parent_pairs([child]) == []


@pytest.mark.parametrize("a, b, same", [
    ("临江市现代服务业提质增效三年行动方案（2024—2026年）", "临江市现代服务业提质增效三年行动方案(2024-2026年)", True),
    ("临江市现代服务业提质增效三年行动方案（2024—2026年）", "临江市现代服务业提质增效三年行动方案", True),
    ("临江市现代服务业提质增效三年行动方案", "《临江市现代服务业提质增效三年行动方案 》", True),
    ("临江市现代服务业提质增效三年行动方案（2024—2026年）", "临江市现代服务业提质增效三年行动方案（2021—2023年）", False),
    ("临江市现代服务业提质增效三年行动方案", "西岭区现代服务业提质增效三年行动方案", False),
])
def test_compare_titles_match(a, b, same):
    assert titles_match(a, b) is same


def test_compare_find_parent_pairs_fixture(plans):
    child, parent = plans
    assert find_parent_pairs([parent, child]) == [(child, parent)]
    assert parent.plan.id == plan_id(parent.plan.title, parent.plan.doc_number, "临江市")


def test_compare_write_json_round_trip(comparison, tmp_path):
    path = tmp_path / "c.json"
    write_comparison(comparison, path)
    text = path.read_text(encoding="utf-8")
    assert "服务业增加值" in text  # not ASCII-escaped
    assert Comparison.model_validate_json(text) == comparison
    data = json.loads(text)
    assert set(data["alignments"][0]) >= {"child", "parent", "score", "ratio", "rate_difference",
                                           "deadline_offset_years", "ambition", "reason"}
    assert set(data["summary"]) >= {"aligned", "higher", "lower", "same", "parent_only",
                                    "child_only", "coverage"}


def _hostile(comparison):
    a = comparison.alignments[0]
    child = a.child.model_copy(update={"metric": "<script>alert(1)</script>|x*y_"})
    return comparison.model_copy(update={"alignments": [a.model_copy(update={"child": child})]})


def test_compare_write_markdown_escapes(comparison):
    out = io.StringIO()
    write_comparison(_hostile(comparison), out, fmt="md")
    text = out.getvalue()
    assert "\\<script\\>" in text and "\\|x\\*y\\_" in text
    assert "## Parent only" in text and "区金融工作中心" in text


def test_compare_write_html_escapes_and_binary_file(comparison):
    out = io.BytesIO()
    write_comparison(_hostile(comparison), out, fmt="html")
    text = out.getvalue().decode("utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert text.startswith("<!DOCTYPE html>") and "市地方金融管理局" in text


def test_compare_write_unknown_format(comparison, tmp_path):
    with pytest.raises(UnknownFormat):
        write_comparison(comparison, tmp_path / "c.txt")


@pytest.mark.parametrize("name, core", [
    ("区发展和改革局", "发展和改革"),
    ("市发展和改革委员会", "发展和改革"),
    ("区卫生健康局", "卫生健康"),
    ("市卫生健康委员会", "卫生健康"),
    ("市市场监督管理局", "市场监督管理"),  # only the level prefix goes
    ("区市场监督管理局", "市场监督管理"),
    ("省商务厅", "商务"),
    ("区金融工作中心", "金融工作"),
    ("市地方金融管理局", "地方金融管理"),
])
def test_compare_counterpart_name_core(name, core):
    assert name_core(name, level_of(name)) == core


def test_compare_loads_into_the_embedded_database(store, plans, comparison):
    H = add_comparison(build_graph(list(plans)), comparison)
    child_doc = plans[0].source.doc_id
    count = ("MATCH (c:Target {doc_id: $d})-[r:ALIGNS_WITH]->(p:Target) "
             "RETURN count(r) AS n, collect(DISTINCT r.ambition) AS ambitions")
    for _ in range(2):  # reloading replaces, never duplicates
        load_graph(store, H)
        (row,) = store.query(count, {"d": child_doc})
        assert row["n"] == 13 and "higher" in row["ambitions"]
    rows = store.query("MATCH (b:Bureau {name: $n})-[r:COUNTERPART_OF]->(c:Bureau) "
                       "RETURN c.name AS parent, r.basis AS basis", {"n": "区金融工作中心"})
    assert rows == [{"parent": "市地方金融管理局", "basis": "aligned_work"}]


def test_compare_reloading_the_parent_alone_keeps_the_childs_alignments(store, plans, comparison):
    """The parent's targets are replaced on reload; the child's ALIGNS_WITH edges into them are
    the child's data and must come back (they did not, before)."""
    child, parent = plans
    load_graph(store, add_comparison(build_graph(list(plans)), comparison))
    count = "MATCH (c:Target {doc_id: $d})-[r:ALIGNS_WITH]->(p:Target) RETURN count(r) AS n, sum(r.score) AS s"
    (before,) = store.query(count, {"d": child.source.doc_id})
    assert before["n"] == 13
    summary = load_graph(store, build_graph([parent]))
    assert summary.documents == 1
    (after,) = store.query(count, {"d": child.source.doc_id})
    assert after == before  # same edges, same properties
