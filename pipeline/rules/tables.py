"""Indicator tables: header words, cells, comparators in cells (see pipeline/tables.py)."""
from __future__ import annotations

import re

# --- tables ---

#: An indicator table's name column (指标, 指标名称).
INDICATOR = re.compile(r"^(?:主要)?(?:指标|指标名称|指标项)$")
#: An indicator table's unit column (单位, 计量单位).
UNIT_COL = re.compile(r"^(?:计量)?单位$")
#: A year column (2025年).
YEAR_COL = re.compile(r"((?:19|20)\d{2})\s*年?")
#: A goal column (目标值, 预期, 规划).
GOAL_COL = re.compile(r"目标|预期|规划")
#: A growth column (年均增长, 增速): its values are rates.
GROWTH_COL = re.compile(r"年均增长|增速|增幅")
#: A value cell: an optional comparator, a number, an optional 以上/以下/左右.
CELL = re.compile(r"^\s*(?P<pre>[≥≤><＞＜]=?|不低于|不少于|不超过|超过|约)?\s*"
                   r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<post>以上|以下|以内|左右)?\s*$")
#: A unit in brackets after an indicator's name (地区生产总值（亿元）).
METRIC_UNIT = re.compile(r"[（(]([^（）()]{1,8})[）)]\s*$")


# --- shapes the functions test text against ---

#: A row's own number before an indicator's name (1. 2、).
ROW_NUMBER = re.compile(r"^\s*\d{1,2}[.．、]\s*")
#: A table's serial-number column header.
SERIAL_HEADER = re.compile(r"序号|编号")
