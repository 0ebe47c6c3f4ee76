"""Typed records: the public contract between the pipeline, the graph and other tools.

Field names here are a public contract (other tools read the JSON); add fields, never rename.
Offsets are half-open character offsets: ``start``/``end`` into the normalized (simplified) text,
``orig_start``/``orig_end`` into the decoded original text.
"""
from __future__ import annotations

from typing import Literal, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"
DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"

Level = Literal["national", "provincial", "city", "district", "subdistrict", "unknown"]
Comparator = Literal["eq", "ge", "gt", "le", "lt", "approx", "range"]
TargetKind = Literal[
    "level", "growth_rate", "share", "count", "increment", "cumulative", "qualitative", "baseline"
]
Recurrence = Literal["none", "annual", "quarterly", "monthly"]
#: What a document is, read from its title (pipeline.doctype): only plans (and notices, minutes)
#: set targets; the amounts of a bulletin, report or interpretation are observations (baselines);
#: policy measures and regulations keep only goals with a date of their own.
DocType = Literal["plan", "notice", "bulletin", "report", "policy_measures", "interpretation", "regulation",
                  "minutes", "unknown"]
DeadlineRule = Literal["explicit", "sentence", "paragraph", "section", "plan_period", "none"]
Role = Literal["lead", "support", "responsible"]
SourceFormat = Literal["text", "html", "docx", "doc", "wps", "pdf"]
#: Where a role comes from: the text's own words (牵头/配合/会同/分别负责 …), nowhere (the clause only
#: lists 责任单位, so the role is ``responsible``), or the first-listed-leads convention (stated by
#: the document, or asked for with ``--first-listed-leads``).
RoleBasis = Literal["text", "unstated", "first_listed"]
_R = TypeVar("_R", bound="Record")  # typing.Self is Python 3.11; we support 3.10


class Record(BaseModel):
    # Validated when built, when a field is assigned and in ``replace``; no NaN or infinity (JSON
    # cannot carry them). So a record is always valid as JSON too, and pipeline.batch writes it
    # without parsing it again.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, validate_assignment=True)

    def replace(self: _R, **changes: object) -> _R:
        """A validated copy with some fields changed (``model_copy(update=…)`` skips validation)."""
        return type(self).model_validate({**self.__dict__, **changes})


class Evidence(Record):
    """Where a fact was read: the exact span and its sentence, in both texts."""

    document: str = Field(description="Document id (see Source.doc_id).")
    text: str = Field(description="normalized_text[start:end]")
    start: int
    end: int
    orig_text: str = Field(description="original_text[orig_start:orig_end]")
    orig_start: int
    orig_end: int
    sentence: str
    section_path: list[str] = []


class ParentPlan(Record):
    title: str
    doc_number: Optional[str] = None
    issuer: Optional[str] = None
    region: Optional[str] = Field(
        default=None, description="The place the cited title (else its issuer) names: part of its id.")


class Plan(Record):
    id: str
    title: str
    region: Optional[str] = None
    level: Level = "unknown"
    period_start: Optional[int] = None
    period_end: Optional[int] = None
    issuer: Optional[str] = None
    doc_number: Optional[str] = None
    issued_date: Optional[str] = None
    doc_type: DocType = Field(default="unknown", description="What the document is (schemas.records.DocType).")
    posted_date: Optional[str] = Field(
        default=None, pattern=DATE,
        description="The date a web page says it was posted (来源/发布时间 lines), when it gives one.")
    parent_plans: list[ParentPlan] = []


class Section(Record):
    """A heading of the outline. ``depth`` 1 is 一、, 2 is （一）, 3 is 1., 4 is （1）, 5 is ①."""

    id: str
    marker: str = Field(description="The numbering as written, e.g. '（三）'.")
    depth: int
    title: str
    path: list[str] = Field(description="Titles from the top heading down to this one.")
    parent_id: Optional[str] = None
    start: int = Field(description="Start of the heading in the normalized text.")
    end: int = Field(description="End of the section's body in the normalized text.")
    deadline: Optional[str] = Field(default=None, pattern=DATE)


class Responsibility(Record):
    unit: str = Field(description="Canonical unit name.")
    name: str = Field(description="The unit as written in the clause.")
    role: Role
    rank: int = Field(description="1-based position in the clause.")
    basis: RoleBasis = Field(default="text", description="Where the role comes from (see RoleBasis).")


class Action(Record):
    """A numbered item that states work or goals; owns its targets, milestones and clause."""

    id: str
    section_id: str
    title: str
    section_path: list[str]
    responsibilities: list[Responsibility] = []
    clause: Optional[Evidence] = Field(default=None, description="The responsibility clause.")
    open_list: bool = Field(default=False, description="The clause ended in 等 (and others).")
    start: int
    end: int


class Normalized(Record):
    value: Optional[float]
    unit: Optional[str]


class Target(Record):
    id: str
    metric: str
    value: Optional[float] = None
    value_max: Optional[float] = None
    unit: Optional[str] = None
    normalized: Normalized = Normalized(value=None, unit=None)
    comparator: Comparator = "eq"
    kind: TargetKind
    deadline: Optional[str] = Field(default=None, description="YYYY-MM-DD", pattern=DATE)
    deadline_rule: DeadlineRule = "none"
    recurrence: Recurrence = "none"
    scope: Optional[str] = Field(default=None, description="全区/全市… as written, if any.")
    relative_to: Optional[str] = Field(default=None, description="For relative targets.")
    base_year: Optional[int] = Field(default=None, description="比2024年增长… → 2024.")
    responsible_units: list[str] = []
    action_id: Optional[str] = None
    section_path: list[str] = []
    evidence: Evidence


class Milestone(Record):
    id: str
    description: str
    deadline: str = Field(description="YYYY-MM-DD", pattern=DATE)
    deadline_rule: DeadlineRule = "explicit"
    responsible_units: list[str] = []
    action_id: Optional[str] = None
    section_path: list[str] = []
    evidence: Evidence


class Unit(Record):
    name: str = Field(description="Canonical name.")
    canonical: str
    aliases: list[str] = []
    level: Level = "unknown"
    generic: bool = Field(default=False, description="A collective owner such as 各街道办事处.")


class Warning(Record):
    code: Literal[
        "mojibake", "pinyin_gloss", "boilerplate", "mixed_script", "no_outline", "no_targets",
        "unbalanced_clause", "no_title", "roles_inferred", "encoding", "long_sentence", "bad_date", "glued_values", "other",
    ]
    message: str
    text: str = ""
    orig_start: Optional[int] = None
    orig_end: Optional[int] = None


class Source(Record):
    doc_id: str = Field(description="Stable id: the first 16 hex digits of the content sha256.")
    path: str
    sha256: str
    encoding: str
    format: SourceFormat
    pipeline_version: str


class DocumentRecords(Record):
    """Everything extracted from one document: the JSON written by ``policykg extract``."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    plan: Plan
    sections: list[Section] = []
    actions: list[Action] = []
    targets: list[Target] = Field(default=[], description="What the document sets out to reach (no baselines).")
    baselines: list[Target] = Field(
        default=[], description="Amounts the document reports as already reached (发展基础, a bulletin's or "
                                "report's figures): kind baseline, no deadline, never targets.")
    milestones: list[Milestone] = []
    units: list[Unit] = []
    warnings: list[Warning] = []

    def amounts(self) -> list[Target]:
        """Targets, then baselines: every amount the document states, for views that show both."""
        return [*self.targets, *self.baselines]
