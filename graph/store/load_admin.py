"""Loader housekeeping: which plans the database already holds under an id, removing one plan,
emptying the database. Statements come from ``load_cypher``; values travel as parameters."""
from __future__ import annotations

from typing import Any, Iterable

from graph.store.load import _delete_documents, _drop_orphan_placeholders
from graph.store.load_cypher import (
    DROP_ORPHAN_BUREAUS,
    EXISTING_PLANS,
    FIND_PLANS,
    RESET,
)
from graph.store.store import Store, Transaction
from schemas.errors import InputError


def existing_plans(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """plan id → the properties of the in-corpus Plan node holding it (what ``same_plan`` reads)."""
    ids = list(ids)
    if not ids:
        return {}
    return {row["id"]: row for row in store.query(EXISTING_PLANS, {"ids": ids})}


def find_plans(store: Store, ref: str) -> list[dict[str, Any]]:
    """In-corpus plans whose id, title, doc id or 文号 is ``ref``."""
    return store.query(FIND_PLANS, {"ref": ref})


def find_one_plan(store: Store, ref: str) -> dict[str, Any]:
    """The one in-corpus plan ``ref`` names; none, or several (ten districts' plans share a
    title), is an InputError that lists their ids so the user picks one."""
    found = find_plans(store, ref)
    if not found:
        raise InputError(f"no loaded plan has the id, title, doc id or 文号 {ref!r}")
    if len({row["id"] for row in found}) > 1:
        listed = "; ".join(f"{row['id']} ({row['region'] or '?'}: {row['title']})" for row in found)
        raise InputError(f"{ref!r} names {len(found)} plans; give one id: {listed}")
    return found[0]


def remove_plan(store: Store, ref: str) -> dict[str, Any]:
    """Remove one plan's document (its sections, actions, targets, milestones, responsibilities).

    The Plan node stays as a citation placeholder while other plans implement it; bureaus left
    with no responsibility go. A ``ref`` that names several plans (ten districts' plans share a
    title) is refused with their ids, so the user picks one."""
    plan = find_one_plan(store, ref)

    def work(tx: Transaction) -> None:
        _drop_orphan_placeholders(tx, _delete_documents(tx, [plan["doc_id"]], []))
        tx.run(DROP_ORPHAN_BUREAUS)

    store.execute_write(work)
    return plan


def reset_database(store: Store) -> None:
    """Delete every node and relationship (constraints and indexes stay)."""
    store.execute_write(lambda tx: tx.run(RESET))
