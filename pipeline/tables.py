"""Indicator tables (主要指标表): 指标 | 单位 | 2023年 | 2026年 | 属性, one row per metric.

Decode turns HTML and Word tables into tab-separated lines. In such a table the numbers carry no
unit of their own: the unit comes from a 单位 column or from the metric's parentheses (亿元), and
the year from the column header. Columns before the plan period are baselines.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .numbers import parse_number, unit_info
from .rules.dates import year_end
from .rules.tables import (
    CELL,
    GOAL_COL,
    GROWTH_COL,
    INDICATOR,
    METRIC_UNIT,
    ROW_NUMBER,
    UNIT_COL,
    YEAR_COL,
)
from .rules.targets import GROWTH_WORD
from .targets import FoundTarget

_CMP = {"≥": "ge", "≥=": "ge", ">=": "ge", ">": "gt", "＞": "gt", "≤": "le", "<=": "le", "<": "lt",
        "＜": "lt", "不低于": "ge", "不少于": "ge", "不超过": "le", "超过": "gt", "约": "approx",
        "以上": "ge", "以下": "le", "以内": "le", "左右": "approx"}


@dataclass
class _Header:
    indicator: int
    unit: Optional[int]
    values: list[tuple[int, Optional[int], bool]]  # (column, year or None for 目标, growth column)


def _header(cells: list[str], period_end: Optional[int]) -> Optional[_Header]:
    names = [c.strip() for c in cells]
    ind = next((i for i, c in enumerate(names) if INDICATOR.match(c)), None)
    if ind is None:
        return None
    unit = next((i for i, c in enumerate(names) if UNIT_COL.match(c)), None)
    values = []
    for i, c in enumerate(names):
        if i in (ind, unit):
            continue
        y = YEAR_COL.search(c)
        if y or GOAL_COL.search(c) or GROWTH_COL.search(c):
            values.append((i, int(y.group(1)) if y else period_end, bool(GROWTH_COL.search(c))))
    return _Header(ind, unit, values) if values else None


def _kind(metric: str, unit: str, growth: bool) -> str:
    info = unit_info(unit)
    if growth or (unit == "%" and GROWTH_WORD.search(metric)):
        return "growth_rate"
    if unit in ("%", "个百分点", "百分点"):
        return "share"
    return "count" if info and info[2] == "count" else "level"


def find_indicator_targets(text: str, period_start: Optional[int], period_end: Optional[int]) -> list[FoundTarget]:
    """One target per filled value cell of every indicator table in ``text`` (offsets into it)."""
    out: list[FoundTarget] = []
    header: Optional[_Header] = None
    pos = 0
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) < 3:
            header = None
        else:
            found = _header(cells, period_end)
            if found:
                header = found
            elif header and len(cells) > header.indicator:
                out.extend(_row(line, pos, cells, header, period_start))
        pos += len(line) + 1
    return out


def _row(line: str, pos: int, cells: list[str], h: _Header, period_start: Optional[int]) -> list[FoundTarget]:
    offsets = [pos]
    for c in cells[:-1]:
        offsets.append(offsets[-1] + len(c) + 1)
    metric = ROW_NUMBER.sub("", cells[h.indicator]).strip()
    unit = cells[h.unit].strip() if h.unit is not None and h.unit < len(cells) else ""
    m_unit = METRIC_UNIT.search(metric)
    if m_unit:
        unit = unit or m_unit.group(1).strip()
        metric = metric[:m_unit.start()].strip()
    if not metric or not unit:
        return []
    info = unit_info(unit)
    out = []
    for col, year, growth in h.values:
        if col >= len(cells):
            continue
        cell = CELL.match(cells[col])
        if not cell:
            continue
        value = parse_number(cell.group("num"))
        if value is None or (cell.group("sign") and not growth):
            continue
        if cell.group("sign") in ("-", "−"):
            value = -value
        own = (cell.group("unit") or "").replace("％", "%")
        if own and not growth and own != unit:
            continue  # a % in a column of 亿元: not this column's value
        # A column before the plan period is a baseline; with no period known, any year column
        # before the table's latest one (2020年 beside 2025年) is.
        latest = max((y for _, y, g in h.values if y is not None and not g), default=None)
        if growth and year is None:
            year = latest  # 年均增长 runs to the table's target year
        baseline = year is not None and not growth and (
            year < period_start if period_start is not None else latest is not None and year < latest)
        word = cell.group("pre") or cell.group("post")
        start = offsets[col] + (len(cells[col]) - len(cells[col].lstrip()))
        end = offsets[col] + len(cells[col].rstrip())
        out.append(FoundTarget(
            start=start, end=end, metric=metric, value=value, value_max=None,
            unit=(own or "%") if growth else unit,
            normalized_value=value * info[0] if info and not growth else value,
            normalized_unit=(info[1] if info and not growth else ((own or "%") if growth else unit)),
            comparator=_CMP.get(word or "", "eq"),
            kind="baseline" if baseline else ("share" if growth and own in ("个百分点", "百分点")
                                              else _kind(metric, unit, growth)),
            recurrence="none", deadline=None if baseline or year is None else year_end(year),
            deadline_rule="none" if baseline or year is None else "explicit",
            sentence=(pos, pos + len(line))))
    return out
