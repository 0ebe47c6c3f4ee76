"""The identity check for a refactoring: every document's records, written so two runs compare.

``python -m tests.records_snapshot OUT [--bench DIR] [--count N]`` writes the records JSON of every
document in corpus/, tests/fixtures/docs/, tests/fixtures/compare/ and a bench corpus (generated
into DIR by tests.bench_corpus if DIR holds no documents yet; generate it once and pass the same
DIR to the run before and the run after) with ``source.pipeline_version`` blanked, the only field
a change of code may change. ``python -m tests.records_snapshot --compare A B`` prints the
documents compared and each one whose records differ; it exits non-zero on a difference.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tests.bench_corpus import SEED_SUFFIXES, generate

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("corpus", "tests/fixtures/docs", "tests/fixtures/compare")
SUFFIXES = SEED_SUFFIXES | {".docx"}


def documents(bench: Path) -> dict[str, Path]:
    """Snapshot name → document: the shipped folders, then the bench corpus."""
    out: dict[str, Path] = {}
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).iterdir()):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                out[f"{folder.replace('/', '_')}__{path.name}"] = path
    for path in sorted(bench.iterdir()):
        if path.suffix.lower() in SUFFIXES:
            out[f"bench__{path.name}"] = path
    return out


def snapshot(out: Path, bench: Path, count: int = 300, workers: int = 2) -> int:
    """Write one blanked JSON per document into ``out``; returns how many."""
    from pipeline.batch import extract_many

    if not bench.exists() or not any(bench.iterdir()):
        generate(bench, count)
    docs = documents(bench)
    out.mkdir(parents=True, exist_ok=True)
    paths = list(docs.values())
    for name, outcome in zip(docs, extract_many(paths, workers=workers, first_listed=False)):
        if not outcome.ok:
            text = json.dumps({"error": outcome.error}, ensure_ascii=False)
        else:
            assert outcome.json is not None  # no output files asked for: the JSON comes back
            data = json.loads(outcome.json)
            data["source"]["pipeline_version"] = ""
            text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        (out / f"{name}.json").write_text(text, encoding="utf-8")
    return len(docs)


def compare(a: Path, b: Path) -> list[str]:
    """Names whose snapshot differs (or exists on one side only)."""
    names = {p.name for p in a.glob("*.json")} | {p.name for p in b.glob("*.json")}
    return sorted(n for n in names
                  if not (a / n).exists() or not (b / n).exists()
                  or (a / n).read_bytes() != (b / n).read_bytes())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.records_snapshot")
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--bench", type=Path, default=Path("/tmp/policykg_snapshot_bench"))
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    args = parser.parse_args(argv)
    if args.compare:
        differ = compare(*args.compare)
        total = len(list(args.compare[0].glob("*.json")))
        print(f"{total} documents compared, {len(differ)} differ")
        for name in differ:
            print(f"  {name}")
        return 1 if differ else 0
    if args.out is None:
        parser.error("give OUT or --compare A B")
    print(f"{snapshot(args.out, args.bench, args.count)} documents written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
