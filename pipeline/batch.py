"""Many documents at once: worker processes, a content-hash cache, results streamed in order.

Each worker pays the OpenCC/jieba/spaCy start-up once (``_warm``). An unchanged document (same
content sha256 and same pipeline version) is read back from the cache instead of extracted again.
"""
from __future__ import annotations

import gc
import hashlib
import multiprocessing as mp
import os
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from schemas.errors import ArgumentError, InputError, PolicykgError, describe
from schemas.records import DocumentRecords
from schemas.validate import validate_records_json

from . import STAGES
from .decode import read_document
from .extract import PIPELINE_VERSION
from .formats import DOCUMENT_SUFFIXES, assets_holding
from .roles import first_listed_leads

MAX_BYTES = 50_000_000


@dataclass
class Outcome:
    """What became of one document: its records as JSON text, or the file they were written to,
    or a one-line error.

    Workers send text or a file name, not record objects: pickling pydantic models back to the
    parent cost it more than writing the text. ``records`` parses them when someone needs them.
    """

    path: str
    json: Optional[str] = None
    output: Optional[str] = None  # where the worker wrote the JSON (then ``json`` is None)
    error: Optional[str] = None
    cached: bool = False
    detail: Optional[str] = None  # traceback, kept for --debug
    _records: Optional[DocumentRecords] = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def records(self) -> Optional[DocumentRecords]:
        if self._records is None and self.ok:
            assert self.json is not None or self.output is not None  # an ok outcome has one of them
            text = self.json if self.json is not None else Path(str(self.output)).read_text(encoding="utf-8")
            self._records = DocumentRecords.model_validate_json(text)
        return self._records


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file, so a crash never leaves a half-written file behind and a
    file already there is replaced whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def find_documents(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, plus the documents found (recursively, sorted) in folders named; hidden files
    and a saved page's asset folder (``NAME_files/`` beside ``NAME.html``) are left out."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                                and assets_holding(f, p) is None))
        elif p.exists():
            found.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return found


#: Set to 1 to take the first-listed unit of a clause without roles as its lead.
FIRST_LISTED_ENV = "POLICYKG_FIRST_LISTED_LEADS"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _cache_file(cache_dir: Path, sha: str) -> Path:
    return cache_dir / f"{sha}-{PIPELINE_VERSION}.json"


def extract_one(path: str | os.PathLike, cache_dir: Optional[Path] = None,
                first_listed: bool = False) -> Outcome:
    """Extract one document, never raising: errors become ``Outcome.error``. With
    ``first_listed``, clauses that name no roles take their first unit as the lead (applied after
    the cache, which keeps the roles as the text gives them)."""
    path = Path(path)
    try:
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size // 1_000_000} MB is over the {MAX_BYTES // 1_000_000} MB limit")
        cached = None
        if cache_dir is not None and path.is_file():
            cached = _cache_file(cache_dir, _sha256(path))
            if cached.exists():
                records = validate_records_json(cached.read_text(encoding="utf-8"))
                records.source.path = str(path)  # the same bytes may sit at another path
                if first_listed:
                    records = first_listed_leads(records)
                return Outcome(str(path), records.model_dump_json(indent=1), cached=True, _records=records)
        value: Any = read_document(path, max_bytes=MAX_BYTES)  # then each stage's output
        for stage in STAGES:
            value = stage(value)
        # Records are validated whenever they are built or changed (schemas.records.Record), so
        # this text is valid against the contract (tests/pipeline/test_spans.py: the round trip).
        text = value.model_dump_json(indent=1)
        if cached is not None:
            write_atomic(cached, text)
        if first_listed:
            inferred = first_listed_leads(value)
            if inferred is not value:
                value, text = inferred, inferred.model_dump_json(indent=1)
        return Outcome(str(path), text, _records=value)
    except PolicykgError as exc:
        return Outcome(str(path), error=describe(exc))
    except MemoryError:
        return Outcome(str(path), error=f"{path}: out of memory")
    except Exception as exc:  # a bug: report it as one line, keep the traceback for --debug
        return Outcome(str(path), error=f"{path}: unexpected {type(exc).__name__}: {exc}",
                       detail=traceback.format_exc())


def _warm() -> None:
    """Load what every document needs (OpenCC, jieba and its dictionaries) once per process;
    spaCy itself loads only when someone asks a SegmentedDocument for its Doc."""
    from .normalize import fold
    from .segment import jieba_tokenizer

    jieba_tokenizer()
    fold("預熱")


def _work(args: tuple[str, Optional[str], Optional[str], bool]) -> Outcome:
    path, cache, output, first_listed = args
    outcome = extract_one(path, Path(cache) if cache else None, first_listed)
    outcome._records = None  # send the text only
    if outcome.ok and output is not None:  # written here, so the parent only keeps count
        assert outcome.json is not None  # extract_one returns the text of an ok outcome
        try:
            write_atomic(Path(output), outcome.json + "\n")
        except OSError as exc:
            return Outcome(path, error=f"{output}: cannot be written ({exc.strerror or exc})")
        outcome.json, outcome.output = None, output
    return outcome


def extract_many(paths: Iterable[Path], workers: Optional[int] = None,
                 cache_dir: Optional[Path] = None,
                 outputs: Optional[list[Path]] = None, first_listed: Optional[bool] = None) -> Iterator[Outcome]:
    """Outcomes in input order; with more than one worker, in a pool of processes. With
    ``outputs`` (one file per path), each document's JSON is written there by its worker;
    ``first_listed`` applies the first-listed-leads convention (see pipeline.roles), by default
    where ``POLICYKG_FIRST_LISTED_LEADS=1`` (what ``policykg --first-listed-leads`` sets)."""
    paths = [str(p) for p in paths]
    if first_listed is None:
        first_listed = os.environ.get(FIRST_LISTED_ENV, "") not in ("", "0")
    workers = workers or os.cpu_count() or 1
    files = [str(o) for o in outputs] if outputs is not None else [None] * len(paths)
    if len(files) != len(paths):
        raise ArgumentError(f"one output file per document: {len(files)} files for {len(paths)} documents")
    jobs = [(p, str(cache_dir) if cache_dir else None, f, first_listed) for p, f in zip(paths, files)]
    if workers <= 1 or len(paths) <= 1:
        for job in jobs:
            yield _work(job)
        return
    if "fork" in mp.get_all_start_methods():
        # Warm up once here; forked workers share the loaded dictionaries (copy-on-write)
        # instead of each paying the OpenCC/jieba start-up again. Frozen, the parent's objects
        # are never scanned by the workers' garbage collector, whose scans would otherwise
        # touch (and so copy) their pages: 5% less worker CPU on the benchmark corpus.
        _warm()
        gc.freeze()
        try:
            pool = mp.get_context("fork").Pool(processes=min(workers, len(paths)), initializer=_gc_settings)
        finally:
            gc.unfreeze()
    else:
        pool = mp.get_context().Pool(processes=min(workers, len(paths)), initializer=_spawned_worker)
    with pool:
        yield from pool.imap(_work, jobs, chunksize=1 if len(paths) < 100 else 4)


def _gc_settings() -> None:
    """In a worker: collect the young generation less often. A document allocates many short-lived
    objects and few cycles, so the default (every 700 allocations) mostly scans live ones."""
    gc.set_threshold(20_000, 20, 20)


def _spawned_worker() -> None:
    _gc_settings()
    _warm()
