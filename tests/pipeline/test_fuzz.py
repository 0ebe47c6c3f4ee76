"""Arbitrary text and bytes never crash the pipeline, and every span points inside its text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import trace
from pipeline.decode import decode
from schemas.errors import InputError

# Pieces of plan text, so that the fuzzer reaches the extractor's rules, mixed with anything.
PIECES = st.sampled_from([
    "一、", "（一）", "(二)", "1.", "（1）", "①", "第一章", "一是", "到2026年", "2025年上半年", "底前",
    "，", "。", "；", "（", "）", "(", ")", "、", "等", "牵头", "配合", "负责", "责任单位：", "区商务局",
    "市发展改革委", "各街道办事处", "达到", "突破", "不低于", "以上", "左右", "增长", "%", "个百分点",
    "亿元", "万人次", "家", "个", "300", "8.5", "三十", "两", "2—3", "各", "分别", "全覆盖", "“十四五”",
    "《某某方案》", "〔2024〕3号", "\n", " ", "??", "濟(jì)", "服務業", "２０２６",
    "有效期至2027年11月37日", "2025年13月40日", "关于印发", "的通知", "\t", "责任单位\t完成时限\t项目",
    "给予最高", "压缩至", "小时", "一是", "二是", "如下：", "第3位", "5A级",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=60).map("".join)


def _run(data: bytes):
    try:
        values = trace(decode(data, "fuzz.txt"))
    except InputError:
        return None, None
    return values["normalize"], values["extract"]


def _check(norm, records):
    text, original = norm.text, norm.raw.text
    for ev in [t.evidence for t in records.targets] + [m.evidence for m in records.milestones] + \
              [a.clause for a in records.actions if a.clause]:
        assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.text
        assert 0 <= ev.orig_start <= ev.orig_end <= len(original)
        assert original[ev.orig_start:ev.orig_end] == ev.orig_text
    for s in records.sections:
        assert 0 <= s.start <= s.end <= len(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_fuzz_plan_like_text_never_raises(text):
    norm, records = _run(text.encode("utf-8"))
    if records is not None:
        _check(norm, records)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_arbitrary_bytes_never_raise(data):
    norm, records = _run(data)
    if records is not None:
        _check(norm, records)
