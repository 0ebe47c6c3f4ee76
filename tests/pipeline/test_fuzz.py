"""Arbitrary text and bytes never crash the pipeline, and every span points inside its text.

``make test`` runs a bounded number of examples; the long run is
``POLICYKG_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest -q tests/pipeline/test_fuzz.py``
(each test then runs that many examples; see DEVELOPERS.md).
"""
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import trace
from pipeline.decode import decode
from schemas.errors import InputError
from tests import hostile

_LONG = int(os.environ.get("POLICYKG_FUZZ_EXAMPLES", "0"))


def _examples(default: int) -> int:
    return _LONG or default


_DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "docs"
SEEDS = [p.read_bytes() for p in sorted(_DOCS.glob("*.txt"))]

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
    text, original = norm.text, norm.raw.original  # orig_* index the file as it is (RawDocument)
    for kind in (records.amounts(), records.milestones, records.actions, records.sections):
        ids = [r.id for r in kind]
        assert len(ids) == len(set(ids)), "two records with one id would merge in the graph"
    for ev in [t.evidence for t in records.amounts()] + [m.evidence for m in records.milestones] + \
              [a.clause for a in records.actions if a.clause]:
        assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.text
        assert 0 <= ev.orig_start <= ev.orig_end <= len(original)
        assert original[ev.orig_start:ev.orig_end] == ev.orig_text
    for s in records.sections:
        assert 0 <= s.start <= s.end <= len(text)


@settings(max_examples=_examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_fuzz_plan_like_text_never_raises(text):
    norm, records = _run(text.encode("utf-8"))
    if records is not None:
        _check(norm, records)


@settings(max_examples=_examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_fuzz_arbitrary_bytes_never_raise(data):
    norm, records = _run(data)
    if records is not None:
        _check(norm, records)


@st.composite
def mutated_plan(draw) -> bytes:
    """A fixture plan's bytes with pieces of plan text and random bytes spliced in or cut out."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "bytes"]))
        if op == "insert":
            data[at:at] = draw(PIECES).encode("utf-8")
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
    return bytes(data)


@settings(max_examples=_examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_plan())
def test_fuzz_mutated_plans_never_raise(data):
    norm, records = _run(data)
    if records is not None:
        _check(norm, records)


HOSTILE = {
    "long line with numbers": lambda: hostile.long_line(30_000, True),
    "long line without numbers": lambda: hostile.long_line(30_000, False),
    "entity-heavy page": lambda: hostile.entity_html(30_000),
    "multi-line plan": lambda: hostile.plan_text(60_000),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_fuzz_hostile_inputs_finish_with_exact_spans(name):
    data = HOSTILE[name]()
    values = trace(decode(data, "h.html" if "page" in name else "h.txt"))
    _check(values["normalize"], values["extract"])
