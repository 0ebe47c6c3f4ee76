import csv
import io
import json
import re

import networkx as nx
import pytest

from graph.model.build import build_graph
from graph.render.export import (
    cypher_literal,
    cypher_name,
    cypher_string,
    display_name,
    generate_csv,
    generate_cypher,
    generate_json,
    write_csv,
    write_cypher,
    write_export,
    write_graphml,
    write_json,
)
from schemas.errors import UnknownFormat
from schemas.graph import LABELS
from schemas.ids import bureau_id
from tests.graph.records_factory import make_parent_records, make_records

HOSTILE = [
    '区"}) MATCH (n) DETACH DELETE n //局',
    "区'}) MATCH (n) DETACH DELETE n //局",
    "反斜杠\\'}) RETURN 1 //",
    "末尾反斜杠\\",
    "换行\n:commit\nMATCH (n) DETACH DELETE n;",
    "回车\r制表\t空\x00字\u2028符\x85",
    "分号; // 注释 /* 块 */ `反引号`",
]


@pytest.fixture(scope="module")
def graph():
    return build_graph([make_records(), make_parent_records()])


def _hostile_graph():
    records = make_records()
    for unit, name in zip(records.units, HOSTILE):
        unit.name = name
    records.actions[0].title = HOSTILE[4]
    records.targets[0].metric = HOSTILE[2]
    return build_graph([records])


_UNESCAPE = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b",
             "f": "\f"}


def read_cypher_string(text: str, pos: int) -> tuple[str, int]:
    """Parse a single-quoted Cypher string literal at ``pos``, as Neo4j's lexer does."""
    assert text[pos] == "'"
    out, i = [], pos + 1
    while text[i] != "'":
        if text[i] == "\\":
            if text[i + 1] == "u":
                out.append(chr(int(text[i + 2:i + 6], 16)))
                i += 6
            else:
                out.append(_UNESCAPE[text[i + 1]])
                i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out), i + 1


@pytest.mark.parametrize("text", HOSTILE + ["", "普通文本", "O'Neil \\n"])
def test_export_cypher_string_round_trips(text):
    literal = cypher_string(text)
    assert read_cypher_string(literal, 0) == (text, len(literal))
    assert "\n" not in literal and "\r" not in literal


def test_export_cypher_literals():
    assert cypher_literal(None) == "null"
    assert cypher_literal(True) == "true"
    assert cypher_literal(3) == "3"
    assert cypher_literal(0.15) == "0.15"
    assert cypher_literal(float("nan")) == "null"
    assert cypher_literal(["a'", "b"]) == "['a\\'', 'b']"
    assert cypher_literal("2025-12-31", "deadline") == "date('2025-12-31')"
    assert cypher_name("doc_id") == "doc_id"
    assert cypher_name("a`b c") == "`a``b c`"


def test_export_cypher_hostile_values_stay_inside_literals():
    G = _hostile_graph()
    lines = list(generate_cypher(G))
    for line in lines:
        assert not line.startswith(":") or line in (":begin", ":commit")
    merges = [line for line in lines if line.startswith("MERGE (n:Bureau")]
    names = set()
    for line in merges:
        pos = line.index("name: ") + len("name: ")
        name, end = read_cypher_string(line, pos)
        names.add(name)
        assert line[end:].startswith(", canonical: ")
        assert line.endswith("};")
    assert names >= set(HOSTILE[:len(merges)])


def test_export_cypher_layout(graph):
    lines = list(generate_cypher(graph, batch_size=10))
    constraints = [i for i, line in enumerate(lines) if line.startswith("CREATE CONSTRAINT")]
    assert len(constraints) == len(LABELS)
    assert max(constraints) < lines.index(":begin")
    statements = [line for line in lines if line.startswith(("MERGE", "MATCH"))]
    assert len(statements) == graph.number_of_nodes() + graph.number_of_edges()
    assert lines.count(":begin") == lines.count(":commit") == -(-len(statements) // 10)
    assert "deadline: date('2026-12-31')" in "\n".join(lines)
    last_node = max(i for i, line in enumerate(lines) if line.startswith("MERGE (n:"))
    first_edge = min(i for i, line in enumerate(lines) if line.startswith("MATCH"))
    assert last_node < first_edge


def test_export_write_cypher_to_text_and_binary(graph, tmp_path):
    text, binary = io.StringIO(), io.BytesIO()
    write_cypher(graph, text)
    write_cypher(graph, binary)
    write_cypher(graph, tmp_path / "g.cypher")
    assert text.getvalue() == binary.getvalue().decode("utf-8") == (
        tmp_path / "g.cypher").read_text(encoding="utf-8")


def test_export_graphml_round_trip(graph, tmp_path):
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    H = nx.read_graphml(path, force_multigraph=True)
    assert set(H.nodes) == set(graph.nodes)
    assert set(H.edges(keys=True)) == set(graph.edges(keys=True))
    bureau = H.nodes[bureau_id("青川市", "市发展和改革委员会")]
    assert json.loads(bureau["aliases"]) == ["市发展改革委", "市发改委"]
    assert bureau["generic"] is False
    for node, data in graph.nodes(data=True):
        back = H.nodes[node]
        # Gephi and yEd show ``label``: the node's name; its kind is ``type``.
        assert back["label"] == display_name(node, data) and back["type"] == data["label"]
        for key, value in data.items():
            if key == "label":
                continue
            if value is None:
                assert key not in back
            elif isinstance(value, list):
                assert json.loads(back[key]) == value
            else:
                assert back[key] == value
    assert json.loads(H.graph["doc_ids"]) == graph.graph["doc_ids"]
    assert bureau["label"] == "青川市·市发展和改革委员会"
    plan = next(d for d in H.nodes.values() if d["type"] == "Plan" and d.get("in_corpus"))
    assert plan["label"] == plan["title"]
    assert {d["label"] for d in H.nodes.values() if d["type"] == "Target"} >= {
        t.metric for t in make_records().targets}


def test_export_graphml_hostile_round_trip(tmp_path):
    G = _hostile_graph()
    G.nodes[bureau_id("青川市", make_records().units[0].canonical)]["name"] = "<tag>&amp;\"'"
    path = tmp_path / "h.graphml"
    write_graphml(G, path)
    H = nx.read_graphml(path, force_multigraph=True)
    assert H.nodes[bureau_id("青川市", "市工业和信息化局")]["name"] == "<tag>&amp;\"'"


def test_export_json_node_link_round_trip(graph, tmp_path):
    path = tmp_path / "g.json"
    write_json(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == json.loads(generate_json(graph))
    H = nx.node_link_graph(data, edges="edges")
    assert isinstance(H, nx.MultiDiGraph)
    # node_link_graph takes "id" as the node key: every other attribute comes back as it was
    assert {n: dict(d, id=n) for n, d in H.nodes(data=True)} == dict(graph.nodes(data=True))
    assert set(H.edges(keys=True)) == set(graph.edges(keys=True))


def test_export_csv_headers(graph, tmp_path):
    paths = write_csv(graph, tmp_path / "csv")
    names = {p.name for p in paths}
    assert {f"nodes_{label.name}.csv" for label in LABELS} <= names
    assert "relationships_RESPONSIBLE_FOR.csv" in names

    def header(name):
        with open(tmp_path / "csv" / name, encoding="utf-8", newline="") as handle:
            return next(csv.reader(handle))

    assert header("nodes_Bureau.csv") == ["id:ID", "name:string", "canonical:string",
                                          "region:string", "level:string", "generic:boolean",
                                          "aliases:string[]", ":LABEL"]
    plan = header("nodes_Plan.csv")
    assert plan[0] == "id:ID" and plan[-1] == ":LABEL"
    assert {"in_corpus:boolean", "period_start:int"} <= set(plan)
    assert {"value:float", "deadline:date", "start:int"} <= set(header("nodes_Target.csv"))
    assert {"depth:int", "path:string[]"} <= set(header("nodes_Section.csv"))
    assert header("relationships_RESPONSIBLE_FOR.csv") == [
        ":START_ID", ":END_ID", ":TYPE", "role:string", "rank:int", "basis:string", "doc_id:string"]


def test_export_csv_rows(graph):
    tables = generate_csv(graph)
    bureaus = {row[0]: row for row in tables["nodes_Bureau.csv"][1:]}
    row = bureaus[bureau_id("青川市", "市发展和改革委员会")]
    assert row[1:] == ["市发展和改革委员会", "市发展和改革委员会", "青川市", "city", "false",
                       "市发展改革委;市发改委", "Bureau"]
    assert sum(len(rows) - 1 for name, rows in tables.items()
               if name.startswith("nodes_")) == graph.number_of_nodes()
    assert sum(len(rows) - 1 for name, rows in tables.items()
               if name.startswith("relationships_")) == graph.number_of_edges()
    plans = tables["nodes_Plan.csv"]
    placeholder = [r for r in plans[1:] if r[plans[0].index("in_corpus:boolean")] == "false"]
    assert len(placeholder) == 1 and placeholder[0][plans[0].index("doc_id:string")] == ""


def test_export_csv_quotes_commas_newlines_and_delimiter(tmp_path):
    G = _hostile_graph()
    G.nodes[bureau_id("青川市", "市工业和信息化局")]["aliases"] = ["甲;乙", "丙,丁"]
    write_csv(G, tmp_path)
    with open(tmp_path / "nodes_Bureau.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    names = {row[1] for row in rows[1:]}
    assert set(HOSTILE[:5]) <= names
    aliases = {row[0]: row[6] for row in rows[1:]}
    assert aliases[bureau_id("青川市", "市工业和信息化局")].split(";") == ["甲；乙", "丙,丁"]


@pytest.mark.parametrize("fmt,name", [("graphml", "g.graphml"), ("json", "g.json"),
                                      ("cypher", "g.cypher"), ("csv", "csvdir")])
def test_export_write_export_dispatch(graph, tmp_path, fmt, name):
    paths = write_export(graph, fmt, tmp_path / "out" / name)
    assert paths and all(p.exists() and p.stat().st_size > 0 for p in paths)


def test_export_write_export_unknown_format(graph, tmp_path):
    with pytest.raises(UnknownFormat, match=re.escape("graphml, json, csv, cypher")):
        write_export(graph, "xlsx", tmp_path / "g.xlsx")
