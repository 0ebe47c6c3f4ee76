"""Write a roll-up: the JSON contract, a workbook (one sheet per level, one for the gaps) or a
self-contained HTML page.

One table per level is laid out once (``level_table``) and both XLSX and HTML draw it, so the
two always show the same columns. Document strings are data: openpyxl cells get them with
illegal control characters removed, HTML autoescapes them.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator, Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill

from graph.render.compare_report import FLAGS, _amount
from graph.render.writers import PathOrFile, text_writer
from schemas.compare import PlanRef
from schemas.errors import UnknownFormat
from schemas.rollup import RollUp

FORMATS = ("json", "html", "xlsx")
TEMPLATES = Path(__file__).parent / "templates"
PER_CHILD = ("value", "ratio", "deadline Δ years", "ambition")
HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
SHEET_NAME_MAX = 31  # Excel's limit


def plan_label(ref: PlanRef) -> str:
    """The region where districts share a title, else the title."""
    return f"{ref.region}·{ref.title}" if ref.region and ref.region not in ref.title else ref.title


def levels(rollup: RollUp) -> Iterator[RollUp]:
    """This roll-up, then each one below it, depth first."""
    yield rollup
    for below in rollup.below:
        yield from levels(below)


def _num(value: Optional[float], fmt: str = "{:.3g}") -> Any:
    return None if value is None else float(fmt.format(value))


def level_table(rollup: RollUp) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of one level: the parent target, per child its counterpart, the sum."""
    header = ["parent target", "parent value", "kind", "deadline"]
    for ref in rollup.children:
        header += [f"{plan_label(ref)}: {what}" for what in PER_CHILD]
    header += ["sum of children", "sum / parent", "children summed", "summed?"]
    rows = []
    for row in rollup.rows:
        p = row.parent
        cells: list[Any] = [p.metric, _amount(p), p.kind, p.deadline]
        for f in row.children:
            cells += ([_amount(f.target), _num(f.ratio), f.deadline_offset_years, FLAGS[f.ambition]]
                      if f.target else ["— no counterpart", None, None, None])
        total = (f"{row.total_as_parent:g}{p.unit or ''}" if row.total_as_parent is not None else
                 f"{row.total:g}{row.total_unit or ''}" if row.total is not None else None)
        cells += [total, _num(row.total_ratio), row.counted if row.additive else None,
                  "yes" if row.additive else f"no: {row.additive_reason}"]
        rows.append(cells)
    return header, rows


def missing_table(rollup: RollUp) -> tuple[list[str], list[list[Any]]]:
    """Per child plan (every level), the parent targets it has no counterpart for."""
    header = ["parent plan", "child plan", "parent target", "value", "kind", "deadline"]
    rows = []
    for level in levels(rollup):
        names = {ref.id: plan_label(ref) for ref in level.children}
        for gap in level.missing:
            rows += [[plan_label(level.parent_plan), names.get(gap.plan_id, gap.plan_id), t.metric,
                      _amount(t), t.kind, t.deadline] for t in gap.parent_targets]
    return header, rows


def _clean(value: Any) -> Any:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _sheet_title(text: str, taken: set[str]) -> str:
    base = "".join(ch for ch in text if ch not in "[]:*?/\\")[:SHEET_NAME_MAX - 3] or "level"
    title, n = base, 1
    while title in taken:
        n += 1
        title = f"{base} {n}"
    taken.add(title)
    return title


def workbook(rollup: RollUp) -> Workbook:
    """One sheet per level (frozen header and first column, filters) and a sheet of the gaps."""
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    tables = [(plan_label(level.parent_plan), level_table(level)) for level in levels(rollup)]
    tables.append(("missing counterparts", missing_table(rollup)))
    for name, (header, rows) in tables:
        ws = wb.create_sheet(_sheet_title(name, taken))
        ws.append([_clean(h) for h in header])
        for cell in ws[1]:
            cell.font, cell.fill = Font(bold=True), HEAD_FILL
        for cells in rows:
            ws.append([_clean(c) for c in cells])
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = ws.dimensions
        ws.column_dimensions["A"].width = 36
    return wb


def generate_html(rollup: RollUp) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    tables = [(level, level_table(level)) for level in levels(rollup)]
    return env.get_template("rollup.html.j2").render(
        r=rollup, tables=tables, missing=missing_table(rollup), label=plan_label)


def _format(path_or_file: PathOrFile, fmt: Optional[str]) -> str:
    name = path_or_file if isinstance(path_or_file, (str, os.PathLike)) else getattr(
        path_or_file, "name", "")
    kind = (fmt or Path(str(name)).suffix.lstrip(".")).lower()
    kind = {"htm": "html"}.get(kind, kind)
    if kind not in FORMATS:
        raise UnknownFormat(f"unknown roll-up format {kind!r}: use one of {', '.join(FORMATS)}")
    return kind


def write_rollup(rollup: RollUp, path_or_file: PathOrFile, fmt: Optional[str] = None) -> None:
    """Write JSON (UTF-8), HTML or XLSX; ``fmt`` defaults to the suffix."""
    kind = _format(path_or_file, fmt)
    if kind == "xlsx":
        workbook(rollup).save(path_or_file)  # openpyxl takes a path or a binary file
        return
    text = (rollup.model_dump_json(indent=2, ensure_ascii=False) + "\n" if kind == "json"
            else generate_html(rollup))
    with text_writer(path_or_file) as write:
        write(text)
