"""Goals and targets in one block of normalized text (an item's body, a goals paragraph).

Grammar (see shared/policy-text-conventions.md):
``[到2027年，][全市/全区]<metric><verb/comparator><value><unit>[以上/左右/以内]``, number-first
phrasing (建设6个平台), distribution (各10家), paired lists (2项、6项、18项), ranges (2—3家) and
qualitative goals (实现全覆盖, 居全市前列, 不低于全市平均增速). Numbers that are qualifiers inside a
metric (营收过10亿元的企业) are skipped; amounts in sentences about the past become ``baseline``.

Numeric targets here (``find_targets`` runs them, then ``goals`` for qualitative and built goals;
``target_base`` holds what both use, ``target_metric`` where a group's metric is, ``target_parts``
a found target's comparator, kind and listed names, ``target_filters`` the amounts that are no
goals); the words are in ``rules/targets``.
"""
from __future__ import annotations

from typing import Optional

from .deadlines import find_deadlines, recurrence_of, years_from_issue
from .goals import built_goals, qualitative_goals
from .numbers import Quantity, find_quantities, may_hold_amount
from .rules import non_goals
from .rules import targets as grammar
from .rules.targets import (
    EACH_BEFORE,
    FALL_BEFORE,
    GROWTH_RATE_WORD,
    LABEL_MARKER,
    LEADING_REACH,
    LIST_SEP,
    RECURRENCE_LEAD,
    SENTENCE_PUNCT,
)
from .rules.units import BARE_HUNDREDS
from .sentences import clauses, in_spans, paragraph_of, sentences
from .target_base import BlockContext, FoundTarget, Sentence, clean_metric, deadline_for
from .target_filters import history_clauses, not_a_deadline, not_a_goal, times_as_a_rule
from .target_metric import MetricParts, metric_parts
from .target_parts import (
    carried_recurrence,
    comparator_of,
    done_list,
    enumerated,
    joined_ratios,
    kind_of,
    product_named,
    running_totals,
    share_of,
    shared_head,
    shared_tail,
    split_list,
    strip_predicates,
)


def find_targets(text: str, ctx: BlockContext,
                 sents: Optional[list[tuple[int, int]]] = None) -> list[FoundTarget]:
    """Targets in ``text`` (offsets are into ``text``); ``sents``: its sentences, if known.

    Per sentence: numeric targets clause by clause, then qualitative goals (实现全覆盖, 居全市前列)
    and built goals (建成…体系) where no amount was found."""

    masked = list(ctx.masked) + [(m.start(), m.end()) for m in grammar.QUOTED.finditer(text)]
    masked += [(m.start(), m.end()) for m in grammar.RATE_DEFINITION.finditer(text)]
    masked += [(m.start(), m.end()) for m in grammar.FRAMEWORK.finditer(text)
               if not grammar.LIST_GOAL_VERB.search(text, max(0, m.start() - 4), m.start())]
    one_year = ctx.period_start if ctx.period_start is not None and ctx.period_start == ctx.period_end else None
    if ctx.period_start is None and ctx.period_end is None:
        one_year = ctx.issued_year  # 年底前 / 年内 with no period: the year the document was issued
    # 6月底前 / 年底前 with no year and no period of one year: the year of issue (a meeting's minutes)
    month_year = one_year if one_year is not None else ctx.issued_year
    dates = [d for d in find_deadlines(text, one_year, month_year) if not in_spans(d.start, masked)]
    if ctx.period_end is None:  # 利用3至5年时间: years counted from the year of issue
        dates = sorted(dates + years_from_issue(text, ctx.issued_year))
    phrases = [d for d in dates if not not_a_deadline(text, d)]
    out: list[FoundTarget] = []
    for sent in sentences(text) if sents is None else sents:
        s_text = text[sent[0]:sent[1]]
        if not (may_hold_amount(s_text) or grammar.QUAL_TRIGGER.search(s_text)
                or grammar.BUILT_TRIGGER.search(s_text)):
            continue  # no amount and no key word of a qualitative goal: most sentences of a plan
        s_phrases = [d for d in dates if sent[0] <= d.start < sent[1]]
        s_clauses = joined_ratios(text, clauses(text, *sent))
        s = Sentence(text, ctx, sent, masked, phrases, s_clauses,
                      history_clauses(text, sent, s_clauses, s_phrases, ctx), paragraph_of(text, sent[0]))
        _numeric_targets(s, out)
        running_totals(out, sent)
        qualitative_goals(s, out)
        if (ctx.goal_section or any(d.marked for d in s_phrases)) and grammar.BUILT_TRIGGER.search(s_text):
            built_goals(s, out)
    return out


def verb_before(before: str) -> bool:
    """Whether a verb of the target grammar governs an amount (新建2000个…要…: the count is set)."""
    return any(not grammar.QUALIFIER_VERB.match(before[vm.end():]) for vm in grammar.VERB_RE.finditer(before))


def _numeric_targets(s: Sentence, out: list[FoundTarget]) -> None:
    """Targets with an amount, clause by clause; a clause without a metric takes the last one's."""
    last_metric: Optional[str] = None
    for i, clause in enumerate(s.clauses):
        if not may_hold_amount(s.text[clause[0]:clause[1]]):
            continue  # no amount in this clause (the same search find_quantities starts with)
        before = s.clauses[i - 1] if i else None
        subject = product_named(s.text[before[0]:before[1]]) if before and last_metric is None else None
        group = grammar.GROUP_CLAUSE.match(s.text[before[0]:before[1]]) if before and last_metric is None else None
        if group and grammar.PERCENT_SHARE.search(s.text[clause[0]:clause[1]]):
            subject = group.group("group")  # 已建成专用线的，绿色运输比例达到90%: that group's share
        if before and last_metric is None:
            rate = grammar.RATE_CLAUSE.match(s.text[before[0]:before[1]].rstrip("，、；。 "))
            if rate and not may_hold_amount(s.text[before[0]:before[1]]):
                last_metric = rate.group("name") or rate.group("object") or rate.group("controlled")
        n_before = len(out)
        last_metric = _clause_targets(s, clause, last_metric, out, subject)
        shared_tail(out[n_before:], s.text)
        done_list(out[n_before:], s.text)


def _clause_targets(s: Sentence, clause: tuple[int, int], last_metric: Optional[str],
                    out: list[FoundTarget], subject: Optional[str] = None) -> Optional[str]:
    """The targets of one clause's amounts (a list of amounts is one group); returns the metric
    the next clause inherits. ``subject``: the product the clause before named (研发高端芯片，能效比
    超过…): a bare property (能效比) is that product's."""

    text, ctx, sent, masked, phrases = s.text, s.ctx, s.span, s.masked, s.phrases
    s_clauses, history_spans, paragraph, covered = s.clauses, s.history, s.paragraph, s.covered
    c_text = text[clause[0]:clause[1]]
    history = clause in history_spans
    qs = [q for q in find_quantities(c_text) if not in_spans(clause[0] + q.start, masked)
          and not ctx.inside_word(clause[0] + q.start, clause[0] + q.end)
          and not (c_text[q.start] in BARE_HUNDREDS and ctx.ends_inside_word(clause[0] + q.end))]
    # Group quantities written as a list: 2项、6项、18项 (optionally after 分别).
    groups: list[list[Quantity]] = []
    for q in qs:
        if groups and grammar.COORD.match(c_text[groups[-1][-1].end:q.start] or "x") and (
                groups[-1][-1].unit == q.unit or "分别" in c_text):
            groups[-1].append(q)
        else:
            groups.append([q])
    prev_emitted: Optional[int] = None  # end of the last group that became a target
    list_head: Optional[str] = None  # the clause's first metric, whose modifier a list shares
    subsidy = grammar.SUBSIDY.search(c_text)
    for gi, group in enumerate(groups):
        first, last = group[0], group[-1]
        if subsidy:
            continue  # 给予最高200万元奖励: an incentive, not a goal
        after = c_text[last.end:]
        later_exists = gi + 1 < len(groups)
        before = c_text[:first.start]
        share = share_of(before, after, first)
        if grammar.QUALIFIER_AFTER.match(after) and not share:
            continue
        if grammar.DUTY_AFTER.match(grammar.SUFFIX_RE.sub("", after)) and not verb_before(before):
            continue  # 其余2500吨/日生产线须确定置换方案: the things given a duty
        if first.category == "count" and grammar.COUNT_OF_OBJECTS.match(grammar.SUFFIX_RE.sub("", after)):
            continue  # 加大对62家企业的支持力度, 12个部委印发的《…》: which things, not how many to reach
        lone_one = first.chinese and first.value == 1 and len(group) == 1
        if not_a_goal(before, text[clause[0] + last.end:sent[1]], lone_one) \
                or times_as_a_rule(before, after, first.unit):
            continue
        if first.category == "percent" and non_goals.COVERAGE_OF_ACT.search(before):
            continue  # 对企业进行100%全覆盖巡查: how an act is done
        if first.category == "count" and grammar.LIST_CLOSED_BY_DENG.search(before) \
                and grammar.NOUN_AFTER_DE.match(grammar.SUFFIX_RE.sub("", after)):
            continue  # A、B等14家单位的…: the count sums up the list a task concerns
        if non_goals.OBLIGATION_BEFORE.search(before) and not any(sent[0] <= d.start < sent[1] for d in phrases):
            continue  # 比例不得低于80% in a sentence with no date: a rule, not a goal
        if first.category == "count" and enumerated(before, first.value):
            continue  # 海尔路、香港东路和松岭路三条特色商业带: the count sums up a list of names
        found = metric_parts(c_text, before, after, first, last, qs, later_exists, prev_emitted) if not share \
            else MetricParts(None, "", share[0], first.start, last.end + share[1], None, True)
        if found is None:
            continue
        verb, gap_clean, metric_raw, m_start, noun_end, relative_to, named_by_predicate = found
        metric, scope = clean_metric(metric_raw)
        if non_goals.FROM_IN_METRIC.search(metric) and len(non_goals.FROM_IN_METRIC.sub("", metric)) >= 2:
            metric = non_goals.FROM_IN_METRIC.sub("", metric)  # 比重由30%提高到40%: the metric is 比重
        if not named_by_predicate:
            metric = LEADING_REACH.sub("", metric) if len(metric) > 4 else metric
            metric = strip_predicates(metric)
        if subject and subject.endswith("的"):
            metric = subject + metric  # 已建成专用线的，绿色运输方式比例 → 已建成专用线的绿色运输方式比例
        elif subject and grammar.PROPERTY_METRIC.fullmatch(metric):
            metric = subject + metric  # 研发高端芯片，能效比超过5TOPS/W → 高端芯片能效比
        elif last_metric and metric in ("比重", "占比", "比例"):
            metric = last_metric + metric  # 增加值突破823亿元，比重达到84%
        elif last_metric and grammar.PLACE_ONLY.fullmatch(metric) and out and out[-1].unit == first.unit \
                and (verb is None or verb in grammar.EQ_VERBS):
            metric = metric + last_metric  # …达到100项，自由贸易试验区力争达到150项: the same metric there
        elif last_metric and grammar.CLOSURE_VERB.fullmatch(metric) and last_metric.startswith(metric):
            metric = last_metric  # 关停退出低效机组400万千瓦，其中2021年关停退出206万千瓦
        elif last_metric and grammar.BARE_RATIO.match(metric):
            metric = last_metric + metric  # 推进X排放总量控制，削减比例较2010年不低于10%
        elif last_metric and grammar.TOTAL_OF_LAST.fullmatch(metric):
            metric = last_metric + metric  # 关闭煤矿8处，合计产能240万吨 → 煤矿合计产能
        elif last_metric and metric.startswith("占") and "占" not in last_metric:
            metric = last_metric + metric  # 增加值突破672亿元，占服务业增加值比重达69%
        elif list_head and prev_emitted is not None:
            metric = shared_head(list_head, metric)
        label_start: Optional[int] = None
        if not metric and clause[0] > 0 and text[clause[0] - 1] in "：:":
            # 1.服务业增加值：达到500亿元 — the metric is what the colon introduces
            line_start = text.rfind("\n", 0, clause[0] - 1) + 1
            label = text[line_start:clause[0] - 1]
            marker = LABEL_MARKER.match(label)
            assert marker is not None  # every part of the pattern is optional
            label = SENTENCE_PUNCT.split(label[marker.end():])[-1]
            metric, scope = clean_metric(label)
            label_start = clause[0] - 1 - len(label)
            if relative_to is None and grammar.RELATIVE_REF.match(gap_clean or ""):
                relative_to = gap_clean
        if not grammar.NAME_CHAR.search(metric):
            metric = last_metric or ""  # nothing but signs (—): no name of its own
        if not metric:
            continue
        base = grammar.BASE_YEAR.search(before)
        start_from = non_goals.FROM_BEFORE.search(before)  # 由30%提高到…: the level it starts from
        past = history or bool(start_from)
        if start_from:
            metric = strip_predicates(clean_metric(before[:start_from.start()])[0]) or metric
        kind = "baseline" if past else kind_of(before, first, verb)
        if kind == "share" and first.category == "points" and GROWTH_RATE_WORD.search(metric):
            kind = "growth_rate"
        if kind == "count" and grammar.LEVEL_METRIC.search(metric):
            kind = "level"  # 万人发明专利拥有量156件: a measured quantity, not things counted
        suffix = grammar.SUFFIX_RE.match(after)
        end = clause[0] + last.end + (suffix.end() if suffix else 0)
        if noun_end is not None:
            end = max(end, clause[0] + noun_end)
        start = clause[0] + min(m_start, first.start) if label_start is None else label_start
        if text[start:end].strip() == "":
            continue
        metrics = split_list(metric, len(group)) if len(group) > 1 else [metric]
        shared = grammar.SHARED_BASE.match(metric)
        if shared:  # A、B分别比2020年下降3%、4%: each name with the base year and the verb
            items = [p for p in LIST_SEP.split(shared.group("items")) if p]
            if len(items) >= len(group):
                metrics = [item + shared.group("tail") for item in items[:len(group)]]
        if len(group) == 1 and EACH_BEFORE.search(before.strip()):
            parts = [p for p in LIST_SEP.split(metric) if p]
            if len(parts) > 1:
                metrics = split_list(metric, len(parts))
                group = group * len(parts)
        deadline, rule = (None, "none") if past else deadline_for(
            text, clause[0] + first.start, sent, clause, phrases, paragraph, ctx)
        recurrence = recurrence_of(text[clause[0]:clause[0] + first.start])
        if recurrence == "none" and RECURRENCE_LEAD.match(text[sent[0]:sent[1]]):
            recurrence = recurrence_of(text[sent[0]:sent[0] + 4])
        if recurrence == "none":
            recurrence = carried_recurrence(text, s_clauses, clause)
        for q, metric_i in zip(group, metrics):
            value = q.value
            fall = (kind == "growth_rate" or q.category == "points") and FALL_BEFORE.search(before.strip())
            if fall:
                value = -value  # 下降5%, 比重下降5个百分点: a negative change
            comparator = comparator_of(before, after, q, verb)
            if fall and comparator in ("ge", "gt"):
                comparator = "le" if comparator == "ge" else "lt"  # 压减6%以上: -6 or lower
            if relative_to and comparator in ("gt", "ge") and not grammar.SUFFIX_RE.match(after):
                comparator = "eq"  # 高于平均水平1个百分点: the margin is stated exactly
            out.append(FoundTarget(
                start=start, end=end, metric=metric_i, value=value, value_max=q.value_max,
                unit=q.unit, normalized_value=(value * q.factor) if value is not None else None,
                normalized_unit=q.base_unit, comparator=comparator,
                kind=kind, recurrence=recurrence, deadline=deadline, deadline_rule=rule,
                scope=scope, relative_to=relative_to,
                base_year=int(base.group(1)) if base else None, sentence=sent))
        covered.append((start, end))
        last_metric = metric
        if prev_emitted is None:
            list_head = metric
        prev_emitted = last.end
    return last_metric
