"""Records from an outlined document: actions with their clauses, targets, milestones, units.

Blocks (``blocks``) are the own text of each heading, split at its sub-items and clauses.
A responsibility clause governs the targets and milestones of the item it closes; an item without
a clause of its own takes the clause written on its parent's heading line.

Record assembly, block by block (``_extract_block``); the fact grammars live in their own modules.
Just over 300 lines: what is left here is how one block's clause, targets and milestones are tied
together, which reads best in one place.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

from schemas.ids import record_id
from schemas.records import (
    Action,
    DocumentRecords,
    Evidence,
    Milestone,
    Normalized,
    Responsibility,
    Section,
    Source,
    Target,
    Unit,
    Warning,
)
from schemas.stages import OutlinedDocument

from .blocks import Row, blocks, table_rows
from .bounds import CONTEXT, WINDOW, block_rules
from .deadlines import find_deadlines, misprinted_dates
from .flat_tables import formula_spans, glued_value_warnings, outside_spans
from .milestones import labels_year, task_date_clamped
from .regions import level_of_units
from .responsibility import aliases, find_clauses, is_generic, unit_level
from .roles import states_first_listed_leads
from .rules.anatomy import GOAL_TITLE, HISTORY_TITLE, VALID_UNTIL
from .rules.dates import YEAR_DIGITS
from .sentences import sentences
from .sinks import Gather, Sink
from .targets import BlockContext


def _fingerprint() -> str:
    """The release plus a hash of the pipeline's own code and dictionaries and of the schemas
    modules the records are made of (ids, fields, stage values), so that a cached extraction is
    reused only by exactly the code that made it (an edited rule or id scheme invalidates it)."""
    h = hashlib.sha256()
    root = Path(__file__).parent
    schemas = root.parent / "schemas"
    sources = sorted(list(root.glob("*.py")) + list((root / "rules").glob("*.py")) + list((root / "data").glob("*")))
    sources += [schemas / name for name in ("ids.py", "records.py", "stages.py")]
    for path in sources:
        h.update(f"{path.relative_to(root.parent).as_posix()}".encode() + b"\0" + path.read_bytes())
    return f"0.1.0+{h.hexdigest()[:10]}"


PIPELINE_VERSION = _fingerprint()


def _evidence(doc: OutlinedDocument, start: int, end: int, sentence: tuple[int, int],
              section_path: list[str]) -> Evidence:
    norm = doc.norm
    o_start, o_end = norm.to_original(start, end)
    return Evidence(
        document=doc.raw.doc_id, text=norm.text[start:end], start=start, end=end,
        orig_text=doc.raw.original[o_start:o_end], orig_start=o_start, orig_end=o_end,
        sentence=norm.text[sentence[0]:sentence[1]].strip(), section_path=section_path,
    )


def _unit(name: str) -> Unit:
    """The Unit record of a canonical unit name."""
    return Unit(name=name, canonical=name, aliases=aliases(name), level=unit_level(name),
                generic=is_generic(name))


def _section_deadlines(sections: list[Section]) -> dict[str, Optional[str]]:
    """Section id → the deadline its heading, or the nearest ancestor's, marks (近期目标（到2025年）)."""
    out: dict[str, Optional[str]] = {}
    for sec in sections:  # parents come before their children
        found = [d for d in find_deadlines(sec.title) if d.marked]
        out[sec.id] = found[-1].date if found else out.get(sec.parent_id or "")
    return out


@dataclass
class _Records:
    """What extract gathers block by block, with what every block reads."""

    doc: OutlinedDocument
    by_id: dict[str, Section]
    section_deadlines: dict[str, Optional[str]]
    table_rows: list[Row]
    valid_until: Optional[str]
    warnings: list[Warning]
    actions: list[Action] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    units: dict[str, Unit] = field(default_factory=dict)
    heading_clauses: dict[str, list[Responsibility]] = field(default_factory=dict)  # section id → clause on its heading line
    #: the sections in ``heading_clauses``, outermost first: a nested chain holding the block
    #: being read (see ``_close_sections``)
    open_headings: list[Section] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.row_starts = [r.start for r in self.table_rows]
        plan = self.doc.plan  # the year a date without one (于3月2日前) belongs to
        year = YEAR_DIGITS.search(plan.issued_date or plan.doc_number or "")
        self.issue_year: Optional[int] = int(year.group()) if year else None
        self.labels_year = labels_year(self.doc.norm.text)  # a task label's 11月30日 (完成时限：…)
        # Where segment's words begin and end: an amount inside one longer word is not one.
        self.word_bounds = self.doc.seg.bounds


def _carried_warnings(doc: OutlinedDocument) -> list[Warning]:
    """The earlier stages' warnings, and one per line decode dropped."""

    norm = doc.norm
    warnings: list[Warning] = list(doc.raw.warnings) + list(norm.warnings) + list(doc.warnings)
    for dropped in doc.raw.dropped:
        o_start = dropped.orig_start
        warnings.append(Warning(code="boilerplate", message=f"dropped line {dropped.line_no}: {dropped.reason}",
                                text=dropped.text, orig_start=o_start,
                                orig_end=None if o_start is None else o_start + len(dropped.text)))
    return warnings


def _valid_until(text: str, plan_period_end: Optional[int]) -> Optional[str]:
    """A plan without a period ends when it stops being valid (有效期至…)."""
    valid_until = None
    if plan_period_end is None:
        vm = VALID_UNTIL.search(text)
        if vm:
            try:  # a misprinted date (2027年11月37日) is no deadline
                valid_until = date(int(vm.group(1)), int(vm.group(2)), int(vm.group(3))).isoformat()
            except ValueError:
                valid_until = None
    return valid_until


def extract(doc: OutlinedDocument) -> DocumentRecords:
    """Turn an outlined document into the public records, block by block."""
    sink = Gather()
    extract_into(doc, sink)
    assert sink.records is not None  # extract_into ends the sink
    return sink.records


def extract_into(doc: OutlinedDocument, sink: Sink) -> None:
    """The records, handed to ``sink`` block by block (pipeline.sinks: gathered, or written as
    they are made, so a large document never holds them all)."""
    text, plan, sections = doc.norm.text, doc.plan, doc.sections
    acc = _Records(doc, {s.id: s for s in sections}, _section_deadlines(sections), table_rows(text),
                   _valid_until(text, plan.period_end), _carried_warnings(doc))
    norm, raw, warnings = doc.norm, doc.raw, acc.warnings
    sink.start(DocumentRecords(source=Source(doc_id=raw.doc_id, path=raw.path, sha256=raw.sha256, encoding=raw.encoding,
                                             format=raw.format, pipeline_version=PIPELINE_VERSION),
                               plan=plan, sections=sections), states_first_listed_leads(text))
    notes = formula_spans(text)  # notes and formulas set no targets (the whole text: a 注： line
    for block in blocks(doc):      # may head numbered notes that are blocks of their own)
        _extract_block(acc, *block)
        sink.block(acc.actions, outside_spans(acc.targets, notes), acc.milestones)
        acc.actions, acc.targets, acc.milestones = [], [], []
    for a, b in misprinted_dates(text):
        o_start, o_end = norm.to_original(a, b)
        clamped = task_date_clamped(text, a, b)
        warnings.append(Warning(code="bad_date", message="a date that does not exist: " + (
            "a task's deadline, read as the last day of its month" if clamped else "not taken as a deadline"),
            text=text[a:b], orig_start=o_start, orig_end=o_end))
    warnings += glued_value_warnings(norm, plan.period_start, plan.period_end)  # flattened tables
    if not sink.any_goal_target:
        warnings.append(Warning(code="no_targets", message="no targets found"))
    units = acc.units
    if plan.level == "unknown":  # no place in title, issuer or 文号: the level of the units it names
        plan = plan.replace(level=level_of_units(u.level for u in units.values() if not u.generic))
    sink.end(plan, sorted(units.values(), key=lambda u: u.name), warnings)


def _extract_block(acc: _Records, b_start: int, b_end: int, sec: Optional[Section], sub_title: Optional[str]) -> None:
    """The action, targets and milestones of one block, with the units its clauses name."""
    doc, norm, text, doc_id, plan = acc.doc, acc.doc.norm, acc.doc.norm.text, acc.doc.raw.doc_id, acc.doc.plan
    warnings, units, heading_clauses, by_id = acc.warnings, acc.units, acc.heading_clauses, acc.by_id
    actions, targets, milestones = acc.actions, acc.targets, acc.milestones
    valid_until, section_deadlines = acc.valid_until, acc.section_deadlines

    block = text[b_start:b_end]
    path = sec.path if sec else []
    _close_sections(acc, b_start)
    clauses = find_clauses(block)
    for c in clauses:
        if not c.balanced:
            warnings.append(Warning(code="unbalanced_clause", message="unbalanced parentheses in a responsibility clause",
                                    text=block[c.start:c.end][:80], orig_start=norm.to_original(b_start + c.start, b_start + c.end)[0],
                                    orig_end=norm.to_original(b_start + c.start, b_start + c.end)[1]))
        for r in c.responsibilities:
            if r.unit not in units:
                units[r.unit] = _unit(r.unit)
    clause_starts = [c.start for c in clauses]  # increasing: clauses are found in order
    first_line_end = block.find("\n")
    first_line_end = len(block) if first_line_end < 0 else first_line_end
    if sub_title is not None:
        first_line_end = 0
    if sec is not None and sub_title is None:
        # an inline clause (A牵头，……) is the heading's only on a line of its own text: in a text
        # whose line breaks were lost it opens one sentence of the body, never the whole heading's
        on_heading = [c for c in clauses if c.end <= first_line_end and (not c.inline or first_line_end < len(block))]
        if on_heading:
            if sec.id not in heading_clauses:
                acc.open_headings.append(sec)
            heading_clauses[sec.id] = [r for c in on_heading for r in c.responsibilities]

    def inherited(section: Optional[Section]) -> list[Responsibility]:
        parent = by_id.get(section.parent_id) if section and section.parent_id else None
        while parent is not None:
            if parent.id in heading_clauses:
                return heading_clauses[parent.id]
            parent = by_id.get(parent.parent_id) if parent.parent_id else None
        return []

    own_resps: list[Responsibility] = []
    seen_units: set[str] = set()
    for c in clauses:
        for r in c.responsibilities:
            if r.unit not in seen_units:
                seen_units.add(r.unit)
                own_resps.append(r.replace(rank=len(own_resps) + 1))
    body_has_text = bool(block[first_line_end:].strip()) or bool(clauses) or (
        sec is not None and len(block.strip()) > len(sec.marker) + len(sec.title) + 1)
    action: Optional[Action] = None
    if sub_title is not None:
        body_has_text = True
    if sec is not None and body_has_text:
        resps = own_resps or list(inherited(sec))
        last_clause = clauses[-1] if clauses else None
        action = Action(
            id=record_id("action", doc_id, sec.id, *( [b_start] if sub_title else [])),
            section_id=sec.id, title=sub_title or sec.title,
            section_path=sec.path, responsibilities=resps,
            clause=_evidence(doc, b_start + last_clause.start, b_start + last_clause.end,
                             (b_start + last_clause.start, b_start + last_clause.end), path) if last_clause else None,
            open_list=any(c.open_list for c in clauses), start=b_start, end=b_end,
        )
        actions.append(action)

    def owners_for(pos: int) -> list[str]:
        if len(clauses) > 1:
            k = bisect_left(clause_starts, pos)  # the first clause starting at or after pos
            chosen = clauses[k].responsibilities if k < len(clauses) else []
        elif clauses:
            chosen = clauses[0].responsibilities
        else:
            chosen = inherited(sec) if sec else []
        out: list[str] = []
        for r in chosen:
            if r.unit not in out:
                out.append(r.unit)
        return out

    ctx = BlockContext(
        period_start=plan.period_start, period_end=plan.period_end, valid_until=valid_until,
        issued_year=acc.issue_year,  # the date of issue, else the year of the 文号 (〔2022〕69号)
        section_deadline=section_deadlines[sec.id] if sec else None,
        history_section=bool(sec and any(HISTORY_TITLE.search(t) for t in path)),
        goal_section=bool(sec and any(GOAL_TITLE.search(t) for t in path)),
        section_title=sub_title or (sec.title if sec else None), issued_date=plan.issued_date,
        labels_year=acc.labels_year,
        # an inline clause (A牵头，……) opens its sentence: the text after it is the item's own, not masked
        masked=[(c.start, c.end) for c in clauses if not c.inline], word_bounds=acc.word_bounds, word_offset=b_start,
    )
    sents = sentences(block)
    found, found_milestones, parts = block_rules(block, ctx, sents, plan.period_start, plan.period_end,
                                                 acc.issue_year)
    if parts > 1:
        warnings.append(Warning(code="long_sentence", message=(
            f"a block of {len(block)} characters with sentences over {WINDOW} characters: read in "
            f"{parts} windows, so a rule sees no further than its window, and evidence sentences are "
            f"cut to {CONTEXT} characters around the fact"), text=block[:80]))
    block_first_target = len(targets)
    for t in found:
        start, end = b_start + t.start, b_start + t.end
        targets.append(Target(
            id=record_id("target", doc_id, start, end, t.metric, t.value),
            metric=t.metric, value=t.value, value_max=t.value_max, unit=t.unit,
            normalized=Normalized(value=t.normalized_value, unit=t.normalized_unit),
            # FoundTarget holds these as plain str; pydantic checks them against the Literals here.
            comparator=t.comparator, kind=t.kind, deadline=t.deadline, deadline_rule=t.deadline_rule,  # type: ignore[arg-type]
            recurrence=t.recurrence,  # type: ignore[arg-type]
            scope=t.scope, relative_to=t.relative_to, base_year=t.base_year,
            responsible_units=[] if t.kind == "baseline" else owners_for(t.start),
            action_id=action.id if action else None, section_path=path,
            evidence=_evidence(doc, start, end, (b_start + t.sentence[0], b_start + t.sentence[1]), path),
        ))
    _table_rows_in_block(acc, b_start, b_end, sec, path, block_first_target)
    for m in found_milestones:
        start, end = b_start + m.start, b_start + m.end
        milestones.append(Milestone(
            id=record_id("milestone", doc_id, start, end), description=m.description,
            deadline=m.deadline, deadline_rule=m.rule,
            responsible_units=owners_for(m.start),
            action_id=action.id if action else None, section_path=path,
            evidence=_evidence(doc, start, end, (b_start + m.sentence[0], b_start + m.sentence[1]), path),
        ))


def _close_sections(acc: _Records, pos: int) -> None:
    """Forget the heading clauses of sections that end at or before ``pos``: blocks come in the
    text's order and a clause is inherited only by blocks inside its section, so none is read
    again (a 50 MB plan with a clause on each of 400,000 headings held them all: 900 MB)."""
    open_headings = acc.open_headings
    while open_headings and open_headings[-1].end <= pos:
        del acc.heading_clauses[open_headings.pop().id]


def _table_rows_in_block(acc: _Records, b_start: int, b_end: int, sec: Optional[Section], path: list[str],
                         block_first_target: int) -> None:
    """A task table's rows in the block: one action each, and the row's owners and deadline for
    the targets found in it."""
    doc, doc_id, actions, targets, units = acc.doc, acc.doc.raw.doc_id, acc.actions, acc.targets, acc.units
    for row in acc.table_rows[bisect_left(acc.row_starts, b_start):bisect_left(acc.row_starts, b_end)]:

        row_action = Action(
            id=record_id("action", doc_id, sec.id if sec else "", row.start), section_id=sec.id if sec else "",
            title=row.title, section_path=path,
            responsibilities=[r.replace(rank=i + 1) for i, r in enumerate(row.owners)],
            clause=_evidence(doc, *row.owner_span, (row.start, row.end), path),
            open_list=False, start=row.start, end=row.end)
        actions.append(row_action)
        for r in row.owners:
            if r.unit not in units:
                units[r.unit] = _unit(r.unit)
        for i in range(block_first_target, len(targets)):  # earlier blocks' targets lie before b_start
            target = targets[i]
            if row.start <= target.evidence.start < row.end:
                update = {"responsible_units": [r.unit for r in row.owners], "action_id": row_action.id}
                if row.deadline:
                    update.update(deadline=row.deadline, deadline_rule="explicit")
                targets[i] = target.replace(**update)
