"""What the CLI prints: terminal-safe text and query rows written as they arrive.

Why: text from documents and file names reaches the terminal (query tables, ``failed:`` lines).
An ESC or OSC sequence there can rewrite the screen or the window title, and a newline in a file
name can print a fake ``Error:`` line; so every print goes through ``echo``, which shows control
characters as ``\\x1b``-style escapes. Rows are written one by one (a table in pages), so a query
of millions of rows never sits in memory.
"""
from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any, Optional

import click

from graph.render.writers import spreadsheet_safe

FORMATS = ("table", "json", "jsonl", "csv")
TABLE_PAGE = 1000  # rows per table page (each page is aligned on its own, under a header)
# C0 and C1 controls, DEL, line/paragraph separators, bidirectional overrides and isolates.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_KEEP_LINES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")  # json escapes C0


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object, lines: bool = False) -> str:
    """``text`` with control characters shown as escapes; ``lines`` keeps line breaks."""
    return (_CONTROL_KEEP_LINES if lines else _CONTROL).sub(_escape, str(text))


def echo(text: object = "", err: bool = False, lines: bool = False) -> None:
    """Print one line (or, with ``lines``, lines made by us) with control characters escaped."""
    click.echo(safe(text, lines), err=err)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or Infinity
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _json(row: dict[str, Any]) -> str:
    text = json.dumps(_finite(row), ensure_ascii=False, allow_nan=False, default=str)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)  # valid JSON still


def _cell(value: Any) -> Any:
    value = _finite(value)
    if isinstance(value, (list, dict)):
        value = json.dumps(_finite(value), ensure_ascii=False, default=str)
    return safe(value) if isinstance(value, str) else value


def _csv_value(value: Any) -> Any:
    """A CSV cell: a list as 、-joined text, a mapping as JSON, NaN and infinity as empty."""
    value = _finite(value)
    if isinstance(value, list):
        return "、".join("" if v is None else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: Optional[IO[str]] = None) -> int:
    """Write ``rows`` as table, json (a streamed array), jsonl or csv; the number written."""
    out = out or sys.stdout
    count = 0
    it: Iterator[dict[str, Any]] = iter(rows)
    if fmt in ("json", "jsonl"):
        for row in it:
            if fmt == "json":
                out.write("[\n" if not count else ",\n")
            out.write(_json(row) + ("\n" if fmt == "jsonl" else ""))
            count += 1
        if fmt == "json":
            out.write("[]\n" if not count else "\n]\n")
        return count
    if fmt == "csv":  # a BOM, so Excel and WPS read the Chinese; lists as 、-joined text
        tty = out.isatty()
        writer = csv.writer(out)
        out.write("\ufeff")
        for row in it:
            if not count:
                writer.writerow([safe(k) if tty else k for k in row])
            cells = [spreadsheet_safe(_csv_value(v)) for v in row.values()]
            writer.writerow([safe(c) if tty and isinstance(c, str) else c for c in cells])
            count += 1
        return count
    from tabulate import tabulate

    while page := list(islice(it, TABLE_PAGE)):
        if count:
            out.write("\n")
        headers = [safe(k) for k in page[0]]
        out.write(tabulate([[_cell(v) for v in r.values()] for r in page], headers=headers) + "\n")
        count += len(page)
    if not count:
        out.write("(no rows)\n")
    return count
