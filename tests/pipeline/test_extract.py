"""pipeline/extract.py: the cache fingerprint (PIPELINE_VERSION) covers what the records are made of."""
from pathlib import Path

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
