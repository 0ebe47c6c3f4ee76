"""The layers: every module's imports (read with ast, nested ones too) obey the "may import"
column of DEVELOPERS.md's "What lives where" table, which this test reads, so the document and
the rule cannot drift apart. A layer may always import itself and the standard library; a layer
whose cell names third-party packages (``schemas``: pydantic) may import no other."""
from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("schemas", "pipeline", "graph", "policykg")
GRAPH_LAYERS = ("graph.model", "graph.store", "graph.answers", "graph.render")
DRIVER = "graph.store.store"  # the only module importing neo4j


def read_table(text: str) -> dict[str, tuple[set[str] | None, set[str] | None]]:
    """layer → (layers it may import or None for all, third-party packages or None for any)."""
    section = text.split("## What lives where", 1)[1].split("\n## ", 1)[0]
    table: dict[str, tuple[set[str] | None, set[str] | None]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        folder = re.fullmatch(r"`([\w/]+)/`", cells[0]) if len(cells) >= 3 else None
        layer = folder.group(1).replace("/", ".") if folder else None
        if layer not in (*PACKAGES, *GRAPH_LAYERS) or layer == "graph":
            continue
        may = cells[-1].split("(", 1)[0]  # "(never graph)" and other remarks are prose
        if may.strip() == "everything":
            table[layer] = (None, None)
            continue
        names = set(re.findall(r"`([\w.]+)`", may))
        layers = {n for n in names if n.split(".")[0] in PACKAGES}
        third = names - layers
        table[layer] = (layers | {layer}, third or None)
    return table


TABLE = read_table((ROOT / "DEVELOPERS.md").read_text(encoding="utf-8"))


def layer_of(module: str) -> str:
    """``graph.answers.compare`` → ``graph.answers``; ``pipeline.batch`` → ``pipeline``."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "graph" and len(parts) > 1 else parts[0]


def imported(module: str, source: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import; ``from graph import store`` → graph.store."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*here[: len(here) - node.level + 1], *([base] if base else [])])
            if base in PACKAGES:  # from graph import store: the names are modules
                found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, base))
    return found


def violations(module: str, source: str, is_package: bool = False) -> list[str]:
    """What ``module`` imports that its layer may not."""
    layer = layer_of(module)
    if layer not in TABLE:
        return [f"{module}: in no layer of DEVELOPERS.md (graph modules live in {', '.join(GRAPH_LAYERS)})"]
    layers, third = TABLE[layer]
    bad = []
    for line, name in imported(module, source, is_package):
        top = name.split(".")[0]
        if top in PACKAGES:
            target = layer_of(name)
            if target == "graph" and name == "graph":
                continue  # the bare namespace package
            if layers is not None and target not in layers:
                bad.append(f"{module}:{line} imports {name} ({layer} may import {', '.join(sorted(layers))})")
        elif top == "neo4j" and module != DRIVER:
            bad.append(f"{module}:{line} imports {name} (only {DRIVER} imports neo4j)")
        elif third is not None and top not in sys.stdlib_module_names and top not in third:
            bad.append(f"{module}:{line} imports {name} ({layer} may import only {', '.join(sorted(third))})")
    return bad


def modules() -> list[tuple[str, Path]]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return found


def test_layers_table_is_complete():
    assert set(TABLE) == {"schemas", "pipeline", *GRAPH_LAYERS, "policykg"}, TABLE
    assert TABLE["schemas"] == ({"schemas"}, {"pydantic"})
    assert TABLE["graph.render"][0] == {"schemas", "graph.model", "graph.answers", "graph.render"}


MODULES = modules()


@pytest.mark.parametrize("module,path", MODULES, ids=[m for m, _ in MODULES])
def test_layers_module_imports_only_what_its_layer_may(module: str, path: Path):
    if module == "graph":
        assert not path.read_text(encoding="utf-8").strip(), "graph/__init__.py stays empty"
        return
    bad = violations(module, path.read_text(encoding="utf-8"), path.name == "__init__.py")
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("module,source", [
    ("graph.answers.matrix", "def f():\n    from graph.render import matrix_formats\n"),
    ("graph.answers.compare", "from graph.render.compare_report import write_comparison\n"),
    ("graph.model.build", "import graph.store.load\n"),
    ("graph.store.load", "from ..answers import matrix\n"),
    ("graph.render.report", "from graph import store\n"),
    ("graph.render.export", "import neo4j\n"),
    ("pipeline.extract", "from graph.model import build_graph\n"),
    ("schemas.records", "import networkx\n"),
    ("graph.stray", "import os\n"),
])
def test_layers_checker_catches(module: str, source: str):
    assert violations(module, source)


@pytest.mark.parametrize("module,source", [
    ("graph.render.report", "from graph.answers.matrix import Matrix\nimport jinja2\n"),
    ("graph.store.store", "import neo4j\nfrom . import embedded\n"),
    ("policykg.jobs", "from graph.render import report\nfrom pipeline import batch\n"),
    ("schemas.records", "from pydantic import BaseModel\nimport re\n"),
])
def test_layers_checker_allows(module: str, source: str):
    assert violations(module, source) == []
