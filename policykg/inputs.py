"""What a user hands the tool: plan documents to extract, records JSON to load as they are (what
``policykg extract`` writes), and files the tool cannot read, which are listed rather than
skipped in silence."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pipeline.batch import DOCUMENT_SUFFIXES, Outcome
from pipeline.formats import assets_holding
from schemas.errors import InputError
from schemas.records import DocumentRecords

RECORDS_SUFFIX = ".json"
READABLE = ", ".join(sorted(DOCUMENT_SUFFIXES)) + ", records .json"


@dataclass
class Inputs:
    documents: list[Path] = field(default_factory=list)
    records: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)


def _visible(folder: Path) -> Iterable[Path]:
    for f in sorted(folder.rglob("*")):
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts):
            yield f


def sort_inputs(paths: Iterable[str | os.PathLike]) -> Inputs:
    """Files named and files in folders named (recursively, sorted), by what they are."""
    found = Inputs()
    for p in map(Path, paths):
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        assets_seen: set[Path] = set()
        for f in _visible(p) if p.is_dir() else [p]:
            suffix = f.suffix.lower()
            assets = assets_holding(f, p) if p.is_dir() else None
            if assets is not None:
                if assets[0] not in assets_seen:
                    assets_seen.add(assets[0])
                    found.skipped.append((str(assets[0]), f"the asset folder of the saved page {assets[1].name} "
                                                          "(images, scripts), not plans"))
            elif suffix == RECORDS_SUFFIX:
                found.records.append(f)
            elif suffix in DOCUMENT_SUFFIXES or not p.is_dir():
                found.documents.append(f)  # a file named explicitly is tried whatever its name
            else:
                found.skipped.append((str(f), f"not a format policykg reads ({READABLE})"))
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
