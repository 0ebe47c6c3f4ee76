"""The jobs behind the CLI commands: each joins the pipeline (text → records) to the graph
(records → graph → store/exports) and returns data for the CLI to print."""
from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from graph.model.build import build_graph
from graph.model.versions import Replacement, latest_versions
from graph.store.embedded import prepare_home
from graph.store.load import LoadSummary, load_graph
from graph.store.store import Store, open_store
from pipeline.batch import Outcome, Skipped, extract_many
from policykg.inputs import read_records, sort_inputs
from policykg.loading import load_records
from schemas.errors import InputError
from schemas.paths import shown
from schemas.records import DocumentRecords

Progress = Callable[[Iterable[Outcome], int], Iterable[Outcome]]


def _skipped_note(skipped: list[Skipped]) -> str:
    return f" ({len(skipped)} skipped: {skipped[0].path}: {skipped[0].reason}…)" if skipped else ""


@dataclass
class BatchResult:
    records: list[DocumentRecords] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    cached: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)  # files not read: why, in its reason
    replaced: list[str] = field(default_factory=list)  # "title (earlier → later)", said to the user


def cache_dir() -> Path:
    """The extraction cache, in the home (made private, 0700, by whichever command comes first)."""
    return prepare_home() / "cache"


def _out_name(doc: Path, taken: set[str]) -> str:
    """x.json; for a second x.txt (in another folder) x.txt.json, then x.txt.2.json, …"""
    name, n = doc.stem + ".json", 1
    while name in taken:
        n += 1
        name = f"{doc.name}.json" if n == 2 else f"{doc.name}.{n - 1}.json"
    taken.add(name)
    return name


def extract_paths(paths: Iterable[str], out: Optional[Path] = None, workers: Optional[int] = None,
                  keep: bool = False, use_cache: bool = True,
                  progress: Optional[Progress] = None, engine: str = "processes",
                  scheduler: Optional[str] = None) -> BatchResult:
    """Extract every document; write one JSON each (``out`` a folder, or a .json file for one
    document). Records are validated against the contract before they are written. ``engine``
    ``dask`` runs the extraction on Dask (``scheduler``, or a LocalCluster)."""
    start = time.perf_counter()
    inputs = sort_inputs(paths)
    docs = inputs.documents
    skipped = inputs.skipped + [Skipped(shown(p), "already records; `policykg load` reads them") for p in inputs.records]
    if not docs:
        raise InputError("no documents found in " + ", ".join(map(shown, paths)) + _skipped_note(skipped))
    single_file = out is not None and out.suffix.lower() == ".json"
    if single_file and len(docs) > 1:
        raise InputError(f"{out}: one .json file holds one document; give a folder for {len(docs)} documents")
    if out is not None and not single_file and out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file; give a folder (or a .json file for one document)")
    result = BatchResult(skipped=skipped)
    taken: set[str] = set()
    outputs = None if out is None else [out] if single_file else [out / _out_name(d, taken) for d in docs]
    outcomes: Iterable[Outcome] = extract_many(docs, workers, cache_dir() if use_cache else None, outputs,
                                               engine=engine, scheduler=scheduler)
    if progress:
        outcomes = progress(outcomes, len(docs))
    for outcome in outcomes:
        if not outcome.ok:
            result.failed.append(outcome)
            continue
        result.cached += outcome.cached
        if outcome.output is not None:  # written by the worker, valid against the contract
            result.written.append(Path(outcome.output))
        if keep and outcome.records is not None:
            result.records.append(outcome.records)
    result.seconds = time.perf_counter() - start
    return result


def load_paths(paths: Iterable[str], workers: Optional[int] = None, store: Optional[Store] = None,
               progress: Optional[Progress] = None) -> tuple[LoadSummary, BatchResult]:
    """Extract (or take from the cache) and load into the configured database, streaming.
    Records JSON files (what ``extract`` writes) are loaded as they are; files that are neither
    documents nor records are listed in ``skipped``."""
    inputs = sort_inputs(paths)
    docs, jsons = inputs.documents, inputs.records
    if not docs and not jsons:
        raise InputError("no documents or records found in " + ", ".join(map(str, paths)))
    batch = BatchResult(skipped=inputs.skipped)

    def all_outcomes() -> Iterable[Outcome]:
        yield from map(read_records, jsons)
        if docs:
            yield from extract_many(docs, workers, cache_dir())

    outcomes: Iterable[Outcome] = all_outcomes()
    if progress:
        outcomes = progress(outcomes, len(docs) + len(jsons))

    def good() -> Iterable[DocumentRecords]:
        for outcome in outcomes:
            if outcome.ok and outcome.records is not None:
                batch.cached += outcome.cached
                yield outcome.records
            else:
                batch.failed.append(outcome)

    own = store is None
    store = store or open_store()
    try:
        summary = load_records(good(), store, replaced=batch.replaced)
    finally:
        if own:
            store.close()
    batch.failed += [Outcome(path, error=f"{path}: {why}") for path, why in summary.refused]
    if not summary.documents and not batch.failed:
        raise InputError("nothing to load")
    batch.seconds = summary.seconds
    return summary, batch


def run_query(cypher_or_name: str, params: dict[str, Any], write: bool = False) -> list[dict[str, Any]]:
    """A named query (graph/store/queries/<name>.cypher) or Cypher text, with parameters."""
    from graph.store.queries import get_query, list_queries

    names = {q.name for q in list_queries()}
    if cypher_or_name in names:  # a named query: its optional parameters take their defaults
        named = get_query(cypher_or_name)
        text, params = named.text, named.bind(params)
    else:
        text = cypher_or_name
    with open_store() as store:
        return store.query(text, params, write=write)


@contextmanager
def stream_query(cypher_or_name: str, params: dict[str, Any], write: bool = False,
                 timeout: Optional[float] = None) -> Iterator[Iterator[dict[str, Any]]]:
    """Like ``run_query``, but the rows as they arrive (the store stays open while they do)."""
    from graph.store.queries import get_query, list_queries

    names = {q.name for q in list_queries()}
    text = get_query(cypher_or_name).text if cypher_or_name in names else cypher_or_name
    with open_store() as store:
        yield store.stream(text, params, write=write, timeout=timeout)


def _named(store: Store, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """A named query with its header's defaults for the parameters not given (its $limit)."""
    from graph.store.queries import get_query

    query = get_query(name)
    return store.query(query.text, query.bind(params))


def parse_param(raw: str) -> tuple[str, Any]:
    """``k=v`` → (k, v); v is read as JSON when it parses (numbers, lists), else kept as text."""
    if "=" not in raw:
        raise InputError(f"--param {raw!r}: expected key=value")
    key, value = raw.split("=", 1)
    if not key.isidentifier():
        raise InputError(f"--param {raw!r}: {key!r} is not a parameter name")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def export_paths(paths: Iterable[str], fmt: str, out: Path, workers: Optional[int] = None) -> list[Path]:
    from graph.render.export import write_export

    batch = extract_paths(paths, None, workers, keep=True)
    return write_export(build_graph(latest_versions(batch.records)), fmt, out)


def env_workers() -> Optional[int]:
    value = os.environ.get("POLICYKG_WORKERS")
    return int(value) if value and value.isdigit() else None


def normalized_texts(records: Iterable[DocumentRecords]) -> dict[str, str]:
    """doc_id → normalized text, re-read from each record's source file (for reports)."""
    from pipeline.decode import read_document
    from pipeline.normalize import normalize

    texts: dict[str, str] = {}
    for r in records:
        try:
            texts[r.source.doc_id] = normalize(read_document(r.source.path)).text
        except (OSError, InputError):
            continue  # the report then shows records without the source text
    return texts


def matrix_paths(paths: Iterable[str], out: Path, by: str = "action", workers: Optional[int] = None) -> Path:
    from graph.answers.matrix import responsibility_matrix
    from graph.render.matrix_formats import write_matrix

    batch = extract_paths(paths, None, workers, keep=True)
    write_matrix(responsibility_matrix(build_graph(latest_versions(batch.records)), by=by), out)
    return out


def compare_paths(child: str, parent: str, out: Path) -> Any:
    from graph.answers.compare import compare_plans
    from graph.render.compare_report import write_comparison

    batch = extract_paths([child, parent], None, 1, keep=True)
    if len(batch.records) != 2:
        raise InputError("; ".join(o.error or "" for o in batch.failed) or "two documents are needed")
    comparison = compare_plans(batch.records[0], batch.records[1])
    write_comparison(comparison, out)
    return comparison


def report_paths(paths: Iterable[str], out: Path, workers: Optional[int] = None) -> Path:
    from graph.answers.compare import compare_plans, find_parent_pairs
    from graph.render.report import write_report

    batch = extract_paths(paths, None, workers, keep=True)
    records = latest_versions(batch.records)
    comparisons = [compare_plans(c, p) for c, p in find_parent_pairs(records)]
    write_report(records, out, texts=normalized_texts(records), comparisons=comparisons)
    return out




def _periods_end(records: list[DocumentRecords]) -> str:
    """The end of the latest plan period in the corpus (every target of a plan is due by then)."""
    ends = [r.plan.period_end for r in records if r.plan.period_end]
    return f"{max(ends) if ends else date.today().year}-12-31"


@dataclass
class RunResult:
    batch: BatchResult
    load: Optional[LoadSummary]
    outputs: list[Path]
    samples: list[tuple[str, list[dict[str, Any]]]]
    pending_parents: list[tuple[str, str]]
    replaced: list[str] = field(default_factory=list)  # "title (earlier → later)"


def run_corpus(corpus: str, out: Path, workers: Optional[int] = None,
               progress: Optional[Progress] = None) -> RunResult:
    """The main job (``make run``): extract, load the database, write exports, matrix,
    comparisons with parents present, the report, and answer two sample questions."""
    from graph.answers.compare import add_comparison, compare_plans, find_parent_pairs
    from graph.answers.matrix import responsibility_matrix
    from graph.render.compare_report import write_comparison
    from graph.render.export import write_export
    from graph.render.matrix_formats import write_matrix
    from graph.render.report import write_report

    batch = extract_paths([corpus], out / "records", workers, keep=True, progress=progress)
    outputs: list[Path] = list(batch.written)
    if not batch.records:
        return RunResult(batch, None, outputs, [], [])
    replacements: list[Replacement] = []
    records = latest_versions(batch.records, replacements)
    G = build_graph(records)
    pairs = find_parent_pairs(records)
    comparisons = []
    taken: set[str] = set()
    for child, parent in pairs:
        comparison = compare_plans(child, parent)
        comparisons.append(comparison)
        G = add_comparison(G, comparison)
        stem = "compare-" + _out_name(Path(child.source.path), taken).removesuffix(".json")  # records' rule
        for suffix in (".json", ".md", ".html"):
            write_comparison(comparison, out / f"{stem}{suffix}")
            outputs.append(out / f"{stem}{suffix}")
    pending = [(r.plan.title, pp.title + (f"（{pp.doc_number}）" if pp.doc_number else ""))
               for r in records for pp in r.plan.parent_plans
               if not any(c.source.doc_id == r.source.doc_id for c, _ in pairs)]
    for fmt, name in (("graphml", "graph.graphml"), ("json", "graph.json"), ("cypher", "graph.cypher"),
                      ("csv", "neo4j-import")):
        outputs.extend(write_export(G, fmt, out / name))
    matrix = responsibility_matrix(G)
    for suffix in (".xlsx", ".html", ".csv", ".md"):
        write_matrix(matrix, out / f"matrix{suffix}")
        outputs.append(out / f"matrix{suffix}")
    write_report(records, out / "report.html", texts=normalized_texts(records),
                 comparisons=comparisons)
    outputs.append(out / "report.html")
    docs = [r.source.doc_id for r in records]
    with open_store() as store:
        summary = load_graph(store, G)
        # The database may hold other documents too: the samples answer for this corpus only.
        samples = [
            ("bureaus with the most actions", _named(store, "corpus-bureaus", {"docs": docs})),
            ("targets due first, by the end of the plans' periods",
             _named(store, "corpus-targets-due-by", {"docs": docs, "date": _periods_end(records)})),
        ]
    replaced = [f"{r.title} ({r.old} → {r.new})" for r in replacements]
    replaced += [f"{t} (loaded before)" for t in summary.replaced]
    return RunResult(batch, summary, outputs, samples, pending, replaced)
