"""Cut the real-document development set out of fetched repositories, byte for byte.

The texts are not ours to commit, so the repository keeps only where each one lives:
``sources.json`` names, per document, a repository, a pinned commit, a path inside it and a cut
(a whole file, a line range of a concatenated crawl, one column of one row of an SQL dump, or one
column of one row of a CSV file), with
the SHA-256 of the bytes the cut yields. ``python -m tools.devset.build --mirror DIR --out OUT``
reads ``DIR/<owner>+<name>/repo`` (a bare git directory, as the search tool's ``fetch`` leaves it, or
``repo/.git``)
with ``git show <commit>:<path>`` and writes ``OUT/<id>.<ext>``.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

SOURCES = Path(__file__).with_name("sources.json")


class DevsetError(Exception):
    """A mirror, commit, path or cut is missing or does not give the pinned bytes."""


def load_sources(path: Path = SOURCES) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def git_dir(mirror: Path, repo: str) -> Path:
    """The git directory of ``repo`` (owner/name) under ``mirror``: ``repo`` (bare), or ``repo/.git``
    when the fetch left a clone with an (empty) work tree, or the folder itself."""
    base = mirror / repo.replace("/", "+")
    for cand in (base / "repo", base / "repo" / ".git", base):
        if (cand / "HEAD").exists():
            return cand
    raise DevsetError(f"mirror of {repo} not found under {mirror} (fetch github:{repo} first)")


def read_blob(gdir: Path, repo: str, commit: str, path: str) -> bytes:
    """The bytes of ``path`` at ``commit``; a clear error when the commit or path is absent."""
    probe = subprocess.run(["git", "--git-dir", str(gdir), "cat-file", "-e", f"{commit}^{{commit}}"],
                           capture_output=True)
    if probe.returncode:
        raise DevsetError(f"commit {commit} of {repo} is not in the mirror {gdir} (fetch it again)")
    out = subprocess.run(["git", "--git-dir", str(gdir), "show", f"{commit}:{path}"], capture_output=True)
    if out.returncode:
        raise DevsetError(f"{path} not found at {repo}@{commit[:12]}")
    return out.stdout


def _sql_values(row: bytes) -> list[bytes | None]:
    """Parse the ``values (...)`` tuple of one MySQL INSERT into raw values (strings unescaped)."""
    start = row.lower().index(b"values (") + len(b"values (")
    vals: list[bytes | None] = []
    i, n = start, len(row)
    esc = {ord("n"): b"\n", ord("t"): b"\t", ord("r"): b"\r", ord("0"): b"\0"}
    while i < n:
        c = row[i]
        if c in b" \r\n\t,":
            i += 1
        elif c == ord(")"):
            break
        elif c == ord("'"):
            buf = bytearray()
            i += 1
            while True:
                c = row[i]
                if c == ord("\\"):
                    buf += esc.get(row[i + 1], bytes([row[i + 1]]))
                    i += 2
                elif c == ord("'") and i + 1 < n and row[i + 1] == ord("'"):
                    buf += b"'"
                    i += 2
                elif c == ord("'"):
                    i += 1
                    break
                else:
                    buf.append(c)
                    i += 1
            vals.append(bytes(buf))
        else:
            m = re.compile(rb"[^,)\s]+").match(row, i)
            tok = m.group(0)
            vals.append(None if tok.lower() == b"null" else tok)
            i = m.end()
    return vals


def cut_sql_row(data: bytes, table: str, row_id: int, column: str) -> bytes:
    """One column of the row whose first value is ``row_id`` in ``insert into <table> (...) values``."""
    heads = list(re.finditer(rb"(?im)^insert into `?" + re.escape(table.encode()) + rb"`?\s*\(([^)]*)\)\s*values \("
                             , data))
    for k, m in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(data)
        vals = _sql_values(data[m.start():end])
        if vals and vals[0] == str(row_id).encode():
            cols = [c.strip(b" `").decode() for c in m.group(1).split(b",")]
            if column not in cols:
                raise DevsetError(f"column {column} not in table {table}")
            value = vals[cols.index(column)]
            if value is None:
                raise DevsetError(f"row {row_id} of {table} has no {column}")
            return value
    raise DevsetError(f"row {row_id} not found in table {table}")


def cut_csv_row(data: bytes, key: str, value: str, column: str) -> bytes:
    """One cell of a UTF-8 CSV file: the ``column`` of the row whose ``key`` column equals ``value``."""
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    for name in (key, column):
        if name not in (reader.fieldnames or []):
            raise DevsetError(f"column {name} not in the CSV header {reader.fieldnames}")
    for row in reader:
        if row[key] == str(value):
            return row[column].encode("utf-8")
    raise DevsetError(f"no CSV row with {key} = {value}")


def cut(data: bytes, spec: dict) -> bytes:
    kind = spec["kind"]
    if kind == "file":
        return data
    if kind == "lines":
        lines = data.split(b"\n")
        return b"\n".join(lines[spec["start"]:spec["end"]])
    if kind == "sql_row":
        return cut_sql_row(data, spec["table"], spec["id"], spec["column"])
    if kind == "csv_row":
        return cut_csv_row(data, spec["key"], spec["value"], spec["column"])
    raise DevsetError(f"unknown cut kind {kind!r}")


def build(mirror: Path, out: Path, only: set[str] | None = None) -> list[Path]:
    """Write every document of sources.json into ``out``; check each against its pinned SHA-256."""
    src = load_sources()
    repos = {r["repo"]: r for r in src["repositories"]}
    out.mkdir(parents=True, exist_ok=True)
    cache: dict[tuple[str, str], bytes] = {}
    written = []
    for doc in src["documents"]:
        if only and doc["id"] not in only:
            continue
        repo = repos[doc["repo"]]
        key = (doc["repo"], doc["path"])
        if key not in cache:
            cache[key] = read_blob(git_dir(mirror, doc["repo"]), doc["repo"], repo["commit"], doc["path"])
        body = cut(cache[key], doc["cut"])
        digest = hashlib.sha256(body).hexdigest()
        if doc.get("sha256") and digest != doc["sha256"]:
            raise DevsetError(f"{doc['id']}: the cut gives sha256 {digest[:12]}…, sources.json pins "
                              f"{doc['sha256'][:12]}…")
        target = out / f"{doc['id']}.{doc.get('ext', 'txt')}"
        target.write_bytes(body)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, required=True, help="folder holding <owner>+<name>/repo git dirs")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the documents into")
    ap.add_argument("--only", nargs="*", help="document ids to build (default: all)")
    args = ap.parse_args(argv)
    try:
        written = build(args.mirror, args.out, set(args.only) if args.only else None)
    except DevsetError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"{len(written)} documents written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
