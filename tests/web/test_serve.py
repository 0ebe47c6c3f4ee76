"""The workbench over HTTP: answers, downloads that open, writes refused, the token and host
checks, and 20 concurrent clients answered while a load runs."""
from __future__ import annotations

import io
import json
import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import openpyxl

from graph.store.load import load_graph
from policykg.web.server import bind, is_loopback
from tests.graph.conftest import doc_graph
from tests.web.conftest import serve_in_thread

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def test_serve_pages_answer_with_a_strict_csp(client):
    for path in ("/plans", "/bureaus", "/targets", "/search?q=服务业", "/compare", "/console"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "<script>" not in r.text  # no inline script: only src= and JSON data blocks


def test_serve_search_folds_traditional_and_finds_bureau_by_alias(client, bench):
    G = bench.graph
    bureau, alias = next((n, a) for n, d in G.nodes(data=True) if d["label"] == "Bureau"
                         for a in (d.get("aliases") or []) if a not in (d.get("name") or ""))
    r = client.get("/search", params={"q": alias})
    assert "/bureau?" + str(httpx.QueryParams({"id": bureau})) in r.text
    r = client.get("/search", params={"q": "服務業"})  # traditional: found in the simplified model
    assert "Action" in r.text or "Target" in r.text


def test_serve_targets_filter_and_xlsx_csv_downloads(client, bench):
    from graph.answers.tables import target_table

    rows = target_table(bench.graph).rows
    dated = [r for r in rows if r["deadline"] and r["deadline"] <= "2025-12-31"]
    r = client.get("/targets.xlsx", params={"to": "2025-12-31"})
    assert r.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(r.content)).active
    assert sheet.max_row - 1 == len(dated) > 0
    header = [c.value for c in sheet[1]]
    assert "metric" in header and "evidence" in header
    r = client.get("/targets.csv", params={"metric": rows[0]["metric"]})
    assert r.content.startswith("\ufeff".encode()) and rows[0]["metric"] in r.content.decode("utf-8-sig")
    assert client.get("/targets.pdf").status_code == 404


def test_serve_console_refuses_a_write(client, web_store):
    r = client.get("/console", params={"cypher": "CREATE (n:WebProbe {id: 'x'}) RETURN n"})
    assert r.status_code == 200 and 'id="error"' in r.text
    assert web_store.query("MATCH (n:WebProbe) RETURN count(n) AS n")[0]["n"] == 0
    r = client.get("/console", params={"name": "targets-due-by", "p_date": "2030-12-31"})
    assert 'id="graph-data"' in r.text and 'id="error"' not in r.text


def test_serve_neighbours_pages_with_show_more(client, bench):
    G = bench.graph
    busiest = max((n for n, d in G.nodes(data=True) if d["label"] == "Bureau"), key=G.degree)
    first = client.get("/api/neighbours", params={"id": busiest}).json()
    assert first["total"] >= len(first["nodes"]) - 1 > 0
    assert all(not n["label"].startswith(("bureau:", "action:", "target:")) for n in first["nodes"])
    if first["next"]:
        more = client.get("/api/neighbours", params={"id": busiest, "offset": first["next"]}).json()
        assert {n["id"] for n in more["nodes"][1:]}.isdisjoint({n["id"] for n in first["nodes"][1:]})


def test_serve_refuses_foreign_host_header(client):
    assert client.get("/plans", headers={"host": "evil.example"}).status_code == 400


def test_serve_loopback_rule():
    assert is_loopback("127.0.0.1") and is_loopback("127.0.0.2") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


def test_serve_token_required_when_asked(bench):
    bound = bind(bench, "127.0.0.1", 0, require_token=True)  # the check a non-loopback bind gets
    thread = serve_in_thread(bound)
    try:
        assert bound.token and len(bound.token) >= 24
        with httpx.Client(base_url=bound.url, timeout=30, follow_redirects=True) as c:
            assert c.get("/plans").status_code == 401
            assert c.get("/plans", params={"token": "wrong"}).status_code == 401
            assert c.get("/plans", headers={"authorization": f"Bearer {bound.token}"}).status_code == 200
            r = c.get("/plans", params={"token": bound.token, "lang": "en"})
            assert r.status_code == 200 and "Plans" in r.text  # redirected, the token now a cookie
            assert "token" not in str(r.url)
            assert c.get("/bureaus").status_code == 200
    finally:
        bound.server.should_exit = True
        thread.join(timeout=10)


def test_serve_twenty_clients_answered_while_a_load_runs(server, bench, web_store):
    uid = uuid.uuid4().hex[:10]
    loading = threading.Event()
    done = threading.Event()

    def load() -> None:
        loading.set()
        try:
            for i in range(6):  # documents written while the clients read
                load_graph(web_store, doc_graph(f"{uid}-{i}", bureau=f"区测试局{uid}{i}"))
        finally:
            done.set()

    paths = ["/plans", "/bureaus?q=商务", "/targets?kind=share", "/search?q=服务业", "/compare", "/api/health"]

    def client_run(k: int) -> list[float]:
        times = []
        with httpx.Client(base_url=server.url, timeout=60) as c:
            for j in range(6):
                t0 = time.perf_counter()
                r = c.get(paths[(k + j) % len(paths)])
                assert r.status_code == 200, r.status_code
                times.append(time.perf_counter() - t0)
        return times

    loader = threading.Thread(target=load)
    loader.start()
    loading.wait(10)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=20) as pool:
        latencies = [t for ts in pool.map(client_run, range(20)) for t in ts]
    wall = time.perf_counter() - started
    loader.join(timeout=120)
    assert done.is_set() and len(latencies) == 120
    assert wall < 240  # bounded: every client answered, none waited out its timeout
    latencies.sort()
    figures = {"clients": 20, "requests": len(latencies), "wall_s": round(wall, 2),
               "median_ms": round(statistics.median(latencies) * 1000, 1),
               "p95_ms": round(latencies[int(0.95 * len(latencies)) - 1] * 1000, 1),
               "max_ms": round(latencies[-1] * 1000, 1)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "web-load.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")


def test_serve_keeps_the_embedded_database_in_use_while_serving(bench, tmp_path):
    bound = bind(bench, "127.0.0.1", 0)
    bound.keep_alive = tmp_path
    thread = serve_in_thread(bound)
    try:
        deadline = time.monotonic() + 10
        while not (tmp_path / "last_used").exists():
            assert time.monotonic() < deadline, "the workbench never told the database it is in use"
            time.sleep(0.05)
    finally:
        bound.server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()
