"""Write a comparison: the JSON contract, or a Markdown / self-contained HTML report to scan.

Every document string is escaped (Markdown table cells, HTML autoescape): metrics and evidence
come from documents and may hold ``|``, ``<`` or ``*``.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional

from jinja2 import Environment, FileSystemLoader, select_autoescape

from graph.render.writers import PathOrFile, text_writer
from schemas.compare import Comparison, TargetRef
from schemas.errors import UnknownFormat

FORMATS = ("json", "md", "html")
TEMPLATES = Path(__file__).parent / "templates"
FLAGS = {"higher": "▲ higher", "lower": "▼ lower", "same": "= same", "n/a": "·"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def _md(value: object) -> str:
    text = "" if value is None else str(value)
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _amount(ref: TargetRef) -> str:
    if ref.value is None:
        return "—"
    value = f"{ref.value:g}" + (f"–{ref.value_max:g}" if ref.value_max is not None else "")
    return value + (ref.unit or "")


def _num(value: Optional[float], fmt: str = "{:+g}") -> str:
    return "" if value is None else fmt.format(value)


def generate_markdown(comparison: Comparison) -> str:
    """A Markdown report: summary, aligned pairs with ambition flags, gaps, additions, bureaus."""
    c, s = comparison, comparison.summary
    lines = [f"# {_md(c.child_plan.title)} ↔ {_md(c.parent_plan.title)}", "",
             f"Aligned {s.aligned} · higher {s.higher} · lower {s.lower} · same {s.same} · "
             f"parent only {s.parent_only} · child only {s.child_only} · "
             f"coverage {s.coverage:.0%} of {s.parent_targets} parent targets", "",
             "## Aligned targets", "",
             "| child | child value | parent | parent value | ratio | rate diff | deadline Δ "
             "| ambition | score | reason |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for a in c.alignments:
        lines.append("| " + " | ".join(_md(x) for x in (
            a.child.metric, _amount(a.child), a.parent.metric, _amount(a.parent),
            _num(a.ratio, "{:.3g}"), _num(a.rate_difference), _num(a.deadline_offset_years),
            FLAGS[a.ambition], f"{a.score:.2f}", a.reason)) + " |")
    for title, refs in (("Parent only", c.parent_only), ("Child only", c.child_only)):
        lines += ["", f"## {title}", "", "| metric | value | kind | deadline | evidence |",
                  "| --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(_md(x) for x in (r.metric, _amount(r), r.kind, r.deadline,
                                                      r.evidence)) + " |" for r in refs]
    lines += ["", "## Counterpart bureaus", "", "| child bureau | parent bureau | basis |",
              "| --- | --- | --- |"]
    lines += [f"| {_md(x.child)} | {_md(x.parent)} | {_md(x.basis)} |" for x in c.counterparts]
    return "\n".join(lines) + "\n"


def generate_html(comparison: Comparison) -> str:
    """A self-contained HTML page (inline CSS, no scripts), every value autoescaped."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["amount"] = _amount
    env.filters["num"] = _num
    return env.get_template("compare.html.j2").render(c=comparison, flags=FLAGS)


def _format(path_or_file: PathOrFile, fmt: Optional[str]) -> str:
    name = path_or_file if isinstance(path_or_file, (str, os.PathLike)) else getattr(
        path_or_file, "name", "")
    fmt = (fmt or Path(str(name)).suffix.lstrip(".")).lower()
    fmt = {"markdown": "md", "htm": "html"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown comparison format {fmt!r}: use one of {', '.join(FORMATS)}")
    return fmt


def write_comparison(comparison: Comparison, path_or_file: PathOrFile,
                     fmt: Optional[str] = None) -> None:
    """Write JSON (UTF-8, not ASCII-escaped), Markdown or HTML; ``fmt`` defaults to the suffix."""
    kind = _format(path_or_file, fmt)
    if kind == "json":
        text = comparison.model_dump_json(indent=2, ensure_ascii=False) + "\n"
    else:
        text = generate_markdown(comparison) if kind == "md" else generate_html(comparison)
    with text_writer(path_or_file) as write:
        write(text)
