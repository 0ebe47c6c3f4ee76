"""The job behind ``policykg compare --parent``: a parent plan and the plans implementing it,
from documents on disk or from the database, rolled up and written."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from graph.answers.rollup import rollup_tree
from graph.render.rollup_report import write_rollup
from graph.store.load_admin import find_one_plan
from graph.store.read_records import implementers, plan_records
from graph.store.store import Store, open_store
from policykg.jobs import extract_paths
from schemas.errors import InputError
from schemas.records import DocumentRecords, ParentPlan
from schemas.rollup import RollUp


def _documents(paths: Iterable[str]) -> list[DocumentRecords]:
    batch = extract_paths(list(paths), None, None, keep=True)
    if batch.failed:
        raise InputError("; ".join(o.error or "" for o in batch.failed))
    return sorted(batch.records, key=lambda r: r.source.path)


def _from_database(ref: str, store: Optional[Store]) -> tuple[DocumentRecords, list[DocumentRecords]]:
    own = store is None
    store = store or open_store()
    try:
        wanted = find_one_plan(store, ref)
        rows = implementers(store, wanted["id"])
        if not rows:
            raise InputError(f"no loaded plan implements {wanted['title']!r}")
        plans = list({r["plan_id"]: {"id": r["plan_id"], "title": r["plan"], **r} for r in rows}.values())
        records = plan_records(store, [wanted, *plans])
    finally:
        if own:
            store.close()
    # In the database the citations are IMPLEMENTS edges: give each plan its parent's citation.
    by_id = {r.plan.id: r for r in records}
    for row in rows:
        parent = by_id.get(row["implements_id"])
        if parent is not None:
            child = by_id[row["plan_id"]]
            child.plan.parent_plans = [*child.plan.parent_plans, _cite(parent)]
    return records[0], records[1:]


def _cite(parent: DocumentRecords) -> ParentPlan:
    return ParentPlan(title=parent.plan.title, doc_number=parent.plan.doc_number,
                      region=parent.plan.region)


def rollup_paths(parent: str, paths: Iterable[str], out: Path,
                 store: Optional[Store] = None) -> RollUp:
    """Roll up ``parent`` (a document, or a loaded plan's id, title, doc id or 文号) over the
    documents in ``paths``, or, with none, over the loaded plans implementing it."""
    paths = list(paths)
    if Path(parent).exists():
        if not paths:
            raise InputError(f"{parent}: give the documents implementing it (files or folders)")
        root = _documents([parent])[0]
        children = [d for d in _documents(paths) if d.source.doc_id != root.source.doc_id]
    else:
        if paths:
            raise InputError(f"{parent!r} is not a file: give the documents, or no paths for the "
                             "plans implementing it in the database")
        root, children = _from_database(parent, store)
    rollup = rollup_tree(root, children)
    write_rollup(rollup, out)
    return rollup
