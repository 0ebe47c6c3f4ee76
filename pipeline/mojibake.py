"""UTF-8 text that was read as a single-byte code page (and saved again): ``дЄ≠еНО`` for 中华.

Each character of such text is one byte of the UTF-8 original, so encoding a run back to the
code page gives the UTF-8 bytes, and decoding them gives the text. A repair is made only when it
is unambiguous: one code page (or several that agree byte for byte) turns the suspect runs into
plausible text (common Han, CJK punctuation) and no other does. Otherwise nothing is changed and
one ``mojibake`` warning names the code pages suspected.

ftfy was considered: it knows cp1252/latin-1/Mac Roman but not Mac Cyrillic, and it returns the
fixed text without a map back, while every span here must map to the file as it is. The repair
below is plain codec calls; it returns, for each repaired character, where its bytes sit in the
text given, so decode can keep ``RawDocument.original`` exact.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from schemas.records import Warning

from .rules import chars as han
from .rules.chars import MOJIBAKE_CODECS, REPAIRED_PLAUSIBLE, code_page_runs

#: A repair needs at least this many repaired characters ...
_MIN_REPAIRED = 8
#: ... of which at least this share plausible, and this share of the suspect bytes decoded.
_MIN_PLAUSIBLE = 0.9
_MIN_DECODED = 0.8
#: Below this many characters that would be UTF-8 lead bytes of Han, a text is not looked at.
_MIN_SUSPECT = 12


@dataclass
class Repair:
    """The repaired text, the code page, and per repaired character (start in the repaired text,
    start and end in the text given); characters outside these map one to one."""

    text: str
    codec: str
    chars: list[tuple[int, int, int]] = field(default_factory=list)  # (repaired pos, orig start, orig end)


@dataclass
class _Trial:
    codec: str
    pieces: list[tuple[int, int, str]]  # (orig start, orig end, decoded text) per decoded stretch
    decoded_bytes: int
    suspect_bytes: int
    plausible: int
    decoded_chars: int


@lru_cache(maxsize=None)
def _cjk_leads(codec: str) -> str:
    """The characters the code page reads UTF-8's lead bytes of common Han (E4–E9) as."""
    return bytes(range(0xE4, 0xEA)).decode(codec, "ignore")


def _try(text: str, codec: str) -> _Trial | None:
    if sum(text.count(ch) for ch in _cjk_leads(codec)) < _MIN_SUSPECT:
        return None  # no Han character's bytes to be seen: the usual case, told in C
    runs = code_page_runs(codec)
    common = han.common_cjk()
    trial = _Trial(codec, [], 0, 0, 0, 0)
    for m in runs.finditer(text):
        data = m.group().encode(codec)
        trial.suspect_bytes += len(data)
        pos = 0
        while pos < len(data):
            try:
                decoded, end = data[pos:].decode("utf-8"), len(data)
            except UnicodeDecodeError as exc:
                decoded, end = data[pos:pos + exc.start].decode("utf-8"), pos + exc.start
                skip = max(exc.end - exc.start, 1)
            else:
                skip = 0
            if decoded:
                trial.pieces.append((m.start() + pos, m.start() + end, decoded))
                trial.decoded_bytes += end - pos
                trial.decoded_chars += len(decoded)
                trial.plausible += sum(1 for ch in decoded if ch in common or REPAIRED_PLAUSIBLE.match(ch))
            pos = end + skip
    return trial


def _good(t: _Trial) -> bool:
    return (t.decoded_chars >= _MIN_REPAIRED and t.plausible >= _MIN_PLAUSIBLE * t.decoded_chars
            and t.decoded_bytes >= _MIN_DECODED * t.suspect_bytes)


def diagnose(text: str) -> tuple[Repair | None, list[str]]:
    """The repair of ``text`` if exactly one reading is certain, else None; and the code pages
    suspected (those whose reading decodes some runs to plausible text)."""
    trials = [t for t in (_try(text, c) for c in MOJIBAKE_CODECS) if t and t.decoded_chars]
    suspected = [t.codec for t in trials if t.plausible >= _MIN_REPAIRED // 2
                 and t.plausible >= 0.5 * t.decoded_chars]
    good = [t for t in trials if _good(t)]
    readings = {tuple(t.pieces) for t in good}
    if len(readings) != 1:
        return None, suspected
    return _apply(text, good[0]), suspected


def _apply(text: str, t: _Trial) -> Repair:
    parts: list[str] = []
    chars: list[tuple[int, int, int]] = []
    prev = out_len = 0
    for start, end, decoded in t.pieces:
        parts.append(text[prev:start])
        out_len += start - prev
        o = start
        for ch in decoded:
            width = len(ch.encode("utf-8"))
            chars.append((out_len, o, o + width))
            o += width
            out_len += 1
        parts.append(decoded)
        prev = end
    parts.append(text[prev:])
    return Repair("".join(parts), t.codec, chars)


def compose(segments: list[tuple[int, int]], text_len: int, repair: Repair
            ) -> tuple[list[tuple[int, int]], dict[int, int]]:
    """RawDocument segments and widths for a text cleaned from the repaired text (``segments``
    map it to the repaired text) so that they map to the text as given: each repaired character
    starts a stretch of its own and spans its bytes' characters there (``widths``)."""
    breaks: list[tuple[int, int]] = [(0, 0)]  # repaired pos -> orig pos, one to one after each
    for rp, os, oe in repair.chars:
        breaks.append((rp, os))
        breaks.append((rp + 1, oe))
    starts = [b for b, _ in breaks]
    rps = [rp for rp, _, _ in repair.chars]

    def orig(r: int) -> int:
        k = bisect_right(starts, r) - 1
        b, o = breaks[k]
        return o + (r - b)

    out: list[tuple[int, int]] = []
    widths: dict[int, int] = {}
    for i, (t0, r0) in enumerate(segments):
        t1 = segments[i + 1][0] if i + 1 < len(segments) else text_len
        r1 = r0 + (t1 - t0)
        out.append((t0, orig(r0)))
        for k in range(bisect_right(starts, r0), bisect_left(starts, r1)):
            b, o = breaks[k]
            if not out or out[-1][0] != t0 + (b - r0):
                out.append((t0 + (b - r0), o))
            else:
                out[-1] = (t0 + (b - r0), o)
        for rp, os, oe in repair.chars[bisect_left(rps, r0):bisect_left(rps, r1)]:
            widths[t0 + (rp - r0)] = oe - os
    return out, widths



def repaired_to_given(pos: int, repair: Repair) -> int:
    """Where position ``pos`` of the repaired text sits in the text as given."""
    rps = [rp for rp, _, _ in repair.chars]
    k = bisect_right(rps, pos) - 1
    if k < 0:
        return pos
    rp, os, oe = repair.chars[k]
    return os if rp == pos else oe + (pos - rp - 1)


def mojibake_warnings(repair: Repair | None, suspected: list[str], given: str) -> list[Warning]:
    """One warning: what was repaired (and from which code page), or the code pages suspected
    where no repair was certain."""
    if repair:
        first, last = repair.chars[0], repair.chars[-1]
        return [Warning(code="mojibake", message=(
            f"repaired {len(repair.chars)} characters of UTF-8 text that had been read as {repair.codec} "
            f"(e.g. {given[first[1]:first[2]]!r} → {repair.text[first[0]]!r})"),
            orig_start=first[1], orig_end=last[2])]
    if suspected:
        return [Warning(code="mojibake", message=(
            "text looks like UTF-8 read as a single-byte code page (suspected: "
            f"{', '.join(suspected)}); not repaired: no reading is certain"))]
    return []
