"""Qualitative goals (实现全覆盖, 居全市前列, 不低于全市平均增速) and goals stated as something built
(建成…体系, …格局基本形成), found where a sentence states no amount for the same span."""


from .deadlines import recurrence_of
from .rules import targets as grammar
from .rules.clauses import CONJUNCTION
from .sentences import in_spans
from .target_base import FoundTarget, Sentence, clean_metric, deadline_for


def _paired_goals(metric: str) -> list[str]:
    """``创新型产业体系和创新创业生态`` (有效形成) → both goals, when each side ends with a goal's head."""
    parts = CONJUNCTION.split(metric)
    if len(parts) > 1 and all(grammar.BUILT_HEAD.search(p) and len(p) >= 4 for p in parts):
        return parts
    return [metric]


def _goal_name(metric: str) -> str:
    """A qualitative goal's name without its list of qualities (优质高效、充满活力的服务业体系 →
    服务业体系) or a 与…相匹配的 clause; a short modifier (山海特色的) stays."""
    pre, sep, post = metric.rpartition("的")
    if sep and len(post) >= 4 and (("、" in pre and not pre.startswith("“")) or grammar.MATCHING_CLAUSE.search(pre)):
        return post
    return metric


def qualitative_goals(s: Sentence, out: list[FoundTarget]) -> None:
    """Qualitative goals, where no number was found in the same span (never in the past)."""

    text, ctx, sent, masked, phrases = s.text, s.ctx, s.span, s.masked, s.phrases
    s_clauses, history_spans, paragraph, covered = s.clauses, s.history, s.paragraph, s.covered
    s_text = text[sent[0]:sent[1]]
    masked_here = masked + history_spans
    for pattern, cmp, trigger in grammar.QUAL_PATTERNS:
        for m in pattern.finditer(s_text) if trigger.search(s_text) else ():
            a, b = sent[0] + m.start(), sent[0] + m.end()
            if in_spans(b - 1, masked_here) or any(x < b and a < y for x, y in covered):
                continue
            if grammar.TASK_VERB.match(m.group("metric")):
                continue  # 推进…网络全覆盖: a task, not a state to reach
            metric, scope = clean_metric(m.group("metric"))
            metric = _goal_name(metric)
            if not metric or len(metric) < 2:
                continue
            clause = next((c for c in s_clauses if c[0] <= a + len(m.group("metric")) < c[1]), sent)
            deadline, rule = deadline_for(text, a, sent, clause, phrases, paragraph, ctx)
            out.append(FoundTarget(
                start=a + (len(m.group("metric")) - len(m.group("metric").lstrip("，、 "))), end=b,
                metric=metric, value=None, value_max=None, unit=None, normalized_value=None,
                normalized_unit=None, comparator=cmp, kind="qualitative",
                recurrence=recurrence_of(text[sent[0]:a]), deadline=deadline, deadline_rule=rule,
                scope=scope, relative_to=m.group("ref") if m.group("ref") != "全覆盖" else None,
                sentence=sent))
            covered.append((a, b))


def built_goals(s: Sentence, out: list[FoundTarget]) -> None:
    """Goals stated as something built (建成…体系, …格局基本形成), in a goals section or a
    sentence with a marked deadline."""

    text, ctx, sent, masked, phrases = s.text, s.ctx, s.span, s.masked, s.phrases
    s_clauses, history_spans, paragraph, covered = s.clauses, s.history, s.paragraph, s.covered
    s_text = text[sent[0]:sent[1]]
    masked_here = masked + history_spans
    matches = [*grammar.BUILT_GOAL.finditer(s_text), *grammar.BUILT_AFTER.finditer(s_text),
               *grammar.BUILT_LONG.finditer(s_text)]
    for m in matches:
        a, b = sent[0] + m.start(), sent[0] + m.end()
        if in_spans(b - 1, masked_here) or any(x < b and a < y for x, y in covered):
            continue
        clause = next((c for c in s_clauses if c[0] <= a < c[1]), sent)
        deadline, rule = deadline_for(text, a, sent, clause, phrases, paragraph, ctx)
        metric, scope = clean_metric(m.group("metric"))
        if m.re is grammar.BUILT_LONG:
            metric = metric.rpartition("的")[2]
        for name in _paired_goals(_goal_name(metric)):
            out.append(FoundTarget(
                start=a, end=b, metric=name, value=None, value_max=None, unit=None,
                normalized_value=None, normalized_unit=None, comparator="eq", kind="qualitative",
                recurrence="none", deadline=deadline, deadline_rule=rule, scope=scope, sentence=sent))
        covered.append((a, b))
