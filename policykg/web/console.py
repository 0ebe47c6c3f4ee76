"""The Cypher console: named queries with their parameters, free Cypher read-only (the store's
read-only user refuses writes, as on the CLI), results as a table and as graph data."""
from __future__ import annotations

import json
from typing import Any, Mapping

import networkx as nx

from graph.render.export import display_name
from graph.store.queries import get_query
from graph.store.store import Store

NODE_LIMIT = 50  # nodes drawn at first, and per "show more"
RESULT_NODES = 1000  # result nodes sent to the page at most


def parse_value(raw: str) -> Any:
    """A form value read as JSON when it parses (numbers, lists), else kept as text: the CLI's
    ``--param k=v`` rule (``policykg.jobs.parse_param``)."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def run(store: Store, name: str, cypher: str, params: Mapping[str, str]) -> tuple[str, list[dict[str, Any]]]:
    """(the Cypher run, its rows); QueryError, WriteRefused and StoreError pass to the caller."""
    if name:
        query = get_query(name)
        # A parameter left empty takes the query's default ($limit), else the empty value as before.
        values = query.bind({p: parse_value(params.get(p, "")) for p in query.parameters
                             if params.get(p, "") != "" or p not in query.defaults})
        return query.text, store.query(query.text, values)
    return cypher, store.query(cypher, {})


def table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    columns = list(dict.fromkeys(k for r in rows for k in r))
    def cell(v: Any) -> str:
        if isinstance(v, dict) and "_labels" in v:
            return f"({':'.join(v['_labels'])} {v.get('name') or v.get('title') or v.get('metric') or v.get('id')})"
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
    return columns, [[cell(r.get(c)) for c in columns] for r in rows]


def _ids(value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        if "_labels" in value and value.get("id"):
            out.append(str(value["id"]))
        for v in value.values():
            _ids(v, out)
    elif isinstance(value, list):
        for v in value:
            _ids(v, out)
    elif isinstance(value, str) and ":" in value:
        out.append(value)  # ids returned as values (e.g. a.id)


def result_nodes(G: nx.MultiDiGraph, rows: list[dict[str, Any]]) -> list[str]:
    """The model's nodes a result names, in order of first mention."""
    found: list[str] = []
    for row in rows:
        _ids(row, found)
    return [n for n in dict.fromkeys(found) if n in G]


def node_json(G: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    d = G.nodes[node]
    label = display_name(node, d)
    return {"id": node, "label": label if len(label) <= 18 else label[:17] + "…", "title": label,
            "group": d.get("label")}


def graph_json(G: nx.MultiDiGraph, nodes: list[str]) -> dict[str, Any]:
    """Nodes with the model's edges among them; labels are names, never ids."""
    keep = set(nodes)
    edges = [{"from": u, "to": v, "label": k} for u, v, k in G.edges(keys=True) if u in keep and v in keep]
    return {"nodes": [node_json(G, n) for n in nodes], "edges": edges}


def neighbours(G: nx.MultiDiGraph, node: str, offset: int = 0, limit: int = NODE_LIMIT) -> dict[str, Any]:
    """One page of a node's neighbours (both directions) and how many there are in all."""
    if node not in G:
        return {"nodes": [], "edges": [], "total": 0}
    around = list(dict.fromkeys([*G.successors(node), *G.predecessors(node)]))
    page = around[offset:offset + limit]
    data = graph_json(G, [node, *page])
    data["total"] = len(around)
    data["next"] = offset + limit if offset + limit < len(around) else None
    return data
