"""The tidy tables of the district corpus, read back by the tools researchers use: pandas
(Parquet, CSV), openpyxl (the workbook Excel opens)."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from graph.answers.tables import corpus_tables
from graph.model.build import build_graph
from graph.model.versions import latest_versions
from graph.render.tables import write_tables
from pipeline import process_bytes
from tests.districts import DISTRICTS, city_plan, district_plan


@pytest.fixture(scope="module")
def records():
    docs = [process_bytes(district_plan(i).encode("utf-8"), f"d{i}.txt") for i in range(len(DISTRICTS))]
    return latest_versions([*docs, process_bytes(city_plan().encode("utf-8"), "city.txt")])


@pytest.fixture(scope="module")
def graph(records):
    return build_graph(records)


@pytest.fixture(scope="module")
def written(graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    return out, write_tables(corpus_tables(graph), out)


def test_tables_one_row_per_target_responsibility_milestone(graph, records):
    targets, resp, milestones = corpus_tables(graph)
    assert len(targets.rows) == sum(len(r.targets) for r in records) == 33
    assert len(milestones.rows) == sum(len(r.milestones) for r in records) == 10
    edges = sum(1 for *_, d in graph.edges(data=True) if d["type"] == "RESPONSIBLE_FOR")
    assert len(resp.rows) == edges
    row = next(r for r in targets.rows if r["region"] == "西岭区" and r["metric"] == "限额以上商贸企业")
    assert (row["value"], row["unit"], row["kind"]) == (21.0, "家", "increment")
    assert row["owners"] == "区商务局、区财政局、市商务局" and row["owner_roles"] == "lead、support、support"
    assert row["lead_owners"] == "区商务局" and row["level"] == "district"
    assert row["section_path"].startswith("重点任务")
    doc = next(r for r in records if r.source.doc_id == row["doc_id"])
    target = next(t for t in doc.targets if t.id == row["target_id"])
    assert (row["evidence_start"], row["evidence_end"]) == (target.evidence.start, target.evidence.end)
    assert (row["evidence_orig_start"], row["evidence_orig_end"]) == (target.evidence.orig_start,
                                                                      target.evidence.orig_end)


def test_tables_parquet_opens_in_pandas_with_types(written):
    out, _ = written
    t = pd.read_parquet(out / "targets.parquet")
    assert len(t) == 33 and t["region"].nunique() == 11
    assert t["value"].dtype == "float64" and t["evidence_start"].dtype == "int64"
    assert {type(d) for d in t["deadline"].dropna()} == {dt.date}
    assert not t["owners"].str.startswith("[").any()
    r = pd.read_parquet(out / "responsibilities.parquet")
    assert r["rank"].dtype == "int64" and r["generic"].dtype == "bool"
    commerce = r[(r["bureau"] == "区商务局") & (r["role"] == "lead")]
    assert commerce.groupby("bureau_region").size().to_dict() == {d: 2 for d in DISTRICTS}
    assert len(pd.read_parquet(out / "milestones.parquet")) == 10


def test_tables_csv_has_a_bom_and_reads_back(written):
    out, _ = written
    raw = (out / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfplan_id,")
    t = pd.read_csv(out / "targets.csv", encoding="utf-8-sig")
    assert list(t.columns[:3]) == ["plan_id", "plan_title", "region"] and len(t) == 33
    assert t["value"].dtype == "float64"
    assert "区商务局、区财政局、市商务局" in set(t["owners"])


def test_tables_workbook_frozen_filtered_typed(written):
    out, files = written
    assert out / "tables.xlsx" in files
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    assert wb.sheetnames == ["targets", "responsibilities", "milestones"]
    ws = wb["targets"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}34"
    header = [c.value for c in ws[1]]
    value, deadline = header.index("value") + 1, header.index("deadline") + 1
    assert ws.cell(2, value).data_type == "n" and ws.cell(2, value).value == 100  # a number, not text
    dates = [ws.cell(r, deadline).value for r in range(2, ws.max_row + 1) if ws.cell(r, deadline).value]
    assert dates and all(isinstance(d, dt.datetime) for d in dates)
    x = pd.read_excel(out / "tables.xlsx", sheet_name="milestones")
    assert len(x) == 10 and x["deadline"].dtype.kind == "M"


def test_tables_a_workbook_path_writes_the_workbook_only(graph, tmp_path):
    assert write_tables(corpus_tables(graph), tmp_path / "t.xlsx") == [tmp_path / "t.xlsx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.xlsx"]


def test_tables_of_every_fixture_document_keep_their_types(tmp_path):
    from pathlib import Path

    from pipeline import process_file

    docs = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "docs").iterdir())
    records = [process_file(p) for p in docs]
    G = build_graph(latest_versions(records))
    write_tables(corpus_tables(G), tmp_path)
    t = pd.read_parquet(tmp_path / "targets.parquet")
    assert len(t) == sum(len(r.amounts()) for r in latest_versions(records))  # baselines: kind says so
    assert t["plan_id"].nunique() == len(latest_versions(records))
    for column in ("value", "value_max", "normalized_value"):
        assert t[column].dtype == "float64"
    assert t["kind"].isin(["level", "growth_rate", "share", "count", "increment", "cumulative",
                           "qualitative", "baseline"]).all()
    assert (t["evidence_end"] > t["evidence_start"]).all()
    x = pd.read_excel(tmp_path / "tables.xlsx", sheet_name=None)
    assert {k: len(v) for k, v in x.items()} == {
        "targets": len(t), "responsibilities": len(pd.read_parquet(tmp_path / "responsibilities.parquet")),
        "milestones": len(pd.read_parquet(tmp_path / "milestones.parquet"))}
    c = pd.read_csv(tmp_path / "targets.csv", encoding="utf-8-sig")
    assert len(c) == len(t) and c["value"].dtype == "float64"
