"""Which government a responsible unit belongs to: the region part of its Bureau id.

A unit's level comes from the pipeline (``Unit.level``), else from its name's prefix. Then:

- national (国务院, 国家…, a ministry named in a national plan): no region, one node nationally;
- the plan's own level (区X局 in a district plan, 市X局 in a city plan, 省X厅 in a provincial
  plan): the plan's region;
- a higher level than the plan (市商务局 cited in a district plan): the region of that level
  among the plan's cited parents (澄州市 for a plan implementing 《澄州市…》), else the place of that
  level its issuer or title names before the plan's own region (澄州市东港区人民政府办公室);
  else no region (one node for every 市商务局 whose city is unknown);
- a lower level than the plan (区商务局 named in a city plan, meaning every district's): no
  region, since no one district is meant;
- streets, towns, collective owners (各街道办事处, 各区县人民政府 in a city plan) and units of
  unknown level: the plan's region, as they are local to the government that wrote the plan.
"""
from __future__ import annotations

import re
from typing import Optional, cast

from schemas.ids import bureau_id
from schemas.places import LEVEL_PREFIXES, LEVEL_RANK
from schemas.places import PLACE_SUFFIX as _PLACE_SUFFIX
from schemas.records import DocumentRecords, Level, Plan


def level_of(name: str, declared: str = "unknown") -> Level:
    """A unit's level as declared, else from its name's prefix (区 → district …)."""
    if declared in LEVEL_RANK:
        return cast(Level, declared)  # LEVEL_RANK's keys are Level values
    for level, prefixes in LEVEL_PREFIXES.items():
        if name.startswith(prefixes):
            return cast(Level, level)  # so are LEVEL_PREFIXES'
    return "unknown"


def _place_before(text: Optional[str], own: Optional[str], level: str) -> Optional[str]:
    """The place of ``level`` written just before the plan's own region (澄州市 in 澄州市东港区…)."""
    if not text or not own or own not in text or level not in _PLACE_SUFFIX:
        return None
    head = text[: text.index(own)]
    m = re.search(r"([\u4e00-\u9fa5]{1,8}?" + _PLACE_SUFFIX[level] + r")$", head)
    return m.group(1) if m and len(m.group(1)) >= 2 else None


def _higher_region(plan: Plan, level: str) -> Optional[str]:
    for parent in plan.parent_plans:
        region = parent.region
        if region and re.search(_PLACE_SUFFIX.get(level, "$^") + "$", region):
            return region
    for text in (plan.issuer, plan.title):
        found = _place_before(text, plan.region, level)
        if found:
            return found
    return None


def unit_region(name: str, level: str, plan: Plan, generic: bool = False) -> Optional[str]:
    """The region of a unit named in ``plan`` (see the module docstring); None: no region."""
    level = level_of(name, level)
    plan_level = plan.level if plan.level in LEVEL_RANK else None
    if level == "national" or (level == "unknown" and plan_level == "national"):
        return None
    if generic or plan_level is None or level in ("unknown", "subdistrict") or level == plan_level:
        return plan.region if plan.region != "全国" else None
    if LEVEL_RANK[level] < LEVEL_RANK[plan_level]:
        return _higher_region(plan, level)
    return None  # a lower level than the plan's: every such government, not one


class BureauIds:
    """canonical name → Bureau id for one document, and the region each id carries."""

    def __init__(self, records: DocumentRecords) -> None:
        self.plan = records.plan
        self.levels = {unit.canonical: unit.level for unit in records.units}
        self.generic = {unit.canonical for unit in records.units if unit.generic}
        self.regions: dict[str, Optional[str]] = {}

    def region(self, canonical: str) -> Optional[str]:
        if canonical not in self.regions:
            self.regions[canonical] = unit_region(canonical, self.levels.get(canonical, "unknown"),
                                                  self.plan, canonical in self.generic)
        return self.regions[canonical]

    def __call__(self, canonical: str) -> str:
        return bureau_id(self.region(canonical), canonical)
