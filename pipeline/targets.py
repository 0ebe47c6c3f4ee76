"""Goals and targets in one block of normalized text (an item's body, a goals paragraph).

Grammar (see shared/policy-text-conventions.md):
``[到2027年，][全市/全区]<metric><verb/comparator><value><unit>[以上/左右/以内]``, number-first
phrasing (建设6个平台), distribution (各10家), paired lists (2项、6项、18项), ranges (2—3家) and
qualitative goals (实现全覆盖, 居全市前列, 不低于全市平均增速). Numbers that are qualifiers inside a
metric (营收过10亿元的企业) are skipped; amounts in sentences about the past become ``baseline``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .deadlines import DeadlinePhrase, find_deadlines, recurrence_of
from .numbers import Quantity, find_quantities

# --- verbs and comparators, longest first ---------------------------------------------------
_CMP_WORDS: tuple[tuple[str, str], ...] = (
    ("不低于", "ge"), ("不少于", "ge"), ("不小于", "ge"), ("不超过", "le"), ("不高于", "le"),
    ("控制在", "le"), ("低于", "lt"), ("少于", "lt"), ("突破", "gt"), ("超过", "gt"),
    ("高于", "gt"), ("大于", "gt"), ("超", "gt"), ("过", "gt"),
)
_EQ_VERBS = (
    "达到", "达", "实现", "保持在", "保持", "稳定在", "维持在", "提高到", "提高至", "提升到", "提升至",
    "增加到", "增加至", "增至", "增长到", "增长至", "扩大到", "扩大至", "下降到", "下降至", "降低到",
    "降低至", "降至", "上升到", "上升至", "力争", "为",
)
# Verbs whose object is the thing counted: 建设6个平台 / 新增专精特新企业40家.
_BUILD_VERBS = (
    "新培育", "新引进", "新认定", "新建成", "新开工", "新开通", "新增", "新建", "新设", "新开",
    "累计建成", "累计培育", "累计引进", "累计新增", "累计", "培育", "引进", "招引", "引育", "建设",
    "建成", "打造", "创建", "认定", "举办", "开展", "组织", "建立", "设立", "组建",
    "集聚", "聚集", "改造", "提升", "布局", "推出", "发布", "实施", "落地", "签约", "吸引",
    "接待", "培训", "带动", "完成", "推动", "支持", "扶持", "创成", "争创", "形成",
    "评选", "评定", "遴选", "储备", "新登记", "招引落地", "开工", "投用", "上线", "拓展", "开辟",
    "申报", "入选", "获批", "挂牌", "回收", "整治", "筹建",
)
_RATE_VERBS = ("年均增长", "平均增长", "增长", "增速", "增幅", "提高", "提升", "上升", "下降", "降低",
               "减少", "递增", "增加")
# Verbs inside nouns are not verbs: 增加值, 增长极, 提升工程, 达标率.
_VERB_RE = re.compile("(?:" + "|".join(sorted({w for w, _ in _CMP_WORDS} | set(_EQ_VERBS) | set(_BUILD_VERBS)
                                              | set(_RATE_VERBS), key=len, reverse=True))
                      + r")(?!值|极|点|工程|行动|计划|标|业|额|量|面|区(?!域)|型)")
_SUFFIX_RE = re.compile(r"^(?:及以上|以上|左右|上下|以内|以下|之内|多)")
_PREFIX_APPROX = re.compile(r"(?:约|近|大约|接近|超|逾)$")
_SCOPE_RE = re.compile(r"^(?:全[国省市区县镇]|我[国省市区县]|本[省市区县]|辖区内?|区域内|区内|市内|省内|全域)")
_LEAD_NOISE = re.compile(
    r"^(?:[，、；：\s]|其中|同比|环比|同时|并且?|力争|确保|努力|争取|使得?|让|推动|带动|促进|实现|全年|到期末|"
    r"届时|此外|另外|以及|以|及|和|与|或|每年|每季度|每月|年均|平均|均|其|各类|的)+"
)
_TAIL_NOISE = re.compile(r"(?:[，、：\s]|的|力争|确保|努力|争取|全面|基本|初步|全部|都|每年|每季度|每月|年均|平均|均|总计|合计|共|分别|各|约|近|将|要|需|可|能)+$")
_QUALIFIER_AFTER = re.compile(r"^(?:及以上|以上|以下|左右)?的")
# After a verb, an amount that qualifies a noun: 超10亿元的 / 过亿元企业 / 超10亿元企业5家.
_QUALIFIER_VERB = re.compile(r"^(?:[\d.一二三四五六七八九十百千万亿]+[^\s，；。、\d]{0,3}?(?:以上|以下)?的|[百千万亿]+元)")
# Incentives (给予最高200万元奖励, 按投资额的10%给予补助) are amounts a plan pays, not goals.
_SUBSIDY = re.compile(
    r"给予|最高|一次性|按[^，；。]{0,15}的\d|(?:奖励|补助|补贴|资助|奖补|贴息)(?=\s*\d|最高)"
    r"|\d[^，；。]{0,6}?(?:奖励|补助|补贴|资助|奖补)"
)
_COORD = re.compile(r"^[、和及与，]$")
# Words of a sentence about the past (its amounts are baselines). Kept narrow: 历史文化街区 and
# 现有企业 are common in forward-looking text.
_HISTORY_WORDS = re.compile(
    r"同比|比上年|较上年|以来|已经|已[建完累实达形培引获启投成]|实现了|达到了|完成了|去年|上一年|截至目前|目前已"
)
_PERCENT_SHARE = re.compile(r"占|比重|比例|占比|率|份额|覆盖|普及|达标")
# Only 新增 marks an increment; 新培育/新建 name what is counted (a count target).
_INCREMENT = re.compile(r"新增")
_CUMULATIVE = re.compile(r"累计")
_BASE_YEAR = re.compile(r"(?:比|较|相比|与)\s*((?:19|20)\d{2})\s*年(?:末|底)?")
_QUOTED = re.compile(r"“[^”]{0,30}”|「[^」]{0,30}」|《[^》]{0,80}》|〔[^〕]{0,10}〕")

_QUAL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?P<metric>[^，；。：、\n]{2,24}?)(?P<cmp>不低于|高于|快于|略高于|超过|不少于)"
                r"(?P<ref>全[国省市区县][^，；。\n]{0,10}?(?:平均)?(?:水平|增速|增幅|速度|增长率))"), "ge"),
    (re.compile(r"(?P<metric>[^，；。：、\n]{2,24}?)(?:实现|达到|基本实现|全面实现)?(?P<ref>全覆盖)"), "eq"),
    (re.compile(r"(?P<metric>[^，；。：、\n]{2,24}?)(?:稳居|位居|保持|居于|居|进入|迈入|走在)"
                r"(?P<ref>(?:全[国省市区]|全国|全省|全市|同类城市|同级|国内|世界|全球)[^，；。\n]{0,8}?"
                r"(?:前列|前茅|第一方阵|首位|第一|领先|前十|先进行列))"), "eq"),
)
_BUILT_AFTER = re.compile(
    r"(?P<metric>[^，；。\n]{2,30}?(?:体系|格局|机制|模式|生态|高地|标杆|示范区|集聚区|中心|枢纽|品牌|城市|城区|样板|布局))"
    r"(?:基本|全面|初步)(?:建成|形成|确立|健全)"
)
_BUILT_GOAL = re.compile(
    r"(?:基本|全面|初步)?(?:建成|形成|构建|打造成?)(?P<metric>[^，；。\n]{2,30}?"
    r"(?:体系|格局|机制|模式|生态|高地|标杆|示范区|集聚区|枢纽|品牌|城市|城区|样板|布局))"
)


@dataclass
class FoundTarget:
    start: int
    end: int
    metric: str
    value: Optional[float]
    value_max: Optional[float]
    unit: Optional[str]
    normalized_value: Optional[float]
    normalized_unit: Optional[str]
    comparator: str
    kind: str
    recurrence: str
    deadline: Optional[str]
    deadline_rule: str
    scope: Optional[str] = None
    relative_to: Optional[str] = None
    base_year: Optional[int] = None
    sentence: tuple[int, int] = (0, 0)


@dataclass
class BlockContext:
    """What a block needs from outside: the plan period and its section's deadline."""

    period_start: Optional[int] = None
    period_end: Optional[int] = None
    section_deadline: Optional[str] = None
    valid_until: Optional[str] = None    # 有效期至…: the end of a plan with no period
    history_section: bool = False        # 发展基础/现状: amounts there are baselines
    goal_section: bool = False           # 主要目标/发展目标: built-goal phrases are targets
    masked: list[tuple[int, int]] = field(default_factory=list)  # responsibility clauses


def _broken_line(text: str, i: int) -> bool:
    """A line break inside a sentence (copied text): after ，、 or inside a long line of prose."""
    line_start = text.rfind("\n", 0, i) + 1
    before = text[line_start:i].rstrip()
    after = text[i + 1:i + 3]
    if not before or not after or not ("\u4e00" <= after[0] <= "\u9fff" or after[0].isdigit()):
        return False
    if re.match(r"[一二三四五六七八九十]+[、是]|第", after) or re.match(r"\d{1,2}[.．、]", text[i + 1:i + 4]):
        return False
    last = before[-1]
    return last in "，、" or (len(before) > 30 and ("\u4e00" <= last <= "\u9fff" or last.isdigit()))


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of sentences: split after 。！？ and at line breaks (；stays inside),
    except a line break in the middle of a sentence."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n" and _broken_line(text, i):
            continue
        if ch in "。！？!?\n":
            end = i + 1 if ch != "\n" else i
            if text[start:end].strip():
                spans.append((start, end))
            start = i + 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out, start = [], s
    for i in range(s, e):
        if text[i] in "，；;,：:。！？":
            if i > start:
                out.append((start, i))
            start = i + 1
    if e > start:
        out.append((start, e))
    return out


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _clean_metric(raw: str) -> tuple[str, Optional[str]]:
    """Strip connectors and deadline words; split off a scope word (全区, 全市 …)."""
    text = re.sub(r"(?:到|至|截至|力争到)?(?:19|20)\d{2}年(?:底|末|上半年|下半年)?(?:前)?", "", raw)
    text = _LEAD_NOISE.sub("", text.strip())
    scope = None
    m = _SCOPE_RE.match(text)
    if m:
        scope, text = m.group(0), text[m.end():]
        text = _LEAD_NOISE.sub("", text)
    text = _TAIL_NOISE.sub("", text)
    text = text.strip("\"' ")
    for left, right in ("“”", "（）", "()"):
        if text.endswith(right) and left not in text:
            text = text[:-1]
        if text.startswith(left) and right not in text:
            text = text[1:]
    if len(text) > 30:
        text = text[-30:]
    return text, scope


def _comparator(before: str, after: str, q: Quantity, verb: Optional[str]) -> str:
    if q.value_max is not None:
        return "range"
    suffix = _SUFFIX_RE.match(after)
    if suffix:
        word = suffix.group(0)
        if word in ("以上", "及以上", "多"):
            return "ge"
        if word in ("左右", "上下"):
            return "approx"
        return "le"
    if _PREFIX_APPROX.search(before) and not before.endswith(("超", "逾")):
        return "approx"
    for word, cmp in _CMP_WORDS:
        if verb == word or before.endswith(word):
            return cmp
    return "eq"


def _kind(clause_before: str, q: Quantity, verb: Optional[str]) -> str:
    if q.category == "points":
        return "share"
    if q.category == "percent":
        if verb in _RATE_VERBS or re.search(r"增长|增速|增幅|年均|递增", clause_before):
            if not re.search(r"(?:提高|提升|增长|增加|上升)(?:到|至)$", clause_before):
                if not _PERCENT_SHARE.search(clause_before[-6:]) or re.search(r"增长|增速|增幅", clause_before):
                    return "growth_rate"
        return "share"
    if _INCREMENT.search(clause_before):
        return "increment"
    if _CUMULATIVE.search(clause_before):
        return "cumulative"
    return "count" if q.category == "count" else "level"


def _split_list(metric: str, n: int) -> list[str]:
    """``国家、省、市级试点`` with n=3 → [国家级试点, 省级试点, 市级试点]."""
    parts = [p for p in re.split(r"[、和及与]", metric) if p]
    if len(parts) != n:
        return [metric] * n
    shortest = min(len(p) for p in parts[:-1])
    suffix = parts[-1][shortest:] if len(parts[-1]) > shortest else ""
    return [p + suffix for p in parts[:-1]] + [parts[-1]]


def _deadline_for(text: str, pos: int, sent: tuple[int, int], clause: tuple[int, int], phrases: list[DeadlinePhrase],
                  paragraph: tuple[int, int], ctx: BlockContext) -> tuple[Optional[str], str]:
    in_clause = [d for d in phrases if clause[0] <= d.start < clause[1]]
    if in_clause:
        return in_clause[-1].date, "explicit"
    before = [d for d in phrases if sent[0] <= d.start < pos]
    if before:
        # A lead phrase of its own clause right before this one (到2026年，……) is explicit too.
        between = (before[-1].end, clause[0])
        lead_only = all(ch in "，、 年底末前" for ch in text[between[0]:between[1]])
        return before[-1].date, "explicit" if lead_only else "sentence"
    para = [d for d in phrases if paragraph[0] <= d.start < sent[0] and d.marked]
    if para:
        return para[-1].date, "paragraph"
    if ctx.section_deadline:
        return ctx.section_deadline, "section"
    if ctx.period_end:
        return f"{ctx.period_end:04d}-12-31", "plan_period"
    if ctx.valid_until:
        return ctx.valid_until, "plan_period"
    return None, "none"


def _history_clauses(text: str, sent: tuple[int, int], phrases: list[DeadlinePhrase],
                     ctx: BlockContext) -> list[tuple[int, int]]:
    """Clauses of a sentence that speak of the past; their amounts are baselines.

    A past year (before the plan period, not 比/较 a base year, not a qualifier like
    2000年以前建成的) governs its clause and the following ones until a future deadline appears.
    """
    clauses = _clauses(text, *sent)
    if ctx.history_section or re.search(r"如下[：:]?\s*$", text[sent[0]:sent[1]]):
        return clauses  # background, or a sentence that introduces a list (共安排项目4个，具体如下：)
    out, past = [], False
    for c in clauses:
        c_text = text[c[0]:c[1]]
        for d in phrases:
            if not c[0] <= d.start < c[1]:
                continue
            if text[max(0, d.start - 2):d.start].endswith(("比", "较")):
                continue
            if re.match(r"^(?:以前|之前|以后|之后|前|后)?[^，；。]{0,8}?的", text[d.end:d.end + 10]):
                continue  # 2000年以前建成的小区: a qualifier
            if ctx.period_start and d.year < ctx.period_start:
                past = True
            elif d.marked:
                past = False
        if _HISTORY_WORDS.search(c_text):
            past = True  # “十四五”以来，……: the rest of the sentence is history too
        if past:
            out.append(c)
    return out


def _paragraph_of(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def find_targets(text: str, ctx: BlockContext) -> list[FoundTarget]:
    """Targets in ``text`` (offsets are into ``text``)."""
    masked = list(ctx.masked) + [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    phrases = [d for d in find_deadlines(text) if not _in_spans(d.start, masked)]
    out: list[FoundTarget] = []
    for sent in sentences(text):
        s_text = text[sent[0]:sent[1]]
        s_phrases = [d for d in phrases if sent[0] <= d.start < sent[1]]
        local = [DeadlinePhrase(d.start - sent[0], d.end - sent[0], d.date, d.year, d.marked) for d in s_phrases]
        history_spans = _history_clauses(text, sent, s_phrases, ctx)
        paragraph = _paragraph_of(text, sent[0])
        last_metric: Optional[str] = None
        covered: list[tuple[int, int]] = []
        for clause in _clauses(text, *sent):
            c_text = text[clause[0]:clause[1]]
            history = clause in history_spans
            qs = [q for q in find_quantities(c_text) if not _in_spans(clause[0] + q.start, masked)]
            # Group quantities written as a list: 2项、6项、18项 (optionally after 分别).
            groups: list[list[Quantity]] = []
            for q in qs:
                if groups and _COORD.match(c_text[groups[-1][-1].end:q.start] or "x") and (
                        groups[-1][-1].unit == q.unit or "分别" in c_text):
                    groups[-1].append(q)
                else:
                    groups.append([q])
            prev_emitted: Optional[int] = None  # end of the last group that became a target
            subsidy = _SUBSIDY.search(c_text)
            for gi, group in enumerate(groups):
                first, last = group[0], group[-1]
                if subsidy:
                    continue  # 给予最高200万元奖励: an incentive, not a goal
                after = c_text[last.end:]
                later_exists = gi + 1 < len(groups)
                if _QUALIFIER_AFTER.match(after):
                    continue
                before = c_text[:first.start]
                verb_m = None
                other_starts = {q.start for q in qs if q.start < first.start}
                for vm in _VERB_RE.finditer(before):
                    if _QUALIFIER_VERB.match(before[vm.end():]):
                        continue  # 超亿元的 / 过10亿元的: a qualifier, not the target's verb
                    if vm.end() + len(before[vm.end():]) - len(before[vm.end():].lstrip("约近 ")) in other_starts:
                        continue  # 超10亿元企业5家: this verb belongs to the qualifying amount
                    verb_m = vm
                verb = verb_m.group(0) if verb_m else None
                gap = before[verb_m.end():] if verb_m else before
                gap_clean = re.sub(r"^(?:到|至|在|为|了)?\s*(?:约|近|超|逾|大约)?$", "", gap.strip())
                rest = _SUFFIX_RE.sub("", after)
                noun_after = re.match(r"^[\u4e00-\u9fa5A-Za-z]{1,20}", rest)
                if noun_after and later_exists and first.category in ("money", "measure", "percent") \
                        and not (verb and not gap_clean and verb in _BUILD_VERBS):
                    continue  # 营收过10亿元企业5家: the first amount qualifies the metric
                noun_end: Optional[int] = None
                listed = before.rstrip().endswith(("、", "和", "及", "与")) and noun_after is not None
                if noun_after and re.match(r"^[\u4e00-\u9fa5A-Za-z]{1,20}的", rest) and later_exists:
                    continue  # 15个攻势的专项资金达244亿元: the count qualifies the metric
                if listed and first.category == "count":
                    metric_raw = re.split(r"达到|达|实现|建成|完成", noun_after.group(0))[0] or noun_after.group(0)
                    m_start = first.start
                    noun_end = last.end + len(after) - len(rest) + len(metric_raw)
                elif verb_m and prev_emitted is not None and verb_m.start() < prev_emitted:
                    # 培育A企业5家、B企业30家: the verb governs a list; B's metric starts after 5家、
                    prev_end = prev_emitted
                    prev_end += len(before[prev_end:]) - len(_SUFFIX_RE.sub("", before[prev_end:]))
                    metric_raw = before[prev_end:].strip("、，和及与 ")
                    m_start = prev_end + len(before[prev_end:]) - len(before[prev_end:].lstrip("、，和及与 "))
                elif verb_m and gap_clean and not _BASE_YEAR.fullmatch(gap_clean):
                    metric_raw = gap_clean  # 新增专精特新企业40家
                    m_start = verb_m.start()
                elif noun_after and (not verb_m or not gap_clean) \
                        and first.category == "count" and not before.strip(" ，").endswith(("达到", "达")):
                    metric_raw = noun_after.group(0)  # 建设6个公共服务平台 / 3个街区达到……
                    metric_raw = re.split(r"达到|达|实现|建成|完成", metric_raw)[0] or metric_raw
                    m_start = verb_m.start() if verb_m else first.start
                    noun_end = last.end + len(after) - len(rest) + len(metric_raw)
                else:
                    head = before[:verb_m.start()] if verb_m else before
                    metric_raw = head
                    m_start = len(head) - len(head.lstrip("，、 ")) if head else first.start
                metric, scope = _clean_metric(metric_raw)
                metric = re.sub(r"^(?:达到|达|实现|新增|累计)", "", metric) if len(metric) > 4 else metric
                if not metric:
                    metric = last_metric or ""
                if not metric:
                    continue
                base = _BASE_YEAR.search(before)
                kind = "baseline" if history else _kind(before, first, verb)
                suffix = _SUFFIX_RE.match(after)
                end = clause[0] + last.end + (suffix.end() if suffix else 0)
                if noun_end is not None:
                    end = max(end, clause[0] + noun_end)
                start = clause[0] + min(m_start, first.start)
                if text[start:end].strip() == "":
                    continue
                metrics = _split_list(metric, len(group)) if len(group) > 1 else [metric]
                if len(group) == 1 and re.search(r"各$", before.strip()):
                    parts = [p for p in re.split(r"[、和及与]", metric) if p]
                    if len(parts) > 1:
                        metrics = _split_list(metric, len(parts))
                        group = group * len(parts)
                deadline, rule = (None, "none") if history else _deadline_for(
                    text, clause[0] + first.start, sent, clause, phrases, paragraph, ctx)
                recurrence = recurrence_of(text[clause[0]:clause[0] + first.start])
                if recurrence == "none" and re.match(r"\s*(?:每年|每季度|每月)[，,]", text[sent[0]:sent[1]]):
                    recurrence = recurrence_of(text[sent[0]:sent[0] + 4])
                for q, metric_i in zip(group, metrics):
                    value = q.value
                    if kind == "growth_rate" and re.search(r"(?:下降|降低|减少)$", before.strip()):
                        value = -value
                    out.append(FoundTarget(
                        start=start, end=end, metric=metric_i, value=value, value_max=q.value_max,
                        unit=q.unit, normalized_value=(value * q.factor) if value is not None else None,
                        normalized_unit=q.base_unit, comparator=_comparator(before, after, q, verb),
                        kind=kind, recurrence=recurrence, deadline=deadline, deadline_rule=rule,
                        scope=scope, base_year=int(base.group(1)) if base else None, sentence=sent))
                covered.append((start, end))
                last_metric = metric
                prev_emitted = last.end
        # Qualitative goals, where no number was found in the same span (never in the past).
        masked_here = masked + history_spans
        for pattern, cmp in _QUAL_PATTERNS:
            for m in pattern.finditer(s_text):
                a, b = sent[0] + m.start(), sent[0] + m.end()
                if _in_spans(b - 1, masked_here) or any(x < b and a < y for x, y in covered):
                    continue
                metric, scope = _clean_metric(m.group("metric"))
                if not metric or len(metric) < 2:
                    continue
                clause = next((c for c in _clauses(text, *sent) if c[0] <= a + len(m.group("metric")) < c[1]), sent)
                deadline, rule = _deadline_for(text, a, sent, clause, phrases, paragraph, ctx)
                out.append(FoundTarget(
                    start=a + (len(m.group("metric")) - len(m.group("metric").lstrip("，、 "))), end=b,
                    metric=metric, value=None, value_max=None, unit=None, normalized_value=None,
                    normalized_unit=None, comparator=cmp, kind="qualitative",
                    recurrence=recurrence_of(text[sent[0]:a]), deadline=deadline, deadline_rule=rule,
                    scope=scope, relative_to=m.group("ref") if m.group("ref") != "全覆盖" else None,
                    sentence=sent))
                covered.append((a, b))
        if ctx.goal_section or any(d.marked for d in local):
            for m in list(_BUILT_GOAL.finditer(s_text)) + list(_BUILT_AFTER.finditer(s_text)):
                a, b = sent[0] + m.start(), sent[0] + m.end()
                if _in_spans(b - 1, masked_here) or any(x < b and a < y for x, y in covered):
                    continue
                clause = next((c for c in _clauses(text, *sent) if c[0] <= a < c[1]), sent)
                deadline, rule = _deadline_for(text, a, sent, clause, phrases, paragraph, ctx)
                metric, scope = _clean_metric(m.group("metric"))
                out.append(FoundTarget(
                    start=a, end=b, metric=metric, value=None, value_max=None, unit=None,
                    normalized_value=None, normalized_unit=None, comparator="eq", kind="qualitative",
                    recurrence="none", deadline=deadline, deadline_rule=rule, scope=scope, sentence=sent))
                covered.append((a, b))
    return out
