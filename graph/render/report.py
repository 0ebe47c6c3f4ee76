"""One self-contained HTML report of one or more plans, for a researcher to look at offline.

For each plan: the plan at a glance, a sortable and filterable targets table, the responsibility
matrix as a heatmap, a timeline of deadlines by half-year, an interactive graph (vis-network,
inlined from ``templates/vendor``), and the normalized text with every extracted span marked.
Comparisons (``graph.answers.compare``) add aligned / parent-only / child-only tables.

Nothing is fetched when the file is opened: scripts and styles are inlined. Document text goes
through jinja2 autoescape; JSON inside ``<script>`` goes through :func:`script_json`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from graph.model.build import build_graph
from graph.render.highlight import Span, highlight, locate, valid_spans
from graph.render.report_views import comparison_view, graph_data, matrix_view, timeline_view
from graph.render.writers import PathOrFile, text_writer
from schemas.errors import ReportError
from schemas.ids import plan_id
from schemas.records import DocumentRecords, Target

TEMPLATES = Path(__file__).parent / "templates"
VENDOR = TEMPLATES / "vendor"
LABELS = {"target": "TARGET", "milestone": "MILESTONE", "clause": "RESP", "warning": "WARN"}


def script_json(value: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``, U+2028/9."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return Markup(text)


def vendor_script() -> tuple[Markup, dict[str, Any]]:
    """The inlined vis-network build and its manifest entry (version, licence)."""
    try:
        manifest = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
        entry = manifest["vis-network"]
        js = (VENDOR / entry["file"]).read_text(encoding="utf-8")
    except (OSError, KeyError, ValueError) as exc:
        raise ReportError(f"vendored vis-network missing: {exc}") from exc
    if "</script" in js.lower():
        raise ReportError("vendored vis-network contains '</script' and cannot be inlined")
    return Markup(js), entry


def _amount(target: Target) -> str:
    if target.value is None:
        return ""
    value = f"{target.value:g}"
    return f"{value}–{target.value_max:g}" if target.value_max is not None else value


def _owners(records: DocumentRecords) -> dict[str, list[str]]:
    """Action id → canonical units of its clause, in clause order."""
    return {a.id: list(dict.fromkeys(r.unit for r in a.responsibilities)) for a in records.actions}


def bureaus(records: DocumentRecords) -> list[str]:
    """Every canonical unit the document names: units list, clauses, facts' owners."""
    names = [u.canonical for u in records.units]
    names += [r.unit for a in records.actions for r in a.responsibilities]
    names += [u for fact in records.amounts() for u in fact.responsible_units]
    names += [u for fact in records.milestones for u in fact.responsible_units]
    return list(dict.fromkeys(names))


def _target_rows(records: DocumentRecords, prefix: str) -> list[dict[str, Any]]:
    owners = _owners(records)
    action_no = {a.id: i for i, a in enumerate(records.actions, start=1)}
    rows = []
    for i, t in enumerate(records.amounts()):
        rows.append({
            "id": t.id, "mark": f"{prefix}-t{i}", "metric": t.metric, "amount": _amount(t),
            "sort_value": t.normalized.value if t.normalized.value is not None else t.value,
            "unit": t.unit or "", "kind": t.kind, "comparator": t.comparator,
            "deadline": t.deadline or "", "deadline_rule": t.deadline_rule,
            "owners": t.responsible_units or owners.get(t.action_id or "", []),
            "action": f"A{action_no[t.action_id]}" if t.action_id in action_no else "",
            "evidence": t.evidence.text,
        })
    return rows


def _spans(records: DocumentRecords, text: str, prefix: str) -> tuple[list[Span], list[dict]]:
    """Marks for targets, milestones, clauses and locatable warnings; the warnings list."""
    spans = [Span(t.evidence.start, t.evidence.end, "target", LABELS["target"], f"{prefix}-t{i}",
                  f"{t.metric} · {t.kind}", t.evidence.text)
             for i, t in enumerate(records.amounts())]
    spans += [Span(m.evidence.start, m.evidence.end, "milestone", LABELS["milestone"],
                   f"{prefix}-m{i}", f"{m.description} · {m.deadline}", m.evidence.text)
              for i, m in enumerate(records.milestones)]
    spans += [Span(a.clause.start, a.clause.end, "clause", LABELS["clause"], f"{prefix}-c{i}",
                   "、".join(f"{r.unit}（{r.role}）" for r in a.responsibilities), a.clause.text)
              for i, a in enumerate(records.actions) if a.clause]
    warnings = []
    for i, w in enumerate(records.warnings):
        item = {"code": w.code, "message": w.message, "text": w.text, "mark": None}
        start = locate(text, w.text, w.orig_start) if w.code != "boilerplate" and text else None
        if start is not None:
            item["mark"] = mark = f"{prefix}-w{i}"
            spans.append(Span(start, start + len(w.text), "warning", w.code.upper(), mark,
                              w.message, w.text))
        warnings.append(item)
    return spans, warnings


def _plan_view(index: int, records: DocumentRecords, corpus: dict[str, int],
               text: Optional[str]) -> dict[str, Any]:
    prefix = f"p{index}"
    plan = records.plan
    parents = []
    for parent in plan.parent_plans:
        pid = plan_id(parent.title, parent.doc_number)
        parents.append({"title": parent.title, "doc_number": parent.doc_number,
                        "issuer": parent.issuer, "index": corpus.get(pid)})
    spans, warnings = _spans(records, text or "", prefix)
    good, bad = valid_spans(text, spans) if text is not None else ([], spans)
    marked = {span.dom_id for span in good}
    for item in warnings:
        item["mark"] = item["mark"] if item["mark"] in marked else None
    names = bureaus(records)
    G = build_graph([records])  # the one model; the matrix and the drawn graph both read it
    return {
        "index": index, "prefix": prefix, "plan": plan, "doc_id": records.source.doc_id,
        "source": records.source, "parents": parents,
        "counts": {"actions": len(records.actions),
                   "targets": len(records.targets), "baselines": len(records.baselines),
                   "bureaus": len(names), "milestones": len(records.milestones),
                   "warnings": len(records.warnings)},
        "targets": _target_rows(records, prefix),
        "kinds": sorted({t.kind for t in records.amounts()}),
        "matrix": matrix_view(records, G),
        "timeline": timeline_view(records, prefix),
        "graph": graph_data(records, prefix, G),
        "warnings": warnings,
        "text": highlight(text, good) if text is not None else None,
        "unmarked": len(bad) if text is not None else 0,
        "marked": {"target": sum(s.kind == "target" for s in good),
                   "milestone": sum(s.kind == "milestone" for s in good),
                   "clause": sum(s.kind == "clause" for s in good),
                   "warning": sum(s.kind == "warning" for s in good)},
    }


def report_context(records: list[DocumentRecords], *, texts: Optional[dict[str, str]] = None,
                   comparisons: Optional[list[Any]] = None) -> dict[str, Any]:
    """Everything the template renders (document strings still raw: the template escapes)."""
    texts = texts or {}
    corpus = {r.plan.id: i for i, r in enumerate(records)}
    plans = [_plan_view(i, r, corpus, texts.get(r.source.doc_id)) for i, r in enumerate(records)]
    views = [comparison_view(c) for c in comparisons or []]
    return {"plans": plans, "comparisons": views,
            "graphs": script_json([p["graph"] for p in plans]),
            "title": plans[0]["plan"].title if len(plans) == 1 else f"{len(plans)} plans"}


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["join_units"] = lambda names: "、".join(names)
    return env


def generate_report(records: list[DocumentRecords], *, texts: Optional[dict[str, str]] = None,
                    comparisons: Optional[list[Any]] = None) -> str:
    """The report as one HTML string that opens offline (plan picker when several plans)."""
    if not records:
        raise ReportError("no documents to report on")
    context = report_context(records, texts=texts, comparisons=comparisons)
    context["vis_js"], context["vis"] = vendor_script()
    return _environment().get_template("report.html.j2").render(**context)


def write_report(records: list[DocumentRecords], path_or_file: PathOrFile, *,
                 texts: Optional[dict[str, str]] = None,
                 comparisons: Optional[list[Any]] = None) -> None:
    """Write :func:`generate_report` to a path (UTF-8) or an open text or binary file."""
    html = generate_report(records, texts=texts, comparisons=comparisons)
    with text_writer(path_or_file) as write:
        write(html)
