"""pipeline/extract.py: the cache fingerprint (PIPELINE_VERSION) covers what the records are made of."""
from pathlib import Path

from pipeline import process_bytes
from pipeline.extract import PIPELINE_VERSION, _fingerprint

ROOT = Path(__file__).resolve().parents[2]


def test_extract_fingerprint_hashes_pipeline_code_data_and_record_schemas(monkeypatch):
    """A change to schemas/ids.py (how ids are made) must not serve stale cached records."""
    read: list[Path] = []
    original = Path.read_bytes

    def recording(self: Path) -> bytes:
        read.append(self.resolve().relative_to(ROOT))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", recording)
    assert _fingerprint() == PIPELINE_VERSION
    names = {p.as_posix() for p in read}
    assert {"schemas/ids.py", "schemas/records.py", "schemas/stages.py"} <= names
    assert {"pipeline/extract.py", "pipeline/rules/targets.py", "pipeline/data/userdict.txt"} <= names
    assert not {"schemas/errors.py", "schemas/graph.py"} & names  # not record contents


def test_extract_minutes_dated_by_their_document_number():
    """Minutes with no period and no date of issue: the 文号's year dates 年底前 and X月底前, so their
    goals stay targets (a notice or minutes keeps only dated goals)."""
    text = ("关于十月份月度工作例会的纪要\n某供电公司专题会纪要〔2022〕12号\n"
            "一、重点工作\n1.财务方面。财务部牵头，确保年底前工程转资率达85%以上。\n"
            "2.建设方面。建设部牵头，11月底前新增投产工程15项。\n")
    records = process_bytes(text.encode("utf-8"))
    assert [(t.metric, t.value, t.deadline) for t in records.targets] == [
        ("工程转资率", 85, "2022-12-31"), ("投产工程", 15, "2022-11-30")]
