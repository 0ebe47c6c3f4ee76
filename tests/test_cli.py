"""The CLI on bad input: one line on stderr, a non-zero exit, no traceback, nothing lost."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "tests" / "fixtures" / "compare" / "city_plan.txt"


def policykg(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "policykg.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd or ROOT, timeout=300)


@pytest.fixture()
def bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "heading_only.txt").write_text("一、总体要求\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("name", ["empty.txt", "binary.txt", "missing.txt"])
def test_cli_bad_input_is_one_line(bad_files, name):
    out = bad_files / "out.json"
    result = policykg("extract", bad_files / name, "-o", out)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("Error:")
    assert not out.exists()


def test_cli_poor_document_is_extracted_with_warnings(bad_files, tmp_path):
    out = tmp_path / "h.json"
    result = policykg("extract", bad_files / "heading_only.txt", "-o", out)
    assert result.returncode == 0, result.stderr
    codes = {w["code"] for w in json.loads(out.read_text(encoding="utf-8"))["warnings"]}
    assert "no_targets" in codes


def test_cli_folder_with_good_and_bad_files(bad_files, tmp_path):
    (bad_files / "good.txt").write_bytes(GOOD.read_bytes())
    out = tmp_path / "out"
    result = policykg("extract", bad_files, "-o", out, "--workers", "2")
    assert result.returncode == 1
    assert (out / "good.json").exists() and (out / "heading_only.json").exists()
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert len(failed) == 2 and "Traceback" not in result.stderr
    assert sorted(line.split()[1] for line in failed) == ["[E001]", "[E002]"]  # binary, empty


def test_cli_same_names_in_different_folders_get_different_outputs(tmp_path):
    """Workers write the files; three plan.txt in three folders make three outputs, none lost."""
    for i, folder in enumerate("abc"):
        (tmp_path / folder).mkdir()
        text = GOOD.read_text(encoding="utf-8").replace("2025", str(2025 + i), 1)
        (tmp_path / folder / "plan.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = policykg("extract", tmp_path / "a", tmp_path / "b", tmp_path / "c", "-o", out, "--workers", "2")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["plan.json", "plan.txt.2.json", "plan.txt.json"]
    sources = {json.loads((out / n).read_text(encoding="utf-8"))["source"]["path"] for n in names}
    assert sources == {str(tmp_path / f / "plan.txt") for f in "abc"}
    assert not list(out.glob("*.tmp"))


def test_cli_unwritable_outputs_are_one_line_each(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_bytes(GOOD.read_bytes())
    (tmp_path / "docs" / "other.txt").write_bytes(GOOD.read_bytes().replace("2025".encode(), b"2026", 1))
    (tmp_path / "afile").write_text("kept", encoding="utf-8")
    result = policykg("extract", tmp_path / "docs", "-o", tmp_path / "afile", "--workers", "2")
    assert result.returncode != 0 and "is a file" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "kept"
    out = tmp_path / "out"
    (out / "plan.json").mkdir(parents=True)  # where a worker must write: it cannot
    result = policykg("extract", tmp_path / "docs", "-o", out, "--workers", "2")
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(failed) == 1 and "plan.json: cannot be written" in failed[0]
    assert (out / "other.json").is_file()  # the other document is not held back


def test_cli_failure_keeps_existing_output(bad_files, tmp_path):
    out = tmp_path / "keep.json"
    out.write_text('{"kept": true}', encoding="utf-8")
    result = policykg("extract", bad_files / "binary.txt", "-o", out)
    assert result.returncode != 0
    assert out.read_text(encoding="utf-8") == '{"kept": true}'


def test_cli_debug_shows_the_traceback(bad_files):
    result = policykg("--debug", "extract", bad_files / "missing.txt", "-o", bad_files / "x.json")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_cli_bad_param_is_one_line():
    result = policykg("query", "RETURN 1", "--param", "no-equals-sign")
    assert result.returncode == 1 and result.stderr.startswith("Error: [E001] --param 'no-equals-sign'")


def test_cli_huge_file_is_refused_with_a_message(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200_000_000)
    result = policykg("extract", huge, "-o", tmp_path / "huge.json")
    assert result.returncode == 1
    assert "limit" in result.stderr and "Traceback" not in result.stderr


def test_cli_unreachable_neo4j_is_one_line_without_the_password(tmp_path):
    import os
    import time

    env = dict(os.environ, NEO4J_URI="bolt://127.0.0.1:1", NEO4J_USER="neo4j",
               NEO4J_PASSWORD="s3cret-Passw0rd")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "policykg.cli", "query", "RETURN 1"], capture_output=True,
                            text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 1 and time.monotonic() - started < 60
    assert result.stderr.startswith("Error: [E020]") and len(result.stderr.strip().splitlines()) == 1
    assert "s3cret-Passw0rd" not in result.stderr + result.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table", "csv"])
def test_cli_query_output_never_writes_nan(fmt):
    """JSON has no NaN: a query result holding one is written as null (empty in CSV), never `NaN`."""
    import io

    from policykg.output import write_rows

    out = io.StringIO()
    write_rows([{"x": float("nan"), "y": [1.5, float("inf")]}], fmt, out)
    assert "nan" not in out.getvalue().lower() and "inf" not in out.getvalue().lower()
    if fmt.startswith("json"):
        assert '"x": null' in out.getvalue()


def test_cli_compare_parent_rolls_up_a_folder_of_districts(tmp_path):
    from openpyxl import load_workbook

    from tests.graph.answers.rollup_docs import DISTRICTS, city_plan, district_plan

    (tmp_path / "city.txt").write_text(city_plan(), encoding="utf-8")
    folder = tmp_path / "districts"
    folder.mkdir()
    for d in DISTRICTS:
        (folder / f"{d}.txt").write_text(district_plan(d), encoding="utf-8")
    out = tmp_path / "rollup.xlsx"
    result = policykg("compare", "--parent", tmp_path / "city.txt", folder, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "across 4 plans" in result.stdout
    assert len(load_workbook(out).sheetnames) == 2


@pytest.mark.parametrize("args", [["compare", GOOD], ["compare", "--parent", GOOD]])
def test_cli_compare_needs_two_plans_or_children(args, tmp_path):
    result = policykg(*args, "-o", tmp_path / "x.json")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.json").exists()
