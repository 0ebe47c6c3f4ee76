"""The database: the embedded server, the driver (the only module importing ``neo4j``), the loader and
named Cypher. Imports ``schemas`` and ``graph.model``.

Names are re-exported lazily (PEP 562): importing one module of the layer does not import the
others (the server process runs ``python -m graph.store.embedded`` without loading the driver).
"""
from __future__ import annotations

from schemas.lazy import lazy_exports

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
    "find_one_plan": "load_admin",
    "remove_plan": "load_admin",
    "reset_database": "load_admin",
    "read_graph": "read",
    "NamedQuery": "queries",
    "get_query": "queries",
    "list_queries": "queries",
    "query_parameters": "queries",
}

__getattr__, __dir__, __all__ = lazy_exports(__name__, _EXPORTS)
