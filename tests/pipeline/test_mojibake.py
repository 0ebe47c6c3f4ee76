"""UTF-8 text read as a single-byte code page: repaired when certain, spans still exact."""
import pytest

from pipeline import process_bytes
from pipeline.mojibake import diagnose

#: A fictional plan, then the same text as a crawl would store it after reading its UTF-8 bytes
#: as another code page and saving the result as UTF-8 again.
PLAN = ("某市无障碍环境建设实施方案（2024—2026年）\n一、主要目标\n"
        "到2026年，新建公共建筑无障碍设施配套率达到100%，改造无障碍厕所120个。\n")


def _garbled(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec)


@pytest.mark.parametrize("codec", ["mac_cyrillic", "cp1251", "koi8_r", "latin-1"])
def test_mojibake_repaired_with_exact_spans(codec):
    garbled = _garbled(PLAN, codec)
    assert "无障碍" not in garbled
    records = process_bytes(garbled.encode("utf-8"), "plan.txt")
    clean = process_bytes(PLAN.encode("utf-8"), "plan.txt")
    got = [(t.metric, t.value, t.unit, t.evidence.text) for t in records.targets]
    assert got == [(t.metric, t.value, t.unit, t.evidence.text) for t in clean.targets]
    assert {t.value for t in records.targets} == {100, 120}
    repaired = [w for w in records.warnings if w.code == "mojibake"]
    assert len(repaired) == 1 and "repaired" in repaired[0].message
    for t in records.targets:  # the spans index the file as it is: the garbled characters
        ev = t.evidence
        assert garbled[ev.orig_start:ev.orig_end] == ev.orig_text
        assert ev.orig_text.encode(codec).decode("utf-8") == ev.text
    assert records.plan.title.startswith("某市无障碍环境建设实施方案")


def test_mojibake_partly_damaged_is_only_reported():
    garbled = _garbled(PLAN * 3, "mac_cyrillic")
    # Lose one character of every other character's three: those no longer decode.
    damaged = "".join(ch for i, ch in enumerate(garbled) if ch.isascii() or i % 6 != 1)
    repair, suspected = diagnose(damaged)
    assert repair is None and "mac_cyrillic" in suspected
    records = process_bytes(damaged.encode("utf-8"), "plan.txt")
    msgs = [w.message for w in records.warnings if w.code == "mojibake" and "suspected" in w.message]
    assert len(msgs) == 1 and "mac_cyrillic" in msgs[0]


@pytest.mark.parametrize("text", [
    PLAN,
    "合作院校：Московский государственный университет，共建联合实验室2个。\n" * 3,
    "Café de Flore, Zürich, São Paulo: «Ça va», naïve façade — déjà vu.\n" * 3,
])
def test_mojibake_leaves_real_text_alone(text):
    assert diagnose(text) == (None, [])
