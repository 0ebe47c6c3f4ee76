"""Blocks of an outlined document: the text read as one action each.

A block is the own text of a heading (up to the next heading of any depth), split at its 一是/二是
sub-items, at the responsibility clauses that close its sentences and where an inline clause
(A牵头，……) opens one; the body before the first
heading is a block too. Task tables (项目 | 内容 | 时限 | 责任单位) give rows with their owners.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from schemas.records import Responsibility, Section
from schemas.stages import OutlinedDocument

from .deadlines import find_deadlines
from .responsibility import find_clauses, parse_units
from .rules.anatomy import CLAUSE_TITLE_END, ENUM, ITEM_TITLE_END, OWNER_HEADER, SUPPORT_HEADER, TIME_HEADER
from .rules.clauses import INLINE_VERB, SENTENCE_STOPS
from .rules.milestones import DELIVERABLE, TASK_DATE, TASK_DEADLINE
from .rules.tables import SERIAL_HEADER

Block = tuple[int, int, Optional[Section], Optional[str]]
"""A block of text read as one: (start, end, its section or None, the title of a sub-item or None)."""



def _split_enumeration(text: str, start: int, end: int, sec: Section
                       ) -> list[Block]:
    """A heading's text, split at 一是……二是…… when it enumerates two or more sub-items.

    Each sub-item becomes an action of its own (its title is its first clause); the text before
    the first one stays with the heading.
    """
    block = text[start:end]
    if "是" not in block and "其" not in block:  # every 一是 / 其二 has one; the pattern is slow
        return [(start, end, sec, None)]
    marks = [m for m in ENUM.finditer(block) if m.start() > 0 or not block.startswith(sec.marker)]
    if len(marks) < 2:
        return [(start, end, sec, None)]
    out: list[Block] = [(start, start + marks[0].start(), sec, None)]
    owned = 0
    for i, m in enumerate(marks):
        sub_end = start + (marks[i + 1].start() if i + 1 < len(marks) else len(block))
        body = block[m.end():sub_end - start]
        owned += bool(find_clauses(body))
        title = ITEM_TITLE_END.split(body, maxsplit=1)[0].strip()[:40] or sec.title
        out.append((start + m.start(), sub_end, sec, title))
    # Split only when the sub-items carry their own clauses; one clause closing them all
    # makes the heading one action.
    return out if owned >= 2 else [(start, end, sec, None)]


def _split_by_clauses(text: str, start: int, end: int, sec: Section
                      ) -> list[Block]:
    """A heading's text whose paragraphs (or sentences) each close with a clause of their own
    (……实现网上可办。（省大数据局牵头，各市政府配合）……), split into one action per clause: each
    clause governs the text since the previous one. One clause closing it all keeps one action,
    and a clause on the heading line still governs the heading's sub-items."""
    block = text[start:end]
    if INLINE_VERB.search(block):
        inline = _split_at_inline(block, start, sec)
        if inline is not None:
            return inline
    if block.count("（") + block.count("(") < 2:
        return [(start, end, sec, None)]
    first_line = block.find("\n")
    first_line = len(block) if first_line < 0 else first_line
    # A clause its words mark as one (…牵头, 责任单位：…) closes the text before it even where the
    # sentence's 。 was lost (……达到9%（省X厅牵头）加快……, flattened and OCR'd pages); one on the
    # heading's own title still governs the heading's sub-items.
    title_at = block.find(sec.title) if sec.title else -1
    title_end = title_at + len(sec.title) if title_at >= 0 else 0
    clauses = [c for c in find_clauses(block) if c.end > first_line or _closes_sentence(block, c.start, c.end)
               or (c.strong and c.start >= title_end)]
    closing = [c for c in clauses if _closes_sentence(block, c.start, c.end)
               or (c.strong and c.start >= min(first_line, title_end))]
    if len(closing) < 2:
        return [(start, end, sec, None)]
    out: list[Block] = []
    prev = 0
    for i, c in enumerate(closing):
        seg_end = len(block) if i == len(closing) - 1 else _with_deadline_label(block, c.end)
        body = block[prev:seg_end]
        if i == 0:
            out.append((start, start + seg_end, sec, None))
        else:
            lead = body.lstrip("。；;，, \n")
            title = CLAUSE_TITLE_END.split(lead, maxsplit=1)[0].strip()[:40] or sec.title
            out.append((start + prev, start + seg_end, sec, title))
        prev = seg_end
    return out


def _split_at_inline(block: str, start: int, sec: Section) -> Optional[list[Block]]:
    """A heading's text holding an inline clause (……方面。A牵头，……。B组织，……), split where each
    inline clause opens its sentence and after each clause closing one: every clause governs its
    own stretch of text, a stretch without one joins the next. None when the text holds no inline
    clause or only one clause (the callers' rules then apply)."""
    clauses = find_clauses(block)
    if len(clauses) < 2 or not any(c.inline for c in clauses):
        return None
    cuts = sorted({c.start if c.inline else c.end for c in clauses
                   if c.inline or _closes_sentence(block, c.start, c.end)} - {0, len(block)})
    bounds = [0, *cuts, len(block)]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    merged: list[tuple[int, int]] = []
    pending = 0
    for a, b in spans:
        if any(a <= c.start < b for c in clauses):
            merged.append((pending, b))
            pending = b
    if len(merged) < 2:
        return None
    merged[-1] = (merged[-1][0], len(block))  # a clause-less tail stays with the last clause
    out: list[Block] = [(start, start + merged[0][1], sec, None)]
    for a, b in merged[1:]:
        opening = next((c for c in clauses if c.inline and c.start == a), None)  # the item follows it
        lead = block[opening.end if opening else a:b].lstrip("。；;，, \n")
        title = CLAUSE_TITLE_END.split(lead, maxsplit=1)[0].strip()[:40] or sec.title
        out.append((start + a, start + b, sec, title))
    return out


def _with_deadline_label(block: str, end: int) -> int:
    """Where the item a clause closes ends: after the task deadline that follows the clause
    (责任单位：X完成时限：2021年9月30日, 完成时限：11月30日完成设备调试。), else at the clause."""
    label = TASK_DEADLINE.match(block, end)
    date = TASK_DATE.match(block, label.end()) if label else None
    if date is None or date.end() == date.start():
        return end
    stop = block.find("。", date.end(), date.end() + 80) if DELIVERABLE.match(block, date.end()) else -1
    return stop + 1 if stop >= 0 else date.end()


def _closes_sentence(block: str, start: int, end: int) -> bool:
    """A clause ends its sentence or paragraph: the text ends, or a line break or 。 follows, or it
    follows the sentence it closes (……体系。（A、B负责）下一句……, State Council style)."""
    rest = block[end:end + 2].lstrip(" 　")
    before = block[max(0, start - 2):start].rstrip(" 　")
    return not rest or rest[0] in SENTENCE_STOPS or (bool(before) and before[-1] in SENTENCE_STOPS)


@dataclass
class Row:
    """A row of a task table (项目名称 | 建设内容 | 完成时限 | 责任单位)."""

    start: int
    end: int
    title: str
    owners: list[Responsibility]
    owner_span: tuple[int, int]
    deadline: Optional[str]


def table_rows(text: str) -> list[Row]:
    """Rows of tab-separated tables whose header names an owner column (责任单位, 牵头单位 …); a
    配合单位 column beside it gives the supporting units (牵头单位 | 配合单位)."""
    rows: list[Row] = []
    pos, header = 0, None
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) >= 3:
            names = [c.strip() for c in cells]
            if any(OWNER_HEADER.match(c) for c in names):
                header = ([i for i, c in enumerate(names) if OWNER_HEADER.match(c)][0],
                          next((i for i, c in enumerate(names) if TIME_HEADER.search(c)), None),
                          1 if SERIAL_HEADER.match(names[0]) else 0,
                          next((i for i, c in enumerate(names) if SUPPORT_HEADER.match(c)), None))
            elif header is not None and len(cells) > header[0]:
                owner_col, time_col, title_col, support_col = header
                offsets = [pos]
                for c in cells[:-1]:
                    offsets.append(offsets[-1] + len(c) + 1)
                owner_cells = [owner_col] + ([support_col] if support_col is not None and support_col < len(cells)
                                             and cells[support_col].strip() else [])
                content = cells[owner_col].strip()
                if len(owner_cells) > 1:  # 牵头 | 配合 columns: the label grammar gives the roles
                    content = f"牵头单位：{content}；配合单位：{cells[owner_cells[1]].strip()}"
                owners, _ = parse_units(content)
                dates = find_deadlines(cells[time_col]) if time_col is not None and time_col < len(cells) else []
                first, last = min(owner_cells), max(owner_cells)
                rows.append(Row(pos, pos + len(line), cells[title_col].strip(), owners,
                                (offsets[first], offsets[last] + len(cells[last])),
                                dates[-1].date if dates else None))
        else:
            header = None
        pos += len(line) + 1
    return rows



def blocks(doc: OutlinedDocument) -> Iterator[Block]:
    """The blocks of the text, in its order: the body before the first heading, then each
    section's, split at its 一是/二是 items and its clauses. Made as they are read (a 50 MB plan
    has 400,000), so the clauses just found for a block are the ones extract asks for next
    (``responsibility.find_clauses`` remembers its last text)."""
    text, sections = doc.norm.text, doc.sections

    first = sections[0].start if sections else len(text)
    if first > doc.body_start:
        yield (doc.body_start, first, None, None)
    sec: Optional[Section]
    for i, sec in enumerate(sections):
        end = sections[i + 1].start if i + 1 < len(sections) else len(text)
        for part in _split_enumeration(text, sec.start, end, sec):
            yield from (_split_by_clauses(text, part[0], part[1], sec) if part[3] is None else [part])
