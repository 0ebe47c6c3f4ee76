"""Sentences and clauses of normalized text, as half-open spans (used by targets and milestones)."""
from __future__ import annotations

from .lines import broken_line
from .rules import anatomy as A


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of sentences: split after 。！？ (with the closing quotes and brackets right
    after them) and at line breaks, except a line break in the middle of a sentence; ；stays inside.
    The one sentence splitter: targets, milestones and segment's spaCy sentences all read it, so
    a text without line breaks (OCR, a flattened page) is split at its 。！？ alone."""
    spans, start = [], 0
    for m in A.SENTENCE_END.finditer(text):
        i = m.start()
        if i < start:
            continue  # a closer already taken into the sentence before
        if text[i] == "\n":
            if broken_line(text, i):
                continue
            end, nxt = i, i + 1
        else:
            end = i + 1
            while end < len(text) and text[end] in A.SENTENCE_CLOSERS:
                end += 1
            nxt = end
        if text[start:end].strip():
            spans.append((start, end))
        start = nxt
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Half-open spans of the clauses of ``text[s:e]``, split at ，；：。！？ (half-width too)."""
    out, start = [], s
    for m in A.CLAUSE_END.finditer(text, s, e):
        i = m.start()
        if i > start:
            out.append((start, i))
        start = i + 1
    if e > start:
        out.append((start, e))
    return out


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def paragraph_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end
