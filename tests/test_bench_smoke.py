"""The benchmark runs end to end on a tiny corpus and writes every figure; timings are never asserted."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests import bench, bench_hostile
from tests.bench_corpus import generate


def test_generator_makes_distinct_documents(tmp_path: Path) -> None:
    manifest = generate(tmp_path / "docs", 14)
    files = sorted((tmp_path / "docs").iterdir())
    assert len(files) == 14 == len(manifest)
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == 14
    again = generate(tmp_path / "again", 14)
    assert [m["sha256"] for m in again] == [m["sha256"] for m in manifest]


def test_bench_smoke_writes_expected_keys(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    assert bench.main(["--docs", "5", "--json", str(out), "--no-startup", "--query-plans", "12"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"machine", "corpus", "extraction", "baseline_opencc_jieba", "ratio", "load", "memory",
            "goals", "total_seconds", "queries"} <= data.keys()
    from graph.store.queries import list_queries

    timed = data["queries"]
    assert [q["query"] for q in timed["queries"]] == [q.name for q in list_queries()]
    assert timed["plans"] > 0 and timed["targets"] > 0
    assert all(q["seconds"] >= 0 and q["rows"] >= 0 for q in timed["queries"])
    assert {"nproc", "cpu_model", "python"} <= data["machine"].keys()
    assert data["corpus"]["documents"] == 5 and data["corpus"]["distinct_sha256"] == 5
    assert {"docs_per_s", "mb_per_s", "seconds", "workers"} <= data["extraction"].keys()
    assert data["extraction"]["failed"] == 0 and data["extraction"]["cached"] == 0
    assert "wall" in data["ratio"]
    assert {"rels_per_s", "relationships", "seconds"} <= data["load"].keys()
    assert data["load"]["relationships"] > 0
    assert {"self_mb", "children_mb"} <= data["memory"]["final"].keys()


def test_bench_hostile_smoke_reports_every_input(tmp_path: Path) -> None:
    out = tmp_path / "hostile.json"
    assert bench.main(["--hostile", "0.0001", "--json", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["hostile"]
    assert set(rows) == set(bench_hostile.INPUTS)
    assert all({"seconds", "peak_mb", "error"} <= r["full"].keys() for r in rows.values())
