"""The embedded server's data folder under issue 17's attacks: private files, a server known by the
home it serves, no lockout by others, damaged files refused. Real servers, homes of their own."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.store.embedded import ensure_server, server_status, stop_server
from graph.store.store import open_store
from schemas.errors import QueryError, StoreCorrupt, StoreError

ROOT = Path(__file__).resolve().parents[3]
GOOD = ROOT / "tests" / "fixtures" / "compare" / "city_plan.txt"
SLOW = "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n"


def _cli(*args: object, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["POLICYKG_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "policykg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory):
    """A server whose statement ceiling is 3 s (POLICYKG_QUERY_CEILING, read at its start)."""
    path = tmp_path_factory.mktemp("home-attacks") / "home"
    saved = os.environ.get("POLICYKG_QUERY_CEILING")
    os.environ["POLICYKG_QUERY_CEILING"] = "3"
    try:
        ensure_server(path)
    finally:
        if saved is None:
            os.environ.pop("POLICYKG_QUERY_CEILING")
        else:
            os.environ["POLICYKG_QUERY_CEILING"] = saved
    try:
        yield path
    finally:
        stop_server(path)


def _private(path: Path) -> list[str]:
    """Everything under ``path`` that others may read, write or enter."""
    return [f"{p} {p.stat().st_mode & 0o777:o}" for p in [path, *path.rglob("*")]
            if not p.is_symlink() and p.stat().st_mode & 0o077]


def test_home_first_command_extract_makes_it_private(tmp_path: Path) -> None:
    home = tmp_path / "fresh" / "home"
    result = _cli("extract", GOOD, "-o", tmp_path / "plan.json", home=home)
    assert result.returncode == 0, result.stderr
    assert home.stat().st_mode & 0o777 == 0o700


def test_home_server_files_are_private(home: Path) -> None:
    with open_store(env={}, home=home) as store:
        store.query("CREATE (:Bureau {id: 'bureau:modes', name: 'x'})", write=True)
        store.query("MATCH (b:Bureau {id: 'bureau:modes'}) DELETE b", write=True)
    assert home.stat().st_mode & 0o777 == 0o700
    assert _private(home / "arcadedb") == [] and _private(home / "log") == []
    for name in ("credentials", "server.json", "server.lock", "last_used", "server.log"):
        assert (home / name).stat().st_mode & 0o077 == 0, name


def test_home_server_ceiling_stops_a_runaway_statement(home: Path) -> None:
    """With no client deadline at all, the server itself gives up after its ceiling."""
    started = time.monotonic()
    with open_store(env={}, home=home) as store, pytest.raises(QueryError, match="time limit"):
        store.query(SLOW)
    assert time.monotonic() - started < 30


def test_home_copy_does_not_talk_to_or_stop_the_original(home: Path, tmp_path: Path) -> None:
    original = server_status(home)
    copy = tmp_path / "copy"
    shutil.copytree(home, copy, symlinks=True)  # as cp -a: server.json names the original's pid
    assert json.loads((copy / "server.json").read_text())["pid"] == original["pid"]
    assert server_status(copy) is None
    assert stop_server(copy) is False
    assert server_status(home)["pid"] == original["pid"]


def test_home_foreign_server_json_is_not_trusted_or_killed(home: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir(mode=0o700)
    shutil.copy(home / "server.json", other / "server.json")
    assert stop_server(other) is False
    assert server_status(home) is not None


def test_home_deleted_server_json_is_recovered(home: Path) -> None:
    pid = server_status(home)["pid"]
    (home / "server.json").unlink()
    conn = ensure_server(home)  # no second server: the running one writes its state again
    assert server_status(home)["pid"] == pid
    with open_store(env={}, home=home) as store:
        assert store.query("RETURN 1 AS one") == [{"one": 1}]
    assert conn.uri.endswith(str(server_status(home)["bolt_port"]))


def _bad_logins(home: Path, user: str, times: int = 6) -> None:
    port = server_status(home)["bolt_port"]
    for _ in range(times):
        with pytest.raises(StoreError):
            open_store(env={"NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_USER": user,
                            "NEO4J_PASSWORD": "wrong-password", "NEO4J_DATABASE": "policykg"})


def test_home_others_cannot_lock_the_tool_out(home: Path) -> None:
    """Wrong passwords for root (the name anyone can guess) leave our own users working; wrong
    passwords for our user (which only the credentials file names) say "locked out"."""
    _bad_logins(home, "root")
    with open_store(env={}, home=home) as store:
        assert store.query("RETURN 1 AS one") == [{"one": 1}]
    creds = json.loads((home / "credentials").read_text())
    _bad_logins(home, creds["reader_user"])
    with pytest.raises(StoreError, match="locked out"):
        open_store(env={}, home=home)


@pytest.fixture
def stopped_copy(tmp_path: Path) -> Path:
    """A home with data, its server stopped: a copy of nothing running."""
    path = tmp_path / "damaged"
    ensure_server(path)
    with open_store(env={}, home=path) as store:
        store.query("CREATE (:Plan {id: 'plan:damage', title: 't'})", write=True)
    assert stop_server(path) is True
    return path


def _damage_bucket(home: Path) -> Path:
    bucket = next((home / "arcadedb" / "databases" / "policykg").glob("Plan_0.*.bucket"))
    with open(bucket, "r+b") as fh:
        fh.truncate(1000)
    return bucket


def test_home_truncated_bucket_is_refused_at_start_and_by_db_check(stopped_copy: Path) -> None:
    bucket = _damage_bucket(stopped_copy)
    with pytest.raises(StoreCorrupt, match=bucket.name):
        ensure_server(stopped_copy)
    assert server_status(stopped_copy) is None
    result = _cli("db", "check", home=stopped_copy)
    assert result.returncode == 1 and bucket.name in result.stderr and "truncated" in result.stderr
    result = _cli("query", "MATCH (n) RETURN count(n)", home=stopped_copy)
    assert result.returncode == 1 and "damaged" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_home_bad_schema_is_refused(stopped_copy: Path) -> None:
    (stopped_copy / "arcadedb" / "databases" / "policykg" / "schema.json").write_text("{not json")
    with pytest.raises(StoreCorrupt, match="schema.json"):
        ensure_server(stopped_copy)
    result = _cli("db", "check", home=stopped_copy)
    assert result.returncode == 1 and "schema.json cannot be read" in result.stderr


def test_home_db_check_passes_a_whole_store(stopped_copy: Path) -> None:
    result = _cli("db", "check", home=stopped_copy)
    assert result.returncode == 0 and "no damage found" in result.stdout, result.stderr
