"""segment: the Doc keeps the text exactly, sentences end where plans end them, units stay whole."""
from __future__ import annotations

import hashlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import normalize
from pipeline.segment import segment, unit_names
from schemas.stages import RawDocument


def seg_of(text: str):
    raw = RawDocument(path="<test>", text=text, encoding="utf-8", format="text",
                      sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return segment(normalize(raw))


@pytest.mark.parametrize(
    "text",
    [
        "一、总体要求\n\n  （一）指导思想。坚持高质量发展。",
        "\u3000\u3000到2027年，全区营业收入达到300亿元 ，年均增长10%左右。\n\n\n",
        "Hello  world\t制表 符\n 行首空格",
        "到２０２７年，全區服務業增加值達到680億元。",
        "",
    ],
)
def test_segment_doc_text_equals_normalized_text(text: str) -> None:
    seg = seg_of(text)
    assert seg.doc.text == seg.norm.text
    for token in seg.doc:
        assert seg.norm.text[token.idx:token.idx + len(token.text)] == token.text


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # ；stays inside a sentence (its deadline phrase governs the clauses after it), as in sentences.py
        ("为推动发展，制定本方案。到2027年，营业收入达到300亿元；企业新增40家！是否达标？",
         ["为推动发展，制定本方案。", "到2027年，营业收入达到300亿元；企业新增40家！", "是否达标？"]),
        # a text without line breaks (OCR): split at its 。！？ alone
        ("一、总体要求到2026年建成平台。二、主要任务推进数据共享！是否完成？",
         ["一、总体要求到2026年建成平台。", "二、主要任务推进数据共享！", "是否完成？"]),
        ("一、总体要求\n（一）指导思想\n坚持创新驱动",
         ["一、总体要求\n", "（一）指导思想\n", "坚持创新驱动"]),
        ("他指出：“要加快发展。”随后部署任务。",
         ["他指出：“要加快发展。”", "随后部署任务。"]),
        ("  一、总体要求\n\n  二、主要目标",
         ["  一、总体要求\n\n  ", "二、主要目标"]),
        ("（三）强化人才支撑。加大引进力度（责任单位：区人力资源和社会保障局）",
         ["（三）强化人才支撑。", "加大引进力度（责任单位：区人力资源和社会保障局）"]),
    ],
)
def test_segment_splits_sentences(text: str, sentences: list[str]) -> None:
    """The Doc's sentences are extraction's (pipeline.sentences), whitespace and closing quotes
    kept with the sentence before."""
    seg = seg_of(text)
    assert [s.text for s in seg.doc.sents] == sentences


def test_segment_sentences_are_the_extractors_sentences() -> None:
    """One splitter: the Doc's sentences start where pipeline.sentences' spans start (after blanks)."""
    from pipeline.sentences import sentences

    text = "他指出：“要加快发展。”随后部署任务；明确分工。\n（一）推进改革。加快建设！"
    doc = seg_of(text).doc
    starts = [a + len(text[a:b]) - len(text[a:b].lstrip()) for a, b in sentences(text)]
    assert [s.start_char for s in doc.sents] == starts


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("（责任单位：区发展和改革局、市市场监督管理局）", ["责任单位", "区发展和改革局", "市市场监督管理局"]),
        ("牵头单位：区商务局；配合单位：各街道办事处", ["牵头单位", "区商务局", "配合单位", "街道办事处"]),
        ("新增专精特新企业40家，规上工业增加值增长", ["专精特新", "规上", "增加值"]),
        ("比重提高2个百分点，推动高质量发展", ["个百分点", "高质量发展"]),
        ("省工业和信息化厅会同国家统计局", ["省工业和信息化厅", "国家统计局"]),
        ("縣文化和旅遊局、區金融工作中心負責", ["县文化和旅游局", "区金融工作中心"]),
    ],
)
def test_segment_keeps_dictionary_words_whole(text: str, words: list[str]) -> None:
    tokens = [t.text for t in seg_of(text).doc]
    for word in words:
        assert word in tokens


def test_segment_doc_sentences_are_extractions_sentences() -> None:
    """One sentence splitter: on a fixture plan each Doc sentence, stripped, is one of
    pipeline.sentences' spans, stripped of spaces (and of a closing quote moved to the one before)."""
    from pipeline.decode import read_document
    from pipeline.sentences import sentences

    seg = segment(normalize(read_document(_FIXTURES[0])))
    text = seg.norm.text
    spans = [text[a:b].strip() for a, b in sentences(text)]
    doc_sents = [s.text.strip() for s in seg.doc.sents]
    assert len(doc_sents) == len([x for x in spans if x.strip("”’」』）)》〕】\"'")]) > 10
    assert doc_sents[3:8] == spans[3:8]


def test_segment_unit_names_are_generated_by_rule() -> None:
    names = set(unit_names())
    assert {"区发展和改革局", "市发改局", "国家发展改革委", "县统计局", "省商务厅"} <= names
    assert "市场监管局" in names


def test_segment_tokens_cover_long_text_without_gaps() -> None:
    text = "到2027年，全区规上服务业营业收入达到300亿元（责任单位：区发展和改革局）。\n" * 200
    seg = seg_of(text)
    assert "".join(t.text_with_ws for t in seg.doc) == text
    assert len(list(seg.doc.sents)) == 200


def test_segment_reads_jieba_dictionary_exactly_as_jieba_does() -> None:
    """The one-read load of jieba's cache gives the prefix dictionary jieba's own loader gives."""
    import jieba

    from pipeline.segment import _initialize, jieba_cache_dir

    stock = jieba.Tokenizer()
    stock.tmp_dir = str(jieba_cache_dir())  # the tool's own cache folder, as jieba_tokenizer uses
    stock.initialize()  # also writes the cache file if this machine has none yet
    fast = jieba.Tokenizer()
    assert _initialize(fast) is True  # the one-read path, not jieba's loader
    assert fast.initialized and fast.total == stock.total and fast.FREQ == stock.FREQ
    text = "到2027年，全区服务业增加值达到680亿元，年均增长6%左右。"
    assert list(fast.cut(text)) == list(stock.cut(text))


def test_segment_imports_jieba_without_pkg_resources() -> None:
    """jieba falls back to plain open() for its data files; its dictionary still reads, and no
    None is left in sys.modules to break a later `import pkg_resources` by someone else."""
    code = ("import sys; from pipeline.segment import _import_jieba; j = _import_jieba(); "
            "assert 'pkg_resources' not in sys.modules; "
            "assert j.dt.get_dict_file().read(4); "
            "assert sys.modules.get('pkg_resources', 'absent') is not None; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


# --- the two engines: rjieba (jieba-rs) gives jieba's tokens -----------------------------------

_FIXTURES = sorted(p for p in (Path(__file__).resolve().parents[1] / "fixtures" / "docs").iterdir() if p.is_file())
_CORPUS = sorted((Path(__file__).resolve().parents[2] / "corpus").glob("*.txt"))
#: Characters where the engines once differed: ASCII runs jieba cuts (2025-2027, COVID-19, v1.2.3),
#: rarer Han characters only jieba-rs looks up (㐀 鿖 豈 𠀀), CR LF pairs, full-width forms.
_ALPHABET = (list("0123456789abcXYZ.-%+#&_ \t\r\n，。、：；（）()·—２Ａ\ue000㐀䶿鿖鿿豈𠀀")
             + ["年", "月", "万", "亿元", "个百分点", "发展", "改革", "局", "全区", "营业收入", "达到", "增长",
                "COVID-19", "v1.2.3", "2025-2027", "3.5%", "1,000", "\r\n", "区发展和改革局", "专精特新"])


@pytest.fixture(scope="module")
def engines():
    from pipeline.segment import jieba_tokenizer
    from pipeline.segment_rs import RustSegmenter

    pytest.importorskip("rjieba")
    return jieba_tokenizer(), RustSegmenter()


@pytest.mark.parametrize("path", _FIXTURES + _CORPUS, ids=lambda p: p.name)
def test_segment_engines_give_the_same_tokens_on_every_document(engines, path: Path) -> None:
    """The decoded text (traditional script, CRLF, full-width forms) and the normalized text."""
    from pipeline.decode import read_document

    reference, fast = engines
    raw = read_document(path)
    for text in (raw.text, normalize(raw).text):
        assert fast.lcut(text) == reference.lcut(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_segment_engines_give_the_same_tokens_on_any_mix(engines, text: str) -> None:
    reference, fast = engines
    assert fast.lcut(text) == reference.lcut(text)


@pytest.mark.parametrize("text", ["到2025-2027年，COVID-19、v1.2.3", "元元鿖41", "改区豈6", "9长a䶿分到"])
def test_segment_engines_agree_where_jieba_rs_differs(engines, text: str) -> None:
    reference, fast = engines
    assert fast.lcut(text) == reference.lcut(text)


def test_segment_engines_apply_the_project_words(engines) -> None:
    reference, fast = engines
    text = "会同区发展和改革局推进专精特新企业"
    assert fast.lcut(text) == reference.lcut(text)
    assert {"区发展和改革局", "专精特新"} <= set(fast.lcut(text))


def test_segment_falls_back_to_jieba_without_rjieba() -> None:
    """jieba is the reference and the fallback: chosen by POLICYKG_SEGMENTER=jieba, and when
    rjieba cannot be imported; rjieba otherwise."""
    code = ("import sys, os; block = sys.argv[1] == 'blocked'; "
            "sys.modules.update({'rjieba': None} if block else {}); "
            "from pipeline.segment import segmenter; print(type(segmenter()).__name__)")
    env = {**os.environ, "POLICYKG_SEGMENTER": ""}
    names = {}
    for case, extra in (("blocked", {}), ("forced", {"POLICYKG_SEGMENTER": "jieba"}), ("default", {})):
        out = subprocess.run([sys.executable, "-c", code, case], capture_output=True, text=True, timeout=120,
                             env={**env, **extra}, cwd=Path(__file__).resolve().parents[2])
        assert out.returncode == 0, out.stderr
        names[case] = out.stdout.strip()
    assert names["blocked"] == names["forced"] == "Tokenizer"
    assert names["default"] == ("RustSegmenter" if importlib.util.find_spec("rjieba") else "Tokenizer")


def _rjieba_total(rj) -> int:
    """jieba-rs's total, read through suggest_freq: one word of frequency F cut twice suggests
    F² / (total + F) (jieba-rs computes it in logs; F = 10¹² leaves an error under 1)."""
    big = 10**12
    rj.add_word("\ue010", big, None)
    suggested = rj.suggest_freq("\ue010\ue010")
    rj.add_word("\ue010", 0, None)  # jieba-rs replaces a word's frequency: the total is back
    return round(big * big / (suggested - 0.5) - big)


def test_segment_rjieba_holds_jiebas_dictionary_and_total(engines) -> None:
    """rjieba's built-in dictionary is jieba's dict.txt: every word, the total of its words
    (each once), a sample of frequencies; with the project's words and the pad the totals agree."""
    import rjieba

    from pipeline.segment_rs import _jieba_dict_file

    reference, fast = engines
    builtin = rjieba.Jieba()
    freqs: dict[str, int] = {}
    for line in _jieba_dict_file().read_text(encoding="utf-8").splitlines():
        word, freq = line.split(" ")[:2]
        freqs[word] = int(freq)
    assert all(builtin.has_word(w) for w in freqs)
    assert _rjieba_total(builtin) == sum(freqs.values())
    # A word cut as itself suggests its own frequency (or one more: rounding); a word its two
    # parts outweigh suggests more. Never less, and 98% of this sample are the first kind.
    sample = list(freqs)[::997]
    offsets = [builtin.suggest_freq(w) - freqs[w] for w in sample]
    assert min(offsets) >= 0 and sum(o in (0, 1) for o in offsets) >= 0.95 * len(sample)
    assert _rjieba_total(fast._rj) == reference.total
