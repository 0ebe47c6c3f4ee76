"""Hostile inputs (issue 17): what is not a regular file, what is too big once read or inflated,
odd encodings, odd file names, a planted jieba cache, long lines. Behaviour only: speed is for
``python -m tests.bench --hostile``."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline import process_bytes
from pipeline.batch import extract_one, walk_documents
from pipeline.bounds import WINDOW, unique_ids
from pipeline.decode import decode, read_document, read_limited
from schemas.errors import DocumentTooLarge, InputError
from schemas.paths import shown
from tests import hostile

ROOT = Path(__file__).resolve().parents[2]
PLAN = "（一）到2026年，全区服务业增加值达到300亿元（责任单位：区商务局）。\n".encode("utf-8")


def _finishes(fn, seconds: float = 20.0):
    """Run ``fn`` in a thread; fail if it has not returned (a FIFO would block it forever)."""
    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "did not finish: blocked on the input"
    return box


def test_inputs_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "plan.txt"
    os.mkfifo(fifo)
    box = _finishes(lambda: read_document(fifo))
    assert isinstance(box.get("error"), InputError) and "FIFO" in str(box["error"])
    outcome = _finishes(lambda: extract_one(fifo))["value"]
    assert not outcome.ok and "FIFO" in outcome.error


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_inputs_device_behind_a_symlink_is_refused(tmp_path, device):
    link = tmp_path / "plan.txt"
    link.symlink_to(device)
    with pytest.raises(InputError, match="character device"):
        read_document(link)


def test_inputs_read_stops_at_the_limit_whatever_the_size_says():
    # /proc files are regular files that report size 0 but hold more: only the capped read sees it.
    path = Path("/proc/self/maps")
    if not path.exists():
        pytest.skip("no /proc")
    assert path.stat().st_size == 0
    with pytest.raises(DocumentTooLarge):
        read_limited(path, max_bytes=100)


def test_inputs_docx_declared_inflated_size_over_the_limit_is_refused():
    bomb = hostile.docx_paragraphs(200_000)  # 1.2 MB of XML in a few kB
    assert len(bomb) < 20_000
    with pytest.raises(DocumentTooLarge, match="inflate"):
        decode(bomb, "bomb.docx", max_bytes=1_000_000)


def test_inputs_docx_whose_declared_size_lies_is_refused():
    with pytest.raises(InputError):
        decode(hostile.docx_lying_size(2_000_000), "liar.docx", max_bytes=1_000_000)


def test_inputs_docx_many_paragraphs_and_tables_finish():
    raw = decode(hostile.docx_paragraphs(20_000, "推进服务业发展，提升能级"), "p.docx")
    assert raw.text.count("推进服务业发展") == 20_000
    raw = decode(hostile.docx_tables(2_000), "t.docx")
    assert raw.text.count("区商务局，区财政局\t区商务局，区财政局") == 4_000


def test_inputs_utf16_without_bom_and_utf32_with_bom_are_decoded():
    text = "到2026年，全区服务业增加值达到300亿元。\n"
    for data, codec in ((text.encode("utf-16-le"), "utf-16-le"), (text.encode("utf-16-be"), "utf-16-be"),
                        (text.encode("utf-32"), "utf-32")):
        raw = decode(data, "u.txt")
        assert raw.text == text.strip("\n") and raw.encoding == codec


def test_inputs_binary_with_nul_bytes_is_still_refused():
    with pytest.raises(InputError, match="does not look like text"):
        decode(bytes(range(256)) * 40, "b.txt")


def test_inputs_one_bad_byte_in_utf8_is_replaced_with_a_warning():
    data = PLAN + b"\xff" + PLAN * 19
    records = process_bytes(data, "bad.txt")
    assert records.source.encoding == "utf-8"
    warning = next(w for w in records.warnings if w.code == "encoding")
    assert "1 invalid UTF-8" in warning.message
    assert any(t.value == 300 for t in records.targets)


def test_inputs_gbk_is_not_taken_for_broken_utf8():
    raw = decode(PLAN.decode("utf-8").encode("gbk") * 5, "g.txt")
    assert raw.encoding == "gb18030" and not raw.warnings


def test_inputs_folder_walk_skips_links_out_and_special_files_and_lists_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plan.txt").write_bytes(PLAN)
    secret = tmp_path / "credentials.txt"
    secret.write_text("password")
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "shadow.txt").symlink_to("/etc/shadow")
    (corpus / "alias.txt").symlink_to(corpus / "plan.txt")  # inside the folder: kept
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "outside").symlink_to(tmp_path)
    found, skipped = walk_documents([corpus])
    assert sorted(p.name for p in found) == ["alias.txt", "plan.txt"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert set(reasons) == {"leak.txt", "shadow.txt", "pipe.txt", "outside"}
    assert "out of the folder" in reasons["leak.txt"] and "regular" in reasons["pipe.txt"]


def test_inputs_shown_escapes_undecodable_bytes_and_control_characters():
    name = os.fsdecode(b"plan\xff\n\x1b]0;pwned\x07.txt")
    assert shown(name) == "plan\\xff\\x0a\\x1b]0;pwned\\x07.txt"
    assert shown(name).isprintable()


def test_inputs_odd_file_names_reach_neither_records_nor_terminal_raw(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    weird = os.fsencode(folder) + b"/plan\xff\n\x1b[31m.txt"
    with open(weird, "wb") as fh:
        fh.write(PLAN)
    (folder / "shadow.txt").symlink_to("/etc/shadow")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "policykg.cli", "extract", str(folder), "-o", str(out),
                           "--no-cache"], capture_output=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "POLICYKG_HOME": str(tmp_path / "home")})
    assert proc.returncode == 0, proc.stderr
    assert b"\x1b" not in proc.stdout + proc.stderr
    assert b"skipped: " in proc.stderr and b"shadow.txt: a link leading out of the folder" in proc.stderr
    (written,) = out.iterdir()
    text = written.read_text(encoding="utf-8")
    assert "plan\\\\xff\\\\x0a\\\\x1b[31m.txt" in text  # backslash escapes, JSON-escaped once more


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_inputs_unreadable_file_is_one_clear_line(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN)
    path.chmod(0)
    outcome = extract_one(path)
    assert not outcome.ok and "plan.txt" in outcome.error and "unexpected" not in outcome.error


def test_inputs_jieba_cache_lives_in_our_home_not_the_shared_temp(tmp_path):
    shared = tmp_path / "tmp"
    shared.mkdir()
    (shared / "jieba.cache").write_bytes(marshal.dumps(({}, 5)))  # planted: an empty dictionary
    home = tmp_path / "home"
    code = ("from pipeline.segment import jieba_tokenizer; import sys;"
            "tok = jieba_tokenizer(); print(tok.tmp_dir); print('|'.join(tok.lcut('我们发展经济')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "TMPDIR": str(shared), "POLICYKG_HOME": str(home)})
    assert proc.returncode == 0, proc.stderr
    tmp_dir, words = proc.stdout.split()
    assert Path(tmp_dir) == home / "jieba" and (home / "jieba").stat().st_mode & 0o777 == 0o700
    assert words.split("|") == ["我们", "发展", "经济"]  # the planted cache would give single characters
    assert (home / "jieba" / "jieba.cache").is_file() and "Traceback" not in proc.stderr


@pytest.mark.parametrize("numbers", [True, False])
def test_inputs_long_single_line_is_read_in_windows(numbers):
    data = hostile.long_line(4 * WINDOW * 3, numbers)  # 3 bytes a character: 4 windows
    records = process_bytes(data, "line.txt")
    windows = [w for w in records.warnings if w.code == "long_sentence"]
    assert len(windows) == 1
    assert 4 <= int(re.search(r"read in (\d+) windows", windows[0].message).group(1)) <= 8
    if numbers:
        # every clause of the line is a target, windows cut between clauses
        assert len(records.targets) >= data.decode("utf-8").count("亿元") - 4


def test_inputs_misprinted_date_is_warned():
    records = process_bytes("（一）2025年2月30日前，出台服务业发展实施细则。\n".encode("utf-8"))
    (w,) = [w for w in records.warnings if w.code == "bad_date"]
    assert w.text == "2025年2月30日"
    assert not records.milestones


def test_inputs_duplicate_ids_are_made_unique_in_order():
    records = process_bytes(PLAN)
    target = records.targets[0]
    out = unique_ids([target, target, target])
    assert [t.id for t in out] == [target.id, target.id + ".2", target.id + ".3"]


@pytest.mark.parametrize("run", ["1" * 20_000, "三" * 20_000, "1." * 10_000])
def test_inputs_long_runs_of_numerals_finish(run):
    """QUANTITY_RE used to rescan a run of digits from each of its positions (quadratic)."""
    from pipeline.numbers import QUANTITY_RE

    box = _finishes(lambda: list(QUANTITY_RE.finditer(run)), seconds=5)
    assert box["value"] == []
