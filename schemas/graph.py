"""The graph schema: node labels, relationship types, their properties and constraints.

The networkx model (graph/model/build.py), the stores and the exports all follow this one description.
Every node has a string ``id`` that is deterministic (from document and content), unique per label.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    name: str
    properties: tuple[str, ...]
    doc: str


@dataclass(frozen=True)
class Relationship:
    type: str
    start: tuple[str, ...]
    end: tuple[str, ...]
    properties: tuple[str, ...]
    doc: str


LABELS: tuple[Label, ...] = (
    Label("Plan", ("id", "title", "region", "level", "period_start", "period_end", "issuer",
                   "doc_number", "issued_date", "posted_date", "doc_id", "in_corpus"),
          "A plan. A parent plan cited but not in the corpus has in_corpus=false."),
    Label("Section", ("id", "doc_id", "marker", "depth", "title", "path", "deadline"),
          "A heading of the outline."),
    Label("Action", ("id", "doc_id", "title", "section_path", "open_list", "clause", "start",
                     "end"),
          "A numbered item that states work or goals. start/end order actions as in the text."),
    Label("Target", ("id", "doc_id", "metric", "value", "value_max", "unit", "normalized_value",
                     "normalized_unit", "comparator", "kind", "deadline", "deadline_rule",
                     "recurrence", "scope", "evidence", "start", "end", "orig_start", "orig_end"),
          "A goal with its number (or a qualitative goal). deadline is a Cypher date. start/end: "
          "the evidence in the normalized text, orig_start/orig_end in the original."),
    Label("Milestone", ("id", "doc_id", "description", "deadline", "deadline_rule", "evidence",
                        "start", "end", "orig_start", "orig_end"),
          "A dated deliverable without a number (offsets as a Target's)."),
    Label("Bureau", ("id", "name", "canonical", "region", "level", "generic", "aliases"),
          "A responsible unit of one government (region; none for national organs and units whose "
          "government is unknown), shared across that government's documents by canonical name."),
)

RELATIONSHIPS: tuple[Relationship, ...] = (
    Relationship("HAS_SECTION", ("Plan", "Section"), ("Section",), (), "Outline, nested."),
    Relationship("HAS_ACTION", ("Plan", "Section"), ("Action",), (), "Item under a heading."),
    Relationship("HAS_TARGET", ("Action", "Section", "Plan"), ("Target",), (), ""),
    Relationship("HAS_MILESTONE", ("Action", "Section", "Plan"), ("Milestone",), (), ""),
    Relationship("RESPONSIBLE_FOR", ("Bureau",), ("Action", "Target", "Milestone"),
                 ("role", "rank", "basis", "doc_id"),
                 "role is lead, support or responsible; basis says where it comes from (schemas.records.RoleBasis)."),
    Relationship("IMPLEMENTS", ("Plan",), ("Plan",), ("doc_id",), "Child plan → parent plan."),
    Relationship("ALIGNS_WITH", ("Target",), ("Target",),
                 ("score", "ratio", "reason", "ambition", "value_ambition", "rate_difference",
                  "deadline_offset_years"),
                 "Child target → parent target (compare)."),
    Relationship("COUNTERPART_OF", ("Bureau",), ("Bureau",), ("basis",),
                 "Lower-level bureau → its higher-level counterpart (compare)."),
)

LABEL_NAMES = frozenset(label.name for label in LABELS)
#: Each label's properties by label name: the one table the model, the loader and the exports read.
PROPERTIES: dict[str, tuple[str, ...]] = {label.name: label.properties for label in LABELS}
#: Properties holding an ISO date string in the model and a Cypher ``date`` in the database.
DATE_PROPERTIES: tuple[str, ...] = ("deadline",)
RELATIONSHIP_TYPES = frozenset(rel.type for rel in RELATIONSHIPS)


def constraint_statements() -> list[str]:
    """Neo4j 5 uniqueness constraints, one per label, on ``id`` (MERGE needs them to be fast)."""
    return [
        f"CREATE CONSTRAINT {label.name.lower()}_id IF NOT EXISTS "
        f"FOR (n:{label.name}) REQUIRE n.id IS UNIQUE"
        for label in LABELS
    ]
