"""``write_matrix``: the same cells as CSV, Markdown, HTML and XLSX.

CSV is long format (one row per filled cell: plan, section, column, bureau, role, rank and the
role counts) because it is the form that joins and pivots cleanly; the other formats carry all three
views (matrix, tasks, bureaus). Text never becomes markup or a formula: HTML autoescapes, Markdown
escapes, XLSX cells are typed strings, and CSV cells starting like a formula (= + - @, tab, CR)
get a ``'`` (OWASP's advice against CSV injection).
"""
from __future__ import annotations

import csv
import errno
import gc
import html
import io
import os
import sys
from pathlib import Path
from typing import Optional

from graph.answers.matrix import LEGEND, MARKS, Matrix, MatrixError
from graph.answers.matrix_views import COLUMN_TOTAL_ROWS, TOTAL_HEADER, Table, column_titles, matrix_table, views
from graph.render.writers import PathOrFile, atomic_path, spreadsheet_safe, text_writer
from schemas.errors import OutputError

FORMATS = ("xlsx", "html", "csv", "md")
TEMPLATES = Path(__file__).with_name("templates")
CSV_HEADER = ("plan", "section", "column", "column_id", "bureau", "bureau_id", "generic", "role",
              "mark", "rank", "lead", "support", "responsible")


def generate_csv(matrix: Matrix) -> str:
    """One row per filled cell, columns in text order; ``mark`` is the cell as tables show it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for b, c, cell in matrix.marks():
        row = (c.plan, "/".join(c.section_path), c.title, c.id, b.name, b.id,
               str(b.generic).lower(), cell.role, cell.label, cell.rank, cell.lead,
               cell.support, cell.responsible)
        writer.writerow([spreadsheet_safe(v) for v in row])
    return out.getvalue()


def _md(text: str) -> str:
    escaped = html.escape(text, quote=False).replace("\\", "\\\\").replace("|", "\\|")
    return escaped.replace("\n", "<br>") if escaped else " "


def _md_table(table: Table) -> list[str]:
    lines = [f"## {_md(table.name)}", ""]
    lines += [f"- {_md(note)}" for note in table.notes] + ([""] if table.notes else [])
    lines.append("| " + " | ".join(_md(h) for h in table.header) + " |")
    lines.append("|" + "|".join(" --- " for _ in table.header) + "|")
    lines += ["| " + " | ".join(_md(v) for v in row) + " |" for row in table.rows]
    return lines + [""]


def generate_markdown(matrix: Matrix) -> str:
    """The three views as Markdown tables (text escaped, line breaks as ``<br>``)."""
    legend = "、".join(f"{MARKS[r]} = {LEGEND[r]}" for r in MARKS)
    lines = ["# 责任分工表", "", f"图例：{legend}", ""]
    for table in views(matrix):
        lines += _md_table(table)
    return "\n".join(lines)


def generate_html(matrix: Matrix) -> str:
    """A self-contained page: the heatmap matrix and the two other views, all text escaped."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        enabled_extensions=("j2", "html"), default_for_string=True), trim_blocks=True,
        lstrip_blocks=True)
    groups: list[tuple[str, int]] = []
    for c in matrix.columns:
        if groups and groups[-1][0] == c.plan:
            groups[-1] = (c.plan, groups[-1][1] + 1)
        else:
            groups.append((c.plan, 1))
    totals = {b.id: matrix.bureau_totals(b.id) for b in matrix.bureaus}
    peak = max((t.total for t in totals.values()), default=0) or 1
    rows = [{"bureau": b, "cells": [matrix.cell(b.id, c.id) for c in matrix.columns],
             "totals": totals[b.id], "heat": round(totals[b.id].total / peak, 2)}
            for b in matrix.bureaus]
    column_totals = [matrix.column_totals(c.id) for c in matrix.columns]
    return env.get_template("matrix.html.j2").render(
        matrix=matrix, groups=groups, titles=column_titles(matrix, numbered=False), rows=rows,
        marks=MARKS, legend=LEGEND, total_header=TOTAL_HEADER, column_total_rows=list(zip(
            COLUMN_TOTAL_ROWS, ("lead", "support", "responsible"))), column_totals=column_totals,
        tables=views(matrix)[1:], notes=matrix_table(matrix).notes)


def _xlsx_bytes(matrix: Matrix, path: "os.PathLike[str] | str") -> bytes:
    """The workbook built in memory (a failed write then leaves no open zip behind). openpyxl
    streams each sheet through a temporary file: on a full disk that fails inside lxml, and the
    half-written streams complain when collected, so they are collected here, quietly."""
    from lxml.etree import SerialisationError

    from graph.render.matrix_xlsx import workbook

    data = io.BytesIO()
    reason = ""
    try:
        workbook(matrix).save(data)
    except (OSError, SerialisationError) as exc:
        text = str(exc)
        code = getattr(errno, text[3:], None) if text.startswith("IO_E") else None
        reason = (exc.strerror if isinstance(exc, OSError) else None) or (
            os.strerror(code) if code else text)
    if not reason:
        return data.getvalue()
    hook = sys.unraisablehook  # the traceback is gone: the streams can be collected now
    sys.unraisablehook = lambda *_: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook
    raise OutputError(f"{os.fspath(path)} cannot be written ({reason})")


def write(matrix: Matrix, path_or_file: PathOrFile, fmt: str) -> None:
    """Write ``matrix`` as ``fmt`` (already checked by ``write_matrix``)."""
    if fmt == "xlsx":
        from graph.render.matrix_xlsx import workbook

        if isinstance(path_or_file, (str, os.PathLike)):
            data = _xlsx_bytes(matrix, path_or_file)
            with atomic_path(path_or_file) as tmp:
                tmp.write_bytes(data)
        else:
            workbook(matrix).save(path_or_file)
        return
    generate = {"csv": generate_csv, "md": generate_markdown, "html": generate_html}.get(fmt)
    if generate is None:
        raise MatrixError(f"unknown matrix format {fmt!r}")
    text = generate(matrix)
    if fmt == "csv" and isinstance(path_or_file, (str, os.PathLike)):
        text = "\ufeff" + text  # a BOM in CSV files, so spreadsheet programs read UTF-8
    with text_writer(path_or_file) as write_text:
        write_text(text)


def _format_of(path_or_file: PathOrFile, fmt: Optional[str]) -> str:
    name = os.fspath(path_or_file) if isinstance(path_or_file, (str, os.PathLike)) else \
        getattr(path_or_file, "name", "")
    found = (fmt or os.path.splitext(str(name))[1]).lower().lstrip(".")
    found = {"markdown": "md", "htm": "html"}.get(found, found)
    if found not in FORMATS:
        raise MatrixError(f"unknown matrix format {found or '(none)'!r}; use one of "
                          + ", ".join(FORMATS))
    return found


def write_matrix(matrix: Matrix, path_or_file: PathOrFile, fmt: Optional[str] = None) -> None:
    """Write the matrix and its views as .xlsx, .html, .csv or .md; ``fmt`` overrides the suffix."""
    write(matrix, path_or_file, _format_of(path_or_file, fmt))
