"""A real embedded server in a temporary POLICYKG_HOME for a test session (graph and web tests)."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.store.embedded import ensure_server, server_status, stop_server


@contextmanager
def running_server(home: Path) -> Iterator[Path]:
    """The server for ``home`` while the block runs (for tests that pass the home to CLI
    processes themselves, leaving POLICYKG_HOME alone)."""
    ensure_server(home)
    try:
        yield home
    finally:
        stop_server(home)


@contextmanager
def embedded_server(home: Path) -> Iterator[Path]:
    """Start the server for ``home`` with POLICYKG_HOME pointing there; stop it and restore the
    variable afterwards, and fail if the server outlives the session."""
    saved = os.environ.get("POLICYKG_HOME")
    os.environ["POLICYKG_HOME"] = str(home)
    ensure_server(home)
    try:
        yield home
    finally:
        stop_server(home)
        if saved is None:
            os.environ.pop("POLICYKG_HOME", None)
        else:
            os.environ["POLICYKG_HOME"] = saved
        assert server_status(home) is None, "embedded server still running after the session"
