"""Loading records into the database in chunks: versions, plans kept apart, what was replaced."""
from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Iterable, Optional

from graph.model.build import build_graph
from graph.model.versions import Replacement, distinguish, plan_chunks, same_plan
from graph.store.load import LoadSummary, ensure_schema, load_prepared, prepare_load
from graph.store.load_admin import existing_plans
from graph.store.store import Store
from schemas.records import DocumentRecords


def _apart_from_database(group: list[DocumentRecords], store: Store) -> list[DocumentRecords]:
    """Documents whose plan id the database gives a different plan (``same_plan``) take a
    distinct id, so loading them never replaces that plan."""
    held = existing_plans(store, [doc.plan.id for doc in group])
    out = []
    for doc in group:
        other = held.get(doc.plan.id)
        if other and other["doc_id"] != doc.source.doc_id and not same_plan(other, doc.plan):
            doc = distinguish(doc)
        out.append(doc)
    return out


def load_records(records: Iterable[DocumentRecords], store: Store, chunk: int = 200,
                 replaced: Optional[list[str]] = None) -> LoadSummary:
    """Build and load ``chunk`` documents at a time: memory stays flat however many there are.
    A later version of a plan replaces the earlier one, in the chunk or in the database; each
    replacement is appended to ``replaced`` as text for the user. Documents of different plans
    that share an id are kept apart (``graph.model.versions``).

    One chunk is written by a helper thread while this one reads and builds the next: the
    database works while Python prepares (the driver waits on its socket without the GIL).
    """
    started = time.perf_counter()
    totals = [0, 0, 0, 0]  # documents, nodes, relationships, skipped
    counted: set[str] = set()  # ids of shared nodes and plans already counted by a chunk
    refused: list[tuple[str, str]] = []  # (source path, reason) of documents too large to load

    in_batch: list[Replacement] = []
    in_database: list[str] = []

    def add(s: Optional[LoadSummary]) -> None:
        for i, v in enumerate((s.documents, s.nodes, s.relationships, s.skipped_relationships) if s else ()):
            totals[i] += v
        in_database.extend(s.replaced if s else ())

    # The records may come from an extraction that takes longer than the embedded server's
    # idle timeout before the first chunk is written: it is kept in use all along.
    with store.in_use(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="policykg-load") as writer:
        # Constraints and indexes first, once, while the first chunk is being built.
        writing: Future[Optional[LoadSummary]] = writer.submit(ensure_schema, store)
        for group in plan_chunks(records, chunk, replaced=in_batch):
            group = _apart_from_database(group, store)
            prepared = prepare_load(build_graph(group))
            paths = {r.source.doc_id: r.source.path for r in group}
            refused += [(str(paths.get(doc, doc)), why) for doc, why in prepared.refused]
            # A bureau of every chunk is one node, not one each; so is a cited plan that a later
            # chunk loads (its placeholder becomes the plan). Other ids carry their document's.
            seen = {n for part in prepared.parts.values() for ids in part.shared.values() for n in ids}
            seen |= {row["id"] for part in prepared.parts.values() for row in part.nodes.get("Plan", ())}
            totals[1] -= len(seen & counted)
            counted |= seen
            add(writing.result())  # one chunk in flight at a time: memory stays flat
            writing = writer.submit(load_prepared, store, prepared, schema=False)
        add(writing.result())
    said = [f"{r.title} ({r.old} → {r.new})" for r in in_batch] + [f"{t} (loaded before)" for t in in_database]
    if replaced is not None:
        replaced.extend(said)
    return LoadSummary(totals[0], totals[1], totals[2], round(time.perf_counter() - started, 3), totals[3],
                       tuple(said), tuple(refused))
