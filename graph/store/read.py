"""The database read back into the model: one networkx graph of everything loaded, in the
layout of ``graph.model.build`` (so tables and exports read a database like built records)."""
from __future__ import annotations

import networkx as nx

from graph.model.build import PROPERTIES
from graph.store.queries import get_query
from graph.store.store import Store, plain
from schemas.graph import LABEL_NAMES


def read_graph(store: Store) -> nx.MultiDiGraph:
    """Every node and relationship of the schema's labels and types; dates as ISO text."""
    G = nx.MultiDiGraph()
    for row in store.query(get_query("graph-nodes").text):
        label = next((name for name in row["labels"] if name in LABEL_NAMES), None)
        props = {k: plain(v) for k, v in (row["props"] or {}).items()}
        if label is None or "id" not in props:
            continue
        attrs = {"label": label, **{p: props.get(p) for p in PROPERTIES[label]}}
        G.add_node(props["id"], **attrs)
    for row in store.query(get_query("graph-relationships").text):
        if row["a"] in G and row["b"] in G:
            props = {k: plain(v) for k, v in (row["props"] or {}).items()}
            G.add_edge(row["a"], row["b"], key=row["type"], type=row["type"], **props)
    plans = [n for n, d in G.nodes(data=True) if d["label"] == "Plan" and d.get("doc_id")]
    G.graph["doc_ids"] = sorted(G.nodes[p]["doc_id"] for p in plans)
    return G
