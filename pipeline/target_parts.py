"""The parts of a numeric target once its amount and metric are found: comparator, kind, the
names of a listed metric, a list's shared modifier, running totals and a carried recurrence
(pipeline/targets.py places the amounts; these say what they are)."""
from __future__ import annotations

from typing import Optional

from .deadlines import recurrence_of
from .numbers import Quantity
from .rules import comparators
from .rules import targets as grammar
from .rules.targets import (
    AMOUNT_CHAR,
    GROWTH_RATE_WORD,
    GROWTH_WORD,
    LIST_SEP,
    RATE_WORD,
    RISE_TO,
)
from .rules.units import RATIO_COLON
from .segment import jieba_tokenizer
from .target_base import FoundTarget, clean_metric


def enumerated(before: str, value: Optional[float]) -> bool:
    """Whether a count right after a list of names only says how many names were listed."""
    m = grammar.ENUMERATION.search(before)
    if not m or value is None:
        return False
    return len(LIST_SEP.split(m.group(1))) == value


def running_totals(found: list[FoundTarget], sent: tuple[int, int]) -> None:
    """新增国际标准12项……国际标准达到52项: a count of what the same sentence adds to is its running
    total (cumulative)."""
    here = [t for t in found if t.sentence == sent]
    added = {t.metric.replace("的", "") for t in here if t.kind == "increment"}
    for t in here:
        if t.kind == "count" and t.metric.replace("的", "") in added:
            t.kind = "cumulative"


def carried_recurrence(text: str, s_clauses: list[tuple[int, int]], clause: tuple[int, int]) -> str:
    """每年 opening an earlier clause of the sentence governs the clauses after it (每年引进品牌首店
    20家，举办促消费活动30场; 每年新引进项目1个，总部企业1家): only a clause without a verb of its
    own or with an event verb (举办, 开展) takes it, and not if a clause between has a time of its own (到2026年, 累计, 每季度),
    a subject of its own (全县…) or states a level (达到, 比重), or a ； parts them."""
    own = text[clause[0]:clause[1]]
    if grammar.VERB_RE.search(own) and not grammar.EVENT_VERB.search(own):
        return "none"  # 建设实训基地15个 after 每年培训…: a stock of its own, not a yearly act
    for c in reversed([c for c in s_clauses if c[1] <= clause[0]] + [clause]):
        if "；" in text[c[1]:clause[0]]:
            return "none"
        opening = grammar.RECURRENCE_OPENING.match(text, c[0], c[1])
        if opening and c != clause:
            return recurrence_of(opening.group(0))
        if grammar.OWN_TIME.search(text, *c) or grammar.NOT_CARRIED.search(text, *c):
            return "none"
    return "none"


def shared_head(first: str, item: str) -> str:
    """A later item of a list takes the modifier of the first (主导或参与制修订国际标准12项、国家标准
    140项 → 主导或参与制修订国家标准): where the first ends like the item (same last two characters
    and the same length tail), and the item is short."""
    n = len(item)
    if 2 <= n <= 6 and len(first) >= n + 2 and first[-2:] == item[-2:] and first[-n:] != item \
            and not AMOUNT_CHAR.search(first[-n - 1:] + item):
        return first[:-n] + item
    return item


def strip_predicates(metric: str) -> str:
    """The noun phrase without a verb in front of it (推出精品线路 → 精品线路) or a predicate after
    it (分支机构在本区落户 → 分支机构), where a name of two characters or more is left."""
    for pattern in (grammar.BA_OBJECT, grammar.FUNDING_SUBJECT, grammar.LEADING_VERB, grammar.TRAILING_PREDICATE):
        m = pattern.search(metric)
        if m and len(metric) - (m.end() - m.start()) >= 2:
            metric = metric[:m.start()] + metric[m.end():]
    return grammar.LEAD_NOISE.sub("", metric) or metric


def comparator_of(before: str, after: str, q: Quantity, verb: Optional[str]) -> str:
    if q.value_max is not None:
        return "range"
    suffix = grammar.SUFFIX_RE.match(after)
    if suffix:
        word = suffix.group(0)
        if word in ("以上", "及以上", "多"):
            return "ge"
        if word in ("左右", "上下"):
            return "approx"
        return "le"
    if grammar.PREFIX_APPROX.search(before) and not before.endswith(("超", "逾")):
        return "approx"
    for word, cmp in comparators.CMP_WORDS:
        if verb == word or before.endswith(word):
            return cmp
    return "eq"


def kind_of(clause_before: str, q: Quantity, verb: Optional[str]) -> str:
    if q.category == "points":  # 比重提高2个百分点 is a share; 增速高于…1个百分点 a growth rate
        return "growth_rate" if GROWTH_RATE_WORD.search(clause_before) else "share"
    if q.category == "percent":
        if verb in grammar.RATE_VERBS or RATE_WORD.search(clause_before):
            if not RISE_TO.search(clause_before):
                if not grammar.PERCENT_SHARE.search(clause_before[-6:]) or GROWTH_WORD.search(clause_before):
                    return "growth_rate"
        return "share"
    if q.category == "count" and q.value is not None and q.value != int(q.value):
        return "level"  # 每千人口医师3.8人, 托位4.5个: a density, not a count of things
    if grammar.INCREMENT.search(clause_before):
        return "increment"
    if grammar.CUMULATIVE.search(clause_before):
        return "cumulative"
    return "count" if q.category == "count" else "level"


def split_list(metric: str, n: int) -> list[str]:
    """One name per item of a listed metric: ``国家、省、市级试点`` with n=3 → [国家级试点, 省级试点,
    市级试点] (the earlier items take the last item's tail past their own length); ``限额以上批发、零售企业`` → [限额以上批发企业,
    限额以上零售企业] (a shared qualifier and head noun go to every item); ``新型研发机构、示范企业``
    (whole names) stay as they are; ``花生种植、收获机械化率`` → [花生种植机械化率, 花生收获机械化率] (the
    first item holds a shared prefix, the last a shared head, cut after its first word)."""
    parts = [p for p in LIST_SEP.split(metric) if p]
    if len(parts) != n:
        return [metric] * n
    shortest = min(len(p) for p in parts[:-1])
    word = jieba_tokenizer().lcut(parts[-1])[0]
    head_tail = parts[-1][len(word):]
    if len(word) < shortest and len(head_tail) >= 2 and not grammar.HEAD_NOUN.search(head_tail) \
            and not any(grammar.HEAD_NOUN.search(p) for p in parts[:-1]):
        prefix = parts[0][:-len(word)]
        middle = [(prefix + p if len(p) == len(word) else p) + head_tail for p in parts[1:-1]]
        return [parts[0] + head_tail, *middle, prefix + parts[-1]]
    suffix = parts[-1][shortest:] if len(parts[-1]) > shortest else ""
    if not (grammar.HEAD_NOUN.search(suffix) and any(grammar.HEAD_NOUN.search(p) for p in parts[:-1])):
        parts = [p + suffix for p in parts[:-1]] + [parts[-1]]  # never a second head (机构+示范企业)
    head = grammar.HEAD_NOUN.search(parts[-1])
    if head and head.start() > 0:
        parts = [p if grammar.HEAD_NOUN.search(p) else p + head.group(0) for p in parts]
    qualifier = grammar.LIST_QUALIFIER.match(parts[0])
    if qualifier:
        parts = [p if grammar.LIST_QUALIFIER.match(p) else qualifier.group(0) + p for p in parts]
    return parts


def joined_ratios(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses with a ratio's colon (医护比达到1:1.2) joined again: the colon parts a ratio's terms,
    not two clauses."""
    out: list[tuple[int, int]] = []
    for c in spans:
        if out and RATIO_COLON.match(text, max(0, c[0] - 2)) :
            out[-1] = (out[-1][0], c[1])
        else:
            out.append(c)
    return out


def share_of(before: str, after: str, q: Quantity) -> Optional[tuple[str, int]]:
    """A share stated before what it counts (全省50%以上的文化馆具备数字服务能力): the metric (具备数字
    服务能力的文化馆) and where it ends in ``after``, or None."""
    if q.category != "percent":
        return None
    phased = grammar.PHASED_SHARE_AFTER.match(after)
    skip = phased.end() if phased and "、" in phased.group(0) else 0
    m = grammar.SHARE_OF.match(after[skip:])
    if not m or not (grammar.SHARE_SCOPE.match(clean_metric(before)[0]) or grammar.PHASED_SHARE_BEFORE.match(before)):
        return None
    pred = m.group("pred").rstrip("，、；。 ")
    return pred + "的" + (m.group("noun") or m.group("bare")), skip + m.start("pred") + len(pred)


def product_named(clause_text: str) -> Optional[str]:
    """The product a clause with no amount names (研发高端AI芯片 → 高端AI芯片), or None."""
    m = grammar.PRODUCT_CLAUSE.match(clause_text.rstrip("，、；。 "))
    return m.group("name") if m else None



def shared_tail(found: list[FoundTarget], text: str) -> None:
    """Number-first items of one list sharing the last one's tail (完成1项国标、2项行标、26项企标制修订
    → 国标制修订, 行标制修订, 企标制修订): where the items touch (only 、 between), share a unit, the
    earlier names are of one length and end like the last one's start, and the last is that long plus
    a tail of two characters or more."""
    if len(found) < 2 or len({t.unit for t in found}) != 1:
        return
    n = len(found[0].metric)
    *earlier, last = found
    if not 1 <= n <= 4 or any(len(t.metric) != n for t in earlier) or len(last.metric) < n + 2:
        return
    if any(text[a.end:b.start] != "、" for a, b in zip(found, found[1:])):
        return
    if len({t.metric[n - 1] for t in found}) != 1:
        return  # the items are words of one kind (国标, 行标, 企标), not 园区、创新平台
    tail = last.metric[n:]
    for t in earlier:
        t.metric += tail


def done_list(found: list[FoundTarget], text: str) -> None:
    """Number-first items after 完成 sharing one act after the last (完成20座历史文化名城、60处历史文化
    街区保护规划编制报批工作 → 完成保护规划编制报批的历史文化名城, …的历史文化街区): where the items
    touch (only 、 between), the earlier names are of one length and the last is that long plus an act."""
    if len(found) < 2 or not text.startswith("完成", found[0].start):
        return
    n = len(found[0].metric)
    *earlier, last = found
    if not 2 <= n <= 8 or any(len(t.metric) != n for t in earlier) or len(last.metric) < n + 2:
        return
    if any(text[a.end:b.start] != "、" for a, b in zip(found, found[1:])):
        return
    act = last.metric[n:]
    if not grammar.DONE_ACT.search(act):
        return
    for t in found:
        t.metric = "完成" + act + "的" + t.metric[:n]
