"""The responsibility matrix as a workbook researchers print and annotate: one sheet per view.

Why the care over layout: a 分工表 is read on paper as much as on screen, so the matrix sheet
freezes its header row and bureau column, stands action titles on end, fills lead and support
cells in colour with a legend, and prints landscape, one page wide.
"""
from __future__ import annotations

import math
import re
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from graph.answers.matrix import LEGEND, MARKS, Matrix
from graph.answers.matrix_views import COLUMN_TOTAL_ROWS, TOTAL_HEADER, Table, column_titles, matrix_table, views

FILLS = {role: PatternFill("solid", fgColor=colour) for role, colour in
         {"lead": "F4B183", "support": "BDD7EE", "responsible": "C6E0B4"}.items()}
HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="BFBFBF")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                   r"\uff00-\uff60\uffe0-\uffe6]")


def display_width(text: str) -> int:
    """Character columns a line takes: CJK and full-width characters count two."""
    return len(text) + len(_WIDE.findall(text))


def _put(ws: Worksheet, row: int, col: int, value: Any) -> Any:
    """Set a cell; text stays text (never a formula) and loses characters XLSX cannot hold."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _print_setup(ws: Worksheet, title_rows: str, title_cols: str = "A:A") -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_title_cols = title_cols


def _matrix_sheet(ws: Worksheet, matrix: Matrix) -> None:
    n = len(matrix.columns)
    titles = column_titles(matrix, numbered=False)
    _put(ws, 1, 1, "规划").font = BOLD
    col = 2
    for plan in matrix.plans:  # one merged plan cell above its columns
        span = sum(1 for c in matrix.columns if c.plan == plan)
        cell = _put(ws, 1, col, plan)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.font, cell.fill = BOLD, HEAD_FILL
        if span > 1:
            ws.merge_cells(start_row=1, start_column=col, end_row=1, end_column=col + span - 1)
        col += span
    ws.row_dimensions[1].height = 32
    _put(ws, 2, 1, "部门").font = BOLD
    for j, text in enumerate([*titles, *TOTAL_HEADER], start=2):
        cell = _put(ws, 2, j, text)
        cell.font, cell.fill, cell.border = BOLD, HEAD_FILL, BORDER
        if j <= n + 1:
            cell.alignment = Alignment(text_rotation=90, wrap_text=True, horizontal="center",
                                       vertical="bottom")
        else:
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="bottom")
    longest = max((display_width(t) for t in titles), default=4)
    ws.row_dimensions[2].height = min(409, max(60, 7 * min(longest, 36) + 10))

    table = matrix_table(matrix)
    for i, (b, values) in enumerate(zip(matrix.bureaus, table.rows), start=3):
        _put(ws, i, 1, b.name).font = Font(italic=b.generic)
        for j, c in enumerate(matrix.columns, start=2):
            cell = matrix.cell(b.id, c.id)
            out = _put(ws, i, j, cell.label if cell else None)
            out.alignment = Alignment(horizontal="center", vertical="center")
            out.border = BORDER
            if cell:
                out.fill = FILLS[cell.role]
        for j, value in enumerate(values[n + 1:], start=n + 2):
            _put(ws, i, j, int(value)).border = BORDER
    row = 3 + len(matrix.bureaus)
    for name, attr in zip(COLUMN_TOTAL_ROWS, ("lead", "support", "responsible")):
        _put(ws, row, 1, name).font = BOLD
        for j, c in enumerate(matrix.columns, start=2):
            out = _put(ws, row, j, getattr(matrix.column_totals(c.id), attr))
            out.fill, out.border = HEAD_FILL, BORDER
            out.alignment = Alignment(horizontal="center")
        row += 1
    row += 1
    _put(ws, row, 1, "图例").font = BOLD
    for k, role in enumerate(MARKS):
        _put(ws, row + k, 2, "").fill = FILLS[role]
        _put(ws, row + k, 3, LEGEND[role])
    for k, note in enumerate(table.notes, start=len(MARKS) + 1):
        _put(ws, row + k, 1, note)

    names = [display_width(b.name) for b in matrix.bureaus] + [display_width(x) for x in
                                                               COLUMN_TOTAL_ROWS]
    ws.column_dimensions["A"].width = min(40, max(names, default=8) + 2)
    for j in range(2, n + 2):
        ws.column_dimensions[get_column_letter(j)].width = 6.5
    for j in range(n + 2, n + 2 + len(TOTAL_HEADER)):
        ws.column_dimensions[get_column_letter(j)].width = 7
    ws.freeze_panes = "B3"
    _print_setup(ws, "1:2")


def _table_sheet(ws: Worksheet, table: Table, widths: dict[str, int]) -> None:
    """A plain view: bold frozen header, wrapped cells, widths by content within limits."""
    for j, head in enumerate(table.header, start=1):
        cell = _put(ws, 1, j, head)
        cell.font, cell.fill, cell.border = BOLD, HEAD_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    cols = []
    for j, head in enumerate(table.header, start=1):
        texts = [line for row in table.rows for line in row[j - 1].split("\n")]
        longest = max((display_width(line) for line in texts), default=0)
        width = min(widths.get(head, 40), max(display_width(head) + 2, longest + 2))
        ws.column_dimensions[get_column_letter(j)].width = width
        cols.append(width)
    for i, row in enumerate(table.rows, start=2):
        lines = 1
        for j, value in enumerate(row, start=1):
            cell = _put(ws, i, j, int(value) if value.isascii() and value.isdigit() else value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = BORDER
            lines = max(lines, sum(max(1, math.ceil(display_width(line) / cols[j - 1]))
                                   for line in value.split("\n")))
        ws.row_dimensions[i].height = min(409, 15 * lines + 3)
    for k, note in enumerate(table.notes, start=len(table.rows) + 3):
        _put(ws, k, 1, note)
    ws.freeze_panes = "B2"
    _print_setup(ws, "1:1")


def workbook(matrix: Matrix) -> Workbook:
    """Three sheets: 责任矩阵 (bureaus × columns), 任务分工 (per task), 部门任务 (per bureau)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "责任矩阵"
    _matrix_sheet(ws, matrix)
    narrow = {"序号": 6, "规划": 24, "章节": 24, "牵头数": 8, "配合数": 8, "负责数": 8, "合计": 8,
              "指标数": 8, "最早截止": 12}
    for table in views(matrix)[1:]:
        _table_sheet(wb.create_sheet(table.name), table, narrow)
    return wb
