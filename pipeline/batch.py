"""Many documents at once: worker processes, a content-hash cache, results streamed in order.

Each worker pays the OpenCC/jieba/spaCy start-up once (``_warm``). An unchanged document (same
content sha256 and same pipeline version) is read back from the cache instead of extracted again.
"""
from __future__ import annotations

import gc
import hashlib
import multiprocessing as mp
import os
import stat
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

from schemas.errors import ArgumentError, InputError, PolicykgError, describe
from schemas.paths import shown
from schemas.records import DocumentRecords
from schemas.stages import RawDocument
from schemas.validate import validate_records_json

from . import STAGES, run
from .decode import decode, read_limited
from .extract import PIPELINE_VERSION, extract_into
from .formats import DOCUMENT_SUFFIXES, page_of_assets
from .roles import BY_OPTION, first_listed_leads
from .sinks import JsonWriter, copy_records

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
    records_file: Optional[str] = None  # the records written only to the cache, read when asked for
    _records: Optional[DocumentRecords] = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def records(self) -> Optional[DocumentRecords]:
        if self._records is None and self.ok:
            file = self.output or self.records_file
            assert self.json is not None or file is not None  # an ok outcome has one of them
            text = self.json if self.json is not None else Path(str(file)).read_text(encoding="utf-8")
            self._records = DocumentRecords.model_validate_json(text)
        return self._records


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file, so a crash never leaves a half-written file behind and a
    file already there is replaced whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a full disk leaves no .tmp behind
        raise


@dataclass(frozen=True)
class Skipped:
    """A file found in a folder and left alone: a link leading out of the folder, a device, a FIFO."""

    path: str  # as shown (schemas.paths.shown)
    reason: str


def find_documents(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, plus the documents found (recursively, sorted) in folders named."""
    return walk_documents(paths)[0]


def walk_documents(paths: Iterable[str | os.PathLike], suffixes: frozenset[str] | set[str] = DOCUMENT_SUFFIXES,
                   other: Optional[str] = None) -> tuple[list[Path], list[Skipped]]:
    """Files named, plus the files of ``suffixes`` found (recursively, sorted) in folders named, and
    what was skipped there: links that lead out of the folder (or to a folder), files that are not
    regular files (and, with ``other``, files of other kinds). A file named on the command line is
    the user's choice and is read as given (``read_limited`` still refuses devices and FIFOs)."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    for p in map(Path, paths):
        if p.is_dir():
            files, left = _walk_folder(p, suffixes, other)
            found.extend(files)
            skipped.extend(left)
        elif p.exists() or p.is_symlink():
            found.append(p)
        else:
            raise InputError(f"{shown(p)}: no such file or folder")
    return found, skipped


#: Set to 1 to take the first-listed unit of a clause without roles as its lead.
FIRST_LISTED_ENV = "POLICYKG_FIRST_LISTED_LEADS"


def _walk_folder(root: Path, suffixes: frozenset[str] | set[str] = DOCUMENT_SUFFIXES,
                 other: Optional[str] = None) -> tuple[list[Path], list[Skipped]]:
    """The regular files of ``suffixes`` under ``root``, and what was skipped (with ``other``, also
    files of other kinds, for that reason)."""
    real_root = root.resolve()
    files: list[Path] = []
    skipped: list[Skipped] = []

    def unreadable(exc: OSError) -> None:
        skipped.append(Skipped(shown(exc.filename or root), f"cannot be read ({exc.strerror or exc})"))

    for folder, dirs, names in os.walk(root, followlinks=False, onerror=unreadable):
        here = Path(folder)
        kept = []
        for d in sorted(d for d in dirs if not d.startswith(".")):
            page = page_of_assets(here / d)
            if page is not None:  # a saved page's NAME_files/: images and scripts, not plans
                skipped.append(Skipped(shown(here / d), f"the asset folder of the saved page {shown(page.name)} "
                                                         "(images, scripts), not plans"))
            elif (here / d).is_symlink():
                skipped.append(Skipped(shown(here / d), "a link to a folder (not followed)"))
            else:
                kept.append(d)
        dirs[:] = kept
        for name in sorted(names):
            f = here / name
            if name.startswith("."):
                continue
            if f.suffix.lower() not in suffixes:
                if other:
                    skipped.append(Skipped(shown(f), other))
                continue
            try:
                if f.is_symlink():
                    target = f.resolve(strict=True)
                    if not target.is_relative_to(real_root):
                        skipped.append(Skipped(shown(f), "a link leading out of the folder"))
                        continue
                mode = f.stat().st_mode
            except (OSError, RuntimeError):
                skipped.append(Skipped(shown(f), "a broken link or an unreadable entry"))
                continue
            if not stat.S_ISREG(mode):
                skipped.append(Skipped(shown(f), "not a regular file"))
                continue
            files.append(f)
    return sorted(files), skipped


def _cache_file(cache_dir: Path, sha: str) -> Path:
    return cache_dir / f"{sha}-{PIPELINE_VERSION}.json"


def extract_one(path: str | os.PathLike, cache_dir: Optional[Path] = None,
                first_listed: bool = False, output: Optional[Path] = None) -> Outcome:
    """Extract one document, never raising: errors become ``Outcome.error``. The file is read
    once (``read_limited``: regular files only, at most the limit) for both the cache key and
    the pipeline. With ``first_listed``, clauses that name no roles take their first unit as the
    lead (applied after the cache, which keeps the roles as the text gives them). Records that go
    to a file (``output``, the cache) are written as they are made (pipeline.sinks), never held
    whole: ``Outcome.output`` or ``records_file`` names it."""
    path = Path(path)
    name = shown(path)
    try:
        data = read_limited(path, MAX_BYTES)
        cached = None
        if cache_dir is not None:
            cached = _cache_file(cache_dir, hashlib.sha256(data).hexdigest())
            if cached.exists() and output is not None and not first_listed:
                try:
                    if copy_records(cached, output, name):  # copied, its records never parsed
                        return Outcome(name, output=str(output), cached=True)
                except OSError as exc:
                    if exc.filename == str(cached):
                        raise  # reading the cache's own file: the handler below names it
                    return Outcome(name, error=f"{shown(output)}: cannot be written ({exc.strerror or exc})")
            if cached.exists():
                records = validate_records_json(cached.read_text(encoding="utf-8"))
                records.source.path = name  # the same bytes may sit at another path
                if first_listed:
                    records = first_listed_leads(records)
                return Outcome(name, records.model_dump_json(indent=1), cached=True, _records=records)
        raw = decode(data, name, max_bytes=MAX_BYTES)
        del data
        if output is not None or (cached is not None and not first_listed):
            return _streamed(name, raw, cached, output, first_listed)
        value: DocumentRecords = run(raw)
        # Records are validated whenever they are built or changed (schemas.records.Record), so
        # this text is valid against the contract (tests/pipeline/test_spans.py: the round trip).
        text = value.model_dump_json(indent=1)
        if cached is not None:
            write_atomic(cached, text)
        if first_listed:
            inferred = first_listed_leads(value)
            if inferred is not value:
                value, text = inferred, inferred.model_dump_json(indent=1)
        return Outcome(name, text, _records=value)
    except PolicykgError as exc:
        return Outcome(name, error=describe(exc))
    except MemoryError:
        return Outcome(name, error=f"{name}: out of memory")
    except OSError as exc:  # the cache folder, mostly: name the file, in one line
        where = shown(exc.filename) if exc.filename else name
        return Outcome(name, error=f"{where}: {exc.strerror or exc}")
    except Exception as exc:  # a bug: report it as one line, keep the traceback for --debug
        return Outcome(name, error=f"{name}: unexpected {type(exc).__name__}: {shown(str(exc))}",
                       detail=traceback.format_exc())


def _streamed(name: str, raw: RawDocument, cached: Optional[Path], output: Optional[Path],
              first_listed: bool) -> Outcome:
    """The records written to the cache file (as extracted) and the output file (with
    ``first_listed``, the convention applied) while they are made."""
    files: list[tuple[Path, Optional[str], bool]] = [(cached, None, False)] if cached is not None else []
    if output is not None:
        files.append((output, BY_OPTION if first_listed else None, True))
    doc = run(raw, STAGES[:-1])
    del raw
    try:
        with JsonWriter(files) as writer:
            extract_into(doc, writer)
    except OSError as exc:
        if output is not None and str(output) in (str(exc.filename), str(exc.filename2)):
            return Outcome(name, error=f"{shown(output)}: cannot be written ({exc.strerror or exc})")
        raise
    return Outcome(name, output=str(output)) if output is not None else Outcome(name, records_file=str(cached))


def _warm() -> None:
    """Load what every document needs (OpenCC, the segmenter and its dictionaries) once per
    process; spaCy itself loads only when someone asks a SegmentedDocument for its Doc."""
    from .normalize import fold
    from .segment import segmenter

    segmenter()
    fold("預熱")


def _work(args: tuple[str, Optional[str], Optional[str], bool]) -> Outcome:
    path, cache, output, first_listed = args
    outcome = extract_one(path, Path(cache) if cache else None, first_listed, Path(output) if output else None)
    outcome._records = None  # send the text only
    if outcome.ok and output is not None and outcome.output is None:  # a cached document: written here
        assert outcome.json is not None  # extract_one returns the text of an ok outcome
        try:
            write_atomic(Path(output), outcome.json + "\n")
        except OSError as exc:
            return Outcome(path, error=f"{shown(output)}: cannot be written ({exc.strerror or exc})")
        outcome.json, outcome.output = None, output
    return outcome


def extract_many(paths: Iterable[Path], workers: Optional[int] = None,
                 cache_dir: Optional[Path] = None,
                 outputs: Optional[list[Path]] = None, first_listed: Optional[bool] = None,
                 engine: str = "processes", scheduler: Optional[str] = None) -> Iterator[Outcome]:
    """Outcomes in input order; with more than one worker, in a pool of processes. With
    ``outputs`` (one file per path), each document's JSON is written there by its worker;
    ``first_listed`` applies the first-listed-leads convention (see pipeline.roles), by default
    where ``POLICYKG_FIRST_LISTED_LEADS=1`` (what ``policykg --first-listed-leads`` sets).
    ``engine="dask"`` runs the same per-document work on Dask (pipeline.cluster): the cluster at
    ``scheduler``, or a LocalCluster of ``workers`` processes."""
    paths = [str(p) for p in paths]
    if first_listed is None:
        first_listed = os.environ.get(FIRST_LISTED_ENV, "") not in ("", "0")
    workers = workers or os.cpu_count() or 1
    files = [str(o) for o in outputs] if outputs is not None else [None] * len(paths)
    if len(files) != len(paths):
        raise ArgumentError(f"one output file per document: {len(files)} files for {len(paths)} documents")
    jobs = [(p, str(cache_dir) if cache_dir else None, f, first_listed) for p, f in zip(paths, files)]
    if engine == "dask":
        from .cluster import extract_on_dask

        yield from extract_on_dask(jobs, scheduler, workers)
        return
    if engine != "processes":
        raise ArgumentError(f"unknown engine {engine!r}: processes or dask")
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
