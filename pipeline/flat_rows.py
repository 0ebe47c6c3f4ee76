"""One row of a flattened indicator table: its value run read as the header's columns.

``2551.72347.6-8%`` may be 2551.7 | 2347.6 | -8% or 2551.72 | 347.6 | -8%: every way of cutting the glued
digits into well-formed numbers (no leading zero, at most two decimals; a number of its column: a
% only on a change or a row in %) is tried. One reading must agree with the change column (the
target against the base, within the change's printed precision; a total or an annual rate), or,
with no change column, be the one uncut reading or the one keeping the target within a factor of
five of the base. Otherwise the row is not read (``read_row`` gives None).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .numbers import unit_info
from .rules.dates import year_end
from .rules.tables import FLAT_CHUNK, TABLE_NUMBER, THOUSANDS
from .target_base import FoundTarget

_CMP = {"<": "lt", "＜": "lt", ">": "gt", "＞": "gt", "≥": "ge", "≤": "le", ">=": "ge", "<=": "le",
        "＞=": "ge", "＜=": "le"}
_SIGN = {"-": -1.0, "−": -1.0, "+": 1.0}
#: A target within this factor of its baseline is plausible (used only to choose between splits).
_PLAUSIBLE = 5.0
#: Digits longer than this are not glued table cells (and would make too many cuts to try).
_MAX_GLUED = 18
#: Bound on the ways of splitting one row's glued digits.
_MAX_SPLITS = 5000


@dataclass
class Column:
    kind: str  # year, goal, change
    label: str
    year: Optional[int]
    unit: str = ""  # the header's own unit: 年均增长（%）


@dataclass
class _Num:
    value: float
    start: int
    end: int
    pre: str
    post: str
    decimals: int
    empty: bool = False  # an empty cell (—): a column with no value


def _splits(digits: str, k: int) -> Iterator[list[tuple[int, int]]]:
    """Ways to cut ``digits`` into ``k`` well-formed numbers, as (start, end) pairs (none for a
    run longer than any few glued cells: the cuts grow as n^k)."""
    n = len(digits)
    if n > _MAX_GLUED:
        return
    for cuts in itertools.combinations(range(1, n), k - 1):
        bounds = (0, *cuts, n)
        parts = [(bounds[i], bounds[i + 1]) for i in range(k)]
        if all(TABLE_NUMBER.fullmatch(digits[a:b]) for a, b in parts):
            yield parts


def _readings(vals: str, base: int, k: int, next_no: Optional[int]) -> list[list[_Num]]:
    """Every reading of a row's value run as ``k`` numbers, each with its own offsets; a trailing
    whole number of at most two digits may be the next row's number glued on (``next_no`` when
    the row is numbered: then it must be that number)."""
    chunks = [c for c in FLAT_CHUNK.finditer(vals)]
    readings: list[list[_Num]] = []
    for extra in (0, 1):
        total = k + extra
        for counts in _compositions(total, len(chunks)):
            per_chunk: list[list[list[_Num]]] = []
            for c, m in zip(chunks, counts):
                if c.group("empty"):
                    per_chunk.append([[_Num(0.0, base + c.start(), base + c.end(), "", "", 0, True)]] if m == 1 else [])
                    continue
                d, d0 = c.group("digits").replace(",", ""), base + c.start("digits")
                if "," in c.group("digits"):
                    if m != 1 or not THOUSANDS.fullmatch(c.group("digits")):
                        per_chunk.append([])
                        continue
                    per_chunk.append([[_Num(float(d), d0, base + c.end("digits"), c.group("pre") or "",
                                            c.group("post") or "", len(d.partition(".")[2]))]])
                    continue
                options = []
                for parts in _splits(d, m):
                    nums = [_Num(float(d[a:b]), d0 + a, d0 + b, "", "", len(d[a:b].partition(".")[2]))
                            for a, b in parts]
                    nums[0].pre, nums[-1].post = c.group("pre") or "", c.group("post") or ""
                    options.append(nums)
                per_chunk.append(options)
            for combo in itertools.product(*per_chunk):
                nums = [n for part in combo for n in part]
                if extra:
                    last = nums[-1]
                    if last.pre or last.post or last.decimals or last.end - last.start > 2 \
                            or (next_no is not None and last.value != next_no):
                        continue
                    nums = nums[:-1]
                readings.append(nums)
                if len(readings) > _MAX_SPLITS:
                    return []
    return readings


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Ways to give each of ``parts`` chunks at least one of ``total`` numbers."""
    if parts == 0 or total < parts:
        return
    for cuts in itertools.combinations(range(1, total), parts - 1):
        bounds = (0, *cuts, total)
        yield tuple(bounds[i + 1] - bounds[i] for i in range(parts))


def _signed(n: _Num) -> float:
    return n.value * _SIGN.get(n.pre, 1.0)


def _agrees(nums: list[_Num], cols: list[Column]) -> Optional[bool]:
    """Whether a reading's target agrees with its base through the change column (None when the
    row has no base, target and change to compare)."""
    base, target, change = _roles(cols)
    if base is None or target is None or change is None:
        return None
    if nums[base].empty or nums[target].empty or nums[change].empty:
        return None
    b, t, c = nums[base].value, nums[target].value, nums[change]
    rate = _signed(c)
    tol = 10.0 ** -c.decimals
    if (c.post or cols[change].unit) in ("个百分点", "百分点"):
        return abs((t - b) - rate) <= tol + 1e-9
    if b <= 0:
        return False
    total = (t / b - 1) * 100
    years = (cols[target].year or 0) - (cols[base].year or 0)
    annual = ((t / b) ** (1 / years) - 1) * 100 if years > 0 else total
    return min(abs(total - rate), abs(annual - rate)) <= tol + 1e-9


def _roles(cols: list[Column]) -> tuple[Optional[int], Optional[int], Optional[int]]:
    """Indexes of the base, target and change columns among the value columns."""
    levels = [i for i, c in enumerate(cols) if c.kind in ("year", "goal")]
    change = next((i for i, c in enumerate(cols) if c.kind == "change"), None)
    if not levels:
        return None, None, change
    target = max(levels, key=lambda i: (cols[i].year or 9999, i))
    bases = [i for i in levels if i != target and (cols[i].year or 9999) < (cols[target].year or 9999)]
    return (bases[0] if bases else None), target, change


def _plausible(nums: list[_Num], cols: list[Column]) -> bool:
    base, target, _ = _roles(cols)
    if base is None or target is None:
        return True
    if nums[base].empty or nums[target].empty:
        return True
    b, t = nums[base].value, nums[target].value
    if b == 0 or t == 0:
        return b == t
    return 1 / _PLAUSIBLE <= t / b <= _PLAUSIBLE


def _choose(text: str, r: re.Match, cols: list[Column]) -> Optional[list[_Num]]:
    """The one certain reading of a row's values, or None."""
    vals = r.group("vals")
    k = len(cols)
    no = r.group("no")
    unit = r.group("unit").strip().replace("％", "%")
    readings = [nums for nums in _readings(vals, r.start("vals"), k, int(no) + 1 if no else None)
                if _fits(nums, cols, unit)]
    if not readings:
        return None
    exact = [nums for nums in readings if _no_split(nums, vals, r.start("vals"))]
    checks = [_agrees(nums, cols) for nums in readings]
    agreeing = [nums for nums, ok in zip(readings, checks) if ok]
    if agreeing:
        return _unique(agreeing)
    if any(ok is not None for ok in checks):
        return _unique(exact)  # the printed change disagrees: trust only an uncut reading
    return _unique(exact) or _unique([nums for nums in readings if _plausible(nums, cols)])


def _unique(readings: list[list[_Num]]) -> Optional[list[_Num]]:
    return readings[0] if readings and len({_key(n) for n in readings}) == 1 else None


def _fits(nums: list[_Num], cols: list[Column], unit: str) -> bool:
    """Each number fits its column: a % or 个百分点 only in a change column or a row measured in %,
    a minus sign only on a change."""
    for col, n in zip(cols, nums):
        if col.kind != "change" and ((n.post and unit != "%") or _SIGN.get(n.pre, 1.0) < 0):
            return False
    return True


def _key(nums: list[_Num]) -> tuple[tuple[int, int], ...]:
    return tuple((n.start, n.end) for n in nums)


def _no_split(nums: list[_Num], vals: str, base: int) -> bool:
    """A reading where every chunk of digits is one number (nothing had to be cut)."""
    chunks = {(base + c.start("digits"), base + c.end("digits")) for c in FLAT_CHUNK.finditer(vals)
              if c.group("digits")}
    return all(n.empty or (n.start, n.end) in chunks for n in nums)


def read_row(text: str, r: re.Match, cols: list[Column], period_start: Optional[int],
         period_end: Optional[int]) -> Optional[list[FoundTarget]]:
    nums = _choose(text, r, cols)
    if nums is None:
        return None
    metric = r.group("metric").strip()
    unit = r.group("unit").strip().replace("％", "%")
    info = unit_info(unit)
    base_i, target_i, change_i = _roles(cols)
    row_span = (r.start("metric"), r.end())
    out: list[FoundTarget] = []
    for i, (col, n) in enumerate(zip(cols, nums)):
        if n.empty:
            continue
        year = col.year if col.kind == "year" else period_end
        before = year is not None and period_start is not None and year < period_start
        baseline = before or (i != target_i and col.kind != "change")
        if col.kind == "change":
            if before or (target_i is not None and _is_before(cols[target_i], period_start)):
                baseline = True
            c_unit = n.post or col.unit.replace("％", "%") or "%"
            kind = "share" if c_unit != "%" else "growth_rate"
            name, value, c_info = metric + col.label, _signed(n), unit_info(c_unit)
            year = cols[target_i].year if target_i is not None and cols[target_i].year else period_end
        else:
            c_unit, name, value, c_info = unit, metric, n.value, info
            kind = "share" if unit in ("%", "个百分点", "百分点") else (
                "count" if info and info[2] == "count" else "level")
        dated = not baseline and year is not None
        out.append(FoundTarget(
            start=n.start - (len(n.pre) if n.pre in _SIGN else 0), end=n.end, metric=name, value=value,
            value_max=None, unit=c_unit,
            normalized_value=value * c_info[0] if c_info else value,
            normalized_unit=c_info[1] if c_info else c_unit,
            comparator="eq" if col.kind == "change" else _CMP.get(n.pre, "eq"),
            kind="baseline" if baseline else kind, recurrence="none",
            deadline=year_end(year) if dated and year is not None else None,
            deadline_rule="explicit" if dated else "none", sentence=row_span))
    return out


def _is_before(col: Column, period_start: Optional[int]) -> bool:
    return col.year is not None and period_start is not None and col.year < period_start
