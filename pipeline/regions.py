"""A plan's region and level: the place its title names, else its issuer's, else its 文号's province."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Optional

from schemas.places import LEVEL_PREFIXES
from schemas.records import Level

from .rules import anatomy
from .rules.anatomy import (
    CITY_END,
    COUNTY_END,
    NATIONAL_DOC_PREFIX,
    NATIONAL_OPENING,
    NOT_A_PLACE,
    PROVINCE_END,
    PROVINCIAL_DOC_PREFIX,
    REGION,
    REGION_END,
    REGION_PART,
    TITLE_OPENING,
    TOWNSHIP_END,
)

#: The province-level municipalities (直辖市): their 市 is a province's level.
MUNICIPALITIES = tuple(name for name in anatomy.PROVINCE_BY_DOC_PREFIX.values() if name.endswith("市"))


def level_of(region: Optional[str], issuer: Optional[str] = None) -> Level:
    """The administrative level a plan belongs to, from its region's suffix or its issuer."""
    probe = region or issuer or ""
    if probe == "全国" or probe.startswith(LEVEL_PREFIXES["national"]) or (issuer or "").startswith(("国务院", "国家")):
        return "national"
    if PROVINCE_END.search(probe) or probe.startswith(MUNICIPALITIES):
        return "provincial"  # 上海市 is a province-level municipality, not a city
    if COUNTY_END.search(probe):
        return "district"
    if CITY_END.search(probe):
        return "city"
    if TOWNSHIP_END.search(probe):
        return "subdistrict"
    return "unknown"


def region_of(title: str) -> Optional[str]:
    """The place named at the start of a title (临江市海澄区 in 临江市海澄区服务业……)."""
    title = TITLE_OPENING.sub("", title)
    m = REGION.match(title)
    if not m:
        return None
    region = m.group(1)
    if NOT_A_PLACE.search(region):
        return None
    # The most specific unit: 临江市西岭区 → 西岭区 (the city is the parent plan's business).
    # 州 ends a place only when no 市/区/县 follows it (澄州市 is one city, not 澄州 + 市).
    parts = REGION_PART.findall(region)
    if len(parts) > 1 and len(parts[-1]) >= 2:
        region = parts[-1]
    # Trim a trailing word that is part of the topic rather than the place (…服务业集聚区).
    while region and not REGION_END.search(region):
        region = region[:-1]
    return region if 2 <= len(region) <= 16 else None


def plan_region(title: Optional[str], issuer: Optional[str], doc_number: Optional[str] = None) -> Optional[str]:
    """A plan's region: the place its title names, else its issuer's; 全国 for central organs (or a
    national organ heading the title); else the province its 文号 names (鲁政办发 → 山东省, 国办发 →
    全国). The same rule for a plan and for a citation of it, as the region is part of the plan's id."""
    region = region_of(title or "") or (region_of(issuer) if issuer else None)
    if region is None and (NATIONAL_OPENING.match(title or "") or NATIONAL_OPENING.match(issuer or "")
                           or anatomy.NATIONAL_ORGAN.match(title or "")):
        region = "全国"
    if region is None and doc_number:
        if NATIONAL_DOC_PREFIX.match(doc_number):
            region = "全国"
        elif PROVINCIAL_DOC_PREFIX.match(doc_number):
            region = anatomy.PROVINCE_BY_DOC_PREFIX.get(doc_number[:1])
    return region


def level_of_units(levels: Iterable[Level]) -> Level:
    """The level of a plan that names none, from the units its clauses name (省X厅 everywhere →
    provincial): the level most of them share, when at least two do and no other level is as common."""
    counts = Counter(lv for lv in levels if lv != "unknown").most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return "unknown"
    return counts[0][0]
