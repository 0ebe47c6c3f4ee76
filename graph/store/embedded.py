"""The embedded default database: an ArcadeDB server spoken to over Bolt, one per POLICYKG_HOME.

Why a separate background process: ArcadeDB holds its data folder exclusively, so two CLI runs
cannot both open it in-process; they share one server instead. ``ensure_server`` finds the server
that serves ``home`` (``server.json``: pid and Bolt port) or spawns one under a file lock, so
concurrent callers start exactly one. The server stops itself after an idle timeout.

Files under ``home`` (all private, 0600/0700): ``credentials`` (generated passwords),
``server.json``, ``server.lock``, ``last_used`` (touched by clients), ``server.log``, ``arcadedb/``
(the data) and ``log/`` (ArcadeDB's own log, written to the working directory, which is ``home``).
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from graph.store import home as _home
from graph.store.check import check_store
from graph.store.home import default_home, find_server, prepare_home, serves, touch
from schemas.errors import StoreError

__all__ = ["Connection", "check_store", "default_home", "ensure_server", "prepare_home",
           "server_status", "stop_server", "touch"]

DATABASE = "policykg"
ROOT_USER = "root"
READ_GROUP = "reader"
WRITE_GROUP = "admin"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0
DEFAULT_IDLE_TIMEOUT = 900.0
IDLE_TIMEOUT_ENV = "POLICYKG_IDLE_TIMEOUT"
KEEPALIVE_SECONDS = 60.0  # a busy client's touch, at most this far apart (see keepalive_seconds)
DEFAULT_HEAP = "640m"
# The server's own limit on any one statement (s; sent as ms), so a query a client gave up on stops too.
QUERY_CEILING = float(os.environ.get("POLICYKG_QUERY_CEILING", 300))
_LOG_LIMIT = 5 * 1024 * 1024
_BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"
_READER_GROUP = {  # may read every type of the database, nothing else (no schema, no security)
    "resultSetLimit": -1,
    "readTimeout": -1,
    "access": [],
    "types": {"*": {"access": ["readRecord"]}},
}


@dataclass(frozen=True)
class Connection:
    """How to reach a graph database; the read-only pair is set for the embedded store only."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: Optional[str] = None
    read_user: Optional[str] = None
    read_password: Optional[str] = field(default=None, repr=False)


def _connection(home: Path, port: int) -> Connection:
    creds = _home.credentials(home)
    return Connection(f"bolt://127.0.0.1:{port}", creds["writer_user"], creds["writer"], DATABASE,
                      creds["reader_user"], creds["reader"])


def _pid_alive(pid: int, home: Path) -> bool:
    return serves(pid, home)


def _live_state(home: Path, wait: float = 5.0) -> Optional[dict[str, Any]]:
    """``server.json`` if its pid serves ``home``; if the file was lost while a server of
    ``home`` runs, that server writes it again (it checks every 0.2 s): wait for it."""
    state = _home.read_state(home)
    if state and state.get("home") in (None, str(home)) and _pid_alive(state["pid"], home):
        return state
    pid = find_server(home)
    deadline = time.monotonic() + wait
    while pid is not None and time.monotonic() < deadline:
        state = _home.read_state(home)
        if state and state["pid"] == pid:
            return state
        if not _pid_alive(pid, home):
            return None
        time.sleep(0.1)
    return None


def server_status(home: Optional[Path] = None) -> Optional[dict[str, Any]]:
    """The state of the live server of ``home`` (pid, bolt_port, …), or None if none runs."""
    home = Path(home or default_home()).expanduser().resolve()
    state = _live_state(home, wait=2.0)
    if state and _home.port_open(state["bolt_port"]):
        return state
    return None


def _spawn(home: Path) -> subprocess.Popen:
    log_path = home / "server.log"
    if log_path.exists() and log_path.stat().st_size > _LOG_LIMIT:
        log_path.unlink()
    env = dict(os.environ)
    pkg_root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (pkg_root, env.get("PYTHONPATH")) if p)
    env.setdefault("ARCADEDB_JVM_ERROR_FILE", str(home / "log" / "hs_err_pid%p.log"))
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "graph.store.embedded", "serve", "--home", str(home)],
            stdin=subprocess.DEVNULL, stdout=fd, stderr=fd, cwd=home, env=env,
            start_new_session=True, close_fds=True,
        )
    finally:
        os.close(fd)


def ensure_server(home: Optional[Path] = None, timeout: float = START_TIMEOUT) -> Connection:
    """Connect to the server serving ``home``, starting one in the background if none runs."""
    home = prepare_home(home)
    with _home.locked(home):
        _home.credentials(home)
        deadline = time.monotonic() + timeout
        state = _live_state(home)
        # A server that is alive but not accepting may be stopping: wait for one or the other.
        while state and _pid_alive(state["pid"], home):
            if _home.port_open(state["bolt_port"]):
                touch(home)
                return _connection(home, state["bolt_port"])
            if time.monotonic() > deadline:
                raise StoreError(f"embedded database (pid {state['pid']}) does not answer; "
                                 f"see {home / 'server.log'}")
            time.sleep(0.2)
        (home / "server.json").unlink(missing_ok=True)
        check_store(home / "arcadedb" / "databases" / DATABASE)
        touch(home)
        proc = _spawn(home)
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise StoreError(f"embedded database failed to start (exit {proc.returncode}); "
                                 f"see {home / 'server.log'}")
            state = _home.read_state(home)
            if state and state["pid"] == proc.pid and _home.port_open(state["bolt_port"]):
                return _connection(home, state["bolt_port"])
            time.sleep(0.1)
        _terminate(proc.pid)
        raise StoreError(f"embedded database did not start within {timeout:.0f} s; "
                         f"see {home / 'server.log'}")


def _terminate(pid: int, timeout: float = STOP_TIMEOUT) -> bool:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return True
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:  # reap it if it is our child, else poll for its end
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done == pid:
                return True
        except ChildProcessError:
            pass
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def stop_server(home: Optional[Path] = None, timeout: float = STOP_TIMEOUT) -> bool:
    """Stop the server of ``home`` cleanly (SIGTERM, then wait); False if none was running."""
    home = prepare_home(home)
    with _home.locked(home):
        state = _live_state(home)
        if not state or not _pid_alive(state["pid"], home):
            (home / "server.json").unlink(missing_ok=True)
            return False
        if not _terminate(state["pid"], timeout):
            raise StoreError(f"embedded database (pid {state['pid']}) did not stop within "
                             f"{timeout:.0f} s")
        (home / "server.json").unlink(missing_ok=True)
        return True


# --- the server process ------------------------------------------------------------------------

def _user(security: Any, json_object: Any, name: str, password: str, group: str) -> None:
    if security.existsUser(name):
        security.setUserPassword(name, password)
        return
    user = json_object()
    user.put("name", name)
    user.put("password", security.encodePassword(password))
    user.put("databases", json_object(json.dumps({DATABASE: [group]})))
    security.createUser(user)


def _setup_security(java_server: Any, creds: dict[str, str]) -> None:
    """Our two users (random names, see ``home.credentials``) get the passwords of
    ``credentials`` at every start: a writer in the database's admin group, a reader whose
    group may only read. Root keeps a random password and is never used by the tool."""
    import jpype

    json_object = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
    security = java_server.getSecurity()
    security.saveGroup(DATABASE, READ_GROUP, json_object(json.dumps(_READER_GROUP)))
    _user(security, json_object, creds["reader_user"], creds["reader"], READ_GROUP)
    _user(security, json_object, creds["writer_user"], creds["writer"], WRITE_GROUP)
    if security.existsUser("reader"):  # the fixed name of earlier versions: a lockout target
        security.dropUser("reader")
    security.setUserPassword(ROOT_USER, creds["root"])


def _bolt_port(java_server: Any) -> int:
    for plugin in java_server.getPlugins():
        if "Bolt" in str(plugin.getClass().getName()):
            return int(plugin.getPort())
    raise StoreError("the ArcadeDB Bolt plugin did not start")


def idle_timeout() -> float:
    """Seconds unused after which a server stops: POLICYKG_IDLE_TIMEOUT, else 15 minutes (the
    server reads it when it starts; a client spawns it with its own environment)."""
    return float(os.environ.get(IDLE_TIMEOUT_ENV, DEFAULT_IDLE_TIMEOUT))


def keepalive_seconds() -> float:
    """How often a busy client touches ``last_used``: well within the idle timeout."""
    return min(KEEPALIVE_SECONDS, idle_timeout() / 4)


def _log(message: str) -> None:
    sys.stderr.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} policykg: {message}\n")
    sys.stderr.flush()


def serve(home: Path, idle_timeout: float) -> int:
    """Run the server for ``home`` until SIGTERM/SIGINT or ``idle_timeout`` seconds unused."""
    os.umask(0o077)  # every file the server writes (buckets, logs, config) is private
    home = prepare_home(home)
    os.chdir(home)  # ArcadeDB writes log/ into the working directory
    creds = _home.credentials(home)
    stop: list[str] = []
    from arcadedb_embedded.jvm import start_jvm
    from arcadedb_embedded.server import ArcadeDBServer

    # The heap is most of the server's memory and it fills up to its ceiling over a long load:
    # with 1 GB the process reached 1,191 MB at 6,000 bench documents, with 640 MB it stays
    # near 800 MB (784 MB at 2,000; tests/bench_load.py). POLICYKG_HEAP overrides it.
    start_jvm(heap_size=os.environ.get("POLICYKG_HEAP", DEFAULT_HEAP))
    import jpype

    jpype.JClass("com.arcadedb.GlobalConfiguration").COMMAND_TIMEOUT.setValue(
        jpype.JLong(int(QUERY_CEILING * 1000)))
    server = ArcadeDBServer(
        root_path=str(home / "arcadedb"), root_password=creds["root"],
        config={"http_port": 0, "server_plugins": _BOLT_PLUGIN, "bolt_port": 0},
    )
    # The JVM aborts on SIGTERM unless Python takes the signal and stops the server itself.
    signal.signal(signal.SIGTERM, lambda *_: stop.append("SIGTERM"))
    signal.signal(signal.SIGINT, lambda *_: stop.append("SIGINT"))
    started = time.time()
    server.start()
    try:
        java_server = server._java_server
        if not java_server.existsDatabase(DATABASE):
            server.create_database(DATABASE)
        _setup_security(java_server, creds)
        port = _bolt_port(java_server)
        state: Optional[dict[str, Any]] = {
            "pid": os.getpid(), "bolt_port": port, "database": DATABASE, "home": str(home),
            "nonce": secrets.token_hex(8), "started": started, "ready_seconds": round(time.time() - started, 3)}
        _home.write_private(home / "server.json", json.dumps(state))
        _log(f"serving {home} on bolt://127.0.0.1:{port} (idle timeout {idle_timeout:g} s)")
        check = min(10.0, max(0.5, idle_timeout / 10))
        next_check = time.monotonic() + check
        while not stop:
            time.sleep(0.2)  # short: a sleep resumes after a signal handler (PEP 475)
            if not (home / "server.json").exists():  # deleted while we run: clients need it
                _home.write_private(home / "server.json", json.dumps(state))
                _log("server.json was missing: written again")
            if time.monotonic() < next_check:
                continue
            next_check = time.monotonic() + check
            try:
                last = max(started, (home / "last_used").stat().st_mtime)
            except OSError:
                last = started
            if time.time() - last > idle_timeout:
                stop.append("idle")
        _log(f"stopping ({stop[0]})")
    finally:
        state = _home.read_state(home)
        if state and state["pid"] == os.getpid():
            (home / "server.json").unlink(missing_ok=True)
        server.stop()
    _log("stopped")
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph.store.embedded")
    parser.add_argument("command", choices=["serve"])
    parser.add_argument("--home", type=Path, default=None)
    args = parser.parse_args(argv)
    return serve(args.home or default_home(), idle_timeout())


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skip interpreter teardown with a live JVM: it can crash (seen: SIGSEGV)
