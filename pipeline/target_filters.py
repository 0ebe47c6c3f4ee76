"""Amounts that are not goals: history (baselines), incentives, eligibility thresholds and norms.

A plan's amounts about the past are baselines; a policy's amounts it pays or the conditions it sets
on who may apply are not goals; nor are rules that hold per person or per cycle (每人每年只享受一次,
每5年修订1次). The target grammar (pipeline/targets.py) asks these before it places a metric.
"""
from __future__ import annotations

from .deadlines import DeadlinePhrase
from .rules import non_goals
from .rules import targets as grammar
from .rules.targets import AS_FOLLOWS, DEADLINE_QUALIFIER, TOTAL_WORD
from .target_base import BlockContext


def history_clauses(text: str, sent: tuple[int, int], spans: list[tuple[int, int]],
                     phrases: list[DeadlinePhrase], ctx: BlockContext) -> list[tuple[int, int]]:
    """Those of a sentence's clauses (``spans``) that speak of the past; their amounts are baselines.

    A past year (before the plan period, or before the year of issue when there is no period; not
    比/较 a base year, not a qualifier like 2000年以前建成的) governs its clause and the following ones until a future deadline appears.
    """
    s_text = text[sent[0]:sent[1]]
    if ctx.history_section or (AS_FOLLOWS.search(s_text) and TOTAL_WORD.search(s_text)):
        return spans  # background, or a sum that introduces a list (共安排项目4个，具体如下：)
    out, past = [], False
    first_year = ctx.period_start or ctx.issued_year  # before it is the past
    for c in spans:
        c_text = text[c[0]:c[1]]
        for d in phrases:
            if not c[0] <= d.start < c[1]:
                continue
            if text[max(0, d.start - 2):d.start].endswith(("比", "较")):
                continue
            if DEADLINE_QUALIFIER.match(text[d.end:d.end + 10]):
                continue  # 2000年以前建成的小区: a qualifier
            if first_year and d.year < first_year:
                past = True
            elif d.marked:
                past = False
        if grammar.HISTORY_WORDS.search(c_text) or grammar.PRESENT_STATE.search(c_text):
            past = True  # “十四五”以来，……: the rest of the sentence is history too
        if past:
            out.append(c)
    return out


def times_as_a_rule(before: str, after: str, unit: str) -> bool:
    """Whether a count of times states how often something is done (至少接地2次, 调整1次专业)
    rather than events to hold (举办展会2次, 举办2次展会)."""
    if unit not in non_goals.TIMES_UNIT:
        return False
    if non_goals.AT_LEAST_BEFORE.search(before):
        return True
    rest = grammar.SUFFIX_RE.sub("", after)
    return bool(grammar.NOUN_AFTER.match(rest)) and not grammar.EVENT_VERB.search(before)


def not_a_goal(before: str, after_in_sentence: str, lone_one: bool) -> bool:
    """Whether an amount states a norm (每人每年只享受一次, 每5年修订1次, 每立方米2.4元, 不得低于80%),
    a need or a forecast (投资需求约3.4万亿元, 预计可征收…), a basis of reckoning (按照总用量的60%),
    a composition (由…各派1名代表组成), a set already designated (列入试点的70个县), a slogan
    (最多跑一次), a formula
    (…×100%), a pilot's scope
    (选择10个左右城市), a condition on who may apply (…达到25%的，可申请) or is an article (打造一支
    懂农业、爱农村的队伍; ``lone_one``: written 一): ``before`` is its clause up to the amount,
    ``after_in_sentence`` the sentence after it."""
    if non_goals.NORM_BEFORE.search(before) or non_goals.SELECTION_BEFORE.search(before) \
            or non_goals.FORMULA_BEFORE.search(before) or non_goals.NEED_BEFORE.search(before) \
            or non_goals.BASIS_BEFORE.search(before) or non_goals.DESIGNATED_BEFORE.search(before) \
            or non_goals.SLOGAN_BEFORE.search(before):
        return True
    if "由" in before and non_goals.COMPOSED_AFTER.match(after_in_sentence):
        return True  # 由各单位各派1名代表组成: a composition
    if lone_one and non_goals.ARTICLE_AFTER.match(after_in_sentence):
        return True
    cond = non_goals.ELIGIBILITY.search(after_in_sentence)
    if not cond:
        return False
    between = non_goals.CONDITION_GOES_ON.sub("", after_in_sentence[:cond.start()])
    return not grammar.SENTENCE_PUNCT.search(between)


def not_a_deadline(text: str, d: DeadlinePhrase) -> bool:
    """A date no target is due by: the day something happened or was signed (2021年1月7日8时，
    河段出现首封; a signature's date), or a date that qualifies a noun (2016年实施的24项措施).
    Both have no 到/截至 before them; 2025年6月30日前 and 到2025年 are deadlines."""
    if not text[d.start].isdigit():
        return False  # 到 / 截至 / 力争到 …: a deadline for sure
    return bool(non_goals.EVENT_DAY.search(text, d.start, d.end) or DEADLINE_QUALIFIER.match(text[d.end:d.end + 10]))

