"""``policykg serve`` as a user runs it: it prints the address it listens on (a free loopback
port), answers there, and a port already taken is one ``Error:`` line."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["POLICYKG_HOME"] = str(home)
    return env


def test_cli_serve_prints_its_loopback_address_and_answers(web_store, web_home, documents):
    proc = subprocess.Popen([sys.executable, "-m", "policykg.cli", "serve", *documents[1:3]], cwd=ROOT,
                            env=_env(web_home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("policykg workbench at http://127.0.0.1:"), line
        url = line.split(" at ", 1)[1].split()[0]
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(url + "plans", timeout=10)
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert r.status_code == 200 and "规划" in r.text
        assert httpx.get(url + "api/health", timeout=10).json()["texts"] > 0
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_cli_serve_port_taken_is_one_error_line(web_store, web_home, server):
    port = server.url.rstrip("/").rsplit(":", 1)[1]
    done = subprocess.run([sys.executable, "-m", "policykg.cli", "serve", "--port", port], cwd=ROOT,
                          env=_env(web_home), capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.startswith("Error: [E") and "cannot listen" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
