"""Outputs under issue 17's attacks: a full disk (a real write failure: RLIMIT_FSIZE in a child
process), control characters from documents, cells that spreadsheets take for formulas."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from graph.answers.matrix import responsibility_matrix
from graph.model.build import build_graph
from graph.render.export import write_graphml
from graph.render.matrix_formats import generate_csv, write_matrix
from tests.graph.records_factory import make_parent_records, make_records

ROOT = Path(__file__).resolve().parents[3]
OUTPUTS = ["graph.json", "graph.graphml", "graph.cypher", "neo4j-import/nodes_Plan.csv",
           "matrix.xlsx", "matrix.html", "matrix.csv", "matrix.md", "report.html", "compare.html",
           "compare.json", "compare.md"]
# Writes every output into sys.argv[1] with files limited to 256 bytes (SIGXFSZ ignored, so a write
# past the limit fails with EFBIG as a full disk fails with ENOSPC), one line per output.
CHILD = r"""
import resource, signal, sys
from pathlib import Path
from graph.answers.compare import compare_plans
from graph.answers.matrix import responsibility_matrix
from graph.model.build import build_graph
from graph.render.compare_report import write_comparison
from graph.render.export import write_export
from graph.render.matrix_formats import write_matrix
from graph.render.report import write_report
from schemas.errors import OutputError
from tests.graph.records_factory import make_parent_records, make_records

out = Path(sys.argv[1])
child, parent = make_records(), make_parent_records()
G = build_graph([child, parent])
jobs = [(f"graph.{f}", lambda f=f: write_export(G, f, out / f"graph.{f}")) for f in ("json", "graphml", "cypher")]
jobs.append(("neo4j-import", lambda: write_export(G, "csv", out / "neo4j-import")))
jobs += [(f"matrix.{s}", lambda s=s: write_matrix(responsibility_matrix(G), out / f"matrix.{s}"))
         for s in ("xlsx", "html", "csv", "md")]
jobs.append(("report.html", lambda: write_report([child, parent], out / "report.html")))
jobs += [(f"compare.{s}", lambda s=s: write_comparison(compare_plans(child, parent), out / f"compare.{s}"))
         for s in ("html", "json", "md")]
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (256, 256))
for name, job in jobs:
    try:
        job()
        print(name, "written")
    except OutputError as exc:
        print(name, "OutputError", exc)
"""


def test_outputs_full_disk_keeps_the_previous_files_and_no_temporary(tmp_path: Path) -> None:
    for name in OUTPUTS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("previous good file", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True,
                            text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 12 and all(" OutputError " in line for line in lines), result.stdout
    assert all("cannot be written (File too large)" in line for line in lines)
    for name in OUTPUTS:
        assert (tmp_path / name).read_text(encoding="utf-8") == "previous good file", name
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture
def hostile_graph() -> nx.MultiDiGraph:
    G = build_graph([make_records(), make_parent_records()])
    action = next(n for n, d in G.nodes(data=True) if d["label"] == "Action")
    bureau = next(n for n, d in G.nodes(data=True) if d["label"] == "Bureau")
    G.nodes[action]["title"] = "=HYPERLINK(\"http://evil\")\x01\x1b[31m\x0b任务"
    G.nodes[bureau]["name"] = "@SUM(A1)局\x00"
    return G


def test_outputs_graphml_with_control_characters_reads_back(hostile_graph, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    write_graphml(hostile_graph, path)
    H = nx.read_graphml(path)
    titles = [d.get("title", "") for _, d in H.nodes(data=True)]
    assert "=HYPERLINK(\"http://evil\")\ufffd\ufffd[31m\ufffd任务" in titles
    assert H.number_of_nodes() == hostile_graph.number_of_nodes()


def test_outputs_matrix_csv_neutralises_formulas(hostile_graph) -> None:
    rows = list(csv.reader(io.StringIO(generate_csv(responsibility_matrix(hostile_graph)))))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert any(c.startswith("'@SUM(A1)局") for c in cells)
    assert not any(c[:1] in ("=", "+", "@") for c in cells)


def test_outputs_xlsx_holds_text_never_formulas(hostile_graph, tmp_path: Path) -> None:
    path = tmp_path / "m.xlsx"
    write_matrix(responsibility_matrix(hostile_graph), path)
    book = load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    evil = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert evil and all(c.data_type == "s" for c in evil)  # a string, not a formula
    assert not any(isinstance(c.value, str) and "\x01" in c.value for c in cells)
    assert json.dumps([str(c.value) for c in cells])  # every cell readable
