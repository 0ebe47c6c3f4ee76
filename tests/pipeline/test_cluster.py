"""The Dask engine on a real LocalCluster of worker processes: the same files as the forked
workers, the same cache, failures as the same one-line outcomes."""
import os
from pathlib import Path

import pytest

from pipeline.batch import extract_many
from pipeline.cluster import extract_on_dask
from schemas.errors import ClusterError

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted(p for p in (ROOT / "tests/fixtures/docs").iterdir() if p.suffix != ".json")


def test_cluster_records_identical_to_forked_workers(tmp_path, monkeypatch):
    broken = tmp_path / "empty.txt"
    broken.write_bytes(b"")
    docs = [*FIXTURES, broken]
    forked = [tmp_path / "forked" / f"{p.name}.json" for p in docs]
    dask = [tmp_path / "dask" / f"{p.name}.json" for p in docs]
    cache = tmp_path / "cache"
    by_fork = list(extract_many(docs, 2, None, forked, first_listed=False))
    by_dask = list(extract_many(docs, 3, cache, dask, first_listed=False, engine="dask"))
    assert [o.path for o in by_dask] == [o.path for o in by_fork]  # input order
    assert [o.error for o in by_dask] == [o.error for o in by_fork]
    assert by_dask[-1].error and by_dask[-1].error.startswith("[E002]")  # `failed: [E002] …` in the CLI
    for a, b in zip(forked[:-1], dask[:-1]):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert len(list(cache.iterdir())) == len(FIXTURES)  # the workers filled the client's cache
    monkeypatch.setattr("pipeline.cluster.PER_WORKER", 1)  # 11 documents, 2 workers: tasks of 5
    again = list(extract_many(docs, 2, cache, dask, first_listed=False, engine="dask"))
    assert [o.path for o in again] == [o.path for o in by_fork]
    assert [o.cached for o in again] == [True] * len(FIXTURES) + [False]
    for a, b in zip(forked[:-1], dask[:-1]):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_cluster_workers_are_separate_processes(tmp_path):
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            pids = set(client.run(os.getpid).values())
            outcomes = list(extract_on_dask([(str(p), None, None, False) for p in FIXTURES[:4]],
                                            cluster.scheduler_address))
    assert len(pids) == 2 and os.getpid() not in pids
    assert all(o.ok and o.json for o in outcomes)


def test_cluster_unreachable_scheduler_is_one_error(monkeypatch):
    monkeypatch.setattr("pipeline.cluster.CONNECT_SECONDS", 2)
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        list(extract_on_dask([(str(FIXTURES[0]), None, None, False)], "tcp://127.0.0.1:9"))
