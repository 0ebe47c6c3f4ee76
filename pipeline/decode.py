"""Stage 1: bytes → RawDocument (format, encoding, article text, site noise dropped).

The decoded text, every line kept, is the 'original text' every later span maps back to
(``RawDocument.original``); decode only removes whole lines of site noise (recorded as
DroppedLine) and layout whitespace from the text the later stages read, and keeps a map back.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Optional

from schemas.errors import DocumentTooLarge, EmptyDocument, InputError
from schemas.records import SourceFormat
from schemas.stages import DroppedLine, RawDocument

from . import resources as R
from .formats import binary_text
from .webpage import article_text

_HTML_EXTENSIONS = (".htm", ".html", ".xhtml", ".shtml")
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|body|meta|div|head|p[\s>])", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE
)
_GB_FAMILY = {"gb2312", "gbk", "cp936", "ms936", "gb18030", "euc_cn", "hz"}
_BIG5_FAMILY = {"big5", "big5hkscs", "cp950", "ms950"}
_SAMPLE_CHARS = 50_000
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_CJK_PUNCT = re.compile("[\u3000-\u303f\uff01-\uff5e\u2010-\u2027]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # not \t \n \v \f \r


def read_document(path: str | os.PathLike, max_bytes: int = 50_000_000) -> RawDocument:
    """Read and decode a file; size is checked before reading so a huge file costs nothing."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a document")
    size = p.stat().st_size
    if size > max_bytes:
        raise DocumentTooLarge(f"{p}: {size} bytes is over the limit of {max_bytes} bytes")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    return decode(data, str(p))


def decode(data: bytes, path: str = "<bytes>") -> RawDocument:
    """Decode one document's bytes: PDF, .doc, .wps, .docx, HTML or plain text, in any of the usual encodings."""
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyDocument(f"{path}: empty document")
    dropped: list[DroppedLine] = []
    fmt: SourceFormat
    binary = binary_text(data, path)  # PDF, .doc, .wps (pipeline.formats)
    if binary is not None:
        (fmt, text), encoding = binary, "utf-8"
    elif _is_docx(data):
        fmt, encoding, text = "docx", "utf-8", _docx_text(data, path)
    else:
        if data.lstrip().startswith(b"PK\x03\x04") or path.lower().endswith(".docx"):
            raise InputError(f"{path}: not a readable .docx file")
        text, encoding, truncated = _decode_bytes(data, path)
        _check_text(text, path)
        fmt = "html" if _looks_like_html(data, path) else "text"
        if fmt == "html":
            text = article_text(text)
        if truncated:
            dropped.append(DroppedLine(truncated, "truncated bytes", text.count("\n") + 1))
    original = text
    text, noise, segments = clean_lines(original)
    dropped = noise + dropped
    if not text.strip():
        raise EmptyDocument(f"{path}: no text left after decoding and dropping site noise")
    return RawDocument(path=path, text=text, encoding=encoding, format=fmt, sha256=sha,
                       dropped=dropped, original=original, segments=segments)


# --- encodings ---------------------------------------------------------------------------------

def _decode_bytes(data: bytes, path: str) -> tuple[str, str, str]:
    """(text, encoding, truncated tail as repr or ''), trying the cheap certain cases first."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict_or_truncated(data, "utf-8-sig", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ""
        except UnicodeDecodeError:
            raise InputError(f"{path}: UTF-16 byte order mark but not valid UTF-16") from None
    if b"\x00" in data:
        raise InputError(f"{path}: does not look like text (NUL bytes; binary file?)")
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            return _strict_or_truncated(data, "utf-8", path)
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared, ""
        except (UnicodeDecodeError, LookupError):
            pass
    return _guess(data)


def _strict_or_truncated(data: bytes, encoding: str, path: str) -> tuple[str, str, str]:
    """Strict UTF-8, tolerating only a multi-byte character cut off at the very end."""
    try:
        return data.decode(encoding), encoding, ""
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            return data[: exc.start].decode(encoding), encoding, repr(data[exc.start:])
        raise InputError(f"{path}: declared {encoding} but is not valid {encoding}") from None


def _declared_charset(data: bytes) -> Optional[str]:
    """The <meta charset> or http-equiv charset of an HTML page, as a Python codec name."""
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    return _canonical(match.group(1).decode("ascii", "replace"))


def _canonical(name: str) -> Optional[str]:
    """Codec name, with the GB family reported as its superset gb18030."""
    import codecs

    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    low = name.lower().replace("-", "_")
    if low in _GB_FAMILY or low.startswith("gb"):
        return "gb18030"
    return name


def _guess(data: bytes) -> tuple[str, str, str]:
    """Pick between gb18030 and big5 by which yields common Han characters; else ask
    charset-normalizer; as a last resort decode gb18030 with U+FFFD so nothing is lost silently
    (normalize flags the replacement characters as mojibake)."""
    scored: list[tuple[float, int, str, str]] = []
    for rank, codec in enumerate(("gb18030", "big5")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((_cjk_plausibility(text), -rank, codec, text))
    if scored:
        score, _, codec, text = max(scored)
        if score >= 0.5:
            return text, codec, ""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        codec = _canonical(best.encoding) or best.encoding
        try:
            return data.decode(codec), codec, ""
        except (UnicodeDecodeError, LookupError):
            pass
    if scored:
        _, _, codec, text = max(scored)
        return text, codec, ""
    return data.decode("gb18030", errors="replace"), "gb18030", ""


def _cjk_plausibility(text: str) -> float:
    """Share of non-ASCII characters that are common Han or CJK punctuation.

    Mis-decoded bytes land in kana, Cyrillic, private use, compatibility ideographs and rare Han.
    """
    common = R.common_cjk()
    counts = Counter(_NON_ASCII.findall(text, 0, _SAMPLE_CHARS))  # a few hundred distinct chars
    good = sum(n for ch, n in counts.items() if ch in common or _CJK_PUNCT.match(ch))
    total = sum(counts.values())
    return good / total if total else 0.0


def _check_text(text: str, path: str) -> None:
    """Refuse binary data that happened to decode: many control or replacement characters."""
    sample = text[:_SAMPLE_CHARS]
    bad = len(_CONTROL.findall(sample))
    if sample and bad / len(sample) > 0.05:
        raise InputError(f"{path}: does not look like text ({bad} control characters)")


# --- formats -----------------------------------------------------------------------------------

def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def _docx_text(data: bytes, path: str) -> str:
    """Paragraphs and tables in document order; a table row is one line, cells tab-separated."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on corrupt files
        raise InputError(f"{path}: not a readable .docx file ({exc})") from None

    lines: list[str] = []

    def table(tbl) -> None:
        for row in tbl.rows:
            cells, seen, nested = [], set(), []
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell repeats in every column it spans
                    continue
                seen.add(id(cell._tc))
                cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
                nested.extend(cell.tables)
            lines.append("\t".join(cells))
            for inner in nested:
                table(inner)

    def walk(parent_element, parent) -> None:
        for child in parent_element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, parent).text)
            elif tag == "tbl":
                table(Table(child, parent))
            elif tag == "sdt":  # content controls wrap ordinary paragraphs
                content = child.find("{*}sdtContent")
                if content is not None:
                    walk(content, parent)

    walk(document.element.body, document._body)
    return "\n".join(lines)


def _looks_like_html(data: bytes, path: str) -> bool:
    if path.lower().endswith(_HTML_EXTENSIONS):
        return True
    return bool(_HTML_SNIFF.search(data[:1024]))


# --- lines -------------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n?|[\n\u2028\u2029\f\v\x85]")


def clean_lines(text: str) -> tuple[str, list[DroppedLine], list[tuple[int, int]]]:
    """Unify line endings, strip trailing spaces, drop short lines of site noise, and collapse
    runs of blank lines to one. Returns the text, the dropped lines (1-based line numbers) and the
    segments mapping the text back to ``text`` as given (see RawDocument.segments)."""
    lines: list[tuple[int, str]] = []  # (start in text, line without its break)
    pos = 0
    for m in _LINE_BREAK.finditer(text):
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
        if not reason and counts[stripped] >= R.RUNNING_HEADER_MIN_REPEATS and 2 <= len(stripped) <= 30 \
                and not re.search(r"[，。；：、（）()\d]", stripped):
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
    for i, (start, line) in enumerate(kept):
        if i:
            prev_start, prev = kept[i - 1]
            segments.append((out_len, prev_start + len(prev)))  # the break after the previous line
            parts.append("\n")
            out_len += 1
        segments.append((out_len, start))
        parts.append(line)
        out_len += len(line)
    return "".join(parts), dropped, segments or [(0, 0)]


def _noise_reason(line: str) -> Optional[str]:
    stripped = line.strip()
    if not stripped or len(stripped) >= R.BOILERPLATE_MAX_LEN or not R.ANY_BOILERPLATE.search(stripped):
        return None
    for reason, pattern in R.BOILERPLATE:
        if pattern.search(stripped):
            return reason
    return None
