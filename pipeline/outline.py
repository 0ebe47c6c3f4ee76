"""Plan metadata: the title, the notice wrapper (文号, issuer, date), the parent plans; with the
heading tree (``headings``), the period (``periods``) and the region and level (``regions``).

Title, notice head, issuer and 文号 are read from the same lines and depend on each other; the
patterns are in ``rules/anatomy``.
"""
from __future__ import annotations

import re
from datetime import date
from difflib import SequenceMatcher
from pathlib import PurePath
from typing import Optional

from schemas.ids import plan_id
from schemas.records import ParentPlan, Plan, Section, Warning
from schemas.stages import DroppedLine, OutlinedDocument, SegmentedDocument

from .doctype import doc_type, document_type
from .headings import Line, lines_of, match_marker, sections_of
from .periods import five_year_plan_start, plan_period
from .regions import level_of, plan_region, region_of
from .rules.anatomy import (
    ARTICLE_ONE,
    CITED,
    CITED_DOC_NUMBER,
    CITED_ISSUER,
    CITED_NOT_PLAN,
    CITED_NOTICE,
    CLAUSE_PUNCT,
    DATE_LINE,
    DECREE_LINE,
    DECREE_NUMBER,
    DOC_NUMBER_RE,
    FLAT_PLAN_TITLE,
    IMPLEMENTS_BEFORE,
    ISSUER_LINE,
    LEAD_VERBS,
    LETTER_TITLE,
    LETTERHEAD,
    LETTERHEAD_FILE,
    NOTICE,
    POSTED_DATE,
    PROMULGATED,
    SHORT_NAME_BEFORE,
    SIGN_NOTE,
    TITLE_IN_TEXT,
    TITLE_ISSUER,
    TITLE_NOISE,
    TITLE_OPENS,
    TITLE_WORDS,
    YEAR_LINE,
)
from .rules.chars import DIGITS, WHITESPACE
from .rules.dates import ZERO_YEAR

__all__ = ["outline", "level_of", "plan_region", "region_of", "five_year_plan_start"]


def _notice_line(text: str) -> Optional[re.Match[str]]:
    """The notice wrapper's title line: a line of its own that ends with 通知. A 《…》 citation of
    a notice inside a sentence (落实……《关于印发<…>的通知》，) is a parent plan, never the wrapper."""
    m = NOTICE.search(text)
    if not m or m.end() != len(text) or len(text) > 120:
        return None
    before = text[: m.start()]
    return None if before.count("《") > before.count("》") else m


def _find_title(lines: list[Line]) -> tuple[Optional[str], Optional[tuple[int, int]], int, Optional[str]]:
    """(plan title, its span, index of the line after it, title cited by a notice wrapper)."""
    notice_title = None
    for i, ln in enumerate(lines[:15]):
        m = _notice_line(ln.text)
        if m is None and i + 1 < len(lines) and ln.text.count("《") > ln.text.count("》") and "关于" in ln.text:
            m = _notice_line(ln.text + lines[i + 1].text)  # 关于印发《X……\n……》的通知: one line broken in two
        if m:
            notice_title = m.group("title")
            break
    start_idx = 0
    if notice_title:
        folded = WHITESPACE.sub("", notice_title)
        for i, ln in enumerate(lines[:60]):
            if _notice_line(ln.text):
                continue
            if WHITESPACE.sub("", ln.text).startswith(folded[: max(6, len(folded) - 12)]):
                start_idx = i
                break
        else:
            return notice_title, None, 1, notice_title
    for i in range(start_idx, min(len(lines), start_idx + 25)):
        ln = lines[i]
        if match_marker(ln.text) or len(ln.text) > 70 or ln.text[-1] in "。；":
            continue
        if TITLE_WORDS.search(ln.text) and not _notice_line(ln.text) and not DOC_NUMBER_RE.fullmatch(ln.text):
            title, begin, end, nxt = ln.text, ln.start, ln.end, i + 1
            head = lines[i - 1] if i > start_idx else None
            if head is not None and (_title_head(head.text) or _place_head(head.text)) \
                    and not TITLE_OPENS.match(ln.text):
                title, begin = head.text + ln.text, head.start  # 国务院关于2018年度\n国家…的决定
            # The rest of a title broken in two, as the notice carrying it names it whole
            # (唐山市……建设工程规划\n预许可管理办法（试行）).
            if notice_title and nxt < len(lines) and WHITESPACE.sub("", title + lines[nxt].text) == \
                    WHITESPACE.sub("", notice_title):
                title, end, nxt = title + lines[nxt].text, lines[nxt].end, nxt + 1
            # A period on the next line: 《……行动方案》 / （2024—2026年）
            if nxt < len(lines) and YEAR_LINE.fullmatch(lines[nxt].text):
                title, end, nxt = title + lines[nxt].text, lines[nxt].end, nxt + 1
            return title, (begin, end), nxt, notice_title
    return notice_title, None, 0, notice_title


def _decree(lines: list[Line]) -> Optional[tuple[str, tuple[int, int], int, str, str]]:
    """A decree (国务院令 / 某市人民政府令, 第N号) promulgating 《X》: (X, its span, index of the line
    after the promulgation, the decree's number 某令第N号, the issuing organ)."""
    for i, ln in enumerate(lines[:6]):
        organ = DECREE_LINE.match(WHITESPACE.sub("", ln.text))
        if not organ:
            continue
        number = DECREE_NUMBER.match(lines[i + 1].text.strip()) if i + 1 < len(lines) else None
        for j in range(i + 1, min(len(lines), i + 4)):
            m = PROMULGATED.search(lines[j].text)
            if m and number:
                start = lines[j].start + m.start("title")
                return (m.group("title"), (start, start + len(m.group("title"))), j + 1,
                        f"{organ.group(1)}令第{number.group(1)}号", organ.group(1))
        return None
    return None


def _flat_title(text: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """In a text whose lines were lost (OCR, a copied page): (the title, the head it was read from,
    the 文号 before or right after it). A notice that carries a plan (关于印发X的通知) is titled X, as
    a notice with its lines is, by its fullest name in the text (《某公司X》)."""
    head_text = text[:400]
    found = next((m for m in TITLE_IN_TEXT.finditer(head_text)
                  if head_text.count("《", 0, m.start()) <= head_text.count("》", 0, m.start())), None)
    if not found:  # not the title of a notice it cites (贯彻落实《…关于印发X的通知》)
        found = FLAT_PLAN_TITLE.match(head_text.lstrip())
        return (found.group(0), None, None) if found else (None, None, None)
    number = DOC_NUMBER_RE.search(text, 0, found.start())  # the letterhead's 文号
    after = DOC_NUMBER_RE.search(text, found.end(), found.end() + 40)
    if number is None and after and not text[found.end():after.start()].strip():
        number = after  # …的实施意见国办发〔2020〕24号
    doc_number = LETTERHEAD_FILE.sub("", WHITESPACE.sub("", number.group(0))) if number else None
    head = found.group(0)
    carried = NOTICE.search(head)
    title = head
    if carried and CITED_NOTICE.match(head[carried.start():]):
        title = carried.group("title")
        # only a distinctive name (not 工作方案 alone, which another plan's citation may end with)
        fuller = [cm.group("title") for cm in CITED.finditer(text[:3000]) if len(title) >= 8
                  and cm.group("title").endswith(title) and len(cm.group("title")) > len(title)]
        title = max(fuller, key=len) if fuller else title
    return title, head, doc_number


def _place_head(text: str) -> bool:
    """The first line of a title broken in two on a cover page: a place and a topic, short, with
    no punctuation and no word of a title's kind (湖北省文物事业发展\n“十四五”规划); not an organ's
    name (湖北省文物局), which a cover prints under the title."""
    return len(text) <= 30 and region_of(text) is not None and not CLAUSE_PUNCT.search(text) \
        and not TITLE_WORDS.search(text) and not CITED_ISSUER.search(text)


def _title_head(text: str) -> bool:
    """The first line of a title broken in two: an organ's 关于…, short, with no sentence punctuation."""
    return len(text) <= 40 and bool(TITLE_OPENS.match(text)) and not CLAUSE_PUNCT.search(text) \
        and not TITLE_WORDS.search(text[-4:])


def _parent_plan(cited: str, number: Optional[str], before: str) -> ParentPlan:
    """A plan cited as 《…》: a cited notice gives the plan it carries (关于印发<X>的通知 → X), the
    文号 may sit inside the 《》 or after it, and the organ written before 《 is its issuer."""
    inner = CITED_DOC_NUMBER.search(cited)
    if inner:
        number = number or inner.group(1)
        cited = cited[: inner.start()]
    notice = CITED_NOTICE.match(cited)
    if notice:
        cited = notice.group("title")
    issuer = None
    m = CITED_ISSUER.search(before)
    if m:
        organ = LEAD_VERBS.sub("", m.group(0))
        if organ.startswith(("国务院", "中共中央")) or region_of(organ):
            issuer = organ
    title = cited.strip()
    return ParentPlan(title=title, doc_number=WHITESPACE.sub("", number) if number else None,
                      issuer=issuer or region_of(cited), region=plan_region(title, issuer, number))


def _signature(lines: list[Line]) -> tuple[Optional[str], Optional[str]]:
    """The issuing organ and date signed at the end of a document (an organ's line, then a date
    line, perhaps followed by （此件公开发布）)."""
    tail = [ln.text for ln in lines[-4:] if not SIGN_NOTE.fullmatch(ln.text)]
    for i in range(len(tail) - 1, 0, -1):
        if DATE_LINE.match(tail[i]) and ISSUER_LINE.search(tail[i - 1]) and len(tail[i - 1]) <= 40 \
                and not CLAUSE_PUNCT.search(tail[i - 1]):
            y, mo, d = map(int, DIGITS.findall(tail[i]))
            try:
                return tail[i - 1], date(y, mo, d).isoformat()
            except ValueError:
                return tail[i - 1], None
    return None, None


def _posted_date(dropped: list[DroppedLine]) -> Optional[str]:
    """The posting date of a web page, from the 来源/发布时间 lines decode dropped as site noise."""
    for line in dropped:
        if line.reason in ("source", "publish date"):
            m = POSTED_DATE.search(line.text)
            if m:
                try:
                    return date(*map(int, m.groups())).isoformat()
                except ValueError:
                    return None
    return None


def _doc_number(lines: list[Line], body_idx: int, notice_title: Optional[str]) -> Optional[str]:
    """The 文号: in a notice's head, else on a line right under the title."""

    doc_number = None
    m = DOC_NUMBER_RE.search("\n".join(ln.text for ln in lines[: max(body_idx, 1)])) if notice_title else None
    if m:
        doc_number = WHITESPACE.sub("", m.group(0))
    else:
        # A plan, or a notice whose head has none, often carries its 文号 right under the title
        # (a government site's article page: title, then the 文号 on a line of its own).
        for ln in lines[body_idx: body_idx + 2]:
            if DOC_NUMBER_RE.fullmatch(ln.text):
                doc_number = WHITESPACE.sub("", ln.text)
    return doc_number


def _issuer(lines: list[Line], body_idx: int, notice_title: Optional[str],
            title: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """The issuer and the date issued: a notice's signature over its date, the notice line's organ,
    the document's signature, else the organ opening the title."""

    issuer = issued = None
    notice_lines = lines[:body_idx] if notice_title else []
    for i, ln in enumerate(notice_lines):
        if DATE_LINE.match(ln.text) and i > 0 and ISSUER_LINE.search(notice_lines[i - 1].text):
            issuer = notice_lines[i - 1].text
            y, mo, d = map(int, DIGITS.findall(ln.text))
            try:
                issued = date(y, mo, d).isoformat()
            except ValueError:
                issued = None  # a misprinted date is dropped, not a reason to fail the document
    if notice_title and issuer is None:
        nm = _notice_line(notice_lines[0].text if notice_lines else "")
        if nm and nm.start() > 1:
            issuer = notice_lines[0].text[: nm.start()]
    if issuer is None:
        issuer, signed = _signature(lines)
        issued = issued or signed
    if issuer is None:  # 上海市人民政府令 over a decree
        decree = next((m for ln in lines[:12] if (m := DECREE_LINE.match(ln.text))), None)
        issuer = decree.group(1) if decree else None
    if issuer is None and title:
        by = TITLE_ISSUER.match(title)  # 国务院关于促进……的意见
        issuer = by.group(1) if by else None
    return issuer, issued


def _same_title(key: str, own: set[str]) -> bool:
    """A cited title that is the plan's own, perhaps with a word more or less (…工作有关批示… / …工作批示…)."""
    return any(key == t or (len(key) >= 8 and SequenceMatcher(None, key, t).ratio() >= 0.9) for t in own)


def _parents(preamble: str, title: Optional[str], notice_title: Optional[str],
             implemented_only: bool = False) -> list[ParentPlan]:
    """Parent plans: 《…》 cited in the preamble (and the notice sentence), other than the plan itself,
    the reports and requests it answers (a cited 请示 of X gives X) and the short names it defines;
    with ``implemented_only``, only what it says it implements (根据《…》, 贯彻落实《…》)."""

    own = {TITLE_NOISE.sub("", t) for t in (title or "", notice_title or "") if t}
    parents: list[ParentPlan] = []
    seen = set()
    subject = set(CITED.findall(title or "")) if doc_type(title) != "interpretation" else set()
    carried_title = NOTICE.search(title or "")
    if carried_title:
        own.add(TITLE_NOISE.sub("", carried_title.group("title")))
    own |= {TITLE_NOISE.sub("", t) for t, _ in subject}
    short_names = {cm.group("title") for cm in CITED.finditer(preamble)
                   if SHORT_NAME_BEFORE.search(preamble[max(0, cm.start() - 4):cm.start()])}
    implemented_end = -1  # where the last citation said to be implemented ends: 根据《A》和《B》
    for cm in CITED.finditer(preamble):
        cited = cm.group("title")
        if implemented_only:
            before = preamble[max(0, cm.start() - 12):cm.start()]
            joined = 0 <= cm.start() - implemented_end <= 2 and preamble[implemented_end:cm.start()] in ("", "和", "、", "及", "与")
            if not (IMPLEMENTS_BEFORE.search(before) or joined):
                continue
            implemented_end = cm.end()
        notice = CITED_NOTICE.match(cited)
        carried = notice.group("title") if notice else cited  # 关于呈报〈X〉的请示 → X
        key = TITLE_NOISE.sub("", carried)
        if key in seen or _same_title(key, own) or (CITED_NOT_PLAN.search(carried) and not notice) \
                or cited in short_names:
            continue  # the plan itself (or what its title cites: 关于征求《X》意见的通知), a report, a short name
        seen.add(key)
        parents.append(_parent_plan(cited, cm.group("no"), preamble[max(0, cm.start() - 40): cm.start()]))
    return parents


def _purpose_article(text: str, sections: list[Section]) -> str:
    """The text of a regulation's first article (第一条 为了……，根据《…》，制定本办法), which cites
    what the preamble of a plan would: the laws and plans it implements."""
    for i, sec in enumerate(sections[:3]):
        if ARTICLE_ONE.match(sec.marker):
            end = sections[i + 1].start if i + 1 < len(sections) else min(len(text), sec.start + 600)
            return "\n" + text[sec.start:end]
    return ""


def outline(seg: SegmentedDocument) -> OutlinedDocument:
    """Plan metadata and the heading tree of a segmented document."""
    norm = seg.norm
    text = norm.text
    doc_id = seg.raw.doc_id
    lines = lines_of(text)
    warnings: list[Warning] = []

    decree = _decree(lines)
    flat_number = flat_head = decree_issuer = None
    title: Optional[str]
    title_span: Optional[tuple[int, int]]
    if decree:
        title, title_span, body_idx, flat_number, decree_issuer = decree
        notice_title = None
    else:
        title, title_span, body_idx, notice_title = _find_title(lines)
    if title is None:  # a text whose lines were lost (OCR, a copied page): the title inside it
        title, flat_head, flat_number = _flat_title(text)
    doc_number = flat_number if decree else (_doc_number(lines, body_idx, notice_title) or flat_number)
    issuer, issued = _issuer(lines, body_idx, notice_title, flat_head or title)
    issuer = decree_issuer or issuer
    if title is None:
        warnings.append(Warning(code="no_title", message="no plan title found"))
    # The period comes from the title (or the line under it), never from cited documents.
    carried = NOTICE.search(title or "")  # a notice whose lines were lost: the plan it carries
    period_start, period_end = plan_period(carried.group("title") if carried and title_span is None else title or "",
                                           text, issued, doc_number)
    if ZERO_YEAR.search(text):
        warnings.append(Warning(code="other", message="a garbled year (such as 0402年) was not read as a date"))
    region = plan_region(title, issuer, doc_number)
    if region is None and flat_head:  # a carried plan's title without a place: the notice's organ (国网营销部关于…)
        region = plan_region(flat_head, issuer, doc_number)

    # Headings: everything after the title line.
    body_lines = lines[body_idx:] if title_span else lines
    sections, first_heading_at = sections_of(body_lines, text, doc_id)
    if not sections:
        warnings.append(Warning(code="no_outline", message="no numbered headings found"))

    # Parent plans come from the preamble: the text before the first heading.
    pre_end = first_heading_at if first_heading_at is not None else min(len(text), 600)
    preamble = text[:pre_end] + _purpose_article(text, sections)
    # a letter (…联系函) cites laws it reminds of and notices it reports: parents only where it says so
    parents = _parents(preamble, title, notice_title, implemented_only=bool(LETTER_TITLE.search(title or "")))
    if not parents and sections:  # a notice citing what it implements in its first item (一、…根据《…》)
        first = text[sections[0].start:min(sections[0].end, sections[0].start + 600)]
        parents = [p for p in _parents(first, title, notice_title, implemented_only=True)]
    if region is None:  # a title and issuer without a place: the letterhead's (龙岩市工业和信息化局…)
        head = LETTERHEAD.match(text[:40].lstrip())
        region = region_of(head.group(1)) if head else None
    plan_title = title or PurePath(seg.raw.path).stem or seg.raw.path  # no title: the file's name
    plan = Plan(
        id=plan_id(plan_title, doc_number, region), title=plan_title, region=region,
        level=level_of(region, issuer), period_start=period_start, period_end=period_end,
        issuer=issuer, doc_number=doc_number, issued_date=issued, doc_type=document_type(title, text),
        posted_date=_posted_date(seg.raw.dropped), parent_plans=parents,
    )
    return OutlinedDocument(seg=seg, plan=plan, sections=sections,
                            body_start=title_span[1] if title_span else 0,
                            warnings=warnings, title_span=title_span)
