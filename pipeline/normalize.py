"""Stage 2: RawDocument → NormalizedDocument (simplified, width-folded, with a map back).

Canonical forms after normalization, so later stages match one spelling:
- script: simplified Chinese via OpenCC ``tw2s``. ``t2s`` leaves 跟著/隨著/著力 unconverted; ``tw2s``
  converts them by phrase while keeping 著作/顯著, and unlike ``tw2sp`` it does not rewrite
  vocabulary (軟體 stays 软体, not 软件), so the text still says what the document said;
- digits, Latin letters and ``% . + - ~ /``: ASCII; every Unicode space: ``' '``;
- structural punctuation next to Chinese — ``( ) , : ;`` — full-width ``（ ）， ： ；``;
- kept as written: 〔〕, 《》, dashes — and –, and the full-width question mark ？.

Certain repairs (pinyin glosses such as ``根據(jù)``) are made and reported; uncertain damage
(mojibake) is only reported. Nothing is dropped silently: every removal is in a Warning.
Over 300 lines on purpose: every step here rewrites the text and the one offset map together, and
keeping them in one module is what keeps every evidence span exact.

Length (~330 lines): one pass over the text with one offset map; the folding, gloss and mojibake
steps each write into it, so they stay together.
"""
from __future__ import annotations

import difflib
import re
from array import array
from functools import lru_cache
from typing import Any, Optional

from schemas.records import Warning
from schemas.stages import POSITIONS, NormalizedDocument, RawDocument

from .lines import broken_line, lined_tables
from .rules import chars as han
from .rules.chars import (
    FOLDABLE,
    HALF_PUNCT,
    SUSPECT,
    SUSPECT_RUN,
)

_MAX_MOJIBAKE_WARNINGS = 50


@lru_cache(maxsize=1)
def _converter() -> Any:
    """The OpenCC converter, built once per process (loading its dictionaries is the slow part)."""
    import opencc

    return opencc.OpenCC("tw2s")


def normalize(raw: RawDocument) -> NormalizedDocument:
    """Simplify and fold ``raw.text``; ``offsets[i]`` is where normalized char ``i`` came from."""
    source = raw.text
    kept, warnings = _drop_pinyin_glosses(raw)
    text = source if kept is None else "".join([source[i] for i in kept])
    converted, conv_map = _to_simplified(text)
    offsets = conv_map if kept is None else array(POSITIONS, [kept[j] for j in conv_map])
    del kept, text
    out, out_offsets = _fold_chars(converted, offsets)
    del converted, conv_map, offsets
    out, out_offsets = _join_wrapped_lines(out, out_offsets)
    out_offsets.append(len(source))
    norm = NormalizedDocument(raw=raw, text=out, offsets=out_offsets, warnings=warnings)
    norm.warnings.extend(_mojibake_warnings(norm))
    return norm


def fold(text: str) -> str:
    """Normalize a short string (a dictionary entry, a user query) exactly as documents are."""
    converted, offsets = _to_simplified(text)
    return _fold_chars(converted, offsets)[0]


# --- pinyin glosses ----------------------------------------------------------------------------

def _drop_pinyin_glosses(raw: RawDocument) -> tuple[Optional[list[int]], list[Warning]]:
    """Indices of ``raw.text`` characters to keep (None: all of them), and one warning per line
    that had glosses."""
    source = raw.text
    removed: list[tuple[int, int]] = [m.span() for m in han.PINYIN_GLOSS.finditer(source)]
    if not removed:
        return None, []
    keep: list[int] = []
    prev = 0
    for start, end in removed:
        keep.extend(range(prev, start))
        prev = end
    keep.extend(range(prev, len(source)))

    warnings: list[Warning] = []
    group: list[tuple[int, int]] = []
    for span in removed + [(-1, -1)]:
        if group and (span[0] < 0 or "\n" in source[group[-1][1]:span[0]]):
            start, end = group[0][0], group[-1][1]
            examples = "".join(source[s:e] for s, e in group[:3])
            o_start, o_end = raw.to_original(start, end)
            warnings.append(Warning(
                code="pinyin_gloss",
                message=f"removed {len(group)} pinyin gloss(es) such as {examples}",
                text=raw.original[o_start:o_end], orig_start=o_start, orig_end=o_end,
            ))
            group = []
        group.append(span)
    return keep, warnings


# --- traditional → simplified ------------------------------------------------------------------

def _to_simplified(text: str) -> tuple[str, array[int]]:
    """Convert with OpenCC; map each output char to an input index (1:1 unless a line changed
    length, then aligned with difflib within that line). The map is an ``array(POSITIONS)``: a list
    of int objects took 36 bytes a character (600 MB for a 50 MB plan) where the array takes 4."""
    if not text:
        return "", array(POSITIONS)
    conv = _converter()
    # OpenCC stops at NUL (C strings): convert the pieces between NULs and keep the NULs.
    pieces = text.split("\x00")
    out = "\x00".join(conv.convert(p) for p in pieces)
    if len(out) == len(text):
        return out, array(POSITIONS, range(len(text)))
    mapping = array(POSITIONS)
    src_lines, dst_lines = _split_keep(text), _split_keep(out)
    if len(src_lines) != len(dst_lines):  # never seen; align the whole text instead
        src_lines, dst_lines = [text], [out]
    base = 0
    for src, dst in zip(src_lines, dst_lines):
        mapping.extend(base + k for k in _align(src, dst))
        base += len(src)
    return out, mapping


def _split_keep(text: str) -> list[str]:
    return text.splitlines(keepends=True) if "\n" in text else [text]


def _align(src: str, dst: str) -> list[int]:
    """For each char of ``dst``, an index into ``src``; non-decreasing."""
    if len(src) == len(dst):
        return list(range(len(src)))
    result: list[int] = []
    matcher = difflib.SequenceMatcher(None, src, dst, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            result.extend(range(i1, i2))
        elif op in ("replace", "insert"):
            span = max(i2 - i1, 1)
            anchor = min(i1, max(len(src) - 1, 0))
            result.extend(min(anchor + (k * span) // (j2 - j1), max(len(src) - 1, 0))
                          for k in range(j2 - j1))
    return result


# --- width and punctuation ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """The 1:1 width folding of ``_fold_chars``: code point → folded character."""
    table = {o: chr(o - 0xFEE0) for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
             for o in range(r[0], r[1] + 1)}
    table.update({ord(k): v for k, v in han.FULLWIDTH_SYMBOLS.items()})
    table.update({ord(k): " " for k in han.UNICODE_SPACES})
    return table


def _fold_chars(text: str, offsets: array[int]) -> tuple[str, array[int]]:
    """Width folding (1:1) and removal of zero-width characters; ``offsets`` itself when no
    character is removed. The few foldable characters are found in C (``str.translate`` visits
    every character: 18 × slower on the bench documents)."""
    if any(z in text for z in han.ZERO_WIDTH):  # rare: drop them and their offsets
        keep = [i for i, ch in enumerate(text) if ch not in han.ZERO_WIDTH]
        text, offsets = "".join([text[i] for i in keep]), array(POSITIONS, [offsets[i] for i in keep])
    table = _fold_table()
    return _fullwidth_punct(FOLDABLE.sub(lambda m: table[ord(m.group())], text)), offsets


def _join_wrapped_lines(text: str, offsets: array[int]) -> tuple[str, array[int]]:
    """Remove line breaks (and the blank lines of a page break) that fall inside a sentence, as
    in text converted from PDF: 达到\n300亿元 → 达到300亿元. Headings, signatures, dates and table
    rows keep their lines (see ``lines.broken_line``)."""
    if "\n" not in text:
        return text, offsets
    drop: list[tuple[int, int]] = []
    tables = lined_tables(text) if "性" in text else []
    i = text.find("\n")
    while i >= 0:
        end = i
        while end < len(text) and text[end] in "\n \t\u3000":
            end += 1  # the whole run: this break, blank lines, indentation
        if end < len(text) and not any(a <= i <= b for a, b in tables) and broken_line(text, i):
            drop.append((i, end))
        i = text.find("\n", end)
    if not drop:
        return text, offsets
    out_t: list[str] = []
    out_o = array(POSITIONS)
    prev = 0
    for start, end in drop:  # in order, never overlapping
        out_t.append(text[prev:start])
        out_o += offsets[prev:start]
        prev = end
    out_t.append(text[prev:])
    return "".join(out_t), out_o + offsets[prev:]


def _neighbour(chars: list[str], i: int, step: int) -> str:
    """Nearest non-space character on one side within the line ('' at a line edge)."""
    i += step
    while 0 <= i < len(chars) and chars[i] in " \t":
        i += step
    return chars[i] if 0 <= i < len(chars) and chars[i] != "\n" else ""


def _fullwidth_punct(text: str) -> str:
    """Half-width ( ) , : ; next to Chinese become full-width, line by line.

    A parenthesis pair converts together, when its content or its outside neighbours are Chinese,
    or when it opens a line of Chinese (an outline marker such as ``(1)``). ``1,000`` and
    ``10:30`` keep their ASCII separators. Lines without Han characters are left alone.
    """
    # Only lines holding one of ( ) , : ; can change: find those characters in C.
    pieces: list[str] = []
    prev, end = 0, -1
    for m in HALF_PUNCT.finditer(text):
        if m.start() < end:
            continue  # on a line already done
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        if han.HAN.search(text, start, end):
            pieces += (text[prev:start], _fullwidth_punct_line(text[start:end]))
            prev = end
    if not pieces:
        return text
    pieces.append(text[prev:])
    return "".join(pieces)


def _cjk_near(chars: list[str], i: int, step: int) -> bool:
    near = _neighbour(chars, i, step)
    return bool(near) and han.is_cjk_context(near)


def _fullwidth_punct_line(line: str) -> str:
    """One line of ``_fullwidth_punct``; only its ( ) , : ; are visited, left to right."""
    chars = list(line)
    n = len(chars)
    at = [m.start() for m in HALF_PUNCT.finditer(line)]
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for k in at:
        if chars[k] == "(":
            stack.append(k)
        elif chars[k] == ")" and stack:
            pairs.append((stack.pop(), k))
    matched = {k for pair in pairs for k in pair}
    for a, b in pairs:  # inner pairs first: an outer pair sees them converted
        opens_line = not line[:a].strip(" \t")
        inside = any(han.is_cjk_context(chars[k]) for k in range(a + 1, b))
        if inside or opens_line or _cjk_near(chars, a, -1) or _cjk_near(chars, b, 1):
            chars[a], chars[b] = "（", "）"
    for k in at:
        c = chars[k]
        if c in "()" and k in matched:
            continue
        if c in ",:" and 0 < k and k + 1 < n and chars[k - 1].isdigit() and chars[k + 1].isdigit():
            continue  # 1,000 and 10:30
        if c in han.HALF_TO_FULL_PUNCT and (_cjk_near(chars, k, -1) or _cjk_near(chars, k, 1)):
            chars[k] = han.HALF_TO_FULL_PUNCT[c]
    return "".join(chars)


# --- mojibake ----------------------------------------------------------------------------------


def _mojibake_warnings(norm: NormalizedDocument) -> list[Warning]:
    """Flag runs of '?'/U+FFFD next to Han characters and runs of rare or private-use characters
    typical of mis-decoding. Reported with their original span; the text is left as is."""
    text = norm.text
    common = han.common_cjk()
    # Most documents hold no suspect character at all: find that out with set and regex
    # operations in C before classifying any character in Python.
    rare = "".join(sorted(han.HAN.findall("".join(set(text) - common))))
    if not rare and not SUSPECT.search(text):
        return []

    def kind(ch: str) -> str:
        if ch in "?\ufffd":
            return "q"
        o = ord(ch)
        if 0xE000 <= o <= 0xF8FF:
            return "p"  # private use
        if (han.is_cjk(ch) and ch not in common) or 0x3040 <= o <= 0x30FF or 0xFF61 <= o <= 0xFF9F \
                or 0x2500 <= o <= 0x257F:
            return "r"  # rare Han, kana, half-width katakana, box drawing
        return "c" if han.is_cjk(ch) else "o"

    # Runs of suspect characters (kinds q, p, r), found in C; only their neighbours are classified.
    runs = re.compile(SUSPECT.pattern[:-1] + re.escape(rare) + "]+") if rare else SUSPECT_RUN
    regions: list[tuple[int, int]] = []
    n, done = len(text), 0
    for m in runs.finditer(text):
        i, j = m.span()
        if i < done:
            continue  # inside a region already extended over it
        run = {kind(ch) for ch in text[i:j]}
        before = kind(text[i - 1]) if i else "o"
        after = kind(text[j]) if j < n else "o"
        near_han = "c" in (before, after) or "r" in run
        if j - i == 1 and text[i] == "?" and after != "c":
            near_han = False  # a half-width question mark ending a sentence
        if ("\ufffd" in text[i:j] or "p" in run or ("q" in run and near_han)
                or ("q" not in run and j - i >= 3)):
            while j < n and j - i < 40 and text[j].isascii() and text[j].isalpha() \
                    and j + 1 < n and kind(text[j + 1]) in "cr":
                j += 1  # a stray Latin byte inside the damage, as in ??茖W布局
            regions.append((i, j))
        done = j

    warnings: list[Warning] = []
    for start, end in regions[:_MAX_MOJIBAKE_WARNINGS]:
        o_start, o_end = norm.to_original(start, end)
        snippet = norm.raw.original[o_start:o_end]
        warnings.append(Warning(code="mojibake", message=f"possible mis-decoded text {snippet!r}",
                                text=snippet, orig_start=o_start, orig_end=o_end))
    if len(regions) > _MAX_MOJIBAKE_WARNINGS:
        start, end = regions[_MAX_MOJIBAKE_WARNINGS][0], regions[-1][1]
        o_start, o_end = norm.to_original(start, end)
        warnings.append(Warning(
            code="mojibake",
            message=f"{len(regions) - _MAX_MOJIBAKE_WARNINGS} more possible mis-decoded runs",
            orig_start=o_start, orig_end=o_end,
        ))
    return warnings
