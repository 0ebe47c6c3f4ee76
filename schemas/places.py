"""Administrative levels and place names: the one definition pipeline/ and graph/ both read.

Dependency-free (no pipeline, no graph), so the pipeline's region rules (``pipeline/outline``,
``pipeline/rules/anatomy``) and the graph's bureau rules (``graph/model/bureaus``,
``graph/answers/counterparts``) cannot drift apart.
"""
from __future__ import annotations

#: Levels from the top; a lower rank governs a higher one.
LEVEL_RANK = {"national": 0, "provincial": 1, "city": 2, "district": 3, "subdistrict": 4}
#: The prefixes that give a unit's level by its name (区商务局 → district, 国家发展改革委 → national).
LEVEL_PREFIXES = {
    "national": ("国务院", "国家", "中共中央"), "provincial": ("自治区", "省"), "city": ("市", "州", "盟"),
    "district": ("区", "县", "旗"), "subdistrict": ("街道", "镇", "乡"),
}
#: The suffix that makes a place name of each level (澄州市, 东港区 …), as regex alternations; 新区
#: and 自治县 end in 区 and 县.
PLACE_SUFFIX = {
    "provincial": r"(?:省|自治区)", "city": r"(?:市|自治州|地区|盟|州)", "district": r"(?:区|县|旗)",
}
