"""The embedded server's life cycle and the Store, against the real embedded database."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from graph.store.embedded import Connection, ensure_server, server_status, stop_server
from graph.store.store import Store, open_store
from schemas.errors import QueryError, StoreError, WriteRefused


def _serve_processes(home: Path) -> list[int]:
    """Pids of `graph.store.embedded serve` processes for ``home`` (Linux /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"graph.store.embedded" in cmd and str(home).encode() in cmd:
                pids.append(int(entry.name))
    return pids


def test_store_ensure_server_reuses_the_running_server(embedded_home: Path) -> None:
    first = ensure_server(embedded_home)
    second = ensure_server(embedded_home)
    assert first.uri == second.uri
    assert len(_serve_processes(embedded_home)) == 1
    for name in ("server.json", "credentials"):
        assert (embedded_home / name).stat().st_mode & 0o077 == 0
    assert "password" not in repr(first) and first.password not in repr(first)


def test_store_kind_and_plain_values(store: Store, uid: str) -> None:
    assert store.kind == "embedded"
    store.query("CREATE (a:Plan {id: $a, doc_id: $d})-[:IMPLEMENTS {doc_id: $d}]->"
                "(b:Plan {id: $b, in_corpus: false}) SET a.when = date('2025-06-30')",
                {"a": f"plan:{uid}:a", "b": f"plan:{uid}:b", "d": uid}, write=True)
    rows = store.query("MATCH (a:Plan {id: $a})-[r]->(b) RETURN a, r, b, a.when AS when",
                       {"a": f"plan:{uid}:a"})
    assert rows[0]["when"] == "2025-06-30"
    assert rows[0]["a"]["_labels"] == ["Plan"] and rows[0]["a"]["when"] == "2025-06-30"
    assert rows[0]["r"]["_type"] == "IMPLEMENTS" and rows[0]["r"]["doc_id"] == uid
    json.dumps(rows)  # JSON-able
    store.query("MATCH (n:Plan) WHERE n.id STARTS WITH $p DETACH DELETE n",
                {"p": f"plan:{uid}"}, write=True)


@pytest.mark.parametrize("cypher", [
    "CREATE (n:Plan {id: 'refused'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Bureau) SET n.name = 'x'",
    "CREATE INDEX refused_idx IF NOT EXISTS FOR (n:Plan) ON (n.title)",
])
def test_store_read_only_query_refuses_writes(store: Store, cypher: str, uid: str) -> None:
    # ArcadeDB refuses per record written: a write that touches nothing is not refused.
    store.query("CREATE (:Bureau {id: $id, name: 'x0'})", {"id": f"bureau:{uid}"}, write=True)
    before = store.query("MATCH (n) RETURN count(n) AS c")[0]["c"]
    with pytest.raises(WriteRefused, match="pass --write"):
        store.query(cypher)
    assert store.query("MATCH (n) RETURN count(n) AS c")[0]["c"] == before
    assert store.query("MATCH (b:Bureau {id: $id}) RETURN b.name AS name",
                       {"id": f"bureau:{uid}"}) == [{"name": "x0"}]
    store.query("MATCH (b:Bureau {id: $id}) DELETE b", {"id": f"bureau:{uid}"}, write=True)


def test_store_query_errors_are_query_errors(store: Store) -> None:
    with pytest.raises(QueryError):
        store.query("MATC (n) RETURN n")
    with pytest.raises(QueryError):
        store.query("RETURN $x AS x", {"x": object()})


def test_store_wrong_password_fails_fast(embedded_home: Path) -> None:
    conn = ensure_server(embedded_home)
    env = {"NEO4J_URI": conn.uri, "NEO4J_USER": "root", "NEO4J_PASSWORD": "not-the-Secret-42",
           "NEO4J_DATABASE": conn.database or ""}
    started = time.monotonic()
    with pytest.raises(StoreError, match="authentication failed") as err:
        open_store(env=env)
    assert time.monotonic() - started < 5
    assert "not-the-Secret-42" not in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("uri", ["bolt://127.0.0.1:1", "neo4j://127.0.0.1:1"])
def test_store_unreachable_server_fails_fast(uri: str) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError, match="127.0.0.1:1"):
        open_store(env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "pw-Secret"})
    assert time.monotonic() - started < 10


def test_store_rejects_unknown_scheme() -> None:
    with pytest.raises(StoreError, match="scheme"):
        open_store(env={"NEO4J_URI": "http://127.0.0.1:7474"})


def test_store_reads_dotenv_and_real_env_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / ".env").write_text("NEO4J_URI=bolt://127.0.0.1:1\nNEO4J_PASSWORD=x\n")
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1\b"):
        open_store()
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:2")
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:2\b"):
        open_store()


def test_store_data_persists_across_restart(embedded_home: Path, uid: str) -> None:
    with open_store(env={}, home=embedded_home) as s:
        s.query("CREATE (:Bureau {id: $id, name: '区统计局'})", {"id": f"bureau:{uid}"}, write=True)
    old_pid = server_status(embedded_home)["pid"]
    assert stop_server(embedded_home) is True
    assert server_status(embedded_home) is None and not _serve_processes(embedded_home)
    with open_store(env={}, home=embedded_home) as s:
        assert server_status(embedded_home)["pid"] != old_pid
        rows = s.query("MATCH (b:Bureau {id: $id}) RETURN b.name AS name", {"id": f"bureau:{uid}"})
        assert rows == [{"name": "区统计局"}]
        with pytest.raises(WriteRefused):  # the read-only user survives the restart too
            s.query("MATCH (b:Bureau {id: $id}) DELETE b", {"id": f"bureau:{uid}"})
        s.query("MATCH (b:Bureau {id: $id}) DELETE b", {"id": f"bureau:{uid}"}, write=True)
    # SIGTERM stopped the JVM cleanly: no crash report
    assert not list((embedded_home / "log").glob("hs_err*"))


def test_store_concurrent_callers_spawn_one_server_that_idles_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("POLICYKG_IDLE_TIMEOUT", "3")
    results: list[Connection] = []
    threads = [threading.Thread(target=lambda: results.append(ensure_server(home))) for _ in range(3)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(results) == 3 and len({c.uri for c in results}) == 1
        assert len(_serve_processes(home)) == 1
        deadline = time.monotonic() + 30
        while server_status(home) is not None and time.monotonic() < deadline:
            time.sleep(0.5)
        assert server_status(home) is None
        assert "stopping (idle)" in (home / "server.log").read_text(errors="replace")
        assert not list((home / "log").glob("hs_err*"))
    finally:
        stop_server(home)
    deadline = time.monotonic() + 20  # the idle server has said it stops; give the JVM time to exit
    while _serve_processes(home) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _serve_processes(home)
    assert (home / "log").is_dir()  # ArcadeDB's own log lands in home, not the working directory
