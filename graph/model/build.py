"""Records → one networkx MultiDiGraph, following schemas/graph.py.

The graph is the single in-memory model every store and export reads, so its layout is a contract:

- node key = the node's ``id``; attributes are ``label`` plus every property the label lists in
  ``schemas.graph.LABELS`` (None when unknown), values str/int/float/bool/None or list[str];
- edges are ``G.add_edge(u, v, key=TYPE, type=TYPE, **props)``, so at most one edge of a type
  between two nodes;
- ``G.graph["doc_ids"]`` lists the documents built in, in input order.

Plans are keyed by ``schemas.ids.plan_id`` so a parent cited by one document and the same plan read
from its own document are one node (``in_corpus`` true as soon as any input is that plan); a cited
plan that an in-corpus plan answers to (``schemas.ids.cites``: the same 文号, or the title with its
period suffix optional) is that plan. Bureaus are keyed by their government and
canonical name (``graph.model.bureaus``): each district's 区商务局 is its own node.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

import networkx as nx

from graph.model.bureaus import BureauIds
from schemas.graph import PROPERTIES
from schemas.ids import bureau_id, cites, fold, plan_id, title_key
from schemas.records import DocumentRecords, Milestone, ParentPlan, Plan, Section, Target, Unit


def _node(G: nx.MultiDiGraph, label: str, **values: Any) -> str:
    """Add a node with every property of ``label`` (missing ones None); return its id."""
    attrs: dict[str, Any] = {"label": label}
    attrs.update({prop: values.get(prop) for prop in PROPERTIES[label]})
    G.add_node(values["id"], **attrs)
    return values["id"]


def _edge(G: nx.MultiDiGraph, u: str, v: str, type_: str, **props: Any) -> None:
    G.add_edge(u, v, key=type_, type=type_, **props)


def _add_plan(G: nx.MultiDiGraph, records: DocumentRecords) -> str:
    """The document's own plan; it wins over a placeholder, keeping only the gaps it fills."""
    plan = records.plan
    values = plan.model_dump(exclude={"parent_plans"})
    values.update(doc_id=records.source.doc_id, in_corpus=True)
    if plan.id in G:
        old = G.nodes[plan.id]
        for key, value in old.items():
            if values.get(key) is None and value is not None and key in values:
                values[key] = value
    return _node(G, "Plan", **values)


class CorpusPlans:
    """The plans read from documents, by 文号 and by period-free title, for resolving citations."""

    def __init__(self, documents: list[DocumentRecords]) -> None:
        self.ids = {r.plan.id for r in documents}
        self.by_number = {fold(r.plan.doc_number): r.plan.id for r in documents if r.plan.doc_number}
        self.by_title: dict[str, list[Plan]] = {}
        for r in documents:
            if r.plan.title:
                self.by_title.setdefault(title_key(r.plan.title), []).append(r.plan)

    def resolve(self, parent: ParentPlan) -> str:
        """The id of the in-corpus plan the citation names, else the citation's own id."""
        pid = plan_id(parent.title, parent.doc_number, parent.region)
        if pid in self.ids:
            return pid
        if parent.doc_number and fold(parent.doc_number) in self.by_number:
            return self.by_number[fold(parent.doc_number)]
        named = {p.id for p in self.by_title.get(title_key(parent.title), [])
                 if cites(parent.title, parent.doc_number, parent.region, p.title, p.doc_number, p.region)}
        return named.pop() if len(named) == 1 else pid  # two candidates: leave it to the 文号


def _add_parent(G: nx.MultiDiGraph, child: str, parent: ParentPlan, doc_id: str,
                corpus: CorpusPlans) -> None:
    """A cited parent plan: a placeholder unless already present; never overwrites known values."""
    pid = corpus.resolve(parent)
    if pid == child:
        return
    if pid in G:
        attrs = G.nodes[pid]
        for key in ("title", "doc_number", "issuer", "region"):
            if attrs.get(key) is None:
                attrs[key] = getattr(parent, key)
    else:
        _node(G, "Plan", id=pid, title=parent.title, doc_number=parent.doc_number,
              issuer=parent.issuer, region=parent.region, in_corpus=False)
    _edge(G, child, pid, "IMPLEMENTS", doc_id=doc_id)


def add_bureau(G: nx.MultiDiGraph, unit: Unit, region: Optional[str] = None,
               bid: Optional[str] = None) -> str:
    """One Bureau per government and canonical name across documents: aliases merge, a known
    level wins. ``bid`` when the caller knows the id already (else from region and canonical).

    The one way a Bureau node is made, by the model and by what answers add to it (comparisons)."""
    bid = bid or bureau_id(region, unit.canonical)
    if bid in G:
        attrs = G.nodes[bid]
        attrs["aliases"] = list(dict.fromkeys([*attrs["aliases"], *unit.aliases]))
        if attrs["level"] in (None, "unknown"):
            attrs["level"] = unit.level
        attrs["generic"] = bool(attrs["generic"] or unit.generic)
        return bid
    return _node(G, "Bureau", id=bid, name=unit.name, canonical=unit.canonical, region=region,
                 level=unit.level, generic=unit.generic, aliases=list(unit.aliases))


def _bureau_for(G: nx.MultiDiGraph, ids: BureauIds, canonical: str, written: str) -> str:
    """The Bureau of a responsibility, created bare when the units list misses it."""
    bid = ids(canonical)
    if bid not in G:
        aliases = [written] if written != canonical else []
        add_bureau(G, Unit(name=canonical, canonical=canonical, aliases=aliases),
                   ids.region(canonical), bid)
    return bid


def _deepest_section(sections: list[Section], path: list[str]) -> Optional[str]:
    """The deepest section whose path is a prefix of ``path`` (first in document order on ties)."""
    best: Optional[Section] = None
    for section in sections:
        n = len(section.path)
        if n and section.path == path[:n] and (best is None or n > len(best.path)):
            best = section
    return best.id if best else None


def _add_fact(G: nx.MultiDiGraph, fact: Target | Milestone, label: str, doc_id: str,
              plan: str, actions: set[str], sections: list[Section], ids: BureauIds) -> None:
    """A target or milestone, hung under its action, else its section, else the plan."""
    ev = fact.evidence
    values = fact.model_dump()  # _node keeps only the label's properties
    if isinstance(fact, Target):
        values.update(normalized_value=fact.normalized.value, normalized_unit=fact.normalized.unit)
    values.update(doc_id=doc_id, evidence=ev.text, start=ev.start, end=ev.end,
                  orig_start=ev.orig_start, orig_end=ev.orig_end)
    node = _node(G, label, **values)
    type_ = "HAS_TARGET" if label == "Target" else "HAS_MILESTONE"
    if fact.action_id in actions:
        _edge(G, fact.action_id, node, type_)
        return
    _edge(G, _deepest_section(sections, fact.section_path) or plan, node, type_)
    for rank, unit in enumerate(fact.responsible_units, start=1):
        bid = _bureau_for(G, ids, unit, unit)
        if not G.has_edge(bid, node, key="RESPONSIBLE_FOR"):
            _edge(G, bid, node, "RESPONSIBLE_FOR", role="responsible", rank=rank, doc_id=doc_id)


def _add_document(G: nx.MultiDiGraph, records: DocumentRecords, corpus: CorpusPlans) -> None:
    doc_id = records.source.doc_id
    plan = _add_plan(G, records)
    for parent in records.plan.parent_plans:
        _add_parent(G, plan, parent, doc_id, corpus)
    ids = BureauIds(records)
    for unit in records.units:
        add_bureau(G, unit, ids.region(unit.canonical), ids(unit.canonical))

    section_ids = {section.id for section in records.sections}
    for section in records.sections:
        _node(G, "Section", id=section.id, doc_id=doc_id, marker=section.marker,
              depth=section.depth, title=section.title, path=list(section.path),
              deadline=section.deadline)
    for section in records.sections:
        up = section.parent_id if section.parent_id in section_ids else plan
        _edge(G, up, section.id, "HAS_SECTION")

    for action in records.actions:
        _node(G, "Action", id=action.id, doc_id=doc_id, title=action.title,
              section_path=list(action.section_path), open_list=action.open_list,
              clause=action.clause.text if action.clause else None,
              start=action.start, end=action.end)
        owner = action.section_id if action.section_id in section_ids else plan
        _edge(G, owner, action.id, "HAS_ACTION")
        for resp in action.responsibilities:
            bid = _bureau_for(G, ids, resp.unit, resp.name)
            if not G.has_edge(bid, action.id, key="RESPONSIBLE_FOR"):  # first mention wins
                _edge(G, bid, action.id, "RESPONSIBLE_FOR", role=resp.role, rank=resp.rank,
                      basis=resp.basis, doc_id=doc_id)

    action_ids = {action.id for action in records.actions}
    for target in records.amounts():  # baselines are Target nodes too, of kind baseline
        _add_fact(G, target, "Target", doc_id, plan, action_ids, records.sections, ids)
    for milestone in records.milestones:
        _add_fact(G, milestone, "Milestone", doc_id, plan, action_ids, records.sections, ids)


def build_graph(documents: Iterable[DocumentRecords]) -> nx.MultiDiGraph:
    """One graph for all documents; ids are deterministic, so rebuilding gives the same graph."""
    documents = list(documents)
    G = nx.MultiDiGraph()
    G.graph["doc_ids"] = []
    corpus = CorpusPlans(documents)
    for records in documents:
        G.graph["doc_ids"].append(records.source.doc_id)
        _add_document(G, records, corpus)
    return G
