"""Which version of a plan wins: of several documents of one plan (same plan id), the last one
given. The one rule, for a whole batch (``latest_versions``) and for the chunks a load writes."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from schemas.records import DocumentRecords


def latest_versions(records: Iterable[DocumentRecords]) -> list[DocumentRecords]:
    """One document per plan: of several versions of a plan (same title), the last one given."""
    return next(plan_chunks(records, size=0), [])


def plan_chunks(records: Iterable[DocumentRecords], size: int) -> Iterator[list[DocumentRecords]]:
    """Up to ``size`` plans at a time (0: all of them in one list); of several versions of a
    plan, the last one given."""
    pending: dict[str, DocumentRecords] = {}  # plan id → its latest version
    for doc in records:
        pending.pop(doc.plan.id, None)  # a later version of the same plan supersedes it
        pending[doc.plan.id] = doc
        if size and len(pending) >= size:
            yield list(pending.values())
            pending = {}
    if pending:
        yield list(pending.values())
