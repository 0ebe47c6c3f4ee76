"""What the target rules share: the values they pass (FoundTarget, BlockContext, Sentence), a
metric's cleaning and the choice of a target's deadline, for numeric targets (pipeline/targets)
and qualitative goals (pipeline/goals) alike."""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional, Sequence

from .deadlines import DeadlinePhrase
from .rules import targets as grammar
from .rules.dates import year_end
from .rules.targets import (
    DEADLINE_WORDS,
    LEADING_MARKER,
)


@dataclass
class FoundTarget:
    start: int
    end: int
    metric: str
    value: Optional[float]
    value_max: Optional[float]
    unit: Optional[str]
    normalized_value: Optional[float]
    normalized_unit: Optional[str]
    comparator: str
    kind: str
    recurrence: str
    deadline: Optional[str]
    deadline_rule: str
    scope: Optional[str] = None
    relative_to: Optional[str] = None
    base_year: Optional[int] = None
    sentence: tuple[int, int] = (0, 0)


@dataclass
class BlockContext:
    """What a block needs from outside: the plan period and its section's deadline."""

    period_start: Optional[int] = None
    period_end: Optional[int] = None
    section_deadline: Optional[str] = None
    valid_until: Optional[str] = None    # 有效期至…: the end of a plan with no period
    issued_year: Optional[int] = None    # with no period, years before it are the past
    history_section: bool = False        # 发展基础/现状: amounts there are baselines
    goal_section: bool = False           # 主要目标/发展目标: built-goal phrases are targets
    issued_date: Optional[str] = None    # the date of issue (ISO): a 上半年 before it is the past
    section_title: Optional[str] = None  # the heading of the block (该项工作于…完成 points back to it)
    labels_year: Optional[int] = None    # the year the document's task deadline labels state (完成时限：2025年9月30日)
    masked: list[tuple[int, int]] = field(default_factory=list)  # responsibility clauses
    #: Where the document's words (segment's) begin and end, in document offsets, and where this
    #: text starts in the document (``word_bounds`` empty: words unknown, nothing is a part).
    word_bounds: Sequence[int] = ()
    word_offset: int = 0

    def inside_word(self, start: int, end: int) -> bool:
        """``text[start:end]`` lies inside one longer word: an amount there is a piece of that
        word (零部件 holds 零部 "0 parts", 冬季两项 holds 两项 "2 items"), not an amount. Measured on
        the real development set: 6 spurious targets fewer, no target lost, the fixtures unchanged."""
        bounds = self.word_bounds
        if not bounds:
            return False
        a, b = start + self.word_offset, end + self.word_offset
        k = bisect_right(bounds, a)
        if k == 0 or k == len(bounds):
            return False
        return b <= bounds[k] and (bounds[k - 1] < a or b < bounds[k])

    def ends_inside_word(self, end: int) -> bool:
        """``end`` falls inside a word: an amount ending there took the word's first character
        as its unit (百场景 read as 百场 "100 events" + 景)."""
        bounds = self.word_bounds
        if not bounds:
            return False
        b = end + self.word_offset
        k = bisect_left(bounds, b)
        return 0 < k < len(bounds) and bounds[k] != b


def clean_metric(raw: str) -> tuple[str, Optional[str]]:
    """Strip connectors and deadline words; split off a scope word (全区, 全市 …)."""
    text = grammar.NOTE_BRACKET.sub("", DEADLINE_WORDS.sub("", raw))
    text = LEADING_MARKER.sub("", text)
    text = grammar.LEAD_NOISE.sub("", text.strip())
    scope = None
    m = grammar.SCOPE_RE.match(text)
    if m:
        scope, text = m.group(0), text[m.end():]
        text = grammar.LEAD_NOISE.sub("", text)
    text = grammar.TAIL_NOISE.sub("", text)
    text = text.strip("\"' ")
    for left, right in ("“”", "（）", "()"):
        if text.endswith(right) and left not in text:
            text = text[:-1]
        if text.startswith(left) and right not in text:
            text = text[1:]
    if len(text) > 30 and not grammar.SHARED_BASE.match(text):  # a shared base's list is split later
        text = text[-30:]
    return text, scope


def deadline_for(text: str, pos: int, sent: tuple[int, int], clause: tuple[int, int], phrases: list[DeadlinePhrase],
                  paragraph: tuple[int, int], ctx: BlockContext) -> tuple[Optional[str], str]:
    in_clause = [d for d in phrases if clause[0] <= d.start < clause[1]]
    if in_clause:  # the last phrase before the amount (10月底完成70%、11月底完成85%), else the clause's last
        ahead = [d for d in in_clause if d.start < pos]
        return (ahead or in_clause)[-1].date, "explicit"
    before = [d for d in phrases if sent[0] <= d.start < pos]
    if before:
        # A lead phrase of its own clause right before this one (到2026年，……) is explicit too.
        between = (before[-1].end, clause[0])
        lead_only = all(ch in "，、 年底末前" for ch in text[between[0]:between[1]])
        return before[-1].date, "explicit" if lead_only else "sentence"
    para = [d for d in phrases if paragraph[0] <= d.start < sent[0] and d.marked]
    if para:
        return para[-1].date, "paragraph"
    if ctx.section_deadline:
        return ctx.section_deadline, "section"
    if ctx.period_end:
        return year_end(ctx.period_end), "plan_period"
    if ctx.valid_until:
        return ctx.valid_until, "plan_period"
    return None, "none"


@dataclass
class Sentence:
    """One sentence of a block and what every rule on it reads; ``covered`` collects the spans of
    the targets found in it, so a later rule does not find one again."""

    text: str                           # the whole block (offsets are into it)
    ctx: BlockContext
    span: tuple[int, int]
    masked: list[tuple[int, int]]       # quotes, frameworks, the caller's masks
    phrases: list[DeadlinePhrase]       # the block's deadline phrases
    clauses: list[tuple[int, int]]
    history: list[tuple[int, int]]      # clauses about the past
    paragraph: tuple[int, int]
    covered: list[tuple[int, int]] = field(default_factory=list)
