"""Numbers with units in normalized text: Arabic, Chinese numerals (cn2an), scales, ranges, lists.

A *quantity* is a number followed by a unit word from the conventions (亿元, %, 个百分点, 家, 万人次 …).
Numbers without a unit (years, document numbers, ordinals, labels) are never quantities.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Optional

import cn2an

# Units as written, longest first, with the factor and base unit of their normalized value.
# Currency and large magnitudes carry their scale (亿元 → ×1e8 元); measure words are their own base.
_SCALED = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
_BASE_UNITS = (
    # (unit, category)  category: money | percent | points | measure | count
    ("元", "money"), ("美元", "money"),
    ("%", "percent"), ("个百分点", "points"), ("百分点", "points"),
    ("人次", "count"), ("平方米", "measure"), ("平方公里", "measure"), ("公顷", "measure"),
    ("亩", "measure"), ("吨", "measure"), ("标准箱", "measure"), ("标箱", "measure"),
    ("TEU", "measure"), ("公里", "measure"), ("千米", "measure"), ("千瓦", "measure"),
    ("千瓦时", "measure"), ("度", "measure"), ("微克/立方米", "measure"), ("吨标准煤", "measure"), ("立方米", "measure"), ("倍", "measure"),
    ("家", "count"), ("个", "count"), ("项", "count"), ("件", "count"), ("条", "count"),
    ("处", "count"), ("栋", "count"), ("座", "count"), ("场次", "count"), ("场", "count"),
    ("次", "count"), ("人", "count"), ("名", "count"), ("所", "count"), ("套", "count"),
    ("台", "count"), ("户", "count"), ("张", "count"), ("间", "count"), ("辆", "count"),
    ("艘", "count"), ("架", "count"), ("部", "count"), ("款", "count"), ("种", "count"),
    ("支", "count"), ("位", "count"), ("床", "count"), ("期", "count"), ("组", "count"),
    ("批次", "count"), ("宗", "count"), ("列", "count"), ("班", "count"), ("块", "count"),
    ("片", "count"), ("区", "count"), ("园", "count"), ("街", "count"), ("村", "count"),
    # Technical units, as plans on computing, data, energy and environment write them.
    *((p + f, "measure") for p in ("E", "P", "T", "G") for f in ("FLOPS", "Flops", "flops", "FLOPS/W", "OPS", "OPS/W")),
    ("EB", "measure"), ("PB", "measure"), ("TB", "measure"), ("GB", "measure"), ("Gbps", "measure"),
    ("Mbps", "measure"), ("dB", "measure"), ("分贝", "measure"), ("MPa", "measure"), ("kPa", "measure"),
    ("Pa", "measure"), ("pT", "measure"), ("nT", "measure"), ("GW", "measure"), ("MW", "measure"),
    ("kW", "measure"), ("GWh", "measure"), ("kWh", "measure"), ("cm3/h", "measure"), ("m3/h", "measure"),
    ("立方米/小时", "measure"), ("立方米/日", "measure"), ("吨/小时", "measure"), ("吨/日", "measure"),
    ("万千瓦时", "measure"), ("兆瓦", "measure"), ("吉瓦", "measure"), ("千伏", "measure"), ("万伏", "measure"),
)
# Durations are amounts only after a verb that sets them (压缩至3个工作日以内); 24小时 is a label.
_TIME_UNITS = (("个工作日", "time"), ("工作日", "time"), ("小时", "time"), ("分钟", "time"), ("天", "time"),
               ("h", "time"))
_UNIT_TABLE: dict[str, tuple[float, str, str]] = {}
for _u, _cat in _BASE_UNITS + _TIME_UNITS:
    _UNIT_TABLE[_u] = (1.0, _u, _cat)
    if _cat in ("money", "measure", "count"):
        for _s, _f in _SCALED.items():
            # 5万家 / 120亿件 are magnitudes (level), not a handful of things (count).
            _UNIT_TABLE.setdefault(_s + _u, (_f, _u, "measure" if _cat == "count" else _cat))
_UNIT_TABLE["个百分点"] = (1.0, "百分点", "points")
_UNIT_TABLE["百分点"] = (1.0, "百分点", "points")


def _trie_pattern(words: list[str]) -> str:
    """A regex matching the longest of ``words`` at a position, factored by common prefixes.

    Same matches as the alternation of the words longest first, but the engine walks a trie
    instead of trying all 368 units after every number.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body  # greedy: a longer unit is tried first

    return walk(trie)


_UNITS_RE = _trie_pattern(list(_UNIT_TABLE))

_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = rf"[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?"
_NUMBER = rf"(?:{_ARABIC}|{_CHINESE})"
_RANGE_SEP = r"(?:—|–|-|~|～|至|到)"
# The lookahead (implied by the pattern) lets the engine skip text that holds no numeral fast.
# The lookbehinds start a number only where its run of digits (or of Chinese numerals) starts:
# a match never ends inside such a run (no unit holds a digit or ends in a numeral), and any
# match starting inside one is also found from the run's start, so nothing changes, except that
# a line of 20,000 digits no longer costs 20,000 backtracking scans of the rest of the run.
QUANTITY_RE = re.compile(
    rf"(?:(?<!\d)(?=\d)|(?<![{_CN_DIGITS}])(?=[{_CN_DIGITS}]))(?P<num>{_NUMBER})(?:(?P<sep>{_RANGE_SEP})(?P<num2>{_NUMBER}))?(?P<unit>{_UNITS_RE})"
)
# Units that never follow a number we want (time spans, ranks, labels) are simply absent above;
# words after a quantity that turn it into a label rather than an amount:
_LABEL_AFTER = re.compile(r"^(?:级|强|星|A|小时|分钟|周岁|岁|号|届|大|型|化|类|维|元化|站式|网|体化|流)")
_TIME_VERB = re.compile(r"压缩|缩短|控制在|不超过|减少|降至|降低|提速|时限|时间为|用时")
# Ordinals and time words before a number.
_ORDINAL_BEFORE = re.compile(r"(?:第|前|后|近|约前)$")


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


# A magnitude reached, written as a class (规模达到万亿级, 迈上5000亿级台阶): a level in 元.
_MAGNITUDE_LEVEL = re.compile(
    r"(?<=达到|突破|迈上|迈入|迈向|进入|跻身|形成)(?P<num>\d+(?:\.\d+)?)?(?P<mag>万亿|千亿|百亿|亿|千万|百万)级"
    r"(?=[，。；、\s]|$|规模|水平|台阶)"
)


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in ``text`` that reads as an amount (not a rank, label or date)."""
    found: list[Quantity] = []
    if "级" in text:
        for m in _MAGNITUDE_LEVEL.finditer(text):
            factor, base, category = _UNIT_TABLE[m.group("mag") + "元"]
            found.append(Quantity(m.start(), m.end(), _clean(float(m.group("num") or 1)), None,
                                  m.group("mag") + "元", base, factor, category, False))
    for m in QUANTITY_RE.finditer(text):
        num, num2, unit = m.group("num"), m.group("num2"), m.group("unit")
        start = m.start()
        chinese = num[0] in _CN_DIGITS
        if _ORDINAL_BEFORE.search(text[max(0, start - 2):start]):
            continue
        if _LABEL_AFTER.match(text[m.end():m.end() + 3]):
            continue
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".．"):
            continue
        if chinese:
            # Chinese numerals: skip idioms and fixed words (一体化, 一站式, 一批, 一次办好 …):
            # a lone 一/两 is an amount only when it counts something a plan builds.
            if num in ("一", "两", "二") and not re.search(
                r"(?:建设|打造|建成|培育|创建|引进|新增|设立|组建|形成|举办|认定|新建)$",
                text[max(0, start - 3):start],
            ) and not re.match(r"^(?:以上|左右)?(?:[，；。、]|$)", text[m.end():m.end() + 3]):
                continue
            if re.fullmatch(r"[万亿千百]+", num) or unit == "期":
                continue  # 二期工程 is a phase, not an amount
        if _UNIT_TABLE[unit][2] == "time" and not (
                _TIME_VERB.search(text[max(0, start - 8):start]) or text[m.end():m.end() + 2] in ("以内", "之内")
                or (found and found[-1].category == "time" and text[found[-1].end:start].strip("以内 ") in ("、", "和"))):
            continue
        value = parse_number(num)
        if value is None:
            continue
        value_max = parse_number(num2) if num2 else None
        if num2 and value_max is None:
            continue
        factor, base, category = _UNIT_TABLE[unit]
        found.append(Quantity(start, m.end(), _clean(value), _clean(value_max) if value_max is not None else None,
                              unit, base, factor, category, chinese))
    return sorted(found) if "级" in text else found


def unit_info(unit: str) -> Optional[tuple[float, str, str]]:
    """(factor to base unit, base unit, category) of a unit as written, or None if unknown."""
    return _UNIT_TABLE.get(unit.strip())
