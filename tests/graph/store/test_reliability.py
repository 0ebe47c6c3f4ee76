"""The database dies in the middle of a load: nothing half-loaded remains, the next load completes.

Uses a server of its own (a separate POLICYKG_HOME), since it kills it with SIGKILL.
"""
from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from graph.store.embedded import ensure_server, server_status, stop_server
from graph.store.load import load_graph
from graph.store.store import open_store
from schemas.errors import StoreError
from tests.graph.conftest import doc_graph


def _count(store, doc: str) -> int:
    return store.query("MATCH (n) WHERE n.doc_id = $doc RETURN count(n) AS n", {"doc": doc})[0]["n"]


def test_reliability_server_killed_mid_load(tmp_path):
    home = tmp_path / "home"
    ensure_server(home)
    doc = "killed-mid-load"
    G = doc_graph(doc, sections=3000)
    expected = sum(1 for _, d in G.nodes(data=True) if d.get("doc_id") == doc)
    errors: list[BaseException] = []

    def load() -> None:
        try:
            with open_store(env={}, home=home) as store:
                load_graph(store, G, batch_size=200)
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            errors.append(exc)

    try:
        worker = threading.Thread(target=load)
        worker.start()
        time.sleep(1.0)  # the load is under way (3,000 sections take several seconds)
        pid = server_status(home)["pid"]
        os.kill(pid, signal.SIGKILL)
        worker.join(120)
        assert not worker.is_alive()
        if not errors:
            pytest.skip("the load finished before the server was killed; nothing to check")
        assert isinstance(errors[0], StoreError), repr(errors[0])
        assert "\n" not in str(errors[0])
        with open_store(env={}, home=home) as store:  # a new server on the same data
            assert _count(store, doc) in (0, expected)
            load_graph(store, G)
            assert _count(store, doc) == expected
    finally:
        stop_server(home)
