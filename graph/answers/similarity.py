"""Is a child plan's target the same goal as a parent plan's? Metric wording, kind and unit.

Plans at two levels word one goal differently (全区游客接待量 / 全市接待游客, 企业总数 / 企业数量), so
metrics are first normalised (scope words, meaning-neutral suffixes and leading verbs dropped),
then compared by character bigrams and characters (order-insensitive, for swapped words). Two
metrics that share only generic heads (企业, 活动, 增加值 …) are not the same goal, so a second
similarity runs on what is left once those heads are removed. The word lists are general
conventions of Chinese plans, never a particular document's metrics.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Optional

SCOPE_WORDS = ("全国", "全省", "全市", "全区", "全县", "全镇", "全街道", "我省", "我市", "我区", "我县")
# Meaning-neutral tails: 企业总数 = 企业数量 = 企业; 零售总额 = 零售; 接待量 = 接待.
SUFFIXES = ("总数", "数量", "总量", "总额", "规模", "个数", "数目")
SHORT_SUFFIXES = ("量", "数")  # dropped only when at least three characters remain
LEADING_VERBS = ("新增", "累计", "新建", "建成", "培育", "引进", "举办", "打造", "实现", "完成")
# A fund is a fund whatever it is called (专项资金, 引导资金): what it funds tells funds apart.
SYNONYMS = (("地区生产总值", "生产总值"), ("GDP", "生产总值"), ("规模以上", "规上"), ("专项资金", "资金"),
            ("引导资金", "资金"))
# Heads shared by unrelated goals; a pair must also match on what is left without them.
GENERIC_WORDS = (
    "服务业", "营业收入", "增加值", "企业", "活动", "项目", "平台", "服务", "发展", "产业", "行业",
    "收入", "体系", "工程", "中心", "建设", "比重", "比例", "占",
)
_OWNER = re.compile(r"^(?:省|市|区|县)级?(?=财政|政府)")  # 区财政每年安排… → 财政每年安排…
_PUNCT = re.compile(r"[\s\"'“”‘’《》〈〉「」『』（）()\[\]【】、，,。：:；;·]")

# Units: normalized units of one dimension compare; measure words count things, loosely alike.
PERCENT_UNITS = {"%": 1.0, "ratio": 100.0}
MEASURE_WORDS = frozenset(
    "家 个 项 件 条 处 栋 座 场 场次 次 所 套 台 户 只 批 款 支 张 部".split())
RATE_KINDS = frozenset({"growth_rate", "share"})
AMOUNT_KINDS = frozenset({"level", "count", "increment", "cumulative"})


def normalize_metric(metric: str) -> str:
    """The metric without scope words, punctuation, neutral suffixes and leading verbs."""
    text = _PUNCT.sub("", unicodedata.normalize("NFKC", metric))
    for word in SCOPE_WORDS:
        text = text.replace(word, "")
    for old, new in SYNONYMS:
        text = text.replace(old, new)
    text = _OWNER.sub("", text)
    for verb in LEADING_VERBS:
        if text.startswith(verb) and len(text) - len(verb) >= 2:
            text = text[len(verb):]
    for suffix in SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[:-len(suffix)]
            break
    else:
        for suffix in SHORT_SUFFIXES:
            if text.endswith(suffix) and len(text) - len(suffix) >= 3:
                text = text[:-len(suffix)]
    return text


def content_part(metric: str) -> str:
    """The normalised metric with generic heads replaced by a space (so no bigram spans them)."""
    text = normalize_metric(metric)
    for word in GENERIC_WORDS:
        text = text.replace(word, " ")
    return " ".join(text.split())


def _bigrams(text: str) -> Counter[str]:
    return Counter(a + b for part in text.split() for a, b in zip(part, part[1:]))


def _chars(text: str) -> Counter[str]:
    return Counter(text.replace(" ", ""))


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def metric_similarity(a: str, b: str) -> float:
    """Mean of bigram Dice and character Dice of the normalised metrics, in [0, 1]."""
    na, nb = normalize_metric(a), normalize_metric(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    bigram = _dice(_bigrams(na), _bigrams(nb)) if len(na) > 1 and len(nb) > 1 else 0.0
    return round((bigram + _dice(_chars(na), _chars(nb))) / 2, 4)


def content_similarity(a: str, b: str) -> float:
    """Character Dice of the content parts; metrics made only of generic heads must be equal."""
    ca, cb = content_part(a), content_part(b)
    if not ca or not cb:
        return 1.0 if not ca and not cb and normalize_metric(a) == normalize_metric(b) else 0.0
    return round(_dice(_chars(ca), _chars(cb)), 4)


def common_words(a: str, b: str, minimum: int = 2) -> list[str]:
    """Longest common substrings of the normalised metrics, longest first (for reasons)."""
    na, nb = normalize_metric(a), normalize_metric(b)
    found: list[str] = []
    while True:
        best = ""
        for i in range(len(na)):
            for j in range(i + len(best) + 1, len(na) + 1):
                if na[i:j] in nb:
                    best = na[i:j]
                else:
                    break
        if len(best) < minimum:
            return found
        found.append(best)
        na, nb = na.replace(best, "\x00"), nb.replace(best, "\x01")


def kinds_compatible(child: str, parent: str, strong: bool) -> bool:
    """Rates with rates of the same kind; amounts of different kinds only for a strong metric."""
    if "baseline" in (child, parent):
        return False
    if child == parent:
        return True
    return strong and child in AMOUNT_KINDS and parent in AMOUNT_KINDS


def units_compatible(child: Optional[str], parent: Optional[str]) -> Optional[str]:
    """``"same"``, ``"measure"`` (two measure words) or ``"percent"``; None when incomparable."""
    if child == parent:
        return "same"
    if child in PERCENT_UNITS and parent in PERCENT_UNITS:
        return "percent"
    if child in MEASURE_WORDS and parent in MEASURE_WORDS:
        return "measure"
    return None


def in_base_unit(value: Optional[float], unit: Optional[str]) -> Optional[float]:
    """A normalized value in the unit of its dimension's base (percent for %, ratio)."""
    if value is None:
        return None
    return value * PERCENT_UNITS.get(unit or "", 1.0)
