"""The tidy tables researchers analyse: one row per target, per responsibility, per milestone,
across every plan of a graph (built from records, or read back from the database).

Each table is plain data with a typed column list, so the writers (``graph.render.tables``) give
CSV, XLSX and Parquet the same columns and types. Lists (owners) are ``、``-joined text with a
parallel ``owner_roles`` column, so a cell never holds JSON and Stata/Excel read it as text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional

import networkx as nx

ColumnType = Literal["str", "float", "int", "date", "bool"]
JOIN = "、"
PATH_JOIN = " > "

PLAN_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("plan_id", "str"), ("plan_title", "str"), ("region", "str"), ("level", "str"),
    ("issuer", "str"), ("doc_number", "str"), ("period_start", "int"), ("period_end", "int"),
)
OWNER_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("owners", "str"), ("owner_roles", "str"), ("lead_owners", "str"),
)


@dataclass
class TidyTable:
    name: str
    columns: tuple[tuple[str, ColumnType], ...]
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]


#: The evidence and where it is: in the normalized (simplified) text and in the original text.
EVIDENCE_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("evidence", "str"), ("evidence_start", "int"), ("evidence_end", "int"),
    ("evidence_orig_start", "int"), ("evidence_orig_end", "int"),
)
TARGET_COLUMNS = PLAN_COLUMNS + (
    ("section_path", "str"), ("metric", "str"), ("value", "float"), ("value_max", "float"),
    ("unit", "str"), ("normalized_value", "float"), ("normalized_unit", "str"),
    ("comparator", "str"), ("kind", "str"), ("deadline", "date"), ("deadline_rule", "str"),
    ("recurrence", "str"), ("scope", "str"),
) + OWNER_COLUMNS + EVIDENCE_COLUMNS + (("target_id", "str"), ("doc_id", "str"))
MILESTONE_COLUMNS = PLAN_COLUMNS + (
    ("section_path", "str"), ("description", "str"), ("deadline", "date"), ("deadline_rule", "str"),
) + OWNER_COLUMNS + EVIDENCE_COLUMNS + (("milestone_id", "str"), ("doc_id", "str"))
RESPONSIBILITY_COLUMNS = PLAN_COLUMNS + (
    ("section_path", "str"), ("item_type", "str"), ("item_id", "str"), ("item", "str"),
    ("bureau", "str"), ("bureau_region", "str"), ("bureau_level", "str"), ("bureau_id", "str"),
    ("generic", "bool"), ("role", "str"), ("rank", "int"), ("clause", "str"), ("doc_id", "str"),
)


def _plans(G: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """doc_id → the plan columns of the plan that document is."""
    out = {}
    for node, d in G.nodes(data=True):
        if d.get("label") == "Plan" and d.get("doc_id"):
            out[d["doc_id"]] = {"plan_id": node, "plan_title": d.get("title"), "region": d.get("region"),
                                "level": d.get("level"), "issuer": d.get("issuer"),
                                "doc_number": d.get("doc_number"), "period_start": d.get("period_start"),
                                "period_end": d.get("period_end")}
    return out


def _holder(G: nx.MultiDiGraph, node: str, rel: str) -> Optional[str]:
    return next((u for u, _v, k in G.in_edges(node, keys=True) if k == rel), None)


def _path(G: nx.MultiDiGraph, holder: Optional[str]) -> str:
    if holder is None:
        return ""
    d = G.nodes[holder]
    path = d.get("section_path") if d.get("label") == "Action" else d.get("path") if d.get("label") == "Section" else None
    return PATH_JOIN.join(path or [])


def _owners(G: nx.MultiDiGraph, *nodes: Optional[str]) -> list[tuple[str, dict[str, Any]]]:
    """(bureau, edge) responsible for the first of ``nodes`` that has owners, in rank order."""
    for node in nodes:
        if node is None:
            continue
        found = [(u, d) for u, _v, k, d in G.in_edges(node, keys=True, data=True) if k == "RESPONSIBLE_FOR"]
        if found:
            return sorted(found, key=lambda x: (x[1].get("rank") or 0, x[0]))
    return []


def _owner_columns(G: nx.MultiDiGraph, owners: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    names = [G.nodes[b].get("name") or b for b, _ in owners]
    return {"owners": JOIN.join(names), "owner_roles": JOIN.join(str(e.get("role")) for _, e in owners),
            "lead_owners": JOIN.join(n for n, (_, e) in zip(names, owners) if e.get("role") == "lead")}


def _evidence(d: dict[str, Any]) -> dict[str, Any]:
    return {"evidence": d.get("evidence"), "evidence_start": d.get("start"), "evidence_end": d.get("end"),
            "evidence_orig_start": d.get("orig_start"), "evidence_orig_end": d.get("orig_end")}


def _of_label(G: nx.MultiDiGraph, label: str) -> list[tuple[str, dict[str, Any]]]:
    nodes = [(n, d) for n, d in G.nodes(data=True) if d.get("label") == label]
    order = {doc: i for i, doc in enumerate(G.graph.get("doc_ids", []))}
    return sorted(nodes, key=lambda x: (order.get(x[1].get("doc_id"), len(order)), x[1].get("doc_id") or "",
                                        x[1].get("start") or 0, x[0]))


def target_table(G: nx.MultiDiGraph) -> TidyTable:
    """One row per target (baselines included: ``kind`` says which)."""
    plans, table = _plans(G), TidyTable("targets", TARGET_COLUMNS)
    for node, d in _of_label(G, "Target"):
        holder = _holder(G, node, "HAS_TARGET")
        row = dict(plans.get(str(d.get("doc_id")), {}))
        row.update({k: d.get(k) for k in ("metric", "value", "value_max", "unit", "normalized_value",
                                          "normalized_unit", "comparator", "kind", "deadline",
                                          "deadline_rule", "recurrence", "scope", "doc_id")})
        row.update(section_path=_path(G, holder), target_id=node, **_evidence(d),
                   **_owner_columns(G, _owners(G, node, holder)))
        table.rows.append(row)
    return table


def milestone_table(G: nx.MultiDiGraph) -> TidyTable:
    plans, table = _plans(G), TidyTable("milestones", MILESTONE_COLUMNS)
    for node, d in _of_label(G, "Milestone"):
        holder = _holder(G, node, "HAS_MILESTONE")
        row = dict(plans.get(str(d.get("doc_id")), {}))
        row.update({k: d.get(k) for k in ("description", "deadline", "deadline_rule", "doc_id")})
        row.update(section_path=_path(G, holder), milestone_id=node, **_evidence(d),
                   **_owner_columns(G, _owners(G, node, holder)))
        table.rows.append(row)
    return table


def responsibility_table(G: nx.MultiDiGraph) -> TidyTable:
    """One row per (bureau, action/target/milestone) responsibility, in rank order per item."""
    plans, table = _plans(G), TidyTable("responsibilities", RESPONSIBILITY_COLUMNS)
    items = {"Action": "title", "Target": "metric", "Milestone": "description"}
    for label, text in items.items():
        for node, d in _of_label(G, label):
            holder = node if label == "Action" else _holder(G, node, f"HAS_{label.upper()}")
            for bureau, edge in _owners(G, node):
                b = G.nodes[bureau]
                row = dict(plans.get(str(d.get("doc_id")), {}))
                row.update(section_path=_path(G, holder), item_type=label.lower(), item_id=node,
                           item=d.get(text), bureau=b.get("name"), bureau_region=b.get("region"),
                           bureau_level=b.get("level"), bureau_id=bureau, generic=bool(b.get("generic")),
                           role=edge.get("role"), rank=edge.get("rank"), clause=d.get("clause"),
                           doc_id=d.get("doc_id"))
                table.rows.append(row)
    return table


def corpus_tables(G: nx.MultiDiGraph) -> list[TidyTable]:
    """The three tables of every plan in ``G``: targets, responsibilities, milestones."""
    return [target_table(G), responsibility_table(G), milestone_table(G)]
