"""Keeping the extraction rules bounded on hostile input, without changing normal documents.

``windows``: the rules read a block whose sentences are absurdly long in bounded windows.

``unique_ids``: two facts with the same span and values (a fuzzed text can produce them) would
get the same deterministic id and merge silently in the graph; the later ones get a suffix.
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from typing import Any, Optional, TypeVar

from schemas.records import Milestone, Target

from .flat_tables import drop_inside, find_flat_tables
from .milestones import FoundMilestone, find_milestones
from .rules.dates import year_end
from .rules.milestones import DOCUMENT_DELIVERABLE
from .tables import find_indicator_targets
from .targets import BlockContext, FoundTarget, find_targets

R = TypeVar("R", Target, Milestone)
F = TypeVar("F", bound=Any)


def unique_ids(records: list[R], seen: Optional[dict[str, int]] = None) -> list[R]:
    """The records, the second and later of any id renamed ``<id>.2``, ``<id>.3``, … in order;
    ``seen`` (id → times seen) carries on across calls (extract's blocks, pipeline.sinks)."""
    seen = {} if seen is None else seen
    out: list[R] = []
    for r in records:
        n = seen.get(r.id, 0) + 1
        seen[r.id] = n
        out.append(r if n == 1 else r.replace(id=f"{r.id}.{n}"))
    return out


#: A block with a sentence longer than this, or longer than BLOCK_LIMIT, is read in windows of
#: about this many characters: the rules compare clauses, deadline phrases and responsibility
#: clauses within a sentence, which is quadratic in a sentence's length (a 5 MB line is one
#: "sentence"). Normal plans have sentences of a few hundred characters and never reach it.
WINDOW = 5_000
BLOCK_LIMIT = 200_000
_CLAUSE_ENDS = "，；：、,;:"


def windows(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Half-open windows covering ``text``: ``[(0, len(text))]`` when no sentence is longer than
    WINDOW and the text is shorter than BLOCK_LIMIT; else pieces of at most WINDOW characters,
    cut at the last line break, else sentence end, else clause end, else anywhere."""
    n = len(text)
    if n <= BLOCK_LIMIT and all(b - a <= WINDOW for a, b in sents):
        return [(0, n)]
    ends = [b for _, b in sents]
    out: list[tuple[int, int]] = []
    start = 0
    while start < n:
        hi = start + WINDOW
        if hi >= n:
            out.append((start, n))
            break
        lo = start + WINDOW // 2
        cut = text.rfind("\n", lo, hi) + 1
        if not cut:
            i = bisect_right(ends, hi) - 1
            cut = ends[i] if i >= 0 and ends[i] > lo else 0
        if not cut:
            cut = max(text.rfind(ch, lo, hi) for ch in _CLAUSE_ENDS) + 1
        if cut <= lo:
            cut = hi
        out.append((start, cut))
        start = cut
    return out


def within(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> list[tuple[int, int]]:
    """The ``spans`` (sorted by start; ``starts`` their starts) that meet [a, b), clipped to it
    and shifted so that ``a`` is 0. Spans start before ``a`` only if they reach into it: those
    are found by looking back (the spans passed here do not overlap)."""
    i = bisect_left(starts, a)
    j = i
    while j > 0 and spans[j - 1][1] > a:
        j -= 1
    out = []
    for s, e in spans[j:bisect_left(starts, b)]:
        if e > a:
            out.append((max(s, a) - a, min(e, b) - a))
    return out


#: In a windowed block, a fact's evidence sentence is cut to this many characters either side
#: of the fact: each of thousands of facts would otherwise carry a copy of its whole window.
CONTEXT = 200


def shifted(found: list[F], by: int) -> list[F]:
    """Found targets or milestones of a window, with offsets into the whole block and their
    sentence cut to CONTEXT characters around them."""
    return [dataclasses.replace(f, start=f.start + by, end=f.end + by,
                                sentence=(max(f.sentence[0], f.start - CONTEXT) + by,
                                          min(f.sentence[1], f.end + CONTEXT) + by)) for f in found]


def block_rules(block: str, ctx: BlockContext, sents: list[tuple[int, int]], period_start: Optional[int],
                period_end: Optional[int], issue_year: Optional[int] = None
                ) -> tuple[list[FoundTarget], list[FoundMilestone], int]:
    """Targets and milestones of one block, and how many windows it was read in (1 normally:
    the whole block at once; see bounds.windows). ``issue_year`` dates a milestone's 3月2日前."""
    parts = windows(block, sents)
    targets: list[FoundTarget] = []
    milestones: list[FoundMilestone] = []
    masked = sorted(ctx.masked)
    masked_starts, sent_starts = [a for a, _ in masked], [a for a, _ in sents]
    for a, b in parts:
        text, w_sents, w_ctx = block, sents, ctx
        if len(parts) > 1:
            text, w_sents = block[a:b], within(sents, sent_starts, a, b)
            w_ctx = dataclasses.replace(ctx, masked=within(masked, masked_starts, a, b),
                                        word_offset=ctx.word_offset + a)
        found = find_targets(text, w_ctx, w_sents)
        found = drop_inside(found, find_flat_tables(text, period_start, period_end))  # tables, formulas
        found += [t for t in find_indicator_targets(text, period_start, period_end)
                  if not any(f.start < t.end and t.start < f.end for f in found)]
        # a qualitative goal that delivers a document (形成……总结报告) is a milestone too
        taken = [(t.start, t.end) for t in found if t.value is not None]
        goals = [(t.start, t.end) for t in found
                 if t.value is None and not DOCUMENT_DELIVERABLE.search(text, t.start, t.end)]
        # the year of 年底前: a one-year plan's, or the year of issue of a document with no period
        # (then, with no date of issue, only its year-end is surely still ahead: 上半年 may be past)
        issued = ctx.issued_date
        one_year = period_start if period_start is not None and period_start == period_end else None
        if period_start is None and period_end is None and issue_year is not None:
            one_year, issued = issue_year, issued or year_end(issue_year)
        found_ms = find_milestones(text, w_ctx.masked, taken, w_sents, one_year, ctx.section_deadline, issue_year,
                                   goals, ctx.section_title, issued, ctx.labels_year)
        if len(parts) > 1:
            found, found_ms = shifted(found, a), shifted(found_ms, a)
        targets += found
        milestones += found_ms
    return targets, milestones, len(parts)
