"""Chinese full-text search over action text, targets, milestones and bureaus: a character-bigram
index built from the model when it is (re)read.

Why not the database's full-text index: ArcadeDB's Cypher has no portable full-text call and
Neo4j's needs an index created with write rights; a bigram index in memory answers either store
the same way, and a query in traditional characters is folded to simplified first (OpenCC tw2s,
as the pipeline does).
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

import networkx as nx

from schemas.ids import fold

FIELDS = {"Action": ("title", "clause"), "Target": ("metric", "evidence"),
          "Milestone": ("description", "evidence"), "Bureau": ("name", "canonical", "aliases")}


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("tw2s")


def _key(text: str) -> str:
    return fold(_converter().convert(text))


def _grams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


class BigramIndex:
    def __init__(self, G: nx.MultiDiGraph) -> None:
        self._text: dict[str, str] = {}
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._G = G
        for node, d in G.nodes(data=True):
            fields = FIELDS.get(d.get("label", ""))
            if not fields:
                continue
            values = [d.get(f) for f in fields]
            text = " ".join(" ".join(v) if isinstance(v, list) else str(v) for v in values if v)
            key = _key(text)
            self._text[node] = key
            for gram in _grams(key):
                self._postings[gram].add(node)
            for char in set(key):
                self._postings[char].add(node)

    def search(self, query: str, limit: int = 200) -> list[dict[str, Any]]:
        """Nodes whose text holds every bigram of the query, exact phrase matches first."""
        key = _key(query.strip())
        if not key:
            return []
        grams = _grams(key) if len(key) > 1 else {key}
        found = set.intersection(*(self._postings.get(g, set()) for g in grams))
        ranked = sorted(found, key=lambda n: (key not in self._text[n], len(self._text[n]), n))
        rows = []
        for node in ranked[:limit]:
            d = self._G.nodes[node]
            rows.append({"id": node, "label": d.get("label"), "doc_id": d.get("doc_id"),
                         "text": d.get("title") or d.get("metric") or d.get("description") or d.get("name"),
                         "evidence": d.get("evidence") or d.get("clause"), "region": d.get("region"),
                         "exact": key in self._text[node]})
        return rows
