"""Where writers write: a path or an open file, text or binary (networkx readwrite's habit).

Every output to a path goes through ``atomic_path``: written to a temporary file beside it and
renamed over it only when complete, so a full disk or a crash keeps the previous good file and
leaves no temporary behind; the failure is one OutputError line. Also the cell rules shared by
the spreadsheet and XML writers (``spreadsheet_safe``, ``xml_safe``).
"""
from __future__ import annotations

import io
import os
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Union

from schemas.errors import OutputError

PathOrFile = Union[str, "os.PathLike[str]", IO[Any]]

# OWASP CSV injection: a cell starting with one of these is a formula in Excel, LibreOffice, WPS.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# Characters XML 1.0 cannot hold at all (GraphML, XLSX): C0 controls but tab/LF/CR, U+FFFE/F,
# lone surrogates.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def spreadsheet_safe(value: Any) -> Any:
    """A cell value a spreadsheet shows as text: a string starting like a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def xml_safe(value: Any) -> Any:
    """A string with the characters XML cannot hold replaced by U+FFFD (other values as given)."""
    return _XML_ILLEGAL.sub("\ufffd", value) if isinstance(value, str) else value


def output_error(path: Union[str, "os.PathLike[str]"], exc: OSError) -> OutputError:
    """``<path> cannot be written (No space left on device)``."""
    return OutputError(f"{os.fspath(path)} cannot be written ({exc.strerror or exc})")


@contextmanager
def atomic_path(path: Union[str, "os.PathLike[str]"]) -> Iterator[Path]:
    """A fresh temporary path beside ``path``; on success it replaces ``path``, on any failure
    it is removed and ``path`` is left as it was (an OSError becomes one OutputError line)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))  # umask applies
    except OSError as exc:
        raise output_error(target, exc) from None
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise output_error(target, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def text_writer(path_or_file: PathOrFile) -> Iterator[Callable[[str], Any]]:
    """A ``write(str)`` for a path (UTF-8, atomic) or an open text or binary file (left open)."""
    if isinstance(path_or_file, (str, os.PathLike)):
        with atomic_path(path_or_file) as tmp:
            with open(tmp, "w", encoding="utf-8", newline="") as handle:
                yield handle.write
    elif isinstance(path_or_file, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
            path_or_file, "mode", ""):
        yield lambda text: path_or_file.write(text.encode("utf-8"))
    else:
        yield path_or_file.write
