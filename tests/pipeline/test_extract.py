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


def test_extract_a_goal_restated_in_a_later_section_is_kept_once():
    """A task section stating again a goal of the goals section (same amount, unit and deadline,
    one metric holding the other) adds no target; a new amount or another deadline does."""
    text = ("某市污水治理行动方案（2025—2027年）\n一、主要目标\n到2027年，新增污水处理能力12万吨/日，"
            "污水集中收集率达到75%。\n二、重点任务\n（一）扩建处理设施。到2027年，全市新增污水处理能力12万吨/日。"
            "2026年，污水集中收集率达到70%。\n")
    records = process_bytes(text.encode("utf-8"))
    assert [(t.metric, t.value, t.deadline) for t in records.targets] == [
        ("污水处理能力", 12, "2027-12-31"), ("污水集中收集率", 75, "2027-12-31"), ("污水集中收集率", 70, "2026-12-31")]
