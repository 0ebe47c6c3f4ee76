"""``compare --parent PLAN`` from the real embedded database: the children are the plans whose
IMPLEMENTS edges lead to PLAN (a province → city → district chain), read back as records."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from pipeline import process_bytes
from policykg.jobs import load_records
from policykg.rollup import rollup_paths
from schemas.errors import InputError
from tests.graph.answers.rollup_docs import (
    CITY_NUMBER,
    DISTRICTS,
    city_plan,
    district_plan,
    province_plan,
)


@pytest.fixture(scope="module")
def loaded():
    docs = [process_bytes(province_plan().encode("utf-8"), "province.txt"),
            process_bytes(city_plan(cites_province=True).encode("utf-8"), "city.txt"),
            *[process_bytes(district_plan(d).encode("utf-8"), f"{d}.txt") for d in DISTRICTS]]
    return docs


def test_rollup_db_city_and_its_districts_by_doc_number(store, loaded, tmp_path):
    load_records(iter(loaded), store)
    out = tmp_path / "rollup.xlsx"
    rolled = rollup_paths(CITY_NUMBER, [], out, store=store)
    assert rolled.parent_plan.id == loaded[1].plan.id
    assert sorted(c.region for c in rolled.children) == sorted(DISTRICTS)
    level = next(r for r in rolled.rows if r.parent.metric == "服务业增加值" and r.parent.kind == "level")
    assert level.total_as_parent == pytest.approx(900.0) and level.counted == 4
    growth = next(r for r in rolled.rows if r.parent.kind == "growth_rate")
    assert growth.total is None and not growth.additive
    gaps = {c.region: [t.metric for t in m.parent_targets] for c, m in zip(rolled.children, rolled.missing)}
    assert gaps["芦滨区"] == ["冷库库容"] and gaps["凤鸣区"] == []
    assert load_workbook(out).sheetnames[-1] == "missing counterparts"


def test_rollup_db_three_levels_from_the_province(store, loaded, tmp_path):
    load_records(iter(loaded), store)
    rolled = rollup_paths(loaded[0].plan.id, [], tmp_path / "rollup.json", store=store)
    assert [c.id for c in rolled.children] == [loaded[1].plan.id]
    assert len(rolled.below) == 1 and len(rolled.below[0].children) == len(DISTRICTS)
    top = next(r for r in rolled.rows if r.parent.metric == "服务业增加值" and r.parent.kind == "level")
    assert top.total_as_parent == pytest.approx(1000.0)


def test_rollup_db_unknown_plan_is_an_input_error(store, tmp_path):
    with pytest.raises(InputError):
        rollup_paths("no such plan at all", [], tmp_path / "r.json", store=store)
