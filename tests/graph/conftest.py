"""One real embedded server per test session, in a temporary POLICYKG_HOME; small hand-built graphs."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Callable, Iterator, Optional

import networkx as nx
import pytest

from graph.store.store import Store, open_store
from schemas.ids import bureau_id
from tests.embedded import embedded_server


@pytest.fixture(scope="session")
def embedded_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with embedded_server(tmp_path_factory.mktemp("policykg-home")) as home:
        yield home


@pytest.fixture
def store(embedded_home: Path) -> Iterator[Store]:
    # env={}: a developer's NEO4J_URI must never point the tests at a real database.
    with open_store(env={}, home=embedded_home) as s:
        yield s


@pytest.fixture
def uid() -> str:
    """A prefix that keeps each test's documents apart in the shared database."""
    return uuid.uuid4().hex[:10]


def doc_graph(doc: str, plan: Optional[str] = None, *, bureau: str = "区发展改革委",
              parent: Optional[str] = None, sections: int = 2, title: str = "规划") -> nx.MultiDiGraph:
    """A one-document graph in the build.py convention: plan, sections, an action, a target,
    a milestone, a shared bureau responsible for the action, optionally a cited parent plan."""
    G = nx.MultiDiGraph(doc_ids=[doc])
    plan = plan or f"plan:{doc}"

    def edge(u: str, v: str, rel: str, **props: object) -> None:
        G.add_edge(u, v, key=rel, type=rel, **props)

    G.add_node(plan, label="Plan", title=title, level="district", region="某区", doc_id=doc,
               in_corpus=True, period_start=2021, period_end=2025)
    for i in range(sections):
        sid = f"section:{doc}:{i}"
        G.add_node(sid, label="Section", doc_id=doc, marker=f"（{i + 1}）", depth=1,
                   title=f"{title}第{i + 1}节", path=[f"{title}第{i + 1}节"],
                   deadline="2025-12-31" if i == 0 else None)
        edge(plan, sid, "HAS_SECTION")
    s0 = f"section:{doc}:0"
    action, target, milestone = f"action:{doc}:0", f"target:{doc}:0", f"milestone:{doc}:0"
    G.add_node(action, label="Action", doc_id=doc, title="推进建设", section_path=["第1节"],
               open_list=False, clause="由区发展改革委牵头")
    G.add_node(target, label="Target", doc_id=doc, metric="绿地率", value=40.0, unit="%",
               comparator="ge", kind="share", deadline="2025-06-30", deadline_rule="explicit",
               recurrence="none", evidence="绿地率达到40%", start=10, end=17)
    G.add_node(milestone, label="Milestone", doc_id=doc, description="建成", deadline="2024-01-31",
               deadline_rule="explicit", evidence="2024年1月底前建成")
    edge(s0, action, "HAS_ACTION")
    edge(action, target, "HAS_TARGET")
    edge(action, milestone, "HAS_MILESTONE")
    b = bureau_id(None, bureau)
    G.add_node(b, label="Bureau", name=bureau, canonical=bureau, level="district", generic=False,
               aliases=[])
    edge(b, action, "RESPONSIBLE_FOR", role="lead", rank=1, doc_id=doc)
    if parent:
        G.add_node(parent, label="Plan", title="上级规划", in_corpus=False)
        edge(plan, parent, "IMPLEMENTS", doc_id=doc)
    return G


def combine(*graphs: nx.MultiDiGraph) -> nx.MultiDiGraph:
    G = nx.compose_all(graphs)
    G.graph["doc_ids"] = [d for g in graphs for d in g.graph["doc_ids"]]
    return G


@pytest.fixture
def make_graph() -> Callable[..., nx.MultiDiGraph]:
    return doc_graph
