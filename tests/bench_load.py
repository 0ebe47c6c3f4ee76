"""Loading figures for ``make bench``: time, the database's CPU time and every process's peak
memory for ``policykg load``'s path (``policykg.jobs.load_records``), and the cost curve at
several sizes (``python -m tests.bench_load --curve 1000,10000,100000``). Measured, never asserted.

Why the database's CPU time and rows per CPU-second beside wall time: the machine is shared, so
wall time says as much about the other jobs as about the loader; the load average is reported
with every figure for the same reason.

The curve's records come from one extraction of the bench corpus (``tests/bench_corpus.py``),
cycled: copy k of a document gets its own doc id, plan id, title and 文号, so each copy is a
distinct plan of the same shape and 100,000 documents cost one extraction of ``--base``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator, Optional

from schemas.records import DocumentRecords

GOAL_LOAD_RELS = 15_000
GOAL_MEMORY_MB = 1024


def _proc(pid: int) -> dict[str, float]:
    """CPU seconds (user + system) and peak RSS (VmHWM, MB) of a live process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    peak = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    return {"cpu_seconds": cpu, "peak_mb": peak}


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def cloned_records(files: list[Path], count: int) -> Iterator[DocumentRecords]:
    """``count`` documents' records, cycling over ``files``; from the second round on each copy
    is renamed (doc id, plan id, title, 文号) so it is a plan of its own, loaded, not replaced."""
    from schemas.validate import validate_records, validate_records_json

    for i in range(count):
        text = files[i % len(files)].read_text(encoding="utf-8")
        copy = i // len(files)
        if not copy:
            yield validate_records_json(text)
            continue
        data = json.loads(text)
        doc, plan = data["source"]["doc_id"], data["plan"]["id"]
        new_doc = hashlib.sha256(f"{doc}:{copy}".encode()).hexdigest()[: len(doc)]
        new_plan = "plan:" + hashlib.sha256(f"{plan}:{copy}".encode()).hexdigest()[:12]
        data = json.loads(text.replace(doc, new_doc).replace(plan, new_plan))
        data["plan"]["title"] = f"{data['plan']['title']}（第{copy + 1}批）"
        if data["plan"].get("doc_number"):
            data["plan"]["doc_number"] = f"{data['plan']['doc_number']}-{copy + 1}"
        yield validate_records(data)


def _sampled(records: Iterator[DocumentRecords], every: int, pid: int, started: float,
             db_cpu0: float, samples: list[dict[str, Any]]) -> Iterator[DocumentRecords]:
    """``records``, noting every ``every`` documents the time, the database's CPU and both
    processes' current RSS: the cost curve of one long run (the loader reads at most two
    chunks ahead of what the database has written)."""
    for i, record in enumerate(records, 1):
        yield record
        if every and i % every == 0:
            db = _proc(pid)
            rss = [int(line.split()[1]) / 1024 for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                   if line.startswith("VmRSS:")]
            own = [int(line.split()[1]) / 1024 for line in Path("/proc/self/status").read_text().splitlines()
                   if line.startswith("VmRSS:")]
            samples.append({"documents": i, "seconds": round(time.perf_counter() - started, 1),
                            "database_cpu_seconds": round(db["cpu_seconds"] - db_cpu0, 1),
                            "rss_mb": {"loader": round(own[0]), "database": round(rss[0])},
                            "load_average": _loadavg()})
            if os.environ.get("POLICYKG_BENCH_PROGRESS"):
                sys.stderr.write(json.dumps(samples[-1]) + "\n")


def measure_load(records: Iterator[DocumentRecords], home: Path, every: int = 0) -> dict[str, Any]:
    """Load ``records`` into a fresh embedded database under ``home`` as ``policykg load`` does
    (``every``: sample the progress every so many documents)."""
    from graph.store.embedded import server_status, stop_server
    from graph.store.store import open_store
    from policykg.jobs import load_records

    started = time.perf_counter()
    store = open_store(env={}, home=home)  # env={}: never a developer's NEO4J_URI
    server_start = time.perf_counter() - started
    state = server_status(home)
    pid = int(state["pid"]) if state else 0
    db0, self0, load0 = _proc(pid), _self_cpu(), _loadavg()
    samples: list[dict[str, Any]] = []
    try:
        summary = load_records(_sampled(records, every, pid, time.perf_counter(), db0["cpu_seconds"], samples),
                               store)
        db1, self1 = _proc(pid), _self_cpu()
    finally:
        store.close()
        stop_server(home)
    db_cpu = db1["cpu_seconds"] - db0["cpu_seconds"]
    rows = summary.nodes + summary.relationships
    return {
        "documents": summary.documents, "nodes": summary.nodes, "relationships": summary.relationships,
        "skipped_relationships": summary.skipped_relationships, "seconds": summary.seconds,
        "rels_per_s": round(summary.relationships / summary.seconds) if summary.seconds else None,
        "server_start_seconds": round(server_start, 3),
        "database_cpu_seconds": round(db_cpu, 2),
        "rows_per_database_cpu_second": round(rows / db_cpu) if db_cpu else None,
        "loader_cpu_seconds": round(self1 - self0, 2),
        "peak_mb": {"loader": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                    "database": round(db1["peak_mb"], 1)},
        "load_average": {"before": load0, "after": _loadavg()},
        **({"samples": samples} if samples else {}),
    }


def extract_base(docs: int, out: Path, workers: int = 2) -> list[Path]:
    """Generate and extract ``docs`` bench documents once; the JSON files the curve cycles over."""
    from policykg.jobs import extract_paths
    from tests.bench_corpus import generate

    manifest = generate(out / "docs", docs)
    result = extract_paths([m["path"] for m in manifest], out / "records", workers, use_cache=False)
    shutil.rmtree(out / "docs", ignore_errors=True)
    return sorted(result.written)


def curve(sizes: list[int], files: list[Path], every: int = 0) -> list[dict[str, Any]]:
    """One fresh database per size, in a fresh process each (a peak RSS is per process)."""
    import multiprocessing as mp

    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="policykg-bench-load-") as tmp, \
                mp.get_context("spawn").Pool(1) as pool:
            row = pool.apply(_measure_size, ([str(f) for f in files], size, tmp, every))
        rows.append({"size": size, **row})
    return rows


def _measure_size(files: list[str], size: int, tmp: str, every: int = 0) -> dict[str, Any]:
    return measure_load(cloned_records([Path(f) for f in files], size), Path(tmp) / "home", every)


def report(rows: list[dict[str, Any]]) -> str:
    lines = ["| documents | relationships | seconds | rel/s | database CPU s | rows per DB CPU-s | "
             "loader CPU s | peak MB loader / database | load average before → after |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        la = r["load_average"]
        lines.append(
            f"| {r['size']:,} | {r['relationships']:,} | {r['seconds']:.1f} | {r['rels_per_s']:,} | "
            f"{r['database_cpu_seconds']:.1f} | {r['rows_per_database_cpu_second']:,} | "
            f"{r['loader_cpu_seconds']:.1f} | {r['peak_mb']['loader']:.0f} / {r['peak_mb']['database']:.0f} | "
            f"{la['before'][0]:.1f} → {la['after'][0]:.1f} |")
    for r in rows:
        if r.get("samples"):
            lines.append(f"during the {r['size']:,}-document load: documents, s, s per 1,000 since the last "
                         "sample, database CPU s, RSS MB loader / database, load average")
            last_docs, last_s = 0, 0.0
            for x in r["samples"]:
                per = (x["seconds"] - last_s) / (x["documents"] - last_docs) * 1000
                lines.append(f"  {x['documents']:,} {x['seconds']:.0f} {per:.1f} {x['database_cpu_seconds']:.0f} "
                             f"{x['rss_mb']['loader']} / {x['rss_mb']['database']} {x['load_average'][0]}")
                last_docs, last_s = x["documents"], x["seconds"]
    if len(rows) > 1:  # linear: the same cost per document at every size
        first = rows[0]
        lines.append("per-document time relative to the smallest size: " + ", ".join(
            f"{r['size']:,}: {(r['seconds'] / r['size']) / (first['seconds'] / first['size']):.2f}"
            for r in rows))
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench_load", description=__doc__.split("\n")[0])
    parser.add_argument("--curve", default="1000,10000", help="sizes, comma-separated (1000,10000)")
    parser.add_argument("--base", type=int, default=2000, help="documents extracted once and cycled (2,000)")
    parser.add_argument("--records", type=Path, default=None,
                        help="a folder of records JSON to cycle instead of extracting --base documents")
    parser.add_argument("--json", type=Path, default=Path("out/bench_load.json"))
    parser.add_argument("--every", type=int, default=0,
                        help="sample time, CPU and memory every so many documents (a curve from one run)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.curve.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="policykg-bench-base-") as tmp:
        files = (sorted(args.records.glob("*.json")) if args.records
                 else extract_base(args.base, Path(tmp)))
        if not files:
            parser.error("no records to load")
        rows = curve(sizes, files, args.every)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"curve": rows, "base_documents": len(files)}, indent=1) + "\n",
                         encoding="utf-8")
    print(report(rows))
    print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
