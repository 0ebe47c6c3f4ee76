"""The CLI under attack (issue 17), as real processes against a real embedded server of their own:
no secret printed, bounded queries, escaped terminal output, spreadsheet-safe CSV."""
from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.embedded import running_server

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "fixtures" / "compare" / "city_plan.txt"
SECRET = "s3cret-Passw0rd"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory):
    with running_server(tmp_path_factory.mktemp("cli-limits-home")) as path:
        yield path


def _env(home: Path | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if home is not None:
        env["POLICYKG_HOME"] = str(home)
    return {**env, **extra}


def policykg(*args: object, env: dict[str, str], cwd: Path = ROOT, timeout: float = 300,
             **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policykg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=timeout, **kw)


@pytest.mark.parametrize("uri", [
    f"bolt://neo4j:{SECRET}@127.0.0.1:1",
    f"neo4j://neo4j:{SECRET}@127.0.0.1:1",
    f"neo4j+s://neo4j:{SECRET}@example.invalid:7687",
    f"bolt://127.0.0.1:1?password={SECRET}",
])
def test_cli_uri_with_credentials_is_refused_without_echoing_them(tmp_path: Path, uri: str) -> None:
    result = policykg("query", "RETURN 1", env=_env(NEO4J_URI=uri), cwd=tmp_path, timeout=60)
    assert result.returncode == 1
    assert SECRET not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:")
    assert "NEO4J_USER" in lines[0] and "NEO4J_PASSWORD" in lines[0]


@pytest.mark.parametrize("uri, words", [
    ("bolt://127.0.0.1:7687\nMATCH", "control character"),
    ("bolt://127.0.0.1:99999", "1 to 65535"),
    ("bolt://127.0.0.1:0", "1 to 65535"),
    ("bolt://:7687", "no host"),
    ("ftp://127.0.0.1:7687", "scheme"),
])
def test_cli_bad_uri_is_one_clear_line(tmp_path: Path, uri: str, words: str) -> None:
    started = time.monotonic()
    result = policykg("query", "RETURN 1", env=_env(NEO4J_URI=uri), cwd=tmp_path, timeout=60)
    assert result.returncode == 1 and time.monotonic() - started < 30
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: [E024] NEO4J_URI") and words in lines[0]
    assert "bad query parameter" not in lines[0]


def test_cli_query_timeout_stops_a_runaway_query(home: Path) -> None:
    started = time.monotonic()
    result = policykg("query", "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                      "RETURN count(*) AS n", "--timeout", "2", env=_env(home))
    elapsed = time.monotonic() - started
    assert result.returncode == 1, result.stdout
    assert "did not finish within 2 s" in result.stderr and "Traceback" not in result.stderr
    assert elapsed < 30  # a process start, a connection and 2 s


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_cli_query_streams_rows_in_flat_memory(home: Path, fmt: str) -> None:
    """30,000 rows of 4 KB (120 MB of text) through a client whose memory stays where 10 rows
    leave it: rows are written as they arrive, never gathered first."""
    pad = "x" * 4000

    def run(n: int) -> tuple[int, str]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "policykg.cli", "query", f"UNWIND range(1, {n}) AS i RETURN i, $pad AS pad",
             "--param", f"pad={pad}", "--format", fmt, "--timeout", "300"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=_env(home))
        out = proc.stdout.read().decode()
        err = proc.stderr.read().decode()
        _, status, usage = os.wait4(proc.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, err
        return usage.ru_maxrss // 1024, out

    small, _ = run(10)
    big, out = run(30_000)
    assert big - small < 60, f"{small} MB for 10 rows, {big} MB for 30,000"
    if fmt == "json":
        rows = json.loads(out)
        assert len(rows) == 30_000 and rows[-1]["i"] == 30_000
    elif fmt == "jsonl":
        assert sum(1 for _ in out.splitlines()) == 30_000


def test_cli_query_json_has_no_nan_and_is_valid(home: Path) -> None:
    result = policykg("query", "RETURN 0.0/0.0 AS nan, 1 AS one, '\u009b31m' AS c1",
                      "--format", "json", env=_env(home))
    assert result.returncode == 0, result.stderr
    assert "NaN" not in result.stdout and "\x9b" not in result.stdout
    assert json.loads(result.stdout) == [{"nan": None, "one": 1, "c1": "\u009b31m"}]


def test_cli_query_says_who_holds_the_lock(home: Path) -> None:
    fd = os.open(home / "server.lock", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    proc = subprocess.Popen([sys.executable, "-m", "policykg.cli", "query", "RETURN 1 AS one"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=_env(home))
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(proc.stderr.readline, "")), daemon=True)
    reader.start()
    try:  # hold the lock until the notice appears (bounded: a loaded machine starts slowly)
        deadline = time.monotonic() + 90
        while not any("waiting for the database lock" in line for line in lines) and time.monotonic() < deadline:
            assert proc.poll() is None, "the query did not wait for the lock"
            time.sleep(0.2)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    out = proc.stdout.read()
    proc.wait(timeout=120)
    reader.join(timeout=10)
    err = "".join(lines)
    assert proc.returncode == 0, err
    assert f"waiting for the database lock held by pid {os.getpid()}" in err
    assert "1" in out


def test_cli_terminal_output_escapes_control_characters(home: Path) -> None:
    evil = "\x1b]0;owned\x07\x1b[2J\nError: fake"
    result = policykg("query", "RETURN $t AS title", "--param", f"t={evil}", env=_env(home))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]0;owned\\x07" in result.stdout
    assert not any(line.startswith("Error:") for line in result.stdout.splitlines())


def test_cli_failed_line_of_a_file_name_with_a_newline_fakes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bad\nError: all good\x1b[0m.txt").write_bytes(b"")
    result = policykg("extract", docs, "-o", tmp_path / "out", env=_env(tmp_path / "home"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert [line for line in lines if line.startswith("Error:")] == ["Error: 1 document(s) failed"]
    assert "\x1b" not in result.stderr and "bad\\x0aError: all good\\x1b[0m.txt" in result.stderr


def test_cli_query_csv_neutralises_formulas(home: Path) -> None:
    cells = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "plain"]
    result = policykg("query", "UNWIND $c AS c RETURN c", "--param", f"c={json.dumps(cells)}",
                      "--format", "csv", env=_env(home))
    assert result.returncode == 0, result.stderr
    import csv
    import io

    rows = [r[0] for r in csv.reader(io.StringIO(result.stdout))][1:]
    # (text mode reads the CR as a line break)
    assert rows == [("'" + c).replace("\r", "\n") for c in cells[:-1]] + ["plain"]


def test_cli_read_only_holds_on_a_server_that_ignores_read_mode(home: Path) -> None:
    """ArcadeDB reached through NEO4J_URI as its admin ignores READ access mode: the write is
    rolled back and refused all the same."""
    creds = json.loads((home / "credentials").read_text(encoding="utf-8"))
    port = json.loads((home / "server.json").read_text(encoding="utf-8"))["bolt_port"]
    env = _env(None, NEO4J_URI=f"bolt://127.0.0.1:{port}", NEO4J_USER=creds["writer_user"],
               NEO4J_PASSWORD=creds["writer"], NEO4J_DATABASE="policykg")
    result = policykg("query", "CREATE (b:Bureau {id: 'bureau:read-mode-probe'}) RETURN b.id AS id", env=env)
    assert result.returncode == 1 and "pass --write" in result.stderr, result.stdout + result.stderr
    assert creds["writer"] not in result.stdout + result.stderr
    check = policykg("query", "MATCH (b:Bureau {id: 'bureau:read-mode-probe'}) RETURN count(b) AS n",
                     "--format", "json", env=_env(home))
    assert json.loads(check.stdout) == [{"n": 0}], check.stderr


def test_cli_load_where_every_document_fails_gives_each_reason(tmp_path: Path, home: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 40)
    result = policykg("load", docs, env=_env(home))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 2 and all("empty.txt" in f or "binary.txt" in f for f in failed)
    assert all(len(f) > len("failed: ") + 20 for f in failed)  # a reason, not just a name


def test_cli_permission_error_is_one_line_naming_the_file(tmp_path: Path) -> None:
    """A folder the tool may not write into (root ignores modes: the immutable attribute then)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    doc = tmp_path / "plan.txt"
    doc.write_bytes(GOOD.read_bytes())
    if os.getuid() == 0:
        subprocess.run(["chattr", "+i", str(locked)], check=True)
    else:
        locked.chmod(0o555)
    try:
        result = policykg("matrix", doc, "-o", locked / "matrix.csv", env=_env(tmp_path / "home"))
    finally:
        if os.getuid() == 0:
            subprocess.run(["chattr", "-i", str(locked)], check=True)
        locked.chmod(0o755)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.stderr
    assert "unexpected" not in lines[0] and "PermissionError" not in lines[0]
    assert f"{locked / 'matrix.csv'} cannot be written" in lines[0]
    assert "not permitted" in lines[0] or "Permission denied" in lines[0]
    assert list(locked.iterdir()) == []
