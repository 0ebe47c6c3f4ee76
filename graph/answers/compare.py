"""Compare a plan with the plan it implements: aligned targets, gaps, additions, counterparts.

Researchers of 层层加码 ask which parent targets a district plan takes up, which it raises or
brings forward, what it adds, and which district bureau answers to which city bureau. Targets
align one to one as a maximum-weight matching over admissible pairs (``pair_score``), so a
strong pair is never displaced by a greedy weak one. Baselines (history) never align.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

import networkx as nx

from graph.answers.counterparts import find_counterparts, level_of
from graph.answers.similarity import (
    RATE_KINDS,
    common_words,
    content_similarity,
    in_base_unit,
    kinds_compatible,
    metric_similarity,
    normalize_metric,
    units_compatible,
)
from graph.model.build import add_bureau
from schemas.compare import (
    Alignment,
    Ambition,
    Comparison,
    PlanRef,
    Summary,
    TargetRef,
)
from schemas.errors import ValidationFailed
from schemas.ids import cites
from schemas.records import DocumentRecords, Target, Unit

SCORE_MIN = 0.5      # metric similarity (normalised wording) a pair needs
CONTENT_MIN = 0.6    # similarity on content words once generic heads are removed
STRONG_MIN = 0.8     # metric similarity for amounts of different kinds (count ↔ increment …)
MEASURE_PENALTY = 0.1  # two different measure words (家 vs 个) lower the score
THRESHOLDS = {"score_min": SCORE_MIN, "content_min": CONTENT_MIN, "strong_min": STRONG_MIN,
              "measure_penalty": MEASURE_PENALTY}


def _year(date: Optional[str]) -> Optional[int]:
    return int(date[:4]) if date else None


def _units_of(target: Target, records: DocumentRecords) -> list[str]:
    """The target's own units, else those of the action it belongs to."""
    if target.responsible_units:
        return list(target.responsible_units)
    for action in records.actions:
        if action.id == target.action_id:
            return [r.unit for r in action.responsibilities]
    return []


def target_ref(target: Target, records: DocumentRecords) -> TargetRef:
    return TargetRef(
        id=target.id, metric=target.metric, value=target.value, value_max=target.value_max,
        unit=target.unit, normalized=target.normalized, kind=target.kind,
        comparator=target.comparator, deadline=target.deadline, recurrence=target.recurrence,
        responsible_units=_units_of(target, records), evidence=target.evidence.text)


def pair_score(child: Target, parent: Target) -> tuple[float, str] | None:
    """The score of an admissible pair and why; None when the two cannot be the same goal."""
    if child.recurrence != parent.recurrence:
        return None
    score = metric_similarity(child.metric, parent.metric)
    content = content_similarity(child.metric, parent.metric)
    if score < SCORE_MIN or content < CONTENT_MIN:
        return None
    if not kinds_compatible(child.kind, parent.kind, score >= STRONG_MIN):
        return None
    units = units_compatible(child.normalized.unit, parent.normalized.unit)
    if units is None:
        return None
    if units == "measure":
        score = round(score - MEASURE_PENALTY, 4)
    words = "、".join(common_words(child.metric, parent.metric)) or "—"
    nc, np_ = normalize_metric(child.metric), normalize_metric(parent.metric)
    wording = f"same metric “{nc}”" if nc == np_ else f"“{nc}” ~ “{np_}”, shared {words}"
    kind = child.kind if child.kind == parent.kind else f"{child.kind}/{parent.kind}"
    unit = child.unit if child.unit == parent.unit else f"{child.unit} vs {parent.unit}"
    reason = (f"{wording} (score {score:.2f}, content {content:.2f}); kind {kind}; unit {unit}"
              + (f"; {child.recurrence}" if child.recurrence != "none" else ""))
    return score, reason


def _value_ambition(child: TargetRef, parent: TargetRef) -> tuple[Optional[float], Ambition]:
    """Rate difference and verdict for rates and shares; a cap (不超过) reads the other way."""
    if child.kind not in RATE_KINDS:
        return None, "n/a"
    cv = in_base_unit(child.normalized.value, child.normalized.unit)
    pv = in_base_unit(parent.normalized.value, parent.normalized.unit)
    if cv is None or pv is None:
        return None, "n/a"
    difference = round(cv - pv, 6)
    if child.unit == parent.unit and child.value is not None and parent.value is not None:
        difference = round(child.value - parent.value, 6)
    sign = -1 if parent.comparator in ("le", "lt") else 1
    verdict: Ambition = "same" if difference == 0 else (
        "higher" if difference * sign > 0 else "lower")
    return difference, verdict


def _align(child: TargetRef, parent: TargetRef, score: float, reason: str) -> Alignment:
    ratio = None
    if child.kind not in RATE_KINDS and child.kind != "qualitative":
        cv, pv = child.normalized.value, parent.normalized.value
        if cv is not None and pv and child.normalized.unit == parent.normalized.unit:
            ratio = round(cv / pv, 6)
    difference, value_ambition = _value_ambition(child, parent)
    cy, py = _year(child.deadline), _year(parent.deadline)
    offset = cy - py if cy is not None and py is not None else None
    ambition = value_ambition
    if value_ambition in ("same", "n/a") and offset:
        ambition = "higher" if offset < 0 else "lower"
    return Alignment(child=child, parent=parent, score=score, ratio=ratio,
                     rate_difference=difference, deadline_offset_years=offset,
                     ambition=ambition, value_ambition=value_ambition, reason=reason)


def _match(children: list[Target], parents: list[Target]) -> list[tuple[int, int, float, str]]:
    """Maximum-weight one-to-one matching over admissible pairs, in child order."""
    B = nx.Graph()
    reasons: dict[tuple[int, int], tuple[float, str]] = {}
    for i, child in enumerate(children):
        for j, parent in enumerate(parents):
            found = pair_score(child, parent)
            if found:
                reasons[i, j] = found
                B.add_edge(("c", i), ("p", j), weight=found[0])
    pairs = []
    for a, b in nx.max_weight_matching(B):
        (_, i), (_, j) = sorted((a, b))
        pairs.append((i, j, *reasons[i, j]))
    return sorted(pairs)


def _plan_ref(records: DocumentRecords) -> PlanRef:
    plan = records.plan
    return PlanRef(id=plan.id, title=plan.title, doc_id=records.source.doc_id,
                   doc_number=plan.doc_number, level=plan.level, region=plan.region)


def compare_plans(child: DocumentRecords, parent: DocumentRecords) -> Comparison:
    """Align ``child``'s targets with ``parent``'s, one to one, and pair their bureaus."""
    children, parents = child.targets, parent.targets
    pairs = _match(children, parents)
    alignments = [_align(target_ref(children[i], child), target_ref(parents[j], parent), s, r)
                  for i, j, s, r in pairs]
    used_c = {i for i, *_ in pairs}
    used_p = {j for _, j, *_ in pairs}
    parent_only = [target_ref(t, parent) for j, t in enumerate(parents) if j not in used_p]
    child_only = [target_ref(t, child) for i, t in enumerate(children) if i not in used_c]
    verdicts = Counter(a.ambition for a in alignments)
    summary = Summary(
        aligned=len(alignments), higher=verdicts["higher"], lower=verdicts["lower"],
        same=verdicts["same"], parent_only=len(parent_only), child_only=len(child_only),
        parent_targets=len(parents), child_targets=len(children),
        coverage=round(len(used_p) / len(parents), 4) if parents else 0.0)
    return Comparison(child_plan=_plan_ref(child), parent_plan=_plan_ref(parent),
                      alignments=alignments, parent_only=parent_only, child_only=child_only,
                      counterparts=find_counterparts(child, parent, alignments),
                      summary=summary, thresholds=dict(THRESHOLDS))


def add_comparison(G: nx.MultiDiGraph, comparison: Comparison) -> nx.MultiDiGraph:
    """A copy of ``G`` with ALIGNS_WITH (child → parent target) and COUNTERPART_OF edges.

    Targets must already be nodes (build the graph from both documents first); a bureau missing
    from the graph is added bare by ``graph.model.build.add_bureau``, as for an unlisted unit.
    """
    H = G.copy()
    for n, alignment in enumerate(comparison.alignments):
        for side in ("child", "parent"):
            node = getattr(alignment, side).id
            if H.nodes.get(node, {}).get("label") != "Target":
                raise ValidationFailed(
                    f"[alignments.{n}.{side}.id] {node} is not a Target of the graph")
        H.add_edge(alignment.child.id, alignment.parent.id, key="ALIGNS_WITH", type="ALIGNS_WITH",
                   score=alignment.score, ratio=alignment.ratio, reason=alignment.reason,
                   ambition=alignment.ambition, value_ambition=alignment.value_ambition,
                   rate_difference=alignment.rate_difference,
                   deadline_offset_years=alignment.deadline_offset_years)
    for pair in comparison.counterparts:
        ends = []
        for name, plan in ((pair.child, comparison.child_plan), (pair.parent, comparison.parent_plan)):
            ends.append(_bureau_of(H, name, plan.doc_id)
                        or add_bureau(H, Unit(name=name, canonical=name, level=level_of(name))))
        H.add_edge(*ends, key="COUNTERPART_OF", type="COUNTERPART_OF", basis=pair.basis)
    return H


def _bureau_of(G: nx.MultiDiGraph, canonical: str, doc_id: str) -> Optional[str]:
    """The Bureau node of ``canonical`` as the document ``doc_id`` names it (its government's)."""
    for u, _v, data in G.edges(data=True):
        if (data.get("type") == "RESPONSIBLE_FOR" and data.get("doc_id") == doc_id
                and G.nodes[u].get("canonical") == canonical):
            return u
    return None


def find_parent_pairs(
        documents: list[DocumentRecords]) -> list[tuple[DocumentRecords, DocumentRecords]]:
    """(child, parent) for every cited parent plan that is among ``documents``, in input order.

    A citation matches a document by ``schemas.ids.cites`` (文号, else the title with its
    period suffix optional, regions agreeing), the rule the model links citations by.
    """
    pairs: list[tuple[DocumentRecords, DocumentRecords]] = []
    for child in documents:
        for cited in child.plan.parent_plans:
            for doc in documents:
                if doc is child:
                    continue
                plan = doc.plan
                if cites(cited.title, cited.doc_number, cited.region,
                         plan.title, plan.doc_number, plan.region):
                    if not any(c is child and p is doc for c, p in pairs):
                        pairs.append((child, doc))
                    break
    return pairs


__all__ = ["add_comparison", "compare_plans", "find_counterparts", "find_parent_pairs",
           "pair_score", "target_ref"]
