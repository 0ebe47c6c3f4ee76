"""Periods: five-year plans by number (十四五), stated periods, a one-year plan's undated deadlines."""
from __future__ import annotations

import re

from .dates import RANGE_SIGN, YEAR_NUMBER

#: A five-year plan named by its number: “十四五”, 十三五.
FIVE_YEAR_PLAN = re.compile(r"[“\"]?(九|十|十[一二三四五六])五[”\"]?(?:时期|期间|规划)?")
#: A period stated in the opening of a plan whose title has none: 规划期为2025—2035年, 实施期限为….
STATED_PERIOD = re.compile(
    r"(?:规划期|实施期|实施期限|执行期|期限|时间跨度)(?:限)?(?:为|是|：|:)?\s*"
    f"({YEAR_NUMBER})\\s*年?\\s*{RANGE_SIGN}\\s*({YEAR_NUMBER})\\s*年"
)
#: Deadlines of a one-year plan that name no year: 年底前, 年内, 今年.
THIS_YEAR = re.compile(r"(?<![\d年])(?:年底前|年内|今年|本年度|年末前)")
#: A period stated as the time a plan takes: 用3年时间（2021年至2023年）, 利用三年时间（2024—2026年）.
TIME_TAKEN = re.compile(
    r"用(?:\d{1,2}|[一二三四五六七八九十])年(?:左右)?(?:时间)?\s*[（(]?\s*((?:19|20)\d{2})\s*年?\s*(?:—|–|-|－|~|～|至|到)\s*"
    r"((?:19|20)\d{2})\s*年"
)
#: A period whose range sign OCR lost (（20212023年）): two years glued, read only when the second
#: follows the first by one to fifteen years (``plan_period`` checks).
GLUED_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d{2})((?:19|20)\d{2})年")
#: Titles of standing policies (…的指导意见, …办法): their 年底前 is a first step, not a one-year
#: plan's deadline, so they never take the year of issue as their period.
STANDING_POLICY_TITLE = re.compile(r"(?:意见|决定|条例|办法|规定|细则|措施)$")
