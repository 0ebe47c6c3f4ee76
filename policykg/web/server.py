"""Running the app: uvicorn on a socket we bind ourselves (so port 0 gives a free port we can
name before serving), loopback unless asked, a token whenever the address is not loopback, and
a bound on concurrent requests (``limit_concurrency``: beyond it uvicorn answers 503 at once
instead of queueing without end)."""
from __future__ import annotations

import ipaddress
import secrets
import socket
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import uvicorn

from graph.store import embedded
from graph.store.home import kept_in_use
from policykg.web.app import create_app
from policykg.web.state import Workbench
from schemas.errors import ArgumentError

CONCURRENCY = 64  # connections served at once; 20 researchers' browsers fit with room


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Bound:
    server: uvicorn.Server
    sock: socket.socket
    url: str
    token: Optional[str]
    keep_alive: Optional[Path] = None  # the embedded database's home: in use while we serve

    def run(self) -> None:
        """Serve until interrupted (or ``server.should_exit`` is set from another thread).

        While serving, the embedded database is told it is in use, so an idle workbench left open
        does not find its database shut down (``home.kept_in_use``; it stops by itself an idle timeout after we do)."""
        in_use = kept_in_use(self.keep_alive, embedded.keepalive_seconds()) if self.keep_alive else nullcontext()
        with in_use:
            self.server.run(sockets=[self.sock])


def bind(bench: Workbench, host: str = "127.0.0.1", port: int = 0, token: Optional[str] = None,
         require_token: bool = False) -> Bound:
    """The server bound to ``host:port``; beyond loopback a token is required (one is made if none
    is given). ``require_token`` asks for it on loopback too (how the tests check it)."""
    loopback = is_loopback(host)
    if not loopback or require_token:
        token = token or secrets.token_urlsafe(24)
    else:
        token = None
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise ArgumentError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.setblocking(False)
    app = create_app(bench, token=token, loopback=loopback)
    config = uvicorn.Config(app, log_level="warning", limit_concurrency=CONCURRENCY, access_log=False,
                            timeout_keep_alive=5)
    actual = sock.getsockname()[1]
    shown = f"[{host.strip('[]')}]" if family == socket.AF_INET6 else host
    url = f"http://{shown}:{actual}/"
    return Bound(uvicorn.Server(config), sock, url, token)


def start(paths: tuple[str, ...], host: str = "127.0.0.1", port: int = 0, token: Optional[str] = None) -> Bound:
    """The workbench over the configured database (``open_store``), with the source documents of
    ``paths`` (files or folders) for the evidence pages; bound, not yet serving."""
    from graph.store.store import open_store
    from policykg.web.texts import Texts

    texts = Texts([p for p in paths if Path(p).exists()])
    store = open_store()
    bench = Workbench(store, texts)
    bench.snapshot()  # read the model once before the first visitor waits for it
    bound = bind(bench, host, port, token)
    if store.kind == "embedded":
        bound.keep_alive = embedded.default_home()
    return bound
