"""Sentences and clauses of normalized text, as half-open spans (used by targets and milestones)."""
from __future__ import annotations

import re


def _broken_line(text: str, i: int) -> bool:
    """A line break inside a sentence (copied text): after ，、 or inside a long line of prose."""
    line_start = text.rfind("\n", 0, i) + 1
    before = text[line_start:i].rstrip()
    after = text[i + 1:i + 3]
    if not before or not after or not ("\u4e00" <= after[0] <= "\u9fff" or after[0].isdigit()):
        return False
    if re.match(r"[一二三四五六七八九十]+[、是]|第", after) or re.match(r"\d{1,2}[.．、]", text[i + 1:i + 4]):
        return False
    last = before[-1]
    return last in "，、" or (len(before) > 30 and ("\u4e00" <= last <= "\u9fff" or last.isdigit()))


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of sentences: split after 。！？ and at line breaks (；stays inside),
    except a line break in the middle of a sentence."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n" and _broken_line(text, i):
            continue
        if ch in "。！？!?\n":
            end = i + 1 if ch != "\n" else i
            if text[start:end].strip():
                spans.append((start, end))
            start = i + 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, start = [], s
    for i in range(s, e):
        if text[i] in "，；;,：:。！？":
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
