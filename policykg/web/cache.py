"""The tidy tables of a model snapshot, made once per snapshot rather than per request: a model
is never changed after it is read (a refresh makes a new one), so its identity is the key."""
from __future__ import annotations

from functools import lru_cache

import networkx as nx

from graph.answers.tables import TidyTable, milestone_table, responsibility_table, target_table


@lru_cache(maxsize=4)
def targets(G: nx.MultiDiGraph) -> TidyTable:
    return target_table(G)


@lru_cache(maxsize=4)
def milestones(G: nx.MultiDiGraph) -> TidyTable:
    return milestone_table(G)


@lru_cache(maxsize=4)
def responsibilities(G: nx.MultiDiGraph) -> TidyTable:
    return responsibility_table(G)
