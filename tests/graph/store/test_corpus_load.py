"""The district corpus in the real embedded database: eleven plans, per-district bureaus, records
JSON loaded as records, replaced versions said, one plan removed, the database emptied, and the
tidy tables read back from it. Runs last in this folder's order of concerns: it empties the
database at the end (every other test keeps its documents apart by its own ids)."""
from __future__ import annotations

import json

import pytest

from graph.answers.tables import corpus_tables
from graph.store.load_admin import remove_plan, reset_database
from graph.store.read import read_graph
from pipeline import process_bytes
from policykg.inputs import read_records, sort_inputs
from policykg.jobs import load_paths, load_records
from schemas.errors import InputError
from schemas.ids import bureau_id
from tests.districts import CITY, DISTRICT_TITLE, DISTRICTS, city_plan, district_plan


@pytest.fixture(scope="module")
def corpus():
    docs = [process_bytes(district_plan(i).encode("utf-8"), f"d{i}.txt") for i in range(len(DISTRICTS))]
    return [*docs, process_bytes(city_plan().encode("utf-8"), "city.txt")]


def _docs(corpus):
    return [r.source.doc_id for r in corpus]


def test_corpus_load_eleven_plans_with_per_district_bureaus(store, corpus):
    summary = load_records(iter(corpus), store, chunk=4)  # chunks split the districts and their city
    assert summary.documents == 11 and summary.replaced == ()
    docs = _docs(corpus)
    assert store.query("MATCH (p:Plan) WHERE p.doc_id IN $docs RETURN count(p) AS c", {"docs": docs}) == [{"c": 11}]
    rows = store.query("MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a:Action) WHERE a.doc_id IN $docs "
                       "AND b.name = '区商务局' AND r.role = 'lead' "
                       "RETURN b.region AS region, count(a) AS lead ORDER BY region", {"docs": docs})
    assert {r["region"]: r["lead"] for r in rows} == {d: 2 for d in DISTRICTS}
    city = corpus[-1].plan.id
    assert store.query("MATCH (c:Plan)-[:IMPLEMENTS]->(p:Plan {id: $id}) RETURN count(c) AS c, "
                       "p.in_corpus AS in_corpus", {"id": city}) == [{"c": 10, "in_corpus": True}]
    assert store.query("MATCH (b:Bureau {id: $id})-[r]->() RETURN count(DISTINCT r.doc_id) AS c",
                       {"id": bureau_id(CITY, "市商务局")}) == [{"c": 11}]


def test_corpus_load_a_new_version_replaces_and_says_so(store, corpus):
    load_records(iter(corpus), store)
    revised = process_bytes(district_plan(3).replace("达到130亿元", "达到135亿元").encode("utf-8"), "d3b.txt")
    replaced: list[str] = []
    summary = load_records(iter([revised]), store, replaced=replaced)
    assert replaced == [f"{DISTRICT_TITLE} (loaded before)"] and summary.replaced == tuple(replaced)
    docs = [*_docs(corpus), revised.source.doc_id]
    values = store.query("MATCH (t:Target) WHERE t.doc_id IN $docs AND t.metric = '服务业增加值' "
                         "RETURN t.value AS v ORDER BY v", {"docs": docs})
    assert 130.0 not in [r["v"] for r in values] and 135.0 in [r["v"] for r in values]
    assert len(values) == 11


def test_corpus_load_another_plan_with_the_same_key_is_kept(store, corpus):
    load_records(iter(corpus), store)
    other = process_bytes(district_plan(5).replace("白政办发〔2024〕15号", "白政办发〔2025〕2号")
                          .replace("达到150亿元", "达到160亿元").encode("utf-8"), "d5-2025.txt")
    assert other.plan.id == corpus[5].plan.id
    replaced: list[str] = []
    load_records(iter([other]), store, replaced=replaced)
    assert replaced == []
    rows = store.query("MATCH (p:Plan) WHERE p.region = '白沙区' AND p.doc_id IN $docs RETURN p.doc_number AS n "
                       "ORDER BY n", {"docs": [corpus[5].source.doc_id, other.source.doc_id]})
    assert [r["n"] for r in rows] == ["白政办发〔2024〕15号", "白政办发〔2025〕2号"]
    remove_plan(store, "白政办发〔2025〕2号")


def test_corpus_load_records_json_folder_and_listed_files(store, corpus, tmp_path):
    for r in corpus[:3]:
        (tmp_path / f"{r.source.doc_id}.json").write_text(r.model_dump_json(), encoding="utf-8")
    (tmp_path / "notes.json").write_text(json.dumps({"hello": 1}), encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")  # a .pdf is a document now
    inputs = sort_inputs([tmp_path])
    assert len(inputs.records) == 4 and inputs.documents == []
    assert [s.path for s in inputs.skipped] == [str(tmp_path / "logo.png")]
    assert "not plan records" in read_records(tmp_path / "notes.json").error
    summary, batch = load_paths([str(tmp_path)], store=store)
    assert summary.documents == 3  # the records, not their JSON read as plan text
    assert [o.path for o in batch.failed] == [str(tmp_path / "notes.json")]
    assert batch.skipped == inputs.skipped
    docs = _docs(corpus[:3])
    assert store.query("MATCH (t:Target) WHERE t.doc_id IN $docs RETURN count(t) AS c", {"docs": docs}) == [{"c": 9}]


def test_corpus_tables_from_the_database(store, corpus):
    load_records(iter(corpus), store)
    G = read_graph(store)
    targets, resp, milestones = corpus_tables(G)
    docs = set(_docs(corpus))
    mine = [r for r in targets.rows if r["doc_id"] in docs]
    assert len(mine) == 33 and {r["region"] for r in mine} == {*DISTRICTS, CITY}
    row = next(r for r in mine if r["region"] == "东港区" and r["metric"] == "服务业增加值")
    assert (row["value"], row["deadline"], row["owners"]) == (100.0, "2026-12-31", "区发展和改革局")
    assert len([r for r in milestones.rows if r["doc_id"] in docs]) == 10
    assert {r["bureau_region"] for r in resp.rows if r["doc_id"] in docs and r["bureau"] == "市商务局"} == {CITY}


def test_corpus_remove_one_plan_and_refuse_an_ambiguous_title(store, corpus):
    load_records(iter(corpus), store)
    with pytest.raises(InputError, match=r"names \d+ plans") as refused:
        remove_plan(store, DISTRICT_TITLE)
    # the session's store may hold other tests' districts too: every one of ours is listed
    assert all(doc.plan.id in str(refused.value) for doc in corpus[:-1])
    removed = remove_plan(store, corpus[0].plan.id)
    assert removed["region"] == "东港区"
    docs = _docs(corpus)
    assert store.query("MATCH (t:Target) WHERE t.doc_id IN $docs RETURN count(t) AS c", {"docs": docs}) == [{"c": 30}]
    assert store.query("MATCH (b:Bureau {id: $id}) RETURN count(b) AS c",
                       {"id": bureau_id("东港区", "区商务局")}) == [{"c": 0}]
    assert store.query("MATCH (p:Plan {id: $id}) RETURN p.in_corpus AS c", {"id": corpus[-1].plan.id}) == [{"c": True}]
    with pytest.raises(InputError, match="no loaded plan"):
        remove_plan(store, corpus[0].plan.id)


def _fair(uid: str):
    """A city plan whose title names no place, and a district plan citing it by title and 文号."""
    number = f"澄政办发〔2024〕{int(uid[:6], 16) % 900 + 100}号"  # a 文号 of this test's own
    # the test's own words, in Han characters inside the titles (which end as titles do): with
    # the random hex uid at the end, a title ending in a digit was no title, 1 run in 2
    tag = "".join("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳"[int(c, 16)] for c in uid)
    title = f"关于促进{tag}会展业发展的意见"
    parent = process_bytes(
        (f"{CITY}人民政府办公厅关于印发《{title}》的通知\n{number}\n\n各区人民政府：\n现将《{title}》印发给你们。\n\n"
         f"{CITY}人民政府办公厅\n2024年2月1日\n\n{title}\n\n一、主要目标\n到2026年，全市举办展会100场。\n").encode(),
        f"p-{uid}.txt")
    child = process_bytes((f"东港区{tag}会展业发展实施方案\n为落实《{title}》（{number}），制定本方案。\n"
                           "一、主要目标\n到2026年，全区举办展会20场。\n").encode(), f"c-{uid}.txt")
    assert parent.plan.region == CITY and child.plan.parent_plans[0].region is None
    return parent, child


@pytest.mark.parametrize("child_first", [True, False])
def test_corpus_a_citation_by_doc_number_finds_its_plan_across_loads(store, uid, child_first):
    parent, child = _fair(uid)
    for doc in ([child, parent] if child_first else [parent, child]):
        load_records(iter([doc]), store)
    rows = store.query("MATCH (c:Plan {id: $c})-[:IMPLEMENTS]->(p:Plan) RETURN p.id AS p, p.in_corpus AS ic",
                       {"c": child.plan.id})
    assert rows == [{"p": parent.plan.id, "ic": True}]
    assert store.query("MATCH (p:Plan) WHERE p.doc_number = $n RETURN count(p) AS c",
                       {"n": parent.plan.doc_number}) == [{"c": 1}]  # no placeholder left


def test_corpus_reset_empties_the_database(store, corpus):
    load_records(iter(corpus[:2]), store)
    reset_database(store)
    assert store.query("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]
