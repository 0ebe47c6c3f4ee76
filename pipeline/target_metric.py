"""Where a group of amounts' metric is and how it is stated: the verb that governs the amounts,
a name before them (新增专精特新企业40家), after them (建设6个公共服务平台), in a list (培育A企业5家、
B企业30家), against a reference (高于全市平均水平1个百分点) or as a share of a subject (新建住宅实现100%
全装修交付); None when the amounts only qualify a metric (营收过10亿元企业5家)."""
from __future__ import annotations

from typing import NamedTuple, Optional

from .numbers import Quantity
from .rules import targets as grammar
from .rules.targets import GAP_WORDS, NOUN_AFTER, NOUN_AFTER_DE, REACH_VERB


class MetricParts(NamedTuple):
    """Where a group's metric is and how it is stated (see metric_parts)."""

    verb: Optional[str]
    gap_clean: str
    metric_raw: str
    m_start: int                 # where the metric starts in the clause
    noun_end: Optional[int]      # where a metric written after the amount ends
    relative_to: Optional[str]
    named_by_predicate: bool


def metric_parts(c_text: str, before: str, after: str, first: Quantity, last: Quantity,
                  qs: list[Quantity], later_exists: bool, prev_emitted: Optional[int]) -> Optional[MetricParts]:
    """The verb and the metric of one group of amounts in a clause, or None when the amounts
    only qualify the metric (营收过10亿元企业5家, 15个攻势的专项资金…)."""
    verb_m = None
    other_starts = {q.start for q in qs if q.start < first.start}
    for vm in grammar.VERB_RE.finditer(before):
        if grammar.QUALIFIER_VERB.match(before[vm.end():]):
            continue  # 超亿元的 / 过10亿元的: a qualifier, not the target's verb
        if vm.end() + len(before[vm.end():]) - len(before[vm.end():].lstrip("约近 ")) in other_starts:
            continue  # 超10亿元企业5家: this verb belongs to the qualifying amount
        if verb_m and vm.end() == len(before.rstrip()) and vm.group(0) in grammar.ACT_NOUNS \
                and grammar.NAME_BETWEEN.fullmatch(before, verb_m.end(), vm.start()):
            break  # 完成线路隐患整治120处: the act is part of what is counted, 完成 is the verb
        verb_m = vm
    verb = verb_m.group(0) if verb_m else None
    gap = before[verb_m.end():] if verb_m else before
    gap_clean = GAP_WORDS.sub("", gap.strip())
    if gap_clean and grammar.VERBS_ONLY.fullmatch(gap_clean):
        gap_clean = ""  # 培育壮大30家…企业: two verbs, the thing counted comes after the number
    rest = grammar.SUFFIX_RE.sub("", after)
    noun_after = NOUN_AFTER.match(rest)
    if noun_after and later_exists and first.category in ("money", "measure", "percent") \
            and not (verb and not gap_clean and verb in grammar.BUILD_VERBS):
        return None  # 营收过10亿元企业5家: the first amount qualifies the metric
    noun_end: Optional[int] = None
    relative_to: Optional[str] = None
    named_by_predicate = False
    # A、B和N项… or A、B等N项…: the amount counts what the noun after it names (the names before 等
    # are examples of it).
    listed = before.rstrip().endswith(("、", "和", "及", "与")) and noun_after is not None
    listed = listed or (noun_after is not None and grammar.EXAMPLES_BEFORE.search(before) is not None)
    if noun_after and NOUN_AFTER_DE.match(rest) and later_exists:
        return None  # 15个攻势的专项资金达244亿元: the count qualifies the metric
    done = grammar.DONE_OBJECT.match(rest) if verb in grammar.DONE_VERBS and not gap_clean \
        and first.category in ("count", "measure") else None
    if done:  # 完成1万个行政村的环境综合整治 → 完成环境综合整治的行政村
        metric_raw, named_by_predicate = (verb or "") + done.group("act") + "的" + done.group("noun"), True
        m_start = verb_m.start() if verb_m else first.start
        noun_end = last.end + len(after) - len(rest) + done.end()
    elif listed and noun_after and first.category == "count":  # listed implies noun_after
        metric_raw = REACH_VERB.split(noun_after.group(0))[0] or noun_after.group(0)
        m_start = first.start
        noun_end = last.end + len(after) - len(rest) + len(metric_raw)
        served = grammar.SERVED_AFTER.match(metric_raw)
        if served:  # A、B等58项事项异地办理 → 异地办理的事项
            metric_raw, named_by_predicate = served.group("act") + "的" + served.group("noun"), True
    elif verb_m and prev_emitted is not None and verb_m.start() < prev_emitted:
        # 培育A企业5家、B企业30家: the verb governs a list; B's metric starts after 5家、
        prev_end = prev_emitted
        prev_end += len(before[prev_end:]) - len(grammar.SUFFIX_RE.sub("", before[prev_end:]))
        metric_raw = before[prev_end:].strip("、，和及与 ")
        m_start = prev_end + len(before[prev_end:]) - len(before[prev_end:].lstrip("、，和及与 "))
    elif verb_m and gap_clean and grammar.RELATIVE_REF.fullmatch(gap_clean):
        # 增速高于全市平均水平1个百分点: measured against a reference, not a metric
        relative_to = gap_clean
        head = before[:verb_m.start()]
        metric_raw = head
        m_start = len(head) - len(head.lstrip("，、 ")) if head else first.start
    elif verb_m and first.category == "percent" and gap_clean.endswith("的") and len(gap_clean) > 2 \
            and grammar.NAME_CHAR.search(before[:verb_m.start()]) and not later_exists:
        # 把应收账款控制在当月营收的30%以内: a share of a reference → 应收账款占当月营收比例
        head = before[:verb_m.start()]
        metric_raw = head + "占" + gap_clean[:-1] + "比例"
        m_start = len(head) - len(head.lstrip("，、 "))
    elif verb_m and noun_after and first.category == "count" and grammar.ACT_GAP.fullmatch(gap_clean):
        # 新增投产15项工程: the act before the number and the noun after it name what is counted
        verb_in = grammar.PREDICATE_VERB.search(noun_after.group(0), 1)
        noun = noun_after.group(0)[:verb_in.start()] if verb_in else noun_after.group(0)
        metric_raw, named_by_predicate = gap_clean + noun, True
        m_start = verb_m.start()
        noun_end = last.end + len(after) - len(rest) + len(noun)
    elif verb_m and gap_clean and not grammar.BASE_YEAR.fullmatch(gap_clean):
        metric_raw = gap_clean  # 新增专精特新企业40家
        head = before[:verb_m.start()]
        if verb in grammar.COUNTED_ACTS:
            metric_raw = verb + gap_clean  # 培训养老护理员2000人次: the act is counted
        elif verb in grammar.FORMING_VERBS and gap_clean.endswith("能力") and grammar.NAME_CHAR.search(head):
            # 脱硫工程形成脱硫能力30万吨: the capacity that what is named before forms
            metric_raw, named_by_predicate = head + verb + gap_clean, True
            m_start = len(head) - len(head.lstrip("，、 "))
        elif verb in grammar.DONE_VERBS and first.category == "percent":
            metric_raw, named_by_predicate = verb + gap_clean, True  # 完成年计划80%: the share done
        m_start = verb_m.start()
    elif noun_after and (not verb_m or not gap_clean) \
            and first.category == "count" and not before.strip(" ，").endswith(("达到", "达")):
        metric_raw = noun_after.group(0)  # 建设6个公共服务平台 / 3个街区达到……
        verb_in = grammar.PREDICATE_VERB.search(metric_raw, 1)
        metric_raw = metric_raw[:verb_in.start()] if verb_in else metric_raw
        if later_exists and metric_raw.endswith(("和", "及", "与")) and not verb_in:
            metric_raw = metric_raw[:-1]  # 50所高水平学校和150个骨干专业: the 和 joins the next amount
        m_start = verb_m.start() if verb_m else first.start
        noun_end = last.end + len(after) - len(rest) + len(metric_raw)
        predicate = grammar.COUNTED_PREDICATE.match(c_text[noun_end:])
        closure = grammar.CLOSURE_VERB.search(before)
        place = grammar.BUILT_AT.search(before)
        served = grammar.SERVED_AFTER.match(metric_raw)
        if served and not predicate:  # 58项事项异地办理 → 异地办理的事项
            metric_raw, named_by_predicate = served.group("act") + "的" + served.group("noun"), True
        elif predicate:  # 3个街区达到示范街标准 → 达到示范街标准的街区
            named_by_predicate = True
            metric_raw = predicate.group(0).rstrip("，、；。 ") + "的" + metric_raw
            noun_end += len(predicate.group(0).rstrip("，、；。 "))
        elif closure:  # 关闭全省…8处煤矿 → 关闭煤矿: what is closed is counted with the act
            metric_raw, named_by_predicate = closure.group(0) + metric_raw, True
            m_start = closure.start()
        elif place:  # 在重点县建设30个电气化项目 → 重点县电气化项目
            metric_raw, m_start = place.group("place") + metric_raw, place.start("place")
    else:
        head = before[:verb_m.start()] if verb_m else before
        offset = 0
        if prev_emitted is not None and prev_emitted < len(head):
            # 国际标准达到52项、国家标准达到580项: the second metric starts after 52项、
            offset = prev_emitted + len(head[prev_emitted:]) - len(grammar.SUFFIX_RE.sub("", head[prev_emitted:]))
            head = head[offset:]
        else:
            listed_amount = None
            for listed_amount in grammar.AMOUNT_LISTED.finditer(head):
                pass
            if listed_amount:  # 炼钢产能}886万吨、炼铁产能1975万吨 (the first amount unreadable): after it
                offset = listed_amount.end()
                head = head[offset:]
        metric_raw = head + (verb if verb in grammar.COUNTED_ACTS else "")  # 职业技能培训3万人次
        if verb in grammar.RATE_VERBS and grammar.BASE_YEAR_END.search(head):
            metric_raw = head + verb  # 能耗比2020年下降8.8%: the change against a base year
        m_start = offset + len(head) - len(head.lstrip("，、和及与 ")) if head else first.start
        if noun_after and not later_exists and first.category == "percent" and verb in grammar.SHARE_VERBS \
                and head.strip("，、 "):
            # 新建住宅实现100%全装修交付: the share of 新建住宅 delivered so; the head keeps its verb
            metric_raw, named_by_predicate = head + noun_after.group(0), True
            noun_end = last.end + len(after) - len(rest) + len(noun_after.group(0))
    return MetricParts(verb, gap_clean, metric_raw, m_start, noun_end, relative_to, named_by_predicate)
