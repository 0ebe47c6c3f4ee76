"""``policykg load`` keeps the embedded server in use while it waits for records: a long
extraction before the first write must not let the server reach its idle timeout
(POLICYKG_IDLE_TIMEOUT, 15 minutes by default; here 2 s). A server of its own (a separate home)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterator

import pytest

from graph.store.embedded import server_status, stop_server
from graph.store.home import kept_in_use
from graph.store.store import open_store
from pipeline import process_file
from policykg.loading import load_records
from schemas.records import DocumentRecords

DOC = Path(__file__).resolve().parents[2] / "fixtures" / "docs" / "county_meeting_notice.txt"
IDLE = 2.0


def test_load_keeps_the_server_alive_through_a_slow_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("POLICYKG_IDLE_TIMEOUT", str(IDLE))
    records = process_file(DOC)

    def slow() -> Iterator[DocumentRecords]:  # what load_paths hands over: records as they are extracted
        time.sleep(IDLE * 3)  # an extraction three idle timeouts long, before the first record
        yield records

    try:
        with open_store(env={}, home=home) as store:
            pid = server_status(home)["pid"]
            summary = load_records(slow(), store)
            assert summary.documents == 1
            rows = store.query("MATCH (p:Plan {id: $id}) RETURN count(p) AS n", {"id": records.plan.id})
            assert rows == [{"n": 1}]
        assert (server_status(home) or {}).get("pid") == pid  # the same server, never restarted
        assert "stopping (idle)" not in (home / "server.log").read_text(errors="replace")
    finally:
        stop_server(home)


def test_kept_in_use_touches_last_used_while_the_block_runs(tmp_path: Path) -> None:
    last_used = tmp_path / "last_used"
    with kept_in_use(tmp_path, 0.05):
        first = last_used.stat().st_mtime_ns
        deadline = time.monotonic() + 10
        while last_used.stat().st_mtime_ns == first:
            assert time.monotonic() < deadline, "last_used was never touched again"
            time.sleep(0.02)
