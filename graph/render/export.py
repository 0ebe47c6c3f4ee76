"""Exports of the graph built by ``graph.model.build``: GraphML, node-link JSON, neo4j-admin CSV, Cypher.

networkx readwrite style: a pure ``generate_*`` gives the text, a ``write_*`` takes a path or an
open file (text or binary). The Cypher script is the one place where values become query text, so
every literal goes through ``cypher_literal`` and every name through ``cypher_name``.
"""
from __future__ import annotations

import csv
import json
import math
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Union

import networkx as nx

from graph.render.writers import PathOrFile, atomic_path, text_writer, xml_safe
from schemas.errors import ExportError, UnknownFormat
from schemas.graph import DATE_PROPERTIES, LABELS, RELATIONSHIPS, constraint_statements

INT_PROPERTIES = frozenset({"depth", "period_start", "period_end", "start", "end", "orig_start", "orig_end",
                            "rank"})
FLOAT_PROPERTIES = frozenset({"value", "value_max", "normalized_value", "score", "ratio"})
BOOL_PROPERTIES = frozenset({"in_corpus", "open_list", "generic"})
LIST_PROPERTIES = frozenset({"path", "section_path", "aliases"})
ARRAY_DELIMITER = ";"
FORMATS = ("graphml", "json", "csv", "cypher")

_NODE_PROPS = {label.name: tuple(p for p in label.properties if p != "id") for label in LABELS}
_REL_PROPS = {rel.type: rel.properties for rel in RELATIONSHIPS}


def _write_lines(lines: Iterable[str], path_or_file: PathOrFile) -> None:
    with text_writer(path_or_file) as write:
        for line in lines:
            write(line + "\n")


# GraphML ------------------------------------------------------------------------------------

def _graphml_value(value: Any) -> Any:
    return xml_safe(json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value)


#: The property that names a node of each label, shown as its GraphML ``label`` (what Gephi and
#: yEd display); the node's label (Plan, Target …) goes into its own ``type`` attribute.
DISPLAY = {"Plan": "title", "Section": "title", "Action": "title", "Target": "metric",
           "Milestone": "description", "Bureau": "name"}


def display_name(node: str, data: dict[str, Any]) -> str:
    """The words a graph viewer shows for a node: its title, metric or (region·)bureau name."""
    name = data.get(DISPLAY.get(data.get("label", ""), ""))
    if data.get("label") == "Bureau" and name and data.get("region"):
        name = f"{data['region']}·{name}"
    return str(name) if name else node


def graphml_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy GraphML can hold: lists as JSON strings, None values dropped, characters XML
    cannot carry (a control character from a document) as U+FFFD; ``label`` is the node's name and
    ``type`` its schema label."""
    H = nx.MultiDiGraph()
    H.graph.update({k: _graphml_value(v) for k, v in G.graph.items() if v is not None})
    for node, data in G.nodes(data=True):
        attrs = {k: _graphml_value(v) for k, v in data.items() if v is not None}
        attrs.update(type=data.get("label"), label=xml_safe(display_name(node, data)))
        H.add_node(xml_safe(node), **attrs)
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(xml_safe(u), xml_safe(v), key=key, **{k: _graphml_value(x) for k, x in data.items() if x is not None})
    return H


def generate_graphml(G: nx.MultiDiGraph) -> Iterator[str]:
    """GraphML lines; read back with ``nx.read_graphml`` (lists come back as JSON strings)."""
    yield from nx.generate_graphml(graphml_ready(G))


def write_graphml(G: nx.MultiDiGraph, path_or_file: PathOrFile) -> None:
    _write_lines(generate_graphml(G), path_or_file)


# node-link JSON -----------------------------------------------------------------------------

def node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """networkx node-link data with ``edges`` (``nx.node_link_graph(data, edges="edges")``)."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": dict(G.graph),
        "nodes": [{**data, "id": node} for node, data in G.nodes(data=True)],
        "edges": [{**data, "source": u, "target": v, "key": key}
                  for u, v, key, data in G.edges(keys=True, data=True)],
    }


def generate_json(G: nx.MultiDiGraph) -> str:
    return json.dumps(node_link(G), ensure_ascii=False, indent=1)


def write_json(G: nx.MultiDiGraph, path_or_file: PathOrFile) -> None:
    with text_writer(path_or_file) as write:
        write(generate_json(G) + "\n")


# neo4j-admin CSV ----------------------------------------------------------------------------

def _csv_type(prop: str, values: Iterable[Any]) -> str:
    """The neo4j-admin header type of a property, from the schema, else from its values."""
    for names, kind in ((INT_PROPERTIES, "int"), (FLOAT_PROPERTIES, "float"),
                        (BOOL_PROPERTIES, "boolean"), (DATE_PROPERTIES, "date"),
                        (LIST_PROPERTIES, "string[]")):
        if prop in names:
            return kind
    seen = {type(v) for v in values if v is not None}
    for py, kind in ((bool, "boolean"), (int, "int"), (float, "float"), (list, "string[]")):
        if seen == {py}:
            return kind
    return "float" if seen == {int, float} else "string"


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):  # neo4j-admin cannot escape the delimiter inside an element
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, "；") for v in value)
    return value


def _columns(known: tuple[str, ...], rows: list[dict[str, Any]], skip: set[str]) -> list[str]:
    extra = sorted({k for row in rows for k in row} - set(known) - skip)
    return [*known, *extra]


def generate_csv(G: nx.MultiDiGraph) -> dict[str, list[list[Any]]]:
    """``{file name: rows}``: ``nodes_<Label>.csv`` and ``relationships_<TYPE>.csv``, headers first."""
    tables: dict[str, list[list[Any]]] = {}
    by_label: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for node, data in G.nodes(data=True):
        by_label.setdefault(data["label"], []).append((node, data))
    for label, nodes in by_label.items():
        cols = _columns(_NODE_PROPS.get(label, ()), [d for _, d in nodes], {"id", "label"})
        header = ["id:ID"] + [f"{c}:{_csv_type(c, (d.get(c) for _, d in nodes))}" for c in cols]
        rows = [[n, *(_csv_cell(d.get(c)) for c in cols), label] for n, d in nodes]
        tables[f"nodes_{label}.csv"] = [[*header, ":LABEL"], *rows]
    by_type: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        by_type.setdefault(key, []).append((u, v, data))
    for type_, edges in by_type.items():
        cols = _columns(_REL_PROPS.get(type_, ()), [d for *_, d in edges], {"type"})
        header = [":START_ID", ":END_ID", ":TYPE"]
        header += [f"{c}:{_csv_type(c, (d.get(c) for *_, d in edges))}" for c in cols]
        rows = [[u, v, type_, *(_csv_cell(d.get(c)) for c in cols)] for u, v, d in edges]
        tables[f"relationships_{type_}.csv"] = [header, *rows]
    return tables


def write_csv(G: nx.MultiDiGraph, directory: Union[str, "os.PathLike[str]"]) -> list[Path]:
    """Write the CSV files into ``directory`` (created) for ``neo4j-admin database import full``.

    Import with ``--nodes=<dir>/nodes_*.csv --relationships=<dir>/relationships_*.csv
    --multiline-fields=true`` (evidence may hold line breaks); arrays use ';' (the default).
    """
    out = Path(directory)
    paths = []
    for name, rows in generate_csv(G).items():
        path = out / name
        with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
        paths.append(path)
    return paths


# Cypher script ------------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r"[\\'\"\x00-\x1f\x7f\x85\u2028\u2029]")
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal that reads back as exactly ``text``."""
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return _ESCAPES.get(char) or f"\\u{ord(char):04x}"
    return "'" + _NEEDS_ESCAPE.sub(escape, text) + "'"


def cypher_name(name: str) -> str:
    """A label, type or property key, backquoted when it is not a plain identifier."""
    if _PLAIN_NAME.fullmatch(name):
        return name
    if "\x00" in name:
        raise ExportError(f"NUL in a Cypher name: {name!r}")
    return "`" + name.replace("`", "``") + "`"


def cypher_literal(value: Any, prop: str = "") -> str:
    """A Cypher literal for a property value; ``deadline`` strings become ``date('…')``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"  # Cypher has no NaN literal
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if prop in DATE_PROPERTIES:
        return f"date({cypher_string(str(value))})"
    return cypher_string(str(value))


def _map(data: dict[str, Any], skip: set[str]) -> str:
    items = (f"{cypher_name(k)}: {cypher_literal(v, k)}" for k, v in data.items() if k not in skip)
    return "{" + ", ".join(items) + "}"


def _statements(G: nx.MultiDiGraph) -> Iterator[str]:
    for node, data in G.nodes(data=True):
        label = cypher_name(data["label"])
        yield (f"MERGE (n:{label} {{id: {cypher_string(node)}}}) "
               f"SET n += {_map(data, {'id', 'label'})};")
    for u, v, key, data in G.edges(keys=True, data=True):
        a, b = cypher_name(G.nodes[u]["label"]), cypher_name(G.nodes[v]["label"])
        yield (f"MATCH (a:{a} {{id: {cypher_string(u)}}}) MATCH (b:{b} {{id: {cypher_string(v)}}}) "
               f"MERGE (a)-[r:{cypher_name(key)}]->(b) SET r += {_map(data, {'type'})};")


def generate_cypher(G: nx.MultiDiGraph, batch_size: int = 500) -> Iterator[str]:
    """Lines of a cypher-shell script: constraints, then MERGEs in ``:begin``/``:commit`` batches.

    Nodes come before relationships, so a batch never matches a node that is not there yet.
    Run with ``cypher-shell -f graph.cypher``; re-running it changes nothing.
    """
    yield "// policykg graph of documents " + json.dumps(list(G.graph.get("doc_ids", [])))
    for statement in constraint_statements():
        yield statement + ";"
    batch: list[str] = []
    for statement in _statements(G):
        batch.append(statement)
        if len(batch) >= batch_size:
            yield from (":begin", *batch, ":commit")
            batch = []
    if batch:
        yield from (":begin", *batch, ":commit")


def write_cypher(G: nx.MultiDiGraph, path_or_file: PathOrFile, batch_size: int = 500) -> None:
    _write_lines(generate_cypher(G, batch_size), path_or_file)


def write_export(G: nx.MultiDiGraph, fmt: str, out: Path) -> list[Path]:
    """Write ``G`` as ``fmt`` (graphml, json, csv, cypher) to the file or, for csv, directory ``out``."""
    if fmt == "csv":
        return write_csv(G, out)
    writers = {"graphml": write_graphml, "json": write_json, "cypher": write_cypher}
    if fmt not in writers:
        raise UnknownFormat(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    writers[fmt](G, out)
    return [Path(out)]
