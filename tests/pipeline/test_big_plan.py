"""A big plan (issue 17: 50 MB within 1 GB) is read without holding per-character or per-word
Python objects, and without keeping what no later block reads. Each test fails without its
handling; the speed and the peak at full size are in ``python -m tests.bench --hostile``.

Memory here is what tracemalloc counts (deterministic), per character of a generated plan."""
from __future__ import annotations

import importlib
import tracemalloc
from array import array
from itertools import accumulate
from typing import Any, Callable

import pytest

from pipeline import process_bytes
from pipeline.decode import clean_lines, decode
from pipeline.normalize import _converter, normalize
from pipeline.segment import segment, segmenter
from tests import hostile

# the modules, not the stage functions ``pipeline`` re-exports under the same names
segment_module = importlib.import_module("pipeline.segment")
extract_module = importlib.import_module("pipeline.extract")

#: Bytes a character at most, at the stage's peak: the text's own copies and 8-byte arrays fit
#: (about 15); a list of int or str objects per character or word does not (42–55).
PEAK_PER_CHAR = 25


def _peak_per_char(run: Callable[[], Any], chars: int) -> float:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1] / chars
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def raw():
    return decode(hostile.plan_text(600_000), "plan.txt")


def test_normalize_keeps_its_offset_map_in_arrays(raw):
    _converter()  # OpenCC's dictionaries are not the document's
    assert _peak_per_char(lambda: normalize(raw), len(raw.text)) < PEAK_PER_CHAR


def test_segment_never_holds_all_words_as_strings(raw):
    norm = normalize(raw)
    segmenter()
    assert _peak_per_char(lambda: segment(norm), len(norm.text)) < PEAK_PER_CHAR


def test_segment_in_pieces_gives_the_words_of_the_whole_text(raw, monkeypatch):
    norm = normalize(raw)
    whole = array("q", accumulate(map(len, segmenter().lcut(norm.text)), initial=0))
    monkeypatch.setattr(segment_module, "SEGMENT_CHUNK", 50)  # a piece ends after every line or two
    assert segment(norm).bounds == whole


def test_clean_lines_maps_an_unchanged_run_of_lines_with_one_stretch():
    lines = [f"（{i}）推进第{i}项重点任务。" for i in range(200)]
    text, dropped, segments = clean_lines("\n".join(lines))
    assert text == "\n".join(lines) and not dropped
    assert segments == [(0, 0)]  # not two entries a line


def test_clean_lines_map_is_exact_where_lines_change():
    given = "标题\r\n\r\n\r\n第一段内容。   \n\n\n\n第二段内容。\n第三段。  \n"
    text, _, segments = clean_lines(given)
    doc = decode(given.encode("utf-8"), "p.txt")
    assert doc.text == text and len(segments) < 2 * text.count("\n") + 1
    for pos, ch in enumerate(text):
        if ch != "\n":
            assert given[doc.original_pos(pos)] == ch


def test_heading_clauses_are_forgotten_once_their_section_ends(monkeypatch):
    seen: list[Any] = []
    made = extract_module._Records.__post_init__

    def keep(self) -> None:
        made(self)
        seen.append(self)

    monkeypatch.setattr(extract_module._Records, "__post_init__", keep)
    records = process_bytes(hostile.plan_text(60_000), "plan.txt")
    assert len(records.sections) > 400 and seen
    # every （一） heading carries a clause; only those still open at the end remain
    assert len(seen[0].heading_clauses) <= 3


def test_sections_share_one_set_of_the_fields_they_were_given():
    from pipeline.outline import outline

    doc = outline(segment(normalize(decode(hostile.plan_text(20_000), "plan.txt"))))
    sets = {id(s.__pydantic_fields_set__) for s in doc.sections}
    assert len(doc.sections) > 100 and len(sets) == 1  # not one 728-byte set a section
    given = {"id", "marker", "depth", "title", "path", "parent_id", "start", "end"}
    assert all(s.model_fields_set == given for s in doc.sections)
    assert doc.sections[1].model_dump() != doc.sections[2].model_dump()
