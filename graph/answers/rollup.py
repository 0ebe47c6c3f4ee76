"""A parent plan and every plan implementing it, side by side (层层加码): the roll-up.

Researchers ask, per city target, what each district set against it, how much higher or sooner,
whether the districts' figures add up to the city's, and which city targets a district left out.
Each child is aligned with the parent by ``compare_plans`` (the pairwise, one-to-one matching);
the roll-up only arranges those alignments per parent target and sums where summing means
something: counts and amounts of money or things. Rates, shares, per-capita and density figures,
indices and qualitative goals are never summed. A chain of levels (province → city → district) is
a tree: each child's own children make the child's roll-up, kept in ``below``.
"""
from __future__ import annotations

from typing import Optional

from graph.answers.compare import compare_plans, find_parent_pairs, target_ref
from graph.answers.similarity import AMOUNT_KINDS, normalize_metric, units_compatible
from schemas.compare import Comparison, TargetRef
from schemas.errors import InputError
from schemas.records import DocumentRecords
from schemas.rollup import ChildFigure, Missing, RollUp, RollupRow

# Metric words of figures that do not add up across territories (per head, per area, averages,
# ratios, indices, ranks). General conventions of Chinese plans, not one document's metrics.
NON_ADDITIVE_WORDS = (
    "人均", "户均", "亩均", "地均", "均", "每万人", "每千人", "每百人", "万人", "千人", "百人",
    "平均", "密度", "强度", "率", "比重", "占比", "比例", "指数", "排名", "位次", "等级", "单位",
)
NON_ADDITIVE_UNIT_MARKS = ("/", "每", "%", "‰")


def additive(parent: TargetRef) -> tuple[bool, str]:
    """Whether the children's values of this parent target may be summed, and why (not)."""
    if parent.kind not in AMOUNT_KINDS:
        return False, f"kind {parent.kind}: never summed"
    unit = parent.normalized.unit or parent.unit or ""
    mark = next((m for m in NON_ADDITIVE_UNIT_MARKS if m in unit), None)
    if mark:
        return False, f"unit {unit}: a ratio, not an amount"
    metric = normalize_metric(parent.metric)
    word = next((w for w in NON_ADDITIVE_WORDS if w in metric), None)
    if word:
        return False, f"metric names {word}: not an amount that adds up"
    if parent.normalized.value is None:
        return False, "the parent target has no value"
    return True, f"{parent.kind} in {unit or 'no unit'}: children's values summed"


def _figure(plan_id: str, comparison: Comparison, parent_id: str) -> ChildFigure:
    for a in comparison.alignments:
        if a.parent.id == parent_id:
            return ChildFigure(plan_id=plan_id, target=a.child, score=a.score, ratio=a.ratio,
                               rate_difference=a.rate_difference,
                               deadline_offset_years=a.deadline_offset_years,
                               ambition=a.ambition, value_ambition=a.value_ambition)
    return ChildFigure(plan_id=plan_id)


def _row(parent: TargetRef, figures: list[ChildFigure]) -> RollupRow:
    ok, reason = additive(parent)
    row = RollupRow(parent=parent, children=figures, additive=ok, additive_reason=reason)
    if not ok:
        return row
    summed = [f.target for f in figures if f.target is not None and f.target.kind == parent.kind
              and f.target.normalized.value is not None
              and units_compatible(f.target.normalized.unit, parent.normalized.unit) is not None]
    if not summed:
        return row
    total = round(sum(t.normalized.value or 0.0 for t in summed), 6)
    pv = parent.normalized.value
    row.total, row.total_unit, row.counted = total, parent.normalized.unit, len(summed)
    if pv:
        row.total_ratio = round(total / pv, 6)
        if parent.value is not None:
            row.total_as_parent = round(parent.value * total / pv, 6)
    if pv is not None:
        row.total_difference = round(total - pv, 6)
    return row


def rollup_plans(parent: DocumentRecords, children: list[DocumentRecords]) -> RollUp:
    """One level: ``parent``'s targets, each child's counterpart, sums where additive."""
    if not children:
        raise InputError(f"{parent.plan.title}: no plans implementing it to roll up")
    comparisons = [compare_plans(child, parent) for child in children]
    refs = [c.child_plan for c in comparisons]
    targets = [target_ref(t, parent) for t in parent.targets]
    rows = [_row(t, [_figure(ref.id, c, t.id) for ref, c in zip(refs, comparisons)])
            for t in targets]
    missing = [Missing(plan_id=ref.id, parent_targets=list(c.parent_only))
               for ref, c in zip(refs, comparisons)]
    return RollUp(parent_plan=comparisons[0].parent_plan, children=refs, rows=rows,
                  missing=missing, summaries=[c.summary for c in comparisons])


def _children_of(documents: list[DocumentRecords]) -> dict[int, list[DocumentRecords]]:
    """id(parent document) → the documents citing it, among ``documents``, in input order."""
    found: dict[int, list[DocumentRecords]] = {}
    for child, parent in find_parent_pairs(documents):
        if not any(c is child for kids in found.values() for c in kids):
            found.setdefault(id(parent), []).append(child)
    return found


def rollup_tree(root: DocumentRecords, documents: list[DocumentRecords],
                max_depth: int = 3) -> RollUp:
    """The roll-up of ``root`` over ``documents``: a document citing another one of them hangs
    under it (a district under its city, the city under its province); any other hangs under
    ``root``, which the caller named as their parent. ``max_depth`` levels below the root at most."""
    others = [d for d in documents if d is not root]
    cited = _children_of([root, *others])
    placed = {id(c) for kids in cited.values() for c in kids}
    direct = cited.get(id(root), []) + [d for d in others if id(d) not in placed]
    return _tree(root, direct, cited, max_depth, {id(root)})


def _tree(parent: DocumentRecords, children: list[DocumentRecords],
          cited: dict[int, list[DocumentRecords]], depth: int, seen: set[int]) -> RollUp:
    result = rollup_plans(parent, children)
    if depth <= 1:
        return result
    for child in children:
        below = [d for d in cited.get(id(child), []) if id(d) not in seen]
        if below:
            result.below.append(_tree(child, below, cited, depth - 1, seen | {id(child)}))
    return result


def plan_title(rollup: RollUp, plan_id: str) -> Optional[str]:
    """The title of a plan of this roll-up (its parent or a child), for renderings."""
    for ref in (rollup.parent_plan, *rollup.children):
        if ref.id == plan_id:
            return ref.title
    return None


__all__ = ["additive", "plan_title", "rollup_plans", "rollup_tree"]
