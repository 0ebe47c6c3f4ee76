"""Every Cypher text we ship parses as Neo4j 5 Cypher, checked by Neo4j's own parser.

The parser is ``@neo4j-cypher/language-support`` (npm), driven by tools/cypher-lint/lint.mjs;
install it with ``npm ci --prefix tools/cypher-lint``. Errors fail; warnings (unknown labels,
deprecations) are ignored. Skipped only when ``node`` itself is absent.
"""
from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.model.build import build_graph
from graph.render.export import generate_cypher
from graph.store.queries import list_queries
from tests.graph.records_factory import make_parent_records, make_records
from tests.graph.render.test_export import HOSTILE

ROOT = Path(__file__).resolve().parents[3]
LINT_DIR = ROOT / "tools" / "cypher-lint"
ERROR = 1
_CYPHER_START = re.compile(
    r"^\s*(?://[^\n]*\n\s*)*(CYPHER|MATCH|OPTIONAL|MERGE|CREATE|UNWIND|WITH|RETURN|CALL|SHOW|DROP"
    r"|DETACH|DELETE|SET|REMOVE|FOREACH|LOAD|USE|FINISH)\b", re.IGNORECASE)

pytestmark = pytest.mark.skipif(shutil.which("node") is None,
                                reason="node is not installed: cannot run Neo4j's Cypher parser")


def lint(items: list[tuple[str, str]]) -> list[dict]:
    """Run lint.mjs on ``(name, query)`` pairs; fail loudly if its packages are missing."""
    assert (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir(), (
        "Neo4j's Cypher parser is not installed: run `npm ci --prefix tools/cypher-lint`")
    payload = json.dumps([{"name": n, "query": q} for n, q in items], ensure_ascii=False)
    proc = subprocess.run(["node", str(LINT_DIR / "lint.mjs")], input=payload.encode("utf-8"),
                          capture_output=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return json.loads(proc.stdout)


def errors(results: list[dict]) -> list[str]:
    return [f"{r['name']}: {d['message']} (line {d['line'] + 1}, col {d['character'] + 1})"
            for r in results for d in r["diagnostics"] if d["severity"] == ERROR]


def cypher_constants(path: Path) -> list[tuple[str, str]]:
    """Cypher string constants of a module: UPPER_CASE assignments and literals passed to .run."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []

    def strings(node: ast.AST) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, (ast.Tuple, ast.List)):
            return [s for elt in node.elts for s in strings(elt)]
        if isinstance(node, ast.Dict):
            return [s for value in node.values for s in strings(value)]
        return []

    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    found += [(f"{path.name}:{target.id}", s) for s in strings(node.value)]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "run" and node.args):
            found += [(f"{path.name}:{node.lineno}", s) for s in strings(node.args[0])]
    return [(name, text) for name, text in found if _CYPHER_START.match(text)]


def test_cypher_valid_lint_catches_syntax_errors():
    results = lint([("bad", "MATCH (n RETURN n"), ("typo", "RETRN 1"),
                    ("good", "MATCH (n:Nowhere) WHERE n.x <= date($d) RETURN n")])
    assert [r["name"] for r in results if any(d["severity"] == ERROR for d in r["diagnostics"])
            ] == ["bad", "typo"]


def test_cypher_valid_named_queries():
    queries = list_queries()
    assert queries
    assert errors(lint([(q.name, q.text) for q in queries])) == []


def test_cypher_valid_generated_script_statements():
    records = make_records()
    for unit, name in zip(records.units, HOSTILE):
        unit.name = name
    records.actions[0].title = HOSTILE[4]
    G = build_graph([records, make_parent_records()])
    statements = [(f"line {i}", line) for i, line in enumerate(generate_cypher(G), start=1)
                  if not line.startswith((":", "//"))]
    assert len(statements) > G.number_of_nodes() + G.number_of_edges()
    results = lint(statements)
    assert errors(results) == []
    # a hostile value that escaped its literal would split a line into several statements
    assert [r["name"] for r in results if r["statements"] != 1] == []


def test_cypher_valid_store_and_load_constants():
    """The loader's statements for every label and relationship, and the Cypher constants of
    graph/store/load.py, graph/store/load_cypher.py and graph/store/store.py: they must parse too."""
    from graph.store.load_cypher import all_statements

    modules = [ROOT / "graph" / "store" / name for name in ("load.py", "load_cypher.py", "store.py")]
    constants = [c for path in modules if path.exists() for c in cypher_constants(path)
                 if not re.search(r"\{[a-z]+\}", c[1])]  # templates: rendered below for the schema
    rendered = [(f"load.all_statements:{i}", text) for i, text in enumerate(all_statements())]
    assert len(rendered) > 40
    assert errors(lint(constants + rendered)) == []
