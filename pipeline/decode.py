"""Stage 1: bytes → RawDocument (format, encoding, article text, site noise dropped).

The cleaned text is the 'original text' every later span maps back to, so decode only removes
whole lines of site noise (recorded as DroppedLine) and layout whitespace; it never rewrites text.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
from collections import Counter
from typing import Optional

from schemas.errors import DocumentTooLarge, EmptyDocument, InputError
from schemas.paths import shown
from schemas.records import Warning
from schemas.stages import DroppedLine, RawDocument

from . import resources as R
from .docxfile import docx_text, is_docx
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
    """Decode one document's bytes: .docx, HTML or plain text, in any of the usual encodings.
    ``max_bytes`` also bounds what a .docx's parts inflate to."""
    path = shown(path)
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyDocument(f"{path}: empty document")
    dropped: list[DroppedLine] = []
    warnings: list[Warning] = []
    if is_docx(data):
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
    text, noise = clean_lines(text)
    dropped = noise + dropped
    if not text.strip():
        raise EmptyDocument(f"{path}: no text left after decoding and dropping site noise")
    return RawDocument(path=path, text=text, encoding=encoding, format=fmt, sha256=sha,
                       dropped=dropped, warnings=warnings)


# --- encodings ---------------------------------------------------------------------------------

def _decode_bytes(data: bytes, path: str) -> tuple[str, str, str, str]:
    """(text, encoding, truncated tail as repr or '', a warning or ''), trying the cheap certain
    cases first."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return (*_strict_or_truncated(data, "utf-8-sig", path), "")
        except InputError:
            return _utf8_replaced(data, "utf-8-sig")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, "", ""
            except UnicodeDecodeError:
                raise InputError(f"{path}: {codec.upper()} byte order mark but not valid {codec.upper()}") from None
    if b"\x00" in data:
        return (*_wide_without_bom(data, path), "", "")
    try:
        return data.decode("utf-8"), "utf-8", "", ""
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            return (*_strict_or_truncated(data, "utf-8", path), "")
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared, "", ""
        except (UnicodeDecodeError, LookupError):
            pass
    if _nearly_utf8(data):
        return _utf8_replaced(data, "utf-8")
    return (*_guess(data), "")


#: Byte order marks, UTF-32 before UTF-16 (FF FE 00 00 starts with FF FE).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
#: Share of a file's non-ASCII bytes that may be invalid UTF-8 for it still to be read as UTF-8.
_BAD_UTF8_SHARE = 0.01


def _nearly_utf8(data: bytes) -> bool:
    """UTF-8 but for a few bad bytes (a GBK or Big5 file fails on most of its characters)."""
    bad = data.decode("utf-8", "replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = sum(1 for _ in re.finditer(rb"[\x80-\xff]", data))
    return 0 < bad <= max(1, non_ascii * _BAD_UTF8_SHARE)


def _utf8_replaced(data: bytes, codec: str) -> tuple[str, str, str, str]:
    text = data.decode(codec, "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    at = text.find("\ufffd")
    return text, codec, "", f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD (first at character {at})"


def _wide_without_bom(data: bytes, path: str) -> tuple[str, str]:
    """UTF-16 or UTF-32 without a byte order mark: where the NUL bytes of ASCII characters sit
    tells the width and byte order; charset-normalizer is asked otherwise. Binary data is refused,
    naming the encoding that was suspected, if any."""
    n = len(data)
    candidates = []
    if n % 4 == 0:
        candidates += ["utf-32-le", "utf-32-be"]
    if n % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    sample = data[:_SAMPLE_CHARS - _SAMPLE_CHARS % 4]
    quarter = max(1, len(sample) // 4)
    # UTF-32: the two high bytes of every code unit are NUL for any BMP character.
    order = {"utf-32-le": (sample[2::4].count(0) + sample[3::4].count(0)) / (2 * quarter) - 0.95,
             "utf-32-be": (sample[0::4].count(0) + sample[1::4].count(0)) / (2 * quarter) - 0.95,
             # UTF-16: ASCII characters put their NUL byte second (LE) or first (BE).
             "utf-16-le": sample[1::2].count(0) - sample[0::2].count(0),
             "utf-16-be": sample[0::2].count(0) - sample[1::2].count(0)}
    suspected = ""
    for codec in candidates:
        if order[codec] <= 0:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            suspected = suspected or codec
            continue
        if _mostly_text(text):
            return text, codec
        suspected = suspected or codec
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding.lower().startswith(("utf_16", "utf_32")):
        codec = best.encoding.replace("_", "-")
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            suspected = suspected or codec
    hint = f"; {suspected.upper()} was suspected but does not decode" if suspected else ""
    raise InputError(f"{path}: does not look like text (NUL bytes; binary file?{hint})")


_CONTROL_OR_NUL = re.compile("[\x00-\x08\x0e-\x1f]")


def _mostly_text(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    return bool(sample) and len(_CONTROL_OR_NUL.findall(sample)) / len(sample) < 0.01


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

def _looks_like_html(data: bytes, path: str) -> bool:
    if path.lower().endswith(_HTML_EXTENSIONS):
        return True
    return bool(_HTML_SNIFF.search(data[:1024]))


# --- lines -------------------------------------------------------------------------------------

def clean_lines(text: str) -> tuple[str, list[DroppedLine]]:
    """Unify line endings, strip trailing spaces, drop short lines of site noise, and collapse
    runs of blank lines to one. Returns the text and the dropped lines (1-based line numbers)."""
    text = re.sub(r"\r\n?|[\u2028\u2029\f\v\x85]", "\n", text)
    kept: list[str] = []
    dropped: list[DroppedLine] = []
    lines = text.split("\n")
    counts = Counter(line.strip() for line in lines)
    for no, line in enumerate(lines, start=1):
        line = line.rstrip()
        reason = _noise_reason(line)
        stripped = line.strip()
        if not reason and counts[stripped] >= R.RUNNING_HEADER_MIN_REPEATS and 2 <= len(stripped) <= 30 \
                and not re.search(r"[，。；：、（）()\d]", stripped):
            reason = "running header"
        if reason:
            dropped.append(DroppedLine(line.strip(), reason, no))
        else:
            kept.append(line)
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept))
    return out.strip("\n"), dropped


def _noise_reason(line: str) -> Optional[str]:
    stripped = line.strip()
    if not stripped or len(stripped) >= R.BOILERPLATE_MAX_LEN or not R.ANY_BOILERPLATE.search(stripped):
        return None
    for reason, pattern in R.BOILERPLATE:
        if pattern.search(stripped):
            return reason
    return None
