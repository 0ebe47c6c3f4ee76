"""Dated deliverables without a number: ``2025年6月底前，出台……实施细则``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .deadlines import find_deadlines
from .rules.milestones import (
    DEADLINE_LEAD_OUT,
    DELIVERABLE,
    NUMBERED,
    SUBMIT,
)
from .sentences import in_spans, sentences


@dataclass
class FoundMilestone:
    start: int
    end: int
    description: str
    deadline: str
    sentence: tuple[int, int]


def find_milestones(text: str, masked: list[tuple[int, int]], taken: list[tuple[int, int]],
                    sents: Optional[list[tuple[int, int]]] = None,
                    this_year: Optional[int] = None) -> list[FoundMilestone]:
    """Milestones in ``text``: a marked deadline phrase governing a deliverable with no number.

    ``taken`` are spans already used by targets: a clause holding a target is not a milestone.
    ``sents`` are the sentences of ``text``, if the caller has them already; ``this_year`` is the
    year of a one-year plan (its 年底前 has no year).
    """
    out: list[FoundMilestone] = []
    if "年" not in text:
        return out  # every deadline phrase names its year
    for sent in sentences(text) if sents is None else sents:
        s_text = text[sent[0]:sent[1]]
        phrases = find_deadlines(s_text, this_year) if "年" in s_text else []
        for d in phrases:
            if not d.marked:
                continue
            a = sent[0] + d.start
            if in_spans(a, masked):
                continue
            # What the phrase governs: from its end to the end of the sentence, without clauses in parentheses.
            gov_start = sent[0] + d.end
            gov_end = sent[1]
            nxt = [x for x in phrases if x.start > d.start]
            if nxt:
                gov_end = sent[0] + nxt[0].start
            for m_a, m_b in masked:
                if gov_start <= m_a < gov_end:
                    gov_end = m_a
            governed = text[gov_start:gov_end].strip("，、；：。 \n")
            before = text[sent[0]:a]
            if SUBMIT.match(governed) and DELIVERABLE.search(before) and not NUMBERED.search(before):
                # 制定实施办法，于2018年12月31日前报送国务院办公厅: the deliverable comes first
                lead = len(before) - len(before.lstrip("，、；：。 \n"))
                body = before.strip("，、；：。 \n")
                body = DEADLINE_LEAD_OUT.sub("", body)
                out.append(FoundMilestone(sent[0] + lead, gov_start + len(governed),
                                          body + "，" + governed, d.date, sent))
                continue
            if not governed or not DELIVERABLE.search(governed) or NUMBERED.search(governed):
                continue
            if any(x < gov_end and gov_start < y for x, y in taken):
                continue
            lead = len(text[gov_start:gov_end]) - len(text[gov_start:gov_end].lstrip("，、；：。 "))
            desc_start = gov_start + lead
            desc_end = desc_start + len(governed)
            out.append(FoundMilestone(a, desc_end, text[desc_start:desc_end], d.date, sent))
    return out

