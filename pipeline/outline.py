"""The heading tree, the title, the period, the notice wrapper (文号, issuer) and the parent plans.

Depth is given by the order in which marker *styles* appear (一、 → （一） → 1. → （1） → ①), like
a reader does: a document that goes straight from 一、 to 1. nests 1. at depth 2.

Length (~400 lines): title, notice head, issuer, period, region and headings are read from the same
lines and depend on each other (the region from title or issuer or 文号); the patterns are in
``rules/anatomy``. The region rules (``region_of``, ``plan_region``) could move to a module of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from schemas.ids import plan_id, record_id
from schemas.places import LEVEL_PREFIXES
from schemas.records import Level, ParentPlan, Plan, Section, Warning
from schemas.stages import DroppedLine, OutlinedDocument, SegmentedDocument

from .doctype import doc_type
from .rules import anatomy, periods
from .rules.anatomy import (
    CITED,
    CITED_DOC_NUMBER,
    CITED_ISSUER,
    CITED_NOTICE,
    CITY_END,
    CLAUSE_PUNCT,
    COUNTY_END,
    DATE_LINE,
    DOC_NUMBER_RE,
    ISSUER_LINE,
    LEAD_VERBS,
    MARKERS,
    NATIONAL_DOC_PREFIX,
    NATIONAL_OPENING,
    NOTICE,
    PERIOD,
    POSTED_DATE,
    PROVINCE_END,
    PROVINCIAL_DOC_PREFIX,
    REGION,
    REGION_END,
    REGION_PART,
    SIGN_NOTE,
    SINGLE_YEAR,
    TITLE_IN_TEXT,
    TITLE_ISSUER,
    TITLE_NOISE,
    TITLE_OPENING,
    TITLE_WORDS,
    TOWNSHIP_END,
    TRAILING_UNITS_NOTE,
    YEAR_LINE,
)
from .rules.chars import DIGITS, WHITESPACE
from .rules.dates import YEAR_DIGITS, ZERO_YEAR

_SENT_END = "。；;！？!?"


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def level_of(region: Optional[str], issuer: Optional[str] = None) -> Level:
    """The administrative level a plan belongs to, from its region's suffix or its issuer."""
    probe = region or issuer or ""
    if probe == "全国" or probe.startswith(LEVEL_PREFIXES["national"]) or (issuer or "").startswith(("国务院", "国家")):
        return "national"
    if PROVINCE_END.search(probe):
        return "provincial"
    if COUNTY_END.search(probe):
        return "district"
    if CITY_END.search(probe):
        return "city"
    if TOWNSHIP_END.search(probe):
        return "subdistrict"
    return "unknown"


def region_of(title: str) -> Optional[str]:
    """The place named at the start of a title (临江市海澄区 in 临江市海澄区服务业……)."""
    title = TITLE_OPENING.sub("", title)
    m = REGION.match(title)
    if not m:
        return None
    region = m.group(1)
    # The most specific unit: 临江市西岭区 → 西岭区 (the city is the parent plan's business).
    # 州 ends a place only when no 市/区/县 follows it (澄州市 is one city, not 澄州 + 市).
    parts = REGION_PART.findall(region)
    if len(parts) > 1 and len(parts[-1]) >= 2:
        region = parts[-1]
    # Trim a trailing word that is part of the topic rather than the place (…服务业集聚区).
    while region and not REGION_END.search(region):
        region = region[:-1]
    return region if 2 <= len(region) <= 16 else None


def _match_marker(text: str) -> Optional[tuple[str, int]]:
    for style, pattern in MARKERS:
        m = pattern.match(text)
        if m and m.end() < len(text):
            return style, m.end()
    return None


def _heading_title(body: str) -> tuple[str, bool]:
    """Title of a heading line (after its marker) and whether the line is *only* a heading."""
    body = body.strip()
    # A responsibility clause written on the heading line is not part of its title.
    body = TRAILING_UNITS_NOTE.sub("", body).strip() or body
    cut = None
    depth = 0
    for i, ch in enumerate(body):
        depth += ch in "（(" and 1 or (-1 if ch in "）)" else 0)
        if depth <= 0 and (ch in _SENT_END or ch in "：:"):
            cut = i
            break
    if cut is None and len(body) <= 40:
        return body, True
    if cut is None or cut > 30:
        # A heading sentence that lost its 。: stop at the first comma, or at 20 characters.
        comma = body.find("，")
        cut = comma if 0 < comma <= 30 else 20
        return body[:cut], False
    title = body[:cut]
    rest = body[cut + 1:].strip()
    return title, not rest


def _notice_line(text: str) -> Optional[re.Match[str]]:
    """The notice wrapper's title line: a line of its own that ends with 通知. A 《…》 citation of
    a notice inside a sentence (落实……《关于印发<…>的通知》，) is a parent plan, never the wrapper."""
    m = NOTICE.search(text)
    if not m or m.end() != len(text) or len(text) > 120:
        return None
    before = text[: m.start()]
    return None if before.count("《") > before.count("》") else m


def _find_title(lines: list[_Line]) -> tuple[Optional[str], Optional[tuple[int, int]], int, Optional[str]]:
    """(plan title, its span, index of the line after it, title cited by a notice wrapper)."""
    notice_title = None
    for ln in lines[:15]:
        m = _notice_line(ln.text)
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
        if _match_marker(ln.text) or len(ln.text) > 70 or ln.text[-1] in "。；":
            continue
        if TITLE_WORDS.search(ln.text) and not _notice_line(ln.text) and not DOC_NUMBER_RE.fullmatch(ln.text):
            title, end, nxt = ln.text, ln.end, i + 1
            # A period on the next line: 《……行动方案》 / （2024—2026年）
            if nxt < len(lines) and YEAR_LINE.fullmatch(lines[nxt].text):
                title, end, nxt = title + lines[nxt].text, lines[nxt].end, nxt + 1
            return title, (ln.start, end), nxt, notice_title
    return notice_title, None, 0, notice_title


def plan_region(title: Optional[str], issuer: Optional[str], doc_number: Optional[str] = None) -> Optional[str]:
    """A plan's region: the place its title names, else its issuer's; 全国 for central organs (or a
    national organ heading the title); else the province its 文号 names (鲁政办发 → 山东省, 国办发 →
    全国). The same rule for a plan and for a citation of it, as the region is part of the plan's id."""
    region = region_of(title or "") or (region_of(issuer) if issuer else None)
    if region is None and (NATIONAL_OPENING.match((title or "") + (issuer or ""))
                           or anatomy.NATIONAL_ORGAN.match(title or "")):
        region = "全国"
    if region is None and doc_number:
        if NATIONAL_DOC_PREFIX.match(doc_number):
            region = "全国"
        elif PROVINCIAL_DOC_PREFIX.match(doc_number):
            region = anatomy.PROVINCE_BY_DOC_PREFIX.get(doc_number[:1])
    return region


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


def _period(title: str, text: str, issued: Optional[str], doc_number: Optional[str]) -> tuple[Optional[int], Optional[int]]:
    """The plan period: from the title (2024—2026年, “十四五”, 2025年), else stated in the opening of
    the text (规划期为2025—2035年), else, for a plan of one year (年底前, 年内 with no year), the
    year of issue (its date or its 文号). A notice, report or interpretation has only the range its
    title names (the 批复 of a 规划（2018—2035年）), never a single year or a 十四五 (关于2019年…安排的
    通知, a 解读 of a 《“十四五”…方案》)."""
    period = PERIOD.search(title)
    if period:
        return int(period.group(1)), int(period.group(2))
    if doc_type(title) not in ("plan", "policy_measures", "unknown"):
        return None, None
    five = periods.FIVE_YEAR_PLAN.search(title)
    if five:
        start = five_year_plan_start(five.group(1))
        if start:
            return start, start + 4
    single = SINGLE_YEAR.search(title)
    if single:
        return int(single.group(1)), int(single.group(1))
    stated = periods.STATED_PERIOD.search(text[:2000])
    if stated:
        return int(stated.group(1)), int(stated.group(2))
    if doc_type(title) == "plan" and periods.THIS_YEAR.search(text) \
            and not SINGLE_YEAR.search(text[:3000].replace("年底前", "")):
        year = issued[:4] if issued else (YEAR_DIGITS.search(doc_number or "") or [None])[0]
        if year:
            return int(year), int(year)
    return None, None


def five_year_plan_start(numeral: str) -> Optional[int]:
    """十四五 → 2021: the Nth five-year plan (from the third, 1966–1970, on) starts in 1966 + 5(N−3)."""
    n = {"十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16, "九": 9, "十": 10}.get(numeral)
    return 1966 + 5 * (n - 3) if n else None


def _signature(lines: list[_Line]) -> tuple[Optional[str], Optional[str]]:
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


def _doc_number(lines: list[_Line], body_idx: int, notice_title: Optional[str]) -> Optional[str]:
    """The 文号: in a notice's head, else on a line right under a bare plan's title."""

    doc_number = None
    m = DOC_NUMBER_RE.search("\n".join(ln.text for ln in lines[: max(body_idx, 1)])) if notice_title else None
    if m:
        doc_number = WHITESPACE.sub("", m.group(0))
    elif notice_title is None:
        # A bare plan sometimes carries its own 文号 right under the title.
        for ln in lines[body_idx: body_idx + 2]:
            if DOC_NUMBER_RE.fullmatch(ln.text):
                doc_number = WHITESPACE.sub("", ln.text)
    return doc_number


def _issuer(lines: list[_Line], body_idx: int, notice_title: Optional[str],
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
    if issuer is None and title:
        by = TITLE_ISSUER.match(title)  # 国务院关于促进……的意见
        issuer = by.group(1) if by else None
    return issuer, issued


def _sections(body_lines: list[_Line], text: str, doc_id: str) -> tuple[list[Section], Optional[int]]:
    """The heading tree (a marker style met again closes the deeper levels) and where the first
    heading starts."""

    styles: list[str] = []
    stack: list[Section] = []
    sections: list[Section] = []
    first_heading_at = None
    for ln in body_lines:
        hit = _match_marker(ln.text) if "\t" not in ln.text else None  # a table row is no heading
        if not hit:
            continue
        style, marker_end = hit
        if style in styles:
            depth = styles.index(style) + 1
            del styles[depth:]
        else:
            styles.append(style)
            depth = len(styles)
        while stack and stack[-1].depth >= depth:
            stack.pop()
        heading, _only = _heading_title(ln.text[marker_end:])
        parent = stack[-1] if stack else None
        path = (parent.path if parent else []) + [heading]
        section = Section(
            id=record_id("section", doc_id, len(sections), heading),
            marker=ln.text[:marker_end].strip(), depth=depth, title=heading, path=path,
            parent_id=parent.id if parent else None, start=ln.start, end=len(text),
        )
        sections.append(section)
        stack.append(section)
        if first_heading_at is None:
            first_heading_at = ln.start
    # Section ends: the start of the next heading at the same or a higher level.
    for i, sec in enumerate(sections):
        for j in range(i + 1, len(sections)):  # not sections[i + 1:]: a copy per section is quadratic
            if sections[j].depth <= sec.depth:
                sec.end = sections[j].start
                break
    return sections, first_heading_at


def _parents(preamble: str, title: Optional[str], notice_title: Optional[str]) -> list[ParentPlan]:
    """Parent plans: 《…》 cited in the preamble (and the notice sentence), other than the plan itself."""

    own = {TITLE_NOISE.sub("", t) for t in (title or "", notice_title or "") if t}
    parents: list[ParentPlan] = []
    seen = set()
    for cm in CITED.finditer(preamble):
        cited = cm.group("title")
        key = TITLE_NOISE.sub("", cited)
        if key in own or key in seen:
            continue
        seen.add(key)
        parents.append(_parent_plan(cited, cm.group("no"), preamble[max(0, cm.start() - 40): cm.start()]))
    return parents


def outline(seg: SegmentedDocument) -> OutlinedDocument:
    """Plan metadata and the heading tree of a segmented document."""
    norm = seg.norm
    text = norm.text
    doc_id = seg.raw.doc_id
    lines = _lines(text)
    warnings: list[Warning] = []

    title, title_span, body_idx, notice_title = _find_title(lines)
    if title is None:  # a text whose lines were lost (OCR, a copied page): the title inside it
        found = TITLE_IN_TEXT.search(text[:400])
        title = found.group(0) if found else None
    doc_number = _doc_number(lines, body_idx, notice_title)
    issuer, issued = _issuer(lines, body_idx, notice_title, title)
    if title is None:
        warnings.append(Warning(code="no_title", message="no plan title found"))
    # The period comes from the title (or the line under it), never from cited documents.
    period_start, period_end = _period(title or "", text, issued, doc_number)
    if ZERO_YEAR.search(text):
        warnings.append(Warning(code="other", message="a garbled year (such as 0402年) was not read as a date"))
    region = plan_region(title, issuer, doc_number)

    # Headings: everything after the title line.
    body_lines = lines[body_idx:] if title_span else lines
    sections, first_heading_at = _sections(body_lines, text, doc_id)
    if not sections:
        warnings.append(Warning(code="no_outline", message="no numbered headings found"))

    # Parent plans come from the preamble: the text before the first heading.
    pre_end = first_heading_at if first_heading_at is not None else min(len(text), 600)
    parents = _parents(text[:pre_end], title, notice_title)
    plan_title = title or seg.raw.path
    plan = Plan(
        id=plan_id(plan_title, doc_number, region), title=plan_title, region=region,
        level=level_of(region, issuer), period_start=period_start, period_end=period_end,
        issuer=issuer, doc_number=doc_number, issued_date=issued, doc_type=doc_type(title),
        posted_date=_posted_date(seg.raw.dropped), parent_plans=parents,
    )
    return OutlinedDocument(seg=seg, plan=plan, sections=sections,
                            body_start=title_span[1] if title_span else 0,
                            warnings=warnings, title_span=title_span)
