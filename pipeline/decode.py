"""Stage 1: bytes → RawDocument (format, encoding, article text, site noise dropped).

The decoded text, every line kept, is the 'original text' every later span maps back to
(``RawDocument.original``); decode only removes whole lines of site noise (recorded as
DroppedLine) and layout whitespace from the text the later stages read, and keeps a map back.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections import Counter
from typing import Optional

from schemas.errors import DocumentTooLarge, EmptyDocument, InputError
from schemas.paths import shown
from schemas.records import SourceFormat, Warning
from schemas.stages import DroppedLine, RawDocument

from .docxfile import docx_text, is_docx
from .encodings import _SAMPLE_CHARS, _decode_bytes
from .formats import binary_text
from .mojibake import Repair, compose, diagnose, mojibake_warnings, repaired_to_given
from .rules import noise
from .rules.chars import CONTROL
from .rules.noise import (
    HTML_SNIFF,
    LINE_BREAK,
    PROSE_MARK,
)
from .webpage import article_text

_HTML_EXTENSIONS = (".htm", ".html", ".xhtml", ".shtml")


def read_limited(path: str | os.PathLike, max_bytes: int = 50_000_000) -> bytes:
    """The bytes of a regular file, refusing devices, FIFOs and sockets (even behind a symlink)
    before opening them, and reading at most ``max_bytes + 1`` bytes whatever the file claims."""
    name = shown(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory, not a document")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: is a {_file_kind(st.st_mode)}, not a regular file")
    if st.st_size > max_bytes:
        raise DocumentTooLarge(f"{name}: {st.st_size} bytes is over the limit of {max_bytes} bytes")
    try:  # O_NONBLOCK: a FIFO swapped in after the stat cannot block the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(f"{name}: is not a regular file")
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise DocumentTooLarge(f"{name}: over the limit of {max_bytes} bytes")
    return data


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return kind
    return "special file"


def read_document(path: str | os.PathLike, max_bytes: int = 50_000_000) -> RawDocument:
    """Read and decode a file (``read_limited``: regular files only, never more than the limit)."""
    return decode(read_limited(path, max_bytes), shown(path), max_bytes=max_bytes)


def decode(data: bytes, path: str = "<bytes>", max_bytes: int = 50_000_000) -> RawDocument:
    """Decode one document's bytes: PDF, .doc, .wps, .docx, HTML or plain text, in any of the usual encodings.
    ``max_bytes`` also bounds what a .docx's parts inflate to."""
    path = shown(path)
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyDocument(f"{path}: empty document")
    dropped: list[DroppedLine] = []
    warnings: list[Warning] = []
    fmt: SourceFormat
    binary = binary_text(data, path)  # PDF, .doc, .wps (pipeline.formats)
    if binary is not None:
        (fmt, text), encoding = binary, "utf-8"
    elif is_docx(data):
        fmt, encoding, text = "docx", "utf-8", docx_text(data, path, max_bytes)
    else:
        if data.lstrip().startswith(b"PK\x03\x04") or path.lower().endswith(".docx"):
            raise InputError(f"{path}: not a readable .docx file")
        text, encoding, truncated, note = _decode_bytes(data, path)
        _check_text(text, path)
        if note:
            warnings.append(Warning(code="encoding", message=note))
        fmt = "html" if _looks_like_html(data, path) else "text"
        if fmt == "html":
            text = article_text(text)
        if truncated:
            dropped.append(DroppedLine(truncated, "truncated bytes", text.count("\n") + 1))
    original = text
    repair, suspected = diagnose(original)  # UTF-8 read as a single-byte code page
    text, noise, segments = clean_lines(repair.text if repair else original)
    widths: dict[int, int] = {}
    if repair:
        segments, widths = compose(segments, len(text), repair)
        noise = [dataclasses.replace(d, orig_start=_orig(d.orig_start, repair)) for d in noise]
    warnings += mojibake_warnings(repair, suspected, original)
    dropped = noise + dropped
    if not text.strip():
        raise EmptyDocument(f"{path}: no text left after decoding and dropping site noise")
    return RawDocument(path=path, text=text, encoding=encoding, format=fmt, sha256=sha,
                       dropped=dropped, original=original, segments=segments, warnings=warnings,
                       widths=widths)


def _orig(pos: Optional[int], repair: Repair) -> Optional[int]:
    return None if pos is None else repaired_to_given(pos, repair)


def _check_text(text: str, path: str) -> None:
    """Refuse binary data that happened to decode: many control or replacement characters."""
    sample = text[:_SAMPLE_CHARS]
    bad = len(CONTROL.findall(sample))
    if sample and bad / len(sample) > 0.05:
        raise InputError(f"{path}: does not look like text ({bad} control characters)")


# --- formats -----------------------------------------------------------------------------------

def _looks_like_html(data: bytes, path: str) -> bool:
    if path.lower().endswith(_HTML_EXTENSIONS):
        return True
    return bool(HTML_SNIFF.search(data[:1024]))


# --- lines -------------------------------------------------------------------------------------


def clean_lines(text: str) -> tuple[str, list[DroppedLine], list[tuple[int, int]]]:
    """Unify line endings, strip trailing spaces, drop short lines of site noise, and collapse
    runs of blank lines to one. Returns the text, the dropped lines (1-based line numbers) and the
    segments mapping the text back to ``text`` as given (see RawDocument.segments)."""
    lines: list[tuple[int, str]] = []  # (start in text, line without its break)
    pos = 0
    for m in LINE_BREAK.finditer(text):
        lines.append((pos, text[pos:m.start()]))
        pos = m.end()
    lines.append((pos, text[pos:]))
    counts = Counter(line.strip() for _, line in lines)
    dropped: list[DroppedLine] = []
    kept: list[tuple[int, str]] = []
    for no, (start, line) in enumerate(lines, start=1):
        line = line.rstrip()
        reason = _noise_reason(line)
        stripped = line.strip()
        if not reason and counts[stripped] >= noise.RUNNING_HEADER_MIN_REPEATS and 2 <= len(stripped) <= 30 \
                and not PROSE_MARK.search(stripped):
            reason = "running header"
        if reason:
            dropped.append(DroppedLine(stripped, reason, no, start + len(line) - len(line.lstrip())))
        elif line or (kept and kept[-1][1]):  # at most one blank line in a row
            kept.append((start, line))
    while kept and not kept[-1][1]:
        kept.pop()
    parts: list[str] = []
    segments: list[tuple[int, int]] = []
    out_len = 0
    shift = None  # original position - text position of the last stretch
    for i, (start, line) in enumerate(kept):
        if i:
            prev_start, prev = kept[i - 1]
            if prev_start + len(prev) - out_len != shift:  # the break after the previous line
                shift = prev_start + len(prev) - out_len
                segments.append((out_len, prev_start + len(prev)))
            parts.append("\n")
            out_len += 1
        if start - out_len != shift:  # a stretch that continues the last one needs no entry of its
            shift = start - out_len   # own: a clean 50 MB text is one stretch, not a million
            segments.append((out_len, start))
        parts.append(line)
        out_len += len(line)
    return "".join(parts), dropped, segments or [(0, 0)]


def _noise_reason(line: str) -> Optional[str]:
    stripped = line.strip()
    if not stripped or len(stripped) >= noise.BOILERPLATE_MAX_LEN or not noise.ANY_BOILERPLATE.search(stripped):
        return None
    for reason, pattern in noise.BOILERPLATE:
        if pattern.search(stripped):
            return reason
    return None
