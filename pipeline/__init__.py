"""Text to records. The stages, in order, are listed once in STAGES (a test checks the chain)."""
from __future__ import annotations

import os
from typing import Any, Callable, Optional, Sequence

from schemas.records import DocumentRecords

from .decode import decode, read_document
from .extract import PIPELINE_VERSION, extract
from .normalize import normalize
from .outline import outline
from .segment import segment

STAGES: tuple[Callable, ...] = (normalize, segment, outline, extract)
"""Each stage takes the previous stage's value; decode/read_document make the first one."""


def run(value: Any, stages: Sequence[Callable] = STAGES,
        keep: Optional[dict[str, Any]] = None) -> Any:
    """The one stage loop: each stage's value is the next one's input. With ``keep``, each
    stage's output is stored there under the stage's name (what ``trace`` returns)."""
    for stage in stages:
        value = stage(value)
        if keep is not None:
            keep[stage.__name__] = value
    return value


def process_bytes(data: bytes, path: str = "<bytes>") -> DocumentRecords:
    """Run every stage on the bytes of one document."""
    return run(decode(data, path))


def trace(value: object) -> dict[str, Any]:
    """Run every stage from ``value`` (a RawDocument) and keep each stage's output by name:
    ``trace(read_document(p))["normalize"].text``, ``…["segment"].doc``, ``…["extract"]``."""
    out: dict[str, Any] = {}
    run(value, keep=out)
    return out


def process_file(path: str | os.PathLike) -> DocumentRecords:
    """Read one file and run every stage on it."""
    return run(read_document(path))


__all__ = ["PIPELINE_VERSION", "STAGES", "process_bytes", "process_file", "run", "trace"]
