"""The comparison contract: a plan set against the plan it implements (``policykg compare``).

Field names are a public contract like ``schemas.records``: add fields, never rename. A child is
the implementing (lower-level) plan, a parent the plan it implements.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from schemas.records import Comparator, Normalized, Recurrence, TargetKind

Ambition = Literal["higher", "lower", "same", "n/a"]
CounterpartBasis = Literal["name", "aligned_work"]


class CompareRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PlanRef(CompareRecord):
    id: str
    title: str
    doc_id: str
    doc_number: Optional[str] = None
    level: str = "unknown"
    region: Optional[str] = None  # districts' plans often share one title: the region tells them apart


class TargetRef(CompareRecord):
    """The parts of a target a reader needs to judge a pairing, plus its evidence span text."""

    id: str
    metric: str
    value: Optional[float] = None
    value_max: Optional[float] = None
    unit: Optional[str] = None
    normalized: Normalized = Normalized(value=None, unit=None)
    kind: TargetKind
    comparator: Comparator = "eq"
    deadline: Optional[str] = None
    recurrence: Recurrence = "none"
    responsible_units: list[str] = []
    evidence: str = ""


class Alignment(CompareRecord):
    """A child target paired with the parent target it answers to.

    ``ratio`` is set for levels and counts, ``rate_difference`` for growth rates and shares (in
    their unit, e.g. percentage points for %). ``value_ambition`` compares values only (n/a where
    the metric scales with territory); ``ambition`` also counts a deadline brought forward as
    higher and a later one as lower when the values do not already decide.
    """

    child: TargetRef
    parent: TargetRef
    score: float
    ratio: Optional[float] = None
    rate_difference: Optional[float] = None
    deadline_offset_years: Optional[int] = None
    ambition: Ambition = "n/a"
    value_ambition: Ambition = "n/a"
    reason: str


class Counterpart(CompareRecord):
    """A child-level bureau and its parent-level counterpart (canonical names)."""

    child: str
    parent: str
    basis: CounterpartBasis
    via: list[str] = []  # child target ids of the aligned work, for basis aligned_work


class Summary(CompareRecord):
    aligned: int
    higher: int
    lower: int
    same: int
    parent_only: int
    child_only: int
    parent_targets: int
    child_targets: int
    coverage: float  # aligned parent targets / parent targets (0 when the parent has none)


class Comparison(CompareRecord):
    schema_version: str = "1.0"
    child_plan: PlanRef
    parent_plan: PlanRef
    alignments: list[Alignment] = []
    parent_only: list[TargetRef] = []
    child_only: list[TargetRef] = []
    counterparts: list[Counterpart] = []
    summary: Summary
    thresholds: dict[str, float] = {}
