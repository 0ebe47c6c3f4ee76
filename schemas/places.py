"""Administrative levels and place names: the one definition pipeline/ and graph/ both read.

Dependency-free (no pipeline, no graph), so the pipeline's region rules (``pipeline/outline``,
``pipeline/rules/anatomy``) and the graph's bureau rules (``graph/model/bureaus``,
``graph/answers/counterparts``) cannot drift apart.
"""
from __future__ import annotations

#: Levels from the top; a lower rank governs a higher one.
LEVEL_RANK = {"national": 0, "provincial": 1, "city": 2, "district": 3, "subdistrict": 4}
#: The words of an administrative level in a unit's or a place's name, and the level each gives
#: (区商务局 → district; 直辖市 ranks with the provinces). The one table: the pipeline's unit
#: levels, the graph's bureau levels and the level prefixes below all read it.
MARKER_LEVEL = {
    "自治区": "provincial", "直辖市": "provincial", "省": "provincial",
    "自治州": "city", "市": "city", "州": "city", "盟": "city",
    "自治县": "district", "区": "district", "县": "district", "旗": "district",
    "街道": "subdistrict", "社区": "subdistrict", "镇": "subdistrict", "乡": "subdistrict",
    "村": "subdistrict",
}
#: Openings of a national organ's name.
NATIONAL_OPENERS = ("国务院", "国家", "中共中央")
#: The prefixes that give a unit's level by its name (区商务局 → district, 国家发展改革委 → national),
#: longest first within a level.
LEVEL_PREFIXES = {"national": NATIONAL_OPENERS} | {
    level: tuple(sorted((m for m, lv in MARKER_LEVEL.items() if lv == level), key=len, reverse=True))
    for level in ("provincial", "city", "district", "subdistrict")
}
#: The suffix that makes a place name of each level (澄州市, 东港区 …), as regex alternations; 新区
#: and 自治县 end in 区 and 县.
PLACE_SUFFIX = {
    "provincial": r"(?:省|自治区)", "city": r"(?:市|自治州|地区|盟|州)", "district": r"(?:区|县|旗)",
}
