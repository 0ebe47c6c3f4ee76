"""Responsibility matrices: cells from the graph, from the database, from real records, in every format."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook

from graph.answers.matrix import Matrix, matrix_from_rows, responsibility_matrix
from graph.answers.matrix_views import bureau_view, task_view
from graph.model.build import build_graph
from graph.render.matrix_formats import write_matrix
from graph.store.load import load_graph
from graph.store.queries import get_query
from schemas.errors import MatrixError
from schemas.ids import plan_id
from tests.graph.records_factory import TITLE, make_records

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "docs" / "linjiang_district_services_2024-2026.txt"
GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "linjiang_district_services_2024-2026.json"
OTHER_TITLE = "青川市数据要素市场培育行动方案（2024—2026年）"


def _grid(matrix: Matrix) -> dict[tuple[str, str], tuple[str, int]]:
    """Cells by (bureau name, column title): role and rank."""
    names = {b.id: b.name for b in matrix.bureaus}
    titles = {c.id: c.title for c in matrix.columns}
    return {(names[b], titles[c]): (cell.role, cell.rank) for (b, c), cell in matrix.cells.items()}


def _second_plan() -> object:
    """The factory's document as a second plan of its own (other doc id, other title)."""
    records = make_records(doc_id="5e5e5e5e5e5e5e5e")
    plan = records.plan.model_copy(update={"title": OTHER_TITLE,
                                           "id": plan_id(OTHER_TITLE, None), "doc_number": None})
    return records.model_copy(update={"plan": plan})


@pytest.fixture(scope="module")
def linjiang():
    from pipeline import process_file

    return process_file(CORPUS)


@pytest.fixture
def G() -> nx.MultiDiGraph:
    return build_graph([make_records()])


def test_matrix_cells_roles_ranks_and_totals(G: nx.MultiDiGraph) -> None:
    m = responsibility_matrix(G)
    assert [c.title for c in m.columns] == ["加快5G网络建设", "推进算力中心建设", "壮大软件和信息服务业"]
    assert {c.plan for c in m.columns} == {TITLE}
    assert _grid(m) == {
        ("市工业和信息化局", "加快5G网络建设"): ("lead", 1),
        ("市通信管理办公室", "加快5G网络建设"): ("support", 2),
        ("各区县人民政府", "加快5G网络建设"): ("support", 3),
        ("市发展和改革委员会", "推进算力中心建设"): ("responsible", 1),
        ("市大数据局", "推进算力中心建设"): ("responsible", 2),
        ("市工业和信息化局", "壮大软件和信息服务业"): ("responsible", 1),
    }
    generic = [b for b in m.bureaus if b.generic]
    assert [b.name for b in generic] == ["各区县人民政府"]  # kept as written, flagged generic
    assert m.bureaus[0].name == "市工业和信息化局"  # most leads first
    first = m.bureau_totals(m.bureaus[0].id)
    assert (first.lead, first.support, first.responsible, first.total) == (1, 0, 1, 2)
    t = m.column_totals(m.columns[0].id)
    assert (t.lead, t.support, t.responsible) == (1, 2, 0)


def test_matrix_columns_follow_the_text_not_the_record_order() -> None:
    records = make_records()
    shuffled = records.model_copy(update={"actions": list(reversed(records.actions))})
    m = responsibility_matrix(build_graph([shuffled]))
    assert [c.title for c in m.columns] == ["加快5G网络建设", "推进算力中心建设", "壮大软件和信息服务业"]


def test_matrix_by_target_uses_the_action_owners_and_direct_owners(G: nx.MultiDiGraph) -> None:
    m = responsibility_matrix(G, by="target")
    grid = _grid(m)
    assert [c.title for c in m.columns] == [
        "新建5G基站 3000个（2025-12-31）", "重点企业上云率 ≥60%（2026-12-31）",
        "软件业务收入 增长15%（2026-12-31）"]  # the plan-level target has no owner: no column
    assert grid[("市工业和信息化局", "新建5G基站 3000个（2025-12-31）")] == ("lead", 1)
    assert grid[("各区县人民政府", "新建5G基站 3000个（2025-12-31）")] == ("support", 3)
    assert grid[("市大数据局", "重点企业上云率 ≥60%（2026-12-31）")] == ("responsible", 1)
    assert len(grid) == 5


@pytest.mark.parametrize("depth,expected", [
    (1, {"重点任务": {"市工业和信息化局": (1, 0, 1), "市通信管理办公室": (0, 1, 0),
                  "各区县人民政府": (0, 1, 0), "市发展和改革委员会": (0, 0, 1),
                  "市大数据局": (0, 0, 1)}}),
    (2, {"夯实数字基础设施": {"市工业和信息化局": (1, 0, 0), "市通信管理办公室": (0, 1, 0),
                      "各区县人民政府": (0, 1, 0), "市发展和改革委员会": (0, 0, 1),
                      "市大数据局": (0, 0, 1)},
         "重点任务": {"市工业和信息化局": (0, 0, 1)}}),
])
def test_matrix_by_section_aggregates_counts(G: nx.MultiDiGraph, depth: int, expected: dict) -> None:
    m = responsibility_matrix(G, by="section", depth=depth)
    assert [c.title for c in m.columns] == list(expected)
    got = {c.title: {b.name: (cell.lead, cell.support, cell.responsible) for b in m.bureaus
                     if (cell := m.cell(b.id, c.id))} for c in m.columns}
    assert got == expected
    top = m.cell(m.bureaus[0].id, m.columns[0].id)
    if depth == 1:
        assert (top.role, top.label) == ("lead", "牵头1 负责1")
        assert len(m.columns[0].targets) == 2 and len(m.columns[0].milestones) == 2


def test_matrix_several_plans_group_columns_by_plan() -> None:
    m = responsibility_matrix(build_graph([make_records(), _second_plan()]))
    assert m.plans == sorted([TITLE, OTHER_TITLE])
    for plan in m.plans:
        assert [c.title for c in m.columns if c.plan == plan] == [
            "加快5G网络建设", "推进算力中心建设", "壮大软件和信息服务业"]
    lead = next(b for b in m.bureaus if b.name == "市工业和信息化局")
    assert m.bureau_totals(lead.id).lead == 2  # one bureau row across both plans
    assert task_view(m).rows[3][1] == m.plans[1]
    assert bureau_view(m).notes == (f"[1] {m.plans[0]}", f"[2] {m.plans[1]}")


def test_matrix_views_task_and_bureau(G: nx.MultiDiGraph) -> None:
    m = responsibility_matrix(G)
    tasks = task_view(m)
    assert tasks.header[:7] == ("序号", "规划", "章节", "重点任务", "牵头单位", "配合单位", "责任单位")
    first = dict(zip(tasks.header, tasks.rows[0]))
    assert first["重点任务"] == "加快5G网络建设" and first["章节"] == "重点任务 / 夯实数字基础设施"
    assert first["牵头单位"] == "市工业和信息化局"
    assert first["配合单位"] == "市通信管理办公室、各区县人民政府"  # in the clause's order
    assert first["目标指标"] == "新建5G基站 3000个（2025-12-31）"
    assert first["时间节点"] == "2025-12-31 实现重点场所5G网络全覆盖"
    bureaus = {row[0]: dict(zip(bureau_view(m).header, row)) for row in bureau_view(m).rows}
    mine = bureaus["市工业和信息化局"]
    assert (mine["牵头数"], mine["配合数"], mine["负责数"], mine["合计"], mine["指标数"]) == (
        "1", "0", "1", "2", "2")
    assert mine["牵头任务"] == "加快5G网络建设" and mine["负责任务"] == "壮大软件和信息服务业"
    assert mine["最早截止"] == "2025-12-31"
    assert bureaus["市大数据局"]["最早截止"] == "2025-06-30"


def test_matrix_linjiang_lists_exactly_the_units_each_clause_names(linjiang) -> None:
    m = responsibility_matrix(build_graph([linjiang]))
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["responsibilities"]
    assert len(m.columns) == len(golden)
    for item in golden:
        column = next(c for c in m.columns if c.title.startswith(item["item"]))
        by_role = {role: [b.name for b in m.bureaus if (cell := m.cell(b.id, column.id))
                          and cell.role == role] for role in ("lead", "support", "responsible")}
        assert sorted(by_role["lead"]) == sorted(item["lead"]), item["item"]
        assert sorted(by_role["support"]) == sorted(item["support"]), item["item"]
        assert sorted(by_role["responsible"]) == sorted(item.get("responsible", [])), item["item"]
    titles = [c.title for c in m.columns]
    assert titles == [item["item"] for item in golden]  # the document's order
    load = {b.name: m.bureau_totals(b.id) for b in m.bureaus}
    assert (load["区商务局"].lead, load["区商务局"].support, load["区商务局"].responsible) == (1, 0, 6)
    assert m.bureaus[0].name == "区商务局"


def test_matrix_from_database_rows_agrees_with_graph(store, linjiang) -> None:
    G = build_graph([make_records(), _second_plan(), linjiang])
    load_graph(store, G)
    plans = {TITLE, OTHER_TITLE, linjiang.plan.title}
    query = get_query("matrix")  # every row: a limit far above what the test loads
    rows = [r for r in store.query(query.text, query.bind({"limit": 1_000_000})) if r["plan"] in plans]
    for by, depth in (("action", 1), ("section", 1), ("section", 2)):
        from_graph = responsibility_matrix(G, by=by, depth=depth)
        from_db = matrix_from_rows(rows, by=by, depth=depth)
        assert from_db.cells == from_graph.cells
        assert [(c.id, c.title, c.plan) for c in from_db.columns] == [
            (c.id, c.title, c.plan) for c in from_graph.columns]
        assert from_db.bureaus == from_graph.bureaus
    assert len(rows) == 2 * 6 + 30  # the factory's six owners twice, linjiang's thirty


def _count_xlsx(data: bytes) -> dict[str, int]:
    wb = load_workbook(io.BytesIO(data))
    values = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    return {mark: values.count(mark) for mark in ("牵头", "配合", "负责")}


def _count_html(text: str) -> dict[str, int]:
    return {mark: len(re.findall(rf"<td class=\"cell \w+\"[^>]*>{mark}</td>", text))
            for mark in ("牵头", "配合", "负责")}


def _count_md(text: str) -> dict[str, int]:
    cells = [c.strip() for line in text.splitlines() if line.startswith("|")
             for c in re.split(r"(?<!\\)\|", line)]
    return {mark: cells.count(mark) for mark in ("牵头", "配合", "负责")}


def _count_csv(text: str) -> dict[str, int]:
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    return {mark: sum(1 for r in rows if r["mark"] == mark) for mark in ("牵头", "配合", "负责")}


def test_matrix_writers_give_the_same_cells_in_every_format(tmp_path: Path, linjiang) -> None:
    m = responsibility_matrix(build_graph([linjiang, make_records()]))
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["responsibilities"]
    expected = {"牵头": sum(len(i["lead"]) for i in golden) + 1,  # + the factory's 1 lead,
                "配合": sum(len(i["support"]) for i in golden) + 2,  # 2 supports, 3 responsible
                "负责": sum(len(i.get("responsible", [])) for i in golden) + 3}
    assert expected == {"牵头": 4, "配合": 6, "负责": 26}
    assert {mark: sum(1 for *_, cell in m.marks() if cell.label == mark)
            for mark in expected} == expected
    for ext in ("xlsx", "html", "csv", "md"):
        write_matrix(m, tmp_path / f"m.{ext}")
    assert _count_xlsx((tmp_path / "m.xlsx").read_bytes()) == expected
    assert _count_html((tmp_path / "m.html").read_text(encoding="utf-8")) == expected
    assert _count_csv((tmp_path / "m.csv").read_text(encoding="utf-8")) == expected
    assert _count_md((tmp_path / "m.md").read_text(encoding="utf-8")) == expected
    # open files: binary for the workbook, text or binary for the others; fmt overrides
    xlsx = io.BytesIO()
    write_matrix(m, xlsx, "xlsx")
    assert _count_xlsx(xlsx.getvalue()) == expected
    text, raw = io.StringIO(), io.BytesIO()
    write_matrix(m, text, "md")
    write_matrix(m, raw, "csv")
    assert _count_md(text.getvalue()) == expected
    assert _count_csv(raw.getvalue().decode("utf-8")) == expected
    rows = list(csv.DictReader(io.StringIO(raw.getvalue().decode("utf-8"))))
    assert rows[0]["column"] == "建设现代物流枢纽" and rows[0]["role"] == "responsible"  # 责任单位: no roles
    assert [r["rank"] for r in rows[:3]] == ["1", "2", "3"]


def test_matrix_xlsx_layout(tmp_path: Path, G: nx.MultiDiGraph) -> None:
    path = tmp_path / "m.xlsx"
    write_matrix(responsibility_matrix(G), path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["责任矩阵", "任务分工", "部门任务"]
    ws = wb["责任矩阵"]
    assert ws.freeze_panes == "B3"
    assert ws["B2"].value == "加快5G网络建设" and ws["B2"].alignment.text_rotation == 90
    assert ws["B2"].alignment.wrap_text
    assert ws["A1"].value == "规划" and ws["B1"].value == TITLE
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    lead_row = next(r for r in range(3, 8) if ws.cell(r, 1).value == "市工业和信息化局")
    assert ws.cell(lead_row, 2).value == "牵头"
    assert ws.cell(lead_row, 2).fill.fgColor.rgb.endswith("F4B183")
    assert any(c.value == "牵头单位" for row in ws.iter_rows() for c in row)  # the legend
    assert ws.column_dimensions["A"].width >= 18
    for name in ("任务分工", "部门任务"):
        assert wb[name].freeze_panes == "B2"
        assert wb[name].page_setup.orientation == "landscape"


def test_matrix_writers_escape_text(tmp_path: Path, make_graph) -> None:
    hostile = "<script>alert(1)</script>|=SUM(A1)"
    G = make_graph("doc-hostile", bureau=hostile, title="<b>计划</b>")
    action = next(n for n, d in G.nodes(data=True) if d["label"] == "Action")
    G.nodes[action]["title"] = "=HYPERLINK(\"x\")|<i>"
    m = responsibility_matrix(G)
    for ext in ("html", "md", "xlsx", "csv"):
        write_matrix(m, tmp_path / f"m.{ext}")
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<b>计划" not in page and "&lt;script&gt;" in page
    md = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert "<script>" not in md and "\\|=SUM(A1)" in md
    assert _count_md(md)["牵头"] == 1
    ws = load_workbook(tmp_path / "m.xlsx")["责任矩阵"]
    assert ws["A3"].value == hostile and ws["A3"].data_type == "s"
    assert ws["B2"].value == "=HYPERLINK(\"x\")|<i>" and ws["B2"].data_type == "s"
    rows = list(csv.DictReader(io.StringIO((tmp_path / "m.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["bureau"] == hostile


@pytest.mark.parametrize("call", [
    lambda G: responsibility_matrix(G, by="bureau"),
    lambda G: responsibility_matrix(G, by="section", depth=0),
    lambda G: matrix_from_rows([], by="target"),
    lambda G: write_matrix(responsibility_matrix(G), io.StringIO()),
    lambda G: write_matrix(responsibility_matrix(G), "out.pdf"),
])
def test_matrix_refuses_unknown_grouping_and_format(G: nx.MultiDiGraph, call) -> None:
    with pytest.raises(MatrixError):
        call(G)


def test_matrix_says_when_roles_were_inferred(tmp_path: Path) -> None:
    """Roles of clauses that name none show as 负责; with the first-listed convention they are
    牵头/配合, and every format says they were inferred."""
    from pipeline import process_bytes
    from pipeline.roles import first_listed_leads

    text = ("西岭区促消费行动方案（2025—2027年）\n一、重点任务\n（一）开展促消费活动。开展促消费活动20场以上。"
            "（责任单位：区商务局、区财政局）\n").encode("utf-8")
    plain = responsibility_matrix(build_graph([process_bytes(text, "a.txt")]))
    assert {c.label for *_, c in plain.marks()} == {"负责"} and plain.note is None
    inferred = responsibility_matrix(build_graph([first_listed_leads(process_bytes(text, "a.txt"))]))
    assert sorted(c.label for *_, c in inferred.marks()) == ["牵头", "配合"] and inferred.inferred == 2
    for ext in ("md", "html"):
        write_matrix(inferred, tmp_path / f"m.{ext}")
        assert "推定" in (tmp_path / f"m.{ext}").read_text(encoding="utf-8")
    write_matrix(inferred, tmp_path / "m.xlsx")
    import openpyxl
    cells = [c.value for row in openpyxl.load_workbook(tmp_path / "m.xlsx").active.iter_rows() for c in row]
    assert any(isinstance(v, str) and "推定" in v for v in cells)
