"""The data folder of the embedded database (POLICYKG_HOME): private files, the start lock, and
how a client knows a server process really serves this folder.

Why the care: the folder holds generated passwords and the data; a copy of it (``cp -a``) or a
``server.json`` naming another folder's pid must never lead a client to trust, or ``db stop`` to
kill, a server of another folder. A server is ours only if /proc says it runs
``graph.store.embedded serve --home <this folder>`` with this folder as its working directory.
"""
from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import secrets
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

from schemas.errors import StoreError

log = logging.getLogger("policykg")
LOCK_NOTICE_AFTER = 1.0  # seconds of waiting for server.lock before saying so
LOCK_TIMEOUT = 120.0


def default_home() -> Path:
    """``$POLICYKG_HOME``, else ``$XDG_DATA_HOME/policykg``, else ``~/.local/share/policykg``."""
    if os.environ.get("POLICYKG_HOME"):
        return Path(os.environ["POLICYKG_HOME"]).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "policykg"


def prepare_home(home: Optional[Path] = None) -> Path:
    """The home, created if missing and made private (0700) whichever command comes first."""
    home = Path(home or default_home()).expanduser().resolve()
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        if home.stat().st_uid == os.getuid() and home.stat().st_mode & 0o077:
            home.chmod(0o700)
    except OSError as exc:
        raise StoreError(f"cannot create {home}: {exc.strerror}") from None
    return home


def write_private(path: Path, text: str) -> None:
    """Write atomically with mode 0600 from the start (never briefly world-readable)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def credentials(home: Path) -> dict[str, str]:
    """Generated passwords and user names, created once; the file is the server's truth.

    The user names are random too: ArcadeDB locks a user out for 30 s after 5 wrong passwords,
    and a name nobody else can read (the file is 0600) cannot be locked out by another user.
    """
    path = home / "credentials"
    data: dict[str, str] = {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not data.get("root") or not data.get("reader"):
            data = {}
    except FileNotFoundError:
        pass
    except (OSError, ValueError):
        raise StoreError(f"cannot read {path}; delete it to generate new passwords") from None
    changed = not data
    for key, make in (("root", lambda: secrets.token_urlsafe(24)),
                      ("reader", lambda: secrets.token_urlsafe(24)),
                      ("writer", lambda: secrets.token_urlsafe(24)),
                      ("writer_user", lambda: "pkw_" + secrets.token_hex(8)),
                      ("reader_user", lambda: "pkr_" + secrets.token_hex(8))):
        if not data.get(key):
            data[key] = make()
            changed = True
    if changed:
        write_private(path, json.dumps(data))
    return data


def _lock_holder(fd: int) -> Optional[int]:
    try:
        return int(os.pread(fd, 32, 0).split()[0])
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def locked(home: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """``server.lock`` held exclusively; after a second of waiting, the log says who holds it."""
    fd = os.open(home / "server.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        started = time.monotonic()
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
            waited = time.monotonic() - started
            holder = _lock_holder(fd)
            who = f"pid {holder}" if holder else "another process"
            if waited > timeout:
                raise StoreError(f"the database lock {home / 'server.lock'} is still held by {who} "
                                 f"after {timeout:.0f} s")
            if waited >= LOCK_NOTICE_AFTER and not told:
                log.warning("waiting for the database lock held by %s (%s)", who, home / "server.lock")
                told = True
            time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def touch(home: Path) -> None:
    """Tell the server of ``home`` it is in use (postpones its idle shutdown)."""
    path = Path(home) / "last_used"
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.utime(path)
    except OSError:
        pass


@contextmanager
def kept_in_use(home: Path, every: float) -> Iterator[None]:
    """``touch`` ``home`` every ``every`` seconds while the block runs (a helper thread), so the
    server does not idle out under a client that is busy elsewhere: ``policykg load`` extracting
    a long document before its first write, for longer than the idle timeout."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(every):
            touch(home)

    touch(home)
    thread = threading.Thread(target=beat, name="policykg-keepalive", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def serves(pid: int, home: Path) -> bool:
    """Whether ``pid`` is a live ``graph.store.embedded serve`` of exactly ``home`` (/proc)."""
    proc = Path(f"/proc/{pid}")
    try:
        words = (proc / "cmdline").read_bytes().split(b"\0")
        cwd = os.readlink(proc / "cwd")
    except OSError:  # gone, or another user's process: not ours either way
        return False
    if b"graph.store.embedded" not in words or b"serve" not in words or b"--home" not in words:
        return False
    try:
        named = Path(os.fsdecode(words[words.index(b"--home") + 1]))
    except IndexError:
        return False
    return named == home and Path(cwd) == home


def find_server(home: Path) -> Optional[int]:
    """The pid of a server of ``home`` found in /proc (when ``server.json`` was lost)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid() and serves(int(entry.name), home):
            return int(entry.name)
    return None


def port_open(port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def read_state(home: Path) -> Optional[dict[str, Any]]:
    try:
        state = json.loads((home / "server.json").read_text(encoding="utf-8"))
        ok = isinstance(state.get("pid"), int) and isinstance(state.get("bolt_port"), int)
        return state if ok else None
    except (OSError, ValueError, AttributeError):
        return None
