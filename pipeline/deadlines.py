"""Deadline phrases → ISO dates, and the recurrence words that make a target repeat.

We evaluated JioNLP's ``parse_time``: it is large (a heavy dependency tree for one function) and,
as the issue warned, it drops the 到 of 到2026年 inside sentences, which is exactly the marker that
separates a deadline from a baseline year. The forms plans use are few and regular, so the table
below covers them with the rule that produced each date.
"""
from __future__ import annotations

import calendar
from typing import NamedTuple, Optional

from .rules.dates import (
    BASE_BEFORE,
    DATE_RE,
    DEADLINE_RE,
    MONTH_DAY_BEFORE,
    PERIOD_RANGE,
    RANGE_AFTER,
    RECURRENCE,
    THIS_YEAR,
    YEARS_FROM_ISSUE,
    year_end,
)

#: Words that may introduce a deadline, looked up right before its year (the longest one wins).
_PREFIXES = ("截止到", "力争到", "预计到", "争取到", "截至", "截止", "力争", "到", "至", "于", "在")
_QUARTER = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12}


class DeadlinePhrase(NamedTuple):
    start: int
    end: int
    date: str          # YYYY-MM-DD
    year: int
    marked: bool       # introduced by 到/至/截至 … or closed by 底/末/前/季度/月: a deadline for sure


def _last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def last_day(year: int, month: int) -> str:
    """The last day of a month, as an ISO date (2021, 9 → 2021-09-30)."""
    return _last_day(year, month)


def months_of_year(text: str, year: int) -> list[DeadlinePhrase]:
    """The month-day deadlines of ``text`` that name no year (于3月2日前, 12月底前), as dates of ``year``."""
    return _month_days(text, year) if "月" in text else []


def find_deadlines(text: str, this_year: Optional[int] = None,
                   issue_year: Optional[int] = None) -> list[DeadlinePhrase]:
    """Deadline-like date phrases in ``text``; base years (比2024年) and period ranges are skipped.
    With ``this_year`` (a plan of one year), 年底前/年内/上半年 without a year are its dates; with
    ``issue_year`` (the year the document was issued), so are 3月2日前 and 6月底前."""
    out: list[DeadlinePhrase] = _month_days(text, issue_year) if issue_year is not None and "月" in text else []
    if "年" not in text:
        return out
    if this_year is not None:
        out += _relative(text, this_year)
    floor = 0  # where the previous phrase ended: phrases never overlap
    for m in DEADLINE_RE.finditer(text):
        prefix = next((p for p in _PREFIXES if text.endswith(p, floor, m.start())), "")
        floor = m.end()
        start = m.start() - len(prefix)
        if BASE_BEFORE.search(text[max(0, start - 2):start]) and not prefix:
            continue
        if PERIOD_RANGE.search(text[max(0, start - 8):start]) or RANGE_AFTER.match(text, m.end("year")):
            continue
        year = int(m.group("year"))
        if m.group("half"):
            date = _last_day(year, 6 if m.group("half") in ("上半年", "年中") else 12)
        elif m.group("quarter"):
            date = _last_day(year, _QUARTER[m.group("quarter")])
        elif m.group("month"):
            raw = m.group("month")
            month = int(raw) if raw.isdigit() else _CN_MONTH.get(raw, 0)
            found = month_date(year, month, m.group("day"))
            if found is None:
                continue
            date = found
        else:
            date = year_end(year)
        marked = bool(prefix and prefix not in ("于", "在")) or any(
            m.group(g) for g in ("half", "quarter", "month", "end", "before"))
        out.append(DeadlinePhrase(start, m.end(), date, year, marked))
    return sorted(out) if this_year is not None else out


def _month_days(text: str, year: int) -> list[DeadlinePhrase]:
    """于3月2日前 / 6月底前 with no year: dates of the year of issue (a date that does not exist is none)."""
    found = []
    for m in MONTH_DAY_BEFORE.finditer(text):
        date = month_date(year, int(m.group("month")), m.group("day"))
        if date is not None:
            found.append(DeadlinePhrase(m.start(), m.end(), date, year, True))
    return found


def month_date(year: int, month: int, day: Optional[str]) -> Optional[str]:
    """The date of a month (its last day) or of a day in it; None when it does not exist."""
    if not 1 <= month <= 12:
        return None
    if not day:
        return _last_day(year, month)
    d = int(day)
    return f"{year:04d}-{month:02d}-{d:02d}" if 1 <= d <= calendar.monthrange(year, month)[1] else None


def _relative(text: str, year: int) -> list[DeadlinePhrase]:
    found = []
    for m in THIS_YEAR.finditer(text):
        if text.startswith("今年", m.start()) and m.end() - m.start() == 2:
            continue  # 今年 alone is a time, not a deadline
        word = m.group(0)
        month = 6 if word.endswith("上半年") else 12
        found.append(DeadlinePhrase(m.start(), m.end(), _last_day(year, month), year, True))
    return found


def years_from_issue(text: str, issued_year: Optional[int]) -> list[DeadlinePhrase]:
    """Spans of years counted from the year of issue (利用3至5年时间 in a plan issued in 2021 →
    2025-12-31): a deadline for the sentence, when the year of issue is known."""
    if issued_year is None or "年" not in text:
        return []
    out = []
    for m in YEARS_FROM_ISSUE.finditer(text):
        n = "一二三四五六七八九十".find(m.group("n")) + 1 if not m.group("n").isdigit() else int(m.group("n"))
        if m.group("n") == "两":
            n = 2
        if 1 <= n <= 10:
            year = issued_year + n - 1
            out.append(DeadlinePhrase(m.start(), m.end(), year_end(year), year, True))
    return out


def misprinted_dates(text: str) -> list[tuple[int, int]]:
    """Spans of dates that do not exist (2025年2月30日, 2025年13月): they are no deadline, and the
    reader should know one was ignored."""
    out = []
    for m in DATE_RE.finditer(text):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or (m.group(3) and not 1 <= int(m.group(3)) <= calendar.monthrange(year, month)[1]):
            out.append((m.start(), m.end()))
    return out


def period_end_date(year: Optional[int]) -> Optional[str]:
    return None if year is None else year_end(year)


def recurrence_of(text: str) -> str:
    """``annual``/``quarterly``/``monthly`` when the text says 每年/每季度/每月, else ``none``.

    年均增长 (an average rate) is deliberately not a recurrence.
    """
    for pattern, name in RECURRENCE:
        if pattern.search(text):
            return name
    return "none"
