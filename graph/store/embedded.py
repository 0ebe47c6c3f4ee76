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
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from schemas.errors import StoreError

DATABASE = "policykg"
ROOT_USER = "root"
READ_USER = "reader"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0
DEFAULT_IDLE_TIMEOUT = 900.0
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


def default_home() -> Path:
    """``$POLICYKG_HOME``, else ``$XDG_DATA_HOME/policykg``, else ``~/.local/share/policykg``."""
    if os.environ.get("POLICYKG_HOME"):
        return Path(os.environ["POLICYKG_HOME"]).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "policykg"


def _prepare_home(home: Path) -> Path:
    home = Path(home).expanduser().resolve()
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise StoreError(f"cannot create {home}: {exc.strerror}") from None
    return home


def _write_private(path: Path, text: str) -> None:
    """Write atomically with mode 0600 from the start (never briefly world-readable)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def _credentials(home: Path) -> dict[str, str]:
    """The generated passwords, created once; the file is the source of truth for the server."""
    path = home / "credentials"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("root") and data.get("reader"):
            return data
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        raise StoreError(f"cannot read {path}; delete it to generate new passwords") from None
    data = {"root": secrets.token_urlsafe(24), "reader": secrets.token_urlsafe(24)}
    _write_private(path, json.dumps(data))
    return data


@contextmanager
def _locked(home: Path) -> Iterator[None]:
    fd = os.open(home / "server.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def touch(home: Path) -> None:
    """Tell the server of ``home`` it is in use (postpones its idle shutdown)."""
    try:
        (Path(home) / "last_used").touch()
    except OSError:
        pass


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():  # guard against a recycled pid
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ")
        except OSError:
            return False
        return b"graph.store.embedded" in text and b"serve" in text
    return True


def _port_open(port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _read_state(home: Path) -> Optional[dict[str, Any]]:
    try:
        state = json.loads((home / "server.json").read_text(encoding="utf-8"))
        return state if isinstance(state.get("pid"), int) and isinstance(state.get("bolt_port"), int) else None
    except (OSError, ValueError):
        return None


def _connection(home: Path, port: int) -> Connection:
    creds = _credentials(home)
    return Connection(f"bolt://127.0.0.1:{port}", ROOT_USER, creds["root"], DATABASE,
                      READ_USER, creds["reader"])


def server_status(home: Optional[Path] = None) -> Optional[dict[str, Any]]:
    """The state of the live server of ``home`` (pid, bolt_port, …), or None if none runs."""
    home = Path(home or default_home()).expanduser().resolve()
    state = _read_state(home)
    if state and _pid_alive(state["pid"]) and _port_open(state["bolt_port"]):
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
    home = _prepare_home(Path(home) if home else default_home())
    with _locked(home):
        _credentials(home)
        deadline = time.monotonic() + timeout
        state = _read_state(home)
        # A server that is alive but not accepting may be stopping: wait for one or the other.
        while state and _pid_alive(state["pid"]):
            if _port_open(state["bolt_port"]):
                touch(home)
                return _connection(home, state["bolt_port"])
            if time.monotonic() > deadline:
                raise StoreError(f"embedded database (pid {state['pid']}) does not answer; "
                                 f"see {home / 'server.log'}")
            time.sleep(0.2)
        (home / "server.json").unlink(missing_ok=True)
        touch(home)
        proc = _spawn(home)
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise StoreError(f"embedded database failed to start (exit {proc.returncode}); "
                                 f"see {home / 'server.log'}")
            state = _read_state(home)
            if state and state["pid"] == proc.pid and _port_open(state["bolt_port"]):
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
    home = _prepare_home(Path(home) if home else default_home())
    with _locked(home):
        state = _read_state(home)
        if not state or not _pid_alive(state["pid"]):
            (home / "server.json").unlink(missing_ok=True)
            return False
        if not _terminate(state["pid"], timeout):
            raise StoreError(f"embedded database (pid {state['pid']}) did not stop within "
                             f"{timeout:.0f} s")
        (home / "server.json").unlink(missing_ok=True)
        return True


# --- the server process ------------------------------------------------------------------------

def _setup_security(java_server: Any, creds: dict[str, str]) -> None:
    """Root and the read-only user get the passwords of ``credentials`` at every start."""
    import jpype

    json_object = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
    security = java_server.getSecurity()
    security.saveGroup(DATABASE, READ_USER, json_object(json.dumps(_READER_GROUP)))
    if security.existsUser(READ_USER):
        security.setUserPassword(READ_USER, creds["reader"])
    else:
        user = json_object()
        user.put("name", READ_USER)
        user.put("password", security.encodePassword(creds["reader"]))
        user.put("databases", json_object(json.dumps({DATABASE: [READ_USER]})))
        security.createUser(user)
    security.setUserPassword(ROOT_USER, creds["root"])


def _bolt_port(java_server: Any) -> int:
    for plugin in java_server.getPlugins():
        if "Bolt" in str(plugin.getClass().getName()):
            return int(plugin.getPort())
    raise StoreError("the ArcadeDB Bolt plugin did not start")


def _log(message: str) -> None:
    sys.stderr.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} policykg: {message}\n")
    sys.stderr.flush()


def serve(home: Path, idle_timeout: float) -> int:
    """Run the server for ``home`` until SIGTERM/SIGINT or ``idle_timeout`` seconds unused."""
    home = _prepare_home(home)
    os.chdir(home)  # ArcadeDB writes log/ into the working directory
    creds = _credentials(home)
    stop: list[str] = []
    from arcadedb_embedded.jvm import start_jvm
    from arcadedb_embedded.server import ArcadeDBServer

    start_jvm(heap_size=os.environ.get("POLICYKG_HEAP", "1g"))
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
        state: Optional[dict[str, Any]] = {"pid": os.getpid(), "bolt_port": port, "database": DATABASE,
                 "started": started, "ready_seconds": round(time.time() - started, 3)}
        _write_private(home / "server.json", json.dumps(state))
        _log(f"serving {home} on bolt://127.0.0.1:{port} (idle timeout {idle_timeout:g} s)")
        check = min(10.0, max(0.5, idle_timeout / 10))
        next_check = time.monotonic() + check
        while not stop:
            time.sleep(0.2)  # short: a sleep resumes after a signal handler (PEP 475)
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
        state = _read_state(home)
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
    idle = float(os.environ.get("POLICYKG_IDLE_TIMEOUT", DEFAULT_IDLE_TIMEOUT))
    return serve(args.home or default_home(), idle)


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skip interpreter teardown with a live JVM: it can crash (seen: SIGSEGV)
