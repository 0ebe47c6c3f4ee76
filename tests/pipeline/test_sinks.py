"""Records written while they are made (pipeline.sinks) are the records gathered in memory, byte
for byte, through extract_one's files (cache, output) too."""
import json
from pathlib import Path

import pytest

from pipeline import STAGES, run
from pipeline.batch import extract_one
from pipeline.decode import read_document
from pipeline.extract import extract, extract_into
from pipeline.roles import BY_OPTION, first_listed_leads
from pipeline.sinks import JsonWriter

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = sorted(p for p in list((ROOT / "corpus").glob("*")) + list((ROOT / "tests/fixtures/docs").glob("*"))
                   + list((ROOT / "tests/fixtures/compare").glob("*.txt")) if p.suffix != ".json")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_sinks_json_writer_is_model_dump(path, tmp_path):
    doc = run(read_document(path), STAGES[:-1])
    gathered = extract(doc)
    plain, option = tmp_path / "plain.json", tmp_path / "option.json"
    with JsonWriter([(plain, None, False), (option, BY_OPTION, True)]) as writer:
        extract_into(doc, writer)
    assert plain.read_text(encoding="utf-8") == gathered.model_dump_json(indent=1)
    assert option.read_text(encoding="utf-8") == first_listed_leads(gathered).model_dump_json(indent=1) + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["option.json", "plain.json"]  # no spool, no .tmp


def test_sinks_unfinished_records_leave_the_old_file(tmp_path):
    doc = run(read_document(DOCUMENTS[0]), STAGES[:-1])
    out = tmp_path / "plan.json"
    out.write_text("kept", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with JsonWriter([(out, None, True)]) as writer:
            writer.start(extract(doc).model_copy(update={"actions": []}), False)
            raise RuntimeError("a rule failed half-way")
    assert out.read_text(encoding="utf-8") == "kept"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_sinks_extract_one_streams_to_its_files(tmp_path):
    path = next(p for p in DOCUMENTS if "yishi" in p.name)
    held = extract_one(path)  # no file: the records in memory, as before
    out, cache = tmp_path / "out" / "plan.json", tmp_path / "cache"
    streamed = extract_one(path, cache, output=out)
    assert streamed.ok and streamed.json is None and streamed.output == str(out)
    assert out.read_text(encoding="utf-8") == held.json + "\n"
    (cached_file,) = cache.iterdir()
    assert cached_file.read_text(encoding="utf-8") == held.json
    only_cache = extract_one(path, tmp_path / "cache2")  # what `policykg load` does
    assert only_cache.records_file and only_cache.records == held.records
    again = extract_one(path, cache, output=tmp_path / "again.json")  # a cache hit: copied, never parsed
    assert again.cached and again.json is None
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == held.json + "\n"
    moved = tmp_path / "moved.txt"  # the same bytes at another path: the copy names that path
    moved.write_bytes(path.read_bytes())
    elsewhere = extract_one(moved, cache, output=tmp_path / "moved.json")
    assert elsewhere.cached and json.loads((tmp_path / "moved.json").read_text(encoding="utf-8"))["source"]["path"] == str(moved)
    assert json.loads((tmp_path / "moved.json").read_text(encoding="utf-8"))["targets"] == json.loads(held.json or "")["targets"]


def test_sinks_a_cut_short_cache_file_is_read_whole_not_copied(tmp_path):
    path = next(p for p in DOCUMENTS if "yishi" in p.name)
    cache = tmp_path / "cache"
    extract_one(path, cache, output=tmp_path / "first.json")
    (cached_file,) = cache.iterdir()
    cached_file.write_text(cached_file.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    out = tmp_path / "second.json"
    again = extract_one(path, cache, output=out)
    assert not again.ok and "E0" in (again.error or "") and not out.exists()
