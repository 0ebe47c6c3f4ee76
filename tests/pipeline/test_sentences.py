"""Sentence spans: split at 。！？ and line ends, not at a line broken inside a sentence."""
import pytest

from pipeline.sentences import broken_line, clauses, sentences


def _texts(text):
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("一、目标\n到2026年，全市服务业增加值达到\n300亿元。", ["一、目标", "到2026年，全市服务业增加值达到\n300亿元。"]),
    ("全市新增规上企业50家，规上企业营业收入\n\n达到800亿元。", ["全市新增规上企业50家，规上企业营业收入\n\n达到800亿元。"]),
    ("推进商贸流通体系建设，\n新增冷库10万吨。", ["推进商贸流通体系建设，\n新增冷库10万吨。"]),
    ("某市行动方案（2025—2027年）\n为贯彻落实精神，制定本方案。", ["某市行动方案（2025—2027年）", "为贯彻落实精神，制定本方案。"]),
    ("某市人民政府办公室\n2025年3月1日", ["某市人民政府办公室", "2025年3月1日"]),
    ("（一）做强商贸。建设商圈3个\n（二）做优会展", ["（一）做强商贸。", "建设商圈3个", "（二）做优会展"]),
])
def test_sentences_line_breaks(text, expected):
    assert _texts(text) == expected


def test_sentences_clauses_split_on_commas_and_semicolons():
    text = "到2026年，增加值达到300亿元；企业达到50家。"
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == ["到2026年", "增加值达到300亿元", "企业达到50家"]


@pytest.mark.parametrize("text", [
    "为落实《临江市服务业高质量发展三年行动方案\n（2023—2025年）》精神，制定本方案。",
    "贯彻《西川省服务业规划（2025—2035年）》和《青禾市促进消费三年行动方案（2025—\n2027年）》部署要求。",
    "技术合同成交额达到25亿元。（牵头单位：区科技局；\n配合单位：区发改局）",
    # a PDF's full line of prose ending with a quoted name's ”
    "对新迁入的数字经济企业，当年营业收入3000万元以上，且纳入云江区“规上”\n企业库的，给予奖励。",
])
def test_sentences_break_inside_a_cited_title_or_clause_is_joined(text: str) -> None:
    assert broken_line(text, text.index("\n"))


@pytest.mark.parametrize("text", [
    "一、实施“强基”工程\n加强基层队伍建设。",           # a heading ending with a quote
    "全面落实“放管服”\n二、主要任务",                  # a short line
])
def test_sentences_a_line_ending_with_a_quote_ends_there(text: str) -> None:
    assert not broken_line(text, text.index("\n"))
