"""Bytes → text: the encodings plans come in, tried from the certain cases to the guesses.

UTF-8 (a BOM, a character cut at the end, a few bad bytes replaced with a warning), UTF-16 and
UTF-32 (with a BOM, or without one: told by where the NUL bytes of ASCII characters sit), an HTML
page's declared charset, then GB18030 vs Big5 by which yields common Han characters, then
charset-normalizer.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional

from schemas.errors import InputError

from .rules import chars as han
from .rules.chars import (
    CJK_PUNCT,
    CONTROL_OR_NUL,
    META_CHARSET,
    NON_ASCII,
    NON_ASCII_BYTE,
)

_GB_FAMILY = {"gb2312", "gbk", "cp936", "ms936", "gb18030", "euc_cn", "hz"}
_BIG5_FAMILY = {"big5", "big5hkscs", "cp950", "ms950"}
_SAMPLE_CHARS = 50_000

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
    non_ascii = sum(1 for _ in NON_ASCII_BYTE.finditer(data))
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


def _mostly_text(text: str) -> bool:
    sample = text[:_SAMPLE_CHARS]
    return bool(sample) and len(CONTROL_OR_NUL.findall(sample)) / len(sample) < 0.01


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
    match = META_CHARSET.search(data[:8192])
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
    common = han.common_cjk()
    counts = Counter(NON_ASCII.findall(text, 0, _SAMPLE_CHARS))  # a few hundred distinct chars
    good = sum(n for ch, n in counts.items() if ch in common or CJK_PUNCT.match(ch))
    total = sum(counts.values())
    return good / total if total else 0.0
