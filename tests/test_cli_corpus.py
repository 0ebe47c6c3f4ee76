"""CLI of many plans: confirmations before destroying data, the CSV researchers open in Excel."""
from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from policykg.cli import cli
from policykg.output import write_rows


def test_cli_corpus_query_csv_has_a_bom_and_joins_lists():
    buf = io.StringIO()
    write_rows([{"bureau": "区商务局", "owners": ["区商务局", "区财政局"], "n": 2}], "csv", buf)
    out = buf.getvalue()
    assert out.startswith("\ufeffbureau,owners,n")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[1] == ["区商务局", "区商务局、区财政局", "2"]


def test_cli_corpus_reset_and_remove_ask_first(tmp_path, monkeypatch):
    # Refused at the prompt: nothing is opened, so no database is needed (nor touched).
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path))
    runner = CliRunner()
    reset = runner.invoke(cli, ["db", "reset"], input="n\n")
    assert reset.exit_code == 1 and "Delete everything" in reset.output and "empty" not in reset.output
    remove = runner.invoke(cli, ["remove", "plan:x"], input="n\n")
    assert remove.exit_code == 1 and "Remove the plan 'plan:x'" in remove.output
    assert not any(tmp_path.iterdir())


def test_cli_corpus_table_of_documents(tmp_path, monkeypatch):
    from tests.districts import city_plan, district_plan

    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path / "home"))  # the extraction cache
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d0.txt").write_text(district_plan(0), encoding="utf-8")
    (docs / "city.txt").write_text(city_plan(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["table", str(docs), "-o", str(tmp_path / "t"), "--format", "parquet"])
    assert result.exit_code == 0, result.output
    assert "6 targets" in result.output
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == [
        "milestones.parquet", "responsibilities.parquet", "targets.parquet"]


def test_cli_corpus_a_folders_manifest_is_no_input(tmp_path):
    """corpus/manifest.json describes the folder: `make run` must not list it as skipped or load
    it, while the same file named on its own is still tried (and refused as not records)."""
    from policykg.inputs import sort_inputs

    (tmp_path / "manifest.json").write_text('{"documents": []}', encoding="utf-8")
    (tmp_path / "plan.txt").write_text("云江县服务业发展方案\n一、目标\n到2026年，新增企业10家。\n", encoding="utf-8")
    found = sort_inputs([tmp_path])
    assert found.documents == [tmp_path / "plan.txt"] and found.records == [] and found.skipped == []
    assert sort_inputs([tmp_path / "manifest.json"]).records == [tmp_path / "manifest.json"]
