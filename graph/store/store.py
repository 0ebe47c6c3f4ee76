"""The one module that imports ``neo4j``: a small Store over Neo4j or the embedded database.

Why a wrapper: the rest of the library sees plain Python values and our own errors
(StoreError, WriteRefused, QueryError), never driver types. Read-only is enforced by the
database, not by guessing from the query text: on Neo4j by READ access-mode transactions,
on the embedded store by connecting as a user whose group may only read.
Over 300 lines on purpose: it is the whole driver boundary (sessions, retries, deadlines,
streaming, read-only), and splitting it would let ``neo4j`` types leak into a second module.
"""
from __future__ import annotations

import datetime as _dt
import logging
import os
import queue
import random
import re
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Optional, TypeVar

import neo4j
from neo4j import exceptions as nx_exc
from neo4j.graph import Node, Relationship
from neo4j.graph import Path as GraphPath

from graph.store import embedded
from graph.store.home import kept_in_use
from graph.store.uri import SCHEMES, check_uri, redact
from schemas.errors import QueryError, StoreError, WriteRefused

T = TypeVar("T")

__all__ = ["SCHEMES", "Store", "open_store", "plain"]
CONNECT_TIMEOUT = 5.0
QUERY_TIMEOUT = 60.0  # seconds a `policykg query` may run unless --timeout says otherwise
_STREAM_BUFFER = 500  # rows between the driver's thread and the reader: memory stays flat
WRITE_ATTEMPTS = 8
# The driver logs routing failures as warnings; without a handler Python prints them to stderr.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

_REFUSED_CODES = ("Neo.ClientError.Statement.AccessMode",
                  "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase")


def _one_line(text: object, limit: int = 300) -> str:
    line = redact(re.sub(r"\s+", " ", str(text)).strip())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _message(exc: BaseException) -> str:
    return _one_line(getattr(exc, "message", None) or exc)


def plain(value: Any) -> Any:
    """A driver value as JSON-able Python: temporals → ISO strings, nodes → property dicts."""
    if isinstance(value, Node):
        out = {k: plain(v) for k, v in value.items()}
        out["_labels"] = sorted(value.labels)
        return out
    if isinstance(value, Relationship):
        out = {k: plain(v) for k, v in value.items()}
        out["_type"] = value.type
        out["_start"] = value.start_node.get("id") if value.start_node is not None else None
        out["_end"] = value.end_node.get("id") if value.end_node is not None else None
        return out
    if isinstance(value, GraphPath):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):  # neo4j.time Date, Time, DateTime, Duration
        return value.iso_format()
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return value.total_seconds()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, neo4j.spatial.Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return value


def _rows(result: Any) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in record.items()} for record in result]


# ArcadeDB reports some conflicts of concurrent transactions as plain errors: a placeholder plan
# deleted for having no relationship while another load links it, a page changed underneath.
_CONFLICT_WORDS = ("DeleteConnectedNode", "ConcurrentModification")


def _conflict(exc: Exception) -> bool:
    """Whether a failed write is worth running again (a conflict, not a fault of the data)."""
    if isinstance(exc, (nx_exc.ConstraintError, nx_exc.TransientError)):
        return True
    return any(word in _message(exc) for word in _CONFLICT_WORDS)


class Transaction:
    """A write transaction handed to ``Store.execute_write`` callbacks."""

    def __init__(self, tx: Any) -> None:
        self._tx = tx

    def run(self, cypher: str, params: Optional[Mapping[str, Any]] = None) -> list[dict[str, Any]]:
        try:
            return _rows(self._tx.run(cypher, dict(params or {})))
        except (TypeError, ValueError) as exc:  # the driver cannot send a parameter
            raise QueryError(f"bad query parameter: {_one_line(exc)}") from None


def _settings(env: Optional[Mapping[str, str]]) -> dict[str, str]:
    """NEO4J_* from ``env``, or from the environment over a ``.env`` in the working directory."""
    if env is not None:
        return {k: v for k, v in env.items() if v is not None}
    from dotenv import dotenv_values

    merged = {k: v for k, v in dotenv_values(Path.cwd() / ".env").items() if v is not None}
    merged.update(os.environ)  # real environment variables win
    return merged


class Store:
    """A connection to one graph database; use ``open_store`` to make one."""

    def __init__(self, conn: embedded.Connection, kind: str, home: Optional[Path] = None) -> None:
        self.kind = kind
        self._uri = conn.uri if kind == "embedded" else check_uri(conn.uri)
        self.uri = redact(conn.uri)  # for messages: never a secret
        self.database = conn.database
        self._conn = conn
        self._home = home
        self._abandoned = False
        self._writer = self._driver(conn.user, conn.password)
        self._reader = None
        if conn.read_user:
            self._reader = self._driver(conn.read_user, conn.read_password or "")

    def _driver(self, user: str, password: str) -> Any:
        try:
            driver = neo4j.GraphDatabase.driver(
                self._uri, auth=(user, password) if user or password else None,
                connection_timeout=CONNECT_TIMEOUT, connection_acquisition_timeout=2 * CONNECT_TIMEOUT,
                max_transaction_retry_time=15.0, user_agent="policykg",
            )
        except (nx_exc.ConfigurationError, ValueError) as exc:
            raise StoreError(f"bad database URI {self.uri}: {_one_line(exc)}") from None
        try:
            driver.verify_connectivity()
        except BaseException as exc:
            driver.close()
            if isinstance(exc, nx_exc.AuthError):
                raise self._auth_error(exc, user) from None
            if isinstance(exc, Exception):
                raise self._error(exc, write=True) from None
            raise
        return driver

    def _auth_error(self, exc: Exception, user: str) -> StoreError:
        """A refused login. The embedded store's passwords are its own (the server sets them
        from ``credentials`` at start), so a refusal there is ArcadeDB's lockout: 30 s after
        5 wrong passwords for the name; Bolt does not say so itself."""
        if self.kind == "embedded" or "too many failed" in _message(exc).lower():
            return StoreError(f"user {user!r} is locked out at {self.uri} after too many failed "
                              "logins (by someone else?); ArcadeDB lifts the lock after 30 s")
        return StoreError(f"authentication failed for user {user!r} at {self.uri}")

    def _error(self, exc: Exception, write: bool) -> StoreError:
        """Our error for a driver error; messages never carry credentials."""
        if isinstance(exc, StoreError):
            return exc
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, nx_exc.Forbidden) or code in _REFUSED_CODES:
            if not write:
                return WriteRefused("this query writes; pass --write")
            return StoreError(f"the database refused the operation: {_message(exc)}")
        if isinstance(exc, nx_exc.AuthError):
            return self._auth_error(exc, "")
        if isinstance(exc, (nx_exc.ServiceUnavailable, nx_exc.SessionExpired,
                            nx_exc.ConnectionAcquisitionTimeoutError, OSError)):
            return StoreError(f"cannot reach the graph database at {self.uri}: {_message(exc)}")
        if "command.timeout" in _message(exc) or "TransactionTimedOut" in code:
            return QueryError("the query ran past the database's time limit for one statement "
                              f"({_message(exc)}; POLICYKG_QUERY_CEILING on the embedded database)")
        if isinstance(exc, (nx_exc.ClientError, nx_exc.DatabaseError, nx_exc.CypherTypeError)):
            return QueryError(_message(exc))
        if isinstance(exc, (TypeError, ValueError)):
            return QueryError(f"bad query parameter: {_one_line(exc)}")
        return StoreError(f"graph database error: {_message(exc)}")

    def _touch(self) -> None:
        if self._home is not None:
            embedded.touch(self._home)

    @contextmanager
    def in_use(self) -> Iterator[None]:
        """While the block runs, the embedded server is told every so often that it is in use
        (``home.kept_in_use``), however long the caller spends between statements; another
        database has no idle timeout of ours."""
        if self._home is None:
            yield
            return
        with kept_in_use(self._home, embedded.keepalive_seconds()):
            yield

    def query(self, cypher: str, params: Optional[Mapping[str, Any]] = None,
              write: bool = False, timeout: Optional[float] = None) -> list[dict[str, Any]]:
        """Run one query and return its rows; it may only read unless ``write`` is True."""
        if write and timeout is None:
            return self.execute_write(lambda tx: tx.run(cypher, params))
        return list(self.stream(cypher, params, write=write, timeout=timeout))

    def stream(self, cypher: str, params: Optional[Mapping[str, Any]] = None, write: bool = False,
               timeout: Optional[float] = None) -> Iterator[dict[str, Any]]:
        """The rows of one query as they arrive (never all in memory), within ``timeout`` seconds.

        The driver reads in a thread of its own and hands rows over a small queue, so the
        deadline holds even while the server computes and sends nothing; the server is told
        the timeout too (Neo4j ends the transaction; the embedded server has its own ceiling,
        ``embedded.QUERY_CEILING``). A read runs in a transaction that is rolled back, never
        committed: a server that ignores read mode (ArcadeDB reached as root through
        NEO4J_URI) cannot keep a write, and one that reports the write is refused.
        """
        self._touch()
        rows: "queue.Queue[tuple[str, Any]]" = queue.Queue(maxsize=_STREAM_BUFFER)
        stop = threading.Event()
        driver = self._writer if write else (self._reader or self._writer)
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS

        def put(item: tuple[str, Any]) -> bool:
            while not stop.is_set():
                try:
                    rows.put(item, timeout=0.2)
                    return True
                except queue.Full:
                    continue
            return False

        def produce() -> None:
            try:
                with driver.session(database=self.database, default_access_mode=mode) as session:
                    with session.begin_transaction(timeout=timeout) as tx:
                        result = tx.run(cypher, dict(params or {}))
                        for record in result:
                            if not put(("row", {k: plain(v) for k, v in record.items()})):
                                tx.rollback()
                                return
                        wrote = result.consume().counters.contains_updates
                        if write:
                            tx.commit()
                        else:
                            tx.rollback()
                put(("wrote" if wrote and not write else "end", None))
            except Exception as exc:  # noqa: BLE001 - handed to the reader
                put(("error", exc))

        worker = threading.Thread(target=produce, name="policykg-query", daemon=True)
        worker.start()
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            while True:
                wait = None if deadline is None else deadline - time.monotonic()
                try:
                    if wait is not None and wait <= 0:
                        raise queue.Empty
                    kind, value = rows.get(timeout=wait)
                except queue.Empty:
                    self._abandoned = True  # the driver's thread may still wait on the server
                    raise QueryError(f"the query did not finish within {timeout:g} s "
                                     "(--timeout SECONDS allows more)") from None
                if kind == "row":
                    yield value
                elif kind == "error":
                    raise self._error(value, write=write)
                elif kind == "wrote":
                    raise WriteRefused("this query writes and the server accepted it in read mode; "
                                       "it was rolled back; pass --write")
                else:
                    return
        finally:
            stop.set()

    def execute_write(self, fn: Callable[[Transaction], T]) -> T:
        """Run ``fn`` in one write transaction: all of it commits or none of it does.

        ``fn`` may run again: ArcadeDB reports two concurrent MERGEs of one key as a
        constraint violation rather than waiting, and some conflicts as plain errors
        (``_conflict``), so those are retried like transient errors.
        """
        self._touch()
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._writer.session(database=self.database) as session:
                    return session.execute_write(lambda tx: fn(Transaction(tx)))
            except (nx_exc.Neo4jError, nx_exc.DriverError) as exc:
                if not _conflict(exc) or attempt == WRITE_ATTEMPTS - 1:
                    raise self._error(exc, write=True) from None
                time.sleep(random.uniform(0.05, 0.1) * 2 ** attempt)
            except Exception as exc:
                raise self._error(exc, write=True) from None
        raise StoreError("write failed")  # not reached

    def close(self) -> None:
        if self._abandoned:  # a timed-out query's thread still holds a connection: let it go
            return
        for driver in (self._writer, self._reader):
            if driver is not None:
                driver.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store(kind={self.kind!r}, uri={self.uri!r}, database={self.database!r})"


def open_store(env: Optional[Mapping[str, str]] = None, home: Optional[Path] = None) -> Store:
    """Neo4j if NEO4J_URI is set (environment or ``.env``), else the embedded database of ``home``."""
    settings = _settings(env)
    uri = (settings.get("NEO4J_URI") or "").strip()
    if uri:
        conn = embedded.Connection(
            uri=uri, user=settings.get("NEO4J_USER") or settings.get("NEO4J_USERNAME") or "neo4j",
            password=settings.get("NEO4J_PASSWORD") or "",
            database=settings.get("NEO4J_DATABASE") or None,
        )
        return Store(conn, "neo4j")
    home = Path(home) if home else embedded.default_home()
    conn = embedded.ensure_server(home)
    return Store(conn, "embedded", home.expanduser().resolve())
