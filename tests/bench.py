"""``make bench``: throughput of extraction and loading on a generated corpus, measured, never asserted.

One run prints and writes (``--json``, default out/bench.json):

- extraction: documents/s and MB/s of ``pipeline.batch.extract_many`` with ``--workers`` (2)
  workers and the cache disabled, on N generated documents (``--docs``, 300; ``--full``: 10,000),
  no two with the same content hash (see tests/bench_corpus.py);
- the ratio of that wall time to bare OpenCC(tw2s) + jieba.lcut over the same texts in this one
  process (goal ≤ 0.6), with and without start-up on both sides; and of CPU time (the parent's and
  its workers' against the bare process's), which a loaded machine disturbs less than wall time;
- the load average when extraction starts and when the baseline ends (the machine is shared);
- CPU per document of the pipeline (decode → records JSON) and of the bare baseline, document by
  document in one fresh process (``--no-interleaved`` skips it): the ratio a busy machine disturbs
  least; divided by the 2 workers it is the wall ratio an idle machine would show, start-up apart;
- peak memory: max RSS of this process and of its children (workers, then the database server);
- loading: relationships/s of ``policykg.jobs.load_records`` (what ``policykg load`` runs) into a
  fresh embedded database in a temporary POLICYKG_HOME (goal ≥ 5,000/s at 300), with the
  database's CPU time, rows per CPU-second, peak RSS per process and the load average
  (tests/bench_load.py); ``--load-curve 1000,10000`` (``make bench`` passes 10000) also loads those
  numbers of documents, the extracted records cycled as distinct plans (goal ≥ 15,000/s and < 1 GB
  per process at 10,000);
- queries: every named query timed on ``--query-plans`` (1,200) generated documents (≈ 1,040 plans) loaded into
  another fresh embedded database (tests/bench_queries.py; goal < 2 s each; ``--no-queries``);
- the machine: nproc, CPU model, Python version.

Usage: python -m tests.bench [--docs N | --full] [--workers 2] [--json PATH] [--no-load] [--keep]
       python -m tests.bench --hostile [SCALE]   (hostile documents: tests/bench_hostile.py)
       [--query-plans N | --no-queries]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

from tests.bench_corpus import ROOT, generate
from tests.bench_queries import bench_queries, report_queries

GOAL_RATIO = 0.6
GOAL_MEMORY_MB = 1024
GOAL_LOAD_RELS = 5000
FULL_DOCS = 10_000
QUERY_DOCS = 1_200  # ≈ 1,040 plans once later versions replace earlier ones
_TAG = re.compile(r"<[^>]*>")


def _mb(kb: int) -> float:
    return round(kb / 1024, 1)  # ru_maxrss is in KiB on Linux


def _maxrss() -> dict[str, float]:
    return {"self_mb": _mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            "children_mb": _mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)}


def machine_info() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    except (OSError, AttributeError):
        mem_kb = 0
    return {"nproc": os.cpu_count(), "cpu_model": cpu, "python": platform.python_version(),
            "implementation": platform.python_implementation(), "platform": platform.platform(),
            "memory_gb": round(mem_kb / 1024 / 1024, 1)}


def _rate(count: float, seconds: float) -> float:
    return round(count / seconds, 2) if seconds > 0 else float("inf")


def bench_extraction(paths: list[Path], workers: int, out: Path) -> tuple[dict[str, Any], list[Path]]:
    from policykg.jobs import extract_paths
    from schemas.validate import validate_records_json

    total = sum(p.stat().st_size for p in paths)
    cpu_before = _cpu_seconds()
    started = time.perf_counter()  # what `policykg extract folder -o out` does: JSON files on disk
    result = extract_paths([str(p) for p in paths], out, workers, use_cache=False)
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before  # the workers are reaped when the pool closes
    counts = {"targets": 0, "milestones": 0, "actions": 0}
    for f in result.written:  # one at a time: the harness must not hold the corpus in memory
        r = validate_records_json(f.read_text(encoding="utf-8"))
        counts["targets"] += len(r.targets)
        counts["milestones"] += len(r.milestones)
        counts["actions"] += len(r.actions)
    failed = result.failed
    return {
        "workers": workers, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "documents": len(paths),
        "failed": len(failed), "failures": [o.error for o in failed[:5]],
        "cached": result.cached, "megabytes": round(total / 1e6, 3),
        "docs_per_s": _rate(len(paths), seconds), "mb_per_s": _rate(total / 1e6, seconds),
        **counts,
    }, result.written


def _cpu_seconds() -> float:
    """User + system CPU of this process and of its children reaped so far."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _load() -> Optional[float]:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _bare_text(path: Path, encoding: str) -> str:
    text = path.read_bytes().decode(encoding, errors="replace")
    return _TAG.sub(" ", text) if path.suffix.lower() in (".htm", ".html") else text


def bench_bare(manifest: list[dict[str, Any]]) -> dict[str, Any]:
    """Read + decode + OpenCC tw2s + jieba.lcut per document, one process, start-up included."""
    started, cpu_started = time.perf_counter(), time.process_time()
    import logging

    import jieba
    import opencc

    jieba.setLogLevel(logging.WARNING)
    converter = opencc.OpenCC("tw2s")
    jieba.initialize()
    init = time.perf_counter() - started
    tokens = 0
    for entry in manifest:
        text = _bare_text(Path(entry["path"]), entry["encoding"])
        tokens += len(jieba.lcut(converter.convert(text)))
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 3), "init_seconds": round(init, 3),
            "cpu_seconds": round(time.process_time() - cpu_started, 3),
            "docs_per_s": _rate(len(manifest), seconds), "tokens": tokens}


def bench_interleaved(manifest: list[dict[str, Any]]) -> dict[str, Any]:
    """CPU per document of the whole pipeline (decode → records JSON) and of bare OpenCC + jieba,
    document by document in one process, so a loaded machine slows both alike; start-up apart."""
    import logging

    import jieba
    import opencc

    from pipeline import run
    from pipeline.batch import _warm
    from pipeline.decode import decode, read_limited

    cpu = time.process_time
    t = cpu()
    _warm()
    pipe_init = cpu() - t
    t = cpu()
    jieba.setLogLevel(logging.WARNING)
    converter = opencc.OpenCC("tw2s")
    jieba.initialize()
    bare_init = cpu() - t
    pipe = bare = 0.0
    for entry in manifest:
        path = Path(entry["path"])
        t = cpu()
        run(decode(read_limited(path, 50_000_000), str(path))).model_dump_json(indent=1)
        pipe += cpu() - t
        t = cpu()
        jieba.lcut(converter.convert(_bare_text(path, entry["encoding"])))
        bare += cpu() - t
    return {"documents": len(manifest), "pipeline_cpu_seconds": round(pipe, 3), "bare_cpu_seconds": round(bare, 3),
            "ratio": round(pipe / bare, 3) if bare else None,
            "pipeline_startup_cpu_seconds": round(pipe_init, 3), "bare_startup_cpu_seconds": round(bare_init, 3)}


def pipeline_startup_seconds() -> Optional[float]:
    """What one worker pays before its first document (``pipeline.batch._warm``), measured in a
    fresh interpreter so this process stays cold for the baseline."""
    code = ("import time; t = time.perf_counter(); from pipeline.batch import _warm; _warm(); "
            "print(time.perf_counter() - t)")
    try:
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                             text=True, timeout=300, check=True).stdout
        return round(float(out.strip().splitlines()[-1]), 3)
    except (subprocess.SubprocessError, ValueError, IndexError):
        return None


def bench_load(files: list[Path], home: Path) -> dict[str, Any]:
    """Load the extracted JSON files the way ``policykg load`` does: streamed, in chunks
    (tests/bench_load.py: the database's CPU time, peak memory per process, the load average)."""
    from schemas.validate import validate_records_json
    from tests.bench_load import measure_load

    records = (validate_records_json(f.read_text(encoding="utf-8")) for f in files)
    result = measure_load(records, home)
    result["note"] = "seconds include reading the JSON and building each chunk's graph"
    return result


def run(docs: int, workers: int = 2, load: bool = True, keep: Optional[Path] = None,
        startup: bool = True, query_plans: int = 0, interleaved: bool = True,
        load_curve: tuple[int, ...] = ()) -> dict[str, Any]:
    """One benchmark run; returns every figure (also what ``--json`` writes)."""
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    try:
        gen_start = time.perf_counter()
        manifest = generate(tmp / "docs", docs)
        paths = [Path(m["path"]) for m in manifest]
        corpus = {"documents": len(manifest), "megabytes": round(sum(m["bytes"] for m in manifest) / 1e6, 3),
                  "distinct_sha256": len({m["sha256"] for m in manifest}),
                  "encodings": sorted({m["encoding"] for m in manifest}),
                  "generate_seconds": round(time.perf_counter() - gen_start, 3)}
        load_before = _load()
        extraction, written = bench_extraction(paths, workers, tmp / "out")
        memory = {"after_extraction": _maxrss()}
        # A fresh interpreter: this process has loaded jieba and OpenCC for the pipeline already.
        with mp.get_context("spawn").Pool(1) as pool:
            bare = pool.apply(bench_bare, (manifest,))
        if interleaved:
            with mp.get_context("spawn").Pool(1) as pool:
                inter = pool.apply(bench_interleaved, (manifest,))
        load_after = _load()
        warm = pipeline_startup_seconds() if startup else None
        ratio = {"wall": round(extraction["seconds"] / bare["seconds"], 3) if bare["seconds"] else None,
                 "cpu": round(extraction["cpu_seconds"] / bare["cpu_seconds"], 3) if bare["cpu_seconds"] else None,
                 "load_average": [load_before, load_after], "startup_seconds_per_worker": warm}
        steady_bare = bare["seconds"] - bare["init_seconds"]
        if warm is not None and steady_bare > 0:
            # Workers warm up in parallel, so the pool's start-up costs about one warm-up of wall.
            ratio["without_startup"] = round(max(extraction["seconds"] - warm, 0) / steady_bare, 3)
        result: dict[str, Any] = {
            "machine": machine_info(), "corpus": corpus, "extraction": extraction,
            "baseline_opencc_jieba": bare, "ratio": ratio,
        }
        if interleaved:
            result["interleaved_cpu"] = inter
        if load:
            result["load"] = bench_load(written, tmp / "home")
        if load_curve:  # the extracted records cycled as distinct plans (tests/bench_load.py)
            from tests.bench_load import curve

            result["load_curve"] = curve(list(load_curve), sorted(written))
        if query_plans:
            result["queries"] = bench_queries(query_plans, workers)
        memory["final"] = _maxrss()
        memory["note"] = ("children_mb is the largest single child reaped so far: the extraction "
                          "workers after extraction, the database server (JVM) once it is stopped")
        result["memory"] = memory
        peak = max(memory["after_extraction"]["self_mb"], memory["after_extraction"]["children_mb"])
        result["goals"] = {
            "ratio_le_0_6": ratio["wall"] is not None and ratio["wall"] <= GOAL_RATIO,
            "extraction_memory_lt_1gb": peak < GOAL_MEMORY_MB,
            "load_rels_per_s_ge_5000": (result["load"]["rels_per_s"] >= GOAL_LOAD_RELS) if load else None,
        }
        if load_curve:
            from tests.bench_load import GOAL_LOAD_RELS as CURVE_RELS
            from tests.bench_load import GOAL_MEMORY_MB as CURVE_MB

            last = result["load_curve"][-1]
            result["goals"][f"load_at_{last['size']}_rels_per_s_ge_{CURVE_RELS}"] = last["rels_per_s"] >= CURVE_RELS
            result["goals"][f"load_at_{last['size']}_memory_lt_1gb"] = max(last["peak_mb"].values()) < CURVE_MB
        result["total_seconds"] = round(time.perf_counter() - started, 3)
        return result
    finally:
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copytree(tmp / "docs", keep / "docs", dirs_exist_ok=True)
        shutil.rmtree(tmp, ignore_errors=True)


def report(result: dict[str, Any]) -> str:
    m, c, e, b, r = (result[k] for k in ("machine", "corpus", "extraction", "baseline_opencc_jieba", "ratio"))
    mem = result["memory"]
    lines = [
        f"machine: {m['nproc']} CPU ({m['cpu_model']}), {m['memory_gb']} GB, Python {m['python']}",
        f"corpus: {c['documents']} documents, {c['megabytes']} MB, {c['distinct_sha256']} distinct "
        f"sha256, encodings {', '.join(c['encodings'])}",
        f"extraction ({e['workers']} workers, no cache): {e['seconds']} s = {e['docs_per_s']} docs/s, "
        f"{e['mb_per_s']} MB/s; {e['failed']} failed; {e['targets']} targets, {e['actions']} actions",
        f"bare OpenCC(tw2s)+jieba.lcut, 1 process: {b['seconds']} s (start-up {b['init_seconds']} s)"
        f" = {b['docs_per_s']} docs/s",
        f"ratio pipeline/bare: {r['wall']} (goal <= {GOAL_RATIO})"
        + (f"; without start-up on either side: {r['without_startup']} "
           f"(worker start-up {r['startup_seconds_per_worker']} s)" if "without_startup" in r else ""),
        f"CPU: pipeline {e['cpu_seconds']} s (parent + {e['workers']} workers), bare {b['cpu_seconds']} s: "
        f"ratio {r['cpu']}; load average {r['load_average'][0]} before, {r['load_average'][1]} after",
    ]
    if "interleaved_cpu" in result:
        i = result["interleaved_cpu"]
        lines.append(
            f"CPU per document, interleaved in one process: pipeline {i['pipeline_cpu_seconds']} s, bare "
            f"{i['bare_cpu_seconds']} s: ratio {i['ratio']} (÷ 2 workers: {round(i['ratio'] / 2, 3) if i['ratio'] else None});"
            f" start-up CPU {i['pipeline_startup_cpu_seconds']} s against {i['bare_startup_cpu_seconds']} s")
    if "load" in result:
        ld = result["load"]
        lines.append(
            f"load: {ld['relationships']} relationships, {ld['nodes']} nodes, {ld['documents']} documents "
            f"in {ld['seconds']} s = {ld['rels_per_s']} rels/s (goal >= {GOAL_LOAD_RELS}), streamed in "
            f"chunks incl. reading JSON and building graphs; server start {ld['server_start_seconds']} s; "
            f"database CPU {ld['database_cpu_seconds']} s = {ld['rows_per_database_cpu_second']} rows per "
            f"CPU-second; peak RSS loader {ld['peak_mb']['loader']} MB, database {ld['peak_mb']['database']} MB; "
            f"load average {ld['load_average']['before'][0]} → {ld['load_average']['after'][0]}")
    if "load_curve" in result:
        from tests.bench_load import report as curve_report

        lines += ["load cost curve (extracted records cycled as distinct plans):", curve_report(result["load_curve"])]
    lines.append(
        f"peak RSS: this process {mem['final']['self_mb']} MB; extraction workers "
        f"{mem['after_extraction']['children_mb']} MB; largest child overall {mem['final']['children_mb']} MB"
        f" (the database server, a JVM; goal < {GOAL_MEMORY_MB} MB for policykg itself)")
    if "queries" in result:
        lines += report_queries(result["queries"])
    lines.append(f"goals: {json.dumps(result['goals'])}; total {result['total_seconds']} s")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to generate (300)")
    parser.add_argument("--full", action="store_true", help=f"{FULL_DOCS:,} documents")
    parser.add_argument("--workers", type=int, default=2, help="extraction workers (2)")
    parser.add_argument("--json", type=Path, default=Path("out/bench.json"), help="where to write the figures")
    parser.add_argument("--no-load", action="store_true", help="skip the database load")
    parser.add_argument("--no-startup", action="store_true",
                        help="skip measuring a worker's start-up in a separate interpreter")
    parser.add_argument("--keep", type=Path, default=None, help="copy the generated corpus here")
    parser.add_argument("--hostile", type=float, nargs="?", const=1.0, default=None, metavar="SCALE",
                        help="instead: hostile documents (tests/bench_hostile.py) at SCALE × full size (1)")
    parser.add_argument("--query-plans", type=int, default=QUERY_DOCS,
                        help=f"documents to load for timing the named queries ({QUERY_DOCS:,}; "
                             "later versions of a plan replace earlier ones, so a few fewer plans)")
    parser.add_argument("--no-queries", action="store_true", help="skip timing the named queries")
    parser.add_argument("--no-interleaved", action="store_true",
                        help="skip the CPU comparison document by document in one process")
    parser.add_argument("--load-curve", default="", metavar="SIZES",
                        help="also load these numbers of documents (comma-separated, e.g. 1000,10000), "
                             "the extracted records cycled as distinct plans, each into a fresh database")
    args = parser.parse_args(argv)
    if args.hostile is not None:
        from tests.bench_hostile import report as hostile_report
        from tests.bench_hostile import run_hostile

        rows = run_hostile(args.hostile)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"hostile": rows}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(hostile_report(rows))
        return 0
    docs = FULL_DOCS if args.full else args.docs
    if docs < 1:
        parser.error("--docs must be at least 1")
    result = run(docs, workers=args.workers, load=not args.no_load, keep=args.keep,
                 startup=not args.no_startup, query_plans=0 if args.no_queries else args.query_plans,
                 interleaved=not args.no_interleaved,
                 load_curve=tuple(int(x) for x in args.load_curve.split(",") if x.strip()))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(report(result))
    print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
