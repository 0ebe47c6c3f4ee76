"""The database: the embedded server, the driver (the only module importing ``neo4j``), the loader and
named Cypher. Imports ``schemas`` and ``graph.model``.

Names are re-exported lazily (PEP 562): importing one module of the layer does not import the
others (the server process runs ``python -m graph.store.embedded`` without loading the driver).
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Connection": "embedded",
    "default_home": "embedded",
    "ensure_server": "embedded",
    "server_status": "embedded",
    "stop_server": "embedded",
    "check_store": "check",
    "store_problems": "check",
    "prepare_home": "home",
    "check_uri": "uri",
    "redact": "uri",
    "Store": "store",
    "Transaction": "store",
    "open_store": "store",
    "LoadSummary": "load",
    "PreparedLoad": "load",
    "ensure_schema": "load",
    "load_graph": "load",
    "load_prepared": "load",
    "partition": "load",
    "prepare_load": "load",
    "existing_plans": "load_admin",
    "find_plans": "load_admin",
    "remove_plan": "load_admin",
    "reset_database": "load_admin",
    "read_graph": "read",
    "NamedQuery": "queries",
    "get_query": "queries",
    "list_queries": "queries",
    "query_parameters": "queries",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)


def __dir__() -> list[str]:
    return __all__
