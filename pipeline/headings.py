"""The heading tree: outline markers at line starts, and their titles.

Depth is given by the order in which marker *styles* appear (一、 → （一） → 1. → （1） → ①), like
a reader does: a document that goes straight from 一、 to 1. nests 1. at depth 2.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from schemas.ids import record_id
from schemas.records import Section

from .rules.anatomy import MARKERS, TRAILING_UNITS_NOTE

_SENT_END = "。；;！？!?"


@dataclass
class Line:
    start: int
    end: int
    text: str


def lines_of(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def match_marker(text: str) -> Optional[tuple[str, int]]:
    for style, pattern in MARKERS:
        m = pattern.match(text)
        if m and m.end() < len(text):
            return style, m.end()
    return None


def _heading_title(body: str) -> tuple[str, bool]:
    """Title of a heading line (after its marker) and whether the line is *only* a heading."""
    body = body.strip()
    # A responsibility clause written on the heading line is not part of its title.
    body = TRAILING_UNITS_NOTE.sub("", body).strip() or body
    cut = None
    depth = 0
    for i, ch in enumerate(body):
        depth += ch in "（(" and 1 or (-1 if ch in "）)" else 0)
        if depth <= 0 and (ch in _SENT_END or ch in "：:"):
            cut = i
            break
    if cut is None and len(body) <= 40:
        return body, True
    if cut is None or cut > 30:
        # A heading sentence that lost its 。: stop at the first comma, or at 20 characters.
        comma = body.find("，")
        cut = comma if 0 < comma <= 30 else 20
        return body[:cut], False
    title = body[:cut]
    rest = body[cut + 1:].strip()
    return title, not rest


def sections_of(body_lines: list[Line], text: str, doc_id: str) -> tuple[list[Section], Optional[int]]:
    """The heading tree (a marker style met again closes the deeper levels) and where the first
    heading starts."""

    styles: list[str] = []
    stack: list[Section] = []
    sections: list[Section] = []
    first_heading_at = None
    for ln in body_lines:
        hit = match_marker(ln.text) if "\t" not in ln.text else None  # a table row is no heading
        if not hit:
            continue
        style, marker_end = hit
        if style in styles:
            depth = styles.index(style) + 1
            del styles[depth:]
        else:
            styles.append(style)
            depth = len(styles)
        while stack and stack[-1].depth >= depth:
            stack.pop()
        heading, _only = _heading_title(ln.text[marker_end:])
        parent = stack[-1] if stack else None
        path = (parent.path if parent else []) + [heading]
        section = Section(
            id=record_id("section", doc_id, len(sections), heading),
            marker=ln.text[:marker_end].strip(), depth=depth, title=heading, path=path,
            parent_id=parent.id if parent else None, start=ln.start, end=len(text),
        )
        sections.append(section)
        stack.append(section)
        if first_heading_at is None:
            first_heading_at = ln.start
    # Section ends: the start of the next heading at the same or a higher level.
    for i, sec in enumerate(sections):
        for j in range(i + 1, len(sections)):  # not sections[i + 1:]: a copy per section is quadratic
            if sections[j].depth <= sec.depth:
                sec.end = sections[j].start
                break
    return sections, first_heading_at
