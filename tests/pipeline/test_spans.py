"""Spans are sacred: every fact's evidence is exactly the text at its offsets, in both texts."""
from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline import trace
from pipeline.decode import read_document
from schemas.records import Evidence, Target
from schemas.validate import validate_records, validate_records_json

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(p for p in list((ROOT / "corpus").glob("*")) + list((ROOT / "tests/fixtures/docs").glob("*"))
                   + list((ROOT / "tests/fixtures/compare").glob("*.txt")) if p.suffix != ".json")


def _run(path):
    values = trace(read_document(path))
    return values["normalize"], values["extract"]


def _file_text(path: Path, raw) -> str:
    """The file as the user has it, decoded with the encoding decode found (for a text file);
    an HTML page's or a .docx's laid-out text otherwise (their markup holds no plan text)."""
    if raw.format != "text":
        return raw.original
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode(raw.encoding)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_spans_point_at_their_text(path):
    """Original offsets index the decoded file itself, with its site noise and line endings."""
    norm, records = _run(path)
    text, original = norm.text, _file_text(path, norm.raw)
    if norm.raw.format == "text":
        assert norm.raw.original == original
    evidences = [t.evidence for t in records.amounts()] + [m.evidence for m in records.milestones]
    evidences += [a.clause for a in records.actions if a.clause]
    assert evidences, "a plan with no facts"
    for ev in evidences:
        assert text[ev.start:ev.end] == ev.text
        assert original[ev.orig_start:ev.orig_end] == ev.orig_text
        assert ev.sentence and ev.text.strip()[:1] in ev.sentence or ev.text in text
    for s in records.sections:
        assert 0 <= s.start < s.end <= len(text)
    for w in records.warnings:
        if w.orig_start is not None and w.text:
            assert original[w.orig_start:w.orig_end] == w.text


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_spans_records_validate_against_the_contract(path):
    """Records are valid as built, and their JSON text reads back to the same records
    (batch extraction writes that text without parsing it again)."""
    _, records = _run(path)
    validate_records(records.model_dump(mode="json"))
    assert validate_records_json(records.model_dump_json(indent=1)) == records


def test_records_refuse_nan_which_json_cannot_carry():
    evidence = Evidence(document="d", text="x", start=0, end=1, orig_text="x", orig_start=0,
                        orig_end=1, sentence="x")
    Target(id="t", metric="m", value=1.5, kind="level", evidence=evidence)  # the control
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValidationError, match=r"(?s)value\n.*finite"):
            Target(id="t", metric="m", value=bad, kind="level", evidence=evidence)


def test_records_are_validated_when_changed():
    """Batch extraction writes records without parsing them again: changes must be checked too."""
    evidence = Evidence(document="d", text="x", start=0, end=1, orig_text="x", orig_start=0,
                        orig_end=1, sentence="x")
    target = Target(id="t", metric="m", value=1.5, kind="level", evidence=evidence)
    assert target.replace(deadline="2026-12-31").deadline == "2026-12-31"
    with pytest.raises(ValidationError, match="deadline"):
        target.replace(deadline="end of 2026")
    with pytest.raises(ValidationError, match="value"):
        target.value = float("nan")
    with pytest.raises(ValidationError, match="start"):
        evidence.start = "zero"


def test_spans_are_spacy_spans_of_the_segmented_doc():
    """Every evidence span is a Span of the jieba-tokenized spaCy Doc (expanded to token edges)."""
    values = trace(read_document(ROOT / "tests" / "fixtures" / "docs" / "linjiang_district_services_2024-2026.txt"))
    seg, value = values["segment"], values["extract"]
    doc = seg.doc
    assert doc.text == seg.norm.text and len(list(doc.sents)) > 10
    for t in value.targets:
        span = doc.char_span(t.evidence.start, t.evidence.end, alignment_mode="expand")
        assert span is not None and t.evidence.text in span.text
