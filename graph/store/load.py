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
from typing import Any, Iterator, Optional

import networkx as nx

from graph.store.load_cypher import (
    CROSS_DOCUMENT,
    DATE_PROPERTIES,
    DELETE_NODES,
    DELETE_PLAN_EDGES,
    DEMOTE_PLANS,
    DOC_LABELS,
    DROP_ORPHAN_PLACEHOLDERS,
    INCOMING_EDGES,
    MERGE_BY_NUMBER,
    PRESENT,
    PROPERTIES,
    SHARED_LABELS,
    STALE_VERSIONS,
    edge_statement,
    node_statement,
    schema_statements,
    shared_statement,
)
from graph.store.store import Store, Transaction
from schemas.errors import StoreError, ValidationFailed
from schemas.graph import LABEL_NAMES, RELATIONSHIP_TYPES

# A document whose facts carry more text than this is refused, alone, before anything is sent:
# one transaction holds a whole document, and the embedded server's 1 GB heap does not hold
# a 40 MB one. Rows also go in statements of at most BATCH_CHARS characters of text.
DOCUMENT_CHARS = 16_000_000
BATCH_CHARS = 2_000_000


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


@dataclass
class _Part:
    """What one transaction writes: nodes by label and edges by (type, start, end label)."""

    nodes: dict[str, list[dict[str, Any]]]
    shared: dict[str, dict[str, dict[str, Any]]]  # label → id → row, each shared node once
    edges: dict[tuple[str, str, str], list[dict[str, Any]]]


def _new_part() -> _Part:
    return _Part({}, {}, {})


def _label(G: nx.MultiDiGraph, node: str) -> str:
    label = G.nodes[node].get("label")
    if label not in LABEL_NAMES:
        raise ValidationFailed(f"[graph.nodes.{node}] label {label!r} is not one of the schema labels")
    return label


def _doc_of(G: nx.MultiDiGraph, node: str) -> Optional[str]:
    data = G.nodes[node]
    return None if data.get("label") in SHARED_LABELS else data.get("doc_id")


def _node_row(node: str, data: dict[str, Any]) -> dict[str, Any]:
    """Every schema property is present on a MERGEd node (None removes a stale value); a CREATEd
    one gets only those with a value (each null costs the database a removal). Dates apart."""
    label = data["label"]
    merged = label == "Plan" or label in SHARED_LABELS
    props: dict[str, Any] = {p: None for p in PROPERTIES[label] if p not in DATE_PROPERTIES} if merged else {}
    props.update({k: _value(v) for k, v in data.items()
                  if k != "label" and k not in DATE_PROPERTIES and (merged or v is not None)})
    props["id"] = node
    row: dict[str, Any] = {"id": node, "props": props}
    for p in DATE_PROPERTIES:
        if p in PROPERTIES[label]:
            row[p] = data.get(p)
    return row


def _value(value: Any) -> Any:
    return list(value) if isinstance(value, (tuple, set, frozenset)) else value


def partition(G: nx.MultiDiGraph) -> tuple[list[str], dict[Optional[str], _Part]]:
    """Documents in load order and, per document (None: shared only), what it writes.

    An edge between two documents goes with the one loaded later, so both ends exist.
    """
    order = list(dict.fromkeys(G.graph.get("doc_ids", [])))
    found = sorted({d for n in G.nodes if (d := _doc_of(G, n)) is not None} - set(order))
    order += found
    rank = {doc: i for i, doc in enumerate(order)}
    parts: dict[Optional[str], _Part] = {doc: _new_part() for doc in order}
    parts[None] = _new_part()
    referenced: set[str] = set()
    for node, data in G.nodes(data=True):
        label = _label(G, node)
        doc = _doc_of(G, node)
        if doc is not None:
            parts[doc].nodes.setdefault(label, []).append(_node_row(node, data))
    for u, v, key, data in G.edges(keys=True, data=True):
        rel = data.get("type", key)
        if rel not in RELATIONSHIP_TYPES:
            raise ValidationFailed(f"[graph.edges.{u}->{v}] type {rel!r} is not a schema relationship")
        docs = [d for d in (_doc_of(G, u), _doc_of(G, v)) if d is not None]
        doc = max(docs, key=rank.__getitem__) if docs else None
        part = parts[doc]
        props = {k: _value(x) for k, x in data.items() if k != "type" and x is not None}
        part.edges.setdefault((rel, _label(G, u), _label(G, v)), []).append(
            {"a": u, "b": v, "props": props})
        for end in (u, v):
            if _doc_of(G, end) is None:
                part.shared.setdefault(_label(G, end), {})[end] = _node_row(end, G.nodes[end])
                referenced.add(end)
    for node in G.nodes:  # shared nodes no edge mentions still get loaded
        if _doc_of(G, node) is None and node not in referenced:
            parts[None].shared.setdefault(_label(G, node), {})[node] = _node_row(node, G.nodes[node])
    return order, parts


def _chars(row: dict[str, Any]) -> int:
    props = row.get("props") or {}
    return sum(len(v) for v in props.values() if isinstance(v, str))


def _batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """At most ``size`` rows and about BATCH_CHARS characters of text per statement."""
    batch: list[dict[str, Any]] = []
    chars = 0
    for row in rows:
        n = _chars(row)
        if batch and (len(batch) >= size or chars + n > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(row)
        chars += n
    if batch:
        yield batch


def _merge_shared(tx: Transaction, shared: dict[str, dict[str, dict[str, Any]]], size: int) -> None:
    for label, by_id in shared.items():
        rows = list(by_id.values())
        # A cited plan must not overwrite the plan of a document that is in the corpus.
        statement = shared_statement(label)
        for batch in _batches(rows, size):
            tx.run(statement, {"rows": batch})


def _merge_nodes(tx: Transaction, nodes: dict[str, list[dict[str, Any]]], size: int) -> int:
    """A document's nodes. Its old nodes were just deleted and their ids carry the document id,
    so CREATE is safe (and several times faster than MERGE); a Plan node is kept, so it MERGEs.
    A concurrent load of the same document trips the uniqueness constraint and is retried."""
    count = 0
    for label, rows in nodes.items():
        statement = node_statement(label)
        for batch in _batches(rows, size):
            count += tx.run(statement, {"rows": batch})[0]["c"]
    return count


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


def _delete_documents(tx: Transaction, docs: list[str], keep_plans: list[str]) -> None:
    """Remove what the documents wrote; their Plan nodes stay (other plans may IMPLEMENT them).

    RESPONSIBLE_FOR edges end at the documents' own actions, targets and milestones, so
    DETACH DELETE removes them with those nodes.
    """
    for label in DOC_LABELS:
        if label != "Plan":
            tx.run(DELETE_NODES.format(label=label), {"docs": docs})
    tx.run(DELETE_PLAN_EDGES, {"docs": docs})
    # A plan the new version no longer describes becomes a citation placeholder again.
    tx.run(DEMOTE_PLANS, {"docs": docs, "keep": keep_plans})


def _drop_orphan_placeholders(tx: Transaction) -> None:
    tx.run(DROP_ORPHAN_PLACEHOLDERS)


def _combine(parts: list[_Part]) -> _Part:
    """One part for several documents, so each UNWIND carries rows of all of them."""
    out = _new_part()
    for part in parts:
        for label, rows in part.nodes.items():
            out.nodes.setdefault(label, []).extend(rows)
        for label, by_id in part.shared.items():
            out.shared.setdefault(label, {}).update(by_id)
        for key, rows in part.edges.items():
            out.edges.setdefault(key, []).extend(rows)
    return out


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
    _delete_documents(tx, docs, plan_ids)
    stale = [r["doc"] for r in old]
    if stale:
        _delete_documents(tx, stale, [])
    _merge_shared(tx, part.shared, size)
    nodes = _merge_nodes(tx, part.nodes, size)
    rels, skipped = _merge_edges(tx, part.edges, size, create=True)
    # Back where both ends still exist (a target the new text no longer has loses its edges).
    _merge_edges(tx, incoming, size)
    cited = list(part.shared.get("Plan", {}))
    for statement in MERGE_BY_NUMBER:
        tx.run(statement, {"ids": plan_ids, "cited": cited})
    _drop_orphan_placeholders(tx)
    return nodes, rels, skipped, [r["title"] for r in old]


def _size(part: _Part) -> int:
    return (sum(map(len, part.nodes.values())) + sum(map(len, part.edges.values()))
            + sum(map(len, part.shared.values())))


def _groups(order: list[str], parts: dict[Optional[str], _Part], budget: int) -> Iterator[list[str]]:
    group: list[str] = []
    rows = 0
    for doc in order:
        n = _size(parts[doc])
        if group and rows + n > budget:
            yield group
            group, rows = [], 0
        group.append(doc)
        rows += n
    if group:
        yield group


@dataclass
class PreparedLoad:
    """What ``load_graph`` sends, worked out from the graph alone (no database needed), so the
    next graph can be prepared while the database writes the previous one."""

    order: list[str]
    parts: dict[Optional[str], _Part]
    shared_nodes: int
    refused: tuple[tuple[str, str], ...] = ()


def _text_chars(part: _Part) -> int:
    return (sum(_chars(r) for rows in part.nodes.values() for r in rows)
            + sum(_chars(r) for rows in part.edges.values() for r in rows))


def prepare_load(G: nx.MultiDiGraph) -> PreparedLoad:
    """Check ``G`` against the graph schema and partition it into per-document writes; a
    document over DOCUMENT_CHARS is left out and named in ``refused``."""
    order, parts = partition(G)
    refused = []
    for doc in list(order):
        chars = _text_chars(parts[doc])
        if chars > DOCUMENT_CHARS:
            order.remove(doc)
            del parts[doc]
            refused.append((doc, f"too large to load into the graph database ({chars / 1e6:.1f} "
                                 f"million characters of text; the limit is {DOCUMENT_CHARS / 1e6:.0f} million)"))
    return PreparedLoad(order, parts, sum(1 for node in G.nodes if _doc_of(G, node) is None),
                        tuple(refused))


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
