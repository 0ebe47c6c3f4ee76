"""The Starlette app: routes, the security headers (a strict CSP, no inline script), the host check
on loopback and the token check when bound elsewhere. Endpoints are plain functions (Starlette runs
them in its thread pool), each reading the current model snapshot."""
from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from graph.render.report import script_json
from graph.store.queries import list_queries
from policykg.web import compare, console, views
from policykg.web.assets import style_hashes, vis_network_file
from policykg.web.i18n import translate
from policykg.web.state import Workbench
from policykg.web.targets import TargetFilter, choices, filtered_targets, table_bytes
from schemas.errors import PolicykgError, WriteRefused

HERE = Path(__file__).parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' {styles}; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
TOKEN_COOKIE = "policykg_token"
PAGE_ROWS = 500  # rows a targets page shows; the download has them all


class Guard(BaseHTTPMiddleware):
    """Security headers on every answer; with a token configured, nothing without it."""

    def __init__(self, app: Any, token: Optional[str]) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if self.token:
            given = (request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE)
                     or request.headers.get("authorization", "").removeprefix("Bearer ").strip())
            if not given or not secrets.compare_digest(given, self.token):
                return _secure(Response("401 token needed / 需要访问令牌", status_code=401, media_type="text/plain"))
            if "token" in request.query_params:  # once: move it into a cookie, off the URL
                rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                answer = RedirectResponse(request.url.path + ("?" + urlencode(rest) if rest else ""), 303)
                answer.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
                return _secure(answer)
        return _secure(await call_next(request))


def _secure(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP.format(styles=" ".join(style_hashes()))
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


def create_app(bench: Workbench, token: Optional[str] = None, loopback: bool = True) -> Starlette:
    """The workbench app over ``bench``; ``token`` required on every request when given."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["j2", "html"]))
    env.filters["json"] = script_json

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = request.query_params.get("lang") or request.cookies.get("lang") or "zh"
        lang = "en" if lang == "en" else "zh"
        t0 = time.perf_counter()
        html = env.get_template(template).render(
            t=lambda key: translate(key, lang), lang=lang, request=request, q=request.query_params,
            query=lambda **kw: urlencode({k: v for k, v in kw.items() if v not in (None, "")}), **context)
        answer = HTMLResponse(html, status_code=status)
        answer.headers["Server-Timing"] = f"render;dur={(time.perf_counter() - t0) * 1000:.1f}"
        if "lang" in request.query_params:
            answer.set_cookie("lang", lang, samesite="strict")
        return answer

    def missing(request: Request) -> HTMLResponse:
        return page(request, "error.html.j2", 404, message="not found / 未找到")

    def plans(request: Request) -> HTMLResponse:
        return page(request, "plans.html.j2", rows=views.plan_rows(bench.graph))

    def plan(request: Request) -> HTMLResponse:
        G = bench.graph
        data = views.plan_page(G, request.query_params.get("id", ""))
        return page(request, "plan.html.j2", p=data) if data else missing(request)

    def bureaus(request: Request) -> HTMLResponse:
        return page(request, "bureaus.html.j2", rows=views.bureau_rows(bench.graph, request.query_params.get("q", "")))

    def bureau(request: Request) -> HTMLResponse:
        data = views.bureau_page(bench.graph, request.query_params.get("id", ""))
        return page(request, "bureau.html.j2", b=data) if data else missing(request)

    def targets(request: Request) -> Response:
        G = bench.graph
        f = TargetFilter.from_query(request.query_params)
        table = filtered_targets(G, f)
        fmt = request.path_params.get("fmt")
        if fmt is not None and fmt not in ("xlsx", "csv"):
            return missing(request)
        if fmt:
            media = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if fmt == "xlsx"
                     else "text/csv; charset=utf-8")
            return Response(table_bytes(table, fmt), media_type=media,
                            headers={"Content-Disposition": f'attachment; filename="targets.{fmt}"'})
        return page(request, "targets.html.j2", rows=table.rows[:PAGE_ROWS], total=len(table.rows),
                    f=f, choices=choices(G), download=urlencode(list(request.query_params.multi_items())))

    def search(request: Request) -> HTMLResponse:
        q = request.query_params.get("q", "")
        snap = bench.snapshot()
        return page(request, "search.html.j2", rows=snap.index.search(q) if q.strip() else [],
                    bureaus=views.bureau_rows(snap.graph, q)[:20] if q.strip() else [])

    def evidence(request: Request) -> HTMLResponse:
        G = bench.graph
        node = request.query_params.get("id", "")
        if node not in G:
            return missing(request)
        d = G.nodes[node]
        start, end, ostart, oend = d.get("start"), d.get("end"), d.get("orig_start"), d.get("orig_end")
        norm = bench.texts.normalized(d.get("doc_id"))
        if norm is not None and start is not None and end is not None and ostart is None:
            ostart, oend = norm.to_original(start, end)  # actions keep normalized offsets only
        simplified, original = bench.texts.passages(d.get("doc_id"), start, end, ostart, oend)
        plan_id = next((n for n, pd in G.nodes(data=True) if pd.get("label") == "Plan"
                        and pd.get("doc_id") and pd.get("doc_id") == d.get("doc_id")), None)
        return page(request, "evidence.html.j2", node=node, d=d, simplified=simplified, original=original,
                    plan=plan_id and dict(G.nodes[plan_id], id=plan_id))

    def compare_page(request: Request) -> HTMLResponse:
        G = bench.graph
        child, parent = request.query_params.get("child", ""), request.query_params.get("parent", "")
        city = request.query_params.get("city", "")
        pairs = [(r, p) for r in views.plan_rows(G) if r["in_corpus"] for p in r["parents"]
                 if G.nodes[p].get("in_corpus")]
        cities = sorted({p for _, p in pairs})
        context: dict[str, Any] = {"pairs": [(r["id"], r["title"], p, G.nodes[p].get("title")) for r, p in pairs],
                                   "cities": [(c, G.nodes[c].get("title")) for c in cities]}
        if child in G and parent in G:
            context["versus"] = compare.plan_vs_parent(G, child, parent)
        elif city in G:
            context["rollup"] = compare.rollup(G, city)
        return page(request, "compare.html.j2", **context)

    def console_page(request: Request) -> HTMLResponse:
        G = bench.graph
        q = request.query_params
        name, cypher = q.get("name", ""), q.get("cypher", "")
        context: dict[str, Any] = {"queries": list_queries(), "name": name, "cypher": cypher}
        if name or cypher.strip():
            params = {k[2:]: v for k, v in q.items() if k.startswith("p_")}
            try:
                text, rows = console.run(bench.store, name, cypher, params)
                context.update(ran=text, columns=console.table(rows)[0], rows=console.table(rows)[1][:1000],
                               count=len(rows), graph=console.graph_json(G, console.result_nodes(G, rows)[:console.RESULT_NODES]),
                               node_limit=console.NODE_LIMIT)
            except WriteRefused:
                context["error"], context["refused"] = "refused", True
            except PolicykgError as exc:
                context["error"] = str(exc)
        return page(request, "console.html.j2", **context)

    def neighbours(request: Request) -> JSONResponse:
        q = request.query_params
        offset = int(q.get("offset", "0")) if q.get("offset", "0").isdigit() else 0
        return JSONResponse(console.neighbours(bench.graph, q.get("id", ""), offset))

    def vendor(request: Request) -> Response:
        return FileResponse(vis_network_file(), media_type="text/javascript")

    def health(request: Request) -> JSONResponse:
        snap = bench.snapshot()
        return JSONResponse({"nodes": snap.graph.number_of_nodes(), "read_seconds": round(snap.seconds, 3),
                             "store": bench.store.kind, "texts": len(bench.texts)})

    routes = [
        Route("/", lambda r: RedirectResponse("/plans", 303)),
        Route("/plans", plans), Route("/plan", plan), Route("/bureaus", bureaus), Route("/bureau", bureau),
        Route("/targets", targets), Route("/targets.{fmt}", targets), Route("/search", search),
        Route("/evidence", evidence), Route("/compare", compare_page), Route("/console", console_page),
        Route("/api/neighbours", neighbours), Route("/api/health", health),
        Route("/vendor/vis-network.min.js", vendor),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    middleware = [Middleware(Guard, token=token)]
    if loopback:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS))
    app = Starlette(routes=routes, middleware=middleware)
    app.state.bench = bench
    return app
