"""``make bench``, query section: every named query timed on N generated plans, never asserted.

A fresh embedded database in a temporary POLICYKG_HOME is loaded with N generated documents (the
bench corpus of tests/bench_corpus.py, extracted with the cache off), then each named query of
``graph/store/queries/`` runs with sample parameters taken from the loaded data, and its wall
time (best of ``repeats``, after one warm-up run) and row count are reported. The goal is under
2 s per query on 1,000 plans.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.bench_corpus import generate

GOAL_QUERY_SECONDS = 2.0
# A bureau, a plan with implementers and the loaded doc ids come from the data (sample_params).
FIXED_PARAMS: dict[str, Any] = {
    "date": "2025-12-31", "start": "2025-01-01", "end": "2026-12-31", "keyword": "服务业",
}


def sample_params(store: Any) -> dict[str, Any]:
    """Parameters that select real rows of the loaded corpus, for every named query."""
    params = dict(FIXED_PARAMS)
    rows = store.query("MATCH (b:Bureau)-[:RESPONSIBLE_FOR]->(a:Action) "
                       "RETURN b.name AS name, count(a) AS n ORDER BY n DESC LIMIT 1")
    params["name"] = rows[0]["name"] if rows else "商务局"
    rows = store.query("MATCH (c:Plan)-[:IMPLEMENTS]->(p:Plan) "
                       "RETURN p.id AS id, count(c) AS n ORDER BY n DESC LIMIT 1")
    params["plan"] = rows[0]["id"] if rows else ""
    docs = store.query("MATCH (p:Plan) WHERE p.doc_id IS NOT NULL RETURN p.doc_id AS d LIMIT 5")
    params["docs"] = [r["d"] for r in docs]
    return params


def time_queries(store: Any, repeats: int = 3) -> list[dict[str, Any]]:
    """Best-of-``repeats`` seconds and rows of every named query on ``store``."""
    from graph.store.queries import list_queries

    params = sample_params(store)
    figures = []
    for q in list_queries():
        args = {p: params[p] for p in q.parameters if p in params}
        best, rows = float("inf"), 0
        for _ in range(repeats + 1):  # the first run warms the database's caches
            started = time.perf_counter()
            rows = len(store.query(q.text, q.bind(args)))
            best = min(best, time.perf_counter() - started)
        figures.append({"query": q.name, "seconds": round(best, 3), "rows": rows,
                        "goal_met": best < GOAL_QUERY_SECONDS})
    return figures


def bench_queries(plans: int, workers: int = 2, repeats: int = 3) -> dict[str, Any]:
    """Generate and load ``plans`` documents into a fresh embedded database; time every query."""
    from graph.store.embedded import stop_server
    from graph.store.store import open_store
    from policykg.jobs import extract_paths, load_records
    from schemas.validate import validate_records_json

    tmp = Path(tempfile.mkdtemp(prefix="policykg-bench-queries-"))
    home = tmp / "home"
    try:
        manifest = generate(tmp / "docs", plans)
        result = extract_paths([m["path"] for m in manifest], tmp / "out", workers, use_cache=False)
        store = open_store(env={}, home=home)  # env={}: never a developer's NEO4J_URI
        try:
            records = (validate_records_json(f.read_text(encoding="utf-8")) for f in result.written)
            summary = load_records(records, store)
            counts = store.query("MATCH (p:Plan) WHERE p.doc_id IS NOT NULL "
                                 "WITH count(p) AS plans MATCH (t:Target) "
                                 "RETURN plans, count(t) AS targets")[0]
            figures = time_queries(store, repeats)
        finally:
            store.close()
            stop_server(home)
        return {"documents": len(manifest), "plans": counts["plans"], "targets": counts["targets"],
                "relationships": summary.relationships, "repeats": repeats,
                "goal_seconds": GOAL_QUERY_SECONDS, "queries": figures}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def report_queries(figures: dict[str, Any]) -> list[str]:
    lines = [f"queries on {figures['plans']} plans, {figures['targets']} targets "
             f"({figures['relationships']} relationships), best of {figures['repeats']} "
             f"(goal < {figures['goal_seconds']} s each):"]
    lines += [f"  {q['query']:24} {q['seconds']:8.3f} s  {q['rows']:7} rows"
              + ("" if q["goal_met"] else "  SLOW") for q in figures["queries"]]
    return lines
