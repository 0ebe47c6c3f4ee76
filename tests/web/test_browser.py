"""The workbench in Debian's Chromium (Playwright, never a downloaded browser; skipped without a
chromium binary): every page loads without console errors or CSP violations and asks nothing of
any host but the app; a bureau found by its abbreviation; its work in two plans; a target's
sentence in both texts; a refused write; an XLSX download that openpyxl opens; the graph drawn.
Screenshots go to tests/artifacts/; ``make screenshots`` copies them to docs/."""
from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

import openpyxl
import pytest

from tests.graph.render.test_report import CHROMIUM_ARGS, UPDATE_SCREENSHOTS, chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SHOTS = ("web-plan", "web-bureau", "web-evidence", "web-console")


def _bureau_in_two_plans(G) -> str:
    plans = defaultdict(set)
    for u, v, k in G.edges(keys=True):
        if k == "RESPONSIBLE_FOR" and G.nodes[v]["label"] == "Action":
            plans[u].add(G.nodes[v]["doc_id"])
    return next(b for b, docs in sorted(plans.items()) if len(docs) >= 2)


@pytest.mark.skipif(chromium() is None, reason="no chromium binary: apt-get install -y chromium")
def test_workbench_in_headless_chromium(server, bench, web_store):
    from playwright.sync_api import sync_playwright

    G = bench.graph
    base = server.url.rstrip("/")
    errors: list[str] = []
    foreign: list[str] = []
    timings: dict[str, float] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page.on("console", lambda msg: msg.type in ("error", "warning") and errors.append(f"{page.url}: {msg.text}"))
            page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
            page.on("request", lambda req: req.url.startswith(base) or req.url.startswith("data:")
                    or foreign.append(req.url))

            def visit(path: str) -> None:
                response = page.goto(base + path)
                assert response is not None and response.status == 200, path
                timings[path] = page.evaluate("performance.getEntriesByType('navigation')[0].duration")

            # Every page.
            seed = next(n for n, d in G.nodes(data=True) if d["label"] == "Plan" and d.get("in_corpus")
                        and d.get("region") == "崂山区")
            child, parent = next((u, v) for u, v, k in G.edges(keys=True) if k == "IMPLEMENTS"
                                 and G.nodes[v].get("in_corpus"))
            for path in ("/plans", "/plans?lang=en", "/plans?lang=zh", "/bureaus", "/targets",
                         "/targets?kind=share&sort=value&desc=1", "/search?q=服务业", "/compare",
                         "/compare?" + urlencode({"child": child, "parent": parent}),
                         "/compare?" + urlencode({"city": parent}), "/console"):
                visit(path)
            visit("/plan?" + urlencode({"id": seed}))
            assert page.locator("table.targets tbody tr").count() == sum(
                1 for _, d in G.nodes(data=True) if d["label"] == "Target" and d["doc_id"] == G.nodes[seed]["doc_id"])
            assert page.locator("table.matrix tbody tr").count() > 0
            assert page.locator("ol.outline li").count() > 0
            page.screenshot(path=str(ARTIFACTS / "web-plan.png"))

            # A bureau by its abbreviation (an alias the name does not contain), from the search box.
            bureau = _bureau_in_two_plans(G)
            name = G.nodes[bureau]["name"]
            alias = next(a for a in G.nodes[bureau]["aliases"] if a not in name) if any(
                a not in name for a in G.nodes[bureau]["aliases"]) else name
            visit("/plans")
            page.fill("header form.quick input", alias)
            page.press("header form.quick input", "Enter")
            page.wait_for_url("**/search?**")
            hit = page.locator("ul.bureau-hits a", has_text=name).first
            assert hit.count() == 1
            # The one of this government: its region is in the link text.
            page.locator("ul.bureau-hits a", has_text=f"{G.nodes[bureau]['region']}·{name}").first.click()
            page.wait_for_url("**/bureau?**")
            assert page.locator("section.work").count() >= 2  # its actions across two plans
            assert page.locator("section.work td.role").count() >= 2
            page.screenshot(path=str(ARTIFACTS / "web-bureau.png"), full_page=False)

            # A target links to its sentence, in the simplified and the original text.
            visit("/plan?" + urlencode({"id": seed}))
            target_id = next(n for n, d in sorted(G.nodes(data=True), key=lambda x: x[1].get("start") or 0)
                             if d["label"] == "Target" and d["doc_id"] == G.nodes[seed]["doc_id"])
            t = G.nodes[target_id]
            page.locator(f'a.ev[href="/evidence?{urlencode({"id": target_id})}"]').click()
            page.wait_for_url("**/evidence?**")
            timings["/evidence"] = page.evaluate("performance.getEntriesByType('navigation')[0].duration")
            assert t["evidence"] in page.locator("#sentence").inner_text()
            assert page.locator("#simplified mark.span").inner_text() == t["evidence"]
            norm = bench.texts.normalized(t["doc_id"])
            original = norm.raw.original or norm.raw.text
            assert page.locator("#original mark.span").inner_text() == original[t["orig_start"]:t["orig_end"]]
            assert original[t["orig_start"]:t["orig_end"]] != t["evidence"]  # the seed is traditional
            page.screenshot(path=str(ARTIFACTS / "web-evidence.png"))

            # The console refuses a write; a read draws a graph that expands on click.
            visit("/console")
            page.fill("textarea[name=cypher]", "MATCH (b:Bureau) SET b.probe = 1 RETURN b")
            page.click("#run")
            page.wait_for_selector("#error")
            assert web_store.query("MATCH (b:Bureau) WHERE b.probe IS NOT NULL RETURN count(b) AS n")[0]["n"] == 0
            page.fill("textarea[name=cypher]",
                      "MATCH (b:Bureau)-[r:RESPONSIBLE_FOR]->(a:Action) RETURN b, r, a LIMIT 20")
            page.click("#run")
            page.wait_for_selector("#graph[data-ready]", state="attached", timeout=60_000)
            assert page.locator("table.result tbody tr").count() == 20
            drawn = page.evaluate("document.getElementById('graph').network.body.data.nodes.length")
            assert all(not label.startswith(("bureau:", "action:")) for label in page.evaluate(
                "document.getElementById('graph').network.body.data.nodes.map(n => n.label)"))
            page.wait_for_timeout(1500)  # let the layout settle before clicking a node
            page.locator("#graph").scroll_into_view_if_needed()
            x, y = page.evaluate("""() => {
                const box = document.getElementById('graph'), net = box.network;
                const id = net.body.data.nodes.getIds().find(i => i.startsWith('bureau:'));
                const p = net.canvasToDOM(net.getPositions([id])[id]), r = box.getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""")
            page.mouse.click(x, y)
            page.wait_for_selector("#graph[data-expanded]", state="attached", timeout=20_000)
            assert int(page.get_attribute("#graph", "data-expanded")) >= drawn
            page.wait_for_timeout(1500)
            page.screenshot(path=str(ARTIFACTS / "web-console.png"))

            # A result larger than the node limit: 50 drawn, "show more" draws the next 50.
            page.fill("textarea[name=cypher]", "MATCH (t:Target) RETURN t LIMIT 120")
            page.click("#run")
            page.wait_for_selector("#graph[data-ready]", state="attached", timeout=60_000)
            assert page.get_attribute("#graph", "data-shown") == "50"
            page.click("#result-more")
            assert page.get_attribute("#graph", "data-shown") == "100"
            page.click("#result-more")
            assert page.get_attribute("#graph", "data-shown") == "120"
            assert page.locator("#result-more").is_hidden()

            # A download that openpyxl opens.
            visit("/targets?kind=share")
            total = int(page.locator("#total").inner_text())
            with page.expect_download() as info:
                page.click("#xlsx")
            path = ARTIFACTS / "web-targets.xlsx"
            info.value.save_as(path)
            sheet = openpyxl.load_workbook(path).active
            assert sheet.max_row - 1 == total > 0
            assert {c.value for c in sheet[2:sheet.max_row][0]} and all(
                row[sheet[1].index(next(c for c in sheet[1] if c.value == "kind"))].value == "share"
                for row in sheet.iter_rows(min_row=2))
        finally:
            browser.close()
    (ARTIFACTS / "web-timings.json").write_text(
        __import__("json").dumps({k: round(v, 1) for k, v in timings.items()}, ensure_ascii=False, indent=2),
        encoding="utf-8")
    if UPDATE_SCREENSHOTS:
        for shot in SHOTS:
            shutil.copyfile(ARTIFACTS / f"{shot}.png", ROOT / "docs" / f"{shot}.png")
    (ARTIFACTS / "web-console-errors.txt").write_text("\n".join(errors + foreign), encoding="utf-8")
    assert errors == []
    assert foreign == []
