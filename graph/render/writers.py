"""Where writers write: a path or an open file, text or binary (networkx readwrite's habit)."""
from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any, Union

PathOrFile = Union[str, "os.PathLike[str]", IO[Any]]


@contextmanager
def text_writer(path_or_file: PathOrFile) -> Iterator[Callable[[str], Any]]:
    """A ``write(str)`` for a path (UTF-8) or an open text or binary file (left open)."""
    if isinstance(path_or_file, (str, os.PathLike)):
        with open(path_or_file, "w", encoding="utf-8", newline="") as handle:
            yield handle.write
    elif isinstance(path_or_file, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
            path_or_file, "mode", ""):
        yield lambda text: path_or_file.write(text.encode("utf-8"))
    else:
        yield path_or_file.write
