"""Loading built graphs into the real embedded database: idempotence, replacement, rollback."""
from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest

from graph.store.load import load_graph, partition
from graph.store.load_cypher import schema_statements
from graph.store.store import Store, open_store
from schemas.errors import QueryError, ValidationFailed
from schemas.ids import bureau_id
from tests.graph.conftest import combine, doc_graph

INJECTION = '区"}) MATCH (n) DETACH DELETE n //局'


def _doc_counts(store: Store, *docs: str) -> Counter:
    rows = store.query("MATCH (n) WHERE n.doc_id IN $docs RETURN n.doc_id AS doc, "
                       "labels(n)[0] AS label, count(*) AS c", {"docs": list(docs)})
    return Counter({(r["doc"], r["label"]): r["c"] for r in rows})


def _duplicates(store: Store, prefix: str) -> list[dict]:
    return store.query("MATCH (n) WHERE n.id STARTS WITH $p WITH n.id AS id, count(*) AS c "
                       "WHERE c > 1 RETURN id, c", {"p": prefix})


def _rel_count(store: Store, doc: str) -> int:
    return store.query("MATCH (a)-[r]->(b) WHERE a.doc_id = $d OR b.doc_id = $d "
                       "RETURN count(r) AS c", {"d": doc})[0]["c"]


def test_load_schema_statements_cover_every_label() -> None:
    text = "\n".join(schema_statements())
    for label in ("Plan", "Section", "Action", "Target", "Milestone", "Bureau"):
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in text


def test_load_counts_types_and_dates(store: Store, uid: str) -> None:
    G = doc_graph(f"{uid}a", parent=f"plan:{uid}:parent")
    summary = load_graph(store, G)
    assert (summary.documents, summary.nodes, summary.relationships) == (1, 8, 7)
    assert summary.skipped_relationships == 0
    rows = store.query("MATCH (t:Target {doc_id: $d}) RETURN t.deadline AS d, "
                       "t.deadline = date('2025-06-30') AS is_date, t.value AS v, t.start AS s",
                       {"d": f"{uid}a"})
    assert rows == [{"d": "2025-06-30", "is_date": True, "v": 40.0, "s": 10}]
    rows = store.query("MATCH (s:Section {doc_id: $d}) RETURN s.deadline AS d, s.path AS p "
                       "ORDER BY s.id", {"d": f"{uid}a"})
    assert rows[0]["d"] == "2025-12-31" and rows[1]["d"] is None and rows[0]["p"] == ["规划第1节"]
    rows = store.query("MATCH (p:Plan {id: $id}) RETURN p.in_corpus AS c, p.doc_id AS d",
                       {"id": f"plan:{uid}:parent"})
    assert rows == [{"c": False, "d": None}]


def test_load_twice_changes_nothing(store: Store, uid: str) -> None:
    G = combine(doc_graph(f"{uid}a", parent=f"plan:{uid}:p"), doc_graph(f"{uid}b"))
    first = load_graph(store, G)
    counts = _doc_counts(store, f"{uid}a", f"{uid}b")
    rels = _rel_count(store, f"{uid}a")
    second = load_graph(store, G)
    assert (first.nodes, first.relationships) == (second.nodes, second.relationships)
    assert _doc_counts(store, f"{uid}a", f"{uid}b") == counts
    assert _rel_count(store, f"{uid}a") == rels
    assert store.query("MATCH (b:Bureau {id: $id}) RETURN count(b) AS c",
                       {"id": bureau_id(None, "区发展改革委")}) == [{"c": 1}]


def test_load_hostile_bureau_name_is_data(store: Store, uid: str) -> None:
    before = store.query("MATCH (n) RETURN count(n) AS c")[0]["c"]
    load_graph(store, doc_graph(f"{uid}a", bureau=INJECTION))
    after = store.query("MATCH (n) RETURN count(n) AS c")[0]["c"]
    assert after >= before + 7  # nothing was deleted
    rows = store.query("MATCH (b:Bureau {id: $id})-[r:RESPONSIBLE_FOR]->(a:Action) "
                       "RETURN b.name AS name, r.role AS role, a.doc_id AS d",
                       {"id": bureau_id(None, INJECTION)})
    assert rows == [{"name": INJECTION, "role": "lead", "d": f"{uid}a"}]


def test_load_new_version_replaces_document_and_leaves_others(store: Store, uid: str) -> None:
    plan = f"plan:{uid}:same"
    other = doc_graph(f"{uid}o", bureau="区财政局")
    load_graph(store, combine(doc_graph(f"{uid}v1", plan, sections=3), other))
    kept = _doc_counts(store, f"{uid}o")
    # Same doc_id, changed content: its old subgraph goes.
    load_graph(store, doc_graph(f"{uid}v1", plan, sections=1))
    assert _doc_counts(store, f"{uid}v1")[(f"{uid}v1", "Section")] == 1
    # A new version of the same plan (new doc_id): the old document goes entirely.
    load_graph(store, doc_graph(f"{uid}v2", plan, sections=2, title="新规划"))
    assert not _doc_counts(store, f"{uid}v1")
    assert _doc_counts(store, f"{uid}v2")[(f"{uid}v2", "Section")] == 2
    assert store.query("MATCH (p:Plan {id: $id}) RETURN p.doc_id AS d, p.title AS t",
                       {"id": plan}) == [{"d": f"{uid}v2", "t": "新规划"}]
    assert _doc_counts(store, f"{uid}o") == kept
    assert store.query("MATCH (b:Bureau {id: $id}) RETURN count(b) AS c",
                       {"id": bureau_id(None, "区发展改革委")}) == [{"c": 1}]


def test_load_placeholder_plan_is_filled_when_its_document_arrives(store: Store, uid: str) -> None:
    parent = f"plan:{uid}:parent"
    load_graph(store, doc_graph(f"{uid}c", parent=parent))
    load_graph(store, doc_graph(f"{uid}p", parent))
    rows = store.query("MATCH (p:Plan {id: $id}) OPTIONAL MATCH (c:Plan)-[:IMPLEMENTS]->(p) "
                       "RETURN p.in_corpus AS in_corpus, p.doc_id AS d, count(c) AS children",
                       {"id": parent})
    assert rows == [{"in_corpus": True, "d": f"{uid}p", "children": 1}]
    # Reloading either side keeps one parent node, filled, with its child link.
    load_graph(store, doc_graph(f"{uid}c", parent=parent))
    load_graph(store, doc_graph(f"{uid}p", parent))
    rows = store.query("MATCH (p:Plan {id: $id}) OPTIONAL MATCH (c:Plan)-[:IMPLEMENTS]->(p) "
                       "RETURN p.in_corpus AS in_corpus, count(c) AS children", {"id": parent})
    assert rows == [{"in_corpus": True, "children": 1}]


def test_load_cross_document_edge_goes_with_the_later_document(uid: str) -> None:
    a, b = doc_graph(f"{uid}a"), doc_graph(f"{uid}b")
    G = combine(a, b)
    G.add_edge(f"target:{uid}b:0", f"target:{uid}a:0", key="ALIGNS_WITH", type="ALIGNS_WITH",
               score=0.9)
    order, parts = partition(G)
    assert order == [f"{uid}a", f"{uid}b"]
    assert ("ALIGNS_WITH", "Target", "Target") in parts[f"{uid}b"].edges
    assert ("ALIGNS_WITH", "Target", "Target") not in parts[f"{uid}a"].edges


@pytest.mark.parametrize("breakage", ["bad relationship parameter", "bad date"])
def test_load_failure_rolls_back_the_document(store: Store, uid: str, breakage: str) -> None:
    doc = f"{uid}x"
    G = doc_graph(doc)
    if breakage == "bad relationship parameter":  # the last statement of the document fails
        G.edges[bureau_id(None, "区发展改革委"), f"action:{doc}:0", "RESPONSIBLE_FOR"]["rank"] = object()
    else:
        G.nodes[f"milestone:{doc}:0"]["deadline"] = "2024-02-30"
    with pytest.raises(QueryError):
        load_graph(store, G)
    assert not _doc_counts(store, doc)
    summary = load_graph(store, doc_graph(doc))
    assert summary.relationships == 6 and sum(_doc_counts(store, doc).values()) == 6


def test_load_rejects_graph_outside_the_schema(store: Store, uid: str) -> None:
    G = doc_graph(f"{uid}a")
    G.add_node("x", label="Person", doc_id=f"{uid}a")
    with pytest.raises(ValidationFailed, match="Person"):
        load_graph(store, G)
    G = doc_graph(f"{uid}a")
    G.add_edge(f"plan:{uid}a", f"action:{uid}a:0", key="OWNS", type="OWNS")
    with pytest.raises(ValidationFailed, match="OWNS"):
        load_graph(store, G)


def test_load_concurrent_loads_leave_no_duplicates(embedded_home: Path, uid: str) -> None:
    G = combine(*(doc_graph(f"{uid}{i}", parent=f"plan:{uid}:parent", bureau=f"区{i % 2}局",
                            sections=20) for i in range(4)))
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with open_store(env={}, home=embedded_home) as s:
                load_graph(s, G, batch_size=7)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(env={}, home=embedded_home) as s:
        assert _duplicates(s, f"section:{uid}") == []
        assert _duplicates(s, f"plan:{uid}") == []
        assert s.query("MATCH (b:Bureau) WHERE b.id IN $ids RETURN count(b) AS c",
                       {"ids": [bureau_id(None, "区0局"), bureau_id(None, "区1局")]}) == [{"c": 2}]
        docs = [f"{uid}{i}" for i in range(4)]
        assert sum(_doc_counts(s, *docs).values()) == 4 * 24
        rels = s.query("MATCH (a)-[r]->(b) WHERE b.doc_id IN $docs OR a.doc_id IN $docs "
                       "RETURN type(r) AS t, count(r) AS c", {"docs": docs})
        assert {r["t"]: r["c"] for r in rels}["HAS_SECTION"] == 4 * 20
        assert {r["t"]: r["c"] for r in rels}["IMPLEMENTS"] == 4
