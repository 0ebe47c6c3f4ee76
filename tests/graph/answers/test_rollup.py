"""The roll-up of a city and its districts (and of a province → city → district chain), on
fictional plans generated here: sums only where the metric adds up, missing counterparts, the
XLSX opened with openpyxl, the HTML escaped, the JSON contract read back."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from graph.answers.rollup import additive, rollup_plans, rollup_tree
from graph.render.rollup_report import write_rollup
from pipeline import process_bytes
from schemas.compare import TargetRef
from schemas.errors import InputError, UnknownFormat
from schemas.records import Normalized
from schemas.rollup import RollUp
from tests.graph.answers.rollup_docs import DISTRICTS, city_plan, district_plan, province_plan


@pytest.fixture(scope="module")
def docs():
    city = process_bytes(city_plan(cites_province=True).encode("utf-8"), "city.txt")
    province = process_bytes(province_plan().encode("utf-8"), "province.txt")
    districts = [process_bytes(district_plan(d).encode("utf-8"), f"{d}.txt") for d in DISTRICTS]
    return province, city, districts


@pytest.fixture(scope="module")
def city_rollup(docs):
    _, city, districts = docs
    return rollup_plans(city, districts)


def _row(rollup: RollUp, metric: str, kind: str):
    rows = [r for r in rollup.rows if r.parent.metric == metric and r.parent.kind == kind]
    assert len(rows) == 1, [(r.parent.metric, r.parent.kind) for r in rollup.rows]
    return rows[0]


def test_rollup_children_in_order_with_their_regions(city_rollup):
    assert [c.region for c in city_rollup.children] == list(DISTRICTS)
    assert all(len(r.children) == len(DISTRICTS) for r in city_rollup.rows)


@pytest.mark.parametrize("metric,kind,total,unit,counted,ratio", [
    ("服务业增加值", "level", 900.0, "亿元", 4, 0.9),          # 300+250+200+150 against 1000
    ("限额以上商贸企业", "increment", 130.0, "家", 4, 130 / 120),  # 40+35+30+25 against 120
    ("冷库库容", "level", 30.0, "万吨", 3, 0.75),              # 芦滨区 sets none
])
def test_rollup_sums_counts_and_amounts(city_rollup, metric, kind, total, unit, counted, ratio):
    row = _row(city_rollup, metric, kind)
    assert row.additive
    assert row.total_as_parent == pytest.approx(total) and row.parent.unit == unit
    assert row.counted == counted
    assert row.total_ratio == pytest.approx(ratio, rel=1e-4)


@pytest.mark.parametrize("metric,kind,why", [
    ("服务业增加值", "growth_rate", "growth_rate"),
    ("服务业增加值占地区生产总值比重", "share", "share"),
    ("人均服务业增加值", "level", "人均"),
])
def test_rollup_never_sums_rates_shares_or_per_head_figures(city_rollup, metric, kind, why):
    row = _row(city_rollup, metric, kind)
    assert not row.additive and why in row.additive_reason
    assert row.total is None and row.total_as_parent is None and row.counted == 0
    # every district still has its aligned counterpart, with its own figure
    assert all(f.target is not None for f in row.children)


def test_rollup_rates_carry_each_districts_ambition(city_rollup):
    growth = _row(city_rollup, "服务业增加值", "growth_rate")
    assert [f.ambition for f in growth.children] == ["higher"] * 4  # 8.0, 7.5, 7.0, 9.0 vs 6.5
    share = _row(city_rollup, "服务业增加值占地区生产总值比重", "share")
    assert [f.ambition for f in share.children] == ["higher", "lower", "higher", "lower"]
    assert [f.rate_difference for f in share.children] == [2.0, -2.0, 6.0, -5.0]
    level = _row(city_rollup, "服务业增加值", "level")
    assert [f.ratio for f in level.children] == [0.3, 0.25, 0.2, 0.15]
    assert [f.deadline_offset_years for f in level.children] == [0, 0, 0, 0]


def test_rollup_missing_counterparts_per_district(city_rollup):
    missing = {ref.region: [t.metric for t in m.parent_targets]
               for ref, m in zip(city_rollup.children, city_rollup.missing)}
    assert missing == {"凤鸣区": [], "石湾区": [], "柳岸区": [], "芦滨区": ["冷库库容"]}
    cold = _row(city_rollup, "冷库库容", "level")
    assert cold.children[3].target is None


@pytest.mark.parametrize("kind,unit,metric", [
    ("qualitative", None, "服务业营商环境"), ("growth_rate", "%", "增加值"), ("share", "%", "比重"),
    ("level", "元/人", "收入"), ("level", "万元", "每万人拥有量"), ("count", "家", "平均企业"),
])
def test_rollup_additive_refuses_what_does_not_add_up(kind, unit, metric):
    ref = TargetRef(id="t", metric=metric, kind=kind, unit=unit, value=1.0,
                    normalized=Normalized(value=1.0, unit=unit))
    assert additive(ref)[0] is False


def test_rollup_three_levels_province_city_districts(docs):
    province, city, districts = docs
    tree = rollup_tree(province, [*districts, city])  # the order given does not matter
    assert [c.title for c in tree.children] == [city.plan.title]
    assert len(tree.below) == 1
    below = tree.below[0]
    assert below.parent_plan.id == city.plan.id
    assert [c.region for c in below.children] == list(DISTRICTS)
    level = _row(below, "服务业增加值", "level")
    assert level.total_as_parent == pytest.approx(900.0)
    top = _row(tree, "服务业增加值", "level")  # the city's 1000 against the province's 5000
    assert top.total_as_parent == pytest.approx(1000.0) and top.total_ratio == pytest.approx(0.2)


def test_rollup_needs_children(docs):
    with pytest.raises(InputError):
        rollup_plans(docs[1], [])


def test_rollup_xlsx_opens_with_openpyxl(docs, tmp_path):
    province, city, districts = docs
    path = tmp_path / "rollup.xlsx"
    write_rollup(rollup_tree(province, [city, *districts]), path)
    wb = load_workbook(path)
    assert len(wb.sheetnames) == 3 and wb.sheetnames[-1] == "missing counterparts"
    ws = wb[wb.sheetnames[1]]  # the city's level
    header = [c.value for c in ws[1]]
    assert header[0] == "parent target" and "凤鸣区·关于加快发展现代服务业的实施方案: value" in header
    rows = {(r[0], r[2]): r for r in ws.iter_rows(min_row=2, values_only=True)}
    total = header.index("sum of children")
    assert rows["服务业增加值", "level"][total] == "900亿元"
    assert rows["服务业增加值", "growth_rate"][total] is None
    assert rows["服务业增加值", "growth_rate"][header.index("summed?")].startswith("no:")
    gaps = list(wb["missing counterparts"].iter_rows(min_row=2, values_only=True))
    assert [(g[1], g[2]) for g in gaps] == [("芦滨区·关于加快发展现代服务业的实施方案", "冷库库容")]


def test_rollup_html_escapes_and_json_reads_back(city_rollup, tmp_path):
    hostile = city_rollup.model_copy(deep=True)
    hostile.rows[0].parent.metric = "<script>alert(1)</script>"
    out = io.StringIO()
    write_rollup(hostile, out, "html")
    assert "<script>alert" not in out.getvalue() and "&lt;script&gt;" in out.getvalue()
    path = tmp_path / "rollup.json"
    write_rollup(city_rollup, path)
    assert RollUp.model_validate_json(path.read_text(encoding="utf-8")) == city_rollup
    with pytest.raises(UnknownFormat):
        write_rollup(city_rollup, tmp_path / "rollup.md")
