"""What a load sends, worked out from the networkx graph alone (no database): rows per document
by label and relationship, statements cut to size, documents grouped into transactions.

Why apart from ``load``: ``prepare_load`` is pure Python, so ``policykg.loading`` prepares the next
chunk while a helper thread writes the previous one, and the transaction code stays short.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

import networkx as nx

from graph.store.load_cypher import DATE_PROPERTIES, DOC_LABELS, PROPERTIES, SHARED_LABELS, TREE_TYPES
from schemas.errors import ValidationFailed
from schemas.graph import LABEL_NAMES, RELATIONSHIP_TYPES

# A document whose facts carry more text than this is refused, alone, before anything is sent:
# one transaction holds a whole document, and the embedded server's heap (640 MB) does not hold
# a 40 MB one. Rows also go in statements of at most BATCH_CHARS characters of text.
DOCUMENT_CHARS = 16_000_000
BATCH_CHARS = 2_000_000


@dataclass
class _Part:
    """What one transaction writes: nodes by label, edges by (type, start, end label), and nodes
    created together with the edge from their parent (``tree``: (label, type, parent label) →
    rows with the parent's id as ``p``): cheaper for the database than the two apart."""

    nodes: dict[str, list[dict[str, Any]]]
    shared: dict[str, dict[str, dict[str, Any]]]  # label → id → row, each shared node once
    edges: dict[tuple[str, str, str], list[dict[str, Any]]]
    tree: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)


def _new_part() -> _Part:
    return _Part({}, {}, {}, {})


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

    An edge between two documents goes with the one loaded later, so both ends exist. A node's
    first edge from a parent of its own document (``TREE_TYPES``, the parent's label created
    earlier in ``DOC_LABELS`` order) goes with the node, into ``tree``.
    """
    order = list(dict.fromkeys(G.graph.get("doc_ids", [])))
    found = sorted({d for n in G.nodes if (d := _doc_of(G, n)) is not None} - set(order))
    order += found
    rank = {doc: i for i, doc in enumerate(order)}
    parts: dict[Optional[str], _Part] = {doc: _new_part() for doc in order}
    parts[None] = _new_part()
    referenced: set[str] = set()
    rows: dict[str, dict[str, Any]] = {}  # a document's own nodes: id → row
    parent: dict[str, tuple[str, str]] = {}  # node id → (type, parent label) of its tree edge
    for node, data in G.nodes(data=True):
        label = _label(G, node)
        doc = _doc_of(G, node)
        if doc is not None:
            rows[node] = row = _node_row(node, data)
            parts[doc].nodes.setdefault(label, []).append(row)
    for u, v, key, data in G.edges(keys=True, data=True):
        rel = data.get("type", key)
        if rel not in RELATIONSHIP_TYPES:
            raise ValidationFailed(f"[graph.edges.{u}->{v}] type {rel!r} is not a schema relationship")
        docs = [d for d in (_doc_of(G, u), _doc_of(G, v)) if d is not None]
        doc = max(docs, key=rank.__getitem__) if docs else None
        part = parts[doc]
        props = {k: _value(x) for k, x in data.items() if k != "type" and x is not None}
        if (rel in TREE_TYPES and not props and v in rows and u in rows and v not in parent
                and _doc_of(G, u) == _doc_of(G, v) and _rank(_label(G, u)) < _rank(_label(G, v))):
            rows[v]["p"] = u
            parent[v] = (rel, _label(G, u))
            continue
        part.edges.setdefault((rel, _label(G, u), _label(G, v)), []).append(
            {"a": u, "b": v, "props": props})
        for end in (u, v):
            if _doc_of(G, end) is None:
                part.shared.setdefault(_label(G, end), {})[end] = _node_row(end, G.nodes[end])
                referenced.add(end)
    for node in G.nodes:  # shared nodes no edge mentions still get loaded
        if _doc_of(G, node) is None and node not in referenced:
            parts[None].shared.setdefault(_label(G, node), {})[node] = _node_row(node, G.nodes[node])
    if parent:
        for part in parts.values():
            for label, listed in list(part.nodes.items()):
                kept = [row for row in listed if "p" not in row]
                for row in listed:
                    if "p" in row:
                        rel, up = parent[row["id"]]
                        part.tree.setdefault((label, rel, up), []).append(row)
                if kept:
                    part.nodes[label] = kept
                else:
                    del part.nodes[label]
    return order, parts


def _rank(label: str) -> int:
    return DOC_LABELS.index(label) if label in DOC_LABELS else len(DOC_LABELS)


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
        for key, rows in part.tree.items():
            out.tree.setdefault(key, []).extend(rows)
    return out


def _size(part: _Part) -> int:
    return (sum(map(len, part.nodes.values())) + sum(map(len, part.edges.values()))
            + 2 * sum(map(len, part.tree.values()))
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
            + sum(_chars(r) for rows in part.tree.values() for r in rows)
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
