"""Pages as data, read from the one model (``read_graph``) with the CLI's answer functions:
the corpus table, a plan's page, a bureau's page, the filtered targets."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Optional

import networkx as nx

from graph.answers.counterparts import name_core
from graph.answers.matrix import responsibility_matrix
from graph.answers.matrix_views import matrix_table
from graph.answers.tables import milestone_table, target_table
from graph.model.bureaus import LEVEL_RANK, level_of
from graph.render.export import display_name
from policykg.web import cache
from schemas.ids import fold

FACTS = ("Section", "Action", "Target", "Milestone")


def _label(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node].get("label"))


def _doc_counts(G: nx.MultiDiGraph) -> Counter[tuple[Any, str]]:
    return Counter((d.get("doc_id"), d.get("label")) for _, d in G.nodes(data=True) if d.get("label") in FACTS)


def plan_rows(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every plan (cited parents not in the corpus too) with its region, level, period and counts."""
    counts, rows = _doc_counts(G), []
    bureaus_of: dict[Any, set[str]] = defaultdict(set)
    for u, v, k in G.edges(keys=True):
        if k == "RESPONSIBLE_FOR":
            bureaus_of[G.nodes[v].get("doc_id")].add(u)
    for node, d in G.nodes(data=True):
        if d.get("label") != "Plan":
            continue
        doc = d.get("doc_id")
        bureaus = bureaus_of.get(doc, set()) if doc else set()
        rows.append({"id": node, **{k: d.get(k) for k in ("title", "region", "level", "period_start", "period_end",
                                                          "doc_number", "issuer", "in_corpus")},
                     "actions": counts[(doc, "Action")], "targets": counts[(doc, "Target")],
                     "milestones": counts[(doc, "Milestone")], "bureaus": len(bureaus),
                     "parents": [p for _, p, k in G.out_edges(node, keys=True) if k == "IMPLEMENTS"]})
    return sorted(rows, key=lambda r: (not r["in_corpus"], LEVEL_RANK.get(r["level"] or "", 9),
                                       r["region"] or "", r["title"] or ""))


def _first_start(G: nx.MultiDiGraph, node: str) -> float:
    starts = [G.nodes[n].get("start") for n in nx.descendants(G, node) if _label(G, n) != "Bureau"]
    found = [s for s in starts if isinstance(s, int)]
    return min(found) if found else float("inf")


def outline(G: nx.MultiDiGraph, node: str, depth: int = 0) -> list[dict[str, Any]]:
    """The sections under ``node`` in text order, nested, each with its actions."""
    out = []
    children = [v for _, v, k in G.out_edges(node, keys=True) if k == "HAS_SECTION"]
    for sec in sorted(children, key=lambda n: _first_start(G, n)):
        d = G.nodes[sec]
        actions = sorted((v for _, v, k in G.out_edges(sec, keys=True) if k == "HAS_ACTION"),
                         key=lambda n: G.nodes[n].get("start") or 0)
        out.append({"id": sec, "marker": d.get("marker"), "title": d.get("title"), "depth": depth,
                    "deadline": d.get("deadline"),
                    "actions": [{"id": a, "title": G.nodes[a].get("title")} for a in actions]})
        out += outline(G, sec, depth + 1)
    return out


def plan_subgraph(G: nx.MultiDiGraph, plan: str) -> nx.MultiDiGraph:
    doc = G.nodes[plan].get("doc_id")
    nodes = {plan} | {n for n, d in G.nodes(data=True) if doc and d.get("doc_id") == doc}
    nodes |= {u for n in list(nodes) for u, _, k in G.in_edges(n, keys=True) if k == "RESPONSIBLE_FOR"}
    sub = G.subgraph(nodes).copy()
    sub.graph["doc_ids"] = [doc] if doc else []
    return sub


def plan_page(G: nx.MultiDiGraph, plan: str) -> Optional[dict[str, Any]]:
    if plan not in G or _label(G, plan) != "Plan":
        return None
    sub = plan_subgraph(G, plan)
    matrix = matrix_table(responsibility_matrix(sub)) if G.nodes[plan].get("doc_id") else None

    def plans(pairs: list[str]) -> list[dict[str, Any]]:
        return [{"id": p, "title": G.nodes[p].get("title"), "region": G.nodes[p].get("region"),
                 "in_corpus": G.nodes[p].get("in_corpus")} for p in pairs]

    return {"id": plan, "plan": dict(G.nodes[plan]), "outline": outline(G, plan),
            "targets": target_table(sub).rows, "milestones": milestone_table(sub).rows, "matrix": matrix,
            "implements": plans([v for _, v, k in G.out_edges(plan, keys=True) if k == "IMPLEMENTS"]),
            "implemented_by": plans([u for u, _, k in G.in_edges(plan, keys=True) if k == "IMPLEMENTS"])}


def _names(d: dict[str, Any]) -> list[str]:
    return [n for n in (d.get("name"), d.get("canonical"), *(d.get("aliases") or [])) if n]


def bureau_rows(G: nx.MultiDiGraph, q: str = "") -> list[dict[str, Any]]:
    """Bureaus whose name, canonical name or an alias (简称) contains ``q``, across regions."""
    key = fold(q.strip())
    rows = []
    for node, d in G.nodes(data=True):
        if d.get("label") != "Bureau":
            continue
        if key and not any(key in fold(n) for n in _names(d)):
            continue
        work = sum(1 for _, _, k in G.out_edges(node, keys=True) if k == "RESPONSIBLE_FOR")
        rows.append({"id": node, "name": d.get("name"), "region": d.get("region"), "level": d.get("level"),
                     "aliases": d.get("aliases") or [], "work": work})
    return sorted(rows, key=lambda r: (-r["work"], r["region"] or "", r["name"] or ""))


def _regions(G: nx.MultiDiGraph, region: Optional[str], up: bool) -> set[str]:
    """Regions one step up (or down) by the IMPLEMENTS links of their plans."""
    found = set()
    for u, v, k in G.edges(keys=True):
        if k != "IMPLEMENTS":
            continue
        child, parent = G.nodes[u].get("region"), G.nodes[v].get("region")
        if up and child == region and parent:
            found.add(parent)
        if not up and parent == region and child:
            found.add(child)
    return found


def counterparts(G: nx.MultiDiGraph, bureau: str) -> dict[str, list[dict[str, Any]]]:
    """Counterparts one level up and down: COUNTERPART_OF links (from comparisons), else the
    same name once the level prefix and agency type are dropped, in the regions the plans link."""
    d = G.nodes[bureau]
    level = level_of(d.get("name") or "", d.get("level") or "unknown")
    cores = {name_core(n, level) for n in _names(d)}
    out: dict[str, list[dict[str, Any]]] = {"up": [], "down": []}
    linked = {(v, "up") for _, v, k in G.out_edges(bureau, keys=True) if k == "COUNTERPART_OF"}
    linked |= {(u, "down") for u, _, k in G.in_edges(bureau, keys=True) if k == "COUNTERPART_OF"}
    for direction, regions in (("up", _regions(G, d.get("region"), True)),
                               ("down", _regions(G, d.get("region"), False))):
        for node, other in G.nodes(data=True):
            if other.get("label") != "Bureau" or node == bureau or other.get("region") not in regions:
                continue
            olevel = level_of(other.get("name") or "", other.get("level") or "unknown")
            mine, theirs = LEVEL_RANK.get(level, -1), LEVEL_RANK.get(olevel, -1)
            if (theirs < mine if direction == "up" else theirs > mine) and \
                    cores & {name_core(n, olevel) for n in _names(other)}:
                linked.add((node, direction))
    for node, direction in sorted(linked):
        o = G.nodes[node]
        out[direction].append({"id": node, "name": o.get("name"), "region": o.get("region")})
    return out


def bureau_page(G: nx.MultiDiGraph, bureau: str) -> Optional[dict[str, Any]]:
    if bureau not in G or _label(G, bureau) != "Bureau":
        return None
    rows = [r for r in cache.responsibilities(G).rows if r["bureau_id"] == bureau]
    by_plan: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_plan[r["plan_title"] or r["doc_id"]].append(r)
    items = {r["item_id"] for r in rows}
    targets = [t for t in cache.targets(G).rows
               if t["target_id"] in items or any(u in items for u, _, k in G.in_edges(t["target_id"], keys=True)
                                                 if k == "HAS_TARGET")]
    milestones = [m for m in cache.milestones(G).rows
                  if m["milestone_id"] in items or any(u in items for u, _, k in
                                                       G.in_edges(m["milestone_id"], keys=True) if k == "HAS_MILESTONE")]
    roles = Counter(r["role"] for r in rows)
    return {"id": bureau, "bureau": dict(G.nodes[bureau]), "by_plan": dict(by_plan), "roles": roles,
            "targets": sorted(targets, key=lambda t: t["deadline"] or "9999"),
            "milestones": sorted(milestones, key=lambda m: m["deadline"] or "9999"),
            "counterparts": counterparts(G, bureau), "label": display_name(bureau, G.nodes[bureau])}
