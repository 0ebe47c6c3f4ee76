"""The roll-up contract: a parent plan and all the plans implementing it (``policykg compare
--parent``), the 层层加码 view: per parent target, every child's counterpart and their sum.

Field names are a public contract like ``schemas.compare``: add fields, never rename.
"""
from __future__ import annotations

from typing import Optional

from schemas.compare import Ambition, CompareRecord, PlanRef, Summary, TargetRef


class ChildFigure(CompareRecord):
    """One child plan's counterpart of a parent target (``target`` None: it has none)."""

    plan_id: str
    target: Optional[TargetRef] = None
    score: Optional[float] = None
    ratio: Optional[float] = None
    rate_difference: Optional[float] = None
    deadline_offset_years: Optional[int] = None
    ambition: Ambition = "n/a"
    value_ambition: Ambition = "n/a"


class RollupRow(CompareRecord):
    """A parent target and its children's counterparts, in the order of ``RollUp.children``.

    ``total`` is the sum of the children's values (normalized unit) and is set only where the
    metric is ``additive`` (counts and amounts, never rates, shares, per-capita or qualitative
    goals; ``additive_reason`` says why not); ``total_ratio`` = total / the parent's value.
    """

    parent: TargetRef
    children: list[ChildFigure]
    additive: bool
    additive_reason: str
    total: Optional[float] = None
    total_unit: Optional[str] = None
    total_as_parent: Optional[float] = None  # the total in the parent's unit as written (亿元)
    counted: int = 0  # children whose value went into the total
    total_ratio: Optional[float] = None
    total_difference: Optional[float] = None  # total - the parent's value


class Missing(CompareRecord):
    """The parent targets one child plan has no counterpart for."""

    plan_id: str
    parent_targets: list[TargetRef] = []


class RollUp(CompareRecord):
    """One level: a parent and its children; ``below`` holds a child's own roll-up (a chain of
    levels, province → city → district)."""

    schema_version: str = "1.0"
    parent_plan: PlanRef
    children: list[PlanRef] = []
    rows: list[RollupRow] = []
    missing: list[Missing] = []
    summaries: list[Summary] = []  # each child's pairwise comparison summary, as ``children``
    below: list["RollUp"] = []


RollUp.model_rebuild()
