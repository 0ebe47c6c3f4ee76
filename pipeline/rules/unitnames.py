"""Unit names and their levels: organ endings, level prefixes (see pipeline/unitnames.py)."""
from __future__ import annotations

import re

from schemas.places import MARKER_LEVEL

# --- unitnames ---

#: Characters a unit name never holds (digits, quotes, sentence punctuation).
NOT_IN_NAME = re.compile(r"[0-9０-９〔〕：:“”\"《》。！？!?；;，,]")
# collective territorial owners written without an organ word: 各区市, 各县（市、区）, 各地区
TERRITORIES = re.compile(
    r"各(?:地|地区|级|省|自治区|直辖市|市|州|区|县|旗|乡|镇|街道|镇街|园区|功能区)+(?:（[市州区县旗乡镇、]+）)?"
)
#: …相关部门 / …有关单位: a collective owner under an organ.
RELEVANT_TAIL = re.compile(r"(?:相关|有关)(?:部门|处室|科室|单位|部|处)$")
#: A unit's other name in brackets (市发展改革委（市粮食局）).
ALT_NAME_TAIL = re.compile(r"[（(]([^（）()]+)[）)]$")
#: A collective owner (各…, 全市…, 有关部门).
GENERIC = re.compile(
    r"各|^全(?:市|区|县|省)|(?:有关|相关|主管|成员|职能|直属|所属|责任)(?:部门|单位|处室|科室|机构|方面)"
)
#: The words of an administrative level in a unit's prefix (省, 市, 区, 街道 …).
LEVEL_MARKERS = re.compile("|".join(sorted(MARKER_LEVEL, key=len, reverse=True)))


# --- shapes the functions test text against ---

#: 各/全 opening a list of units (各区, 全市).
ALL_PREFIX = re.compile(r"^[各全]")
#: A parenthesised note inside a unit list.
PAREN_NOTE = re.compile(r"（[^（）]*）")
