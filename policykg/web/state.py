"""What the app holds: one store (the driver is thread-safe), the model read from it, refreshed
in the background when older than ``refresh`` seconds (readers keep the previous one meanwhile,
so pages answer while a load runs), the search index built with it, and the source texts."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Optional

import networkx as nx

from graph.store.read import read_graph
from graph.store.store import Store
from policykg.web.search import BigramIndex
from policykg.web.texts import Texts


@dataclass(frozen=True)
class Snapshot:
    graph: nx.MultiDiGraph
    index: BigramIndex
    read_at: float
    seconds: float


class Workbench:
    def __init__(self, store: Store, texts: Optional[Texts] = None, refresh: float = 30.0) -> None:
        self.store = store
        self.texts = texts or Texts()
        self.refresh = refresh
        self._lock = threading.Lock()
        self._reading = False
        self._snapshot: Optional[Snapshot] = None

    def _read(self) -> Snapshot:
        t0 = time.perf_counter()
        G = read_graph(self.store)
        snap = Snapshot(G, BigramIndex(G), time.monotonic(), time.perf_counter() - t0)
        self._snapshot = snap
        return snap

    def _background(self) -> None:
        try:
            self._read()
        except Exception:  # a failed refresh keeps the model we have; the next request retries
            pass
        finally:
            self._reading = False

    def snapshot(self) -> Snapshot:
        snap = self._snapshot
        if snap is None:
            with self._lock:
                return self._snapshot or self._read()
        if time.monotonic() - snap.read_at > self.refresh:
            with self._lock:
                if not self._reading:
                    self._reading = True
                    threading.Thread(target=self._background, name="policykg-web-refresh", daemon=True).start()
        return snap

    def reload(self) -> Snapshot:
        with self._lock:
            return self._read()

    @property
    def graph(self) -> nx.MultiDiGraph:
        return self.snapshot().graph
