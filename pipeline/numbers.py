"""Numbers with units in normalized text: Arabic, Chinese numerals (cn2an), scales, ranges, lists.

A *quantity* is a number followed by a unit word from the conventions (亿元, %, 个百分点, 家, 万人次 …).
Numbers without a unit (years, document numbers, ordinals, labels) are never quantities.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

import cn2an

from .rules.units import (
    AMOUNT_CLOSE,
    BARE_HUNDREDS,
    BARE_SCALE,
    CN_DIGITS,
    COUNTED_BEFORE,
    COUNTING_VERB_BEFORE,
    DURATION_GOAL,
    FRACTION_AR,
    FRACTION_CN,
    GARBLED_BEFORE,
    GARBLED_NUMBER,
    HALF_MONTH,
    LABEL_AFTER,
    LONE_ZERO,
    MAGNITUDE_LEVEL,
    ORDINAL_BEFORE,
    PLACE_AFTER_TAI,
    QUANTITY_RE,
    RANGE_SEP_RE,
    RATIO,
    RATIO_WORD_BEFORE,
    TIME_VERB,
    UNIT_TABLE,
    VOLTAGE_UNITS,
)


class Quantity(NamedTuple):
    """An amount found in text (a NamedTuple: immutable, and several times cheaper to make than a
    frozen dataclass; documents hold thousands)."""

    start: int
    end: int
    value: float
    value_max: Optional[float]
    unit: str            # as written, e.g. 亿元
    base_unit: str       # e.g. 元
    factor: float        # unit → base unit
    category: str        # money | percent | points | measure | count
    chinese: bool        # written with Chinese numerals

    @property
    def normalized(self) -> Optional[float]:
        return None if self.value is None else self.value * self.factor


def parse_number(text: str) -> Optional[float]:
    """An Arabic or Chinese numeral (with 万/亿 scales) as a float, or None."""
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    try:
        return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def _clean(value: float) -> float:
    return float(round(value, 6))


def _shares_and_ratios(text: str) -> list[Quantity]:
    """Fractions (三分之一, 1/3: value the numerator, unit ``/3``, normalized in %) and ratios after a
    word of proportion (比例1∶4000: value 4000, unit ``1:``, normalized a/b): written with their fixed
    part as the unit, so the value is the number the text states."""
    out: list[Quantity] = []
    for m in [*FRACTION_CN.finditer(text), *FRACTION_AR.finditer(text)] if ("分之" in text or "/" in text) else ():
        num, den = parse_number(m.group("num")), parse_number(m.group("den"))
        if num is None or not den or num >= den:
            continue
        if "scale" in m.groupdict() and m.group("scale"):  # 12/10万: a rate per 100,000
            out.append(Quantity(m.start(), m.end(), _clean(num), None, "/" + m.group("den"), "/" + m.group("den"),
                                1.0, "measure", False))
            continue
        out.append(Quantity(m.start(), m.end(), _clean(num), None, f"/{den:g}", "%", 100.0 / den, "percent",
                            not m.group("num")[0].isdigit()))
    for m in RATIO.finditer(text) if (":" in text or "∶" in text) else ():
        a, b = float(m.group("a")), float(m.group("b"))
        if a and b and RATIO_WORD_BEFORE.search(text, 0, m.start()):
            out.append(Quantity(m.start(), m.end(), _clean(b), None, f"{a:g}:", "比值", a / b / b, "measure", False))
    return out


def may_hold_amount(text: str) -> bool:
    """A fast test: whether ``text`` may hold an amount (a number with a unit, a magnitude level, a
    fraction or a ratio); most sentences of a plan hold none."""
    return bool(QUANTITY_RE.search(text) or "级" in text or "分之" in text
                or (("/" in text or ":" in text or "∶" in text) and (FRACTION_AR.search(text) or RATIO.search(text))))


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in ``text`` that reads as an amount (not a rank, label or date)."""
    found: list[Quantity] = _shares_and_ratios(text)
    spans = [(q.start, q.end) for q in found]
    if "级" in text:
        for m in MAGNITUDE_LEVEL.finditer(text):
            factor, base, category = UNIT_TABLE[m.group("mag") + "元"]
            found.append(Quantity(m.start(), m.end(), _clean(float(m.group("num") or 1)), None,
                                  m.group("mag") + "元", base, factor, category, False))
    for m in QUANTITY_RE.finditer(text):
        num, num2, unit = m.group("num"), m.group("num2"), m.group("unit")
        start = m.start()
        if any(a <= start < b for a, b in spans):
            continue  # the 4000 of 1∶4000人
        chinese = num[0] in CN_DIGITS
        if ORDINAL_BEFORE.search(text[max(0, start - 2):start]):
            continue
        if LABEL_AFTER.match(text[m.end():m.end() + 3]):
            continue
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".．"):
            continue
        if GARBLED_NUMBER.match(num) or (start > 0 and GARBLED_BEFORE.search(text, start - 1, start)):
            continue  # }886万吨, S00万吨: OCR noise where a digit or a sign was
        if chinese:
            # Chinese numerals: skip idioms and fixed words (一体化, 一站式, 一批, 一次办好 …):
            # a lone 一/两 is an amount only when it counts something a plan builds.
            if num in ("一", "两", "二") and not COUNTING_VERB_BEFORE.search(text[max(0, start - 3):start],
            ) and not AMOUNT_CLOSE.match(text[m.end():m.end() + 3]):
                continue
            if len(num) == 1 and not COUNTED_BEFORE.search(text[max(0, start - 4):start]) \
                    and not AMOUNT_CLOSE.match(text[m.end():m.end() + 3]):
                continue  # 三项意识 / 四个方面 / 三个项目部: a small count names parts, no verb sets it
            if unit == "台" and PLACE_AFTER_TAI.match(text, m.end()):
                continue  # 九台区 / 七台河市: a place
            if LONE_ZERO.fullmatch(num):
                continue  # 零部件 / 零排放: a word (实现零排放 is a qualitative goal)
            if unit == "期":
                continue  # 二期工程 is a phase, not an amount
            if BARE_SCALE.fullmatch(num):
                # 开放百个应用场景 (a verb set it, see above): 百 and 千 alone are a hundred, a thousand
                if num not in BARE_HUNDREDS or UNIT_TABLE[unit][2] != "count":
                    continue
                num = "一" + num
        if unit in VOLTAGE_UNITS and not AMOUNT_CLOSE.match(text[m.end():m.end() + 3]):
            continue  # 110千伏变电站: a voltage class names equipment
        if UNIT_TABLE[unit][2] == "time" and not (
                TIME_VERB.search(text[max(0, start - 8):start]) or text[m.end():m.end() + 2] in ("以内", "之内")
                or DURATION_GOAL.search(text, max(0, start - 12), start)
                or (found and found[-1].category == "time" and text[found[-1].end:start].strip("以内 ") in ("、", "和"))):
            continue
        value = parse_number(num)
        if value is None:
            continue
        value_max = parse_number(num2) if num2 else None
        if num2 and value_max is None:
            continue
        factor, base, category = UNIT_TABLE[unit]
        prev = found[-1] if found else None
        if prev and prev.unit == unit and prev.value_max is None and not num2 and value > prev.value \
                and RANGE_SEP_RE.fullmatch(text, prev.end, start):
            found[-1] = prev._replace(end=m.end(), value_max=_clean(value))  # 60%—70%: one range
            continue
        found.append(Quantity(start, m.end(), _clean(value), _clean(value_max) if value_max is not None else None,
                              unit, base, factor, category, chinese))
    if "半个月" in text:
        for m in HALF_MONTH.finditer(text):
            ahead = [q for q in found if q.end <= m.start()]
            if ahead and ahead[-1].unit == "个月" and text[ahead[-1].end:m.start()] == "、":
                found.append(Quantity(m.start(), m.end(), 0.5, None, "个月", "个月", 1.0, "time", True))
        found.sort()
    return sorted(found) if ("级" in text or spans) else found


def unit_info(unit: str) -> Optional[tuple[float, str, str]]:
    """(factor to base unit, base unit, category) of a unit as written, or None if unknown."""
    return UNIT_TABLE.get(unit.strip())
