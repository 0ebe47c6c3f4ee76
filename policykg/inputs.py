"""What a user hands the tool: plan documents to extract, records JSON to load as they are (what
``policykg extract`` writes), and files the tool cannot read, which are listed rather than
skipped in silence."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pipeline.batch import DOCUMENT_SUFFIXES, Outcome, Skipped, walk_documents
from schemas.records import DocumentRecords

RECORDS_SUFFIX = ".json"
#: A corpus folder's description of its documents (corpus/manifest.json: sources, hashes): part of
#: the folder, not an input, unless named on its own.
MANIFEST = "manifest.json"
READABLE = ", ".join(sorted(DOCUMENT_SUFFIXES)) + ", records .json"


@dataclass
class Inputs:
    documents: list[Path] = field(default_factory=list)
    records: list[Path] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def sort_inputs(paths: Iterable[str | os.PathLike]) -> Inputs:
    """Files named and files in folders named (recursively, sorted; links leading out of a folder,
    devices and FIFOs skipped, see pipeline.batch.walk_documents), by what they are. A file named
    explicitly is tried whatever its name; a folder's ``manifest.json`` is not an input."""
    paths = list(paths)
    named = {Path(p) for p in paths}
    files, skipped = walk_documents(paths, suffixes=DOCUMENT_SUFFIXES | {RECORDS_SUFFIX},
                                    other=f"not a format policykg reads ({READABLE})")
    found = Inputs(skipped=skipped)
    for f in files:
        if f.name == MANIFEST and f not in named:
            continue
        (found.records if f.suffix.lower() == RECORDS_SUFFIX else found.documents).append(f)
    return found


def read_records(path: Path) -> Outcome:
    """A records JSON as an Outcome, or an Outcome whose error says why it is not one."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return Outcome(str(path), error=f"{path}: cannot read: {exc}")
    if '"source"' not in text[:4000] and '"plan"' not in text[:4000]:
        return Outcome(str(path), error=f"{path}: a JSON file that is not plan records "
                                        "(what `policykg extract` writes)")
    try:
        records = DocumentRecords.model_validate_json(text)
    except ValueError as exc:
        first = str(exc).splitlines()[1:3]
        return Outcome(str(path), error=f"{path}: not valid plan records: {' '.join(first).strip()}")
    return Outcome(str(path), _records=records)
