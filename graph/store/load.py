"""Load a built graph (networkx) into a Store: one transaction per document, replace on reload.

Why per document: a failure rolls back that document only, and reloading a document (or a new
version of the same plan) first deletes its old subgraph, so loads are idempotent and never
leave two versions side by side. Nodes shared across documents (Bureaus, cited parent Plans
not in the corpus) are MERGEd and never deleted by a document. Labels and relationship types
come only from ``schemas.graph``; every value from a document travels as a parameter.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.store.load_cypher import (
    CROSS_DOCUMENT,
    DELETE_NODES,
    DELETE_PLAN_EDGES,
    DEMOTE_PLANS,
    DOC_LABELS,
    DROP_ORPHAN_PLACEHOLDERS,
    INCOMING_EDGES,
    MERGE_BY_NUMBER,
    PRESENT,
    STALE_VERSIONS,
    edge_statement,
    node_statement,
    schema_statements,
    shared_statement,
    tree_statement,
)
from graph.store.load_prepare import (
    BATCH_CHARS,
    DOCUMENT_CHARS,
    PreparedLoad,
    _batches,
    _combine,
    _groups,
    _Part,
    partition,
    prepare_load,
)
from graph.store.store import Store, Transaction
from schemas.errors import StoreError

__all__ = ["BATCH_CHARS", "DOCUMENT_CHARS", "LoadSummary", "PreparedLoad", "ensure_schema",
           "load_graph", "load_prepared", "partition", "prepare_load"]


@dataclass(frozen=True)
class LoadSummary:
    documents: int
    nodes: int
    relationships: int
    seconds: float
    skipped_relationships: int = 0  # endpoints found in neither the graph nor the database
    replaced: tuple[str, ...] = ()  # titles of plans whose earlier version in the database was replaced
    refused: tuple[tuple[str, str], ...] = ()  # (doc_id, reason): documents too large to load


def ensure_schema(store: Store) -> None:
    """Create constraints and indexes, each in its own transaction (Neo4j forbids mixing)."""
    for statement in schema_statements():
        store.query(statement, write=True)


def _merge_shared(tx: Transaction, shared: dict[str, dict[str, dict[str, Any]]], size: int) -> None:
    for label, by_id in shared.items():
        rows = list(by_id.values())
        # A cited plan must not overwrite the plan of a document that is in the corpus.
        statement = shared_statement(label)
        for batch in _batches(rows, size):
            tx.run(statement, {"rows": batch})


def _merge_nodes(tx: Transaction, part: _Part, size: int) -> tuple[int, int]:
    """A document's nodes (and the edges from their parents, ``part.tree``), parents first.
    Its old nodes were just deleted and their ids carry the document id, so CREATE is safe (and
    several times faster than MERGE); a Plan node is kept, so it MERGEs. A concurrent load of
    the same document trips the uniqueness constraint and is retried."""
    count = edges = 0
    for label in DOC_LABELS:
        statement = node_statement(label)
        for batch in _batches(part.nodes.get(label, []), size):
            count += tx.run(statement, {"rows": batch})[0]["c"]
        for (child, rel, parent), rows in part.tree.items():
            if child == label:
                for batch in _batches(rows, size):
                    count += len(batch)
                    edges += tx.run(tree_statement(child, rel, parent), {"rows": batch})[0]["c"]
    return count, edges


def _merge_edges(tx: Transaction, edges: dict[tuple[str, str, str], list[dict[str, Any]]],
                 size: int, create: bool = False) -> tuple[int, int]:
    """Relationships; ``create`` for a document's own, whose old copies were just deleted
    (every one touches a node the load recreated, or leaves the document's kept Plan node)."""
    done = skipped = 0
    for (rel, start, end), rows in edges.items():
        for batch in _batches(rows, size):
            props = any(row["props"] for row in batch)
            if not props:
                batch = [{"a": row["a"], "b": row["b"]} for row in batch]
            n = tx.run(edge_statement(rel, start, end, create, props), {"rows": batch})[0]["c"]
            done += n
            skipped += len(batch) - n
    return done, skipped


def _delete_documents(tx: Transaction, docs: list[str], keep_plans: list[str]) -> set[str]:
    """Remove what the documents wrote; their Plan nodes stay (other plans may IMPLEMENT them).
    Returns the ids of the plans that may have lost their last relationship.

    RESPONSIBLE_FOR edges end at the documents' own actions, targets and milestones, so
    DETACH DELETE removes them with those nodes.
    """
    for label in DOC_LABELS:
        if label != "Plan":
            tx.run(DELETE_NODES.format(label=label), {"docs": docs})
    touched = {r["q"] for r in tx.run(DELETE_PLAN_EDGES, {"docs": docs})}
    # A plan the new version no longer describes becomes a citation placeholder again.
    touched |= {r["q"] for r in tx.run(DEMOTE_PLANS, {"docs": docs, "keep": keep_plans})}
    return touched


def _drop_orphan_placeholders(tx: Transaction, ids: set[str]) -> None:
    """Placeholders among ``ids`` that nothing links to any more (see load_cypher)."""
    if ids:
        tx.run(DROP_ORPHAN_PLACEHOLDERS, {"ids": sorted(ids)})


def _incoming_edges(tx: Transaction, docs: list[str]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Edges other documents hold into these documents' nodes, grouped as ``_merge_edges`` takes
    them (types and labels come from the schema only)."""
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for rel, start, end in CROSS_DOCUMENT:
        rows = tx.run(INCOMING_EDGES.format(rel=rel, start=start, end=end), {"docs": docs})
        if rows:
            edges[(rel, start, end)] = [{"a": r["a"], "b": r["b"], "props": r["props"] or {}} for r in rows]
    return edges


def _load_documents(tx: Transaction, docs: list[str], part: _Part,
                    size: int) -> tuple[int, int, int, list[str]]:
    plan_ids = [row["id"] for row in part.nodes.get("Plan", [])]
    # A new version of a plan (same id, other doc_id) replaces the old document.
    old = tx.run(STALE_VERSIONS, {"ids": plan_ids, "docs": docs})
    # Only a document loaded before can have edges into it (a first load skips the search).
    present = [r["doc"] for r in tx.run(PRESENT, {"docs": docs})]
    incoming = _incoming_edges(tx, present) if present else {}
    # Nothing to delete for documents never loaded (a first load skips six statements).
    touched = _delete_documents(tx, present, plan_ids) if present else set()
    stale = [r["doc"] for r in old]
    if stale:
        touched |= _delete_documents(tx, stale, [])
    _merge_shared(tx, part.shared, size)
    nodes, tree = _merge_nodes(tx, part, size)
    rels, skipped = _merge_edges(tx, part.edges, size, create=True)
    rels += tree
    # Back where both ends still exist (a target the new text no longer has loses its edges).
    _merge_edges(tx, incoming, size)
    cited = list(part.shared.get("Plan", {}))
    for statement in MERGE_BY_NUMBER:
        touched |= {r["q"] for r in tx.run(statement, {"ids": plan_ids, "cited": cited})}
    _drop_orphan_placeholders(tx, touched)
    return nodes, rels, skipped, [r["title"] for r in old]


def load_graph(store: Store, G: nx.MultiDiGraph, batch_size: int = 1000,
               group_rows: int = 5000) -> LoadSummary:
    """Write ``G`` into ``store``; loading the same graph again changes nothing."""
    started = time.perf_counter()
    summary = load_prepared(store, prepare_load(G), batch_size, group_rows)
    return LoadSummary(summary.documents, summary.nodes, summary.relationships,
                       round(time.perf_counter() - started, 3), summary.skipped_relationships,
                       summary.replaced, summary.refused)


_CYPHER_TEXT = re.compile(r"\b(UNWIND|MATCH|MERGE|CREATE|DETACH|WITH|RETURN)\b.*", re.S)


def _document_error(doc: str, part: _Part, exc: StoreError) -> StoreError:
    """One line naming the document (its title) and the database's reason, never Cypher text."""
    plans = part.nodes.get("Plan") or [{}]
    title = (plans[0].get("props") or {}).get("title")
    reason = _CYPHER_TEXT.sub("", str(exc)).strip(" :;,") or type(exc).__name__
    return type(exc)(f"document {doc}" + (f" ({title})" if title else "")
                     + f" could not be loaded: {reason}")


def load_prepared(store: Store, prepared: PreparedLoad, batch_size: int = 1000,
                  group_rows: int = 5000, schema: bool = True) -> LoadSummary:
    """Write a prepared graph (first the constraints and indexes, unless ``schema`` is False
    because the caller made sure of them already).

    Documents go in groups of about ``group_rows`` rows, one transaction each (fewer round
    trips); if a group fails, its documents are loaded one transaction each, so a failing
    document never leaves a half-loaded plan and never holds back the others before it.
    """
    started = time.perf_counter()
    order, parts = prepared.order, prepared.parts
    if schema:
        ensure_schema(store)
    nodes = rels = skipped = 0
    replaced: list[str] = []
    for group in _groups(order, parts, group_rows):
        part = _combine([parts[doc] for doc in group])
        try:
            n, r, s, old = store.execute_write(lambda tx: _load_documents(tx, group, part, batch_size))
        except StoreError as exc:
            if len(group) == 1:
                raise _document_error(group[0], parts[group[0]], exc) from None
            n = r = s = 0
            old = []
            for doc in group:  # find the failing document; the others load on their own
                try:
                    n1, r1, s1, old1 = store.execute_write(
                        lambda tx: _load_documents(tx, [doc], parts[doc], batch_size))
                except StoreError as exc:
                    raise _document_error(doc, parts[doc], exc) from None
                n, r, s = n + n1, r + r1, s + s1
                old += old1
        nodes, rels, skipped = nodes + n, rels + r, skipped + s
        replaced += old
    shared = parts[None]
    if shared.shared or shared.edges:
        def write_shared(tx: Transaction) -> tuple[int, int]:
            _merge_shared(tx, shared.shared, batch_size)
            return _merge_edges(tx, shared.edges, batch_size)
        r, s = store.execute_write(write_shared)
        rels, skipped = rels + r, skipped + s
    return LoadSummary(len(order), nodes + prepared.shared_nodes, rels,
                       round(time.perf_counter() - started, 3), skipped, tuple(replaced), prepared.refused)
