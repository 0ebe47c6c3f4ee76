"""The pieces of the HTML report computed from records: matrix, timeline, graph, comparisons.

Plain data (dicts and lists of str/int/float/None) for the template or for the embedded JSON; no
markup here, the template escapes.
"""
from __future__ import annotations

import dataclasses
import json
from typing import Any, Optional

from graph.answers.matrix import responsibility_matrix
from graph.model.build import build_graph
from schemas.ids import plan_id
from schemas.records import DocumentRecords


def matrix_view(records: DocumentRecords) -> dict[str, Any]:
    """Bureau × action roles from ``graph.answers.matrix`` (the shared 分工表), most leads first."""
    matrix = responsibility_matrix(build_graph([records]))
    numbers = {a.id: f"A{i}" for i, a in enumerate(records.actions, start=1)}
    columns = sorted(matrix.columns, key=lambda c: (c.start is None, c.start or 0))
    actions = [{"no": numbers.get(c.id, ""), "id": c.id, "title": c.title} for c in columns]
    rows = []
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
             for i, t in enumerate(records.targets) if t.deadline]
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
            "undated": sum(1 for t in records.targets if not t.deadline)}


def _short(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def graph_data(records: DocumentRecords, bureaus: list[str], owners: dict[str, list[str]],
               prefix: str) -> dict[str, Any]:
    """vis-network nodes and edges: plan → actions → targets/milestones, bureaus → actions."""
    plan = records.plan
    nodes: list[dict[str, Any]] = [{"id": plan.id, "label": _short(plan.title, 18),
                                    "group": "plan", "title": plan.title}]
    edges: list[dict[str, Any]] = []
    for parent in plan.parent_plans:
        pid = plan_id(parent.title, parent.doc_number)
        nodes.append({"id": pid, "label": _short(parent.title, 18), "group": "parent",
                      "title": parent.title})
        edges.append({"from": plan.id, "to": pid, "kind": "implements", "label": "implements"})
    actions = {a.id for a in records.actions}
    for i, action in enumerate(records.actions, start=1):
        nodes.append({"id": action.id, "label": f"A{i} {_short(action.title, 10)}",
                      "group": "action", "title": " / ".join(action.section_path)})
        edges.append({"from": plan.id, "to": action.id, "kind": "has"})
    for name in bureaus:
        nodes.append({"id": "bureau|" + name, "label": name, "group": "bureau", "title": name})
    for action in records.actions:
        for resp in {r.unit: r for r in reversed(action.responsibilities)}.values():
            edges.append({"from": "bureau|" + resp.unit, "to": action.id, "kind": resp.role})
    facts = [("target", f"{prefix}-t{i}", t, t.metric) for i, t in enumerate(records.targets)]
    facts += [("milestone", f"{prefix}-m{i}", m, m.description)
              for i, m in enumerate(records.milestones)]
    for group, mark, fact, text in facts:
        nodes.append({"id": fact.id, "label": _short(text, 10), "group": group, "mark": mark,
                      "title": f"{text} · {fact.deadline or 'no deadline'}"})
        owner = fact.action_id if fact.action_id in actions else plan.id
        edges.append({"from": owner, "to": fact.id, "kind": "has"})
        if owner == plan.id:
            for unit in dict.fromkeys(fact.responsible_units):
                edges.append({"from": "bureau|" + unit, "to": fact.id, "kind": "responsible"})
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
