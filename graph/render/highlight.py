"""Document text as HTML with extracted spans marked, displaCy style (a coloured mark and a label).

Spans are half-open offsets into the normalized text. Every piece of text is escaped here, so the
result is safe ``Markup``. Nested spans nest; a span crossing the end of an enclosing one is cut
there. A span whose expected text does not match the text at its offsets is not marked.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # css class: target, milestone, clause, warning
    label: str  # shown after the marked text
    dom_id: str
    title: str = ""
    expected: Optional[str] = None  # the text the span must cover, when known


def valid_spans(text: str, spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """(spans that fit the text, spans that do not): out of range, empty or another text."""
    good: list[Span] = []
    bad: list[Span] = []
    for span in spans:
        fits = 0 <= span.start < span.end <= len(text) and (
            span.expected is None or text[span.start:span.end] == span.expected)
        (good if fits else bad).append(span)
    return good, bad


def _open(span: Span) -> str:
    return (f'<mark class="ent ent-{escape(span.kind)}" id="{escape(span.dom_id)}" '
            f'title="{escape(span.title)}">')


def _close(span: Span) -> str:
    return f'<span class="ent-label">{escape(span.label)}</span></mark>'


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` escaped, with each span of ``spans`` (assumed valid) wrapped in a labelled mark."""
    out: list[str] = []
    pos = 0
    stack: list[Span] = []

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(str(escape(text[pos:top.end])))
            pos = top.end
            out.append(_close(top))

    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        close_until(span.start)
        if stack and span.end > stack[-1].end:
            span = replace(span, end=stack[-1].end)
        out.append(str(escape(text[pos:span.start])))
        pos = span.start
        out.append(_open(span))
        stack.append(span)
    close_until(len(text))
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def locate(text: str, fragment: str, near: Optional[int]) -> Optional[int]:
    """Start of the occurrence of ``fragment`` in ``text`` closest to ``near`` (None if absent)."""
    if not fragment:
        return None
    starts: list[int] = []
    i = text.find(fragment)
    while i != -1:
        starts.append(i)
        i = text.find(fragment, i + 1)
    if not starts:
        return None
    return min(starts, key=lambda s: abs(s - near)) if near is not None else starts[0]
