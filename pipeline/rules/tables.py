"""Indicator tables: header words, cells, comparators in cells (see pipeline/tables.py)."""
from __future__ import annotations

import re

from .units import UNITS_RE

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
#: A value cell: an optional comparator, a sign, a number, its own unit (% or 个百分点: a change
#: column's cells often carry it), an optional 以上/以下/左右.
CELL = re.compile(r"^\s*(?P<pre>[≥≤><＞＜]=?|不低于|不少于|不超过|超过|约)?\s*"
                  r"(?P<sign>[-−+])?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>%|％|个百分点|百分点)?\s*"
                  r"(?P<post>以上|以下|以内|左右)?\s*$")
#: A unit in brackets after an indicator's name (地区生产总值（亿元）).
METRIC_UNIT = re.compile(r"[（(]([^（）()]{1,8})[）)]\s*$")


# --- shapes the functions test text against ---

#: A row's own number before an indicator's name (1. 2、).
ROW_NUMBER = re.compile(r"^\s*\d{1,2}[.．、]\s*")
#: A table's serial-number column header.
SERIAL_HEADER = re.compile(r"序号|编号")


# --- indicator tables flattened into running text (pipeline/flat_tables.py) ---

#: Where a flattened table's header starts: 指标 or 指标名称, perhaps after 序号, the ideographic
#: spaces of a centred cell inside (指　标).
FLAT_HEADER_START = re.compile(r"(?:序\s*号\s*)?指\s*标(?:\s*名\s*称)?(?=\s*(?:(?:计量)?单\s*位|(?:19|20)\d{2}\s*年))")
#: One header column of a flattened table, tried in this order at the position after the last:
#: a change column (2015年比2010年增长, “十一五”增减情况, 年均增长（%）), a unit column, a year
#: column (2025年, 2025年目标值), a goal column (目标值), an attribute column (属性), a row number.
FLAT_COLUMN = re.compile(
    r"\s*(?:"
    r"(?P<change>(?:(?:(?:19|20)\d{2}\s*年)?\s*(?:比|较)\s*(?:(?:19|20)\d{2}\s*年)?|[“\"]?十[一二三四五六七八九十]{1,3}五[”\"]?\s*(?:期间)?|年\s*均|累计)"
    r"\s*(?:增\s*长|增\s*减|变\s*化|增\s*速|增\s*幅|提\s*高|下\s*降|降\s*低)\s*(?:情\s*况|率|幅\s*度)?(?:[（(][^（）()]{1,6}[）)])?)"
    r"|(?P<unit>(?:计量)?单\s*位)"
    r"|(?P<year>(?:19|20)\d{2})\s*年\s*(?:目标值?|预期值?|规划值?|基数|基期值?)?"
    r"|(?P<goal>(?:规划|计划|预期)?目标值?)"
    r"|(?P<attr>(?:指标)?属\s*性|类\s*别|性\s*质)"
    r")")
#: One row of a flattened table: an optional row number, the indicator's name (which may hold
#: digits and a bracketed aside), its unit in brackets, then the run of value cells (numbers with
#: comparators, signs, % or 个百分点; an attribute word such as 约束性 may close it).
FLAT_ROW = re.compile(
    r"\s*(?P<no>\d{1,2}(?!\d|\.\d|%))?[\s.、．]*"
    r"(?P<metric>[^\s\d（()）。；;，,<>＜＞≥≤%\-+][^（()）。；;\n<>＜＞≥≤]{0,60}?(?:[（(][^（()）]{1,10}[）)][^（()）。；;\n<>＜＞≥≤\d]{1,30}?)?)"
    r"[（(](?P<unit>[^（()）\d]{1,10})[）)]"
    r"(?P<vals>(?:[\s\u3000]*(?:(?:[<>＜＞≥≤]=?|[-+−])?[\s\u3000]*\d[\d.,]*(?:[\s\u3000]*(?:%|个百分点|百分点))?|[—－]{1,2}|/))+)"
    r"(?:[\s\u3000]*(?P<attr>预期性|约束性|指导性))?")
#: A row of a table with a 单位 column: the name, then the unit as a word of its own (亿元, %,
#: 万人), then the values; cells may stand one per line.
FLAT_ROW_UNIT_COL = re.compile(
    r"\s*(?P<no>\d{1,2}(?!\d|\.\d|%))?[\s.、．]*"
    r"(?P<metric>[^\s\d（()）。；;，,<>＜＞≥≤%\-+][^（()）。；;\n<>＜＞≥≤]{0,60}?(?:[（(][^（()）]{1,10}[）)][^（()）。；;\n<>＜＞≥≤\d]{0,30}?)?)"
    r"[\s\u3000]*(?P<unit>%|" + UNITS_RE + r")(?![\u4e00-\u9fff])"
    + FLAT_ROW.pattern[FLAT_ROW.pattern.index("(?P<vals>"):])
#: One cell of a row's value run: a comparator or sign, the digits (maybe two columns glued), a
#: unit; or an empty cell (—, /).
FLAT_CHUNK = re.compile(r"(?P<pre>[<>＜＞≥≤]=?|[-+−])?[\s\u3000]*(?P<digits>\d[\d.,]*)(?:[\s\u3000]*(?P<post>%|个百分点|百分点))?"
                        r"|(?P<empty>[—－]{1,2}|/)")
#: A well-formed number in a table cell: no leading zero (but 0.5), at most two decimals.
TABLE_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")

# --- formula lines of indicator annexes ---

#: A line that defines how an indicator is computed (计算方法：A/B×100%, 指标计算公式：…): its
#: numbers are part of the definition, never targets.
FORMULA_LINE = re.compile(r"^\s*(?:\d{1,2}[.．、]\s*)?(?:指标)?(?:计算(?:方法|公式)|公式|计算口径|统计口径|指标解释|指标定义)\s*[：:]")
#: A ratio formula anywhere in a line: A/B×100%, A÷B*100%.
RATIO_FORMULA = re.compile(r"[/÷／][^/÷／\n]{1,60}?[×xX*＊]\s*100\s*[%％]")
#: A number written with thousands separators (1,250.5): one column, never cut.
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
#: Spaces inside a header cell (指　标, “十一五”\n增减情况).
CELL_SPACE = re.compile(r"\s")
#: A table's notes right after it (注：①…按2020年不变价计算): they explain the table, never set
#: targets of their own.
TABLE_NOTE = re.compile(r"[\s\u3000\xa0]*(?:注|说明|备注)[\s\u3000]*[：:]")
#: Where such notes end: the line's end, or the next outline heading run into the same line (三、, （四）).
TABLE_NOTE_END = re.compile(r"\n|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]")
#: A line of notes (注：…, 注：alone above numbered notes): notes explain, they set no targets.
NOTE_LINE = re.compile(r"^[\s\u3000]*(?:注|备注)[\s\u3000]*[：:]")
#: A numbered note under a 注： line (1. 2、 （3） ④).
NUMBERED_NOTE = re.compile(r"^[\s\u3000]*(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])")

# --- indicator tables whose cells were broken over lines (pipeline/flat_lines.py) ---

#: The line of a row that holds its values: the name's text on it (maybe none: a name of an even
#: number of lines is centred around its values), an optional unit word when the table has a
#: 单位 column, the value cells (comparator, number, range 3-5, empty —), then the attribute word.
LINE_ROW = re.compile(
    r"^(?P<name>.*?)(?P<vals>(?:[\s\u3000]*(?:(?:[<>＜＞≥≤]=?|[-+−])?[\s\u3000]*\d+(?:\.\d+)?"
    r"(?:[\s\u3000]*[-—~～至][\s\u3000]*\d+(?:\.\d+)?)?(?:[\s\u3000]*(?:%|％|个百分点|百分点))?|[—－]{1,2}|/))+)"
    r"[\s\u3000]*(?P<attr>预期性|约束性|指导性)[\s\u3000]*$")
#: One value cell of such a line: a comparator, a number, a range's upper end, its own unit.
LINE_CELL = re.compile(r"(?P<pre>[<>＜＞≥≤]=?|[-+−])?[\s\u3000]*(?P<num>\d+(?:\.\d+)?)"
                       r"(?:[\s\u3000]*[-—~～至][\s\u3000]*(?P<max>\d+(?:\.\d+)?))?"
                       r"(?:[\s\u3000]*(?P<post>%|％|个百分点|百分点))?|(?P<empty>[—－]{1,2}|/)")
#: A page number the PDF's text layer left between a table's lines.
PAGE_NUMBER_LINE = re.compile(r"^[\s\u3000]*[-—]?[\s\u3000]*\d{1,3}[\s\u3000]*[-—]?[\s\u3000]*$")
#: A group label of the table's first column (保护利用, 文物安全): a short line of Han characters
#: alone between rows, no punctuation.
GROUP_LABEL_LINE = re.compile(r"^[\s\u3000]*[\u4e00-\u9fff]{2,8}[\s\u3000]*$")
#: A line that is no part of a table: an outline heading (三、, （四）, 5.) or a sentence's end.
TABLE_BODY_END = re.compile(r"^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)\D|第[一二三四五六七八九十]{1,3}[章节])|[。；;]\s*$")
#: A unit in brackets closing a row's name (（%）, （万人次）).
NAME_UNIT = re.compile(r"[（(](?P<unit>[^（()）]{1,6})[）)]\s*$")
#: The header line of an indicator table whose rows a PDF broke over lines: 指标, a year column,
#: the attribute column last (指标 单位 2020年 2025年 属性).
LINED_HEADER = re.compile(r"^[\s\u3000]*(?:序\s*号\s*)?指\s*标(?:\s*名\s*称)?[^\n]{0,60}?(?:19|20)\d{2}\s*年"
                          r"[^\n]{0,40}?(?:属\s*性|类\s*别)[\s\u3000]*$", re.M)
#: A unit word closing the name part of a value line, in a table with a 单位 column (亿元, %).
UNIT_AT_NAME_END = re.compile(r"(?P<unit>%|％|" + UNITS_RE + r")[\s\u3000]*$")
