"""What a document is (plan, notice, bulletin, report, policy measures, interpretation, regulation,
minutes), read from its title (and, where the title names none, from its text), and what that
means for its amounts.

A plan sets targets. A statistics bulletin, a work report or an interpretation reports figures that
already are: they are observations (kind ``baseline``), never targets. A regulation's amounts are
rules (期限不超过30日): only a goal with a date of its own stays a target there. Policy measures
(若干措施) set goals beside their incentives, which the target grammar tells apart (SUBSIDY).
A notice of its own (a meeting, a decision, a list, a letter) or minutes state what is asked or was
said: only a goal with a date of its own stays, or any goal of a notice that names a plan period
(the 批复 of a 规划（2018—2035年）). A notice that carries a plan (关于印发《X方案》的通知) is that plan.
"""
from __future__ import annotations

from typing import Optional

from schemas.records import DocType, Target

from .rules import doctypes

#: Types whose amounts are observations.
REPORTING = frozenset({"bulletin", "report", "interpretation"})
#: Types whose amounts are rules; only dated goals are targets. (Policy measures, 若干措施, do set
#: goals besides their incentives; the incentives are told apart by the target grammar.)
RULES = frozenset({"regulation"})
#: Types that ask or record rather than plan: only dated goals, or those of a stated period.
NOTICES = frozenset({"notice", "minutes"})
#: Deadline rules that come from the target's own sentence.
DATED = ("explicit", "sentence")


def doc_type(title: Optional[str]) -> DocType:
    """The type named by a title (the plan's own title, so 关于印发《X方案》的通知 is a plan)."""
    carried = doctypes.CARRIED.search(title or "")
    if carried and doc_type(carried.group("inner")) != "unknown":
        return doc_type(carried.group("inner"))
    for name, pattern in doctypes.DOC_TYPES:
        if title and pattern.search(title):
            return name  # type: ignore[return-value]
    return "unknown"


def document_type(title: Optional[str], text: str) -> DocType:
    """The type its title names; a text whose title names none (or a plan, when its title was
    misread) is a bulletin when it reads as one (``doctypes.OBSERVED``), and a text with no type in
    its title that opens on a press event is an interpretation."""
    kind = doc_type(title)
    if kind not in ("unknown", "plan"):
        return kind
    observed = len(doctypes.OBSERVED.findall(text))
    if observed >= doctypes.OBSERVED_MIN and observed >= doctypes.OBSERVED_RATIO * len(doctypes.FORWARD.findall(text)):
        return "bulletin"
    if kind == "unknown" and doctypes.PRESS_OPENING.search(text[:300]):
        return "interpretation"
    return kind


def as_observation(t: Target) -> Target:
    """A reported figure: a baseline, with no deadline and no owners."""
    return t.replace(kind="baseline", deadline=None, deadline_rule="none", recurrence="none",
                     responsible_units=[])


def typed_targets(kind: DocType, targets: list[Target], has_period: bool = False) -> list[Target]:
    """Targets as the document's type allows them; ``has_period``: the document names a period."""
    if kind in REPORTING:
        return [t if t.kind == "baseline" else as_observation(t) for t in targets]
    if kind in RULES or (kind in NOTICES and not has_period):
        return [t for t in targets if t.kind == "baseline" or t.deadline_rule in DATED]
    return targets
