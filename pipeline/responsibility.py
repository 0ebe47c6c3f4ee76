"""Responsibility clauses: ``（牵头单位：市商务局；配合单位：市财政局）`` → who owns an item, in which role.

Roles come from labels (``牵头单位：`` · ``配合单位：``), verbs (``牵头`` · ``配合`` · ``会同``) or an inline
``（牵头）``. Where the text names none (``责任单位：A、B``), every unit is ``responsible`` with its rank and
basis ``unstated``: the first-listed-leads convention is applied only where the document states it or
the user asks for it (``pipeline.roles``). Where the text names only supporting units, the unmarked
ones are the leads; beside a named lead, the unmarked ones support; where it says ``分别负责`` ("each
for its own part") no unit leads the others, so all are ``responsible``.

A parenthesised group counts as a clause only when everything in it reads as a unit name or a role
word; a bare list of names with no label or verb must also sit at the end of a sentence and name units
with a known level, so that ``（2024—2026年）``, ``（一）`` and alternate names ``局（市港航局）`` stay text.

Length (~340 lines): the clause parser and its role assignment are one grammar over one
parenthesis mask; the unit names are in ``unitnames``, the words in ``rules/clauses``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from schemas.records import Responsibility, Role

from .rules import chars as han
from .rules import clauses
from .rules.clauses import (
    BARE_RELEVANT,
    BY,
    CLOSE_CHAR,
    CONJUNCTION,
    INLINE_ROLE,
    LABEL,
    LEVEL_WORD,
    OPEN_RE,
    OPEN_TAIL,
    SENTENCE_STOP,
    STRAY_TAIL,
    VERB_TAIL,
    VERBS,
)
from .unitnames import (
    UNIT_SUFFIXES,
    aliases,
    canonical_name,
    is_generic,
    is_unit_name,
    unit_level,
)

__all__ = [
    "ClauseMatch", "find_clauses", "parse_units", "canonical_name", "unit_level", "is_generic", "aliases",
]

_OPEN, _CLOSE = "（(", "）)"
_MAX_CLAUSE = 300  # a clause never runs longer; bounds the scan after an unclosed parenthesis
_MAX_NESTED = 6  # nor holds more parentheses (各区（市）政府 …): keeps runs of （（（ from being re-read
_INLINE_ROLES: dict[str, Optional[Role]] = {"牵头": "lead", "牵头单位": "lead", "主责": "lead",
                                           "配合": "support", "配合单位": "support", "参与": "support",
                                           "负责": None}
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


@dataclass
class _Parsed:
    units: list[tuple[str, Optional[Role]]]  # (name as written, role or None when unmarked)
    open_list: bool = False
    bad: int = 0  # pieces that are not unit names
    strong: bool = False  # a label or a role verb was present


def _matched_mask(s: str) -> list[bool]:
    """Which characters lie inside a matched pair of parentheses (stray ones are plain characters)."""
    if not OPEN_RE.search(s):
        return [False] * len(s)  # the usual case
    diff, stack = [0] * (len(s) + 1), []
    for i, ch in enumerate(s):
        if ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE and stack:
            diff[stack.pop()] += 1
            diff[i + 1] -= 1
    mask, depth = [], 0
    for d in diff[:-1]:
        depth += d
        mask.append(depth > 0)
    return mask


@lru_cache(maxsize=16)
def _separators(seps: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(seps)}]")


def _split(s: str, seps: str) -> list[str]:
    """Split on ``seps`` outside parentheses: ``各区（市、县）政府、市财政局`` → two names."""
    if not OPEN_RE.search(s):  # the usual case: no parentheses to respect
        return [p.strip() for p in _separators(seps).split(s) if p.strip()]
    mask, parts, last = _matched_mask(s), [], 0
    for i, ch in enumerate(s):
        if ch in seps and not mask[i]:
            parts.append(s[last:i])
            last = i + 1
    parts.append(s[last:])
    return [p.strip() for p in parts if p.strip()]


def _strip_tail(s: str, inline: bool = True) -> tuple[str, Optional[Role], bool, bool]:
    """Drop trailing role verbs (and, for one name, an inline ``（牵头）``) and 等:
    → (rest, role, a verb was seen, the list is open)."""
    role: Optional[Role] = None
    had_verb = is_open = False
    while True:
        m = (INLINE_ROLE.search(s) if inline else None) or VERB_TAIL.search(s)
        if m and m.start() > 0:
            word = m.group(1) if m.re is INLINE_ROLE else m.group().strip()
            found = _INLINE_ROLES[word] if m.re is INLINE_ROLE else VERBS[word]
            role, had_verb, s = role or found, True, s[: m.start()].rstrip()
            continue
        m = OPEN_TAIL.search(s)
        if m and m.start() > 0:
            is_open, s = True, s[: m.start()].rstrip()
            continue
        return s, role, had_verb, is_open


def _looks_like_unit(piece: str) -> bool:
    return is_unit_name(_strip_tail(piece)[0])


def _split_conjunctions(piece: str) -> list[str]:
    """Split ``A和B`` only where both sides are whole unit names (never inside 工业和信息化局)."""
    mask = _matched_mask(piece)
    for m in CONJUNCTION.finditer(piece):
        p = m.start()
        if p == 0 or mask[p]:
            continue
        left, right = piece[:p], piece[m.end():]
        if not _looks_like_unit(left) or BARE_RELEVANT.match(right):
            continue
        rest = _split_conjunctions(right)
        if all(_looks_like_unit(r) for r in rest):
            return [left, *rest]
    return [piece]


def _pieces(group: str) -> list[str]:
    """Names of a 、-list, with enumerated level words rejoined (``各省、自治区、直辖市人民政府``)."""
    out: list[str] = []
    run: list[str] = []
    for piece in _split(group, "、/／"):
        if LEVEL_WORD.match(piece):
            run.append(piece)
            continue
        if len(run) >= 2:
            piece, run = "、".join(run + [piece]), []
        out += run + _split_conjunctions(piece)
        run = []
    return out + run


def _labelled_parts(s: str) -> tuple[list[tuple[Optional[Role], str]], bool]:
    """Split at ``牵头单位：``-style labels → ([(label role, text)], whether any label was found)."""
    mask = _matched_mask(s)
    labels = [m for m in LABEL.finditer(s) if not mask[m.start()]]
    if not labels:
        return [(None, s)], False
    parts: list[tuple[Optional[Role], str]] = [(None, s[: labels[0].start()].strip(" ，,；;" + _OPEN))]
    for m, nxt in zip(labels, labels[1:] + [None]):
        label_role: Optional[Role] = "lead" if m.group("lead") else "support" if m.group("support") else None
        parts.append((label_role, s[m.end(): nxt.start() if nxt else len(s)]))
    return parts, True


def _parse(content: str, strict: bool = False) -> _Parsed:
    """Units and roles as marked; with ``strict``, stop at the first piece that is not a unit."""
    parts, labelled = _labelled_parts(content.strip())
    out = _Parsed(units=[], strong=labelled)
    for label_role, text in parts:
        for phrase in _split(text, "，,；;\t "):
            phrase, verb_role, had_verb, is_open = _strip_tail(BY.sub("", phrase), inline=False)
            out.strong |= had_verb
            out.open_list |= is_open
            at = phrase.find("会同")
            if at > 0 and not _matched_mask(phrase)[at]:
                groups: list[tuple[str, Optional[Role]]] = [(phrase[:at], "lead"), (phrase[at + 2:], "support")]
                out.strong = True
            else:
                groups = [(phrase, verb_role or label_role)]
            for group, group_role in groups:  # checked phrase by phrase: most groups fail early
                for piece in _pieces(group):
                    name, own_role, piece_verb, piece_open = _strip_tail(piece)
                    out.open_list |= piece_open
                    out.strong |= piece_verb
                    if is_unit_name(name):
                        out.units.append((name, own_role or group_role))
                    else:
                        out.bad += 1
                        if strict:
                            return out
    return out


def _assign_roles(units: list[tuple[str, Optional[Role]]]) -> list[Responsibility]:
    """Fill unmarked roles: support beside a named lead, lead beside named supporters; where the
    text names no lead or support (``责任单位：A、B``, ``A、B按职责分工负责``), every unit is
    responsible with basis ``unstated``; ``分别负责`` says so in words (basis ``text``)."""
    roles = [r for _, r in units]
    if "lead" in roles:
        default: Role = "support"
    elif "support" in roles:
        default = "lead"
    elif all(r is None for r in roles):
        return [Responsibility(unit=canonical_name(name), name=name, role="responsible", rank=i + 1,
                               basis="unstated") for i, (name, _) in enumerate(units)]
    else:
        default = "responsible"
    return [
        Responsibility(unit=canonical_name(name), name=name, role=role or default, rank=i + 1)
        for i, (name, role) in enumerate(units)
    ]


def parse_units(content: str) -> tuple[list[Responsibility], bool]:
    """The inside of a clause → (units with roles and 1-based ranks, whether the list ended in 等)."""
    parsed = _parse(content)
    return _assign_roles(parsed.units), parsed.open_list


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
    parsed = _parse(content, strict=True)
    if not parsed.units or parsed.bad:
        return None
    if not parsed.strong:  # a bare list of names: only at a sentence end, only units with a level
        if not _at_sentence_end(text, start, end):
            return None
        if any(unit_level(n) == "unknown" and not is_generic(n) for n, _ in parsed.units):
            return None
    return ClauseMatch(start, end, _assign_roles(parsed.units), parsed.open_list, balanced)


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
    words = _split(rest, " \t\u3000")
    if words:
        candidates.append((words[0], rest.index(words[0]) + i + 1 + len(words[0])))
    for content, end in candidates:
        found = _clause(text, i, end, content, balanced=False)
        if found is not None:
            return found
    return None


def find_clauses(text: str) -> list[ClauseMatch]:
    """Responsibility clauses in a paragraph/item text: a parenthesised group, usually at the end of an
    item or sentence, whose content is a list of units with optional role labels."""
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
    return found
