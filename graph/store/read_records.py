"""Plans read back from the database as records, for answers that align records (the roll-up
of ``policykg compare --parent PLAN``, whose documents may be nowhere on disk).

Only what alignment reads comes back: the plan's identity and its targets with their owners and
evidence text (the evidence is the span's text; the sentence around it is not stored).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.store.queries import get_query
from graph.store.store import Store, plain
from schemas.errors import InputError
from schemas.records import DocumentRecords, Evidence, Normalized, Plan, Source, Target

SOURCE_PATH = "(graph database)"


def implementers(store: Store, plan: str, depth: int = 3) -> list[dict[str, Any]]:
    """The in-corpus plans implementing ``plan`` (id, title, doc id or 文号), ``depth`` levels down."""
    query = get_query("implementers")
    rows = store.query(query.text, query.bind({"plan": plan, "depth": depth}))
    roots = {row["root_id"] for row in rows}
    if len(roots) > 1:
        raise InputError(f"{plan!r} names {len(roots)} plans; give one id: {', '.join(sorted(roots))}")
    return [row for row in rows if row["in_corpus"] and row["doc_id"]]


def _target(doc_id: str, row: dict[str, Any]) -> Target:
    t = {k: plain(v) for k, v in row["target"].items()}
    text = t.get("evidence") or ""
    start, orig = t.get("start") or 0, t.get("orig_start") or 0
    evidence = Evidence(document=doc_id, text=text, start=start, end=t.get("end") or start + len(text),
                        orig_text=text, orig_start=orig, orig_end=t.get("orig_end") or orig + len(text),
                        sentence=text)
    return Target(
        id=t["id"], metric=t.get("metric") or "", value=t.get("value"), value_max=t.get("value_max"),
        unit=t.get("unit"), normalized=Normalized(value=t.get("normalized_value"),
                                                  unit=t.get("normalized_unit")),
        comparator=t.get("comparator") or "eq", kind=t["kind"], deadline=t.get("deadline"),
        deadline_rule=t.get("deadline_rule") or "none", recurrence=t.get("recurrence") or "none",
        scope=t.get("scope"), responsible_units=list(row["owners"] or []),
        action_id=row.get("action_id"), evidence=evidence)


def plan_records(store: Store, plans: list[dict[str, Any]]) -> list[DocumentRecords]:
    """Records of ``plans`` (rows with id, title, region, doc_number, doc_id, level), in order."""
    docs = [p["doc_id"] for p in plans]
    targets: dict[str, list[Target]] = defaultdict(list)
    baselines: dict[str, list[Target]] = defaultdict(list)
    for row in store.query(get_query("plan-targets").text, {"docs": docs}):
        target = _target(row["doc_id"], row)
        (baselines if target.kind == "baseline" else targets)[row["doc_id"]].append(target)
    return [DocumentRecords(
        source=Source(doc_id=p["doc_id"], path=SOURCE_PATH, sha256="", encoding="utf-8", format="text",
                      pipeline_version=""),
        plan=Plan(id=p["id"], title=p["title"], region=p.get("region"),
                  level=p.get("level") or "unknown", doc_number=p.get("doc_number")),
        targets=targets[p["doc_id"]], baselines=baselines[p["doc_id"]]) for p in plans]
