"""The dev-set tool's CSV cut: one cell of one row, multi-line cells kept, a missing piece named in one line;
and where it looks for a fetched mirror's git directory."""
from pathlib import Path

import pytest

from tools.devset.build import DevsetError, cut, git_dir

DATA = 'id,article,labels\n1,"第一行\n第二行，含""引号""",a\n2,"另一篇",b\n'.encode("utf-8")


def test_csv_row_gives_the_cell_unescaped() -> None:
    spec = {"kind": "csv_row", "key": "id", "value": "1", "column": "article"}
    assert cut(DATA, spec).decode("utf-8") == "第一行\n第二行，含\"引号\""


@pytest.mark.parametrize("spec, message", [
    ({"kind": "csv_row", "key": "id", "value": "9", "column": "article"}, "no CSV row with id = 9"),
    ({"kind": "csv_row", "key": "id", "value": "1", "column": "text"}, "column text not in the CSV header"),
])
def test_csv_row_names_the_missing_piece(spec: dict, message: str) -> None:
    with pytest.raises(DevsetError, match=message):
        cut(DATA, spec)


@pytest.mark.parametrize("layout", ["repo", "repo/.git", ""])
def test_git_dir_finds_bare_and_clone_layouts(tmp_path: Path, layout: str) -> None:
    gdir = tmp_path / "owner+name" / layout
    gdir.mkdir(parents=True, exist_ok=True)
    (gdir / "HEAD").write_text("ref: refs/heads/main\n")
    assert git_dir(tmp_path, "owner/name") == gdir


def test_git_dir_names_the_fetch_to_run(tmp_path: Path) -> None:
    with pytest.raises(DevsetError, match="fetch github:owner/name first"):
        git_dir(tmp_path, "owner/name")
