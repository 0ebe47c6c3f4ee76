"""Responsibility clauses: ``（牵头单位：市商务局；配合单位：市财政局）`` → who owns an item, in which role.

A parenthesised group counts as a clause only when everything in it reads as a unit name or a role
word; a bare list of names with no label or verb must also sit at the end of a sentence and name units
with a known level, so that ``（2024—2026年）``, ``（一）`` and alternate names ``局（市港航局）`` stay text.
Outside parentheses, a flattened task table's labels (``责任单位：A、B完成时限：…``) and an owner opening
its sentence (``A牵头，B、C配合，……``, ``A部组织，……``: work arrangements and minutes, ``inline``) are
clauses too, on the same test: every name a unit.
What a clause holds (units, roles, an open list) is read by ``unitlists``; the unit names are in
``unitnames``, the words in ``rules/clauses``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from schemas.records import Responsibility

from .rules import chars as han
from .rules import clauses
from .rules.clauses import (
    BARE_LABEL,
    BARE_LABEL_STOP,
    CLOSE_CHAR,
    INLINE_CLAUSE,
    INLINE_NOT_OWNER,
    INLINE_VERB,
    OPEN_RE,
    RUN_ON_LABEL,
    SENTENCE_STOP,
    STRAY_TAIL,
)
from .unitlists import assign_roles, matched_mask, parse, parse_units, split_outside
from .unitnames import UNIT_SUFFIXES, aliases, canonical_name, is_generic, unit_level

__all__ = [
    "ClauseMatch", "find_clauses", "parse_units", "canonical_name", "unit_level", "is_generic", "aliases",
]

_OPEN, _CLOSE = "（(", "）)"
_MAX_CLAUSE = 300  # a clause never runs longer; bounds the scan after an unclosed parenthesis
_MAX_NESTED = 6  # nor holds more parentheses (各区（市）政府 …): keeps runs of （（（ from being re-read
_SENTENCE_END = "。；;！!？?\n\r"
_SPACES = " \t\u3000"


@dataclass(frozen=True)
class ClauseMatch:
    """One clause: offsets include its outer parentheses (or run to where an unclosed one stops)."""

    start: int
    end: int
    responsibilities: list[Responsibility] = field(default_factory=list)
    open_list: bool = False
    balanced: bool = True
    strong: bool = False  # a label or a role verb names it a clause (牵头单位：…, …牵头, …负责)
    inline: bool = False  # no parentheses: an owner opening its sentence (A牵头，B配合，……)


def _closing(text: str, i: int) -> int:
    """Index of the parenthesis closing ``text[i]``, or -1 if the line (or a clause's length) ends first."""
    limit = min(len(text), i + _MAX_CLAUSE)
    if CLOSE_CHAR.search(text, i, limit) is None:
        return -1
    depth = 0
    for j in range(i, limit):
        ch = text[j]
        if ch in "\n\r":
            return -1
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth -= 1
            if depth == 0:
                return j
    return -1


def _at_sentence_end(text: str, start: int, end: int) -> bool:
    """After: the end of the text or of a sentence; before: not a unit name (``局（市港航局）``)."""
    while end < len(text) and text[end] in _SPACES:
        end += 1
    while start > 0 and text[start - 1] in _SPACES:
        start -= 1
    before = text[max(0, start - 8): start]
    return (end == len(text) or text[end] in _SENTENCE_END) and not before.endswith(UNIT_SUFFIXES)


def _clause(text: str, start: int, end: int, content: str, balanced: bool) -> Optional[ClauseMatch]:
    if len(content.strip()) < 2 or not han.HAN.search(content):
        return None  # （一）, （2024—2026年）: no unit name is this short or without Han characters
    if content.count("（") + content.count("(") > _MAX_NESTED:
        return None
    content = clauses.CLAUSE_NOTE.sub("", content)  # （A、B负责，排在第一位的部门为牵头部门，下同）
    parsed = parse(content, strict=True)
    if not parsed.units or parsed.bad:
        return None
    if not parsed.strong:  # a bare list of names: only at a sentence end, only units with a level
        if not _at_sentence_end(text, start, end):
            return None
        if any(unit_level(n) == "unknown" and not is_generic(n) for n, _ in parsed.units):
            return None
    return ClauseMatch(start, end, assign_roles(parsed.units), parsed.open_list, balanced, parsed.strong)


def _extend_stray(text: str, match: ClauseMatch, content: str) -> ClauseMatch:
    """``（责任单位：A）、B）``: a list that runs on past a stray close belongs to the clause."""
    m = STRAY_TAIL.match(text, match.end)
    if m:
        end = m.end()
        longer = _clause(text, match.start, end, content + text[match.end: end - 1], balanced=False)
        if longer is not None and len(longer.responsibilities) > len(match.responsibilities):
            return longer
    return match


def _recover(text: str, i: int) -> Optional[ClauseMatch]:
    """A parenthesis never closed: try the rest of its sentence as the clause (balanced=False)."""
    m = SENTENCE_STOP.search(text, i + 1, min(len(text), i + _MAX_CLAUSE))
    rest = text[i + 1: m.start() if m else min(len(text), i + _MAX_CLAUSE)].rstrip()
    if rest.count("（") + rest.count("(") > _MAX_NESTED:
        return None
    candidates = [(rest, i + 1 + len(rest))]
    if rest and rest[-1] in _CLOSE:  # the last ） closes the clause; an inner one was lost
        candidates.append((rest[:-1], i + 1 + len(rest)))
    words = split_outside(rest, " \t\u3000")
    if words:
        candidates.append((words[0], rest.index(words[0]) + i + 1 + len(words[0])))
    for content, end in candidates:
        found = _clause(text, i, end, content, balanced=False)
        if found is not None:
            return found
    return None


#: The last text ``find_clauses`` read and what it found: blocks.py splits a heading's text at
#: its clauses and extract then reads the same text (an unsplit block) for them again.
_last_clauses: tuple[str, tuple[ClauseMatch, ...]] = ("", ())


def find_clauses(text: str) -> list[ClauseMatch]:
    """Responsibility clauses in a paragraph/item text: a parenthesised group, usually at the end of an
    item or sentence, whose content is a list of units with optional role labels."""
    global _last_clauses
    last = _last_clauses  # one read: another thread may replace it
    if text == last[0]:
        return list(last[1])
    found = _find_clauses(text)
    _last_clauses = (text, tuple(found))
    return found


def _find_clauses(text: str) -> list[ClauseMatch]:
    found: list[ClauseMatch] = []
    i = 0
    while True:
        opening = OPEN_RE.search(text, i)
        if opening is None:
            break
        i = opening.start()
        close = _closing(text, i)
        if close >= 0:
            content = text[i + 1: close]
            match = _clause(text, i, close + 1, content, balanced=True)
            if match is not None:
                match = _extend_stray(text, match, content)
        else:
            match = _recover(text, i)
        if match is None:
            i += 1
            continue
        found.append(match)
        i = match.end
    if "：" in text or ":" in text:
        found = found + _bare_labels(text, found)
    if INLINE_VERB.search(text):
        found = _inline_clauses(text, found)
    return found


def _bare_labels(text: str, found: list[ClauseMatch]) -> list[ClauseMatch]:
    """Labelled lists outside parentheses (a task table flattened into text: 责任单位：A、B配合单位：C
    完成时限：…), each from its label to the next sentence end, parenthesis or deadline label."""
    out: list[ClauseMatch] = []
    labels = sorted([*BARE_LABEL.finditer(text), *RUN_ON_LABEL.finditer(text)], key=lambda m: m.start())
    for m in labels:
        if any(c.start <= m.start() < c.end for c in found + out):
            continue
        stop = BARE_LABEL_STOP.search(text, m.end(), min(len(text), m.end() + _MAX_CLAUSE))
        if m.re is RUN_ON_LABEL and (stop is None or not stop.group("deadline")):
            continue  # run on to the text before it: only a task table's cell (…完成时限：) is one
        end = stop.start() if stop else min(len(text), m.end() + _MAX_CLAUSE)
        end -= len(text[m.start():end]) - len(text[m.start():end].rstrip(" \t\u3000，,、"))
        match = _clause(text, m.start(), end, text[m.start():end], balanced=True)
        if match is not None and match.strong:
            out.append(match)
    return sorted(out, key=lambda c: c.start) if out else out


def _inline_clauses(text: str, found: list[ClauseMatch]) -> list[ClauseMatch]:
    """Owners opening a sentence without parentheses (``A牵头，B、C配合，……``, ``A部组织，……``):
    every name before the verb must be a unit, as in a parenthesised clause; never inside one."""
    out: list[ClauseMatch] = []
    mask: Optional[list[bool]] = None
    for m in INLINE_CLAUSE.finditer(text):
        start = m.start("owners")
        if any(c.start <= start < c.end for c in found) or INLINE_NOT_OWNER.search(m.group("owners")) \
                or (m.group("support") and INLINE_NOT_OWNER.search(m.group("support"))):
            continue
        if mask is None:
            mask = matched_mask(text)
        if mask[start]:
            continue
        content = m.group("owners") + ("牵头" if m.group("lead") else "负责")
        if m.group("support"):
            content += "，" + m.group("support") + "配合"
        match = _clause(text, start, m.end(), content, balanced=True)
        if match is not None and match.strong:
            out.append(ClauseMatch(match.start, match.end, match.responsibilities, match.open_list,
                                   True, True, inline=True))
    return sorted(found + out, key=lambda c: c.start) if out else found
