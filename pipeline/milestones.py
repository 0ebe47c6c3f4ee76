"""Dated deliverables without a number: ``2025年6月底前，出台……实施细则``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from schemas.records import DeadlineRule

from .deadlines import find_deadlines
from .rules.milestones import (
    DEADLINE_LEAD_OUT,
    DELIVERABLE,
    INTRODUCES_LIST,
    NUMBERED,
    QUOTED_NAME,
    RECURRING,
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
    rule: DeadlineRule = "explicit"  # the sentence's own date, or "section": its section's (摸底排查（2022年5月底前）)


def find_milestones(text: str, masked: list[tuple[int, int]], taken: list[tuple[int, int]],
                    sents: Optional[list[tuple[int, int]]] = None,
                    this_year: Optional[int] = None,
                    section_deadline: Optional[str] = None,
                    issue_year: Optional[int] = None) -> list[FoundMilestone]:
    """Milestones in ``text``: a marked deadline phrase governing a deliverable with no number; with
    ``section_deadline`` (the date its heading gives: 摸底排查（2022年5月底前）), also each undated
    sentence that delivers something, by that date.

    ``taken`` are spans already used by targets: a clause holding a target is not a milestone.
    ``sents`` are the sentences of ``text``, if the caller has them already; ``this_year`` is the
    year of a one-year plan (its 年底前 has no year), ``issue_year`` the document's (于3月2日前).
    """
    out: list[FoundMilestone] = []
    if "年" not in text and section_deadline is None and issue_year is None:
        return out  # every deadline phrase names its year
    prev: tuple[int, int] = (0, 0)
    for sent in sentences(text) if sents is None else sents:
        prev_sent, prev = prev, sent
        s_text = text[sent[0]:sent[1]]
        phrases = find_deadlines(s_text, this_year, issue_year) if "年" in s_text or issue_year else []
        if section_deadline and not any(d.marked for d in phrases):
            found = _undated(text, sent, masked, taken, section_deadline)
            out += [found] if found else []
            continue
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
            named = _named_before(text, prev_sent, before) if SUBMIT.match(governed) else None
            if named is not None:  # 要建立联系人清单。联系人清单于…前报送: the deliverable is the last sentence's
                out.append(FoundMilestone(named[0], gov_start + len(governed),
                                          text[named[0]:named[1]] + "，" + governed, d.date, sent))
                continue
            if SUBMIT.match(governed) and DELIVERABLE.search(before) and not NUMBERED.search(before):
                # 制定实施办法，于2018年12月31日前报送国务院办公厅: the deliverable comes first
                lead = len(before) - len(before.lstrip("，、；：。 \n"))
                body = before.strip("，、；：。 \n")
                body = DEADLINE_LEAD_OUT.sub("", body)
                out.append(FoundMilestone(sent[0] + lead, gov_start + len(governed),
                                          body + "，" + governed, d.date, sent))
                continue
            if not governed or not DELIVERABLE.search(governed) or NUMBERED.search(QUOTED_NAME.sub("", governed)) \
                    or INTRODUCES_LIST.search(governed):
                continue
            # A clause that holds a target is no milestone; the clauses before it still are
            # (到2026年，建成X平台，基本形成Y体系: Y体系 a qualitative goal, X平台 a milestone).
            first_taken = min((x for x, y in taken if x < gov_end and gov_start < y), default=None)
            if first_taken is not None:
                cut = max(text.rfind(c, gov_start, first_taken) for c in "，；")
                if cut <= gov_start:
                    continue
                gov_end = cut
                governed = text[gov_start:gov_end].strip("，、；：。 \n")
                if not DELIVERABLE.search(governed):
                    continue
            lead = len(text[gov_start:gov_end]) - len(text[gov_start:gov_end].lstrip("，、；：。 "))
            desc_start = gov_start + lead
            desc_end = desc_start + len(governed)
            out.append(FoundMilestone(a, desc_end, text[desc_start:desc_end], d.date, sent))
    return out



def _undated(text: str, sent: tuple[int, int], masked: list[tuple[int, int]], taken: list[tuple[int, int]],
             deadline: str) -> Optional[FoundMilestone]:
    """An undated sentence of a dated section as a milestone: it delivers (DELIVERABLE), with no
    number, no target in it and no recurrence; its text without the clauses in parentheses."""
    a, b = sent
    for m_a, m_b in masked:
        if a <= m_a < b:
            b = m_a  # a responsibility clause closes the sentence
    body = text[a:b]
    lead = len(body) - len(body.lstrip("，、；：。 \n"))
    body = body.strip("，、；：。 \n")
    if not body or not DELIVERABLE.search(body) or NUMBERED.search(QUOTED_NAME.sub("", body)) or RECURRING.search(body) \
            or INTRODUCES_LIST.search(body):
        return None
    if any(x < b and a < y for x, y in taken):
        return None
    return FoundMilestone(a + lead, a + lead + len(body), body, deadline, sent, rule="section")


def _named_before(text: str, prev: tuple[int, int], before: str) -> Optional[tuple[int, int]]:
    """A deliverable named again as the subject of its submission (……要建立日常工作联系人清单。
    联系人清单于6月30日前报送): the span of the previous sentence's clause that delivers it."""
    subject = DEADLINE_LEAD_OUT.sub("", before.strip("，、；：。 \n"))
    if not 2 <= len(subject) <= 12 or DELIVERABLE.search(subject) or prev[1] <= prev[0]:
        return None
    last = text[prev[0]:prev[1]].rstrip("。；！？ \n")
    if not last.endswith(subject):
        return None
    start = prev[0] + max(last.rfind(c) for c in "，；：") + 1  # its last clause
    clause = text[start:prev[0] + len(last)]
    if not DELIVERABLE.search(clause) or NUMBERED.search(clause):
        return None
    return start + len(clause) - len(clause.lstrip()), prev[0] + len(last)
