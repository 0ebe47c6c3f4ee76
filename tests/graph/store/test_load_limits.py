"""Big documents (issue 17): statements bounded in text, a document too large for one
transaction refused alone and by name, a failing document named without Cypher text."""
from __future__ import annotations

import pytest

from graph.store.load import BATCH_CHARS, DOCUMENT_CHARS, _batches, load_graph
from graph.store.store import Store
from schemas.errors import QueryError
from tests.graph.conftest import combine, doc_graph


def _count(store: Store, doc: str) -> int:
    return store.query("MATCH (n) WHERE n.doc_id = $d RETURN count(n) AS n", {"d": doc})[0]["n"]


def test_load_statements_are_bounded_in_text() -> None:
    rows = [{"id": str(i), "props": {"evidence": "证" * (BATCH_CHARS // 2 + 1)}} for i in range(3)]
    rows += [{"id": f"s{i}", "props": {"title": "短"}} for i in range(2500)]
    batches = list(_batches(rows, 1000))
    assert [len(b) for b in batches] == [1, 1, 1000, 1000, 501]


def test_load_too_large_document_is_refused_alone(store: Store, uid: str) -> None:
    big, small = f"{uid}big", f"{uid}small"
    G_big = doc_graph(big, title="超大规划")
    G_big.nodes[f"target:{big}:0"]["evidence"] = "证" * (DOCUMENT_CHARS + 1)
    summary = load_graph(store, combine(G_big, doc_graph(small)))
    assert [doc for doc, _ in summary.refused] == [big]
    assert "too large to load" in summary.refused[0][1] and "\n" not in summary.refused[0][1]
    assert _count(store, big) == 0 and _count(store, small) == 6
    assert summary.documents == 1


def test_load_failing_document_is_named_without_cypher(store: Store, uid: str) -> None:
    doc = f"{uid}bad"
    G = doc_graph(doc, title="日期有误的规划")
    G.nodes[f"milestone:{doc}:0"]["deadline"] = "2024-02-30"
    with pytest.raises(QueryError) as err:
        load_graph(store, G)
    message = str(err.value)
    assert message.startswith(f"document {doc} (日期有误的规划) could not be loaded")
    assert "UNWIND" not in message and "$rows" not in message and "\n" not in message
