"""Dated deliverables without a number: ``2025年6月底前，出台……实施细则``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from schemas.records import DeadlineRule

from .deadlines import DeadlinePhrase, find_deadlines, last_day, month_date, months_of_year
from .rules.dates import YEAR_DIGITS, year_end
from .rules.milestones import (
    ASIDE,
    ATTRIBUTIVE,
    BARE_VERB,
    CLAUSE_CUT,
    DATE_WORDS,
    DATED_PARENTHESIS,
    DATES_JOINED,
    DEADLINE_LEAD_OUT,
    DEADLINE_PREFIX,
    DELIVERABLE,
    DOCUMENT_DELIVERABLE,
    EVENT_MONTH_AFTER,
    EVERY_YEAR,
    INTRODUCES_LIST,
    ITEM_MARKER,
    MANNER_ONLY,
    MONTH_BEFORE_VERB,
    NEW_SUBJECT,
    NEXT_STEP,
    NUMBERED,
    ORDINAL,
    OWN_OBJECT,
    PAIR_JOIN,
    PAST_TENSE,
    QUARTER_NO_YEAR,
    QUOTED_NAME,
    RANGE_BEFORE,
    RECURRING,
    REFERENT,
    RESPECTIVELY,
    SHARED_VERB,
    START_DATE,
    SUBMIT,
    SUBMIT_BA,
    TASK_DATE,
    TASK_DEADLINE,
    TASK_DEADLINE_END,
    TERM_START,
    TITLE_END,
    YEAR_END_NO_YEAR,
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
                    issue_year: Optional[int] = None,
                    goals: Optional[list[tuple[int, int]]] = None,
                    title: Optional[str] = None,
                    issued: Optional[str] = None,
                    labels_year: Optional[int] = None) -> list[FoundMilestone]:
    """Milestones in ``text``: a marked deadline phrase governing a deliverable with no number; with
    ``section_deadline`` (the date its heading gives: 摸底排查（2022年5月底前）), also each undated
    sentence that delivers something, by that date; and each task item closed by a deadline label
    (……完成时限：2021年9月30日).

    ``taken`` are spans already used by targets: a clause holding a target is not a milestone.
    ``goals`` are qualitative goals: they take a clause from a milestone dated by a bare year only
    (到2026年，实现……全覆盖), never from a dated step (年底前实现……全覆盖).
    ``sents`` are the sentences of ``text``, if the caller has them already; ``this_year`` is the
    year of a one-year plan, or of a document with no period (its 年底前 has no year),
    ``issue_year`` the document's (于3月2日前).
    ``title`` is the block's heading: what 该项工作于…完成 points back to, and a milestone itself
    when it is dated (集中整治及验收（2024年底前）) and none of the sentences under it delivers.
    ``issued`` is the date of issue (ISO); ``labels_year`` the year the document's task deadline
    labels state, for a label without one in a block of its own (完成时限：11月30日).
    """
    out: list[FoundMilestone] = []
    if "年" not in text and "月" not in text and section_deadline is None and issue_year is None and this_year is None:
        return out  # every deadline phrase names its year, or its month (一季度 needs the plan's year)
    goals = goals or []
    year_of_plan = this_year
    prev: tuple[int, int] = (0, 0)
    for sent in sentences(text) if sents is None else sents:
        prev_sent, prev = prev, sent
        s_text = text[sent[0]:sent[1]]
        phrases = [d for d in _phrases(s_text, this_year, issue_year, year_of_plan, issued)
                   if not ATTRIBUTIVE.match(s_text, d.end)]  # 2000年以前建成的小区: part of a description
        if section_deadline and not any(d.marked for d in phrases):
            found = _undated(text, sent, masked, taken, section_deadline)
            out += [found] if found else []
            continue
        paired = _respectively(text, sent, s_text, phrases)
        if paired:
            out += [m for m in paired if not in_spans(m.start, masked)]
            continue
        for k, d in enumerate(phrases):
            if not d.marked or _event_date(s_text, d) or _quoted(s_text, d.start) or _ends_range(s_text, d) \
                    or EVERY_YEAR.search(s_text, _after_semicolon(s_text[:d.start]), d.start):
                continue  # an event's date, a slogan's (“年底前全面收官”), a yearly duty's
            a = sent[0] + d.start
            if in_spans(a, masked):
                continue
            # What the phrase governs: from its end to the end of the sentence, without clauses in
            # parentheses, and to the next phrase (to the clause that holds it: its subject is its own).
            gov_start = sent[0] + d.end
            gov_end = sent[1]
            if k + 1 < len(phrases):
                nxt = phrases[k + 1].start
                cut = max((m.end() for m in CLAUSE_CUT.finditer(s_text, d.end, nxt)), default=None)
                gov_end = sent[0] + (cut - 1 if cut is not None and s_text[cut:nxt].strip() else nxt)
            for m_a, m_b in masked:
                if gov_start <= m_a < gov_end:
                    gov_end = m_a
            governed = text[gov_start:gov_end].strip("，、；：。 \n")
            before = text[sent[0]:a]
            submit = SUBMIT.match(governed)
            if submit:  # the submission is one clause: what follows it is another step
                clause_end = CLAUSE_CUT.search(governed, submit.end())
                governed = governed[:clause_end.start()] if clause_end else governed
            named = _named_before(text, prev_sent, before) if submit else None
            if named is not None:  # 要建立联系人清单。联系人清单于…前报送: the deliverable is the last sentence's
                out.append(FoundMilestone(named[0], gov_start + len(governed),
                                          text[named[0]:named[1]] + "，" + governed, d.date, sent))
                continue
            if submit and OWN_OBJECT.search(submit.group()) and governed[submit.end():].strip():
                submit = None  # ，2025年6月底前，出台《……细则》; 在6月底前完成推广: the deliverable follows its date
            submitted = _subject(before, DOCUMENT_DELIVERABLE) if submit else None
            step = before[_after_semicolon(before) if submitted is None else submitted:]
            if submit and (submitted is not None or DELIVERABLE.search(step)) and not NUMBERED.search(_unnumbered(step)):
                # 制定实施办法，于2018年12月31日前报送国务院办公厅: the deliverable comes first (after
                # the last ；: the step before it is another one); 人员名单于2月26日前传真至…: it is the subject
                lead = _after_semicolon(before) if submitted is None else submitted
                lead = max([lead] + [m_b - sent[0] for m_a, m_b in masked if sent[0] + lead <= m_a and m_b <= a])
                lead += len(before[lead:]) - len(before[lead:].lstrip("，、；：。 \n"))
                body = DEADLINE_LEAD_OUT.sub("", before[lead:].strip("，、；：。 \n"))
                out.append(FoundMilestone(sent[0] + lead, gov_start + len(governed),
                                          body + "，" + governed, d.date, sent))
                continue
            lead = len(text[gov_start:gov_end]) - len(text[gov_start:gov_end].lstrip("，、；：。 "))
            desc_start = gov_start + lead
            kept = _deliverable(governed)
            if kept is None or INTRODUCES_LIST.search(kept):
                continue
            desc_end = desc_start + len(kept)
            bare_year = not any(c in s_text[d.start:d.end] for c in "月底末前季半")
            # A clause that holds a target is no milestone; the clauses before it still are
            # (到2026年，建成X平台，基本形成Y体系: Y体系 a qualitative goal, X平台 a milestone).
            first = min((x for x, y in taken + (goals if bare_year else []) if x < desc_end and desc_start < y),
                        default=None)
            if first is not None:
                cut = max(text.rfind(c, desc_start, first) for c in "，；")
                kept = text[desc_start:cut].rstrip("，、；：。 \n") if cut > desc_start else ""
                if not kept or not DELIVERABLE.search(kept):
                    continue
                desc_end = desc_start + len(kept)
            if BARE_VERB.match(kept):  # ……原则上于9月底前完成: what is done is the subject before the date
                subject = _subject(before, None)
                if subject is None:
                    continue
                named_by = DEADLINE_LEAD_OUT.sub("", before[subject:].strip("，、；：。 \n"))
                if REFERENT.match(named_by):  # 该项工作于…完成: the item's title
                    if not title:
                        continue
                    named_by = title
                if not named_by:
                    continue
                s_start = sent[0] + subject + len(before[subject:]) - len(before[subject:].lstrip("，、；：。 \n"))
                out.append(FoundMilestone(s_start, desc_end, named_by + kept, d.date, sent))
                continue
            out.append(FoundMilestone(a, desc_end, text[desc_start:desc_end], d.date, sent))
    out += _task_items(text, masked, year_of_plan, out, labels_year)
    if not out and section_deadline and title:
        out += _dated_heading(text, title, section_deadline)
    return out


def _dated_heading(text: str, title: str, deadline: str) -> list[FoundMilestone]:
    """A heading that dates its own deliverable (（三）集中整治及验收（2024年底前）), at the start of
    ``text``, when nothing under it is a milestone: the heading, without its date."""
    if not any(d.marked and d.date == deadline and not _event_date(title, d) for d in find_deadlines(title)):
        return []  # ……工业和信息化局2022年3月4日印发: a signature, not a deadline
    head = text[:len(title) + 12]
    at = head.find(title)
    name = DATED_PARENTHESIS.sub("", title).strip("，。；： ")
    if at < 0 or not name or not DELIVERABLE.search(name) or NUMBERED.search(_unnumbered(name)):
        return []
    return [FoundMilestone(at, at + len(title), name, deadline, (at, at + len(title)), rule="section")]


def _ends_range(s_text: str, d: DeadlinePhrase) -> bool:
    """The date ends a range of years (2021年至2023年): a period's end, not a deadline."""
    m = RANGE_BEFORE.search(s_text, 0, d.start)
    return m is not None and (m.group("sign") is not None or s_text[d.start:d.start + 1] in ("至", "到"))


def _quoted(s_text: str, pos: int) -> bool:
    """``pos`` lies inside a quotation (“二十大前基本完成、年底前全面收官”) or a title (《2022年上半年
    ……报告》): a slogan's or a name's date, not a deadline."""
    return s_text.count("“", 0, pos) > s_text.count("”", 0, pos) or s_text.count("《", 0, pos) > s_text.count("》", 0, pos)


def _phrases(s_text: str, this_year: Optional[int], issue_year: Optional[int],
             year_of_plan: Optional[int], issued: Optional[str]) -> list[DeadlinePhrase]:
    """The deadline phrases of one sentence: a month without a year (12月底前) takes the year of the
    deadline before it in the sentence (2021年6月底前……，12月底前……), else the year of issue; a bare
    month before its verb (6月完成……) the plan's year. A 上半年 or 年底前 without a year that falls
    before ``issued`` (the date of issue) is the past: it bounds what the others govern, and marks nothing."""
    month_year = this_year if this_year is not None else issue_year  # 3月底前 of a one-year plan: its year
    phrases = find_deadlines(s_text, this_year, month_year) if "年" in s_text or month_year else []
    out: list[DeadlinePhrase] = []
    stated: Optional[int] = None
    for d in phrases:
        if not YEAR_DIGITS.search(s_text, d.start, d.end) and "月" not in s_text[d.start:d.end] \
                and issued and d.date < issued:
            d = d._replace(marked=False)  # 上半年, in a document issued after it: the past
        elif YEAR_DIGITS.search(s_text, d.start, d.end):
            stated = d.year if d.marked else stated
        elif stated is not None and stated != d.year and "月" in s_text[d.start:d.end]:
            d = d._replace(date=f"{stated:04d}" + d.date[4:], year=stated)
        out.append(d)
    if stated is not None and month_year is None:  # 12月底前 after 2021年6月底前: found only with a year
        seen = [(d.start, d.end) for d in out]
        out += [m for m in months_of_year(s_text, stated) if not any(a < m.end and m.start < b for a, b in seen)]
    if year_of_plan is not None and ("月" in s_text or "季度" in s_text or "年底" in s_text):
        seen = [(d.start, d.end) for d in out]
        year = stated if stated is not None else year_of_plan
        for m in MONTH_BEFORE_VERB.finditer(s_text):
            if not any(a < m.end() and m.start() < b for a, b in seen):
                out.append(DeadlinePhrase(m.start(), m.end(), last_day(year, int(m.group("month"))), year, True))
        for m in YEAR_END_NO_YEAR.finditer(s_text):
            if not any(a < m.end() and m.start() < b for a, b in seen):
                out.append(DeadlinePhrase(m.start(), m.end(), year_end(year), year, True))
        for m in QUARTER_NO_YEAR.finditer(s_text):
            if not any(a < m.end() and m.start() < b for a, b in seen):
                month = 3 * ("一二三四".find(m.group("quarter")) + 1 or int(m.group("quarter")))
                out.append(DeadlinePhrase(m.start(), m.end(), last_day(year, month), year, True))
    if "起" in s_text:  # a start replaces the date it holds (2025年 of 2025年秋季学期起)
        starts = _start_dates(s_text)
        out = [d for d in out if not any(x.start <= d.start < x.end for x in starts)] + starts
    return sorted(out)


def _start_dates(s_text: str) -> list[DeadlinePhrase]:
    """Steps dated by when they start (2022年秋季学期起, 自2026年3月起): the start's date; not a
    standing rule that starts then (自2026年3月起，每年……)."""
    out = []
    for m in START_DATE.finditer(s_text):
        if RECURRING.search(s_text, m.end(), m.end() + 12):
            continue
        year = int(m.group("year"))
        if m.group("term"):
            date = f"{year:04d}-{TERM_START[m.group('term')]}"
        else:
            found = month_date(year, int(m.group("month")), m.group("day") or "1")
            if found is None:
                continue  # a day the month does not have
            date = found
        out.append(DeadlinePhrase(m.start(), m.end(), date, year, True))
    return out


def _event_date(s_text: str, d: DeadlinePhrase) -> bool:
    """A date that marks an event (2021年1月14日，国新办举行……; 2022年5月26日印发; 2020年7月，世界银行
    发布……), not a deadline: a calendar day without 前, or a month followed by a comma, neither
    introduced by 到/于/截至."""
    phrase = s_text[d.start:d.end]
    if DEADLINE_PREFIX.match(phrase) or phrase.endswith(("前", "起")) or any(c in phrase for c in "底末季半"):
        return False  # a deadline, or the start of a step (2025年9月起)
    if "日" in phrase:
        return True
    return "月" in phrase and bool(EVENT_MONTH_AFTER.match(s_text, d.end))


def _unnumbered(text: str) -> str:
    """``text`` without what only looks like an amount: names in quotes, asides in parentheses,
    ordinals (第一批), dates."""
    return DATE_WORDS.sub("", ORDINAL.sub("", ASIDE.sub("", QUOTED_NAME.sub("", text))))


def _deliverable(governed: str) -> Optional[str]:
    """What a deadline phrase delivers: the clauses of ``governed`` up to one with an amount (a
    target's business), a new subject (……，各省公司要……), a ；, or a step of its own after a
    deliverable (……进行验收总结，提出……的意见: the first is the milestone). None when there is no deliverable, or
    when the first clause counts something after its verb (建成服务驿站3个); an amount before the
    verb is its subject's (35蒸吨及以下燃煤锅炉全部完成淘汰)."""
    cuts = [m.start() for m in CLAUSE_CUT.finditer(governed)] + [len(governed)]
    start, kept_end = 0, 0
    for i, cut in enumerate(cuts):
        clause = governed[start:cut]
        plain = _unnumbered(clause)
        if i == 0:
            verb = DELIVERABLE.search(plain) or SUBMIT_BA.match(plain) or SHARED_VERB.search(plain)
            if verb is None or NUMBERED.search(plain[verb.end():]):
                return None  # 农机装备品类基本齐全，……: a state described, not a step (对……进行总结，形成……)
        elif governed[start - 1] in "；;" or NUMBERED.search(plain) or NEW_SUBJECT.match(clause.strip()) or INTRODUCES_LIST.search(clause) \
                or (DELIVERABLE.search(governed, 0, start) and NEXT_STEP.match(clause.strip())):
            break  # an amount, a new subject, or a step of its own (……验收总结，提出……意见)
        kept_end = cut
        start = cut + 1
    kept = governed[:kept_end].rstrip("，、；：。 \n")
    if not kept or not (DELIVERABLE.search(kept) or SUBMIT_BA.match(kept)) or kept.endswith("的") \
            or PAST_TENSE.search(kept):
        return None  # 已建成专用线的，……: a condition; 组织完成了……: the past
    return kept


def _after_semicolon(before: str) -> int:
    """Where the step before a date starts: after the last ；."""
    return max(before.rfind("；"), before.rfind(";")) + 1


def _subject(before: str, must: Optional["re.Pattern[str]"]) -> Optional[int]:
    """Where the subject of a date starts in ``before`` (the sentence up to the date): the last
    clause, and the one before it too when the last holds only words of manner (对于需要回收的，
    原则上于…), never across a ；. With ``must``, the subject has to match it (人员名单于…前报送)."""
    floor = _after_semicolon(before)
    cuts = [m.end() for m in CLAUSE_CUT.finditer(before, floor)]
    start = cuts[-1] if cuts else floor
    if MANNER_ONLY.match(DEADLINE_LEAD_OUT.sub("", before[start:].strip())) and len(cuts) > 1:
        start = cuts[-2]
    elif MANNER_ONLY.match(DEADLINE_LEAD_OUT.sub("", before[start:].strip())) and cuts:
        start = floor
    subject = before[start:]
    if not subject.strip() or (must is not None and not must.search(subject)):
        return None
    if must is not None and (len(DEADLINE_LEAD_OUT.sub("", subject.strip())) > 30 or DELIVERABLE.search(subject)):
        return None
    return start


def _respectively(text: str, sent: tuple[int, int], s_text: str,
                  phrases: list[DeadlinePhrase]) -> list[FoundMilestone]:
    """在2013年底和2015年底，分别对规划执行情况进行中期评估和终期考核: two dates, two deliverables,
    paired in order (the first 进行中期评估 by 2013, 进行终期考核 by 2015)."""
    if "分别" not in s_text:
        return []
    for first in phrases:
        if not first.marked:
            continue
        group = [first]
        while True:  # 2013年底和2015年底: the second is read after its 和 (a base year's word elsewhere)
            join = DATES_JOINED.match(s_text, group[-1].end)
            found = find_deadlines(s_text[join.end():join.end() + 16]) if join else []
            if not join or not found or found[0].start != 0 or not found[0].marked:
                break
            group.append(found[0]._replace(start=join.end(), end=join.end() + found[0].end))
        if len(group) < 2 or not RESPECTIVELY.match(s_text, group[-1].end):
            continue
        body_start = group[-1].end
        cut = CLAUSE_CUT.search(s_text, body_start + 3)
        body_end = cut.start() if cut else len(s_text.rstrip("。；！？ \n"))
        body = s_text[body_start:body_end]
        joins = list(PAIR_JOIN.finditer(body))
        if len(joins) < len(group) - 1:
            continue
        joins = joins[len(joins) - len(group) + 1:]  # the last ones pair the deliverables
        head = body[:joins[0].start()]
        tail = [body[j.end():(joins[n + 1].start() if n + 1 < len(joins) else len(body))] for n, j in enumerate(joins)]
        verb = None
        for verb in SHARED_VERB.finditer(head):
            pass
        shared = head[:verb.end()] if verb else ""
        descs = [head] + [shared + t for t in tail]
        descs = [RESPECTIVELY.sub("", x).strip("，、 ") for x in descs]
        if not all(DELIVERABLE.search(x) or SHARED_VERB.search(x) for x in descs):
            continue
        return [FoundMilestone(sent[0] + d.start, sent[0] + body_end, x, d.date, sent) for d, x in zip(group, descs)]
    return []


def _task_items(text: str, masked: list[tuple[int, int]], year: Optional[int],
                found: list[FoundMilestone], labels_year: Optional[int] = None) -> list[FoundMilestone]:
    """Task items closed by a deadline label (a task table flattened into text: （1）资源申请：……
    责任单位：X 完成时限：2021年9月30日): the milestone is what follows the date when it delivers
    (完成时限：11月30日完成设备到货安装调试), else the item's title. A day the month does not have
    (9月31日) is its last day; a range of months (11月-12月) ends with the last. An item that holds a
    dated milestone of its own by that date already gives none. ``year`` is the plan's (a label's
    11月30日); without one, the year the labels before it state (``labels_year``: the document's)."""
    out: list[FoundMilestone] = []
    floor = 0
    stated = year if year is not None else labels_year  # a label without a year: the plan's, else the labels' year
    for label in TASK_DEADLINE.finditer(text):
        m = TASK_DATE.match(text, label.end())
        date = _task_date(m, stated) if m else None
        if m and m.group("year") and date:
            stated = stated if year is not None else int(m.group("year"))
        item_floor, floor = floor, label.end()
        if date is None or m is None or m.end() == label.end():
            continue
        after = text[m.end():]
        verb = DELIVERABLE.match(after)
        if verb:
            cut = TITLE_END.search(after)
            end = m.end() + (cut.start() if cut else len(after))
            desc_start, desc_end = m.end(), end
        else:
            markers = [x for x in ITEM_MARKER.finditer(text, item_floor, label.start())
                       if not in_spans(x.start(), masked)]
            if not markers:
                continue
            desc_start = markers[-1].end()
            cut = TITLE_END.search(text, desc_start, label.start())
            desc_end = cut.start() if cut else label.start()
            if desc_end - desc_start > 40:
                desc_end = desc_start + 40
        desc = text[desc_start:desc_end].strip()
        if not desc or any(f.deadline == date and item_floor <= f.start < label.start() for f in found):
            continue
        out.append(FoundMilestone(desc_start, desc_end, desc, date,
                                  (min(desc_start, label.start()), max(desc_end, m.end()))))
    return out


def _task_date(m: "re.Match[str]", year: Optional[int]) -> Optional[str]:
    """The date of a task's label: its last month (11月-12月 → 12), a day the month does not have
    (9月31日) clamped to its last; None for a month that does not exist (2021年13月)."""
    if m.group("year"):
        year = int(m.group("year"))
    if year is None:
        return None
    month, day = (m.group("month2"), m.group("day2")) if m.group("month2") else (m.group("month"), m.group("day"))
    if month is None:
        after = m.string[m.end():m.end() + 1]
        return year_end(year) if m.group("year") and not after.isdigit() else None
    last = last_day(year, int(month))
    if not day:
        return last
    return min(f"{year:04d}-{int(month):02d}-{int(day):02d}", last) if 1 <= int(day) <= 31 else None


def task_date_clamped(text: str, start: int, end: int) -> bool:
    """The misprinted date ``text[start:end]`` follows a task's deadline label (完成时限：2021年9月31日)
    and only its day is wrong: it was read as its month's last day, not dropped."""
    m = TASK_DATE.match(text, start, end)
    return bool(TASK_DEADLINE_END.search(text, max(0, start - 12), start)) and m is not None \
        and m.group("year") is not None and _task_date(m, None) is not None


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


def labels_year(text: str) -> Optional[int]:
    """The year the first dated task deadline label of a document states (完成时限：2025年9月30日)."""
    for label in TASK_DEADLINE.finditer(text):
        m = TASK_DATE.match(text, label.end())
        if m and m.group("year"):
            return int(m.group("year"))
    return None
