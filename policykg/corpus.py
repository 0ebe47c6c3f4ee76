"""Jobs over the whole loaded corpus: the tidy tables, removing a plan, emptying the database."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

from graph.answers.tables import corpus_tables
from graph.model.build import build_graph
from graph.model.versions import latest_versions
from graph.render.tables import FORMATS, write_tables
from graph.store.load_admin import remove_plan, reset_database
from graph.store.read import read_graph
from graph.store.store import open_store
from policykg.inputs import read_records, sort_inputs
from schemas.errors import InputError
from schemas.records import DocumentRecords


def records_of(paths: Iterable[str], workers: Optional[int] = None) -> tuple[list[DocumentRecords], list[str]]:
    """Records of documents (extracted or cached) and of records JSON files; the failures."""
    from policykg.jobs import extract_paths

    inputs = sort_inputs(paths)
    records: list[DocumentRecords] = []
    failed: list[str] = []
    for outcome in map(read_records, inputs.records):
        if outcome.ok and outcome.records is not None:
            records.append(outcome.records)
        else:
            failed.append(outcome.error or outcome.path)
    if inputs.documents:
        batch = extract_paths([str(p) for p in inputs.documents], None, workers, keep=True)
        records += batch.records
        failed += [o.error or o.path for o in batch.failed]
    if not records:
        raise InputError("no plans to tabulate: " + ("; ".join(failed) or "no documents found"))
    return latest_versions(records), failed


def write_corpus_tables(out: Path, paths: Iterable[str] = (), formats: tuple[str, ...] = FORMATS,
                        workers: Optional[int] = None) -> tuple[list[Path], dict[str, int], list[str]]:
    """The target, responsibility and milestone tables of ``paths``, or with no paths of every
    plan in the database; returns the files, the rows per table and the inputs that failed."""
    paths = list(paths)
    failed: list[str] = []
    if paths:
        records, failed = records_of(paths, workers)
        G = build_graph(records)
    else:
        with open_store() as store:
            G = read_graph(store)
        if not G.graph["doc_ids"]:
            raise InputError("the database holds no plans; load some first (policykg load …)")
    tables = corpus_tables(G)
    return write_tables(tables, out, formats), {t.name: len(t.rows) for t in tables}, failed


def remove(ref: str) -> dict[str, Any]:
    with open_store() as store:
        return remove_plan(store, ref)


def reset() -> None:
    with open_store() as store:
        reset_database(store)
