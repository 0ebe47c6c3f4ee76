"""The inside of a responsibility clause: a list of units with their roles.

``牵头单位：A；配合单位：B、C`` · ``A牵头，B、C配合`` · ``A会同B负责`` · ``A、B等按职责分工负责``. Roles come
from labels, verbs or an inline ``（牵头）``. Where the text names none (``责任单位：A、B``), every unit is
``responsible`` with its rank and basis ``unstated``: the first-listed-leads convention is applied only
where the document states it or the user asks for it (``pipeline.roles``). Where the text names only
supporting units, the unmarked ones are the leads; beside a named lead, the unmarked ones support;
``分别负责`` ("each for its own part") makes all ``responsible``. Names are split on 、 ， ； and
conjunctions, never inside parentheses (各区（市、县）政府). The words are in ``rules/clauses``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from schemas.records import Responsibility, Role

from .rules.clauses import (
    BARE_RELEVANT,
    BY,
    CONJUNCTION,
    INLINE_ROLE,
    LABEL,
    LEVEL_BEFORE_ORGAN,
    LEVEL_GOVERNMENT,
    LEVEL_WORD,
    OPEN_RE,
    OPEN_TAIL,
    REGIONS_TAIL,
    SHARED_HEAD,
    SHARED_ORGAN,
    VERB_TAIL,
    VERBS,
)
from .unitnames import UNIT_SUFFIXES, canonical_name, is_unit_name

_OPEN, _CLOSE = "（(", "）)"
_INLINE_ROLES: dict[str, Optional[Role]] = {"牵头": "lead", "牵头单位": "lead", "主责": "lead",
                                           "配合": "support", "配合单位": "support", "参与": "support",
                                           "负责": None}


@dataclass
class Parsed:
    units: list[tuple[str, Optional[Role]]]  # (name as written, role or None when unmarked)
    open_list: bool = False
    bad: int = 0  # pieces that are not unit names
    strong: bool = False  # a label or a role verb was present


def matched_mask(s: str) -> list[bool]:
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


def split_outside(s: str, seps: str) -> list[str]:
    """Split on ``seps`` outside parentheses: ``各区（市、县）政府、市财政局`` → two names."""
    if not OPEN_RE.search(s):  # the usual case: no parentheses to respect
        return [p.strip() for p in _separators(seps).split(s) if p.strip()]
    mask, parts, last = matched_mask(s), [], 0
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
        m = OPEN_TAIL.search(s) or REGIONS_TAIL.search(s)
        if m and m.start() > 0:
            is_open, s = True, s[: m.start()].rstrip()
            continue
        return s, role, had_verb, is_open


def _looks_like_unit(piece: str) -> bool:
    return is_unit_name(_strip_tail(piece)[0])


def _split_conjunctions(piece: str) -> list[str]:
    """Split ``A和B`` only where both sides are whole unit names (never inside 工业和信息化局)."""
    mask = matched_mask(piece)
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
    for piece in split_outside(group, "、/／"):
        if LEVEL_WORD.match(piece):
            run.append(piece)
            continue
        if len(run) >= 2 or (run and run[0].startswith("各") and LEVEL_GOVERNMENT.match(piece)):
            piece, run = "、".join(run + [piece]), []  # 各区、市政府: one owner, not 各区 + 市政府
        shared = LEVEL_BEFORE_ORGAN.match(out[-1]) if out and not run and SHARED_ORGAN.match(piece) else None
        if shared:
            piece = shared.group(1) + piece  # 各市党委、政府: 各市政府
        out += run + _split_conjunctions(piece)
        run = []
    return _shared_endings(out + run)


def _shared_endings(pieces: list[str]) -> list[str]:
    """``山东、江苏、浙江公司`` → 山东公司, 江苏公司, 浙江公司: short names that are no unit, listed
    before a unit, share its organ ending (the longest of UNIT_SUFFIXES it ends with)."""
    if len(pieces) < 2 or all(is_unit_name(p) for p in pieces):
        return pieces  # the usual case
    out: list[str] = []
    heads: list[str] = []
    for piece in pieces:
        if SHARED_HEAD.match(piece) and not LEVEL_WORD.match(piece) and not is_unit_name(piece):
            heads.append(piece)
            continue
        name = _strip_tail(piece)[0]
        ending = max((e for e in UNIT_SUFFIXES if name.endswith(e) and len(name) > len(e)), key=len, default="")
        if heads and ending and is_unit_name(name) and all(is_unit_name(h + ending) for h in heads):
            out += [h + ending for h in heads]
        else:
            out += heads
        heads = []
        out.append(piece)
    return out + heads


def _labelled_parts(s: str) -> tuple[list[tuple[Optional[Role], str]], bool]:
    """Split at ``牵头单位：``-style labels → ([(label role, text)], whether any label was found)."""
    mask = matched_mask(s)
    labels = [m for m in LABEL.finditer(s) if not mask[m.start()]]
    if not labels:
        return [(None, s)], False
    parts: list[tuple[Optional[Role], str]] = [(None, s[: labels[0].start()].strip(" ，,；;" + _OPEN))]
    for m, nxt in zip(labels, labels[1:] + [None]):
        label_role: Optional[Role] = "lead" if m.group("lead") else "support" if m.group("support") else None
        parts.append((label_role, s[m.end(): nxt.start() if nxt else len(s)]))
    return parts, True


def parse(content: str, strict: bool = False) -> Parsed:
    """Units and roles as marked; with ``strict``, stop at the first piece that is not a unit."""
    parts, labelled = _labelled_parts(content.strip())
    out = Parsed(units=[], strong=labelled)
    for label_role, text in parts:
        for phrase in split_outside(text, "，,；;\t "):
            phrase, verb_role, had_verb, is_open = _strip_tail(BY.sub("", phrase), inline=False)
            out.strong |= had_verb
            out.open_list |= is_open
            at = phrase.find("会同")
            if at > 0 and not matched_mask(phrase)[at]:
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
    return _without_bare_relevant(out)


def _without_bare_relevant(parsed: Parsed) -> Parsed:
    """``A会同有关部门负责``, ``A、B和相关单位负责``: beside named units, a bare 有关部门 is "and the
    others", so the list is open; alone (``有关部门负责``) it is the owner. 各有关部门 always is."""
    named = [u for u in parsed.units if not BARE_RELEVANT.match(u[0])]
    if named and len(named) < len(parsed.units):
        parsed.units, parsed.open_list = named, True
    return parsed


def assign_roles(units: list[tuple[str, Optional[Role]]]) -> list[Responsibility]:
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
    parsed = parse(content)
    return assign_roles(parsed.units), parsed.open_list
