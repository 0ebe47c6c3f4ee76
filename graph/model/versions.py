"""Which version of a plan wins, and when two documents are one plan at all.

Documents with the same plan id (``schemas.ids``: region and title) are versions of one plan
unless their 文号, issuer or period say otherwise (``same_plan``); then the later one takes a
distinct id and both stay. Of several versions of one plan, the last one given wins; each
replacement is recorded, so the tool can say "replaced the earlier version of …". The one rule,
for a whole batch (``latest_versions``) and for the chunks a load writes (``plan_chunks``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Optional

from schemas.ids import distinct_plan_id, fold
from schemas.records import DocumentRecords, Plan


@dataclass(frozen=True)
class Replacement:
    """A document that replaced an earlier version of the same plan."""

    title: str
    old: str  # the earlier document (its path, or its doc id when it came from the database)
    new: str


def _issuers_differ(a: Optional[str], b: Optional[str]) -> bool:
    """Two issuers are different organs unless one's name starts the other's (人民政府 ⊂ 人民政府办公厅)."""
    if not a or not b:
        return False
    x, y = fold(a), fold(b)
    return not (x.startswith(y) or y.startswith(x))


_SAME_PLAN_FIELDS = ("doc_number", "issuer", "period_start", "period_end")


def same_plan(a: Plan | dict[str, Any], b: Plan) -> bool:
    """Whether ``b`` is a version of ``a`` (same id assumed): no 文号, issuer or period of
    theirs, where both give one, disagrees. ``a`` may be a Plan node's properties."""
    get = a.get if isinstance(a, dict) else lambda k: getattr(a, k)
    no_a, no_b = get("doc_number"), b.doc_number
    if no_a and no_b and fold(no_a) != fold(no_b):
        return False
    if _issuers_differ(get("issuer"), b.issuer):
        return False
    period_a, period_b = (get("period_start"), get("period_end")), (b.period_start, b.period_end)
    return not (None not in period_a and None not in period_b and period_a != period_b)


def distinguish(doc: DocumentRecords) -> DocumentRecords:
    """The document with the distinct id its plan takes when another plan holds its id."""
    p = doc.plan
    new_id = distinct_plan_id(p.title, p.doc_number, p.region, p.issuer, (p.period_start, p.period_end))
    return doc.model_copy(update={"plan": p.replace(id=new_id)})


def latest_versions(records: Iterable[DocumentRecords],
                    replaced: Optional[list[Replacement]] = None) -> list[DocumentRecords]:
    """One document per plan: of several versions of a plan, the last one given."""
    return next(plan_chunks(records, size=0, replaced=replaced), [])


def plan_chunks(records: Iterable[DocumentRecords], size: int,
                replaced: Optional[list[Replacement]] = None) -> Iterator[list[DocumentRecords]]:
    """Up to ``size`` plans at a time (0: all of them in one list); of several versions of a
    plan, the last one given. Replacements within the input are appended to ``replaced``."""
    pending: dict[str, DocumentRecords] = {}  # plan id → its latest version
    # plan id → what ``same_plan`` reads of the plan holding it, across chunks: four values, not
    # the whole Plan, so a load of 100,000 documents does not keep 100,000 Plan models.
    seen: dict[str, dict[str, Any]] = {}
    for doc in records:
        held = seen.get(doc.plan.id)
        if held is not None and not same_plan(held, doc.plan):
            doc = distinguish(doc)
        earlier = pending.pop(doc.plan.id, None)  # a later version of the same plan supersedes it
        if earlier is not None and replaced is not None:
            replaced.append(Replacement(doc.plan.title, earlier.source.path, doc.source.path))
        seen[doc.plan.id] = {k: getattr(doc.plan, k) for k in _SAME_PLAN_FIELDS}
        pending[doc.plan.id] = doc
        if size and len(pending) >= size:
            yield list(pending.values())
            pending = {}
    if pending:
        yield list(pending.values())
