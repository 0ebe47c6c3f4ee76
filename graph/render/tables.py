"""The tidy tables written for the tools researchers use: CSV with a BOM (Excel and WPS then read
the Chinese), an XLSX workbook (one sheet per table, frozen header, filters, real numbers and
dates), Parquet (pandas ``read_parquet``, R ``arrow``, Stata via either) with typed columns.

Files are written through a temporary file, so a failure never leaves half a table behind.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path
from typing import Any, Callable

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

from graph.answers.tables import ColumnType, TidyTable

FORMATS = ("csv", "xlsx", "parquet")
WORKBOOK = "tables.xlsx"


def _date(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def _typed(value: Any, kind: ColumnType) -> Any:
    if value is None or value == "":
        return None
    if kind == "date":
        return _date(value)
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    return str(value)


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_csv_table(table: TidyTable, path: Path) -> Path:
    """UTF-8 with a BOM; empty cells for missing values; dates as YYYY-MM-DD."""
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(table.names)
            for row in table.rows:
                out.writerow(["" if (v := _typed(row.get(n), k)) is None else
                              ("true" if v else "false") if isinstance(v, bool) else v
                              for n, k in table.columns])
    return _atomic(path, write)


def write_parquet_table(table: TidyTable, path: Path) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64(), "date": pa.date32(),
             "bool": pa.bool_()}
    schema = pa.schema([(n, types[k]) for n, k in table.columns])
    columns = {n: [_typed(row.get(n), k) for row in table.rows] for n, k in table.columns}
    data = pa.Table.from_pydict(columns, schema=schema)
    return _atomic(path, lambda tmp: pq.write_table(data, tmp))


def _cell(value: Any) -> Any:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def write_workbook(tables: list[TidyTable], path: Path) -> Path:
    """One sheet per table: header frozen, an autofilter over the whole table, dates formatted."""
    wb = Workbook()
    wb.remove(wb.active)
    for table in tables:
        ws = wb.create_sheet(table.name)
        ws.append(table.names)
        for row in table.rows:
            ws.append([_cell(_typed(row.get(n), k)) for n, k in table.columns])
        ws.freeze_panes = "A2"
        last = get_column_letter(len(table.columns))
        ws.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
        for i, (name, kind) in enumerate(table.columns, start=1):
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = 40 if name in ("evidence", "item", "clause") else 14
            if kind == "date":
                for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.number_format = "yyyy-mm-dd"
    return _atomic(path, wb.save)


def write_tables(tables: list[TidyTable], out: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """``out`` a folder: <table>.csv, <table>.parquet and tables.xlsx there (as ``formats`` ask);
    ``out`` a .xlsx file: the workbook only."""
    if out.suffix.lower() == ".xlsx":
        return [write_workbook(tables, out)]
    written = []
    for table in tables:
        if "csv" in formats:
            written.append(write_csv_table(table, out / f"{table.name}.csv"))
        if "parquet" in formats:
            written.append(write_parquet_table(table, out / f"{table.name}.parquet"))
    if "xlsx" in formats:
        written.append(write_workbook(tables, out / WORKBOOK))
    return written
