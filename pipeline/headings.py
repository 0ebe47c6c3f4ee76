"""The heading tree: outline markers at line starts, and their titles.

Depth is given by the order in which marker *styles* appear (一、 → （一） → 1. → （1） → ①), like
a reader does: a document that goes straight from 一、 to 1. nests 1. at depth 2.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from schemas.ids import record_id
from schemas.records import Section

from .rules.anatomy import (
    DATE_BEFORE_MARKER,
    INNER_MARKER,
    INNER_MARKER_AFTER,
    MARKERS,
    TITLE_LINE_END,
    TRAILING_UNITS_NOTE,
)
from .rules.tables import LINE_ROW

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


#: A line this long holding headings inside it lost its line breaks (a paragraph rarely runs so long).
FLATTENED_LINE = 600
#: A heading title with no end mark runs at most this far before the next marker (一、总体要求1.…).
HEADING_RUN = 40
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _numeral(s: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23 (outline numbers never reach 百)."""
    if "十" not in s:
        return _CN_DIGITS.get(s[-1], 0) if len(s) == 1 else 0
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _marker_key(m: re.Match[str]) -> tuple[str, int]:
    style = m.lastgroup or ""
    value = m.group(style)
    return style, int(value) if style in ("ar", "par") else _numeral(value)


def unflattened(ln: Line) -> list[Line]:
    """A long line that holds its headings inside it (OCR, a page flattened into one line), cut
    before each outline marker that follows a sentence's end, a document title (…方案一、) or a
    short heading title written without an end mark (一、总体要求1.…), and goes on with its style's
    numbering: the last number + 1, or 1 for a new style or under a shallower heading met since.
    Other lines, and a long paragraph with fewer than three such markers, stay."""
    if len(ln.text) < FLATTENED_LINE:
        return [ln]
    last: dict[str, tuple[int, int]] = {}  # style → (its last number, the cut it was met at)
    order: list[str] = []  # styles by first appearance: shallower first
    head = INNER_MARKER.match(ln.text)
    if head:
        style, value = _marker_key(head)
        last[style], order = (value, 0), [style]
    cuts, prev = [], 0
    for m in INNER_MARKER.finditer(ln.text, 1):
        style, value = _marker_key(m)
        number, met_at = last.get(style, (0, -1))
        # 1 opens a run of a new style, or again under a shallower heading met since (二、 … 1.)
        restarts = style not in last or any(last[s][1] > met_at for s in order[:order.index(style)])
        if value != number + 1 and not (value == 1 and restarts):
            continue
        at = m.start()
        if ln.text[at - 1] not in INNER_MARKER_AFTER and not TITLE_LINE_END.search(ln.text[max(0, at - 4):at]) \
                and not DATE_BEFORE_MARKER.search(ln.text, max(0, at - 12), at) \
                and (at - prev > HEADING_RUN or any(c in "。；;！？" for c in ln.text[prev:at])):
            continue
        if style not in last:
            order.append(style)
        cuts.append(at)
        last[style], prev = (value, len(cuts)), at
    if len(cuts) < 3:
        return [ln]
    bounds = [0, *cuts, len(ln.text)]
    return [Line(ln.start + a, ln.start + b, ln.text[a:b]) for a, b in zip(bounds, bounds[1:]) if ln.text[a:b].strip()]


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


def _values_only(line: str) -> bool:
    row = LINE_ROW.match(line)
    return row is not None and not row.group("name").strip()


def sections_of(body_lines: list[Line], text: str, doc_id: str) -> tuple[list[Section], Optional[int]]:
    """The heading tree (a marker style met again closes the deeper levels) and where the first
    heading starts."""

    styles: list[str] = []
    stack: list[Section] = []
    sections: list[Section] = []
    first_heading_at = None
    shared_set: Optional[set[str]] = None
    for ln in (v for line in body_lines for v in unflattened(line)):
        hit = match_marker(ln.text) if "\t" not in ln.text else None  # a table row is no heading
        if hit and _values_only(ln.text):
            continue  # a table row's value cells and attribute on a line of their own (5 8预期性)
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
        if shared_set is None:
            shared_set = section.__pydantic_fields_set__
        elif section.__pydantic_fields_set__ == shared_set:
            # One set of the fields given for every section made here: pydantic keeps a set per
            # model (728 bytes), half of what a section costs; a 50 MB plan has 400,000.
            object.__setattr__(section, "__pydantic_fields_set__", shared_set)
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
