"""Extraction on a Dask cluster: the same per-document function (``batch._work``) as the forked
workers, run by dask.distributed, on a LocalCluster of local processes or on the cluster behind a
scheduler address (``policykg extract --engine dask [--scheduler tcp://host:8786]``).

Outcomes come back in input order from a window of tasks in flight, so a million documents never
put a million futures on the scheduler at once. Each worker warms up once (OpenCC, jieba) through a
plugin. Paths, the output folder and the cache are the client's: on a cluster they must name the
same files on every machine (a shared file system), as with any Dask job reading files.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from typing import Any, Iterator, Optional

from schemas.errors import ClusterError
from schemas.paths import shown

from .batch import Outcome, _gc_settings, _warm, _work

#: Tasks in flight per worker thread: enough to keep every worker busy while results stream back.
PER_WORKER = 8
#: Documents per task at most (fewer when there are few documents, so every worker gets some).
MAX_CHUNK = 16
#: How long a scheduler address may take to answer before the run fails in one line.
CONNECT_SECONDS = 20


def _warm_worker(dask_worker: Any = None) -> None:
    """What the forked pool's parent does once (pipeline.batch._warm), on a Dask worker."""
    _gc_settings()
    _warm()


def _connect(scheduler: Optional[str], workers: Optional[int]) -> tuple[Any, Any]:
    """(client, the LocalCluster started here or None)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # an install without the dependency
        raise ClusterError(f"--engine dask needs dask.distributed: pip install 'dask[distributed]' ({exc})") from None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_SECONDS), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {shown(scheduler)}: {exc}") from None


def _work_many(jobs: list[tuple[str, Optional[str], Optional[str], bool]]) -> list[Outcome]:
    """Several documents in one task: Dask's own cost per task (a few ms on the scheduler,
    tests/bench figures in docs/cluster.md) is paid once per chunk."""
    return [_work(job) for job in jobs]


def extract_on_dask(jobs: list[tuple[str, Optional[str], Optional[str], bool]], scheduler: Optional[str] = None,
                    workers: Optional[int] = None) -> Iterator[Outcome]:
    """``batch._work`` for every job on Dask, outcomes in input order. A task the cluster loses
    (its worker died, even after Dask's retries) is the one-line failure of each of its documents."""
    client, cluster = _connect(scheduler, workers)
    try:
        client.register_worker_callbacks(_warm_worker)
        threads = max(1, sum(client.nthreads().values()))
        size = max(1, min(MAX_CHUNK, len(jobs) // (PER_WORKER * threads)))
        chunks = iter([jobs[i:i + size] for i in range(0, len(jobs), size)])
        pending: deque[tuple[list[Any], Any]] = deque()
        while True:
            while len(pending) < PER_WORKER * threads:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, client.submit(_work_many, chunk, pure=False)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                yield from future.result()
            except Exception as exc:  # KilledWorker, a lost connection: the documents failed, not the run
                for job in chunk:
                    name = shown(job[0])
                    yield Outcome(name, error=f"{name}: lost on the cluster ({type(exc).__name__}: {shown(str(exc))})")
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
