"""Indicator tables whose cells a PDF's text layer broke over lines.

A 主要指标 table (指标 | [单位] | 2020年 | 2025年 | 属性) printed from a PDF comes out one text line
per printed line: a row's name wraps over several lines and its value cells, vertically centred,
land on the middle line (or on a line of their own between the name's two halves), closed by the
attribute word (约束性/预期性)::

    编制规划数量（甲类、乙
    类、丙类单≥20约束性
    位）

The line with the values and the attribute ends a row's middle; a centred cell has as many of
its name's lines after that line as before it. Lines left over between rows are the first
column's group labels (a short run of Han characters) or page numbers: neither names a metric.
The later year (or 目标值) is the target; an earlier year is a baseline; a unit in brackets closing
the name (（%）, （万人次）) is the row's unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .flat_rows import Column, _roles
from .lines import MAX_GAP, MAX_SIDE, lines_from
from .numbers import unit_info
from .rules.dates import year_end
from .rules.tables import (
    FLAT_HEADER_START,
    GROUP_LABEL_LINE,
    LINE_CELL,
    LINE_ROW,
    LINED_HEADER,
    NAME_UNIT,
    PAGE_NUMBER_LINE,
    TABLE_BODY_END,
    UNIT_AT_NAME_END,
)
from .target_base import FoundTarget

_CMP = {"<": "lt", "＜": "lt", ">": "gt", "＞": "gt", "≥": "ge", "≤": "le", ">=": "ge", "<=": "le",
        "＞=": "ge", "＜=": "le"}
_SIGN = {"-": -1.0, "−": -1.0, "+": 1.0}


@dataclass
class _Line:
    start: int
    end: int
    text: str
    row: Optional[re.Match] = None


def _lines(text: str, pos: int) -> list[_Line]:
    """The table's lines from ``pos``: up to the first heading or sentence end, page numbers dropped."""
    out: list[_Line] = []
    pending = 0
    for a, b in lines_from(text, pos):
        line = text[a:b]
        if not line.strip() or PAGE_NUMBER_LINE.match(line):
            continue
        row = LINE_ROW.match(line)
        if row is None and (TABLE_BODY_END.search(line) or pending == MAX_GAP or LINED_HEADER.match(line)
                            or FLAT_HEADER_START.match(line)):  # the next table's header
            break
        pending = 0 if row else pending + 1
        out.append(_Line(a, b, line, row))
    return out


def _label_options(gap: list[_Line], at: int) -> list[Optional[int]]:
    """Where a gap's group label may stand: none, else a label-shaped line, the one at ``at``
    (between the two rows' lines) first."""
    spots = [i for i in range(len(gap)) if GROUP_LABEL_LINE.match(gap[i].text)]
    return [None, *sorted(spots, key=lambda i: (i != at, i))]


def _assign(gaps: list[list[_Line]], names: list[bool]) -> Optional[tuple[list[int], list[Optional[int]]]]:
    """How many name lines each row has above its value line (as many as below it), and where each
    gap's group label stands (an index into the gap, or None): every row with a name, at most one
    label between two rows. None when no assignment fits."""
    n = len(names)  # rows; gaps[0] is before row 0, gaps[n] after the last
    none: list[Optional[int]] = [None]
    # fits[i][before]: row i can have ``before`` name lines above its values, and the rows below
    # fit too; the label chosen for the gap after it (a list: found, and which, or empty)
    fits: list[list[list[Optional[int]]]] = [[[] for _ in range(MAX_SIDE + 1)] for _ in range(n)]
    for i in range(n - 1, -1, -1):
        gap = gaps[i + 1]
        for before in range(MAX_SIDE + 1):
            if before == 0 and not names[i]:
                continue
            if i == n - 1:
                fits[i][before] = none if len(gap) >= before else []
                continue
            for label in _label_options(gap, before):
                rest = len(gap) - before - (label is not None)
                if 0 <= rest <= MAX_SIDE and fits[i + 1][rest]:
                    fits[i][before] = [label]
                    break
    for first in _label_options(gaps[0], 0):
        before = len(gaps[0]) - (first is not None)
        if before > MAX_SIDE or not fits[0][before]:
            continue
        sides, labels = [], [first]
        for i in range(n):  # walk the choices down
            sides.append(before)
            label = fits[i][before][0]
            labels.append(label)
            before = len(gaps[i + 1]) - before - (label is not None)
        return sides, labels
    return None


def _split(gap: list[_Line], label: Optional[int], after: int) -> tuple[list[_Line], list[_Line]]:
    """A gap's lines without its label: the first ``after`` for the row above, the rest below."""
    kept = [ln for i, ln in enumerate(gap) if i != label]
    return kept[:after], kept[after:]


def read_lined_table(text: str, pos: int, cols: list[Column], unit_col: bool,
                     period_start: Optional[int], period_end: Optional[int]
                     ) -> tuple[list[FoundTarget], int]:
    """The rows of a table whose header ends at ``pos``, read line by line; and where its last row
    ends (``pos`` when none was read)."""
    lines = _lines(text, pos)
    rows = [i for i, ln in enumerate(lines) if ln.row]
    if not rows:
        return [], pos
    gaps = [lines[a + 1:b] for a, b in zip([-1, *rows], [*rows, len(lines)])]
    gaps[-1] = gaps[-1][:MAX_SIDE]
    heads = [lines[i].row.group("name").strip() != "" for i in rows]  # type: ignore[union-attr]  # rows hold matches
    got = _assign(gaps, heads)
    if got is None:
        return [], pos
    sides, labels = got
    out: list[FoundTarget] = []
    end = pos
    for k, i in enumerate(rows):
        row = lines[i].row
        assert row is not None
        above = _split(gaps[k], labels[k], (0 if k == 0 else sides[k - 1]))[1]
        below = _split(gaps[k + 1], labels[k + 1], sides[k])[0]
        mid, unit = row.group("name").strip(), None
        u = UNIT_AT_NAME_END.search(mid) if unit_col else None
        if u:  # the 单位 cell stands on the values' line
            mid, unit = mid[:u.start()].strip(), u.group("unit")
        parts = [ln.text.strip() for ln in above] + [mid] + [ln.text.strip() for ln in below]
        found = _row_targets(lines[i].start, row, "".join(parts), unit, cols, period_start, period_end,
                             ((above[0] if above else lines[i]).start, (below[-1] if below else lines[i]).end))
        out.extend(found)
        end = (below[-1] if below else lines[i]).end
    return out, end


def _row_targets(base: int, row: re.Match, name: str, unit: Optional[str], cols: list[Column],
                 period_start: Optional[int], period_end: Optional[int],
                 span: tuple[int, int]) -> list[FoundTarget]:
    """A row's targets (the later year's) and baselines, one per value cell; none when the cells
    are not one per column."""
    cells = list(LINE_CELL.finditer(row.group("vals")))
    if len(cells) != len(cols):
        return []  # glued or missing cells: no number beats a wrong one
    if unit is None:
        u = NAME_UNIT.search(name)
        if u and (unit_info(u.group("unit").replace("％", "%")) or u.group("unit") in ("%", "％")):
            unit, name = u.group("unit"), name[:u.start()]
    unit = unit.replace("％", "%") if unit else None
    name = name.strip()
    if not name:
        return []
    _, target_i, _ = _roles(cols)
    out: list[FoundTarget] = []
    v0 = base + row.start("vals")
    for i, (col, c) in enumerate(zip(cols, cells)):
        if c.group("empty"):
            continue
        year = col.year if col.kind == "year" else period_end
        before = year is not None and period_start is not None and year < period_start
        baseline = before or i != target_i or col.kind == "change"
        value = float(c.group("num")) * _SIGN.get(c.group("pre") or "", 1.0)
        vmax = float(c.group("max")) if c.group("max") else None
        c_unit = (c.group("post") or "").replace("％", "%") or unit
        info = unit_info(c_unit) if c_unit else None
        kind = "share" if c_unit in ("%", "个百分点", "百分点") else (
            "count" if info and info[2] == "count" else "level")
        dated = not baseline and year is not None
        out.append(FoundTarget(
            start=v0 + (c.start("pre") if c.group("pre") else c.start("num") if c.group("num") else c.start()), end=v0 + c.end(), metric=name, value=value, value_max=vmax, unit=c_unit,
            normalized_value=value * info[0] if info else value,
            normalized_unit=info[1] if info else c_unit,
            comparator="range" if vmax is not None else _CMP.get(c.group("pre") or "", "eq"),
            kind="baseline" if baseline else kind, recurrence="none",
            deadline=year_end(year) if dated and year is not None else None,
            deadline_rule="explicit" if dated else "none", sentence=span))
    return out
