"""Date phrases: years, months, 年底前, 上半年, recurrences (see pipeline/deadlines.py)."""
from __future__ import annotations

import re

#: A year of the calendars plans use, and the signs that join two years into a period
#: (2024—2026年, 2021至2025年, 2024-2026): the one spelling every period shape is built from.
YEAR_NUMBER = r"(?:19|20)\d{2}"
RANGE_SIGN = r"(?:—|–|-|－|~|～|至|到)"

# --- deadlines ---

YEAR = f"(?P<year>{YEAR_NUMBER})\\s*年"
# Anchored at the year: a leading optional prefix group made the engine try every position.
DEADLINE_RE = re.compile(
    YEAR + r"\s*(?:"
    r"(?P<half>上半年|下半年|年中)"
    r"|(?:第)?(?P<quarter>[一二三四1234])季度(?:末)?"
    r"|(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月(?:\s*(?P<day>\d{1,2})\s*日|份|底|末)?"
    r"|(?P<end>底|末|年底|年末)"
    r")?(?P<before>前|之前|以前)?"
)
# A year that is a base of comparison, not a deadline: 比2024年增长…, 较2023年…, 以2023年为基数.
BASE_BEFORE = re.compile(r"(?:比|较|相比|与|同|以|和|对比|基于|在)$")
#: A year and a range sign just before a year (2024—2026年): that year ends a period, not a deadline.
PERIOD_RANGE = re.compile(YEAR_NUMBER + r"\s*" + RANGE_SIGN + r"\s*$")
RANGE_AFTER = re.compile(r"\s*" + RANGE_SIGN + r"\s*" + YEAR_NUMBER)  # matched at a position
#: A written calendar date, checked by ``misprinted_dates``.
DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
#: Deadlines that name no year (年底前, 年内, 今年上半年): the year of a one-year plan. Not the 底前 of
#: a month (11月底前: MONTH_DAY_BEFORE's).
THIS_YEAR = re.compile(r"(?<![\d年月〇零一二三四五六七八九])(?:今年|本年度?)?(?:年底前|年末前|年内|上半年|下半年|底前)")
#: A month-day deadline that names no year (于3月2日前, 6月底前): the year the document was issued.
MONTH_DAY_BEFORE = re.compile(
    r"(?<![\d年月日.])(?P<month>\d{1,2})\s*月\s*(?:(?P<day>\d{1,2})\s*日\s*(?:前|之前|以前)|[底末]\s*(?:前|之前|以前)?)"
)
#: A span of years from the year of issue (利用3至5年时间, 力争用三年时间, 经过5年努力, 3年内): its
#: last year is the deadline (issued 2021, 用3年时间 → 2023-12-31).
YEARS_FROM_ISSUE = re.compile(
    r"(?:用|利用|经过|通过)(?:(?P<low>[\d一二两三四五六七八九十])(?:至|到|—|-|～|~))?(?P<n>[\d一二两三四五六七八九十])"
    r"年(?:左右)?(?:的)?(?:时间|努力)"
)
#: Recurrence words and what they mean (每年 → annual).
RECURRENCE = (
    (re.compile(r"每年|年年|逐年|每一年"), "annual"),
    (re.compile(r"每季度|每个季度|逐季"), "quarterly"),
    (re.compile(r"每月|每个月|逐月"), "monthly"),
)


# --- shapes the functions test text against ---

#: Four digits of a year.
YEAR_DIGITS = re.compile(YEAR_NUMBER)
#: A year starting with 0 (0225年): the digits of a year mangled by a converter.
ZERO_YEAR = re.compile(r"(?<![\d.])0\d{3}\s*年")


def year_end(year: int) -> str:
    """The date a deadline stated as a year means (到2025年 → 2025-12-31): the one place it is written."""
    return f"{year:04d}-12-31"
