"""Compare pages: a plan against its parent, and a city's plan against its districts' (the roll-up).

Pairs come from ALIGNS_WITH links where a comparison was loaded (``policykg run``), else from the
CLI's own pairing rule, ``graph.answers.compare.pair_score``, applied to the targets as the model
holds them: the same rule, so the web and the reports agree.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Optional, cast

import networkx as nx

from graph.answers.compare import pair_score
from schemas.records import Target


def _targets(G: nx.MultiDiGraph, plan: str) -> list[tuple[str, dict[str, Any]]]:
    doc = G.nodes[plan].get("doc_id")
    found = [(n, d) for n, d in G.nodes(data=True) if d.get("label") == "Target" and doc and d.get("doc_id") == doc]
    return sorted(found, key=lambda x: x[1].get("start") or 0)


def _as_target(d: dict[str, Any]) -> Target:
    """The fields pair_score reads, from a model node (a duck of schemas.records.Target)."""
    return cast(Target, SimpleNamespace(metric=d.get("metric") or "", kind=d.get("kind"),
                                        recurrence=d.get("recurrence") or "none", unit=d.get("unit"),
                                        normalized=SimpleNamespace(unit=d.get("normalized_unit"))))


def _best(G: nx.MultiDiGraph, child: tuple[str, dict[str, Any]],
          parents: list[tuple[str, dict[str, Any]]]) -> Optional[tuple[str, float, str]]:
    ids = {p for p, _ in parents}
    for _, v, k, e in G.out_edges(child[0], keys=True, data=True):
        if k == "ALIGNS_WITH" and v in ids:
            return v, float(e.get("score") or 0), str(e.get("reason") or "")
    best = None
    for pid, pd in parents:
        scored = pair_score(_as_target(child[1]), _as_target(pd))
        if scored and (best is None or scored[0] > best[1]):
            best = (pid, scored[0], scored[1])
    return best


def _amount(d: Optional[dict[str, Any]]) -> str:
    if not d:
        return ""
    value = d.get("value")
    text = "" if value is None else f"{value:g}"
    if d.get("value_max") is not None:
        text += f"–{d['value_max']:g}"
    return text + (d.get("unit") or "")


def plan_vs_parent(G: nx.MultiDiGraph, child: str, parent: str) -> dict[str, Any]:
    """Each child target with its parent counterpart (or none), then the parent's unmatched ones."""
    parents = _targets(G, parent)
    rows, used = [], set()
    for node, d in _targets(G, child):
        best = _best(G, (node, d), parents)
        p = G.nodes[best[0]] if best else None
        if best:
            used.add(best[0])
        rows.append({"child_id": node, "child": d.get("metric"), "child_amount": _amount(d),
                     "child_deadline": d.get("deadline"), "parent_id": best[0] if best else None,
                     "parent": p.get("metric") if p else None, "parent_amount": _amount(p),
                     "parent_deadline": p.get("deadline") if p else None,
                     "score": round(best[1], 2) if best else None, "reason": best[2] if best else ""})
    gaps = [{"id": n, "metric": d.get("metric"), "amount": _amount(d), "deadline": d.get("deadline")}
            for n, d in parents if n not in used]
    return {"child": dict(G.nodes[child], id=child), "parent": dict(G.nodes[parent], id=parent),
            "rows": rows, "gaps": gaps}


def rollup(G: nx.MultiDiGraph, city: str) -> dict[str, Any]:
    """The city's targets as rows, one column per plan that implements it, each cell the matched
    district target's amount."""
    children = sorted((u for u, _, k in G.in_edges(city, keys=True) if k == "IMPLEMENTS"
                       and G.nodes[u].get("in_corpus")), key=lambda n: G.nodes[n].get("region") or "")
    columns = [{"id": c, "region": G.nodes[c].get("region"), "title": G.nodes[c].get("title")} for c in children]
    parents = _targets(G, city)
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for c in children:
        for node, d in _targets(G, c):
            best = _best(G, (node, d), parents)
            if best and (best[0], c) not in cells:
                cells[(best[0], c)] = {"id": node, "amount": _amount(d) or "✓", "metric": d.get("metric")}
    rows = [{"id": n, "metric": d.get("metric"), "amount": _amount(d), "deadline": d.get("deadline"),
             "cells": [cells.get((n, c)) for c in children]} for n, d in parents]
    return {"city": dict(G.nodes[city], id=city), "columns": columns, "rows": rows}
