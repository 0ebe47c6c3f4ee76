"""A plan's period: from its title, its text's opening, or, for a one-year plan, its year of issue."""
from __future__ import annotations

from typing import Optional

from .doctype import doc_type
from .rules import periods
from .rules.anatomy import PERIOD, SINGLE_YEAR
from .rules.dates import YEAR_DIGITS


def plan_period(title: str, text: str, issued: Optional[str], doc_number: Optional[str]) -> tuple[Optional[int], Optional[int]]:
    """The plan period: from the title (2024—2026年, “十四五”, 2025年), else stated in the opening of
    the text (规划期为2025—2035年), else, for a plan of one year (年底前, 年内 with no year), the
    year of issue (its date or its 文号). A notice, report or interpretation has only the range its
    title names (the 批复 of a 规划（2018—2035年）), never a single year or a 十四五 (关于2019年…安排的
    通知, a 解读 of a 《“十四五”…方案》)."""
    period = PERIOD.search(title)
    if period:
        return int(period.group(1)), int(period.group(2))
    glued = periods.GLUED_PERIOD.search(title)
    if glued and 1 <= int(glued.group(2)) - int(glued.group(1)) <= 15:
        return int(glued.group(1)), int(glued.group(2))
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
    stated = periods.STATED_PERIOD.search(text[:2000]) or periods.TIME_TAKEN.search(text[:6000])
    if stated:
        return int(stated.group(1)), int(stated.group(2))
    if doc_type(title) == "plan" and not periods.STANDING_POLICY_TITLE.search(title) and periods.THIS_YEAR.search(text) \
            and not SINGLE_YEAR.search(text[:3000].replace("年底前", "")):
        year = issued[:4] if issued else (YEAR_DIGITS.search(doc_number or "") or [None])[0]
        if year:
            return int(year), int(year)
    return None, None


def five_year_plan_start(numeral: str) -> Optional[int]:
    """十四五 → 2021: the Nth five-year plan (from the third, 1966–1970, on) starts in 1966 + 5(N−3)."""
    n = {"十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15, "十六": 16, "九": 9, "十": 10}.get(numeral)
    return 1966 + 5 * (n - 3) if n else None
