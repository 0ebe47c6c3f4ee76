"""Responsibility matrices (责任分工表): who leads and who supports each task of a plan.

Researchers read a plan's division of labour first, so the matrix is built from the graph alone
(``responsibility_matrix``) or from the database's ``matrix`` query rows (``matrix_from_rows``), and
both give the same cells. Rows are bureaus (generic owners such as 各街道办事处 stay as written);
columns are actions, targets or sections, grouped by plan (plans by title, then text order).
Only actions with at least one owner become columns: an ownerless item has nothing to show here
(the ``actions-without-owner`` query lists those). The views (``graph.answers.matrix_views``) are
plain tables that every writer renders (``graph.render.matrix_formats.write_matrix``).

Over 300 lines on purpose: the Matrix type and its two builders (from the model, from query rows)
must give the same cells, and they stay side by side so a change to one shows in the other.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Optional

import networkx as nx

from schemas.errors import MatrixError

BY = ("action", "target", "section")
MARKS = {"lead": "牵头", "support": "配合", "responsible": "负责"}
LEGEND = {"lead": "牵头单位", "support": "配合单位", "responsible": "责任单位（未分牵头、配合）"}
_STRENGTH = {"lead": 0, "responsible": 1, "support": 2}  # the role an aggregated cell shows
_COMPARATORS = {"eq": "", "ge": "≥", "gt": ">", "le": "≤", "lt": "<", "approx": "约"}


@dataclass(frozen=True)
class TargetInfo:
    metric: str
    value: Optional[float] = None
    value_max: Optional[float] = None
    unit: Optional[str] = None
    comparator: str = "eq"
    deadline: Optional[str] = None
    kind: Optional[str] = None

    def text(self) -> str:
        """``营业收入 ≥120亿元（2026-12-31）``: the way a 分工表 states a goal."""
        if self.value is None:
            amount = ""
        elif self.comparator == "range" and self.value_max is not None:
            amount = f"{_number(self.value)}–{_number(self.value_max)}"
        else:
            amount = _COMPARATORS.get(self.comparator, "") + _number(self.value)
        if amount and self.kind == "growth_rate":
            amount = "增长" + amount
        core = f"{self.metric} {amount}{self.unit or ''}" if amount else self.metric
        return f"{core}（{self.deadline}）" if self.deadline else core


@dataclass(frozen=True)
class MilestoneInfo:
    description: str
    deadline: str

    def text(self) -> str:
        return f"{self.deadline} {self.description}"


@dataclass(frozen=True)
class Column:
    """An action, a target or a section of one plan; ``start`` orders columns as in the text."""

    id: str
    title: str
    plan: str
    section_path: tuple[str, ...] = ()
    start: Optional[int] = None
    targets: tuple[TargetInfo, ...] = ()
    milestones: tuple[MilestoneInfo, ...] = ()


@dataclass(frozen=True)
class BureauRow:
    id: str
    name: str
    generic: bool = False
    region: Optional[str] = None  # its government; shown where two rows would share a name


@dataclass(frozen=True)
class Cell:
    """The role a bureau holds in a column; counts > 1 only when a section aggregates actions."""

    role: str
    rank: int
    lead: int = 0
    support: int = 0
    responsible: int = 0

    @property
    def label(self) -> str:
        """牵头 / 配合 / 负责 for one action; ``牵头2 配合1`` for an aggregate."""
        counts = [(MARKS[r], n) for r, n in (("lead", self.lead), ("support", self.support),
                                             ("responsible", self.responsible)) if n]
        if sum(n for _, n in counts) <= 1:
            return MARKS[self.role]
        return " ".join(f"{mark}{n}" for mark, n in counts)


@dataclass(frozen=True)
class Totals:
    lead: int = 0
    support: int = 0
    responsible: int = 0

    @property
    def total(self) -> int:
        return self.lead + self.support + self.responsible


@dataclass(frozen=True)
class Matrix:
    by: str
    bureaus: tuple[BureauRow, ...]
    columns: tuple[Column, ...]
    cells: Mapping[tuple[str, str], Cell] = field(default_factory=dict)
    inferred: int = 0  # roles set by the first-listed-leads convention, not by the text

    @property
    def note(self) -> Optional[str]:
        """What a reader must know about the roles shown, or None."""
        if not self.inferred:
            return None
        return (f"注：{self.inferred} 处牵头/配合按“列第一位者为牵头单位”推定（原文未分牵头、配合；"
                "文件自述此规则或按 --first-listed-leads）")

    def cell(self, bureau: str, column: str) -> Optional[Cell]:
        return self.cells.get((bureau, column))

    @property
    def plans(self) -> list[str]:
        return list(dict.fromkeys(c.plan for c in self.columns))

    def bureau_totals(self, bureau: str) -> Totals:
        return _sum(c for (b, _), c in self.cells.items() if b == bureau)

    def column_totals(self, column: str) -> Totals:
        return _sum(c for (_, k), c in self.cells.items() if k == column)

    def marks(self) -> list[tuple[BureauRow, Column, Cell]]:
        """Every filled cell, column by column, by rank (as the clause names them) within one."""
        found = []
        for c in self.columns:
            filled = [(cell.rank, i, b, cell) for i, b in enumerate(self.bureaus)
                      if (cell := self.cells.get((b.id, c.id))) is not None]
            found += [(b, c, cell) for _, _, b, cell in sorted(filled, key=lambda x: x[:2])]
        return found


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _sum(cells: Iterable[Cell]) -> Totals:
    lead = support = responsible = 0
    for c in cells:
        lead, support, responsible = lead + c.lead, support + c.support, responsible + c.responsible
    return Totals(lead, support, responsible)


def _one(role: str, rank: int) -> Cell:
    return Cell(role=role, rank=rank, **{role: 1})


def _merge(a: Cell, b: Cell) -> Cell:
    role = min(a.role, b.role, key=_STRENGTH.__getitem__)
    return Cell(role, min(a.rank, b.rank), a.lead + b.lead, a.support + b.support,
                a.responsible + b.responsible)


Entry = tuple[BureauRow, Column, str, int]  # a bureau, the column it owns, role, rank


def _by_section(entries: list[Entry], depth: int) -> list[Entry]:
    """Re-key each action's entry to its section at ``depth``, pooling the section's facts."""
    if depth < 1:
        raise MatrixError(f"section depth must be 1 or more, not {depth}")
    sections: dict[tuple[str, tuple[str, ...]], Column] = {}
    seen: set[tuple[str, str]] = set()
    for _, col, _, _ in entries:
        key = (col.plan, col.section_path[:depth] or (col.title,))
        if (key[0], col.id) in seen:
            continue
        seen.add((key[0], col.id))
        old = sections.get(key)
        if old is None:
            sections[key] = Column(id=f"{col.plan}/{'/'.join(key[1])}", title=key[1][-1],
                                   plan=col.plan, section_path=key[1], start=col.start,
                                   targets=col.targets, milestones=col.milestones)
        else:
            starts = [s for s in (old.start, col.start) if s is not None]
            sections[key] = replace(old, start=min(starts) if starts else None,
                                    targets=old.targets + col.targets,
                                    milestones=old.milestones + col.milestones)
    return [(b, sections[(c.plan, c.section_path[:depth] or (c.title,))], role, rank)
            for b, c, role, rank in entries]


def _assemble(by: str, entries: list[Entry]) -> Matrix:
    """Cells merged per (bureau, column); columns by plan and text order; bureaus by load."""
    cells: dict[tuple[str, str], Cell] = {}
    bureaus: dict[str, BureauRow] = {}
    columns: dict[str, Column] = {}
    for bureau, column, role, rank in entries:
        if role not in MARKS:
            raise MatrixError(f"unknown role {role!r} for {bureau.name}; expected lead, support or "
                              "responsible")
        bureaus.setdefault(bureau.id, bureau)
        columns.setdefault(column.id, column)
        key = (bureau.id, column.id)
        cells[key] = _merge(cells[key], _one(role, rank)) if key in cells else _one(role, rank)
    ordered = sorted(columns.values(), key=lambda c: (
        c.plan, c.start is None, c.start if c.start is not None else 0, c.id))
    matrix = Matrix(by, (), tuple(ordered), cells)
    names = Counter(b.name for b in bureaus.values())
    for bid, b in bureaus.items():  # ten districts' 区商务局: 东港区·区商务局, 西岭区·区商务局 …
        if names[b.name] > 1 and b.region:
            bureaus[bid] = replace(b, name=f"{b.region}·{b.name}")
    load = {b: matrix.bureau_totals(b) for b in bureaus}
    rows = sorted(bureaus.values(), key=lambda b: (-load[b.id].lead, -load[b.id].total, b.name))
    return replace(matrix, bureaus=tuple(rows))


def _check_by(by: str) -> None:
    if by not in BY:
        raise MatrixError(f"unknown matrix grouping {by!r}; use one of {', '.join(BY)}")


def _plan_titles(G: nx.MultiDiGraph) -> dict[Any, str]:
    return {d.get("doc_id"): d.get("title") or d.get("doc_id") or n
            for n, d in G.nodes(data=True) if d.get("label") == "Plan" and d.get("in_corpus")}


def _plan_of(plans: Mapping[Any, str], attrs: Mapping[str, Any]) -> str:
    """The plan title, as the matrix query gives it (the doc id when no plan is in the corpus)."""
    return plans.get(attrs.get("doc_id")) or attrs.get("doc_id") or ""


Facts = tuple[tuple[TargetInfo, ...], tuple[MilestoneInfo, ...]]


def _facts(G: nx.MultiDiGraph, node: str) -> Facts:
    """The targets and milestones hung under ``node``, in text order where known."""
    targets, milestones = [], []
    for _, child, data in G.out_edges(node, data=True):
        attrs = G.nodes[child]
        if data.get("type") == "HAS_TARGET":
            targets.append((attrs.get("start") or 0, _target(attrs)))
        elif data.get("type") == "HAS_MILESTONE":
            milestones.append(MilestoneInfo(attrs.get("description") or "",
                                             str(attrs.get("deadline") or "")))
    return (tuple(t for _, t in sorted(targets, key=lambda x: x[0])),
            tuple(sorted(milestones, key=lambda m: (m.deadline, m.description))))


def _target(attrs: Mapping[str, Any]) -> TargetInfo:
    deadline = attrs.get("deadline")
    return TargetInfo(attrs.get("metric") or "", attrs.get("value"), attrs.get("value_max"),
                      attrs.get("unit"), attrs.get("comparator") or "eq",
                      str(deadline) if deadline else None, attrs.get("kind"))


def _bureau(G: nx.MultiDiGraph, node: str) -> BureauRow:
    attrs = G.nodes[node]
    return BureauRow(node, attrs.get("name") or node, bool(attrs.get("generic")), attrs.get("region"))


def _owners(G: nx.MultiDiGraph, node: str) -> list[tuple[str, str, int]]:
    return [(u, d.get("role") or "responsible", d.get("rank") or 0)
            for u, _, d in G.in_edges(node, data=True) if d.get("type") == "RESPONSIBLE_FOR"]


def responsibility_matrix(G: nx.MultiDiGraph, by: str = "action", depth: int = 1) -> Matrix:
    """Bureaus × actions (or × targets via their action's owners, or × sections at ``depth``)."""
    _check_by(by)
    plans = _plan_titles(G)
    entries: list[Entry] = []
    action_columns: dict[str, Column] = {}
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") != "Action":
            continue
        targets, milestones = _facts(G, node)
        column = Column(node, attrs.get("title") or "", _plan_of(plans, attrs),
                        tuple(attrs.get("section_path") or ()), attrs.get("start"),
                        targets, milestones)
        action_columns[node] = column
        entries += [(_bureau(G, b), column, role, rank) for b, role, rank in _owners(G, node)]
    inferred = sum(1 for _, v, d in G.edges(data=True)
                   if d.get("type") == "RESPONSIBLE_FOR" and d.get("basis") == "first_listed" and v in action_columns)
    if by == "section":
        return replace(_assemble(by, _by_section(entries, depth)), inferred=inferred)
    if by == "action":
        return replace(_assemble(by, entries), inferred=inferred)
    target_entries: list[Entry] = []
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") != "Target":
            continue
        parents = [u for u, _, d in G.in_edges(node, data=True) if d.get("type") == "HAS_TARGET"]
        owner = next((u for u in parents if u in action_columns), None)
        section = next((G.nodes[u].get("path") for u in parents
                        if G.nodes[u].get("label") == "Section"), None)
        path = action_columns[owner].section_path if owner else tuple(section or ())
        info = _target(attrs)
        column = Column(node, info.text(), _plan_of(plans, attrs), path,
                        attrs.get("start"), (info,))
        owners = _owners(G, owner) if owner else []
        owners += [o for o in _owners(G, node) if o[0] not in {b for b, _, _ in owners}]
        target_entries += [(_bureau(G, b), column, role, rank) for b, role, rank in owners]
    return replace(_assemble(by, target_entries), inferred=inferred)


def matrix_from_rows(rows: Iterable[Mapping[str, Any]], by: str = "action",
                     depth: int = 1) -> Matrix:
    """The matrix from the rows of the ``matrix`` named query (action or section grouping)."""
    _check_by(by)
    if by == "target":
        raise MatrixError("the matrix query has no targets; build a target matrix from the graph")
    entries: list[Entry] = []
    for row in rows:
        column = Column(row["action_id"], row.get("action") or "",
                        row.get("plan") or row.get("doc_id") or "",
                        tuple(row.get("section_path") or ()), row.get("start"))
        bureau = BureauRow(row["bureau_id"], row.get("bureau") or row["bureau_id"],
                           bool(row.get("generic")), row.get("bureau_region"))
        entries.append((bureau, column, row.get("role") or "responsible", row.get("rank") or 0))
    return _assemble(by, _by_section(entries, depth) if by == "section" else entries)
