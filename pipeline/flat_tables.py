"""Indicator tables flattened into running text, and the formula lines of indicator annexes.

A crawl or OCR prints a plan's 主要指标 table as text: the header (指标 | 单位 | 2020年 | 2025年 |
年均增长 | 属性) runs into its rows, and a row reads ``1地区生产总值（亿元）820.51000＞8%``: the
indicator, its unit in brackets, then the value columns glued together. The header gives the
columns' order; the later year (or 目标值) is the target, an earlier year a baseline, a change
column (年均增长, 2015年比2010年增长, “十一五”增减) a second target.

Where two columns' digits are glued (``14141270``) a row is read only where the reading is
certain (``flat_rows``); otherwise it yields nothing and is reported (``glued_values``): no number
beats a wrong one. The notes right after a table (注：…) and the formula lines of indicator annexes
(计算方法：A/B×100%) set no targets either.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterator, Optional, TypeVar

from schemas.records import Target, Warning
from schemas.stages import NormalizedDocument

from .flat_lines import read_lined_table
from .flat_rows import Column, read_row
from .rules.tables import (
    CELL_SPACE,
    FLAT_COLUMN,
    FLAT_HEADER_START,
    FLAT_ROW,
    FLAT_ROW_UNIT_COL,
    FORMULA_LINE,
    METRIC_UNIT,
    NOTE_LINE,
    NUMBERED_NOTE,
    RATIO_FORMULA,
    TABLE_NOTE,
    TABLE_NOTE_END,
)
from .target_base import FoundTarget

T = TypeVar("T", bound=Target)


@dataclass
class FlatTables:
    """What the flattened tables of a text give: targets (and baselines), the spans they cover
    (the target grammar's readings inside them are junk), rows left unread (start, end) and the
    formula lines (计算方法：…) whose numbers are definitions."""

    targets: list[FoundTarget]
    spans: list[tuple[int, int]]
    unread: list[tuple[int, int]]
    formulas: list[tuple[int, int]] = field(default_factory=list)


def _header(text: str, pos: int) -> tuple[list[Column], int, bool, bool]:
    """The value columns after 指标, where the header ends, and whether it has a 单位 column and
    an attribute (属性) column."""
    cols: list[Column] = []
    unit_col = attr_col = False
    while True:
        m = FLAT_COLUMN.match(text, pos)
        if not m or m.end() == pos:
            return cols, pos, unit_col, attr_col
        unit_col = unit_col or m.lastgroup == "unit"
        attr_col = attr_col or m.lastgroup == "attr"
        kind = m.lastgroup or ""
        label = CELL_SPACE.sub("", m.group(kind))
        bracket = METRIC_UNIT.search(label)
        if kind in ("year", "goal", "change"):
            cols.append(Column(kind, label[:bracket.start()] if bracket else label,
                                int(m.group("year")) if kind == "year" else None,
                                bracket.group(1) if bracket else ""))
        pos = m.end()


def find_flat_tables(text: str, period_start: Optional[int], period_end: Optional[int]) -> FlatTables:
    """Every flattened indicator table of ``text``: a header with at least two value columns
    followed by rows ``name（unit）values``. Tab-separated tables are pipeline.tables' business."""
    out = FlatTables([], [], [], formula_spans(text))
    for h in FLAT_HEADER_START.finditer(text):
        line_end = text.find("\n", h.start())
        if "\t" in text[h.start():line_end if line_end >= 0 else len(text)]:
            continue
        cols, pos, unit_col, attr_col = _header(text, h.end())
        lined: list[FoundTarget] = []
        if attr_col and cols:  # rows broken over lines, each closed by its attribute word
            lined, lined_end = read_lined_table(text, pos, cols, unit_col, period_start, period_end)
        if sum(c.kind in ("year", "goal") for c in cols) < 2 and not (
                any(c.kind == "change" for c in cols) and any(c.kind in ("year", "goal") for c in cols)):
            rows: list[re.Match] = []
        else:
            rows = list(_rows(text, pos, FLAT_ROW_UNIT_COL if unit_col else FLAT_ROW))
        if lined and len({t.sentence for t in lined}) > len(rows):
            out.targets.extend(lined)  # more rows read line by line than one row a line
            out.spans.append((h.start(), lined_end))
            continue
        end = pos
        for r in rows:
            found = read_row(text, r, cols, period_start, period_end)
            if found is None:
                out.unread.append((r.start("metric"), r.end()))
            else:
                out.targets.extend(found)
            end = r.end()
        if end > pos:
            out.spans.append((h.start(), end))
            note = TABLE_NOTE.match(text, end)
            if note:
                stop = TABLE_NOTE_END.search(text, note.end())
                out.formulas.append((note.start(), stop.start() if stop else len(text)))
    return out


def _rows(text: str, pos: int, row: re.Pattern[str]) -> Iterator[re.Match]:
    while True:
        m = row.match(text, pos) or (row is not FLAT_ROW and FLAT_ROW.match(text, pos)) or None
        if not m:
            return
        yield m
        pos = m.end()


def formula_spans(text: str) -> list[tuple[int, int]]:
    """What defines or explains an indicator, never a target: lines such as 计算方法：…, notes
    (a 注： line and the numbered notes under it), and ratio formulas (A/B×100%) wherever they
    stand (a target beside one in a line is kept)."""
    out: list[tuple[int, int]] = []
    pos = 0
    in_notes = False
    for line in text.split("\n"):
        in_notes = bool(NOTE_LINE.match(line)) or (in_notes and bool(NUMBERED_NOTE.match(line)))
        if in_notes or FORMULA_LINE.match(line):
            out.append((pos, pos + len(line)))
        else:
            out.extend((pos + m.start(), pos + m.end()) for m in RATIO_FORMULA.finditer(line))
        pos += len(line) + 1
    return out


def drop_inside(found: list[FoundTarget], tables: FlatTables) -> list[FoundTarget]:
    """The target grammar's readings outside flattened tables and formula lines, then the
    tables' own targets (the grammar reads a glued row as junk such as ``（%）55> 605个百分点``)."""
    kept = [f for f in found if not any(a <= f.start < b for a, b in tables.spans)
            and not any(a < f.end <= b for a, b in tables.formulas)]  # a reading ending in a formula
    return kept + tables.targets


def glued_value_warnings(norm: NormalizedDocument, period_start: Optional[int],
                         period_end: Optional[int]) -> list[Warning]:
    """One ``glued_values`` warning per flattened table row whose glued digits could not be
    split with certainty (the row gave no target)."""
    out = []
    for a, b in find_flat_tables(norm.text, period_start, period_end).unread:
        o_start, o_end = norm.to_original(a, b)
        out.append(Warning(code="glued_values", message=(
            "an indicator table row whose value columns run together and cannot be split with "
            f"certainty: no target taken from {norm.text[a:b][:80]!r}"),
            text=norm.raw.original[o_start:o_end], orig_start=o_start, orig_end=o_end))
    return out


def outside_spans(targets: list[T], spans: list[tuple[int, int]]) -> list[T]:
    """The targets (records) whose value does not end inside a note, a formula line or a ratio
    formula: ``spans`` are ``formula_spans`` of the whole text (a block alone may not see the 注：
    line above the numbered notes it holds), computed once and checked block by block."""
    if not spans:
        return targets
    starts = [a for a, _ in spans]
    out = []
    for t in targets:
        k = bisect_left(starts, t.evidence.end) - 1
        if not (k >= 0 and spans[k][0] < t.evidence.end <= spans[k][1]):
            out.append(t)
    return out
