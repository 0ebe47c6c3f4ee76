"""Every dev-set gold file is well-formed and has a source: the scorer trusts both without checking."""
import json
import re
from pathlib import Path
from typing import get_args

import pytest

from schemas.records import Comparator, Level, Recurrence, TargetKind
from tools.devset.build import load_sources

GOLD = sorted((Path(__file__).parent / "devset" / "gold").glob("*.json"))
SOURCES = {d["id"]: d for d in load_sources()["documents"]}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_is_well_formed(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["id"] == path.stem and gold["id"] in SOURCES, "gold without a sources.json entry"
    assert gold["doc_type"] == SOURCES[gold["id"]]["doc_type"]
    assert gold["plan"]["level"] in get_args(Level)
    for t in gold["targets"]:
        assert isinstance(t["value"], (int, float)) and t["metric"] and t["section"] is not None
        assert t["comparator"] in get_args(Comparator) and t["kind"] in get_args(TargetKind)
        assert t["recurrence"] in get_args(Recurrence)
        assert t["deadline"] is None or DATE.match(t["deadline"])
        assert (t["value_max"] is None) == (t["comparator"] != "range")
    for m in gold["milestones"]:
        assert DATE.match(m["deadline"]) and m["deliverable"]
    for c in gold["clauses"]:
        assert c["units"] and set(c["roles"]) == set(c["units"]), c
        assert set(c["roles"].values()) <= {"lead", "support", "responsible"}
    if not gold["complete"]:
        assert gold["notes"], "an incomplete gold says what it skips"


def test_every_source_has_gold() -> None:
    assert {p.stem for p in GOLD} == set(SOURCES)
