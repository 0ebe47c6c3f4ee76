"""The pieces of the HTML report computed from records: matrix, timeline, graph, comparisons.

Plain data (dicts and lists of str/int/float/None) for the template or for the embedded JSON; no
markup here, the template escapes.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any, Optional

import networkx as nx

from graph.answers.matrix import responsibility_matrix
from graph.model.build import build_graph
from schemas.records import DocumentRecords


def matrix_view(records: DocumentRecords, G: Optional[nx.MultiDiGraph] = None) -> dict[str, Any]:
    """Bureau × action roles from ``graph.answers.matrix`` (the shared 分工表), most leads first;
    ``G`` is the document's model when the caller has built it already."""
    matrix = responsibility_matrix(build_graph([records]) if G is None else G)
    numbers = {a.id: f"A{i}" for i, a in enumerate(records.actions, start=1)}
    columns = sorted(matrix.columns, key=lambda c: (c.start is None, c.start or 0))
    actions = [{"no": numbers.get(c.id, ""), "id": c.id, "title": c.title} for c in columns]
    rows: list[dict[str, Any]] = []
    cells: dict[str, dict[str, str]] = {}
    for bureau in matrix.bureaus:
        totals = matrix.bureau_totals(bureau.id)
        rows.append({"id": bureau.id, "name": bureau.name, "lead": totals.lead,
                     "support": totals.support, "responsible": totals.responsible,
                     "total": totals.total})
        cells[bureau.id] = {c.id: cell.role for c in columns
                            if (cell := matrix.cell(bureau.id, c.id)) is not None}
    rows.sort(key=lambda r: (-r["lead"], -r["total"], r["name"]))
    return {"bureaus": rows, "actions": actions, "cells": cells}


def _half(date: str) -> tuple[int, int]:
    return int(date[:4]), 1 if int(date[5:7]) <= 6 else 2


def timeline_view(records: DocumentRecords, prefix: str) -> dict[str, Any]:
    """Targets and milestones with a deadline, by year and half-year (H1 = Jan–Jun)."""
    items = [{"kind": "target", "text": t.metric, "deadline": t.deadline, "mark": f"{prefix}-t{i}",
              "rule": t.deadline_rule}
             for i, t in enumerate(records.amounts()) if t.deadline]
    items += [{"kind": "milestone", "text": m.description, "deadline": m.deadline,
               "mark": f"{prefix}-m{i}", "rule": m.deadline_rule}
              for i, m in enumerate(records.milestones)]
    items.sort(key=lambda item: (item["deadline"], item["kind"]))
    years = [_half(item["deadline"])[0] for item in items]
    groups = []
    for year in range(min(years), max(years) + 1) if years else ():
        halves = [{"label": f"H{h}", "months": "1–6月" if h == 1 else "7–12月",
                   "entries": [it for it in items if _half(it["deadline"]) == (year, h)]}
                  for h in (1, 2)]
        groups.append({"year": year, "halves": halves})
    return {"years": groups, "dated": len(items),
            "undated": sum(1 for t in records.amounts() if not t.deadline)}


def _short(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


_EDGE_KINDS = {"HAS_SECTION": "has", "HAS_ACTION": "has", "HAS_TARGET": "has", "HAS_MILESTONE": "has",
               "IMPLEMENTS": "implements"}


def _in_document(G: nx.MultiDiGraph, records: DocumentRecords) -> list[str]:
    """The document's nodes of ``G``: its own, the plans it implements, its bureaus."""
    doc = records.source.doc_id
    keep = {n for n, d in G.nodes(data=True) if d.get("doc_id") == doc}  # its bureaus: by its edges
    for u, v, key, data in G.edges(keys=True, data=True):
        if data.get("doc_id") == doc:
            keep |= {u, v}
    return [n for n in G if n in keep]  # the model's order


def graph_data(records: DocumentRecords, prefix: str, G: Optional[nx.MultiDiGraph] = None) -> dict[str, Any]:
    """vis-network nodes and edges drawn from the one model (``graph.model.build.build_graph``), with
    its ids: plan → sections → actions → targets/milestones, bureaus → what they answer for (the
    edge's role), plan → the plans it implements. Targets and milestones carry their evidence mark."""
    G = build_graph([records]) if G is None else G
    numbers = {a.id: i for i, a in enumerate(records.actions, start=1)}
    marks = {t.id: f"{prefix}-t{i}" for i, t in enumerate(records.amounts())}
    marks.update({m.id: f"{prefix}-m{i}" for i, m in enumerate(records.milestones)})
    nodes: list[dict[str, Any]] = []
    keep = _in_document(G, records)
    for node in keep:
        d = G.nodes[node]
        label = d["label"]
        if label == "Plan":
            own = d.get("doc_id") == records.source.doc_id
            item = {"label": _short(d["title"], 18), "group": "plan" if own else "parent", "title": d["title"]}
        elif label == "Section":
            item = {"label": _short(d["title"] or d["marker"] or "", 10), "group": "section",
                    "title": " / ".join(d["path"] or [])}
        elif label == "Action":
            item = {"label": f"A{numbers.get(node, '')} {_short(d['title'], 10)}", "group": "action",
                    "title": " / ".join(d["section_path"] or [])}
        elif label in ("Target", "Milestone"):
            text = d["metric"] if label == "Target" else d["description"]
            item = {"label": _short(text, 10), "group": label.lower(), "mark": marks.get(node),
                    "title": f"{text} · {d['deadline'] or 'no deadline'}"}
        else:  # Bureau
            item = {"label": d["name"], "group": "bureau", "title": d["canonical"]}
        nodes.append({"id": node, **item})
    kept = set(keep)
    edges: list[dict[str, Any]] = []
    for u, v, key, data in G.edges(keys=True, data=True):
        if u in kept and v in kept:
            kind = data.get("role") if key == "RESPONSIBLE_FOR" else _EDGE_KINDS.get(key, "has")
            edge = {"from": u, "to": v, "kind": kind}
            if key == "IMPLEMENTS":
                edge["label"] = "implements"
            edges.append(edge)
    return {"nodes": nodes, "edges": edges}


def _plain(value: Any) -> Any:
    """A Comparison (pydantic), a dataclass, a dict or its JSON text → plain dicts and lists."""
    if isinstance(value, (str, bytes)):
        return json.loads(value)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return json.loads(json.dumps(dataclasses.asdict(value), default=str))
    return value


def _amount(ref: dict[str, Any]) -> str:
    value, high = ref.get("value"), ref.get("value_max")
    if value is None:
        return ""
    text = f"{value:g}" + (f"–{high:g}" if high is not None else "")
    return text + (ref.get("unit") or "")


def _target_ref(ref: Optional[dict[str, Any]]) -> dict[str, Any]:
    ref = ref or {}
    return {"metric": ref.get("metric", ""), "amount": _amount(ref),
            "kind": ref.get("kind", ""), "deadline": ref.get("deadline") or "",
            "owners": list(ref.get("responsible_units") or []), "evidence": ref.get("evidence", "")}


def _number(value: Any, fmt: str) -> str:
    return fmt.format(value) if isinstance(value, (int, float)) else ""


def comparison_view(comparison: Any) -> dict[str, Any]:
    """Aligned / parent-only / child-only rows of one comparison, whatever form it came in."""
    data = _plain(comparison)
    aligned = []
    for row in data.get("alignments") or []:
        aligned.append({
            "child": _target_ref(row.get("child")), "parent": _target_ref(row.get("parent")),
            "score": _number(row.get("score"), "{:.2f}"), "ambition": row.get("ambition", ""),
            "ratio": _number(row.get("ratio"), "{:.3g}"),
            "difference": _number(row.get("rate_difference"), "{:+g}"),
            "offset": _number(row.get("deadline_offset_years"), "{:+d}"),
            "reason": row.get("reason", ""),
        })
    return {
        "child": data.get("child_plan") or {}, "parent": data.get("parent_plan") or {},
        "summary": data.get("summary") or {}, "aligned": aligned,
        "parent_only": [_target_ref(r) for r in data.get("parent_only") or []],
        "child_only": [_target_ref(r) for r in data.get("child_only") or []],
        "counterparts": list(data.get("counterparts") or []),
    }
