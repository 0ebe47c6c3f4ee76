"""graph.render.report: one self-contained HTML file; escaped; counts match; works in a real Chromium.

The browser test drives Debian's Chromium (``apt-get install -y chromium``) with Playwright's
Python API and never downloads a browser; it skips only when no chromium binary exists. It saves
tests/artifacts/report.png (git-ignored); the README's committed docs/report.png is refreshed only on
request: ``make screenshots`` (``POLICYKG_UPDATE_SCREENSHOTS=1``).
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from graph.model.build import build_graph
from graph.render.highlight import Span, highlight, locate, valid_spans
from graph.render.report import bureaus, generate_report, script_json, write_report
from graph.render.report_views import graph_data, matrix_view
from pipeline import process_file
from pipeline.decode import read_document
from pipeline.normalize import normalize
from schemas.ids import bureau_id
from schemas.records import DocumentRecords
from tests.graph.records_factory import TEXT, make_parent_records, make_records

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "fixtures" / "docs" / "linjiang_district_services_2024-2026.txt"
COMPARE = ROOT / "tests" / "fixtures" / "compare"
#: ``make screenshots``: copy the browser test's screenshot over the committed docs/report.png.
UPDATE_SCREENSHOTS = os.environ.get("POLICYKG_UPDATE_SCREENSHOTS", "") not in ("", "0")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def normalized_text(path: Path) -> str:
    """The normalized text the records' offsets point into (what the report shows)."""
    return normalize(read_document(path)).text


def chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)


@pytest.fixture(scope="module")
def corpus() -> tuple[DocumentRecords, dict[str, str], str]:
    records = process_file(os.path.relpath(CORPUS))  # a short source path in the report
    texts = {records.source.doc_id: normalized_text(CORPUS)}
    return records, texts, generate_report([records], texts=texts)


def _count(html: str, key: str) -> int:
    return int(re.search(rf'data-count="{key}">(\d+)<', html).group(1))


def _target_rows(html: str, plan: str = "p0") -> int:
    block = html.split(f'<div class="plan" id="{plan}"', 1)[1].split('<div class="plan"', 1)[0]
    body = block.split('<table class="targets">', 1)[1].split("</tbody>", 1)[0]
    return body.count("<tr data-mark=")


def test_report_opens_offline_without_remote_sources(corpus):
    html = corpus[2]
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    assert "@import" not in html
    assert "default-src 'none'" in html  # the browser itself refuses any fetch
    assert "vis-network 10.1.5" in html


def test_report_counts_match_records(corpus):
    records, _, html = corpus
    assert _count(html, "actions") == len(records.actions)
    assert _count(html, "targets") == len(records.targets)
    assert _count(html, "baselines") == len(records.baselines)
    assert _count(html, "milestones") == len(records.milestones)
    assert _count(html, "warnings") == len(records.warnings)
    assert _count(html, "bureaus") == len(bureaus(records))
    assert _target_rows(html) == len(records.amounts())
    assert html.count('class="ent ent-target"') == len(records.amounts())
    assert html.count('class="ent ent-milestone"') == len(records.milestones)
    assert html.count('class="ent ent-clause"') == sum(1 for a in records.actions if a.clause)
    assert "not in corpus" in html  # the city plan it implements is not in this corpus
    assert "spans do not match" not in html


def test_report_escapes_document_text():
    records = make_records()
    evil = "<script>alert(1)</script>"
    target = records.targets[0].model_copy(update={"metric": evil})
    plan = records.plan.model_copy(update={"title": "计划</script><b>x</b>"})
    records = records.model_copy(update={"targets": [target, *records.targets[1:]], "plan": plan})
    text = TEXT + "<img src=x onerror=alert(2)>"
    html = generate_report([records], texts={records.source.doc_id: text})
    assert evil not in html and "<b>x</b>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    data = html.split('id="graph-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    assert any(n["title"] == "计划</script><b>x</b>" for n in json.loads(data)[0]["nodes"])


def test_report_graph_draws_the_model_with_its_ids():
    """The drawn graph is the networkx model (graph.model.build), not a second graph of its own."""
    records = make_records()
    G = build_graph([records])
    data = graph_data(records, "p0")
    assert [n["id"] for n in data["nodes"]] == list(G)
    assert sorted((e["from"], e["to"]) for e in data["edges"]) == sorted(G.edges())
    groups = {n["id"]: n["group"] for n in data["nodes"]}
    assert groups[bureau_id("青川市", "市大数据局")] == "bureau" and groups[records.plan.id] == "plan"
    assert {groups[pid] for pid in G if G.nodes[pid]["label"] == "Plan" and pid != records.plan.id} == {"parent"}
    roles = {(e["from"], e["to"]): e["kind"] for e in data["edges"]}
    assert roles[(bureau_id("青川市", "市大数据局"), records.actions[1].id)] == "responsible"
    marks = {n["id"]: n.get("mark") for n in data["nodes"]}
    assert [marks[t.id] for t in records.amounts()] == [f"p0-t{i}" for i in range(len(records.amounts()))]


def test_report_script_json_escapes_markup_characters():
    text = str(script_json({"a": "</script><!-- & \u2028"}))
    assert not set(text) & set("<>&\u2028")
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_report_several_plans_have_a_picker_and_link_parents_in_corpus():
    html = generate_report([make_records(), make_parent_records()])
    assert html.count('<div class="plan"') == 2 and 'id="plan-picker"' in html
    assert 'data-show-plan="1"' in html  # the first parent plan is in the corpus
    assert html.count("not in corpus") == 1  # the second is not
    assert "The normalized text was not given" in html


def test_report_matrix_and_timeline_from_records():
    records = make_records()
    matrix = matrix_view(records)
    assert matrix["bureaus"][0]["name"] == "市工业和信息化局" and matrix["bureaus"][0]["lead"] == 1
    assert matrix["cells"][bureau_id("青川市", "市大数据局")] == {records.actions[1].id: "responsible"}
    html = generate_report([records], texts={records.source.doc_id: TEXT})
    assert "H1 · 1–6月" in html and "建成青川城市算力中心一期工程<small>2025-06-30" in html


def _comparison_json() -> dict:
    ref = {"id": "t", "metric": "服务业增加值", "value": 7.5, "unit": "%", "kind": "growth_rate",
           "deadline": "2026-12-31", "responsible_units": ["区发展和改革局"], "evidence": "年均增长7.5%"}
    parent = dict(ref, id="p", value=6.5, evidence="年均增长6.5%左右")
    return {"child_plan": {"id": "c", "title": "区方案", "doc_id": "c"},
            "parent_plan": {"id": "p", "title": "市方案<i>", "doc_id": "p"},
            "alignments": [{"child": ref, "parent": parent, "score": 0.9, "ambition": "higher",
                            "rate_difference": 1.0, "deadline_offset_years": 0,
                            "reason": "metric"}],
            "parent_only": [dict(parent, metric="国际展会")], "child_only": [],
            "summary": {"aligned": 1, "parent_only": 1, "child_only": 0}}


@pytest.mark.parametrize("form", ["dict", "json"])
def test_report_comparison_tables(form):
    comparison = _comparison_json()
    given = comparison if form == "dict" else json.dumps(comparison, ensure_ascii=False)
    html = generate_report([make_records()], comparisons=[given])
    assert 'id="comparisons"' in html and "市方案&lt;i&gt;" in html
    aligned = html.split('<table class="aligned">', 1)[1].split("</table>", 1)[0]
    assert aligned.count("<tr>") == 2 and "+1" in aligned and "7.5%" in aligned
    assert "国际展会" in html.split('<table class="parent-only">', 1)[1].split("</table>")[0]


def test_report_comparison_from_graph_compare():
    compare = pytest.importorskip("graph.answers.compare")
    child = process_file(COMPARE / "district_plan.txt")
    parent = process_file(COMPARE / "city_plan.txt")
    comparison = compare.compare_plans(child, parent)
    html = generate_report([child, parent], comparisons=[comparison])
    aligned = html.split('<table class="aligned">', 1)[1].split("</tbody>", 1)[0]
    assert aligned.count("<tr>") == 1 + len(comparison.alignments)


def test_report_highlight_nests_and_cuts_crossing_spans():
    text = "ab<cd>ef"
    spans = [Span(0, 6, "target", "T", "x"), Span(2, 4, "clause", "C", "y"),
             Span(3, 8, "warning", "W", "z")]
    html = str(highlight(text, spans))
    assert html.startswith('<mark class="ent ent-target" id="x"')
    assert "ab<mark" in html and "&lt;" in html and html.endswith("ef")
    assert html.count("<mark") == html.count("</mark>") == 3
    good, bad = valid_spans(text, [Span(0, 2, "t", "T", "a", expected="ab"),
                                   Span(0, 2, "t", "T", "b", expected="zz"),
                                   Span(5, 99, "t", "T", "c")])
    assert [s.dom_id for s in good] == ["a"] and len(bad) == 2
    assert locate("xx ab xx ab", "ab", 9) == 9 and locate("abc", "q", 0) is None


def test_write_report_to_path_and_binary_file(tmp_path):
    records = make_records()
    write_report([records], tmp_path / "r.html")
    buffer = io.BytesIO()
    write_report([records], buffer)
    assert (tmp_path / "r.html").read_bytes() == buffer.getvalue()


@pytest.mark.skipif(chromium() is None, reason="no chromium binary: apt-get install -y chromium")
def test_report_in_headless_chromium(corpus, tmp_path):
    from playwright.sync_api import sync_playwright

    records, texts, _ = corpus
    path = tmp_path / "report.html"
    write_report([records], path, texts=texts)
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("request", lambda req: requests.append(req.url))
            page.goto(path.as_uri())
            page.wait_for_selector("#p0-graph[data-ready]", state="attached", timeout=60_000)

            painted = page.evaluate("""() => {
                const c = document.querySelector('#p0-graph canvas');
                if (!c || !c.width || !c.height) return 0;
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
                return n;
            }""")
            assert painted > 1000, "the graph canvas is blank"
            rows = page.locator("#p0 table.targets tbody tr")
            assert rows.count() == len(records.amounts())  # baselines shown too, their kind says so
            matrix_rows = page.locator("#p0 table.matrix tbody tr").count()
            assert matrix_rows == len(matrix_view(records)["bureaus"])
            assert page.locator("#p0 .timeline .item").count() == (
                len(records.milestones) + sum(1 for t in records.amounts() if t.deadline))

            page.fill("#p0 input.filter", records.amounts()[-1].metric)
            visible = page.locator("#p0 table.targets tbody tr:visible").count()
            assert 1 <= visible < len(records.amounts())
            page.fill("#p0 input.filter", "")

            last = len(records.amounts()) - 1
            page.locator(f'#p0 tr[data-mark="p0-t{last}"]').click()
            mark = page.locator(f"#p0-t{last}")
            assert "active" in mark.get_attribute("class").split()
            in_view = page.evaluate("""(id) => {
                const m = document.getElementById(id).getBoundingClientRect();
                const box = document.querySelector('#p0 pre.doc').getBoundingClientRect();
                return m.height > 0 && m.top >= Math.max(0, box.top)
                    && m.bottom <= Math.min(innerHeight, box.bottom);
            }""", f"p0-t{last}")
            assert in_view, "the target's evidence mark was not scrolled into view"

            artifacts = ROOT / "tests" / "artifacts"
            artifacts.mkdir(exist_ok=True)
            page.screenshot(path=str(artifacts / "report-evidence.png"))
            page.set_viewport_size({"width": 1400, "height": 1500})
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(artifacts / "report.png"))
            if UPDATE_SCREENSHOTS:
                (ROOT / "docs").mkdir(exist_ok=True)
                shutil.copyfile(artifacts / "report.png", ROOT / "docs" / "report.png")
        finally:
            browser.close()
    assert errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))] == []
