"""The targets table filtered as a researcher asks (metric keyword, kind, deadline window, region,
level), sorted, and written as XLSX or CSV by the tidy-table writers the ``table`` command uses."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.answers.tables import TidyTable
from graph.render.tables import write_csv_table, write_workbook
from policykg.web import cache
from schemas.ids import fold

SORTABLE = ("deadline", "metric", "value", "region", "level", "kind", "plan_title")


@dataclass(frozen=True)
class TargetFilter:
    metric: str = ""
    kind: str = ""
    due_from: str = ""
    due_to: str = ""
    region: str = ""
    level: str = ""
    sort: str = "deadline"
    desc: bool = False

    @classmethod
    def from_query(cls, q: Any) -> "TargetFilter":
        sort = q.get("sort", "deadline")
        return cls(metric=q.get("metric", "").strip(), kind=q.get("kind", ""), due_from=q.get("from", ""),
                   due_to=q.get("to", ""), region=q.get("region", ""), level=q.get("level", ""),
                   sort=sort if sort in SORTABLE else "deadline", desc=q.get("desc", "") == "1")

    def keeps(self, row: dict[str, Any]) -> bool:
        deadline = row.get("deadline") or ""
        return bool((not self.metric or fold(self.metric) in fold(row.get("metric") or ""))
                and (not self.kind or row.get("kind") == self.kind)
                and (not self.due_from or (deadline and deadline >= self.due_from))
                and (not self.due_to or (deadline and deadline <= self.due_to))
                and (not self.region or row.get("region") == self.region)
                and (not self.level or row.get("level") == self.level))


def filtered_targets(G: nx.MultiDiGraph, f: TargetFilter) -> TidyTable:
    table = cache.targets(G)
    rows = [r for r in table.rows if f.keeps(r)]
    missing = [r for r in rows if r.get(f.sort) in (None, "")]
    present = sorted((r for r in rows if r.get(f.sort) not in (None, "")),
                     key=lambda r: r[f.sort], reverse=f.desc)
    return TidyTable(table.name, table.columns, present + missing)  # blanks last either way


def choices(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """The values the filter's drop-downs offer, from the targets present."""
    rows = cache.targets(G).rows
    return {key: sorted({str(r[key]) for r in rows if r.get(key)}) for key in ("kind", "region", "level")}


def table_bytes(table: TidyTable, fmt: str) -> bytes:
    """The table as an XLSX workbook or a CSV with a BOM, through the ``table`` command's writers."""
    with tempfile.TemporaryDirectory(prefix="policykg-web-") as tmp:
        path = Path(tmp) / f"{table.name}.{fmt}"
        if fmt == "xlsx":
            write_workbook([table], path)
        else:
            write_csv_table(table, path)
        return path.read_bytes()
