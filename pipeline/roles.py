"""The first-listed-leads convention: where a clause names no roles (``责任单位：A、B、C``), the
first unit leads and the others support.

Many offices write that way, but the text does not say so, so records keep such roles as
``responsible`` (basis ``unstated``). The convention is applied where the document states it
(``列第一位者为牵头单位``), or where a researcher asks for it (``--first-listed-leads``); every
role it sets has basis ``first_listed`` and the records carry a ``roles_inferred`` warning.
"""
from __future__ import annotations

from schemas.records import Action, DocumentRecords, Responsibility, Warning

from .rules import clauses

#: Why the convention was applied, as the warning says it.
BY_DOCUMENT = "the document says the first-listed unit leads"
BY_OPTION = "asked for with --first-listed-leads"


def states_first_listed_leads(text: str) -> bool:
    """Whether a document's text states the convention itself."""
    return clauses.FIRST_LISTED_LEADS_RULE.search(text) is not None


def _inferred(resps: list[Responsibility]) -> list[Responsibility]:
    return [r.replace(role="lead" if r.rank == 1 else "support", basis="first_listed")
            if r.basis == "unstated" else r for r in resps]


def states_unstated(action: Action) -> bool:
    """Whether an action has a unit whose role its clause does not state."""
    return any(r.basis == "unstated" for r in action.responsibilities)


def inferred_action(action: Action) -> Action:
    """The action with the convention applied to its unstated roles."""
    return action.replace(responsibilities=_inferred(action.responsibilities))


def roles_warning(changed: int, because: str) -> Warning:
    """The ``roles_inferred`` warning of records where ``changed`` clauses took the convention."""
    return Warning(code="roles_inferred",
                   message=f"roles inferred for {changed} clause(s) that name none: the first-listed "
                           f"unit taken as the lead, the others as supporting ({because})")


def first_listed_leads(records: DocumentRecords, because: str = BY_OPTION) -> DocumentRecords:
    """Records where every clause without roles has its first-listed unit as the lead."""
    changed = sum(map(states_unstated, records.actions))
    if not changed:
        return records
    actions = [inferred_action(a) for a in records.actions]
    return records.replace(actions=actions, warnings=[*records.warnings, roles_warning(changed, because)])
