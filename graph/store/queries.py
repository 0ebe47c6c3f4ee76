"""Named Cypher queries researchers run, one ``graph/store/queries/<name>.cypher`` file each.

A file starts with ``// <description>`` (the help text); the rest is the query, portable Neo4j 5 /
OpenCypher, taking values only as ``$parameters``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from schemas.errors import QueryError

QUERY_DIR = Path(__file__).with_name("queries")

# Strings, comments and backquoted names go first so a '$' inside them is not a parameter.
_TOKENS = re.compile(r"""'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`|//[^\n]*|/\*.*?\*/"""
                     r"""|\$(?P<param>[A-Za-z_][A-Za-z0-9_]*)""", re.DOTALL)


class NamedQuery(NamedTuple):
    name: str
    description: str
    text: str
    parameters: tuple[str, ...]


def query_parameters(text: str) -> tuple[str, ...]:
    """The ``$parameters`` a query needs, in order of first use."""
    found = (m.group("param") for m in _TOKENS.finditer(text) if m.group("param"))
    return tuple(dict.fromkeys(found))


def _load(path: Path) -> NamedQuery:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = 0
    while head < len(lines) and lines[head].lstrip().startswith("//"):
        head += 1
    description = " ".join(line.strip()[2:].strip() for line in lines[:head])
    text = "\n".join(lines[head:]).strip()
    return NamedQuery(path.stem, description, text, query_parameters(text))


def list_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [_load(path) for path in sorted(QUERY_DIR.glob("*.cypher"))]


def get_query(name: str) -> NamedQuery:
    """The named query, or QueryError naming the ones that exist."""
    path = QUERY_DIR / f"{name}.cypher"
    if "/" in name or "\\" in name or not path.is_file():
        known = ", ".join(q.name for q in list_queries())
        raise QueryError(f"unknown query {name!r}; known queries: {known}")
    return _load(path)
