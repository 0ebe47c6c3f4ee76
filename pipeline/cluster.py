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


def extract_on_dask(jobs: list[tuple[str, Optional[str], Optional[str], bool]], scheduler: Optional[str] = None,
                    workers: Optional[int] = None) -> Iterator[Outcome]:
    """``batch._work`` for every job on Dask, outcomes in input order. A task the cluster loses
    (its worker died, even after Dask's retries) is that document's one-line failure."""
    client, cluster = _connect(scheduler, workers)
    try:
        client.register_worker_callbacks(_warm_worker)
        window = PER_WORKER * max(1, sum(client.nthreads().values()))
        pending: deque[tuple[str, Any]] = deque()
        queue = iter(jobs)
        while True:
            while len(pending) < window:
                job = next(queue, None)
                if job is None:
                    break
                pending.append((job[0], client.submit(_work, job, pure=False)))
            if not pending:
                return
            path, future = pending.popleft()
            try:
                yield future.result()
            except Exception as exc:  # KilledWorker, a lost connection: the document failed, not the run
                name = shown(path)
                yield Outcome(name, error=f"{name}: lost on the cluster ({type(exc).__name__}: {shown(str(exc))})")
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
