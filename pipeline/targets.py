"""Goals and targets in one block of normalized text (an item's body, a goals paragraph).

Grammar (see shared/policy-text-conventions.md):
``[到2027年，][全市/全区]<metric><verb/comparator><value><unit>[以上/左右/以内]``, number-first
phrasing (建设6个平台), distribution (各10家), paired lists (2项、6项、18项), ranges (2—3家) and
qualitative goals (实现全覆盖, 居全市前列, 不低于全市平均增速). Numbers that are qualifiers inside a
metric (营收过10亿元的企业) are skipped; amounts in sentences about the past become ``baseline``.

Numeric targets here (``find_targets`` runs them, then ``goals`` for qualitative and built goals;
``target_base`` holds what both use). Length (~420 lines): the clause grammar is one set of rules
over one clause's state (verb, gap, metric, list, label); its words are in ``rules/targets``.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from .deadlines import DeadlinePhrase, find_deadlines, recurrence_of
from .goals import built_goals, qualitative_goals
from .numbers import QUANTITY_RE, Quantity, find_quantities
from .rules import comparators
from .rules import targets as grammar
from .rules.targets import (
    AMOUNT_CHAR,
    AS_FOLLOWS,
    DEADLINE_QUALIFIER,
    EACH_BEFORE,
    FALL_BEFORE,
    GAP_WORDS,
    GROWTH_RATE_WORD,
    GROWTH_WORD,
    LABEL_MARKER,
    LEADING_REACH,
    LIST_SEP,
    NOUN_AFTER,
    NOUN_AFTER_DE,
    RATE_WORD,
    REACH_VERB,
    RECURRENCE_LEAD,
    RISE_TO,
    SENTENCE_PUNCT,
    TOTAL_WORD,
)
from .sentences import clauses, in_spans, paragraph_of, sentences
from .target_base import BlockContext, FoundTarget, Sentence, clean_metric, deadline_for


def _enumerated(before: str, value: Optional[float]) -> bool:
    """Whether a count right after a list of names only says how many names were listed."""
    m = grammar.ENUMERATION.search(before)
    if not m or value is None:
        return False
    return len(LIST_SEP.split(m.group(1))) == value


def _running_totals(found: list[FoundTarget], sent: tuple[int, int]) -> None:
    """新增国际标准12项……国际标准达到52项: a count of what the same sentence adds to is its running
    total (cumulative)."""
    here = [t for t in found if t.sentence == sent]
    added = {t.metric.replace("的", "") for t in here if t.kind == "increment"}
    for t in here:
        if t.kind == "count" and t.metric.replace("的", "") in added:
            t.kind = "cumulative"


def _carried_recurrence(text: str, s_clauses: list[tuple[int, int]], clause: tuple[int, int]) -> str:
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


def _shared_head(first: str, item: str) -> str:
    """A later item of a list takes the modifier of the first (主导或参与制修订国际标准12项、国家标准
    140项 → 主导或参与制修订国家标准): where the first ends like the item (same last two characters
    and the same length tail), and the item is short."""
    n = len(item)
    if 2 <= n <= 6 and len(first) >= n + 2 and first[-2:] == item[-2:] and first[-n:] != item \
            and not AMOUNT_CHAR.search(first[-n - 1:] + item):
        return first[:-n] + item
    return item


def _strip_predicates(metric: str) -> str:
    """The noun phrase without a verb in front of it (推出精品线路 → 精品线路) or a predicate after
    it (分支机构在本区落户 → 分支机构), where a name of two characters or more is left."""
    for pattern in (grammar.FUNDING_SUBJECT, grammar.LEADING_VERB, grammar.TRAILING_PREDICATE):
        m = pattern.search(metric)
        if m and len(metric) - (m.end() - m.start()) >= 2:
            metric = metric[:m.start()] + metric[m.end():]
    return grammar.LEAD_NOISE.sub("", metric) or metric


def _comparator(before: str, after: str, q: Quantity, verb: Optional[str]) -> str:
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


def _kind(clause_before: str, q: Quantity, verb: Optional[str]) -> str:
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


def _split_list(metric: str, n: int) -> list[str]:
    """One name per item of a listed metric: ``国家、省、市级试点`` with n=3 → [国家级试点, 省级试点,
    市级试点] (the earlier items take the last item's tail past their own length); ``限额以上批发、零售企业`` → [限额以上批发企业,
    限额以上零售企业] (a shared qualifier and head noun go to every item); ``新型研发机构、示范企业``
    (whole names) stay as they are."""
    parts = [p for p in LIST_SEP.split(metric) if p]
    if len(parts) != n:
        return [metric] * n
    shortest = min(len(p) for p in parts[:-1])
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


def _history_clauses(text: str, sent: tuple[int, int], spans: list[tuple[int, int]],
                     phrases: list[DeadlinePhrase], ctx: BlockContext) -> list[tuple[int, int]]:
    """Those of a sentence's clauses (``spans``) that speak of the past; their amounts are baselines.

    A past year (before the plan period, not 比/较 a base year, not a qualifier like
    2000年以前建成的) governs its clause and the following ones until a future deadline appears.
    """
    s_text = text[sent[0]:sent[1]]
    if ctx.history_section or (AS_FOLLOWS.search(s_text) and TOTAL_WORD.search(s_text)):
        return spans  # background, or a sum that introduces a list (共安排项目4个，具体如下：)
    out, past = [], False
    for c in spans:
        c_text = text[c[0]:c[1]]
        for d in phrases:
            if not c[0] <= d.start < c[1]:
                continue
            if text[max(0, d.start - 2):d.start].endswith(("比", "较")):
                continue
            if DEADLINE_QUALIFIER.match(text[d.end:d.end + 10]):
                continue  # 2000年以前建成的小区: a qualifier
            if ctx.period_start and d.year < ctx.period_start:
                past = True
            elif d.marked:
                past = False
        if grammar.HISTORY_WORDS.search(c_text):
            past = True  # “十四五”以来，……: the rest of the sentence is history too
        if past:
            out.append(c)
    return out


def find_targets(text: str, ctx: BlockContext,
                 sents: Optional[list[tuple[int, int]]] = None) -> list[FoundTarget]:
    """Targets in ``text`` (offsets are into ``text``); ``sents``: its sentences, if known.

    Per sentence: numeric targets clause by clause, then qualitative goals (实现全覆盖, 居全市前列)
    and built goals (建成…体系) where no amount was found."""

    masked = list(ctx.masked) + [(m.start(), m.end()) for m in grammar.QUOTED.finditer(text)]
    masked += [(m.start(), m.end()) for m in grammar.FRAMEWORK.finditer(text)]
    one_year = ctx.period_start if ctx.period_start is not None and ctx.period_start == ctx.period_end else None
    phrases = [d for d in find_deadlines(text, one_year) if not in_spans(d.start, masked)]
    out: list[FoundTarget] = []
    for sent in sentences(text) if sents is None else sents:
        s_text = text[sent[0]:sent[1]]
        if not (QUANTITY_RE.search(s_text) or "级" in s_text or grammar.QUAL_TRIGGER.search(s_text)
                or grammar.BUILT_TRIGGER.search(s_text)):
            continue  # no amount and no key word of a qualitative goal: most sentences of a plan
        s_phrases = [d for d in phrases if sent[0] <= d.start < sent[1]]
        s_clauses = clauses(text, *sent)
        s = Sentence(text, ctx, sent, masked, phrases, s_clauses,
                      _history_clauses(text, sent, s_clauses, s_phrases, ctx), paragraph_of(text, sent[0]))
        _numeric_targets(s, out)
        _running_totals(out, sent)
        qualitative_goals(s, out)
        if (ctx.goal_section or any(d.marked for d in s_phrases)) and grammar.BUILT_TRIGGER.search(s_text):
            built_goals(s, out)
    return out


def _numeric_targets(s: Sentence, out: list[FoundTarget]) -> None:
    """Targets with an amount, clause by clause; a clause without a metric takes the last one's."""
    last_metric: Optional[str] = None
    for clause in s.clauses:
        if not QUANTITY_RE.search(s.text, *clause) and "级" not in s.text[clause[0]:clause[1]]:
            continue  # no amount in this clause (the same search find_quantities starts with)
        last_metric = _clause_targets(s, clause, last_metric, out)


class _MetricParts(NamedTuple):
    """Where a group's metric is and how it is stated (see _metric_parts)."""

    verb: Optional[str]
    gap_clean: str
    metric_raw: str
    m_start: int                 # where the metric starts in the clause
    noun_end: Optional[int]      # where a metric written after the amount ends
    relative_to: Optional[str]
    named_by_predicate: bool


def _metric_parts(c_text: str, before: str, after: str, first: Quantity, last: Quantity,
                  qs: list[Quantity], later_exists: bool, prev_emitted: Optional[int]) -> Optional[_MetricParts]:
    """The verb and the metric of one group of amounts in a clause, or None when the amounts
    only qualify the metric (营收过10亿元企业5家, 15个攻势的专项资金…)."""
    verb_m = None
    other_starts = {q.start for q in qs if q.start < first.start}
    for vm in grammar.VERB_RE.finditer(before):
        if grammar.QUALIFIER_VERB.match(before[vm.end():]):
            continue  # 超亿元的 / 过10亿元的: a qualifier, not the target's verb
        if vm.end() + len(before[vm.end():]) - len(before[vm.end():].lstrip("约近 ")) in other_starts:
            continue  # 超10亿元企业5家: this verb belongs to the qualifying amount
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
    listed = before.rstrip().endswith(("、", "和", "及", "与")) and noun_after is not None
    if noun_after and NOUN_AFTER_DE.match(rest) and later_exists:
        return None  # 15个攻势的专项资金达244亿元: the count qualifies the metric
    if listed and noun_after and first.category == "count":  # listed implies noun_after
        metric_raw = REACH_VERB.split(noun_after.group(0))[0] or noun_after.group(0)
        m_start = first.start
        noun_end = last.end + len(after) - len(rest) + len(metric_raw)
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
    elif verb_m and gap_clean and not grammar.BASE_YEAR.fullmatch(gap_clean):
        metric_raw = gap_clean  # 新增专精特新企业40家
        if verb in grammar.COUNTED_ACTS:
            metric_raw = verb + gap_clean  # 培训养老护理员2000人次: the act is counted
        m_start = verb_m.start()
    elif noun_after and (not verb_m or not gap_clean) \
            and first.category == "count" and not before.strip(" ，").endswith(("达到", "达")):
        metric_raw = noun_after.group(0)  # 建设6个公共服务平台 / 3个街区达到……
        verb_in = grammar.PREDICATE_VERB.search(metric_raw, 1)
        metric_raw = metric_raw[:verb_in.start()] if verb_in else metric_raw
        m_start = verb_m.start() if verb_m else first.start
        noun_end = last.end + len(after) - len(rest) + len(metric_raw)
        predicate = grammar.COUNTED_PREDICATE.match(c_text[noun_end:])
        if predicate:  # 3个街区达到示范街标准 → 达到示范街标准的街区
            named_by_predicate = True
            metric_raw = predicate.group(0).rstrip("，、；。 ") + "的" + metric_raw
            noun_end += len(predicate.group(0).rstrip("，、；。 "))
    else:
        head = before[:verb_m.start()] if verb_m else before
        offset = 0
        if prev_emitted is not None and prev_emitted < len(head):
            # 国际标准达到52项、国家标准达到580项: the second metric starts after 52项、
            offset = prev_emitted + len(head[prev_emitted:]) - len(grammar.SUFFIX_RE.sub("", head[prev_emitted:]))
            head = head[offset:]
        metric_raw = head + (verb if verb in grammar.COUNTED_ACTS else "")  # 职业技能培训3万人次
        m_start = offset + len(head) - len(head.lstrip("，、和及与 ")) if head else first.start
    return _MetricParts(verb, gap_clean, metric_raw, m_start, noun_end, relative_to, named_by_predicate)


def _clause_targets(s: Sentence, clause: tuple[int, int], last_metric: Optional[str],
                    out: list[FoundTarget]) -> Optional[str]:
    """The targets of one clause's amounts (a list of amounts is one group); returns the metric
    the next clause inherits."""

    text, ctx, sent, masked, phrases = s.text, s.ctx, s.span, s.masked, s.phrases
    s_clauses, history_spans, paragraph, covered = s.clauses, s.history, s.paragraph, s.covered
    c_text = text[clause[0]:clause[1]]
    history = clause in history_spans
    qs = [q for q in find_quantities(c_text) if not in_spans(clause[0] + q.start, masked)
          and not ctx.inside_word(clause[0] + q.start, clause[0] + q.end)]
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
        if grammar.QUALIFIER_AFTER.match(after):
            continue
        before = c_text[:first.start]
        if first.category == "count" and _enumerated(before, first.value):
            continue  # 海尔路、香港东路和松岭路三条特色商业带: the count sums up a list of names
        found = _metric_parts(c_text, before, after, first, last, qs, later_exists, prev_emitted)
        if found is None:
            continue
        verb, gap_clean, metric_raw, m_start, noun_end, relative_to, named_by_predicate = found
        metric, scope = clean_metric(metric_raw)
        if not named_by_predicate:
            metric = LEADING_REACH.sub("", metric) if len(metric) > 4 else metric
            metric = _strip_predicates(metric)
        if last_metric and metric in ("比重", "占比", "比例"):
            metric = last_metric + metric  # 增加值突破823亿元，比重达到84%
        elif last_metric and metric.startswith("占") and "占" not in last_metric:
            metric = last_metric + metric  # 增加值突破672亿元，占服务业增加值比重达69%
        elif list_head and prev_emitted is not None:
            metric = _shared_head(list_head, metric)
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
        if not metric:
            metric = last_metric or ""
        if not metric:
            continue
        base = grammar.BASE_YEAR.search(before)
        kind = "baseline" if history else _kind(before, first, verb)
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
        metrics = _split_list(metric, len(group)) if len(group) > 1 else [metric]
        if len(group) == 1 and EACH_BEFORE.search(before.strip()):
            parts = [p for p in LIST_SEP.split(metric) if p]
            if len(parts) > 1:
                metrics = _split_list(metric, len(parts))
                group = group * len(parts)
        deadline, rule = (None, "none") if history else deadline_for(
            text, clause[0] + first.start, sent, clause, phrases, paragraph, ctx)
        recurrence = recurrence_of(text[clause[0]:clause[0] + first.start])
        if recurrence == "none" and RECURRENCE_LEAD.match(text[sent[0]:sent[1]]):
            recurrence = recurrence_of(text[sent[0]:sent[0] + 4])
        if recurrence == "none":
            recurrence = _carried_recurrence(text, s_clauses, clause)
        for q, metric_i in zip(group, metrics):
            value = q.value
            if kind == "growth_rate" and FALL_BEFORE.search(before.strip()):
                value = -value
            comparator = _comparator(before, after, q, verb)
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
