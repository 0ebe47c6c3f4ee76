"""Many plans at once: ten district plans sharing a title, a preamble and a parent, and the city
plan they implement, are eleven plans with per-district bureaus (fictional text, tests/districts.py)."""
from __future__ import annotations

from collections import Counter

import pytest

from graph.model.build import build_graph
from graph.model.bureaus import unit_region
from graph.model.versions import latest_versions, same_plan
from pipeline import process_bytes
from schemas.ids import bureau_id, plan_id
from schemas.records import ParentPlan, Plan
from tests.districts import CITY, CITY_NUMBER, CITY_TITLE, DISTRICT_TITLE, DISTRICTS, city_plan, district_plan


def _doc(text: str, name: str):
    return process_bytes(text.encode("utf-8"), name)


@pytest.fixture(scope="module")
def corpus():
    return [_doc(district_plan(i), f"d{i}.txt") for i in range(len(DISTRICTS))] + [_doc(city_plan(), "city.txt")]


def test_identity_ten_districts_and_their_city_are_eleven_plans(corpus):
    replaced = []
    plans = latest_versions(corpus, replaced)
    assert len(plans) == 11 and replaced == []
    assert len({r.plan.id for r in plans}) == 11
    assert {r.plan.region for r in plans[:10]} == set(DISTRICTS)
    assert {r.plan.title for r in plans[:10]} == {DISTRICT_TITLE}
    G = build_graph(plans)
    city = plans[-1].plan.id
    assert city == plan_id(CITY_TITLE, CITY_NUMBER, CITY)
    implements = [(u, v) for u, v, k in G.edges(keys=True) if k == "IMPLEMENTS"]
    assert sorted(implements) == sorted((r.plan.id, city) for r in plans[:10])
    assert G.nodes[city]["in_corpus"] is True
    assert sum(1 for _, d in G.nodes(data=True) if d["label"] == "Plan") == 11
    assert sum(1 for _, d in G.nodes(data=True) if d["label"] == "Target") == 33


def test_identity_each_district_has_its_own_bureaus_and_the_city_one(corpus):
    G = build_graph(latest_versions(corpus))
    bureaus = {n: d for n, d in G.nodes(data=True) if d["label"] == "Bureau"}
    commerce = {n: d for n, d in bureaus.items() if d["name"] == "区商务局"}
    assert set(commerce) == {bureau_id(d, "区商务局") for d in DISTRICTS}
    assert {d["region"] for d in commerce.values()} == set(DISTRICTS)
    # Each district's 区商务局 leads its own two actions, not sixty.
    leads = Counter(u for u, _v, d in G.edges(data=True) if d["type"] == "RESPONSIBLE_FOR" and d["role"] == "lead")
    assert all(leads[b] == 2 for b in commerce)
    # 市商务局 named in a district plan is the city's: one node, the city plan's own too.
    city_commerce = bureau_id(CITY, "市商务局")
    assert [n for n, d in bureaus.items() if d["name"] == "市商务局"] == [city_commerce]
    docs = {d["doc_id"] for _u, _v, d in G.out_edges(city_commerce, data=True)}
    assert len(docs) == 11
    assert {d["region"] for d in bureaus.values() if d["name"] == "各街道办事处"} == set(DISTRICTS)


def test_identity_a_new_version_replaces_and_says_so(corpus):
    revised = _doc(district_plan(0).replace("达到100亿元", "达到110亿元"), "d0-revised.txt")
    replaced = []
    plans = latest_versions([*corpus, revised], replaced)
    assert len(plans) == 11
    assert [(r.title, r.old, r.new) for r in replaced] == [(DISTRICT_TITLE, "d0.txt", "d0-revised.txt")]
    assert revised in plans and corpus[0] not in plans


def test_identity_same_title_and_region_with_another_doc_number_is_another_plan(corpus):
    other = _doc(district_plan(0).replace("东政办发〔2024〕10号", "东政办发〔2025〕3号"), "d0-2025.txt")
    assert other.plan.id == corpus[0].plan.id  # the same key …
    replaced = []
    plans = latest_versions([corpus[0], other], replaced)
    assert len(plans) == 2 and replaced == []  # … but two plans, neither replaced
    assert len({r.plan.id for r in plans}) == 2


@pytest.mark.parametrize("a, b, same", [
    ({"doc_number": "东政办发〔2024〕10号"}, {"doc_number": "东政办发〔2024〕10号"}, True),
    ({"doc_number": "东政办发〔2024〕10号"}, {"doc_number": None}, True),
    ({"doc_number": "东政办发〔2024〕10号"}, {"doc_number": "东政办发〔2024〕11号"}, False),
    ({"issuer": "澄州市人民政府"}, {"issuer": "澄州市人民政府办公厅"}, True),
    ({"issuer": "澄州市人民政府办公厅"}, {"issuer": "澄州市东港区人民政府办公室"}, False),
    ({"period_start": 2024, "period_end": 2026}, {"period_start": 2025, "period_end": 2027}, False),
    ({"period_start": 2024, "period_end": 2026}, {}, True),
])
def test_identity_same_plan(a, b, same):
    base = {"id": "plan:x", "title": "方案"}
    assert same_plan(Plan(**base, **a), Plan(**base, **b)) is same


def test_identity_a_citation_by_doc_number_finds_a_plan_whose_title_names_no_place():
    parent = _doc(f"{CITY}人民政府办公厅关于印发《关于促进会展业发展的意见》的通知\n澄政办发〔2024〕9号\n\n"
                  f"各区人民政府：\n现将《关于促进会展业发展的意见》印发给你们。\n\n{CITY}人民政府办公厅\n2024年2月1日\n\n"
                  "关于促进会展业发展的意见\n\n一、主要目标\n到2026年，全市举办展会100场。\n", "p.txt")
    child = _doc("东港区会展业发展实施方案\n为落实《关于促进会展业发展的意见》（澄政办发〔2024〕9号），制定本方案。\n"
                 "一、主要目标\n到2026年，全区举办展会20场。\n", "c.txt")
    assert parent.plan.region == CITY and child.plan.parent_plans[0].region is None
    G = build_graph([child, parent])
    (edge,) = [(u, v) for u, v, k in G.edges(keys=True) if k == "IMPLEMENTS"]
    assert edge == (child.plan.id, parent.plan.id)


def _plan(level: str, region: str, parents: tuple[ParentPlan, ...] = (), issuer=None) -> Plan:
    return Plan(id="plan:x", title="方案", level=level, region=region, issuer=issuer, parent_plans=list(parents))


@pytest.mark.parametrize("name, level, plan, region", [
    ("区商务局", "district", _plan("district", "东港区"), "东港区"),
    ("市商务局", "city", _plan("district", "东港区", (ParentPlan(title="t", region="澄州市"),)), "澄州市"),
    ("市商务局", "city", _plan("district", "东港区", issuer="澄州市东港区人民政府办公室"), "澄州市"),
    ("市商务局", "city", _plan("district", "东港区"), None),  # its city unknown
    ("市商务局", "city", _plan("city", "澄州市"), "澄州市"),
    ("区商务局", "district", _plan("city", "澄州市"), None),  # every district's, not one
    ("商务部", "national", _plan("district", "东港区"), None),
    ("国务院", "unknown", _plan("city", "澄州市"), None),
    ("发展改革委", "unknown", _plan("national", "全国"), None),
    ("各街道办事处", "subdistrict", _plan("district", "东港区"), "东港区"),
])
def test_identity_unit_region(name, level, plan, region):
    assert unit_region(name, level, plan) == region


def test_identity_a_matrix_of_many_districts_names_each_government(corpus):
    from graph.answers.matrix import responsibility_matrix

    names = [b.name for b in responsibility_matrix(build_graph(latest_versions(corpus))).bureaus]
    assert {f"{d}·区商务局" for d in DISTRICTS} <= set(names)
    assert "区商务局" not in names and names.count("市商务局") == 1  # one city: no need to say which


@pytest.mark.parametrize("parent_text, citation", [
    ("国务院关于推动会展业发展的意见\n一、主要目标\n到2026年，举办展会100场。\n", "《国务院关于推动会展业发展的意见》"),
    ("澄州市会展业发展规划（2024—2026年）\n一、主要目标\n到2026年，全市举办展会50场。\n",
     "《澄州市会展业发展规划(2024-2026年)》"),
    # cited without its period, the way a child's preamble often does (schemas.ids.cites)
    ("澄州市会展业发展规划（2024—2026年）\n一、主要目标\n到2026年，全市举办展会50场。\n",
     "《澄州市会展业发展规划》"),
])
def test_identity_a_citation_is_the_plan_it_cites(parent_text, citation):
    parent = _doc(parent_text, "p.txt")
    child = _doc(f"东港区会展业方案\n为落实{citation}，制定本方案。\n一、目标\n到2026年，全区举办展会20场。\n", "c.txt")
    G = build_graph([child, parent])
    assert [(u, v) for u, v, k in G.edges(keys=True) if k == "IMPLEMENTS"] == [(child.plan.id, parent.plan.id)]


def test_identity_a_citation_without_period_links_only_a_plan_of_its_own_region():
    city = _doc("澄州市会展业发展规划（2024—2026年）\n一、主要目标\n到2026年，全市举办展会50场。\n", "p.txt")
    other = _doc("临江市会展业发展规划（2024—2026年）\n一、主要目标\n到2026年，全市举办展会40场。\n", "o.txt")
    child = _doc("东港区会展业方案\n为落实《临江市会展业发展规划》，制定本方案。\n一、目标\n到2026年，全区举办展会20场。\n",
                 "c.txt")
    G = build_graph([child, city, other])
    assert [(u, v) for u, v, k in G.edges(keys=True) if k == "IMPLEMENTS"] == [(child.plan.id, other.plan.id)]
    two = _doc("澄州市会展业发展规划（2021—2023年）\n一、主要目标\n到2023年，全市举办展会30场。\n", "q.txt")
    ambiguous = _doc("东港区会展业方案\n为落实《澄州市会展业发展规划》，制定本方案。\n一、目标\n到2026年，全区举办展会20场。\n",
                     "a.txt")
    G = build_graph([ambiguous, city, two])
    (edge,) = [(u, v) for u, v, k in G.edges(keys=True) if k == "IMPLEMENTS"]
    assert edge[1] not in (city.plan.id, two.plan.id)  # two periods: the citation cannot say which
