"""Two and four ``policykg load`` processes at once on overlapping documents leave no duplicate
node (issue 17, item 7); the threads of tests/graph/store/test_load.py are not processes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.embedded import running_server

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted((ROOT / "tests" / "fixtures" / "docs").glob("*.txt"))[:4]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory):
    with running_server(tmp_path_factory.mktemp("concurrent-load-home")) as path:
        yield path


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return {**env, "POLICYKG_HOME": str(home), "POLICYKG_WORKERS": "1"}


def _query(home: Path, cypher: str) -> list[dict]:
    result = subprocess.run([sys.executable, "-m", "policykg.cli", "query", cypher, "--format", "json"],
                            capture_output=True, text=True, cwd=ROOT, env=_env(home), timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("processes", [2, 4])
def test_cli_concurrent_loads_leave_no_duplicate(home: Path, processes: int) -> None:
    # Each process loads three of the four documents, starting at a different one.
    sets = [[DOCS[(i + k) % len(DOCS)] for k in range(3)] for i in range(processes)]
    procs = [subprocess.Popen([sys.executable, "-m", "policykg.cli", "load", *map(str, s), "--workers", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                              env=_env(home)) for s in sets]
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "loaded 3 plan(s)" in out
    dupes = _query(home, "MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id, c")
    assert dupes == []
    plans = _query(home, "MATCH (p:Plan) WHERE p.in_corpus = true RETURN count(p) AS n")
    assert plans == [{"n": len(DOCS)}]
