"""normalize: script conversion, width folding, repairs and warnings, and the offset map."""
from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import fold, normalize
from pipeline.rules.chars import is_cjk
from schemas.stages import RawDocument


def raw_of(text: str) -> RawDocument:
    return RawDocument(path="<test>", text=text, encoding="utf-8", format="text",
                       sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("跟著時代發展", "跟着时代发展"),
        ("隨著改革深化，著力推進", "随着改革深化，着力推进"),
        ("保護著作權，成效顯著", "保护著作权，成效显著"),
        ("發展軟體產業", "发展软体产业"),  # tw2s keeps vocabulary; tw2sp would say 软件
        ("到２０２７年，比重提高２個百分點", "到2027年，比重提高2个百分点"),
        ("ＡＩ＋製造，增長１０％", "AI+制造，增长10%"),
        ("１．加快建設；２～３家；１／３", "1.加快建设；2~3家；1/3"),
        ("一、總體要求\u3000\u3000指導思想\u00a0x", "一、总体要求  指导思想 x"),
        ("(1)到2027年,營業收入達到300億元(責任單位:市商務局;區財政局)",
         "（1）到2027年，营业收入达到300亿元（责任单位：市商务局；区财政局）"),
        ("(2025-2027年)", "（2025-2027年）"),
        ("海政辦字〔2024〕9號《方案》——任務", "海政办字〔2024〕9号《方案》——任务"),
        ("總量1,000億元，10:30召開", "总量1,000亿元，10:30召开"),
        ("Hello (world), a:b; c", "Hello (world), a:b; c"),
        ("零\u200b寬", "零宽"),
    ],
)
def test_normalize_converts_and_folds(text: str, expected: str) -> None:
    norm = normalize(raw_of(text))
    assert norm.text == expected
    assert fold(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "为深入贯彻落实党的二十大精神，加快推进服务业高质量发展，着力构建现代产业体系。",
        "到2027年，全区规上服务业营业收入达到300亿元，年均增长10%左右（责任单位：区发展和改革局）。",
        "乾坤 皇后 于是 余下 里面 头发 发展 系统 干部 范围 只有 一只 了解 计划 台风 后来 制造 面条",
        "（一）坚持系统观念。①建设“一轴三区多点”空间布局；②“1+3+N”产业体系。",
    ],
)
def test_normalize_simplified_passes_unchanged(text: str) -> None:
    norm = normalize(raw_of(text))
    assert norm.text == text
    assert list(norm.offsets) == list(range(len(text) + 1))
    assert norm.warnings == []


def assert_offsets_sound(norm) -> None:
    raw = norm.raw.text
    assert len(norm.offsets) == len(norm.text) + 1
    assert norm.offsets[-1] == len(raw)
    assert all(0 <= o <= len(raw) for o in norm.offsets)
    assert all(a <= b for a, b in zip(norm.offsets, norm.offsets[1:]))


def test_normalize_offset_map_round_trips_every_char() -> None:
    text = ("根據(jù)國家發展和改革委員會要求，跟著市場走。\n"
            "消(xiāo)息(xī)：到２０２７年，優化空間??茖W布局\n"
            "（責任單位：區發展和改革局）")
    norm = normalize(raw_of(text))
    assert norm.text == ("根据国家发展和改革委员会要求，跟着市场走。\n"
                         "消息：到2027年，优化空间??茖W布局\n"
                         "（责任单位：区发展和改革局）")
    assert_offsets_sound(norm)
    for i, ch in enumerate(norm.text):
        o_start, o_end = norm.to_original(i, i + 1)
        assert o_end == o_start + 1
        assert fold(text[o_start:o_end]) == ch
    o_start, o_end = norm.to_original(norm.text.index("区发展"), norm.text.index("）"))
    assert text[o_start:o_end] == "區發展和改革局"
    assert norm.to_original(0, 2) == (0, 2)  # 根据 → 根據, the gloss after it is not part of it


def test_normalize_warns_pinyin_glosses_and_mojibake_with_spans() -> None:
    text = ("根據(jù)全市部署。\n"
            "消(xiāo)息(xī)傳來，優化空間??茖W布局，\ufffd\ufffd數據")
    norm = normalize(raw_of(text))
    assert "(" not in norm.text
    found = [(w.code, w.text, text[w.orig_start:w.orig_end]) for w in norm.warnings]
    assert found == [
        ("pinyin_gloss", "(jù)", "(jù)"),
        ("pinyin_gloss", "(xiāo)息(xī)", "(xiāo)息(xī)"),
        ("mojibake", "??茖W", "??茖W"),
        ("mojibake", "\ufffd\ufffd", "\ufffd\ufffd"),
    ]
    assert "2 pinyin gloss" in norm.warnings[1].message
    assert "??茖W" in norm.text  # mojibake is flagged, never repaired


@pytest.mark.parametrize(
    "text",
    [
        "计划(2025)年",  # digits are not pinyin
        "全市GDP(亿元)",
        "增长(de)较快",  # no tone mark: not certainly a gloss
        "是不是?",
        "What?? 全市",
        "云计算(cloud)",
    ],
)
def test_normalize_leaves_lookalikes_alone(text: str) -> None:
    norm = normalize(raw_of(text))
    assert [w.code for w in norm.warnings] == []
    assert_offsets_sound(norm)


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_normalize_never_raises_and_offsets_stay_in_bounds(text: str) -> None:
    norm = normalize(raw_of(text))
    assert_offsets_sound(norm)
    for w in norm.warnings:
        assert 0 <= w.orig_start <= w.orig_end <= len(text)


@given(st.text(alphabet=st.sampled_from(list("根據(jù)發展跟著?（）()\n ，:;１２ａ\u3000\ufffd茖W著作")),
               max_size=80))
@settings(max_examples=300, deadline=None)
def test_normalize_spans_map_back_to_their_original(text: str) -> None:
    norm = normalize(raw_of(text))
    assert_offsets_sound(norm)
    for i, ch in enumerate(norm.text):
        o_start, o_end = norm.to_original(i, i + 1)
        original = text[o_start:o_end]
        # phrase conversion may differ from converting one char alone (著作 vs 跟著): Han for Han
        assert fold(original) in (ch, "（", "）", "，", "：", "；", "(", ")", ",", ":", ";") or (
            is_cjk(original) and is_cjk(ch))


def test_normalize_folds_exactly_the_characters_its_table_folds() -> None:
    """FOLDABLE (where normalize looks) and the folding table (what it writes) name the same
    characters, so a character added to one is never skipped by the other."""
    from pipeline.normalize import _fold_table
    from pipeline.rules.chars import FOLDABLE

    assert {chr(o) for o in range(0x30000) if FOLDABLE.match(chr(o))} == {chr(k) for k in _fold_table()}
