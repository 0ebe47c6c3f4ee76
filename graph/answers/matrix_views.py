"""The responsibility matrix as plain tables: the grid with totals, tasks as offices publish
them (each with its lead and supporting units), and each bureau's work. Every writer renders
these (``graph.render.matrix_formats``, ``matrix_xlsx``), so all formats show the same cells.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph.answers.matrix import MARKS, Column, Matrix


@dataclass(frozen=True)
class Table:
    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


def column_titles(matrix: Matrix, numbered: bool = True) -> list[str]:
    """Column titles, prefixed ``[n]`` with their plan's number when several plans share a matrix
    (not ``numbered``: plain titles, for layouts that head each plan's columns with its title)."""
    plans = matrix.plans
    if len(plans) <= 1 or not numbered:
        return [c.title for c in matrix.columns]
    number = {p: i for i, p in enumerate(plans, start=1)}
    return [f"[{number[c.plan]}] {c.title}" for c in matrix.columns]


def plan_notes(matrix: Matrix) -> tuple[str, ...]:
    """The plans' numbers when there are several, and a word on roles the text did not give."""
    plans = matrix.plans
    numbered = tuple(f"[{i}] {p}" for i, p in enumerate(plans, start=1)) if len(plans) > 1 else ()
    return numbered + ((matrix.note,) if matrix.note else ())


TOTAL_HEADER = ("牵头数", "配合数", "负责数", "合计")
COLUMN_TOTAL_ROWS = ("牵头单位数", "配合单位数", "负责单位数")


def matrix_table(matrix: Matrix) -> Table:
    """View 1: bureaus × columns, each cell its mark, with totals per bureau and per column."""
    rows = []
    for b in matrix.bureaus:
        marks = [(cell.label if (cell := matrix.cell(b.id, c.id)) else "") for c in matrix.columns]
        t = matrix.bureau_totals(b.id)
        counts = (t.lead, t.support, t.responsible, t.total)
        rows.append((b.name, *marks, *(str(n) for n in counts)))
    totals = [matrix.column_totals(c.id) for c in matrix.columns]
    for name, attr in zip(COLUMN_TOTAL_ROWS, ("lead", "support", "responsible")):
        rows.append((name, *(str(getattr(t, attr)) for t in totals), "", "", "", ""))
    return Table("责任矩阵", ("部门", *column_titles(matrix), *TOTAL_HEADER), tuple(rows),
                 plan_notes(matrix))


def _units(matrix: Matrix, column: Column, role: str) -> str:
    found = [(cell.rank, b.name) for b in matrix.bureaus
             if (cell := matrix.cell(b.id, column.id)) and getattr(cell, role)]
    return "、".join(name for _, name in sorted(found))


def task_view(matrix: Matrix) -> Table:
    """View 2, as offices publish it: each task with its lead and supporting units, goals, dates."""
    rows = tuple(
        (str(i), c.plan, " / ".join(c.section_path[:-1] if c.section_path[-1:] == (c.title,)
                                     else c.section_path), c.title,
         _units(matrix, c, "lead"), _units(matrix, c, "support"), _units(matrix, c, "responsible"),
         "\n".join(t.text() for t in c.targets), "\n".join(m.text() for m in c.milestones))
        for i, c in enumerate(matrix.columns, start=1))
    return Table("任务分工", ("序号", "规划", "章节", "重点任务", "牵头单位", "配合单位", "责任单位",
                            "目标指标", "时间节点"), rows)


def bureau_view(matrix: Matrix) -> Table:
    """View 3: each bureau's tasks by role, the goals and dates it answers for, and its load.

    In a section matrix a bureau answers for every goal of the sections it works in (the
    section is the unit of the table); use the action matrix for goals per task.
    """
    titles = dict(zip((c.id for c in matrix.columns), column_titles(matrix)))
    rows = []
    for b in matrix.bureaus:
        mine = [(c, cell) for c in matrix.columns if (cell := matrix.cell(b.id, c.id))]
        by_role = {role: "\n".join(titles[c.id] for c, cell in mine if getattr(cell, role))
                   for role in MARKS}
        targets = list(dict.fromkeys(t for c, _ in mine for t in c.targets))
        milestones = list(dict.fromkeys(m for c, _ in mine for m in c.milestones))
        dates = sorted({t.deadline for t in targets if t.deadline}
                       | {m.deadline for m in milestones})
        t = matrix.bureau_totals(b.id)
        rows.append((b.name, str(t.lead), str(t.support), str(t.responsible), str(t.total),
                     str(len(targets)), by_role["lead"], by_role["support"], by_role["responsible"],
                     "\n".join(x.text() for x in targets), "\n".join(m.text() for m in milestones),
                     dates[0] if dates else ""))
    return Table("部门任务", ("部门", *TOTAL_HEADER, "指标数", "牵头任务", "配合任务", "负责任务",
                            "目标指标", "时间节点", "最早截止"), tuple(rows), plan_notes(matrix))


def views(matrix: Matrix) -> list[Table]:
    return [matrix_table(matrix), task_view(matrix), bureau_view(matrix)]
