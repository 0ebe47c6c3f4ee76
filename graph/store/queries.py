"""Named Cypher queries researchers run, one ``graph/store/queries/<name>.cypher`` file each.

A file starts with ``// <description>`` (the help text); the rest is the query, portable Neo4j 5 /
OpenCypher, taking values only as ``$parameters``. The description names each parameter; one
written ``$name (default VALUE)`` there is optional, and ``bind`` fills it in (a JSON value, else
text). That is how a limit is given: ``LIMIT $limit`` with its default in the header, never a
number in the query text, so a caller always can ask for every row.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping, NamedTuple

from schemas.errors import QueryError

QUERY_DIR = Path(__file__).with_name("queries")

# Strings, comments and backquoted names go first so a '$' inside them is not a parameter.
_TOKENS = re.compile(r"""'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`[^`]*`|//[^\n]*|/\*.*?\*/"""
                     r"""|\$(?P<param>[A-Za-z_][A-Za-z0-9_]*)""", re.DOTALL)
_DEFAULT = re.compile(r"\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*[（(]\s*default\s+(?P<value>[^)）]+?)\s*[)）]")


class NamedQuery(NamedTuple):
    name: str
    description: str
    text: str
    parameters: tuple[str, ...]
    defaults: Mapping[str, Any] = {}

    def bind(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """``params`` with the header's defaults for the optional parameters not given."""
        return {**{k: v for k, v in self.defaults.items() if k in self.parameters}, **params}


def query_parameters(text: str) -> tuple[str, ...]:
    """The ``$parameters`` a query needs, in order of first use."""
    found = (m.group("param") for m in _TOKENS.finditer(text) if m.group("param"))
    return tuple(dict.fromkeys(found))


def query_defaults(description: str) -> dict[str, Any]:
    """``$name (default VALUE)`` of a header: name → VALUE read as JSON, else kept as text."""
    found: dict[str, Any] = {}
    for m in _DEFAULT.finditer(description):
        try:
            found[m.group("name")] = json.loads(m.group("value"))
        except ValueError:
            found[m.group("name")] = m.group("value")
    return found


def _load(path: Path) -> NamedQuery:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = 0
    while head < len(lines) and lines[head].lstrip().startswith("//"):
        head += 1
    description = " ".join(line.strip()[2:].strip() for line in lines[:head])
    text = "\n".join(lines[head:]).strip()
    return NamedQuery(path.stem, description, text, query_parameters(text),
                      query_defaults(description))


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
