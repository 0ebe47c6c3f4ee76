"""The load summary counts nodes as the database holds them: a bureau shared by documents in
different chunks is one node, not one per chunk (issue 17, item 6)."""
from __future__ import annotations

from graph.model.build import build_graph
from graph.store.store import Store
from policykg.jobs import load_records
from tests.graph.records_factory import make_parent_records, make_records


def test_load_counts_a_shared_node_once_across_chunks(store: Store) -> None:
    records = [make_parent_records(), make_records()]
    G = build_graph(records)
    expected = G.number_of_nodes()
    one_chunk = load_records(records, store, chunk=100)
    by_document = load_records(records, store, chunk=1)
    assert one_chunk.nodes == expected
    assert by_document.nodes == expected, (by_document.nodes, expected)
